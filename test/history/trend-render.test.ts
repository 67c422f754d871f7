import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { SizeTrend } from '../../src/core/report.js';
import {
  LARGEST_SENTENCE,
  markdownTrend,
  mermaidTrend,
  sparkline,
  textTrend,
  trendLine,
  trendRows,
} from '../../src/render/trend.js';
import { trendSvg } from '../../src/render/trend-svg.js';

/** libxml2's complaints about the SVG as XML (well-formedness; no schema). */
const xmlErrors = async (svg: string) =>
  (await validateXML({ xml: { fileName: 'trend.svg', contents: svg }, normalization: 'format' })).errors.map(
    (e) => e.rawMessage,
  );

const HOSTILE = '"><script>alert(1)</script>@octocat [x](https://evil) | `';

function trend(sizes: number[], head: number, o: Partial<SizeTrend> = {}): SizeTrend {
  const points = sizes.map((size, i) => ({
    commit: (i + 1).toString(16).padStart(40, 'a'),
    date: `2026-11-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`,
    size,
  }));
  const all = [...sizes, head];
  return {
    key: 'Dockerfile',
    source: 'branch image-guard-history',
    records: sizes.length,
    points,
    head: { label: 'abcdef1', size: head },
    first: sizes[0]!,
    min: Math.min(...all),
    max: Math.max(...all),
    largest: head > Math.max(...sizes),
    ...o,
  };
}

describe('sparkline', () => {
  it('one character per size, ▁ the lowest and █ the highest', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([10, 0, 10])).toBe('█▁█');
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline([])).toBe('');
  });

  it('the line: sparkline, first, min, max and now', () => {
    expect(trendLine(trend([100e6, 90e6, 120e6], 130e6))).toBe(
      '▃▁▆█ first 100 MB · min 90 MB · max 130 MB · now 130 MB',
    );
  });
});

describe('the table', () => {
  it('first, lowest, highest, last recorded and this run with its change', () => {
    const rows = trendRows(trend([100e6, 90e6, 120e6, 110e6], 115e6));
    expect(rows.map((r) => [r.what, r.size, r.change])).toEqual([
      ['first', 100e6, ''],
      ['lowest', 90e6, ''],
      ['highest', 120e6, ''],
      ['last recorded', 110e6, ''],
      ['this run', 115e6, '+5 MB'],
    ]);
    expect(rows[0]!.commit).toBe('aaaaaaa');
  });
});

describe('Markdown and Mermaid', () => {
  it('says when the PR would make the image the largest it has been, and only then', () => {
    expect(markdownTrend(trend([1e6, 2e6], 3e6), { mermaid: true }).join('\n')).toContain(LARGEST_SENTENCE);
    expect(markdownTrend(trend([1e6, 2e6], 2e6), { mermaid: true }).join('\n')).not.toContain(
      LARGEST_SENTENCE,
    );
    expect(textTrend(trend([1e6], 2e6)).largest).toBe(LARGEST_SENTENCE);
  });

  it('an xychart of the sizes in MB, the head last', () => {
    const m = mermaidTrend(trend([100e6, 150e6], 125.5e6));
    expect(m[0]).toBe('```mermaid');
    expect(m.at(-1)).toBe('```');
    expect(m).toContain('xychart-beta');
    expect(m.find((l) => l.includes('x-axis'))).toBe('  x-axis "builds, oldest first (3: this run)" 1 --> 3');
    expect(m.find((l) => l.includes('line'))).toBe('  line [100, 150, 125.5]');
    expect(m.find((l) => l.includes('y-axis'))).toMatch(/^ {2}y-axis "MB" 95 --> 155$/);
  });

  it('nothing from the repository reaches the comment unescaped', () => {
    const t = trend([1e6, 2e6], 3e6, { head: { label: HOSTILE, size: 3e6 } });
    t.points[0]!.commit = HOSTILE;
    const md = markdownTrend(t, { mermaid: true }).join('\n');
    // Outside code spans (GitHub shows their text as it is):
    const prose = md.replace(/(`+)[^`]?.*?\1/g, '');
    expect(prose).not.toContain('<script');
    expect(prose).not.toContain('@octocat');
    expect(prose).not.toContain('](https://');
    // The hostile commit is no SHA: the chart and the table show `?`.
    expect(mermaidTrend(t).join('\n')).not.toMatch(/script|octocat|evil/);
    expect(trendRows(t)[0]!.commit).toBe('?');
    // The head's label is inline code, its pipe escaped: one table row of four cells.
    const row = md.split('\n').find((l) => l.startsWith('| this run'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
  });
});

describe('the SVG chart', () => {
  it('is well-formed XML with a point per size, the head marked, every text escaped', async () => {
    const t = trend([100e6, 90e6, 120e6], 130e6, { head: { label: HOSTILE, size: 130e6 } });
    t.points[1]!.commit = HOSTILE;
    t.points[1]!.date = HOSTILE;
    const svg = trendSvg(t);
    expect(await xmlErrors(svg)).toEqual([]);
    expect(svg).not.toContain('<script');
    expect(svg.match(/<circle /g)).toHaveLength(4);
    expect(svg).toContain('data-figure="history.head.size" data-value="130000000"');
    expect(svg).toContain('#cf222e'); // the largest: drawn red
    expect(svg).not.toContain('NaN');
  });

  it('one point and flat sizes still draw', async () => {
    for (const t of [trend([5e6], 5e6), trend([5e6, 5e6], 5e6)]) {
      const svg = trendSvg(t);
      expect(await xmlErrors(svg)).toEqual([]);
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });
});
