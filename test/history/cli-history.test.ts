// `compare --history FILE`: the CLI reads the history the Action keeps in its branch and shows the head against it,
// in the JSON report, the text output and the Markdown; a file or a key it cannot use is one line and exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImageLoader, main } from '../../src/cli/main.js';
import type { Report } from '../../src/core/report.js';
import { appendRecord, type HistoryRecord } from '../../src/history/record.js';
import { imageData, layer } from '../analysis/helpers.js';
import { captureIO } from '../support/cli-io.js';

const head = imageData([{ createdBy: 'ADD rootfs', summary: layer('bin/app:900000') }], 'app:pr');
const loader: ImageLoader = {
  async load(ref) {
    if (ref === 'app:pr') return head;
    throw new Error(`image ${ref} not found`);
  },
};
const deps = { loader, lintDockerfile: async () => ({ findings: [], judged: null }) };
const dir = mkdtempSync(join(tmpdir(), 'ig-cli-history-'));

const rec = (key: string, n: number, size: number): HistoryRecord => ({
  format: 1,
  key,
  commit: `${n}`.repeat(40).slice(0, 40),
  date: `2026-10-0${n}T00:00:00.000Z`,
  size,
  pullSize: null,
  layers: 1,
  wastedBytes: 0,
  findings: { error: 0, warning: 0, info: 0 },
  build: null,
  version: '1.0.0',
});

function historyFile(name: string, records: HistoryRecord[]): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    records.reduce((text, r) => appendRecord(text, r, 500), ''),
  );
  return file;
}

async function cli(args: string[]) {
  const t = captureIO();
  const code = await main(['compare', '--head', 'app:pr', '--fail-on', 'never', ...args], t.io, deps);
  return { code, out: t.out(), err: t.err() };
}

describe('compare --history', () => {
  const file = historyFile('one.jsonl', [
    rec('app', 1, 800_000),
    rec('app', 2, 700_000),
    rec('app', 3, 850_000),
  ]);

  it('puts the trend in the JSON report', async () => {
    const r = await cli(['--history', file, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.history).toEqual({
      key: 'app',
      source: file,
      records: 3,
      points: [1, 2, 3].map((n, i) => ({
        commit: `${n}`.repeat(40),
        date: `2026-10-0${n}T00:00:00.000Z`,
        size: [800_000, 700_000, 850_000][i],
      })),
      head: { label: 'app:pr', size: 900_000 },
      first: 800_000,
      min: 700_000,
      max: 900_000,
      largest: true,
    });
  });

  it('shows the line in the text output and the Markdown', async () => {
    const text = await cli(['--history', file]);
    expect(text.out).toContain('Size over time');
    expect(text.out).toContain('▅▁▆█ first 800 kB · min 700 kB · max 900 kB · now 900 kB');
    expect(text.out).toContain('This PR would make the image the largest it has been.');
    const md = await cli(['--history', file, '--format', 'markdown']);
    expect(md.out).toContain('`▅▁▆█` first 800 kB · min 700 kB · max 900 kB · now 900 kB');
    expect(md.out).toContain('```mermaid');
  });

  it('several images: --history-key chooses, without it one line says so', async () => {
    const two = historyFile('two.jsonl', [rec('app', 1, 1_000_000), rec('worker', 1, 5)]);
    const chosen = await cli(['--history', two, '--history-key', 'app', '--format', 'json']);
    expect((JSON.parse(chosen.out) as Report).history?.largest).toBe(false);
    const none = await cli(['--history', two]);
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err.trim()).toBe(
      `image-guard: error: --history "${two}" holds several images ("app", "worker"): choose one with --history-key`,
    );
    const wrong = await cli(['--history', two, '--history-key', 'web']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--history-key "web" has no record');
  });

  it('a file that is not there: one line, exit 2', async () => {
    const r = await cli(['--history', join(dir, 'missing.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('cannot be read (ENOENT)');
  });
});
