// Several images in one comment: a table with a row per image (size, delta, pull size, findings, verdict), then
// each image's own report (src/render/markdown.ts) collapsed under it. Within the limit it is given, the
// details shrink first, then give way to a line each; the table is never cut.
import type { AggregateImage, AggregateReport, LoadedReport, SeverityCounts } from '../core/aggregate.js';
import { formatBytes } from '../core/size.js';
import { signed } from './bars.js';
import { renderMarkdown } from './markdown.js';
import { escapeHtml, escapeMarkdown, inlineCode } from './markdown-escape.js';

export interface AggregateOptions {
  /** The body may not be longer than this. */
  maxChars?: number;
  /** Where an image's full report can be read when its details had to be cut. */
  fullReportHint: string;
}

/** Below this, an image's details are not worth showing shortened: one line says where they are. */
const MIN_DETAILS = 600;

/** The aggregate as GitHub-flavoured Markdown: the sticky comment and the job summary. */
export function renderAggregate(
  aggregate: AggregateReport,
  reports: readonly LoadedReport[],
  options: AggregateOptions,
): string {
  const max = options.maxChars ?? Number.POSITIVE_INFINITY;
  const top = [heading(aggregate), '', ...table(aggregate.images), '', ''].join('\n');
  const footer = `<sub>image-guard ${escapeMarkdown(aggregate.tool.version)}</sub>\n`;
  const cutLine = `Shortened to fit: ${escapeMarkdown(options.fullReportHint)}`;
  const wrappers = aggregate.images.map((image) => wrap(image, ''));
  const fixed = top.length + footer.length + wrappers.reduce((n, w) => n + w.length, 0);
  const full = reports.map((r) => imageDetails(r, options.fullReportHint));

  // Each image gets an equal share of the room left, and what a short one does not use goes to the others.
  let left = max - fixed;
  if (left < cutLine.length * reports.length) return `${top}\n${cutLine}\n\n${footer}`;
  const bodies: string[] = new Array(reports.length);
  const order = full.map((_, i) => i).sort((a, b) => full[a]!.length - full[b]!.length);
  for (const [rank, i] of order.entries()) {
    const share = Math.floor(left / (reports.length - rank));
    const body = full[i]!.length <= share ? full[i]! : shrink(reports[i]!, share, options, cutLine);
    bodies[i] = body;
    left -= body.length;
  }
  return `${top}${aggregate.images.map((image, i) => wrap(image, bodies[i]!)).join('')}${footer}`;
}

function heading(a: AggregateReport): string {
  const failed = a.images.filter((i) => !i.passed);
  const count = `${a.images.length} image${a.images.length === 1 ? '' : 's'}`;
  const verdict = failed.length
    ? `${failed.length} failed (${failed.map((i) => i.key).join(', ')})`
    : a.images.length === 1
      ? 'passed'
      : 'all passed';
  return `### ${a.passed ? '✅' : '❌'} image-guard · ${escapeMarkdown(count)}: ${escapeMarkdown(verdict)}`;
}

function table(images: readonly AggregateImage[]): string[] {
  const rows = ['| image | size | delta | pull | findings | verdict |', '|---|---:|---:|---:|---|---|'];
  for (const i of images) {
    const name = `${inlineCode(i.key, 60)}${i.title !== i.key ? `<br><sub>${escapeMarkdown(i.title)}</sub>` : ''}`;
    const size = i.size === null ? '–' : formatBytes(i.size);
    const delta = i.delta
      ? `**${signed(i.delta.size, formatBytes)}**${i.delta.percent === null ? '' : ` (${signed(i.delta.percent, (n) => `${n}%`)})`}`
      : i.baseUnavailable
        ? 'no base'
        : '–';
    const pull = i.pull
      ? `${formatBytes(i.pull.bytes)}${i.pull.compression === 'gzip' ? '' : ` (${i.pull.compression})`}`
      : '–';
    const verdict = i.passed ? '✅ passed' : `❌ ${escapeMarkdown(i.status)}`;
    rows.push(`| ${name} | ${size} | ${delta} | ${pull} | ${severities(i.findings)} | ${verdict} |`);
  }
  return rows;
}

/** `🔴 1 · 🟠 2 · ℹ️ 3`, or `none`. */
export function severities(c: SeverityCounts): string {
  const parts = [
    c.error ? `🔴 ${c.error}` : '',
    c.warning ? `🟠 ${c.warning}` : '',
    c.info ? `ℹ️ ${c.info}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'none';
}

function wrap(image: AggregateImage, body: string): string {
  const summary = `${image.passed ? '✅' : '❌'} ${image.key}: ${image.status}`;
  return ['<details>', `<summary>${escapeHtml(summary)}</summary>`, '', body, '</details>', '', ''].join(
    '\n',
  );
}

function markdownOptions(r: LoadedReport, hint: string) {
  const a = r.report.action;
  return {
    failOn: a.failOn,
    title: a.title,
    nested: true,
    unchecked: a.unchecked ?? [],
    fullReportHint: hint,
    ...(a.baseLabel ? { baseLabel: a.baseLabel } : {}),
    ...(a.headLabel ? { headLabel: a.headLabel } : {}),
    ...(a.htmlReport ? { htmlReport: a.htmlReport } : {}),
  };
}

function imageDetails(r: LoadedReport, hint: string): string {
  return renderMarkdown(r.report, markdownOptions(r, hint));
}

/**
 * The image's report shortened to `room`; when even its shortest form does not fit (the renderer then cuts
 * the text mid-way, which could leave a section open), the one line instead.
 */
function shrink(r: LoadedReport, room: number, o: AggregateOptions, cutLine: string): string {
  if (room < MIN_DETAILS) return `${cutLine}\n`;
  const body = renderMarkdown(r.report, { ...markdownOptions(r, o.fullReportHint), maxChars: room });
  const opened = body.split('<details>').length;
  const closed = body.split('</details>').length;
  if (body.length > room || opened !== closed || body.includes('\n\n… cut to fit.')) return `${cutLine}\n`;
  return body;
}
