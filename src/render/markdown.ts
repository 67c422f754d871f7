import { normalizeInstruction } from '../analysis/layers.js';
import { describeJudged } from '../core/judged.js';
import {
  type CacheProbe,
  type FailOn,
  type FileDiff,
  type Finding,
  type Image,
  type PackageDiff,
  type Report,
  reachesFailOn,
} from '../core/report.js';
import { formatBytes } from '../core/size.js';
import { bar, percent, signed } from './bars.js';
import { fixFirstMarkdown } from './fix-first.js';
import { escapeHtml, escapeMarkdown, escapeMessage, inlineCode } from './markdown-escape.js';
import { type PolicyStyle, policySentences } from './policy.js';
import {
  budgetFigures,
  costRows,
  diffTotalsLine,
  fileChangeLabel,
  packageCountsLine,
  packageVersions,
  relativeTo,
  shortDirectoryList,
  statusLine,
} from './summary.js';
import { markdownTrend } from './trend.js';

/** How the policy's sentences (src/render/policy.ts) look in Markdown. */
const MARKDOWN_POLICY: PolicyStyle = {
  code: (t) => inlineCode(t),
  strong: (t) => `**${escapeMarkdown(t)}**`,
  text: escapeMarkdown,
};

/** GitHub refuses a comment body longer than this (HTTP 422). */
export const COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  failOn: FailOn;
  /** Heading text after "image-guard" (e.g. the Dockerfile and target). */
  title?: string;
  /** Short labels for the columns, e.g. the commits' short SHAs. */
  baseLabel?: string;
  headLabel?: string;
  /** The body may not be longer than this; collapsed sections shrink first. */
  maxChars?: number;
  /** Where the full report can be read when sections had to be cut. */
  fullReportHint?: string;
  /** Text put first (the sticky comment's marker). */
  prefix?: string;
  /** Budgets that were set but could not be judged. */
  unchecked?: readonly string[];
  /** Where the HTML report can be downloaded (the workflow artifact's page). */
  htmlReport?: string;
  /** Shown inside another comment (several images in one): no heading and no footer of its own. */
  nested?: boolean;
}

interface Limits {
  /** Directories in "Where the bytes went". */
  directories: number;
  /** Package changes in the "Packages" table, and in the collapsed table after it. */
  packages: number;
  morePackages: number;
  layers: number;
  files: number;
  wasters: number;
  otherFindings: number;
  failing: number;
  /** The size trend's Mermaid chart (the line and the table stay). */
  mermaid?: boolean;
}

const FULL: Limits = {
  directories: 6,
  packages: 10,
  morePackages: 1000,
  layers: 500,
  files: 20,
  wasters: 20,
  otherFindings: 500,
  failing: 500,
};
/** Files named per directory in "Where the bytes went". */
const FILES_PER_DIRECTORY = 3;

/** The report as GitHub-flavoured Markdown: the basis of the PR comment and the job summary. */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const max = options.maxChars ?? Number.POSITIVE_INFINITY;
  let body = compose(report, options, FULL, false);
  if (body.length <= max) return body;
  // Shrink what is collapsed first, then drop it; then keep as many failing findings as fit.
  const steps: Limits[] = [
    {
      directories: 6,
      packages: 10,
      morePackages: 100,
      layers: 60,
      files: 10,
      wasters: 10,
      otherFindings: 50,
      failing: FULL.failing,
    },
    {
      directories: 3,
      packages: 5,
      morePackages: 0,
      layers: 20,
      files: 5,
      wasters: 5,
      otherFindings: 10,
      failing: FULL.failing,
      mermaid: false,
    },
    {
      directories: 0,
      packages: 0,
      morePackages: 0,
      layers: 0,
      files: 0,
      wasters: 0,
      otherFindings: 0,
      failing: FULL.failing,
      mermaid: false,
    },
  ];
  for (const limits of steps) {
    body = compose(report, options, limits, true);
    if (body.length <= max) return body;
  }
  let lo = 0;
  let hi = FULL.failing;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (compose(report, options, { ...steps[2]!, failing: mid }, true).length <= max) lo = mid;
    else hi = mid - 1;
  }
  body = compose(report, options, { ...steps[2]!, failing: lo }, true);
  if (body.length <= max) return body;
  const note = `\n\n… cut to fit. ${options.fullReportHint ?? ''}\n`;
  return body.slice(0, Math.max(0, max - note.length)) + note;
}

