// The few git operations the base needs, behind one interface: a detached worktree of the base commit for its
// build, and its files read from git objects for its policy; fetched (depth 1) when the checkout lacks it, so
// workflows need no `fetch-depth: 0`.
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
