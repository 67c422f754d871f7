// The few git operations the base build needs, behind one interface: a detached worktree of the base commit,
// fetched (depth 1) when the checkout lacks it, so workflows need no `fetch-depth: 0`.
import { getExecOutput } from '@actions/exec';

export interface Git {
  hasCommit(sha: string): Promise<boolean>;
  fetchCommit(sha: string): Promise<boolean>;
  addWorktree(dir: string, sha: string): Promise<void>;
  removeWorktree(dir: string): Promise<void>;
}

export function gitCli(cwd: string): Git {
  const git = async (args: string[]) => {
    const r = await getExecOutput('git', args, { cwd, ignoreReturnCode: true, silent: true });
    return { ok: r.exitCode === 0, out: `${r.stdout}${r.stderr}`.trim() };
  };
  return {
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
  };
}
