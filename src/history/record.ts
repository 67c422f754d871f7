// The image's size history: one JSON line per image and commit of the default branch, and the trend a PR is
// shown against it. Pure: text in, text or values out. Where the lines are kept (a branch of the repository, a
// file for the CLI) is the callers' business.
import type { Report, Severity, SizeTrend } from '../core/report.js';

/** The history's file in its branch, and the format of each of its lines. */
export const HISTORY_FILE = 'history.jsonl';
export const HISTORY_FORMAT = 1;
/** Records kept per image key when nothing else is said (`history-limit`). */
export const DEFAULT_HISTORY_LIMIT = 500;
/** Sizes of the history a trend shows, before the run's own. */
export const TREND_POINTS = 30;

/** One line of the history: an image (its comment key) as a commit of the default branch built it. */
export interface HistoryRecord {
  format: typeof HISTORY_FORMAT;
  /** The image's comment key (`comment-key`, by default the Dockerfile and target). */
  key: string;
  /** The full SHA of the commit. */
  commit: string;
  /** When the run recorded it, ISO 8601 in UTC. */
  date: string;
  /** Bytes, as the report's `head.size`. */
  size: number;
  /** Compressed bytes a `docker pull` transfers; null when not known. */
  pullSize: number | null;
  /** Non-empty layers. */
  layers: number;
  /** null when the image was read without its files. */
  wastedBytes: number | null;
  findings: Record<Severity, number>;
  /** The build the run timed; null when the image was given, not built. */
  build: { seconds: number; cache: 'none' | 'partial' | 'all' | 'unknown'; noCache: boolean } | null;
  /** The image-guard version that wrote the line. */
  version: string;
}

/** The record of a report's head image; null when the report has none (a lint). */
export function historyRecord(
  report: Report,
  at: { key: string; commit: string; date: Date },
): HistoryRecord | null {
  const head = report.head;
  if (!head) return null;
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  const pull = report.costs?.head.pull?.bytes ?? head.compressed?.gzip ?? head.compressed?.zstd ?? null;
  const build = report.costs?.head.build ?? null;
  return {
    format: HISTORY_FORMAT,
    key: at.key,
    commit: at.commit,
    date: at.date.toISOString(),
    size: head.size,
    pullSize: pull,
    layers: head.layers.filter((l) => !l.empty).length,
    wastedBytes: head.files?.wastedBytes ?? null,
    findings: { error: count('error'), warning: count('warning'), info: count('info') },
    build: build ? { seconds: build.seconds, cache: build.cache, noCache: build.noCache } : null,
    version: report.tool.version,
  };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A line as a record, or null when it is not one (a hand edit, a line cut short, a future format). */
export function parseRecord(line: string): HistoryRecord | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  if (r.format !== HISTORY_FORMAT || typeof r.key !== 'string' || typeof r.commit !== 'string') return null;
  if (typeof r.date !== 'string' || !isCount(r.size)) return null;
  return v as HistoryRecord;
}

/** The records of a history file, in file order (oldest first); lines that are not records are left out. */
export function parseHistory(text: string): HistoryRecord[] {
  const out: HistoryRecord[] = [];
  for (const line of text.split('\n')) {
    const r = line.trim() ? parseRecord(line) : null;
    if (r) out.push(r);
  }
  return out;
}

/**
 * The history with `record` appended: a record of the same key and commit (a re-run) is replaced, and the key
 * keeps its last `limit` records. Other keys' lines are kept as they were; lines that are not records are
 * dropped.
 */
export function appendRecord(text: string, record: HistoryRecord, limit: number): string {
  const lines = text
    .split('\n')
    .map((line) => ({ line, r: parseRecord(line) }))
    .filter((l) => l.r !== null && !(l.r.key === record.key && l.r.commit === record.commit));
  lines.push({ line: JSON.stringify(record), r: record });
  let excess = lines.filter((l) => l.r?.key === record.key).length - Math.max(1, limit);
  const bounded = lines.filter((l) => {
    if (excess > 0 && l.r?.key === record.key) {
      excess--;
      return false;
    }
    return true;
  });
  return `${bounded.map((l) => l.line).join('\n')}\n`;
}

/**
 * The trend of `key` with this run's head after it: the last TREND_POINTS records, first, lowest, highest and
 * now, and whether the head is bigger than every size the history holds. null when the key has no record.
 */
export function sizeTrend(
  records: readonly HistoryRecord[],
  key: string,
  head: { label: string; size: number },
  source: string,
  shown = TREND_POINTS,
): SizeTrend | null {
  const mine = records.filter((r) => r.key === key);
  if (mine.length === 0) return null;
  const points = mine.slice(-shown).map((r) => ({ commit: r.commit, date: r.date, size: r.size }));
  const sizes = [...points.map((p) => p.size), head.size];
  const largestBefore = Math.max(...mine.map((r) => r.size));
  return {
    key,
    source,
    records: mine.length,
    points,
    head: { label: head.label, size: head.size },
    first: points[0]!.size,
    min: Math.min(...sizes),
    max: Math.max(...sizes),
    largest: head.size > largestBefore,
  };
}
