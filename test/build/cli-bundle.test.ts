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
