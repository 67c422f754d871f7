// Path rules for tar members, the way moby's archive package applies a layer: a member's name is cleaned
// and joined to the root (an absolute name, like the `/` or `./` root entry Kaniko writes, lands under the
// root too: Go's filepath.Clean and Join cannot take it above) and must stay under the root; a hard link's target is taken from the root; a symlink's relative target
// is joined with the symlink's own directory and must stay under the root, while an absolute target is fine
// (it resolves inside the container's root at run time).

import { posix } from 'node:path';
import { rootedPath } from '../core/rooted-path.js';

/** Why a path was refused; the caller names the layer and the member. */
export class UnsafePathError extends Error {}

/**
 * `./usr//bin/` → `usr/bin`; the root itself (`.`, `./`, `/`) → ``; `/etc/passwd` → `etc/passwd` (moby joins
 * it to the root). Throws UnsafePathError for a relative path whose `..` leads outside the root.
 */
export function normalizeMemberPath(raw: string): string {
  // An absolute name is cleaned as Go's Clean does for rooted paths (`..` stops at the root), made relative.
  if (raw.startsWith('/')) return rootedPath(raw);
  return clean(raw, raw);
}

/** A hard link's target, relative to the root even when written absolute (moby joins it to the root). */
export function normalizeHardlinkTarget(target: string): string {
  return clean(target.replace(/^\/+/, ''), target);
}

/** Throws UnsafePathError when a relative symlink target, joined with the link's directory, leaves the root. */
export function checkSymlinkTarget(memberPath: string, target: string): void {
  if (target.startsWith('/')) return;
  const dir = posix.dirname(memberPath);
  const joined = posix.normalize(`${dir === '.' ? '' : `${dir}/`}${target}`);
  if (joined === '..' || joined.startsWith('../')) {
    throw new UnsafePathError(`symlink "${memberPath}" -> "${target}" points outside the image root`);
  }
}

// A path with no empty, `.` or `..` segment and no leading or trailing slash is already clean.
const NEEDS_CLEANING = /(^|\/)\.{1,2}(\/|$)|\/\/|^\/|\/$/;

function clean(path: string, original: string): string {
  if (path === '' || path === '.' || path === './') return '';
  if (!NEEDS_CLEANING.test(path)) return path;
  const normalized = posix.normalize(path);
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new UnsafePathError(`path "${original}" leaves the image root`);
  }
  if (normalized === '.' || normalized === './') return '';
  return normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';
