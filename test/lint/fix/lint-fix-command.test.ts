// `image-guard lint --fix` and `--fix --diff` through the CLI: what is written, what is printed, exit status.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-io.js';

let dir: string;
const cwd = process.cwd();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ig-lint-fix-'));
  process.chdir(dir);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

function project(name: string, files: Record<string, string | Buffer>): string {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, name, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
  }
  return name;
}

const APP = [
  'FROM python:3.13-slim',
  'RUN apt-get update \\',
  '    && apt-get install -y --no-install-recommends curl',
  'RUN pip install flask',
  'RUN useradd --create-home app',
  'ADD app.py /app/',
  'COPY . /src/',
  'CMD ["python", "/app/app.py"]',
  '',
].join('\n');
const FIXED = [
  'FROM python:3.13-slim',
  'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1',
  'RUN apt-get update \\',
  '    && apt-get install -y --no-install-recommends curl \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'RUN pip install --no-cache-dir flask',
  'RUN useradd --create-home app',
  'COPY app.py /app/',
  'COPY . /src/',
  'USER app',
  'CMD ["python", "/app/app.py"]',
  '',
].join('\n');

describe('lint --fix', () => {
  it('rewrites the Dockerfile, creates .dockerignore, lists each change and what it left', async () => {
    const p = project('app', { Dockerfile: APP, 'app.py': 'print(1)\n', '.git/HEAD': 'ref\n' });
    const r = await runCli(['lint', `${p}/Dockerfile`, '--fix']);
    expect(r.err).toBe('');
    expect(readFileSync(`${p}/Dockerfile`, 'utf8')).toBe(FIXED);
    expect(readFileSync(`${p}/.dockerignore`, 'utf8')).toBe('**/.git\n');
    expect(r.out).toBe(
      [
        'app/Dockerfile:1: fixed IG010 non-root: added `USER app` before `CMD ["python", "/app/app.py"]`',
        'app/Dockerfile:1: fixed IG016 python-env: added `ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1` after the final FROM',
        'app/Dockerfile:3: fixed IG005 os-package-cache: added `&& rm -rf /var/lib/apt/lists/*` at the end of the RUN',
        'app/Dockerfile:6: fixed IG004 pip-cache: added `--no-cache-dir` to `pip install`',
        'app/Dockerfile:8: fixed IG017 add-local: `ADD` → `COPY` (a local path, no archive)',
        'app/Dockerfile:9: fixed IG008 dockerignore: created app/.dockerignore: **/.git',
        'app/Dockerfile:6: left IG007 merge-runs (info): not mechanical',
        'app/Dockerfile:9: left IG012 copy-all-final (info): not mechanical',
        '6 fixed, 2 left; wrote app/Dockerfile and app/.dockerignore',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);

    const again = await runCli(['lint', `${p}/Dockerfile`, '--fix']);
    expect(again.out.trimEnd().split('\n').at(-1)).toBe('0 fixed, 2 left; nothing written');
    expect(readFileSync(`${p}/Dockerfile`, 'utf8')).toBe(FIXED);
  });

  it('exits 1 when what is left reaches --fail-on', async () => {
    const p = project('left', { Dockerfile: 'FROM debian:12-slim\nRUN apt-get update\n' });
    const r = await runCli(['lint', `${p}/Dockerfile`, '--fix', '--fail-on', 'warning']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('left IG006 update-alone (warning)');
  });

  it('keeps CRLF line endings and a byte-order mark', async () => {
    const text = '\ufeffFROM debian:12-slim\r\nRUN pip install x\r\nUSER 1000\r\n';
    const p = project('crlf', { Dockerfile: text });
    await runCli(['lint', `${p}/Dockerfile`, '--fix']);
    expect(readFileSync(`${p}/Dockerfile`, 'utf8')).toBe(
      '\ufeffFROM debian:12-slim\r\nRUN pip install --no-cache-dir x\r\nUSER 1000\r\n',
    );
  });
});

describe('lint --fix --diff', () => {
  it('prints a unified diff of both files and writes nothing; the diff applies to give what --fix writes', async () => {
    const p = project('diff', { Dockerfile: APP, 'app.py': 'print(1)\n', '.git/HEAD': 'ref\n' });
    const r = await runCli(['lint', `${p}/Dockerfile`, '--fix', '--diff']);
    expect(r.code).toBe(0);
    expect(readFileSync(`${p}/Dockerfile`, 'utf8')).toBe(APP);
    expect(existsSync(`${p}/.dockerignore`)).toBe(false);
    expect(r.out).toMatch(/^--- a\/diff\/Dockerfile\n\+\+\+ b\/diff\/Dockerfile\n@@ /);
    expect(r.out).toContain('--- /dev/null\n+++ b/diff/.dockerignore\n@@ -0,0 +1,1 @@\n+**/.git\n');
    const [dockerfile, ignore] = parsePatch(r.out);
    expect(applyPatch(APP, dockerfile!)).toBe(FIXED);
    expect(applyPatch('', ignore!)).toBe('**/.git\n');
  });

  it('prints nothing when there is nothing to fix', async () => {
    const p = project('clean', { Dockerfile: 'FROM debian:12-slim\nUSER 1000\n' });
    const r = await runCli(['lint', `${p}/Dockerfile`, '--fix', '--diff']);
    expect(r).toEqual({ code: 0, out: '', err: '' });
  });

  it('--format json: the report of the fixed file with what was fixed and left, and the diff', async () => {
    const p = project('json', { Dockerfile: 'FROM debian:12-slim\nRUN pip install x\n' });
    const r = await runCli(['lint', `${p}/Dockerfile`, '--fix', '--diff', '--format', 'json']);
    const doc = JSON.parse(r.out);
    expect(doc.fix.fixed).toEqual([
      { rule: 'IG004', line: 2, change: expect.stringContaining('--no-cache-dir') },
    ]);
    expect(doc.fix.left).toEqual([{ rule: 'IG010', line: 1, reason: expect.stringContaining('no user') }]);
    expect(doc.fix.written).toEqual([]);
    expect(doc.fix.diff).toContain('+RUN pip install --no-cache-dir x');
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toEqual(['IG010']);
  });

  it('--diff without --fix, and --fix with sarif, are errors', async () => {
    const p = project('err', { Dockerfile: 'FROM debian:12-slim\n' });
    const a = await runCli(['lint', `${p}/Dockerfile`, '--diff']);
    expect(a.code).toBe(2);
    expect(a.err).toBe('image-guard: error: --diff goes with --fix (image-guard lint --help)\n');
    const b = await runCli(['lint', `${p}/Dockerfile`, '--fix', '--format', 'sarif']);
    expect(b.code).toBe(2);
    expect(b.out).toBe('');
  });
});
