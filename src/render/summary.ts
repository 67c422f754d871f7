import { formatBandwidth } from '../core/bandwidth.js';
import {
  type Budget,
  type BuildFigures,
  type Costs,
  type DirectoryChange,
  type FailOn,
  type FileChange,
  type FileDiff,
  type ImageCosts,
  type PackageChange,
  type PackageDiff,
  type Report,
  reachesFailOn,
} from '../core/report.js';
import { formatBytes } from '../core/size.js';
import { percent, signed } from './bars.js';

/** A budget's figures in its own unit. */
export function budgetFigures(b: Budget): { limit: string; actual: string } {
  const show = (n: number): string => {
    switch (b.unit) {
      case 'ratio':
        return percent(n);
      case 'percent':
        return `${Math.round(n * 100) / 100}%`;
      case 'layers':
        return String(n);
      default:
        return formatBytes(n);
    }
  };
  return { limit: show(b.limit), actual: show(b.actual) };
}

/** One line saying why the run failed, or that it passed. */
export function statusLine(report: Report, failOn: FailOn): string {
  if (report.passed) return 'passed';
  const reasons: string[] = [];
  for (const b of report.budgets.filter((x) => !x.passed)) {
    const f = budgetFigures(b);
    reasons.push(`${b.name} ${f.actual} (limit ${f.limit})`);
  }
  const failing = report.findings.filter((f) => reachesFailOn(f.severity, failOn));
  if (failing.length) {
    const bySeverity = (s: string) => failing.filter((f) => f.severity === s).length;
    const parts = (['error', 'warning', 'info'] as const)
      .map((s) => [s, bySeverity(s)] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`);
    reasons.push(parts.join(', '));
  }
  return `failed: ${reasons.join('; ')}`;
}

/** One row of the costs table, in words; `change` is empty when no fair change can be given. */
export interface CostRow {
  label: string;
  base: string;
  head: string;
  change: string;
  /** Smaller is better for every row: true when the head is smaller, false when larger, null when no change. */
  better: boolean | null;
}

/** `0.45 s`, `2.3 s`, `125 s`. */
export function formatSeconds(s: number): string {
  if (s === 0) return '0 s';
  if (s > 0 && s < 0.01) return '< 0.01 s';
  if (s < 1) return `${s.toFixed(2)} s`;
  if (s < 10) return `${s.toFixed(1)} s`;
  return `${Math.round(s)} s`;
}

function change(
  base: number | null | undefined,
  head: number | null | undefined,
): Pick<CostRow, 'change' | 'better'> {
  if (base === null || base === undefined || head === null || head === undefined)
    return { change: '', better: null };
  if (base === 0) return { change: head === 0 ? '0%' : '', better: null };
  const pct = Math.round(((head - base) / base) * 100);
  return { change: signed(pct, (n) => `${n}%`), better: pct === 0 ? null : pct < 0 };
}

const CACHE_MARK: Record<BuildFigures['cache'], string> = {
  none: '',
  unknown: '',
  partial: ' (partly cached)',
  all: ' (cached)',
};

/** The costs table as rows and footnotes, the same for the terminal and Markdown. */
export function costRows(costs: Costs): { rows: CostRow[]; notes: string[] } {
  const { base, head } = costs;
  const rows: CostRow[] = [];
  const cell = <T>(side: ImageCosts | null, show: (f: ImageCosts) => T | null, fmt: (t: T) => string) => {
    const v = side ? show(side) : null;
    return v === null || v === undefined ? '–' : fmt(v);
  };
  rows.push({
    label: 'image size',
    base: base ? formatBytes(base.size) : '–',
    head: formatBytes(head.size),
    ...change(base?.size, head.size),
  });
  const build = (f: ImageCosts) =>
    f.build ? `${formatSeconds(f.build.seconds)}${CACHE_MARK[f.build.cache]}` : null;
  rows.push({
    label: 'build time',
    base: cell(base, build, String),
    head: cell(head, build, String),
    ...(costs.notes.build ? { change: '', better: null } : change(base?.build?.seconds, head.build?.seconds)),
  });
  const comparablePull = base?.pull && head.pull && base.pull.compression === head.pull.compression;
  const compression = head.pull?.compression ?? base?.pull?.compression ?? 'gzip';
  rows.push({
    label: `pull size (${compression})`,
    base: cell(base, (f) => f.pull?.bytes ?? null, formatBytes),
    head: cell(head, (f) => f.pull?.bytes ?? null, formatBytes),
    ...(comparablePull ? change(base!.pull!.bytes, head.pull!.bytes) : { change: '', better: null }),
  });
  rows.push({
    label: `pull time at ${formatBandwidth(costs.pullBandwidth)}`,
    base: cell(base, (f) => f.pull?.seconds ?? null, formatSeconds),
    head: cell(head, (f) => f.pull?.seconds ?? null, formatSeconds),
    ...(comparablePull ? change(base!.pull!.seconds, head.pull!.seconds) : { change: '', better: null }),
  });
  if (costs.headPullAfterBase) {
    const a = costs.headPullAfterBase;
    rows.push({
      label: 'pull with the base present',
      base: '–',
      head: `${formatBytes(a.bytes)}, ${formatSeconds(a.seconds)}`,
      change: '',
      better: null,
    });
  }
  const anyStartup = base?.startup || head.startup;
  if (anyStartup) {
    const runs = head.startup?.runs.length || base?.startup?.runs.length || 0;
    const median = (f: ImageCosts) => f.startup?.medianSeconds ?? null;
    rows.push({
      label: `start-up (median of ${runs || 'no'} run${runs === 1 ? '' : 's'})`,
      base: cell(base, median, formatSeconds),
      head: cell(head, median, formatSeconds),
      ...change(base?.startup?.medianSeconds, head.startup?.medianSeconds),
    });
  }
  const notes: string[] = [];
  if (costs.notes.build) notes.push(`build time: ${costs.notes.build}`);
  if (costs.notes.pull) notes.push(`pull: ${costs.notes.pull}`);
  if (anyStartup && costs.notes.startup) notes.push(`start-up: ${costs.notes.startup}`);
  const source = head.pull?.source ?? base?.pull?.source;
  if (source)
    notes.push(
      `pull time = compressed bytes × 8 / ${formatBandwidth(costs.pullBandwidth)} (transfer only); sizes ${
        base?.pull && head.pull && base.pull.source !== head.pull.source
          ? `base ${base.pull.source === 'registry' ? 'from the registry' : 'computed'}, head ${head.pull.source === 'registry' ? 'from the registry' : 'computed'}`
          : source === 'registry'
            ? 'from the registry manifest'
            : 'computed from the layers (gzip level 6, as docker push)'
      }`,
    );
  return { rows, notes };
}

/** The diff's totals in one line: `+1.2 MB added (3 files), −180 MB removed (1,204 files), …; net −179 MB`. */
export function diffTotalsLine(diff: FileDiff): string {
  const files = (n: number) => `${n.toLocaleString('en-US')} file${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (diff.added.files) parts.push(`+${formatBytes(diff.added.bytes)} added (${files(diff.added.files)})`);
  if (diff.removed.files)
    parts.push(`−${formatBytes(diff.removed.bytes)} removed (${files(diff.removed.files)})`);
  if (diff.grown.files) parts.push(`+${formatBytes(diff.grown.bytes)} grown (${files(diff.grown.files)})`);
  if (diff.shrunk.files)
    parts.push(`−${formatBytes(diff.shrunk.bytes)} shrunk (${files(diff.shrunk.files)})`);
  if (parts.length === 0) return 'no file was added, removed or changed in size';
  return `${parts.join(', ')}; net ${signed(diff.net, formatBytes)}`;
}

/** How a file changed, in a word or two: `added`, `removed`, `+2.0 MB`, `−1.5 kB`, `rewritten`. */
export function fileChangeLabel(f: FileChange): string {
  switch (f.change) {
    case 'added':
      return 'added';
    case 'removed':
      return 'removed';
    case 'same-size':
      return 'rewritten';
    default:
      return signed(f.delta, formatBytes);
  }
}

/** A path shown relative to a directory it is in (`cc1` in `/usr/lib/gcc`), else as it is. */
export function relativeTo(dir: string, path: string): string {
  if (dir === '/') return path.slice(1);
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}

const churnOf = (d: DirectoryChange): number =>
  d.added.bytes + d.removed.bytes + d.grown.bytes + d.shrunk.bytes;

/**
 * The directories a short list shows (the comment, the text output): the report's `du`-like list without the
 * directories that only sum up others of the list (half of their churn or more is in listed directories inside
 * them), cut to `limit`, biggest churn first. When the cut leaves out every directory that grew (or every one
 * that shrank) while the list has one, the last place goes to the biggest of them: a reviewer sees what came in
 * as well as what went.
 */
export function shortDirectoryList(diff: FileDiff, limit: number): DirectoryChange[] {
  if (limit <= 0) return [];
  const all = diff.directories;
  const inside = (outer: DirectoryChange, inner: DirectoryChange) =>
    outer !== inner && (outer.path === '/' || inner.path.startsWith(`${outer.path}/`));
  const kept = all.filter((d) => {
    const below = all.filter((x) => inside(d, x));
    const outermost = below.filter((x) => !below.some((y) => inside(y, x)));
    return outermost.reduce((n, x) => n + churnOf(x), 0) < churnOf(d) / 2;
  });
  const shown = kept.slice(0, limit);
  for (const grew of [true, false]) {
    const side = (d: DirectoryChange) => (grew ? d.net > 0 : d.net < 0);
    if (shown.some(side)) continue;
    const missing = kept.find(side);
    if (!missing || shown.length === 0) continue;
    if (shown.length < limit) shown.push(missing);
    else shown[shown.length - 1] = missing;
  }
  return shown;
}

const CHANGE_ORDER: PackageChange['change'][] = ['added', 'removed', 'upgraded', 'downgraded', 'changed'];

/**
 * The package diff's counts in one line, each with its bytes: `3 added (+1.2 MB), 12 removed (−212 MB), 1
 * upgraded (+30 kB); net −211 MB`. Made of figures only: nothing in it comes from the image.
 */
export function packageCountsLine(packages: PackageDiff): string {
  const parts = CHANGE_ORDER.filter((kind) => packages[kind] > 0).map((kind) => {
    const bytes = packages.changes.filter((c) => c.change === kind).reduce((n, c) => n + c.delta, 0);
    return `${packages[kind].toLocaleString('en-US')} ${kind}${bytes === 0 ? '' : ` (${signed(bytes, formatBytes)})`}`;
  });
  if (parts.length === 0) return 'no package was added, removed or changed';
  return `${parts.join(', ')}; net ${signed(packages.net, formatBytes)}`;
}

/** A change's versions: `1.2 → 1.3` for an upgrade or downgrade, the one version otherwise (raw text: escape it). */
export function packageVersions(change: PackageChange): string {
  const { baseVersion, headVersion } = change;
  if (baseVersion !== null && headVersion !== null && baseVersion !== headVersion)
    return `${baseVersion} → ${headVersion}`;
  return headVersion ?? baseVersion ?? '';
}
