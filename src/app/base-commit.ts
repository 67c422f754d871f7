// The base commit's files, read from git objects (`git ls-tree`, `git cat-file`), never by checking the base out
// over the PR's tree: what the policy of a pull request is read from (src/app/load-settings.ts). The git command
// itself is a port: the Action runs it through @actions/exec, the CLI through child_process.
import { isAbsolute, posix, relative, sep } from 'node:path';
import { UserError } from '../core/errors.js';
import { formatBytes } from '../core/size.js';

/** Runs `git ARGS` in the checkout; `stdout` is what git printed there (stderr apart). */
export type GitRun = (args: readonly string[]) => Promise<{ ok: boolean; stdout: string }>;

export type BaseFile =
  | { kind: 'file'; text: string }
  | { kind: 'missing' }
  /** There, but not a file image-guard reads: `why` says what it is (a symlink, a directory, too big). */
  | { kind: 'refused'; why: string };

export interface BaseCommit {
  /** The commit, short (`3f2a9c1`), as messages and the report name it. */
  label: string;
  /** The file at `path` (relative to the checkout's folder, slash-separated) in the base commit. */
  read(path: string, maxBytes: number): Promise<BaseFile>;
}

/** The commit `ref` names in the checkout `git` runs in; a UserError when there is none. */
export async function baseCommit(git: GitRun, ref: string, what: string): Promise<BaseCommit> {
  if (ref.startsWith('-')) throw new UserError(`${what} ${JSON.stringify(ref)} is not a commit`);
  const resolved = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const sha = resolved.stdout.trim();
  if (!resolved.ok || !/^[0-9a-f]{40,64}$/.test(sha))
    throw new UserError(
      `${what} ${JSON.stringify(ref)} is no commit of this checkout: fetch it (actions/checkout with fetch-depth: 0, or git fetch) or name another`,
    );
  return {
    label: sha.slice(0, 7),
    read: (path, maxBytes) => readBlob(git, sha, path, maxBytes),
  };
}

async function readBlob(git: GitRun, sha: string, path: string, maxBytes: number): Promise<BaseFile> {
  // One entry, NUL-terminated: `MODE TYPE OBJECT\tPATH`. Paths are relative to the folder git runs in.
  const listed = await git(['ls-tree', '-z', sha, '--', path]);
  if (!listed.ok) return { kind: 'missing' };
  const entry = listed.stdout.split('\0').find((e) => e.includes('\t'));
  if (!entry) return { kind: 'missing' };
  const [mode, type, object] = entry.slice(0, entry.indexOf('\t')).split(' ');
  if (type === 'tree') return { kind: 'refused', why: 'a directory' };
  if (mode === '120000') return { kind: 'refused', why: 'a symbolic link' };
  if (type !== 'blob' || !object || !/^[0-9a-f]+$/.test(object))
    return { kind: 'refused', why: 'not a file' };
  const size = Number((await git(['cat-file', '-s', object])).stdout.trim());
  if (!Number.isFinite(size)) return { kind: 'missing' };
  if (size > maxBytes)
    return { kind: 'refused', why: `${formatBytes(size)}, more than the ${formatBytes(maxBytes)} read` };
  const blob = await git(['cat-file', 'blob', object]);
  return blob.ok ? { kind: 'file', text: blob.stdout } : { kind: 'missing' };
}

/** A path given relative to `dir` (the checkout) as git names it there: slash-separated, inside it. */
export function gitPath(path: string, dir: string): string {
  const rel = posix.normalize((isAbsolute(path) ? relative(dir, path) : path).split(sep).join('/'));
  if (rel === '..' || rel.startsWith('../') || isAbsolute(rel))
    throw new UserError(
      `${path} is outside ${dir}: to be read at the base commit it must be a file of the repository`,
    );
  return rel;
}
