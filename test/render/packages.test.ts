// The package diff in each output: the text report, the Markdown of the comment and the job summary (the ten
// biggest changes, the rest collapsed, within the comment's size limit), the HTML table, and a directory's
// owning package in "Where the bytes went". Package names and versions are untrusted: each format escapes them.
import { describe, expect, it } from 'vitest';
import { comparePaths, type FileIndex } from '../../src/analysis/file-index.js';
import { buildReport } from '../../src/analysis/report.js';
import type { Image, Package } from '../../src/core/report.js';
import { renderHtml } from '../../src/render/html/index.js';
import { COMMENT_LIMIT, renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';

const HOSTILE = '<img src=x onerror=alert(1)>|@octocat\x1b[2J\u202e`x`';
const HOSTILE_VERSION = '1.0<b>|[x](https://evil)';

const deb = (name: string, version: string, bytes: number): Package => ({
  ecosystem: 'deb',
  name,
  version,
  location: '/var/lib/dpkg/status',
  bytes,
  bytesFrom: 'files',
});
const image = (id: string, packages: Package[]): Image => ({
  ref: `app:${id}`,
  id: `sha256:${id.padEnd(64, '0')}`,
  size: 1_000_000,
  layers: [{ index: 0, diffId: 'sha256:os', createdBy: 'ADD rootfs', size: 1_000_000, empty: false }],
  files: { totalBytes: 1_000_000, wastedBytes: 0, efficiency: 1, fileCount: 1, largest: [], wasted: [] },
  packages,
});
const index = (files: [string, number, number][]): FileIndex => {
  const sorted = [...files].sort((a, b) => comparePaths(a[0], b[0]));
  return {
    paths: sorted.map((f) => f[0]),
    sizes: sorted.map((f) => f[1]),
    layers: sorted.map(() => 0),
    diffIds: ['sha256:os'],
    owners: sorted.map((f) => f[2]),
  };
};

/**
 * Base: gcc-12 (700 kB, owning /usr/lib/gcc), libc6 2.36-9+deb12u3, and `removed` small packages lib0…; head:
 * libc6 upgraded, curl added. `extra` more removed packages make the list longer.
 */
function report(extra: number, names: { gcc?: string } = {}) {
  const gcc = names.gcc ?? 'gcc-12';
  const base = [
    deb(gcc, '12.2.0-14', 700_000),
    deb('libc6', '2.36-9+deb12u3', 120_000),
    ...Array.from({ length: extra }, (_, i) => deb(`lib${i}`, '1.0-1', 1_000 + i)),
  ];
  const head = [deb('libc6', '2.36-9+deb12u4', 125_000), deb('curl', '7.88.1-10+deb12u5', 50_000)];
  const fileIndexes = {
    base: index([
      ['usr/lib/gcc/cc1', 400_000, 0],
      ['usr/lib/gcc/lto1', 300_000, 0],
      ['lib/libc.so.6', 120_000, 1],
    ]),
    head: index([
      ['lib/libc.so.6', 125_000, 0],
      ['usr/bin/curl', 50_000, 1],
    ]),
  };
  return buildReport({
    head: image('pr', head),
    base: image('main', base),
    findings: [],
    failOn: 'error',
    fileIndexes,
  }).report;
}

describe('the text report', () => {
  it('lists the counts and the changes with both versions, and the owner of a directory', () => {
    const text = renderText(report(2), { color: false, failOn: 'error' });
    // 700,000 + 1,000 + 1,001 removed; 50,000 added; 5,000 upgraded.
    expect(text).toContain(
      'Packages\n  1 added (+50 kB), 3 removed (−702 kB), 1 upgraded (+5 kB); net −647 kB\n',
    );
    expect(text).toMatch(/−700 kB {2}removed {3}gcc-12 {2}12\.2\.0-14 +deb\n/);
    expect(text).toMatch(/\+5 kB {2}upgraded {2}libc6 {3}2\.36-9\+deb12u3 → 2\.36-9\+deb12u4 {2}deb\n/);
    expect(text).toContain('/usr/lib/gcc (gcc-12) (gone)');
  });

  it('shows a hostile name as escapes: no terminal control, no bidi override', () => {
    const text = renderText(report(0, { gcc: HOSTILE }), { color: false, failOn: 'error' });
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('<img src=x onerror=alert(1)>|@octocat\\x1b[2J\\u202e`x`');
  });
});

describe('the Markdown (comment and job summary)', () => {
  /** The rows of the Markdown table that follows `header`, up to the first blank line. */
  const tableAfter = (md: string, header: string, from = 0): string[] => {
    const start = md.indexOf(header, from);
    expect(start, header).toBeGreaterThanOrEqual(0);
    const lines = md.slice(start).split('\n');
    return lines.slice(2, lines.indexOf(''));
  };
  const HEADER = '| package | change | versions | bytes |';

  it('puts the ten biggest changes in a table after "Where the bytes went", the rest in <details>', () => {
    // 2 + 10 removed, 1 added, 1 upgraded: 14 changes.
    const md = renderMarkdown(report(10), { failOn: 'error' });
    expect(md.indexOf('**Where the bytes went**')).toBeLessThan(md.indexOf('**Packages**'));
    expect(md).toContain(
      '**Packages**: 1 added (+50 kB), 11 removed (−710 kB), 1 upgraded (+5 kB); net −655 kB\n',
    );
    const top = tableAfter(md, HEADER);
    expect(top).toHaveLength(10);
    expect(top[0]).toBe('| `gcc-12` | removed | 12.2.0-14 | −700 kB |');
    expect(top[1]).toBe('| `curl` | added | 7.88.1-10\\+deb12u5 | +50 kB |');
    expect(top[2]).toBe('| `libc6` | upgraded | 2.36-9\\+deb12u3 → 2.36-9\\+deb12u4 | +5 kB |');
    // lib9 … lib3 fill the table; lib2, lib1, lib0 (the smallest) are collapsed.
    expect(md).toContain('<summary>3 more package changes</summary>');
    const rest = tableAfter(md, HEADER, md.indexOf('<summary>3 more package changes</summary>'));
    expect(rest.map((r) => r.split(' | ')[0])).toEqual(['| `lib2`', '| `lib1`', '| `lib0`']);
  });

  it('has no <details> when ten or fewer changed', () => {
    const md = renderMarkdown(report(7), { failOn: 'error' });
    expect(tableAfter(md, HEADER)).toHaveLength(10);
    expect(md).not.toContain('more package change');
  });

  it('names the owner of a directory in "Where the bytes went"', () => {
    const md = renderMarkdown(report(0), { failOn: 'error' });
    expect(md).toContain('| **−700 kB** | `/usr/lib/gcc` (gcc-12) | −2 (gone) |');
  });

  it('keeps a hostile name and version from breaking the table, mentioning, linking or injecting HTML', () => {
    const r = report(0, { gcc: HOSTILE });
    const hostile: Package = deb('tool', HOSTILE_VERSION, 10);
    const withVersion = buildReport({
      head: image('pr', [hostile]),
      base: image('main', r.base!.packages!),
      findings: [],
      failOn: 'error',
    }).report;
    for (const md of [
      renderMarkdown(r, { failOn: 'error' }),
      renderMarkdown(withVersion, { failOn: 'error' }),
    ]) {
      for (const row of tableAfter(md, HEADER)) {
        // Four cells: a pipe of the name or version is escaped.
        expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
      }
      const outsideCode = md.replace(/``[\s\S]*?``|`[^`\n]*`/g, '');
      expect(outsideCode).not.toMatch(/<img|<b>|@octocat|\]\(https/);
    }
  });

  it('fits a comment with thousands of package changes, the ten biggest kept', () => {
    const md = renderMarkdown(report(5_000), { failOn: 'error', maxChars: COMMENT_LIMIT - 200 });
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT - 200);
    expect(tableAfter(md, HEADER)).toHaveLength(10);
    expect(md).toContain('The JSON report lists all 5,003 package changes');
  });
});

describe('the HTML report', () => {
  it('has a row per change, in the report order, with escaped names and versions', () => {
    const r = report(3, { gcc: HOSTILE });
    const page = renderHtml(r, { failOn: 'error' });
    expect(page).not.toContain('<img');
    const rows = page.match(/<tr data-change="[a-z]+" data-search="[^"]*">/g) ?? [];
    expect(rows).toHaveLength(r.packages!.changes.length);
    expect(rows.map((row) => /data-change="([a-z]+)"/.exec(row)![1])).toEqual(
      r.packages!.changes.map((c) => c.change),
    );
    expect(page).toContain('<code>&lt;img src=x onerror=alert(1)&gt;|@octocat');
    expect(page).toContain('data-figure="packages.net" data-value="-648003"');
  });

  it('has no packages section without a package diff', () => {
    const r = buildReport({
      head: { ...image('pr', []), packages: null },
      base: image('main', []),
      findings: [],
      failOn: 'error',
    }).report;
    expect(renderHtml(r, { failOn: 'error' })).not.toContain('id="packages"');
  });
});
