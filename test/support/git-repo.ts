import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

export interface TwoCommitRepo {
  dir: string;
  baseSha: string;
  headSha: string;
}

/** A repository at `dir` whose main commit has `base` files (none: a README only) and whose PR commit adds `head`. */
export function twoCommitRepo(
  dir: string,
  base: Record<string, string> | null,
  head: Record<string, string>,
): TwoCommitRepo {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 't@example.com');
  git(dir, 'config', 'user.name', 't');
  const commit = (files: Record<string, string>, message: string) => {
    for (const [f, c] of Object.entries(files)) writeFileSync(join(dir, f), c);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', message);
    return git(dir, 'rev-parse', 'HEAD');
  };
  const baseSha = commit(base ?? { 'README.md': 'empty\n' }, 'base');
  const headSha = commit(head, 'pr');
  return { dir, baseSha, headSha };
}

/** A `pull_request` event payload of the shape GitHub sends, with the fields the Action reads. */
export function pullRequestEvent(
  r: TwoCommitRepo,
  o: { owner: string; repo: string; number: number; fork?: boolean },
): Record<string, unknown> {
  return {
    action: 'synchronize',
    number: o.number,
    pull_request: {
      number: o.number,
      head: {
        sha: r.headSha,
        ref: 'feature',
        repo: { full_name: o.fork ? `someone/${o.repo}` : `${o.owner}/${o.repo}`, fork: Boolean(o.fork) },
      },
      base: { sha: r.baseSha, ref: 'main', repo: { full_name: `${o.owner}/${o.repo}` } },
    },
    repository: { full_name: `${o.owner}/${o.repo}`, name: o.repo, owner: { login: o.owner } },
  };
}
