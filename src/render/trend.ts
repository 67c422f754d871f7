// The image's size over the default branch's history, with this run's head last: one line every renderer shows
// (a Unicode sparkline with first, lowest, highest and now), a small table, and for the comment a Mermaid
// chart. Commits and keys come from a branch anyone with write access can edit: they are shown only as short
// hex SHAs or escaped text.
import type { SizeTrend } from '../core/report.js';
import { formatBytes } from '../core/size.js';
import { signed } from './bars.js';
import { escapeMarkdown, inlineCode } from './markdown-escape.js';

const TICKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per size, from ▁ (the lowest) to █ (the highest); all equal sizes are a flat ▄ line. */
export function sparkline(sizes: readonly number[]): string {
  if (sizes.length === 0) return '';
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  if (hi === lo) return TICKS[3]!.repeat(sizes.length);
  return sizes.map((s) => TICKS[Math.round(((s - lo) / (hi - lo)) * (TICKS.length - 1))]!).join('');
}

/** A commit as the trend shows it: seven hex digits, or `?` for anything that is not a SHA. */
export function shortCommit(commit: string): string {
  return /^[0-9a-f]{7,64}$/i.test(commit) ? commit.slice(0, 7).toLowerCase() : '?';
}

/** The sizes a trend draws: the history's points, then the head. */
export const trendSizes = (t: SizeTrend): number[] => [...t.points.map((p) => p.size), t.head.size];

export const LARGEST_SENTENCE = 'This PR would make the image the largest it has been.';

/** `first 120 MB · min 118 MB · max 131 MB · now 131 MB`: the figures after the sparkline. */
export function trendFigures(t: SizeTrend): string {
  const f = formatBytes;
  return `first ${f(t.first)} · min ${f(t.min)} · max ${f(t.max)} · now ${f(t.head.size)}`;
}

/** `▁▂▃▅▇█ first 120 MB · min 118 MB · max 131 MB · now 131 MB`: the same line in text, Markdown and HTML. */
export function trendLine(t: SizeTrend): string {
  return `${sparkline(trendSizes(t))} ${trendFigures(t)}`;
}

/** What the trend is drawn from: `the last 30 of 212 builds of main`'s words. */
export function trendCaption(t: SizeTrend): string {
  const n = t.points.length;
  const of = t.records > n ? `the last ${n} of ${t.records}` : `${n}`;
  return `${of} recorded build${t.records === 1 ? '' : 's'} of the default branch, then this run's head`;
}

/**
 * The small table's rows: which point, its commit, its size, and the head's change against the last record. The
 * head's `commit` is its label as given (a short SHA, or the CLI's image reference): escape it where shown.
 */
export function trendRows(t: SizeTrend): { what: string; commit: string; size: number; change: string }[] {
  const pts = t.points;
  const last = pts.at(-1)!;
  const rows: { what: string; commit: string; size: number; change: string }[] = [
    { what: 'first', commit: shortCommit(pts[0]!.commit), size: pts[0]!.size, change: '' },
  ];
  const lowest = pts.reduce((a, b) => (b.size < a.size ? b : a));
  const highest = pts.reduce((a, b) => (b.size > a.size ? b : a));
  rows.push({ what: 'lowest', commit: shortCommit(lowest.commit), size: lowest.size, change: '' });
  rows.push({ what: 'highest', commit: shortCommit(highest.commit), size: highest.size, change: '' });
  rows.push({ what: 'last recorded', commit: shortCommit(last.commit), size: last.size, change: '' });
  rows.push({
    what: 'this run',
    commit: /^[0-9a-f]{7,64}$/i.test(t.head.label) ? shortCommit(t.head.label) : t.head.label,
    size: t.head.size,
    change: signed(t.head.size - last.size, formatBytes),
  });
  return rows;
}

/** A label Mermaid reads as a plain string: hex and a few safe characters only. */
const mermaidLabel = (s: string) => `"${s.replace(/[^0-9A-Za-z .,:()?-]/g, '')}"`;

/** Mermaid's settings for the chart: a size that fits a comment, and GitHub's blue for the line. */
const MERMAID_INIT = {
  xyChart: { width: 720, height: 300 },
  themeVariables: { xyChart: { plotColorPalette: '#0969da' } },
};

/**
 * An `xychart-beta` of the sizes in MB, oldest first, the head last (GitHub renders ```mermaid blocks). The x axis
 * counts builds: 31 commit labels would not fit under it.
 */
export function mermaidTrend(t: SizeTrend): string[] {
  const sizes = trendSizes(t);
  const mb = (n: number) => Math.round(n / 10_000) / 100;
  const lo = mb(Math.min(...sizes));
  const hi = mb(Math.max(...sizes));
  const pad = Math.max((hi - lo) * 0.1, 0.01);
  return [
    '```mermaid',
    `%%{init: ${JSON.stringify(MERMAID_INIT)}}%%`,
    'xychart-beta',
    `  title ${mermaidLabel('Image size (MB)')}`,
    `  x-axis ${mermaidLabel(`builds, oldest first (${sizes.length}: this run)`)} 1 --> ${sizes.length}`,
    `  y-axis ${mermaidLabel('MB')} ${Math.max(0, Math.floor((lo - pad) * 100) / 100)} --> ${Math.ceil((hi + pad) * 100) / 100}`,
    `  line [${sizes.map(mb).join(', ')}]`,
    '```',
  ];
}

/** The trend in the comment and the job summary: the line, the sentence when it holds, the table, the chart. */
export function markdownTrend(t: SizeTrend, o: { mermaid: boolean }): string[] {
  const out = [
    `**Size over time** <sub>${escapeMarkdown(trendCaption(t))}</sub>`,
    '',
    `${inlineCode(sparkline(trendSizes(t)))} ${escapeMarkdown(trendFigures(t))}`,
    '',
  ];
  if (t.largest) out.push(`> ⚠️ ${LARGEST_SENTENCE}`, '');
  out.push('| | commit | size | change |', '|---|---|---:|---:|');
  for (const r of trendRows(t))
    out.push(
      `| ${r.what} | ${inlineCode(r.commit, 60)} | ${formatBytes(r.size)} | ${escapeMarkdown(r.change)} |`,
    );
  if (o.mermaid) out.push('', ...mermaidTrend(t));
  return out;
}

/** The trend in the terminal: the line, the sentence, the table's rows. */
export function textTrend(t: SizeTrend): { line: string; caption: string; largest: string | null } {
  return { line: trendLine(t), caption: trendCaption(t), largest: t.largest ? LARGEST_SENTENCE : null };
}
