// The public JSON report (contract v1). Everything the CLI prints with --format json and the Action writes to
// its report-file has exactly these shapes; change them only by adding.

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export type FailOn = Severity | 'never';

export interface Finding {
  rule: string;
  name: string;
  severity: Severity;
  message: string;
  file: string | null;
  line: number | null;
  fix: string | null;
  bytes: number | null;
}

export interface ImageLayer {
  index: number;
  diffId: string | null;
  createdBy: string;
  size: number;
  empty: boolean;
}

export interface FileEntryRef {
  path: string;
  size: number;
  layer: number;
}

export interface WastedEntry {
  path: string;
  bytes: number;
  layers: number[];
}

export interface FileStats {
  totalBytes: number;
  wastedBytes: number;
  efficiency: number;
  fileCount: number;
  largest: FileEntryRef[];
  wasted: WastedEntry[];
}

export interface Image {
  ref: string;
  id: string;
  size: number;
  layers: ImageLayer[];
  files: FileStats | null;
}

export type LayerStatus = 'same' | 'changed' | 'added' | 'removed';

export interface LayerRow {
  status: LayerStatus;
  base: number | null;
  head: number | null;
  createdBy: string;
  baseSize: number | null;
  headSize: number | null;
  delta: number;
}

export interface Delta {
  size: number;
  percent: number | null;
  layers: number;
  wastedBytes: number | null;
}

export interface Budget {
  name: string;
  limit: number;
  actual: number;
  passed: boolean;
  /** Added to the contract: what `limit` and `actual` count (a `max-increase` can be bytes or percent). */
  unit: 'bytes' | 'percent' | 'ratio' | 'layers';
}

/** Added to the contract: what the cache probe (the Action's `cache-probe: true`) measured. */
export interface CacheProbe {
  /** The context file changed for the rebuild, or null when there was none to change. */
  changedFile: string | null;
  /** Layers the rebuild could not take from the cache (index into the probe image's layers). */
  missed: { index: number; createdBy: string; size: number }[];
  missedBytes: number;
  /** Seconds the rebuild took. */
  seconds: number;
  /** Why the probe says nothing, when it does not. */
  note: string | null;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'image-guard'; version: string };
  head: Image | null;
  base: Image | null;
  baseUnavailable: string | null;
  delta: Delta | null;
  layers: LayerRow[];
  findings: Finding[];
  budgets: Budget[];
  passed: boolean;
  /** Added to the contract: present when the Action ran with `cache-probe: true`. */
  cacheProbe?: CacheProbe;
}

const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** True when a finding of this severity fails a run whose threshold is `failOn`. */
export function reachesFailOn(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && rank[severity] >= rank[failOn];
}

export function severityRank(severity: Severity): number {
  return rank[severity];
}

/** A run passes when no budget is broken and no finding reaches `failOn`. */
export function decidePassed(
  findings: readonly Finding[],
  budgets: readonly Budget[],
  failOn: FailOn,
): boolean {
  return budgets.every((b) => b.passed) && !findings.some((f) => reachesFailOn(f.severity, failOn));
}
