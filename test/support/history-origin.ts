// A bare repository as `origin` for the size history's tests: a default branch of a few commits, clones of it
// as a runner's checkouts would be, and a pre-receive hook that refuses pushes the way a read-only token is
// refused.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git-repo.js';

export interface HistoryOrigin {
  /** The bare repository. */
  bare: string;
  /** The default branch's commits, oldest first. */
  commits: string[];
  /** A clone at `commit`, as actions/checkout leaves one (origin set, detached at the commit). */
  checkout(name: string, commit: string): string;
  /** Every later push is refused, as GitHub refuses a token without contents: write. */
  refusePushes(): void;
  /** The history file of `branch` on origin; null when there is no branch. */
  historyFile(branch?: string): string | null;
}

export function historyOrigin(dir: string, commitCount = 4): HistoryOrigin {
  mkdirSync(dir, { recursive: true });
  const bare = join(dir, 'origin.git');
  const seed = join(dir, 'seed');
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(dir, 'init', '-q', '-b', 'main', seed);
  git(seed, 'config', 'user.email', 't@example.com');
  git(seed, 'config', 'user.name', 't');
  const commits: string[] = [];
  for (let i = 1; i <= commitCount; i++) {
    writeFileSync(join(seed, 'README.md'), `commit ${i}\n`);
    git(seed, 'add', '-A');
    git(seed, 'commit', '-q', '-m', `commit ${i}`);
    commits.push(git(seed, 'rev-parse', 'HEAD'));
  }
  git(seed, 'push', '-q', bare, 'main');
  return {
    bare,
    commits,
    checkout(name, commit) {
      const ws = join(dir, name);
      git(dir, 'clone', '-q', '--no-checkout', bare, ws);
      git(ws, 'checkout', '-q', '--detach', commit);
      return ws;
    },
    refusePushes() {
      const hook = join(bare, 'hooks', 'pre-receive');
      writeFileSync(
        hook,
        "#!/bin/sh\necho 'Permission to octo-org/app.git denied to github-actions[bot].' >&2\nexit 1\n",
      );
      chmodSync(hook, 0o755);
    },
    historyFile(branch = 'image-guard-history') {
      try {
        return git(bare, 'cat-file', 'blob', `refs/heads/${branch}:history.jsonl`);
      } catch {
        return null;
      }
    },
  };
}
