import { normalizeInstruction } from '../analysis/layers.js';
import { describeJudged } from '../core/judged.js';
import {
  type FailOn,
  type FileDiff,
  type Finding,
  type Image,
  type PackageDiff,
  type Report,
  reachesFailOn,
  type SizeTrend,
} from '../core/report.js';
import { formatBytes } from '../core/size.js';
import { escapeTerminal as esc } from '../core/terminal-escape.js';
import { bar, percent, signed } from './bars.js';
import { costPhrase } from './fix-first.js';
import { policySentences } from './policy.js';
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
import { textTrend, trendRows } from './trend.js';

export interface TextOptions {
  color: boolean;
  failOn: FailOn;
  /** Budgets that were set but could not be judged. */
  unchecked?: readonly string[];
}

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Columns padded to their widest cell; `right` lists the columns aligned right (numbers). */
export function table(rows: string[][], right: number[] = [], gap = '  '): string[] {
  const width = (s: string) => [...s].length;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
        if (i === row.length - 1 && !right.includes(i)) return cell;
        return right.includes(i) ? pad + cell : cell + pad;
      })
      .join(gap)
      .trimEnd(),
  );
}

export function renderText(report: Report, options: TextOptions): string {
  const paint = (code: string, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const bold = (s: string) => paint('1', s);
  const dim = (s: string) => paint('2', s);
  const red = (s: string) => paint('31', s);
  const green = (s: string) => paint('32', s);
  const yellow = (s: string) => paint('33', s);
  const out: string[] = [];
  const { head, base } = report;
  if (report.policy) {
    const style = { code: (t: string) => esc(t), strong: (t: string) => yellow(esc(t)), text: esc };
    out.push(...policySentences(report.policy, style), '');
  }

  if (head) {
    out.push(`${bold('head')} ${esc(head.ref)} ${dim(shortId(head.id))}`);
    if (base) out.push(`${bold('base')} ${esc(base.ref)} ${dim(shortId(base.id))}`);
    else if (report.baseUnavailable)
      out.push(`${bold('base')} ${yellow(`unavailable: ${esc(report.baseUnavailable)}`)}`);
    if (report.judged) out.push(dim(`judged as the final image: ${esc(describeJudged(report.judged))}`));
    out.push('');
    out.push(...overview(report, head, base));
    out.push('');
    if (report.costs) {
      const { rows, notes } = costRows(report.costs);
      const withBase = report.costs.base !== null;
      out.push(bold('Size, build, pull and start-up'));
      out.push(
        ...table(
          [
            ['', ...(withBase ? ['base'] : []), 'head', ...(withBase ? ['change'] : [])].map(dim),
            ...rows.map((r) => [
              r.label,
              ...(withBase ? [r.base] : []),
              r.head,
              ...(withBase
                ? [r.better === null ? r.change : r.better ? green(r.change) : yellow(r.change)]
                : []),
            ]),
          ],
          [1, 2, 3],
        ).map((l) => `  ${l}`),
      );
      for (const n of notes) out.push(`  ${dim(`· ${n}`)}`);
      out.push('');
    }
    if (report.history) out.push(...trendLines(report.history, { bold, dim, yellow }), '');
    if (report.diff) {
      out.push(bold('Where the bytes went'), ...diffLines(report.diff, dim), '');
    }
    if (report.packages) {
      out.push(bold('Packages'), ...packageLines(report.packages, dim), '');
    }
    out.push(bold(base ? 'Layers, aligned (oldest first)' : 'Layers (oldest first)'));
    out.push(...layerLines(report, head, dim));
    if (head.files) {
      out.push('');
      out.push(bold('Largest files'));
      out.push(...largestLines(head, report.diff, dim));
      if (head.files.wasted.length) {
        out.push('');
        out.push(bold('Biggest wasters'));
        out.push(
          ...table(
            head.files.wasted.map((w) => [
              '  ',
              formatBytes(w.bytes),
              esc(w.path),
              dim(`layers ${w.layers.join(', ')}`),
            ]),
            [1],
          ),
        );
      }
    }
  }

  if (report.findings.length) {
    if (out.length) out.push('');
    out.push(bold(`Findings (${report.findings.length})`));
    for (const f of report.findings) out.push(...findingLines(f, options.failOn, { red, yellow, dim }));
  }

  if (report.budgets.length || options.unchecked?.length) {
    out.push('');
    out.push(bold('Budgets'));
    for (const b of report.budgets) {
      const f = budgetFigures(b);
      const mark = b.passed ? green('✓') : red('✗');
      out.push(`  ${mark} ${b.name} ${f.limit}: ${f.actual}`);
    }
    for (const u of options.unchecked ?? []) out.push(`  ${yellow('?')} ${u}`);
  }

  out.push('');
  const status = statusLine(report, options.failOn);
  out.push(report.passed ? green(bold(status)) : red(bold(status)));
  return `${out.join('\n')}\n`;
}

function overview(report: Report, head: Image, base: Image | null): string[] {
  const layerCount = (i: Image) => String(i.layers.filter((l) => !l.empty).length);
  const wasted = (i: Image | null) => (i?.files ? formatBytes(i.files.wastedBytes) : '–');
  const eff = (i: Image | null) => (i?.files ? percent(i.files.efficiency) : '–');
  const d = report.delta;
  const rows: string[][] = [['', ...(base ? ['base'] : []), 'head', ...(d ? ['delta'] : [])]];
  const sizeDelta = d
    ? `${signed(d.size, formatBytes)}${d.percent === null ? '' : ` (${signed(d.percent, (n) => `${n}%`)})`}`
    : '';
  rows.push([
    'size',
    ...(base ? [formatBytes(base.size)] : []),
    formatBytes(head.size),
    ...(d ? [sizeDelta] : []),
  ]);
  rows.push([
    'layers',
    ...(base ? [layerCount(base)] : []),
    layerCount(head),
    ...(d ? [signed(d.layers, String)] : []),
  ]);
  if (head.files) {
    rows.push([
      'wasted',
      ...(base ? [wasted(base)] : []),
      wasted(head),
      ...(d ? [d.wastedBytes === null ? '–' : signed(d.wastedBytes, formatBytes)] : []),
    ]);
    rows.push(['efficiency', ...(base ? [eff(base)] : []), eff(head), ...(d ? [''] : [])]);
    rows.push([
      'files',
      ...(base ? [String(base.files?.fileCount ?? '–')] : []),
      String(head.files.fileCount),
    ]);
  }
  if (head.packages) {
    const count = (i: Image | null) => (i?.packages ? String(i.packages.length) : '–');
    rows.push(['packages', ...(base ? [count(base)] : []), count(head)]);
  }
  return table(rows, [1, 2, 3]);
}

const DIRECTORIES = 10;
const FILES_PER_DIRECTORY = 5;

/** The diff's totals, then the directories that changed most, each with its largest changes below it. */
function diffLines(diff: FileDiff, dim: (s: string) => string): string[] {
  const out = [`  ${diffTotalsLine(diff)}`];
  const rows: string[][] = [];
  const shown = shortDirectoryList(diff, DIRECTORIES);
  for (const d of shown) {
    const whole = d.wholly === 'added' ? ' (new)' : d.wholly === 'removed' ? ' (gone)' : '';
    const owner = d.owner ? ` (${esc(d.owner.name)})` : '';
    rows.push([signed(d.net, formatBytes), `${esc(d.path)}${owner}${dim(whole)}`]);
    for (const f of d.largest.slice(0, FILES_PER_DIRECTORY)) {
      const label = fileChangeLabel(f);
      const size = f.change === 'added' || f.change === 'removed' ? ` ${formatBytes(Math.abs(f.delta))}` : '';
      rows.push(['', dim(`  ${esc(relativeTo(d.path, f.path))}  ${label}${size}`)]);
    }
  }
  out.push(...table(rows, [0]).map((l) => `  ${l}`));
  if (diff.directories.length > shown.length) {
    out.push(
      `  ${dim(`--format json lists ${diff.directories.length} directories (diff.directories), nested ones too`)}`,
    );
  }
  return out;
}

const PACKAGES = 30;

/** The package diff's counts, then its biggest changes: bytes, change, name, versions. */
function packageLines(packages: PackageDiff, dim: (s: string) => string): string[] {
  const out = [`  ${packageCountsLine(packages)}`];
  const shown = packages.changes.slice(0, PACKAGES);
  out.push(
    ...table(
      shown.map((c) => [
        signed(c.delta, formatBytes),
        c.change,
        esc(c.name),
        cut(esc(packageVersions(c)), 60),
        dim(c.ecosystem),
      ]),
      [0],
    ).map((l) => `  ${l}`),
  );
  if (packages.changes.length > shown.length) {
    out.push(
      `  ${dim(`… and ${packages.changes.length - shown.length} more: --format json lists them all (packages.changes)`)}`,
    );
  }
  return out;
}

/** The head's largest files; with a diff, the ones this PR added or changed first, marked. */
function largestLines(head: Image, diff: FileDiff | undefined, dim: (s: string) => string): string[] {
  const all = head.files?.largest ?? [];
  const limit = Math.max(all.length, 1);
  const touched = (diff?.largest ?? []).slice(0, limit);
  const listed = new Set(touched.map((f) => f.path));
  const rows = [
    ...touched.map((f) => [
      '  ',
      formatBytes(f.headSize ?? 0),
      esc(f.path),
      dim(`layer ${f.layer}`),
      fileChangeLabel(f),
    ]),
    ...all
      .filter((f) => !listed.has(f.path))
      .slice(0, Math.max(0, limit - touched.length))
      .map((f) => ['  ', formatBytes(f.size), esc(f.path), dim(`layer ${f.layer}`), '']),
  ];
  return table(rows, [1]);
}

function layerLines(report: Report, head: Image, dim: (s: string) => string): string[] {
  if (report.layers.length) {
    const max = Math.max(1, ...report.layers.map((r) => Math.max(r.baseSize ?? 0, r.headSize ?? 0)));
    return table(
      [
        ['status', 'base', 'head', 'delta', '', 'instruction'].map(dim),
        ...report.layers.map((r) => [
          r.status,
          r.baseSize === null ? '' : formatBytes(r.baseSize),
          r.headSize === null ? '' : formatBytes(r.headSize),
          r.status === 'same' ? '' : signed(r.delta, formatBytes),
          bar(Math.max(r.headSize ?? 0, r.baseSize ?? 0), max, 16).padEnd(16),
          cut(esc(r.createdBy) || '(no instruction recorded)', 80),
        ]),
      ],
      [1, 2, 3],
    ).map((l) => `  ${l}`);
  }
  const nonEmpty = head.layers.filter((l) => !l.empty);
  const max = Math.max(1, ...nonEmpty.map((l) => l.size));
  return table(
    nonEmpty.map((l) => [
      String(l.index),
      formatBytes(l.size),
      bar(l.size, max, 20).padEnd(20),
      cut(esc(normalizeInstruction(l.createdBy)) || '(no instruction recorded)', 80),
    ]),
    [0, 1],
  ).map((l) => `  ${l}`);
}

function findingLines(
  f: Finding,
  failOn: FailOn,
  c: { red: (s: string) => string; yellow: (s: string) => string; dim: (s: string) => string },
): string[] {
  const where = f.file ? `${esc(f.file)}${f.line ? `:${f.line}` : ''} ` : '';
  const sev =
    f.severity === 'error' ? c.red(f.severity) : f.severity === 'warning' ? c.yellow(f.severity) : f.severity;
  const fails = reachesFailOn(f.severity, failOn) ? '' : c.dim(' (does not fail)');
  const bytes = f.measured
    ? c.dim(` [${esc(costPhrase(f.bytes ?? 0, f.measured))}]`)
    : f.bytes
      ? c.dim(` [${formatBytes(f.bytes)}]`)
      : '';
  const lines = [`  ${where}${sev} ${f.rule} ${f.name}: ${esc(f.message)}${bytes}${fails}`];
  if (f.fix) lines.push(`    ${c.dim('fix:')} ${esc(f.fix)}`);
  return lines;
}

function trendLines(
  t: SizeTrend,
  c: { bold: (s: string) => string; dim: (s: string) => string; yellow: (s: string) => string },
): string[] {
  const { line, caption, largest } = textTrend(t);
  const out = [`${c.bold('Size over time')} ${c.dim(`(${caption})`)}`, `  ${line}`];
  if (largest) out.push(`  ${c.yellow(largest)}`);
  const rows = trendRows(t).map((r) => [r.what, esc(r.commit), formatBytes(r.size), r.change]);
  out.push(...table(rows, [2, 3]).map((l) => `  ${l}`));
  return out;
}
