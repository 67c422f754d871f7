// The few git operations the base needs, behind one interface: a detached worktree of the base commit for its
// build, and its files read from git objects for its policy; fetched (depth 1) when the checkout lacks it, so
// workflows need no `fetch-depth: 0`.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getExecOutput } from '@actions/exec';
import { type BaseCommit, baseCommit } from '../app/base-commit.js';

export interface Git {
  /** The commit `ref` names, whose files are read from git objects (the policy of a pull request). */
  baseCommit(ref: string): Promise<BaseCommit>;
  hasCommit(sha: string): Promise<boolean>;
  fetchCommit(sha: string): Promise<boolean>;
  addWorktree(dir: string, sha: string): Promise<void>;
  removeWorktree(dir: string): Promise<void>;
  /** The commit checked out (HEAD); null when there is none. */
  checkedOut(): Promise<string | null>;
  /** The plumbing the size history needs (src/action/history.ts); never touches the checkout's files or HEAD. */
  history?: HistoryGit;
}

/** A branch of `origin` read and written with git's plumbing, through a ref of image-guard's own. */
export interface HistoryGit {
  /** The branch's tip on origin: its SHA, null when origin has no such branch; throws when origin cannot be asked. */
  remoteTip(branch: string): Promise<string | null>;
  /** Fetches the branch at depth 1 into `ref`; its tip. Throws when the fetch fails. */
  fetchInto(branch: string, ref: string): Promise<string>;
  /** A file of a commit as text; null when the commit has no such file. */
  readFile(commit: string, path: string): Promise<string | null>;
  /** The commit's tree as `git ls-tree` lines (mode, type, object, tab, name). */
  treeLines(commit: string): Promise<string[]>;
  /** A commit of `tree` lines with `path` set to `text`, on `parent` (null: an orphan); its SHA. Writes no ref. */
  commitFile(o: {
    parent: string | null;
    tree: readonly string[];
    path: string;
    text: string;
    message: string;
  }): Promise<string>;
  /** Pushes `commit` to the branch on origin, fast-forward only; why not, on one line, when it is refused. */
  push(commit: string, branch: string): Promise<string | null>;
  deleteRef(ref: string): Promise<void>;
}

/** The committer of the history's commits: the Actions bot, as GitHub shows its own commits. */
const HISTORY_AUTHOR = {
  GIT_AUTHOR_NAME: 'github-actions[bot]',
  GIT_AUTHOR_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'github-actions[bot]',
  GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
};

/**
 * git's last line of complaint, with anything that could be a credential taken out: the userinfo of a URL
 * (`https://x-access-token:TOKEN@…`) and an `Authorization:` header's value.
 */
export function gitComplaint(out: string): string {
  const lines = out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^hint:/i.test(l) && !/failed to push some refs|^To \S+$|^Done$/i.test(l));
  const line = lines.find((l) => /^(fatal|remote|!|error)\b/i.test(l)) ?? lines.at(-1) ?? 'no message';
  return line
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@')
    .replace(/(authorization:\s*)(\S+\s+)?\S+/gi, '$1***');
}

export function gitCli(cwd: string): Git {
  const git = async (args: string[]) => {
    const r = await getExecOutput('git', args, { cwd, ignoreReturnCode: true, silent: true });
    return { ok: r.exitCode === 0, out: `${r.stdout}${r.stderr}`.trim() };
  };
  const run = async (args: readonly string[]) => {
    const r = await getExecOutput('git', [...args], { cwd, ignoreReturnCode: true, silent: true });
    return { ok: r.exitCode === 0, stdout: r.stdout };
  };
  return {
    history: historyGit(cwd),
    baseCommit: (ref) => baseCommit(run, ref, 'the base commit'),
    async hasCommit(sha) {
      return (await git(['cat-file', '-e', `${sha}^{commit}`])).ok;
    },
    async fetchCommit(sha) {
      return (await git(['fetch', '--no-tags', '--depth=1', 'origin', sha])).ok;
    },
    async addWorktree(dir, sha) {
      const r = await git(['worktree', 'add', '--detach', dir, sha]);
      if (!r.ok) throw new Error(`git worktree add failed: ${r.out.split('\n').pop()}`);
    },
    async removeWorktree(dir) {
      await git(['worktree', 'remove', '--force', dir]);
      await git(['worktree', 'prune']);
    },
    async checkedOut() {
      const r = await run(['rev-parse', '--verify', '--quiet', 'HEAD']);
      const sha = r.stdout.trim();
      return r.ok && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
    },
  };
}

