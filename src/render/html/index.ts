// The HTML report: one self-contained page (inline style and script, nothing fetched) to explore what the
// JSON report summarizes. Pure: report and explore data in, a string out. Figures a test can check carry
// `data-figure` (what) and `data-value` (the number, as the JSON report has it).
import { createHash } from 'node:crypto';
import type { ImageExplore, LayerChanges } from '../../analysis/explore.js';
import { normalizeInstruction } from '../../analysis/layers.js';
import { describeJudged } from '../../core/judged.js';
import type {
  FailOn,
  Finding,
  Image,
  ImageLayer,
  LayerRow,
  PackageChange,
  PackageDiff,
  Report,
  SizeTrend,
} from '../../core/report.js';
import { formatBytes } from '../../core/size.js';
import { percent, signed } from '../bars.js';
import { budgetFigures, costRows, packageCountsLine, statusLine } from '../summary.js';
import { LARGEST_SENTENCE, trendCaption, trendLine, trendRows } from '../trend.js';
import { trendSvg } from '../trend-svg.js';
import { html, scriptJson } from './escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

export interface HtmlOptions {
  failOn: FailOn;
  /** Heading text after "image-guard" (e.g. the Dockerfile and target). */
  title?: string;
  baseLabel?: string;
  headLabel?: string;
  /** What the analyses of head and base hold for exploring; absent without files. */
  explore?: { head?: ImageExplore | null; base?: ImageExplore | null };
  /** Largest paths listed per layer and kind of change (default 20). */
  layerPaths?: number;
}

const DEFAULT_LAYER_PATHS = 20;

