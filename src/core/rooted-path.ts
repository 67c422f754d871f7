import { posix } from 'node:path';

/**
 * A path cleaned as Go's `filepath.Clean` cleans a rooted one, then made relative to the root: empty and `.`
 * segments dropped, `..` taken back, and a `..` above the root stays at the root (`a/../../b` → `b`); no leading
 * or trailing `/`, and '' for the root itself. What an image's filesystem, a package list or a build context
 * means by a path, wherever it was written from.
 */
export function rootedPath(path: string): string {
  const normalized = posix.normalize(`/${path}`);
  let start = 0;
  while (normalized[start] === '/') start++;
  let end = normalized.length;
  while (end > start && normalized[end - 1] === '/') end--;
  return normalized.slice(start, end);
}
