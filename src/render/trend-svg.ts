// The size trend as an inline SVG line chart for the HTML report: drawn here, no script, nothing fetched. Each
// point has a <title> (its commit and size) that a browser shows on hover; the head's point is drawn apart.
// Every text in it goes through the HTML escaping: commits come from a branch anyone with write access edits.
import type { SizeTrend } from '../core/report.js';
import { formatBytes } from '../core/size.js';
import { html } from './html/escape.js';
import { shortCommit, trendSizes } from './trend.js';

const W = 640;
const H = 220;
const PAD = { left: 72, right: 16, top: 16, bottom: 44 };

const fixed = (n: number) => Math.round(n * 10) / 10;

export function trendSvg(t: SizeTrend): string {
  const sizes = trendSizes(t);
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  const span = hi - lo || Math.max(1, hi * 0.05);
  const yLo = Math.max(0, lo - span * 0.1);
  const yHi = hi + span * 0.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) =>
    fixed(PAD.left + (sizes.length === 1 ? plotW / 2 : (i / (sizes.length - 1)) * plotW));
  const y = (s: number) => fixed(PAD.top + plotH - ((s - yLo) / (yHi - yLo)) * plotH);
  const labels = [...t.points.map((p) => shortCommit(p.commit)), t.head.label];
  const dates = [...t.points.map((p) => p.date.slice(0, 10)), 'this run'];
  const parts: string[] = [
    `<svg class="trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${html(`Image size over ${sizes.length} builds, from ${formatBytes(t.first)} to ${formatBytes(t.head.size)}`)}">`,
  ];
  // Horizontal grid with the size at each line.
  for (let k = 0; k <= 4; k++) {
    const v = yLo + ((yHi - yLo) * k) / 4;
    const gy = y(v);
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${gy}" y2="${gy}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${PAD.left - 6}" y="${fixed(gy + 4)}" text-anchor="end" font-size="11" fill="#57606a">${html(formatBytes(Math.round(v)))}</text>`,
    );
  }
  const history = sizes.slice(0, -1).map((s, i) => `${x(i)},${y(s)}`);
  if (history.length > 1)
    parts.push(`<polyline points="${history.join(' ')}" fill="none" stroke="#0969da" stroke-width="2"/>`);
  const n = sizes.length - 1;
  parts.push(
    `<line x1="${x(n - 1)}" y1="${y(sizes[n - 1]!)}" x2="${x(n)}" y2="${y(sizes[n]!)}" stroke="${t.largest ? '#cf222e' : '#0969da'}" stroke-width="2" stroke-dasharray="4 3"/>`,
  );
  sizes.forEach((s, i) => {
    const isHead = i === n;
    const tip = `${isHead ? 'this run' : labels[i]} ${dates[i] === 'this run' ? '' : dates[i]} ${formatBytes(s)}`;
    parts.push(
      `<circle cx="${x(i)}" cy="${y(s)}" r="${isHead ? 5 : 3}" fill="${isHead ? (t.largest ? '#cf222e' : '#1a7f37') : '#0969da'}"${isHead ? ` data-figure="history.head.size" data-value="${s}"` : ''}><title>${html(tip.replace(/\s+/g, ' ').trim())}</title></circle>`,
    );
  });
  // The first point and the head are named under the axis.
  for (const i of [0, n]) {
    parts.push(
      `<text x="${x(i)}" y="${H - PAD.bottom + 16}" text-anchor="${i === 0 ? 'start' : i === n ? 'end' : 'middle'}" font-size="11" fill="#57606a" font-family="monospace">${html(i === n ? 'this run' : (labels[i] ?? ''))}</text>`,
    );
  }
  parts.push(
    `<text x="${PAD.left}" y="${H - 8}" font-size="11" fill="#57606a">${html(dates[0] ?? '')}</text>`,
    `<text x="${W - PAD.right}" y="${H - 8}" text-anchor="end" font-size="11" fill="#57606a">${html(t.points.at(-1)?.date.slice(0, 10) ?? '')} → this run</text>`,
    '</svg>',
  );
  return parts.join('');
}
