// `git` in the current folder, for `compare --base-ref`: the base commit's config file and Dockerfile are read
// from git objects there (src/app/base-commit.ts).
import { execFile } from 'node:child_process';
import type { GitRun } from '../app/base-commit.js';

export function gitIn(cwd: string): GitRun {
  return (args) =>
    new Promise((done) => {
      execFile('git', [...args], { cwd, maxBuffer: 8 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) =>
        done({ ok: !error, stdout: stdout ?? '' }),
      );
    });
}