export function renderHtml(report: Report, options: HtmlOptions): string {
  const head = report.head;
  const base = report.base;
  const title = `image-guard${options.title ? `: ${options.title}` : ''}`;
  const script = PAGE_SCRIPT;
  // Only this page's own script may run: a name that got past the escaping could not run as script.
  const hash = createHash('sha256').update(script).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:`;
  const headTree = options.explore?.head?.tree ?? null;
  const data = { tree: headTree, diff: report.diff ?? null };
  const sections: string[] = [];
  const nav: [string, string][] = [];
  const section = (id: string, heading: string, body: string) => {
    nav.push([id, heading]);
    sections.push(`<section id="${id}"><h2>${html(heading)}</h2>${body}</section>`);
  };

  if (head) {
    section('overview', 'Overview', overview(report, head, base, options) + costs(report));
    if (report.history) section('trend', 'Size over time', trendSection(report.history));
    section('layers', 'Layers', layers(report, head, base, options));
    if (headTree) {
      section(
        'where',
        'Where the bytes are',
        `<p class="muted">The head's final filesystem by directory; click a block to go into it.</p><div id="treemap"></div>`,
      );
      section(
        'files',
        'Final filesystem',
        `<p class="muted">The head's final filesystem, heaviest first; <span class="del">red</span>: bytes that a later layer hid (written again or deleted), <s>struck</s>: a path deleted. ${foldNote(options.explore!.head!)}</p><div id="fs-tree" class="tree"></div>`,
      );
    }
    if (report.diff) {
      section(
        'diff',
        'Diff against the base',
        `${diffTotals(report)}<p class="muted">The directories that changed most and their largest changed files, nested by path.</p><div id="diff-tree" class="tree"></div>`,
      );
    }
    if (report.packages) section('packages', 'Packages', packagesTable(report.packages));
  }
  if (report.findings.length || report.budgets.length)
    section('findings', 'Findings and budgets', findings(report));

  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${html(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head><body>',
    `<h1>${html(title)}</h1>`,
    `<p><span class="status ${report.passed ? 'pass' : 'fail'}" data-figure="passed" data-value="${report.passed}">${html(statusLine(report, options.failOn))}</span> <span class="muted">${html(report.tool.name)} ${html(report.tool.version)}</span></p>`,
    `<nav>${nav.map(([id, h]) => `<a href="#${id}">${html(h)}</a>`).join('')}</nav>`,
    ...sections,
    `<script type="application/json" id="ig-data">${scriptJson(data)}</script>`,
    `<script>${script}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

const num = (figure: string, value: number | null | undefined, text: string): string =>
  value === null || value === undefined
    ? `<td class="num">${html(text)}</td>`
    : `<td class="num" data-figure="${html(figure)}" data-value="${value}">${html(text)}</td>`;

function shortId(image: Image): string {
  return image.id.replace(/^sha256:/, '').slice(0, 12);
}

function overview(report: Report, head: Image, base: Image | null, o: HtmlOptions): string {
  const d = report.delta;
  const count = (i: Image) => i.layers.filter((l) => !l.empty).length;
  const label = (l: string | undefined, i: Image) =>
    `<code>${html(l ?? i.ref)}</code> <span class="muted">${html(shortId(i))}</span>`;
  const rows: string[] = [];
  const row = (name: string, cells: string[]) =>
    rows.push(`<tr><th>${html(name)}</th>${cells.join('')}</tr>`);
  const side = (
    i: Image | null,
    key: string,
    value: (i: Image) => number | null,
    text: (n: number) => string,
  ) => {
    const v = i ? value(i) : null;
    return num(key, v, v === null ? '–' : text(v));
  };
  const both = (key: string, value: (i: Image) => number | null, text: (n: number) => string) =>
    base
      ? [side(base, `base.${key}`, value, text), side(head, `head.${key}`, value, text)]
      : [side(head, `head.${key}`, value, text)];
  row('size', [
    ...both('size', (i) => i.size, formatBytes),
    ...(d
      ? [
          num(
            'delta.size',
            d.size,
            `${signed(d.size, formatBytes)}${d.percent === null ? '' : ` (${signed(d.percent, (n) => `${n}%`)})`}`,
          ),
        ]
      : []),
  ]);
  row('layers', [
    ...both('layers', count, String),
    ...(d ? [num('delta.layers', d.layers, signed(d.layers, String))] : []),
  ]);
  if (head.files) {
    row('files', [
      ...both(
        'files.fileCount',
        (i) => i.files?.fileCount ?? null,
        (n) => n.toLocaleString('en-US'),
      ),
      ...(d ? ['<td></td>'] : []),
    ]);
    row('wasted', [
      ...both('files.wastedBytes', (i) => i.files?.wastedBytes ?? null, formatBytes),
      ...(d
        ? [
            num(
              'delta.wastedBytes',
              d.wastedBytes,
              d.wastedBytes === null ? '–' : signed(d.wastedBytes, formatBytes),
            ),
          ]
        : []),
    ]);
    row('efficiency', [
      ...both('files.efficiency', (i) => i.files?.efficiency ?? null, percent),
      ...(d ? ['<td></td>'] : []),
    ]);
  }
  const headers = base
    ? `<tr><th></th><th>base ${label(o.baseLabel, base)}</th><th>head ${label(o.headLabel, head)}</th>${d ? '<th>delta</th>' : ''}</tr>`
    : `<tr><th></th><th>head ${label(o.headLabel, head)}</th></tr>`;
  const why =
    !base && report.baseUnavailable ? `<p class="muted">No base: ${html(report.baseUnavailable)}</p>` : '';
  const judged = report.judged ? `<p class="muted">${html(describeJudged(report.judged))}</p>` : '';
  return `<table class="overview">${headers}${rows.join('')}</table>${why}${judged}`;
}

function costs(report: Report): string {
  if (!report.costs) return '';
  const { rows, notes } = costRows(report.costs);
  const withBase = report.costs.base !== null;
  const body = rows
    .map((r) => {
      const cls = r.better === null ? '' : r.better ? ' better' : ' worse';
      return withBase
        ? `<tr><th>${html(r.label)}</th><td class="num">${html(r.base)}</td><td class="num">${html(r.head)}</td><td class="num${cls}">${html(r.change)}</td></tr>`
        : `<tr><th>${html(r.label)}</th><td class="num">${html(r.head)}</td></tr>`;
    })
    .join('');
  const head = withBase
    ? '<tr><th></th><th>base</th><th>head</th><th>change</th></tr>'
    : '<tr><th></th><th>head</th></tr>';
  const list = notes.length
    ? `<ul class="muted">${notes.map((n) => `<li>${html(n)}</li>`).join('')}</ul>`
    : '';
  return `<h3>Size, build, pull and start-up</h3><table class="costs">${head}${body}</table>${list}`;
}

/** Base and head layers side by side as the comparison aligned them, each with a bar and its changes. */
function layers(report: Report, head: Image, base: Image | null, o: HtmlOptions): string {
  const rows: LayerRow[] = report.layers.length
    ? report.layers
    : head.layers.map((l) => ({
        status: 'added' as const,
        base: null,
        head: l.index,
        createdBy: l.createdBy,
        baseSize: null,
        headSize: l.size,
        delta: l.size,
      }));
  const max = Math.max(1, ...rows.map((r) => Math.max(r.baseSize ?? 0, r.headSize ?? 0)));
  const limit = o.layerPaths ?? DEFAULT_LAYER_PATHS;
  const changesOf = (explore: ImageExplore | null | undefined) =>
    new Map((explore?.layers ?? []).map((l) => [l.layer, l]));
  const headChanges = changesOf(o.explore?.head);
  const baseChanges = changesOf(o.explore?.base);
  const cell = (
    side: 'base' | 'head',
    image: Image | null,
    index: number | null,
    changes: Map<number, LayerChanges>,
  ) => {
    if (!image || index === null) return '<td class="side"></td>';
    const layer: ImageLayer | undefined = image.layers[index];
    if (!layer) return '<td class="side"></td>';
    const width = ((layer.size / max) * 100).toFixed(2);
    const instruction = normalizeInstruction(layer.createdBy) || '(no instruction recorded)';
    const c = changes.get(index);
    return `<td class="side"><div class="muted">${side} layer ${index} · <span data-figure="${side}.layers.${index}.size" data-value="${layer.size}">${html(formatBytes(layer.size))}</span>${layer.empty ? ' · empty' : ''}</div><div class="bar${side === 'base' ? ' base' : ''}" style="width:${width}%"></div><div class="instr">${html(instruction)}</div>${c ? layerChanges(c, limit) : ''}</td>`;
  };
  const body = rows
    .map(
      (r) =>
        `<tr>${base ? cell('base', base, r.base, baseChanges) : ''}<td class="st st-${r.status}">${html(r.status)}<br><span class="muted">${html(signed(r.delta, formatBytes))}</span></td>${cell('head', head, r.head, headChanges)}</tr>`,
    )
    .join('');
  const heading = base
    ? '<tr><th>base</th><th>status</th><th>head</th></tr>'
    : '<tr><th>status</th><th>head</th></tr>';
  return `<table class="layers">${heading}${body}</table>`;
}

function layerChanges(c: LayerChanges, limit: number): string {
  const part = (kind: 'added' | 'changed' | 'deleted', cls: string) => {
    const t = c[kind];
    if (t.count === 0) return '';
    const items = c.top[kind]
      .slice(0, limit)
      .map(
        ([path, bytes]) => `<li class="${cls}"><code>${html(path)}</code> ${html(formatBytes(bytes))}</li>`,
      )
      .join('');
    const more =
      t.count > Math.min(limit, c.top[kind].length)
        ? `<li class="muted">${(t.count - Math.min(limit, c.top[kind].length)).toLocaleString('en-US')} more</li>`
        : '';
    return `<div class="${cls}">${kind}: <span data-figure="changes.${c.layer}.${kind}.count" data-value="${t.count}">${t.count.toLocaleString('en-US')}</span> (${html(formatBytes(t.bytes))})</div><ul>${items}${more}</ul>`;
  };
  const summary = `+${c.added.count.toLocaleString('en-US')} ~${c.changed.count.toLocaleString('en-US')} −${c.deleted.count.toLocaleString('en-US')}`;
  const body = part('added', 'add') + part('changed', 'mod') + part('deleted', 'del');
  return body
    ? `<details class="chg"><summary>what it changed: ${html(summary)}</summary>${body}</details>`
    : '';
}

function foldNote(explore: ImageExplore): string {
  return `${explore.nodes.toLocaleString('en-US')} paths; the lightest are summed up per directory as “smaller entries”.`;
}

function diffTotals(report: Report): string {
  const diff = report.diff!;
  const t = (name: string, key: string, v: { files: number; bytes: number }) =>
    `<tr><th>${html(name)}</th>${num(`diff.${key}.files`, v.files, v.files.toLocaleString('en-US'))}${num(`diff.${key}.bytes`, v.bytes, formatBytes(v.bytes))}</tr>`;
  return `<table class="diff-totals"><tr><th></th><th>files</th><th>bytes</th></tr>${t('added', 'added', diff.added)}${t('removed', 'removed', diff.removed)}${t('grown', 'grown', diff.grown)}${t('shrunk', 'shrunk', diff.shrunk)}<tr><th>net</th><td></td>${num('diff.net', diff.net, signed(diff.net, formatBytes))}</tr></table>`;
}

const CHANGES: PackageChange['change'][] = ['added', 'removed', 'upgraded', 'downgraded', 'changed'];

/**
 * Every package change as a table the page's script sorts (a click on a column's header) and filters (a text
 * box, and a box per kind of change). Each cell's sort key is its `data-key`; names and versions are text.
 */
function packagesTable(packages: PackageDiff): string {
  const counts = `<p data-figure="packages.net" data-value="${packages.net}">${html(packageCountsLine(packages))}</p>`;
  if (packages.changes.length === 0) return counts;
  const kinds = CHANGES.filter((k) => packages[k] > 0)
    .map(
      (k) =>
        `<label><input type="checkbox" class="pkg-kind" value="${k}" checked> ${k} (<span data-figure="packages.${k}" data-value="${packages[k]}">${packages[k].toLocaleString('en-US')}</span>)</label>`,
    )
    .join(' ');
  const tools = `<div class="pkg-tools"><input type="search" id="pkg-filter" placeholder="filter: name, version, path" aria-label="filter the packages by name, version or path"> ${kinds} <span id="pkg-shown" class="muted"></span></div>`;
  const columns: [string, 'text' | 'number'][] = [
    ['package', 'text'],
    ['ecosystem', 'text'],
    ['change', 'text'],
    ['base version', 'text'],
    ['head version', 'text'],
    ['base bytes', 'number'],
    ['head bytes', 'number'],
    ['delta', 'number'],
  ];
  const head = `<thead><tr>${columns
    .map(
      ([name, type]) =>
        `<th data-type="${type}" aria-sort="none"${type === 'number' ? ' class="num"' : ''}><button type="button">${html(name)}</button></th>`,
    )
    .join('')}</tr></thead>`;
  const bytes = (n: number | null) =>
    n === null
      ? '<td class="num" data-key="">–</td>'
      : `<td class="num" data-key="${n}">${html(formatBytes(n))}</td>`;
  const body = packages.changes
    .map((c) => {
      const search = [c.name, c.ecosystem, c.baseVersion ?? '', c.headVersion ?? '', c.location]
        .join(' ')
        .toLowerCase();
      const cls = c.delta > 0 ? 'worse' : c.delta < 0 ? 'better' : '';
      return `<tr data-change="${c.change}" data-search="${html(search)}"><td title="${html(c.location)}"><code>${html(c.name)}</code></td><td>${html(c.ecosystem)}</td><td class="st-${c.change}">${c.change}</td><td><code>${html(c.baseVersion ?? '')}</code></td><td><code>${html(c.headVersion ?? '')}</code></td>${bytes(c.baseBytes)}${bytes(c.headBytes)}<td class="num ${cls}" data-key="${c.delta}">${html(signed(c.delta, formatBytes))}</td></tr>`;
    })
    .join('');
  return `${counts}${tools}<table class="packages" id="pkg-table">${head}<tbody>${body}</tbody></table>`;
}

function findings(report: Report): string {
  const out: string[] = [];
  if (report.budgets.length) {
    out.push('<table class="budgets"><tr><th>budget</th><th>limit</th><th>actual</th><th></th></tr>');
    for (const b of report.budgets) {
      const f = budgetFigures(b);
      out.push(
        `<tr><td>${html(b.name)}</td><td class="num">${html(f.limit)}</td><td class="num">${html(f.actual)}</td><td class="${b.passed ? 'better' : 'worse'}">${b.passed ? 'ok' : 'broken'}</td></tr>`,
      );
    }
    out.push('</table>');
  }
  if (report.findings.length) {
    out.push(`<table class="findings"><tr><th>rule</th><th>where</th><th>problem</th><th>fix</th></tr>`);
    for (const f of report.findings) out.push(findingRow(f));
    out.push('</table>');
  }
  return out.join('');
}

function findingRow(f: Finding): string {
  const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : 'image';
  const bytes = f.bytes ? ` (${formatBytes(f.bytes)})` : '';
  return `<tr><td>${html(f.severity)} ${html(f.rule)} ${html(f.name)}</td><td><code>${html(where)}</code></td><td>${html(f.message + bytes)}</td><td>${html(f.fix ?? '')}</td></tr>`;
}

/** The trend: the same line as the comment, the sentence when it holds, the chart, and the small table. */
function trendSection(t: SizeTrend): string {
  const rows = trendRows(t)
    .map(
      (r) =>
        `<tr><th>${html(r.what)}</th><td><code>${html(r.commit)}</code></td><td class="num">${html(formatBytes(r.size))}</td><td class="num">${html(r.change)}</td></tr>`,
    )
    .join('');
  return [
    `<p class="muted">${html(trendCaption(t))}</p>`,
    `<p><code>${html(trendLine(t))}</code></p>`,
    t.largest ? `<p class="status fail">${html(LARGEST_SENTENCE)}</p>` : '',
    trendSvg(t),
    `<table><thead><tr><th></th><th>commit</th><th class="num">size</th><th class="num">change</th></tr></thead><tbody>${rows}</tbody></table>`,
  ].join('');
}
