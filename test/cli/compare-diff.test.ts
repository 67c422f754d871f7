// The file-level diff (issue 14) through the CLI: two `docker save` archives written by the test, compared.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { runCli } from '../support/cli-io.js';
import { dockerSaveArchive, type FixtureEntry, layerTar } from '../support/tar-fixtures.js';

let dir: string;
let base: string;
let head: string;
const hostile = 'x|y`<img src=x onerror=alert(1)>@octocat';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ig-diff-cli-'));
  const os: FixtureEntry[] = [
    { path: 'usr/', type: 'dir' },
    { path: 'usr/bin/', type: 'dir' },
    { path: 'usr/bin/python3', size: 50_000 },
  ];
  const osLayer = await layerTar(os);
  const tools = await layerTar([
    { path: 'usr/lib/', type: 'dir' },
    { path: 'usr/lib/gcc/', type: 'dir' },
    { path: 'usr/lib/gcc/12/', type: 'dir' },
    { path: 'usr/lib/gcc/12/cc1', size: 30_000 },
    { path: 'usr/lib/gcc/12/lto1', size: 20_000 },
    { path: 'usr/bin/gcc', size: 4_000 },
    { path: 'usr/bin/cc', type: 'link', target: 'usr/bin/gcc' },
  ]);
  const venv = await layerTar([
    { path: 'opt/', type: 'dir' },
    { path: 'opt/venv/', type: 'dir' },
    { path: 'opt/venv/lib/', type: 'dir' },
    { path: 'opt/venv/lib/fastapi.py', size: 9_000 },
    { path: 'opt/venv/lib/core.so', size: 12_000 },
    { path: `opt/venv/lib/${hostile}`, size: 7_000 },
  ]);
  base = join(dir, 'base.tar');
  head = join(dir, 'head.tar');
  writeFileSync(base, await dockerSaveArchive({ layers: [osLayer, tools] }, { layout: 'legacy' }));
  writeFileSync(head, await dockerSaveArchive({ layers: [osLayer, venv] }, { layout: 'legacy' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compare = (format: string, ...more: string[]) =>
  runCli([
    'compare',
    '--base',
    `docker-archive:${base}`,
    '--head',
    `docker-archive:${head}`,
    '--format',
    format,
    '--fail-on',
    'never',
    ...more,
  ]);

describe('compare: the file-level diff', () => {
  it('is in the JSON report, with totals, directories and the files the PR added', async () => {
    const r = await compare('json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    const d = report.diff!;
    expect(d.removed).toEqual({ files: 4, bytes: 54_000 });
    expect(d.added).toEqual({ files: 3, bytes: 28_000 });
    expect(d.grown).toEqual({ files: 0, bytes: 0 });
    expect(d.net).toBe(28_000 - 54_000);
    expect(d.base).toEqual({ files: 5, bytes: 104_000 });
    expect(d.head).toEqual({ files: 4, bytes: 78_000 });
    expect(d.directories.map((x) => [x.path, x.net])).toEqual([
      ['/usr/lib/gcc/12', -50_000],
      ['/opt/venv/lib', 28_000],
      ['/usr/bin', -4_000],
    ]);
    expect(d.largest.map((f) => f.path)).toEqual([
      '/opt/venv/lib/core.so',
      '/opt/venv/lib/fastapi.py',
      `/opt/venv/lib/${hostile}`,
    ]);
    // The OS base's file is the largest of the image, but not the PR's.
    expect(report.head?.files?.largest[0]?.path).toBe('/usr/bin/python3');
  });

  it('the comment says where the bytes went, under the size overview, escaped', async () => {
    const r = await compare('markdown');
    const md = r.out;
    const where = md.indexOf('**Where the bytes went**');
    expect(where).toBeGreaterThan(md.indexOf('| size |'));
    expect(where).toBeLessThan(md.indexOf('<summary>Layers'));
    expect(md).toContain(
      '**Where the bytes went**: +28 kB added (3 files), −54 kB removed (4 files); net −26 kB',
    );
    expect(md).toContain(
      '| **−50 kB** | `/usr/lib/gcc/12` | −2 | `cc1` removed 30 kB<br>`lto1` removed 20 kB |',
    );
    // A hostile file name stays inside one code span (no HTML, no mention there), the table intact.
    const code = /``(\/opt\/venv\/lib\/)?x\\\|y`<img src=x onerror=alert\(1\)>@octocat``/;
    expect(md.split('<img').length - 1).toBe(2);
    for (const line of md.split('\n').filter((l) => l.includes('<img'))) {
      expect(line).toMatch(code);
      expect(line.replace(code, '').includes('<img')).toBe(false);
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(line.includes('| **') ? 6 : 7);
    }
    // Largest files: what this PR added first, then the base's biggest.
    const largest = md.slice(md.indexOf('<summary>Largest files'));
    expect(largest).toContain('3 added or changed by this PR first');
    const order = ['core.so', 'fastapi.py', 'python3'].map((n) => largest.indexOf(n));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(0);
  });

  it('the text output has the section too', async () => {
    const r = await compare('text');
    expect(r.out).toContain('Where the bytes went');
    expect(r.out).toMatch(/−50 kB\s+\/usr\/lib\/gcc\/12/);
    expect(r.out).toContain('cc1  removed 30 kB');
  });

  it('is absent for analyze and with --no-files', async () => {
    const a = await runCli(['analyze', `docker-archive:${head}`, '--format', 'json', '--fail-on', 'never']);
    expect(JSON.parse(a.out).diff).toBeUndefined();
    const r = await compare('json', '--no-files');
    expect(JSON.parse(r.out).diff).toBeUndefined();
  });
});