function historyGit(cwd: string): HistoryGit {
  const git = async (args: string[], o: { input?: string; env?: Record<string, string> } = {}) => {
    const r = await getExecOutput('git', args, {
      cwd,
      ignoreReturnCode: true,
      silent: true,
      ...(o.input !== undefined ? { input: Buffer.from(o.input) } : {}),
      // git's words in English, whatever the runner's locale: the history's warning quotes them.
      env: { ...(process.env as Record<string, string>), LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', ...o.env },
    });
    return { code: r.exitCode, stdout: r.stdout, out: `${r.stdout}${r.stderr}` };
  };
  /** .git/shallow as it was before the first fetch of this run (null: the file was not there). */
  let shallow: { path: string; text: string | null } | undefined;
  const keepShallow = async () => {
    const path = resolve(cwd, (await git(['rev-parse', '--git-path', 'shallow'])).stdout.trim());
    return { path, text: await readFile(path, 'utf8').catch(() => null) };
  };
  const must = async (
    what: string,
    args: string[],
    o: { input?: string; env?: Record<string, string> } = {},
  ) => {
    const r = await git(args, o);
    if (r.code !== 0) throw new Error(`git ${what} failed: ${gitComplaint(r.out)}`);
    return r.stdout.trim();
  };
  return {
    async remoteTip(branch) {
      const r = await git(['ls-remote', '--exit-code', '--heads', 'origin', `refs/heads/${branch}`]);
      if (r.code === 2) return null;
      if (r.code !== 0) throw new Error(`git ls-remote failed: ${gitComplaint(r.out)}`);
      return r.stdout.trim().split(/\s+/)[0] ?? null;
    },
    async fetchInto(branch, ref) {
      // A fetch at depth 1 writes the fetched commit into .git/shallow, which would make a full clone look
      // shallow to the job's later steps: its content is kept here and put back by deleteRef.
      shallow ??= await keepShallow();
      await must('fetch', [
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        '--depth=1',
        'origin',
        `+refs/heads/${branch}:${ref}`,
      ]);
      return must('rev-parse', ['rev-parse', '--verify', `${ref}^{commit}`]);
    },
    async readFile(commit, path) {
      const r = await git(['cat-file', 'blob', `${commit}:${path}`]);
      return r.code === 0 ? r.stdout : null;
    },
    async treeLines(commit) {
      return (await must('ls-tree', ['ls-tree', commit])).split('\n').filter(Boolean);
    },
    async commitFile(o) {
      const blob = await must('hash-object', ['hash-object', '-w', '--stdin'], { input: o.text });
      const entries = o.tree.filter((l) => l.split('\t')[1] !== o.path);
      entries.push(`100644 blob ${blob}\t${o.path}`);
      const tree = await must('mktree', ['mktree'], { input: `${entries.join('\n')}\n` });
      return must(
        'commit-tree',
        ['commit-tree', tree, ...(o.parent ? ['-p', o.parent] : []), '-m', o.message],
        { env: HISTORY_AUTHOR },
      );
    },
    async push(commit, branch) {
      const r = await git(['push', '--no-verify', 'origin', `${commit}:refs/heads/${branch}`]);
      return r.code === 0 ? null : gitComplaint(r.out);
    },
    async deleteRef(ref) {
      await git(['update-ref', '-d', ref]);
      if (shallow) {
        const kept = shallow;
        shallow = undefined;
        if (kept.text === null) await rm(kept.path, { force: true });
        else await writeFile(kept.path, kept.text);
      }
    },
  };
}
