// What each package reader finds in a database, before its bytes are counted: a package and how to find the files
// it owns in the final filesystem (a list of paths, directories it owns whole, or only a declared size).
import { posix } from 'node:path';
import type { PackageEcosystem } from '../../core/report.js';

export interface PackageRecord {
  ecosystem: PackageEcosystem;
  name: string;
  version: string;
  /** Where its record is, absolute (`/var/lib/dpkg/status`). */
  location: string;
  /** Paths it lists (normalized: no leading `/`), when the database lists its files. */
  files?: string[];
  /** Directories (normalized) whose files it owns, each but what is below `except` (a nested node_modules). */
  dirs?: { path: string; except?: string }[];
  /** Bytes the database declares (dpkg's `Installed-Size`, apk's `I:`), used when no file is listed. */
  declared?: number;
}

/** What one reader made of the package files: its records and how many records it could not read. */
export interface ReaderResult {
  records: PackageRecord[];
  /** Records skipped as malformed (no name or version, bad JSON, …). */
  skipped: number;
}

/** The package files of the final filesystem, by normalized path (no leading `/`). */
export type PackageFiles = ReadonlyMap<string, Buffer>;

/**
 * A path as a database writes it (absolute, or relative to `base`), normalized as the file index spells paths; null
 * when it leaves the root or names the root.
 */
export function normalizeListed(path: string, base = ''): string | null {
  if (path === '') return null;
  // Most lines are already clean absolute paths (every line of a dpkg list): no normalizing needed.
  if (path[0] === '/' && !path.includes('/.') && !path.includes('//') && !path.endsWith('/')) {
    return path.length > 1 ? path.slice(1) : null;
  }
  if (path.startsWith('/')) {
    const normalized = posix.normalize(path).replace(/^\/+/, '').replace(/\/+$/, '');
    return normalized === '' ? null : normalized;
  }
  const normalized = posix.normalize(base === '' ? path : `${base}/${path}`).replace(/\/+$/, '');
  if (normalized === '.' || normalized === '..' || normalized.startsWith('../')) return null;
  return normalized;
}

/** The directory holding a normalized path (`''` at the root). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * The header fields of an RFC 822-style block (a dpkg stanza, Python's METADATA): `Key: value` lines, continuation
 * lines (starting with a space or tab) skipped. Only the keys asked for are kept; the first occurrence wins.
 */
export function headerFields(lines: readonly string[], keys: ReadonlySet<string>): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of lines) {
    if (line === '' || line[0] === ' ' || line[0] === '\t') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon);
    if (keys.has(key) && !fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
  }
  return fields;
}

/** Text lines of a file, with `\r\n` read as `\n`. */
export function linesOf(body: Buffer): string[] {
  const text = body.toString('utf8');
  return text.includes('\r') ? text.split(/\r?\n/) : text.split('\n');
}
