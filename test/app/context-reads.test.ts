// The build context is read once in a run: the review suggestions (and `lint --fix`) take the context as the
// comparison's lint read it, listing and ignore file, instead of reading it again. Counted on node:fs itself:
// every directory listing and every opening of the ignore file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dockerfileSuggestions } from '../../src/app/suggestions.js';
import { emptyConfig } from '../../src/config/config.js';
import { lintDockerfileResult } from '../../src/lint/index.js';

const reads = vi.hoisted(() => ({ listed: [] as string[], opened: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((path: string, ...rest: unknown[]) => {
    reads.listed.push(String(path));
    return (fs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  const openSync = ((path: string, ...rest: unknown[]) => {
    reads.opened.push(String(path));
    return (fs.openSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, readdirSync, openSync }, readdirSync, openSync };
});

let dir: string;
const DIRS = ['', 'src', 'src/app', 'src/__pycache__', '.git', 'docs'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ig-context-reads-'));
  for (const d of DIRS.slice(1)) mkdirSync(join(dir, d), { recursive: true });
  for (const f of ['app.py', 'src/app/main.py', 'src/__pycache__/a.pyc', '.git/HEAD', 'docs/a.md', 'x.log'])
    writeFileSync(join(dir, f), 'x');
  writeFileSync(join(dir, '.dockerignore'), '*.log\n');
  writeFileSync(
    join(dir, 'Dockerfile'),
    'FROM python:3.13-slim\nRUN pip install flask\nCOPY . /app\nUSER 1000\nCMD ["python", "/app/app.py"]\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  reads.listed.length = 0;
  reads.opened.length = 0;
});

const options = { target: null, platform: null, buildContexts: [], config: emptyConfig() };
const listedInContext = () =>
  reads.listed.filter((p) => p.startsWith(dir)).map((p) => p.slice(dir.length + 1).replace(/\/$/, ''));
const ignoreOpenings = () => reads.opened.filter((p) => p === join(dir, '.dockerignore')).length;

/** The Action's order: the comparison's lint, then the suggestions from its findings. */
async function lintThenSuggest(handOver: boolean) {
  const dockerfile = join(dir, 'Dockerfile');
  const linted = await lintDockerfileResult(dockerfile, { context: dir, config: emptyConfig() });
  const { suggestions } = await dockerfileSuggestions({
    dockerfile,
    context: dir,
    ...options,
    findings: linted.findings,
    ...(handOver ? { contextScan: linted.context } : {}),
  });
  return { findings: linted.findings.map((f) => f.rule), suggestions };
}

describe('the build context in a lint followed by review suggestions', () => {
  it('is listed once and its ignore file opened once when the lint hands over what it read', async () => {
    const run = await lintThenSuggest(true);
    // IG008's fix is tried with a new ignore file (a walk of its own), IG004's becomes a suggestion
    expect(run.findings).toEqual(expect.arrayContaining(['IG004', 'IG008']));
    expect(run.suggestions.map((s) => s.id)).toContain('IG004@2-2');
    // .git and __pycache__ are sent (the ignore file names only *.log), so the walk enters every directory
    expect(listedInContext().sort()).toEqual([...DIRS].sort());
    expect(ignoreOpenings()).toBe(1);
  });

  it('is read again without the hand-over (what the counts above would catch), with the same suggestions', async () => {
    const handed = await lintThenSuggest(true);
    reads.listed.length = 0;
    reads.opened.length = 0;
    const alone = await lintThenSuggest(false);
    expect(alone).toEqual(handed);
    expect(listedInContext().filter((p) => p === '')).toHaveLength(2);
    expect(ignoreOpenings()).toBe(2);
  });

  it('a context the lint did not read (no COPY or ADD) is read by the fixer, once', async () => {
    const other = join(dir, 'Dockerfile.nocopy');
    writeFileSync(other, 'FROM python:3.13-slim\nRUN pip install flask\nUSER 1000\n');
    const linted = await lintDockerfileResult(other, { context: dir, config: emptyConfig() });
    expect(linted.context).toBeNull();
    expect(listedInContext()).toEqual([]);
    const { suggestions } = await dockerfileSuggestions({
      dockerfile: other,
      context: dir,
      ...options,
      findings: linted.findings,
      contextScan: linted.context,
    });
    expect(suggestions.map((s) => s.id)).toContain('IG004@2-2');
    expect(listedInContext().filter((p) => p === '')).toHaveLength(1);
  });
});