function compose(report: Report, o: MarkdownOptions, lim: Limits, cut: boolean): string {
  const out: string[] = [];
  if (o.prefix) out.push(o.prefix);
  const icon = report.passed ? '✅' : '❌';
  const title = o.title ? ` · ${escapeMarkdown(o.title)}` : '';
  if (!o.nested)
    out.push(`### ${icon} image-guard${title}: ${escapeMarkdown(statusLine(report, o.failOn))}`, '');
  if (cut) {
    out.push(
      `> Some sections were shortened to fit in a comment. ${escapeMarkdown(o.fullReportHint ?? '')}`,
      '',
    );
  }
  if (report.policy)
    out.push(...policySentences(report.policy, MARKDOWN_POLICY).flatMap((l) => [`> ${l}`, '']));
  const { head, base } = report;
  if (head) out.push(...overview(report, head, base, o), '');
  if (report.baseUnavailable)
    out.push(`> No base image to compare with: ${escapeMarkdown(report.baseUnavailable)}`, '');
  if (report.judged)
    out.push(
      `<sub>Dockerfile judged as the final image: ${escapeMarkdown(describeJudged(report.judged))}</sub>`,
      '',
    );
  if (report.costs) out.push(...costsTable(report), '');
  if (report.history) out.push(...markdownTrend(report.history, { mermaid: lim.mermaid !== false }), '');
  if (report.diff && lim.directories > 0) out.push(...whereTheBytesWent(report.diff, lim.directories), '');
  if (report.packages && lim.packages > 0) out.push(...packagesSection(report.packages, lim), '');
  out.push(...fixFirstMarkdown(report.findings));

  const failing = report.findings.filter((f) => reachesFailOn(f.severity, o.failOn));
  const others = report.findings.filter((f) => !reachesFailOn(f.severity, o.failOn));
  const brokenBudgets = report.budgets.filter((b) => !b.passed);
  if (brokenBudgets.length) {
    out.push('**Budgets broken**', '', '| budget | limit | actual |', '|---|---:|---:|');
    for (const b of brokenBudgets) {
      const f = budgetFigures(b);
      out.push(`| ${b.name} | ${f.limit} | ${f.actual} |`);
    }
    out.push('');
  }
  if (failing.length) {
    out.push(`**Findings that fail the check** (fail-on: ${o.failOn})`, '');
    out.push(...findingTable(failing.slice(0, lim.failing)));
    if (failing.length > lim.failing) out.push(`| | | … and ${failing.length - lim.failing} more | |`);
    out.push('');
  }

  if (head && lim.layers > 0) {
    const rows = layerRows(report, head, lim.layers);
    out.push(...details(`Layers (${rows.total}): where the bytes are`, rows.lines));
  }
  if (head?.files && lim.files > 0 && head.files.largest.length) {
    out.push(...largestFiles(head, report.diff, lim.files));
  }
  if (head?.files && lim.wasters > 0 && head.files.wasted.length) {
    out.push(
      ...details(`Biggest wasters (${formatBytes(head.files.wastedBytes)} wasted in all)`, [
        '| wasted | path | layers |',
        '|---:|---|---|',
        ...head.files.wasted
          .slice(0, lim.wasters)
          .map((w) => `| ${formatBytes(w.bytes)} | ${inlineCode(w.path)} | ${w.layers.join(', ')} |`),
      ]),
    );
  }
  if (others.length && lim.otherFindings > 0) {
    const shown = others.slice(0, lim.otherFindings);
    const more = others.length - shown.length;
    out.push(
      ...details(`Other findings (${others.length}, below fail-on)`, [
        ...findingTable(shown),
        ...(more > 0 ? [`| | | … and ${more} more | |`] : []),
      ]),
    );
  }
  if (report.cacheProbe && lim.layers > 0)
    out.push(...details(probeSummary(report.cacheProbe), probeLines(report.cacheProbe)));
  const passedBudgets = report.budgets.filter((b) => b.passed);
  if (passedBudgets.length || o.unchecked?.length) {
    const lines = ['| budget | limit | actual | |', '|---|---:|---:|---|'];
    for (const b of passedBudgets) {
      const f = budgetFigures(b);
      lines.push(`| ${b.name} | ${f.limit} | ${f.actual} | ✅ |`);
    }
    for (const u of o.unchecked ?? []) lines.push(`| ${escapeMarkdown(u)} | | | not checked |`);
    out.push(...details('Budgets kept', lines));
  }
  if (o.htmlReport)
    out.push(
      `📊 [HTML report](${o.htmlReport.replace(/[()\s]/g, encodeURIComponent)}): the layers, the final filesystem and the diff to explore (a workflow artifact: download, unzip, open \`report.html\`)`,
      '',
    );
  if (!o.nested) out.push(`<sub>image-guard ${escapeMarkdown(report.tool.version)}</sub>`);
  return `${out.join('\n')}\n`;
}

