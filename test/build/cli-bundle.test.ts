// The CLI bundle is split into an entry and chunks; the analysis cache fingerprints the entry's bytes alone
// (src/cache/code-fingerprint.ts). That holds only if a change anywhere in the CLI's code changes the entry:
// built here from a copy of the sources, once as they are and once with a module deep in the lint chunks
// changed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { buildCli } from '../../scripts/build.mjs';

const repo = join(import.meta.dirname, '..', '..');
// Inside node_modules, so that the copy resolves the same packages as the repository.
const parent = join(repo, 'node_modules', '.cache');
mkdirSync(parent, { recursive: true });
const root = mkdtempSync(join(parent, 'ig-build-'));
cpSync(join(repo, 'src'), join(root, 'src'), { recursive: true });
cpSync(join(repo, 'package.json'), join(root, 'package.json'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

const entryOf = async (out: string): Promise<string> => {
  await buildCli(join(root, out), root);
  return readFileSync(join(root, out, 'cli.js'), 'utf8');
};

describe('the split CLI bundle', () => {
  it('is reproducible, and its entry changes when code in any chunk does', async () => {
    const first = await entryOf('a');
    expect(first.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(existsSync(join(root, 'a', 'cli-chunks'))).toBe(true);
    expect(await entryOf('b')).toBe(first);
    const rule = join(root, 'src', 'lint', 'rules', 'IG017-add-local.ts');
    const text = readFileSync(rule, 'utf8');
    expect(text).toContain('tar archive');
    writeFileSync(rule, text.replace('tar archive', 'tar  archive'));
    expect(await entryOf('c')).not.toBe(first);
  }, 60_000);
});

describe('the built CLI with a config file', () => {
  // In the split bundle the yaml module once arrived as `default` alone, and every config file failed with
  // "Right-hand side of 'instanceof' is not an object": tested on the bundle, not on the sources.
  it('reads --config and the .image-guard.yml it finds, valid and invalid', async () => {
    await buildCli(join(root, 'cfg'), root);
    const { execFileSync, spawnSync } = await import('node:child_process');
    const work = join(root, 'cfg-work');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'Dockerfile'), 'FROM python:3.13-slim\nRUN pip install flask\nUSER 1000\n');
    const cli = join(root, 'cfg', 'cli.js');
    const lint = (...args: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [cli, 'lint', 'Dockerfile', '--format', 'json', ...args], {
          cwd: work,
          encoding: 'utf8',
        }),
      );
    const rules = (r: { findings: { rule: string }[] }) => r.findings.map((f) => f.rule);
    expect(rules(lint())).toContain('IG004');
    writeFileSync(join(work, '.image-guard.yml'), 'ignore: [IG004]\n');
    expect(rules(lint())).not.toContain('IG004');
    writeFileSync(join(work, 'other.yml'), 'severity:\n  IG004: error\n');
    rmSync(join(work, '.image-guard.yml'));
    expect(
      lint('--config', 'other.yml', '--fail-on', 'never').findings.find(
        (f: { rule: string }) => f.rule === 'IG004',
      )?.severity,
    ).toBe('error');
    writeFileSync(join(work, 'bad.yml'), 'fail-on: loud\n');
    const bad = spawnSync(process.execPath, [cli, 'lint', 'Dockerfile', '--config', 'bad.yml'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'image-guard: error: config bad.yml: fail-on "loud" must be error, warning, info or never\n',
    );
  }, 60_000);
});
