import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { buildReport } from '../../src/analysis/report.js';
import type { Finding } from '../../src/core/report.js';
import {
  appendRecord,
  DEFAULT_HISTORY_LIMIT,
  type HistoryRecord,
  historyRecord,
  parseHistory,
  sizeTrend,
} from '../../src/history/record.js';
import { imageData, layer } from '../analysis/helpers.js';

const finding = (severity: Finding['severity']): Finding => ({
  rule: 'IG004',
  name: 'pip-cache',
  severity,
  message: 'm',
  file: 'Dockerfile',
  line: 1,
  fix: null,
  bytes: null,
});

const rec = (key: string, n: number, size = 1000 + n): HistoryRecord => ({
  format: 1,
  key,
  commit: n.toString(16).padStart(40, '0'),
  date: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
  size,
  pullSize: null,
  layers: 1,
  wastedBytes: 0,
  findings: { error: 0, warning: 0, info: 0 },
  build: null,
  version: '1.0.0',
});

const lines = (...records: HistoryRecord[]) => records.map((r) => JSON.stringify(r)).join('\n');

describe('the history record', () => {
  it("is the report's head: size, layers, wasted bytes, findings by severity, the version", () => {
    const head = analyzeImage(
      imageData([
        { createdBy: 'ADD rootfs', summary: layer('a:1000', 'b:500') },
        { createdBy: 'RUN rm b', summary: layer('-b') },
        { createdBy: 'ENV X=1', empty: true },
      ]),
    );
    const report = buildReport({
      head: head.image,
      base: null,
      findings: [finding('error'), finding('warning'), finding('warning')],
      failOn: 'never',
    }).report;
    const r = historyRecord(report, { key: 'app', commit: 'c'.repeat(40), date: new Date(0) })!;
    expect(r).toEqual({
      format: 1,
      key: 'app',
      commit: 'c'.repeat(40),
      date: '1970-01-01T00:00:00.000Z',
      size: report.head!.size,
      pullSize: null,
      layers: report.head!.layers.filter((l) => !l.empty).length,
      wastedBytes: report.head!.files!.wastedBytes,
      findings: { error: 1, warning: 2, info: 0 },
      build: null,
      version: report.tool.version,
    });
    expect(r.wastedBytes).toBe(500);
    expect(parseHistory(JSON.stringify(r))).toEqual([r]);
  });

  it('a line that is not a record is left out when read', () => {
    const text = [
      JSON.stringify(rec('a', 1)),
      '{"format":2,"key":"a"}',
      'not json',
      '{"format":1,"key":"a","commit":"x","date":"d","size":-1}',
      '',
      JSON.stringify(rec('a', 2)),
    ].join('\n');
    expect(parseHistory(text).map((r) => r.commit)).toEqual([rec('a', 1).commit, rec('a', 2).commit]);
  });
});

describe('appending, bounded per key', () => {
  it('keeps the last N records of the key and every other key whole', () => {
    let text = '';
    for (let n = 1; n <= 8; n++) {
      text = appendRecord(text, rec('a', n), 5);
      text = appendRecord(text, rec('b', n), 3);
    }
    const all = parseHistory(text);
    expect(all.filter((r) => r.key === 'a').map((r) => r.size)).toEqual([1004, 1005, 1006, 1007, 1008]);
    expect(all.filter((r) => r.key === 'b').map((r) => r.size)).toEqual([1006, 1007, 1008]);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('holds at the default of 500', () => {
    let text = lines(...Array.from({ length: 500 }, (_, i) => rec('a', i)), rec('b', 1));
    text = appendRecord(text, rec('a', 500), DEFAULT_HISTORY_LIMIT);
    text = appendRecord(text, rec('a', 501), DEFAULT_HISTORY_LIMIT);
    const a = parseHistory(text).filter((r) => r.key === 'a');
    expect(a).toHaveLength(500);
    expect(a[0]!.size).toBe(1002);
    expect(a.at(-1)!.size).toBe(1501);
    expect(parseHistory(text).filter((r) => r.key === 'b')).toHaveLength(1);
  });

  it('a re-run of the same commit replaces its record', () => {
    let text = appendRecord('', rec('a', 1), 10);
    text = appendRecord(text, rec('a', 2), 10);
    text = appendRecord(text, { ...rec('a', 1), size: 7 }, 10);
    expect(parseHistory(text).map((r) => [r.commit.slice(-1), r.size])).toEqual([
      ['2', 1002],
      ['1', 7],
    ]);
  });
});

describe('the trend', () => {
  it('the last 30 of the key, then the head; first, min, max, and whether the head is the largest', () => {
    const records = [
      ...Array.from({ length: 40 }, (_, i) => rec('a', i, i === 2 ? 9000 : 1000 + i)),
      rec('b', 1, 1),
    ];
    const t = sizeTrend(records, 'a', { label: 'abc1234', size: 1100 }, 'branch h')!;
    expect(t.records).toBe(40);
    expect(t.points).toHaveLength(30);
    expect(t.points[0]!.size).toBe(1010);
    expect(t).toMatchObject({ first: 1010, min: 1010, max: 1100, largest: false, source: 'branch h' });
    // 9000 is older than the last 30, but the head is not the largest it has been.
    expect(sizeTrend(records, 'a', { label: 'x', size: 9001 }, 's')!.largest).toBe(true);
    expect(sizeTrend(records, 'a', { label: 'x', size: 9000 }, 's')!.largest).toBe(false);
    expect(sizeTrend(records, 'c', { label: 'x', size: 1 }, 's')).toBeNull();
  });
});