/**
 * "Where the bytes went": the diff's totals, then the directories that changed most, each with its largest
 * changes. A plain table, which GitHub's mobile app and the e-mail notification show as they show the others.
 */
function whereTheBytesWent(diff: FileDiff, limit: number): string[] {
  // The totals line is made of figures only: nothing in it comes from the image.
  const lines = [`**Where the bytes went**: ${diffTotalsLine(diff)}`];
  const dirs = shortDirectoryList(diff, limit);
  if (dirs.length === 0) return lines;
  lines.push('', '| change | directory | files | largest changes |', '|---:|---|---|---|');
  for (const d of dirs) {
    const counts = [
      d.added.files ? `+${d.added.files}` : '',
      d.removed.files ? `−${d.removed.files}` : '',
      d.grown.files + d.shrunk.files ? `~${d.grown.files + d.shrunk.files}` : '',
    ]
      .filter(Boolean)
      .join(' ')
      .concat(d.wholly === 'added' ? ' (new)' : d.wholly === 'removed' ? ' (gone)' : '');
    const files = d.largest
      .slice(0, FILES_PER_DIRECTORY)
      .map(
        (f) =>
          `${inlineCode(relativeTo(d.path, f.path), 60)} ${escapeMarkdown(fileChangeLabel(f))}${f.change === 'added' || f.change === 'removed' ? ` ${formatBytes(Math.abs(f.delta))}` : ''}`,
      )
      .join('<br>');
    const owner = d.owner ? ` (${escapeMarkdown(d.owner.name)})` : '';
    lines.push(
      `| **${signed(d.net, formatBytes)}** | ${inlineCode(d.path, 80)}${owner} | ${counts} | ${files} |`,
    );
  }
  if (diff.directories.length > dirs.length) {
    lines.push(
      '',
      `<sub>The JSON report lists ${diff.directories.length} directories (\`diff.directories\`), nested ones too.</sub>`,
    );
  }
  return lines;
}

/**
 * "Packages": the counts line, the biggest changes as a table (package, change, versions, bytes), and the rest
 * in a collapsed table after it; what neither shows is in the JSON report.
 */
function packagesSection(packages: PackageDiff, lim: Limits): string[] {
  // The counts line is made of figures only: nothing in it comes from the image.
  const lines = [`**Packages**: ${packageCountsLine(packages)}`];
  const changes = packages.changes;
  if (changes.length === 0) return lines;
  const header = ['| package | change | versions | bytes |', '|---|---|---|---:|'];
  const row = (c: PackageDiff['changes'][number]) =>
    `| ${inlineCode(c.name, 60)} | ${c.change} | ${escapeMarkdown(packageVersions(c))} | ${signed(c.delta, formatBytes)} |`;
  const top = changes.slice(0, lim.packages);
  lines.push('', ...header, ...top.map(row));
  const rest = changes.slice(top.length);
  const more = rest.slice(0, lim.morePackages);
  if (more.length > 0) {
    lines.push(
      '',
      ...details(
        `${rest.length.toLocaleString('en-US')} more package change${rest.length === 1 ? '' : 's'}`,
        [...header, ...more.map(row)],
      ),
    );
  }
  if (rest.length > more.length) {
    lines.push(
      `<sub>The JSON report lists all ${changes.length.toLocaleString('en-US')} package changes (\`packages.changes\`).</sub>`,
    );
  }
  return lines;
}

/**
 * The head's largest files; with a diff, first the ones this PR added, grew or wrote in a layer the base does
 * not have (they are what a reviewer can act on), then the largest of the rest.
 */
