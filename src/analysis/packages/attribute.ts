// Which package owns each file of the final filesystem. Packages claim files in turn, the OS package managers
// first, then Python, npm, gems (within that, in the order of the package list); the files a database lists are
// claimed before the directories a package owns whole (an npm package's, a gem's, a dist-info), and a file goes
// to the first claim: every file has at most one owner, and a package's bytes are the file index's bytes of the files it owns,
// so hard links count once and files deleted or replaced by a later layer count as the index says.

import { rootedPath } from '../../core/rooted-path.js';
import { comparePaths, type FileIndex } from '../file-index.js';
import type { PackageRecord } from './record.js';

/** The target of a symlink at a normalized path of the final filesystem, undefined when none is there. */
export type LinkTarget = (path: string) => string | undefined;

export interface Attribution {
  /** Per path of the index, the index of its owner in `records`, -1 for none. */
  owners: number[];
  /** Per record, the bytes of the files it owns. */
  bytes: number[];
}

const CLAIM_RANK: Record<PackageRecord['ecosystem'], number> = {
  deb: 0,
  apk: 0,
  rpm: 0,
  python: 1,
  npm: 2,
  gem: 3,
};

export function attribute(
  records: readonly PackageRecord[],
  index: FileIndex,
  linkTarget?: LinkTarget,
): Attribution {
  const { paths, sizes } = index;
  const owners = new Array<number>(paths.length).fill(-1);
  const order = records
    .map((_, i) => i)
    .sort((a, b) => CLAIM_RANK[records[a]!.ecosystem] - CLAIM_RANK[records[b]!.ecosystem] || a - b);
  // Listed paths first: each (its symlinked directories followed) goes to the first record that lists it, and one
  // pass over the index looks them up (cheaper than a map of the whole index).
  const claims = new Map<string, number>();
  const resolvedDirs = new Map<string, string | null>();
  const resolve = (path: string): string | null => {
    const slash = path.lastIndexOf('/');
    if (!linkTarget || slash < 0) return path;
    const dir = path.slice(0, slash);
    let resolved = resolvedDirs.get(dir);
    if (resolved === undefined) {
      resolved = throughLinks(dir, linkTarget, true);
      resolvedDirs.set(dir, resolved);
    }
    if (resolved === null) return null;
    return resolved === dir ? path : `${resolved}${path.slice(slash)}`;
  };
  for (const r of order) {
    for (const path of records[r]!.files ?? []) {
      const key = resolve(path);
      if (key !== null && !claims.has(key)) claims.set(key, r);
    }
  }
  if (claims.size > 0) {
    for (let at = 0; at < paths.length; at++) {
      const owner = claims.get(paths[at]!);
      if (owner !== undefined) owners[at] = owner;
    }
  }
  // Then directories (npm packages, gems, Python metadata directories): what no list claimed below them.
  for (const r of order) {
    for (const dir of records[r]!.dirs ?? []) {
      const prefix = dir.path === '' ? '' : `${dir.path}/`;
      const except = dir.except === undefined ? null : `${dir.except}/`;
      for (let at = lowerBound(paths, prefix); at < paths.length && paths[at]!.startsWith(prefix); at++) {
        if (owners[at] !== -1 || (except !== null && paths[at]!.startsWith(except))) continue;
        owners[at] = r;
      }
    }
  }
  const bytes = new Array<number>(records.length).fill(0);
  for (let at = 0; at < owners.length; at++) {
    const owner = owners[at]!;
    if (owner >= 0) bytes[owner]! += sizes[at]!;
  }
  return { owners, bytes };
}

/** The first index whose path is at or after `key` in path order. */
function lowerBound(paths: readonly string[], key: string): number {
  let lo = 0;
  let hi = paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePaths(paths[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A listed path with the symlinked directories on its way followed (`bin/bash` where `/bin` links to `usr/bin`,
 * as a merged-/usr system has it), its last segment too when `whole`; null after too many links.
 */
export function throughLinks(path: string, linkTarget: LinkTarget, whole = false): string | null {
  let current = path;
  let hops = 0;
  let from = 0;
  for (;;) {
    const slash = current.indexOf('/', from);
    if (slash < 0 && !whole) return current;
    const prefix = slash < 0 ? current : current.slice(0, slash);
    const target = linkTarget(prefix);
    if (target !== undefined) {
      if (++hops > 32) return null;
      const parent = prefix.lastIndexOf('/');
      const base = target.startsWith('/') || parent < 0 ? '' : prefix.slice(0, parent);
      current = rootedPath(`${base}/${target}${slash < 0 ? '' : current.slice(slash)}`);
      from = 0;
      continue;
    }
    if (slash < 0) return current;
    from = slash + 1;
  }
}
