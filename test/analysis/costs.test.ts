import { describe, expect, it } from 'vitest';
import { buildCosts, pullAfterBase, pullSeconds } from '../../src/analysis/costs.js';
import { buildReport } from '../../src/analysis/report.js';
import type { CompressedSize, Image } from '../../src/core/report.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { costRows } from '../../src/render/summary.js';
import { renderText } from '../../src/render/text.js';

const layer = (index: number, diffId: string, size: number) => ({
  index,
  diffId,
  createdBy: `RUN ${diffId}`,
  size,
  empty: false,
});
const gz = (layers: [string, number][]): CompressedSize => ({
  gzip: layers.reduce((n, [, s]) => n + s, 0),
  zstd: null,
  source: 'computed',
  layers: layers.map(([diffId, gzip]) => ({ diffId, gzip, zstd: null })),
});

// A typical single-stage to multi-stage change: 1.02 GB → 215 MB.
const base: Image = {
  ref: 'single',
  id: 'sha256:b',
  size: 1_020_000_000,
  files: null,
  layers: [layer(0, 'sha256:os', 120_000_000), layer(1, 'sha256:tools', 900_000_000)],
  compressed: gz([
    ['sha256:os', 45_000_000],
    ['sha256:tools', 705_000_000],
  ]),
};
const head: Image = {
  ref: 'multi',
  id: 'sha256:h',
  size: 215_000_000,
  files: null,
  layers: [layer(0, 'sha256:os', 120_000_000), layer(1, 'sha256:venv', 95_000_000)],
  compressed: gz([
    ['sha256:os', 45_000_000],
    ['sha256:venv', 142_500_000],
  ]),
};

describe('pull figures', () => {
  it('pull time is bytes × 8 / bandwidth', () => {
    expect(pullSeconds(750_000_000, 100_000_000)).toBe(60);
  });
  it('a node that has the base pulls only the layers the base lacks', () => {
    expect(pullAfterBase(head, base, 'gzip')).toBe(142_500_000);
    expect(pullAfterBase({ ...head, compressed: null }, base, 'gzip')).toBeNull();
  });
});

describe('buildCosts', () => {
  const fresh = { seconds: 120.5, cache: 'none' as const, noCache: true };
  const guide = buildCosts({
    base,
    head,
    pullBandwidth: 100_000_000,
    builds: { base: fresh, head: { ...fresh, seconds: 125.3 } },
    startup: {
      base: { medianSeconds: 3, runs: [3, 3.2, 2.9], probe: 'port:8000', note: null },
      head: { medianSeconds: 2, runs: [2, 2.1, 1.9], probe: 'port:8000', note: null },
    },
  });

  it('gives the four figures (size, build, pull, start-up) for both sides', () => {
    expect(guide.base?.pull).toEqual({
      bytes: 750_000_000,
      seconds: 60,
      compression: 'gzip',
      source: 'computed',
    });
    expect(guide.head.pull?.seconds).toBe(15);
    expect(guide.headPullAfterBase).toEqual({ bytes: 142_500_000, seconds: 11.4 });
    expect(guide.notes).toEqual({ build: null, pull: null, startup: null });
    const { rows } = costRows(guide);
    expect(rows.map((r) => [r.label, r.base, r.head, r.change])).toEqual([
      ['image size', '1.02 GB', '215 MB', '−79%'],
      ['build time', '121 s', '125 s', '+4%'],
      ['pull size (gzip)', '750 MB', '188 MB', '−75%'],
      ['pull time at 100 Mbit/s', '60 s', '15 s', '−75%'],
      ['pull with the base present', '–', '143 MB, 11 s', ''],
      ['start-up (median of 3 runs)', '3.0 s', '2.0 s', '−33%'],
    ]);
  });

  it('a base build served from the cache: a note instead of a change', () => {
    const g = buildCosts({
      base,
      head,
      pullBandwidth: 100_000_000,
      builds: {
        base: { seconds: 0.8, cache: 'all', noCache: false },
        head: { seconds: 30, cache: 'partial', noCache: false },
      },
    });
    expect(g.notes.build).toMatch(
      /^the base build ran entirely from the cache and the head build ran partly from the cache: .*build-time: fresh/,
    );
    const row = costRows(g).rows.find((r) => r.label === 'build time')!;
    expect(row).toMatchObject({ base: '0.80 s (cached)', head: '30 s (partly cached)', change: '' });
    expect(costRows(g).rows.some((r) => r.label.startsWith('start-up'))).toBe(false);
  });

  it('missing figures say why', () => {
    const g = buildCosts({
      base: { ...base, compressed: null },
      head,
      pullBandwidth: 100_000_000,
      pullWhy: { base: 'ghcr.io did not answer within 10 s' },
      startup: {
        base: {
          medianSeconds: null,
          runs: [],
          probe: 'port:8000',
          note: 'the container stopped with code 1 before it was ready',
        },
        head: { medianSeconds: 1, runs: [1], probe: 'port:8000', note: null },
      },
    });
    expect(g.notes.pull).toBe('base: ghcr.io did not answer within 10 s');
    expect(g.notes.startup).toBe('base: the container stopped with code 1 before it was ready');
    expect(g.notes.build).toBe('not built by this run: no build time');
    expect(g.headPullAfterBase).toEqual({ bytes: 142_500_000, seconds: 11.4 });
  });

  it('renders in the comment after the overview, and in the terminal', () => {
    // The renderers take any report: this one carries costs measured elsewhere.
    const report = { ...buildReport({ head, base, findings: [], failOn: 'error' }).report, costs: guide };
    const md = renderMarkdown(report, { failOn: 'error' });
    const at = md.indexOf('**Size, build, pull and start-up**');
    expect(at).toBeGreaterThan(md.indexOf('| size |'));
    expect(at).toBeLessThan(md.indexOf('<details>'));
    expect(md).toContain('| image size | 1.02 GB | 215 MB | −79% ✅ |');
    expect(md).toContain('| build time | 121 s | 125 s | +4% ⚠️ |');
    expect(md).toContain('| start-up (median of 3 runs) | 3.0 s | 2.0 s | −33% ✅ |');
    const text = renderText(report, { color: false, failOn: 'error' });
    expect(text).toContain('Size, build, pull and start-up');
    expect(text).toMatch(/pull time at 100 Mbit\/s\s+60 s\s+15 s\s+−75%/);
  });

  it('notes from user text cannot break the comment', () => {
    const g = buildCosts({
      base: null,
      head: { ...head, compressed: null },
      pullBandwidth: 100_000_000,
      pullWhy: { head: 'x | y <img src=x> @admin' },
    });
    const report = { ...buildReport({ head, base: null, findings: [], failOn: 'error' }).report, costs: g };
    const md = renderMarkdown(report, { failOn: 'error' });
    expect(md).toContain('| image size | 215 MB |');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('@admin');
  });
});
