// `compare --history FILE`: the size history the Action keeps in its branch (JSON Lines), read from a file, and
// the head shown against it. Read before the comparison, so a wrong path or key fails in a second.
import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { type HistoryRecord, parseHistory, sizeTrend } from '../history/record.js';

export interface CliHistory {
  file: string;
  key: string;
  records: HistoryRecord[];
}

/** The file's records and the key to show; a UserError naming what to do when either cannot be had. */
export function loadHistory(file: string, key: string | null): CliHistory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `--history ${JSON.stringify(file)} cannot be read (${code ?? 'error'}): give a history file (JSON Lines, as the history branch keeps it)`,
    );
  }
  const records = parseHistory(text);
  const keys = [...new Set(records.map((r) => r.key))];
  if (key !== null) {
    if (!keys.includes(key))
      throw new UserError(
        `--history-key ${JSON.stringify(key)} has no record in ${file}; it holds ${keys.length ? keys.map((k) => JSON.stringify(k)).join(', ') : 'no record'}`,
      );
    return { file, key, records };
  }
  if (keys.length === 1) return { file, key: keys[0]!, records };
  throw new UserError(
    keys.length === 0
      ? `--history ${JSON.stringify(file)} holds no record (JSON Lines, as the history branch keeps it)`
      : `--history ${JSON.stringify(file)} holds several images (${keys.map((k) => JSON.stringify(k)).join(', ')}): choose one with --history-key`,
  );
}

/** The report with the head's trend against the history. */
export function withHistory(report: Report, history: CliHistory, headLabel: string): Report {
  const head = report.head;
  if (!head) return report;
  const trend = sizeTrend(history.records, history.key, { label: headLabel, size: head.size }, history.file);
  return trend ? { ...report, history: trend } : report;
}
