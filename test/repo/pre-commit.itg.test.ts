// The pre-commit hook (.pre-commit-hooks.yaml) as pre-commit runs it: `pre-commit try-repo` against a clone of
// this repository (its committed files, with the working tree's hook file, package.json and dist/ laid over
// them, so that what is tested is what is built), on a repository with a good and a bad Dockerfile. pre-commit
// installs the hook as `language: node` does: `npm install` and `npm pack` in the clone, then
// `npm install -g` of the tarball, with the Node on the PATH (`language_version: system`). It needs no engine:
// it runs once, in the `engine` project (vitest.config.ts), which has the time for the npm install.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

const have = await run('pre-commit', ['--version']).then(
  () => true,
  () => false,
);
if (!have && process.env.CI === 'true')
  throw new Error("CI=true: pre-commit is not installed (scripts/test-env.sh installs Debian's pre-commit)");

describe.skipIf(!have)('the pre-commit hook image-guard-lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ig-pre-commit-'));
  const clone = join(dir, 'image-guard');
  const project = join(dir, 'project');
  const env = {
    ...process.env,
    PRE_COMMIT_HOME: join(dir, 'cache'),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  const git = (cwd: string, ...args: string[]) => run('git', args, { cwd, env });

  beforeAll(async () => {
    await run('git', ['clone', '--quiet', '--no-hardlinks', root, clone], { env });
    for (const f of ['.pre-commit-hooks.yaml', 'package.json', 'package-lock.json', 'dist'])
      cpSync(join(root, f), join(clone, f), { recursive: true });
    await git(clone, 'add', '-A');
    await git(clone, 'commit', '--quiet', '--allow-empty', '-m', 'the working tree');

    mkdirSync(join(project, 'svc'), { recursive: true });
    await git(project, 'init', '--quiet');
    // bad: the source copied before the dependencies are installed (IG009, an error), in a file the pattern
    // must find
    writeFileSync(
      join(project, 'svc/Dockerfile.prod'),
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
    );
    writeFileSync(join(project, 'svc/requirements.txt'), 'flask\n');
    writeFileSync(join(project, 'svc/.dockerignore'), '.git\n');
    // good: a Containerfile image-guard has nothing to say about
    writeFileSync(
      join(project, 'Containerfile'),
      'FROM busybox:1.36.1\nCOPY app.sh /app.sh\nUSER 1000\nCMD ["sh", "/app.sh"]\n',
    );
    writeFileSync(join(project, 'app.sh'), 'echo hi\n');
    writeFileSync(join(project, 'README.md'), '# not a Dockerfile\n');
    await git(project, 'add', '-A');
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function tryRepo(...args: string[]): Promise<{ code: number; out: string }> {
    try {
      const r = await run('pre-commit', ['try-repo', clone, 'image-guard-lint', ...args], {
        cwd: project,
        env,
        maxBuffer: 16 << 20,
      });
      return { code: 0, out: r.stdout + r.stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  }

  it('fails on the bad Dockerfile, naming its findings, and passes the good Containerfile', async () => {
    const all = await tryRepo('--all-files');
    expect(all.code, all.out).toBe(1);
    expect(all.out).toMatch(/image-guard lint\.+Failed/);
    expect(all.out).toContain('svc/Dockerfile.prod');
    expect(all.out).toMatch(/svc\/Dockerfile\.prod:4 error IG009 cache-order/);
    expect(all.out).toContain('Containerfile: no findings');

    const good = await tryRepo('--files', 'Containerfile', 'README.md');
    expect(good.out).toMatch(/image-guard lint\.+Passed/);
    expect(good.code, good.out).toBe(0);

    // README.md alone matches no pattern: the hook is skipped
    const none = await tryRepo('--files', 'README.md');
    expect(none.out).toMatch(/image-guard lint\.+\(no files to check\)Skipped/);
  }, 600_000);
});
