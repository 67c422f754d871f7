// What the fixer (src/lint/fix/) is told about the build context, read from disk: the context as the engine
// would send it, its ignore file, and what a path is by its content. `lint --fix` and the Action's review
// suggestions both fix the same way, so both read it here.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ContextScan, scanContext, walkContext } from '../lint/context.js';
import type { FixContext } from '../lint/fix/index.js';

/** Magic numbers of what ADD unpacks: tar, gzip, bzip2, xz, zstd. */
function isArchiveHead(head: Buffer): boolean {
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return true;
  if (head[0] === 0x1f && head[1] === 0x8b) return true;
  if (head.toString('latin1', 0, 3) === 'BZh') return true;
  if (head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return true;
  return head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
}

function kindOf(root: string, path: string): 'archive' | 'file' | 'dir' | 'missing' {
  let fd: number | null = null;
  try {
    const st = statSync(join(root, path));
    if (st.isDirectory()) return 'dir';
    if (!st.isFile()) return 'missing';
    fd = openSync(join(root, path), 'r');
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, head.length, 0);
    return isArchiveHead(head.subarray(0, n)) ? 'archive' : 'file';
  } catch {
    return 'missing';
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * The build context for the fixer; null when `contextDir` is not a directory. `scanned`: the same context as the
 * lint of the same Dockerfile read it (lintDockerfileResult's `context`), taken as it is instead of read again;
 * its kept listing serves the walks with a changed ignore file too.
 */
export async function fixContext(
  contextDir: string,
  dockerfile: string,
  scanned?: ContextScan | null,
): Promise<FixContext | null> {
  let scan = scanned && scanned.dir === contextDir ? scanned : null;
  if (!scan) {
    try {
      if (!statSync(contextDir).isDirectory()) return null;
    } catch {
      return null;
    }
    // scanContext checks the ignore file (a regular file, not too large) before anything reads it
    scan = scanContext(contextDir, dockerfile);
  }
  const { info, ignoreText, tree } = scan;
  const ignorePath = info.ignoreFile ?? join(contextDir, '.dockerignore');
  return {
    info,
    ignoreText,
    ignorePath,
    withIgnore: (text) => walkContext(tree, text, ignorePath),
    kindOf: (path) => kindOf(contextDir, path),
  };
}