function largestFiles(head: Image, diff: FileDiff | undefined, limit: number): string[] {
  const all = head.files?.largest ?? [];
  const touched = (diff?.largest ?? []).slice(0, limit);
  const listed = new Set(touched.map((f) => f.path));
  const rest = all.filter((f) => !listed.has(f.path)).slice(0, Math.max(0, limit - touched.length));
  const max = Math.max(1, ...touched.map((f) => f.headSize ?? 0), ...rest.map((f) => f.size));
  const rows = [
    ...touched.map((f) => ({
      size: f.headSize ?? 0,
      what: fileChangeLabel(f),
      path: f.path,
      layer: f.layer,
    })),
    ...rest.map((f) => ({ size: f.size, what: diff ? '' : null, path: f.path, layer: f.layer })),
  ];
  const withChange = diff !== undefined;
  const summary = withChange
    ? `Largest files (${rows.length}; ${touched.length} added or changed by this PR first)`
    : `Largest files (${rows.length})`;
  return details(summary, [
    withChange ? '| size | | change | path | layer |' : '| size | | path | layer |',
    withChange ? '|---:|---|---|---|---:|' : '|---:|---|---|---:|',
    ...rows.map((r) =>
      withChange
        ? `| ${formatBytes(r.size)} | ${bar(r.size, max, 12)} | ${escapeMarkdown(r.what ?? '')} | ${inlineCode(r.path)} | ${r.layer ?? ''} |`
        : `| ${formatBytes(r.size)} | ${bar(r.size, max, 12)} | ${inlineCode(r.path)} | ${r.layer ?? ''} |`,
    ),
  ]);
}

function details(summary: string, lines: string[]): string[] {
  return ['<details>', `<summary>${escapeHtml(summary)}</summary>`, '', ...lines, '', '</details>', ''];
}

function overview(report: Report, head: Image, base: Image | null, o: MarkdownOptions): string[] {
  const label = (l: string | undefined, i: Image) =>
    l ? inlineCode(l, 40) : inlineCode(i.id.replace(/^sha256:/, '').slice(0, 12));
  const d = report.delta;
  const count = (i: Image) => String(i.layers.filter((l) => !l.empty).length);
  const cols = (b: string, h: string, delta: string) => (base ? `| ${b} | ${h} | ${delta} |` : `| ${h} |`);
  const lines = [
    base
      ? `| | base ${label(o.baseLabel, base)} | head ${label(o.headLabel, head)} | delta |`
      : `| | head ${label(o.headLabel, head)} |`,
    base ? '|---|---:|---:|---:|' : '|---|---:|',
  ];
  const sizeDelta = d
    ? `**${signed(d.size, formatBytes)}**${d.percent === null ? '' : ` (${signed(d.percent, (n) => `${n}%`)})`}`
    : '';
  lines.push(`| size ${cols(base ? formatBytes(base.size) : '', formatBytes(head.size), sizeDelta)}`);
  lines.push(`| layers ${cols(base ? count(base) : '', count(head), d ? signed(d.layers, String) : '')}`);
  if (head.files) {
    const w = (i: Image | null) => (i?.files ? formatBytes(i.files.wastedBytes) : '–');
    const e = (i: Image | null) => (i?.files ? percent(i.files.efficiency) : '–');
    const wd =
      d?.wastedBytes === null || d?.wastedBytes === undefined ? '–' : signed(d.wastedBytes, formatBytes);
    lines.push(`| wasted ${cols(w(base), w(head), wd)}`);
    lines.push(`| efficiency ${cols(e(base), e(head), '')}`);
  }
  return lines;
}

/** What the change costs in size, build time, pull size and time, and start-up, base beside head. */
function costsTable(report: Report): string[] {
  const costs = report.costs!;
  const { rows, notes } = costRows(costs);
  const withBase = costs.base !== null;
  const mark = (better: boolean | null) => (better === null ? '' : better ? ' ✅' : ' ⚠️');
  const lines = [
    '**Size, build, pull and start-up**: what the change costs',
    '',
    withBase ? '| | base | head | change |' : '| | head |',
    withBase ? '|---|---:|---:|---:|' : '|---|---:|',
  ];
  for (const r of rows) {
    lines.push(
      withBase
        ? `| ${r.label} | ${r.base} | ${r.head} | ${r.change}${mark(r.better)} |`
        : `| ${r.label} | ${r.head} |`,
    );
  }
  if (notes.length) lines.push('', ...notes.map((n) => `- <sub>${escapeMarkdown(n)}</sub>`));
  return lines;
}

function findingTable(findings: Finding[]): string[] {
  const lines = ['| rule | where | problem | fix |', '|---|---|---|---|'];
  for (const f of findings) {
    const where = f.file ? inlineCode(`${f.file}${f.line ? `:${f.line}` : ''}`, 80) : 'image';
    const sev = f.severity === 'error' ? '🔴' : f.severity === 'warning' ? '🟠' : 'ℹ️';
    const bytes = f.bytes ? ` (${formatBytes(f.bytes)})` : '';
    lines.push(
      `| ${sev} ${f.rule} ${escapeMarkdown(f.name)} | ${where} | ${escapeMessage(f.message)}${bytes} | ${f.fix ? escapeMessage(f.fix) : ''} |`,
    );
  }
  return lines;
}

function layerRows(report: Report, head: Image, limit: number): { total: number; lines: string[] } {
  if (report.layers.length) {
    const max = Math.max(1, ...report.layers.map((r) => Math.max(r.baseSize ?? 0, r.headSize ?? 0)));
    const icon = { same: '', changed: '✏️', added: '➕', removed: '➖' } as const;
    const rows = report.layers.slice(0, limit).map((r) => {
      const size = Math.max(r.headSize ?? 0, r.baseSize ?? 0);
      const delta = r.status === 'same' ? '' : signed(r.delta, formatBytes);
      return `| ${icon[r.status]} ${r.status} | ${r.baseSize === null ? '' : formatBytes(r.baseSize)} | ${r.headSize === null ? '' : formatBytes(r.headSize)} | ${delta} | ${bar(size, max, 12)} | ${instructionCell(r.createdBy)} |`;
    });
    const more = report.layers.length - rows.length;
    return {
      total: report.layers.length,
      lines: [
        '| | base | head | delta | | instruction |',
        '|---|---:|---:|---:|---|---|',
        ...rows,
        ...(more > 0 ? [`| | | | | | … and ${more} more |`] : []),
      ],
    };
  }
  const layers = head.layers.filter((l) => !l.empty);
  const max = Math.max(1, ...layers.map((l) => l.size));
  const rows = layers
    .slice(0, limit)
    .map(
      (l) =>
        `| ${l.index} | ${formatBytes(l.size)} | ${bar(l.size, max, 12)} | ${instructionCell(normalizeInstruction(l.createdBy))} |`,
    );
  return {
    total: layers.length,
    lines: ['| # | size | | instruction |', '|---:|---:|---|---|', ...rows],
  };
}

function probeSummary(p: CacheProbe): string {
  if (p.note) return `Cache probe: ${p.note}`;
  if (p.missed.length === 0) return `Cache probe: changing ${p.changedFile} rebuilt no layer`;
  return `Cache probe: changing ${p.changedFile} rebuilt ${p.missed.length} layer${p.missed.length === 1 ? '' : 's'} (${formatBytes(p.missedBytes)})`;
}

function probeLines(p: CacheProbe): string[] {
  if (p.note || !p.changedFile) return [escapeMarkdown(p.note ?? '')];
  const lines = [
    `A one-line change to ${inlineCode(p.changedFile)} in a scratch copy of the build context, rebuilt in ${p.seconds} s. Every layer below missed the cache and is rebuilt and pushed again on each such commit:`,
    '',
  ];
  if (p.missed.length === 0) return [...lines.slice(0, 1), '', 'Every layer came from the cache. 👍'];
  lines.push('| layer | size | instruction |', '|---:|---:|---|');
  for (const l of p.missed) {
    lines.push(
      `| ${l.index} | ${formatBytes(l.size)} | ${instructionCell(normalizeInstruction(l.createdBy))} |`,
    );
  }
  return lines;
}

/** An instruction as inline code; an imported or history-less layer has none, which is said in words. */
function instructionCell(instruction: string): string {
  return instruction ? inlineCode(instruction, 100) : '*(no instruction recorded: imported or base layer)*';
}
