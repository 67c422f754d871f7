// The history branch written and read through the real git adapter, against a bare repository as `origin`:
// appends from several checkouts (two racing), the orphan branch, the bound, a refused push, a missing branch,
// and the checkout left as it was.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitCli, gitComplaint, type HistoryGit } from '../../src/action/git.js';
import { appendHistory, readTrend } from '../../src/action/history.js';
import type { ActionEvent } from '../../src/github/event.js';
import { type HistoryRecord, parseHistory } from '../../src/history/record.js';
import { git } from '../support/git-repo.js';
import { historyOrigin } from '../support/history-origin.js';

const work = mkdtempSync(join(tmpdir(), 'ig-history-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const record = (commit: string, size: number, key = 'app'): HistoryRecord => ({
  format: 1,
  key,
  commit,
  date: new Date().toISOString(),
  size,
  pullSize: null,
  layers: 1,
  wastedBytes: null,
  findings: { error: 0, warning: 0, info: 0 },
  build: null,
  version: 'test',
});

const historyOf = (dir: string): HistoryGit => gitCli(dir).history!;
const quick = { sleep: async () => undefined };
const branch = 'image-guard-history';

const prEvent: ActionEvent = {
  name: 'pull_request',
  owner: 'o',
  repo: 'r',
  sha: 'x',
  pullRequest: null,
  before: null,
};

describe('the history branch on a bare origin', { timeout: 60_000 }, () => {
  it('three pushes, two of them racing, append three records to an orphan branch; the checkouts are untouched', async () => {
    const origin = historyOrigin(join(work, 'three'));
    const [c1, c2, c3] = origin.commits;
    const ws1 = origin.checkout('ws1', c1!);
    const first = await appendHistory(historyOf(ws1), {
      branch,
      record: record(c1!, 100),
      limit: 500,
      ...quick,
    });
    expect(first).toEqual({ ok: true, tries: 1 });
    const ws2 = origin.checkout('ws2', c2!);
    const ws3 = origin.checkout('ws3', c3!);
    const racing = await Promise.all([
      appendHistory(historyOf(ws2), { branch, record: record(c2!, 200), limit: 500, ...quick }),
      appendHistory(historyOf(ws3), { branch, record: record(c3!, 300), limit: 500, ...quick }),
    ]);
    expect(racing.every((r) => r.ok)).toBe(true);
    const records = parseHistory(origin.historyFile()!);
    expect(records.map((r) => r.size).sort()).toEqual([100, 200, 300]);
    expect(records[0]!.commit).toBe(c1);
    // An orphan branch of three commits, the first without a parent, each by the Actions bot.
    const log = git(origin.bare, 'log', '--format=%P|%an', `refs/heads/${branch}`).split('\n');
    expect(log).toHaveLength(3);
    expect(log.at(-1)).toBe('|github-actions[bot]');
    expect(git(origin.bare, 'ls-tree', '--name-only', `refs/heads/${branch}`)).toBe('history.jsonl');
    // The checkouts: HEAD where it was, nothing changed, no ref left behind.
    for (const [ws, c] of [
      [ws1, c1],
      [ws2, c2],
      [ws3, c3],
    ] as const) {
      expect(git(ws, 'rev-parse', 'HEAD')).toBe(c);
      expect(git(ws, 'status', '--porcelain')).toBe('');
      expect(git(ws, 'for-each-ref', 'refs/image-guard')).toBe('');
      // A full clone is not made to look shallow by the depth-1 fetch of the history.
      expect(git(ws, 'rev-parse', '--is-shallow-repository')).toBe('false');
    }
  });

  it('a race is retried from a fresh fetch: the loser pushes on top of the winner', async () => {
    const origin = historyOrigin(join(work, 'race'));
    const ws = origin.checkout('ws', origin.commits[0]!);
    const other = origin.checkout('other', origin.commits[1]!);
    const real = historyOf(ws);
    let raced = false;
    // Between this run's fetch and its push, another run's record goes in.
    const racing: HistoryGit = {
      ...real,
      async push(commit, b) {
        if (!raced) {
          raced = true;
          const r = await appendHistory(historyOf(other), {
            branch: b,
            record: record(origin.commits[1]!, 2),
            limit: 500,
            ...quick,
          });
          expect(r.ok).toBe(true);
        }
        return real.push(commit, b);
      },
    };
    const res = await appendHistory(racing, {
      branch,
      record: record(origin.commits[0]!, 1),
      limit: 500,
      ...quick,
    });
    expect(res).toEqual({ ok: true, tries: 2 });
    expect(parseHistory(origin.historyFile()!).map((r) => r.size)).toEqual([2, 1]);
  });

  it('keeps the last N records per key (a limit of 3, and 500 at the default)', async () => {
    const origin = historyOrigin(join(work, 'bound'), 6);
    const ws = origin.checkout('ws', origin.commits[0]!);
    for (const [i, c] of origin.commits.entries())
      expect(
        (await appendHistory(historyOf(ws), { branch, record: record(c, i), limit: 3, ...quick })).ok,
      ).toBe(true);
    await appendHistory(historyOf(ws), { branch, record: record(origin.commits[0]!, 9, 'other'), limit: 3 });
    const records = parseHistory(origin.historyFile()!);
    expect(records.filter((r) => r.key === 'app').map((r) => r.size)).toEqual([3, 4, 5]);
    expect(records.filter((r) => r.key === 'other')).toHaveLength(1);

    const full = historyOrigin(join(work, 'bound-500'), 1);
    const ws500 = full.checkout('ws', full.commits[0]!);
    const shas = Array.from({ length: 501 }, (_, i) => i.toString(16).padStart(40, '0'));
    // A first record makes the branch; then 500 records in one go, then one more: the first is dropped.
    await appendHistory(historyOf(ws500), { branch, record: record(shas[0]!, 0), limit: 500, ...quick });
    const seeded = await appendHistory(
      {
        ...historyOf(ws500),
        readFile: async () =>
          shas
            .slice(0, 499)
            .map((s, i) => JSON.stringify(record(s, i)))
            .join('\n'),
      },
      { branch, record: record(shas[499]!, 499), limit: 500, ...quick },
    );
    expect(seeded.ok).toBe(true);
    expect(parseHistory(full.historyFile()!)).toHaveLength(500);
    await appendHistory(historyOf(ws500), { branch, record: record(shas[500]!, 500), limit: 500, ...quick });
    const kept = parseHistory(full.historyFile()!);
    expect(kept).toHaveLength(500);
    expect(kept[0]!.size).toBe(1);
    expect(kept.at(-1)!.size).toBe(500);
  });

  it('a refused push is given up at once, with git’s reason', async () => {
    const origin = historyOrigin(join(work, 'refused'));
    const ws = origin.checkout('ws', origin.commits[0]!);
    await appendHistory(historyOf(ws), {
      branch,
      record: record(origin.commits[0]!, 1),
      limit: 500,
      ...quick,
    });
    origin.refusePushes();
    const real = historyOf(ws);
    let pushes = 0;
    const counting: HistoryGit = {
      ...real,
      push: (c, b) => {
        pushes++;
        return real.push(c, b);
      },
    };
    const res = await appendHistory(counting, { branch, record: record(origin.commits[1]!, 2), limit: 500 });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.why).toMatch(/Permission to octo-org\/app.git denied|pre-receive hook declined/);
    expect(pushes).toBe(1);
    expect(parseHistory(origin.historyFile()!)).toHaveLength(1);
    expect(git(ws, 'for-each-ref', 'refs/image-guard')).toBe('');
  });

  it('a remote that cannot be reached: one reason, no credential in it', async () => {
    const origin = historyOrigin(join(work, 'unreachable'));
    const ws = origin.checkout('ws', origin.commits[0]!);
    git(ws, 'remote', 'set-url', 'origin', 'http://x-access-token:ghs_SECRET123@127.0.0.1:9/o/r.git');
    const res = await appendHistory(historyOf(ws), {
      branch,
      record: record(origin.commits[0]!, 1),
      limit: 500,
    });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.why).not.toContain('ghs_SECRET123');
    expect(!res.ok && res.why.split('\n')).toHaveLength(1);
  });

  it('a PR reads the trend of its key; no branch, no trend', async () => {
    const origin = historyOrigin(join(work, 'read'));
    const ws = origin.checkout('ws', origin.commits[0]!);
    const o = {
      git: historyOf(ws),
      settings: { 'history-branch': branch, 'history-limit': 500 },
      event: prEvent,
      key: 'app',
    };
    expect(await readTrend(o, { label: 'abcdef0', size: 5 })).toBeNull();
    for (const [i, c] of origin.commits.slice(0, 3).entries())
      await appendHistory(o.git, { branch, record: record(c, (i + 1) * 10), limit: 500, ...quick });
    const trend = await readTrend(o, { label: 'abcdef0', size: 35 });
    expect(trend).toMatchObject({ records: 3, first: 10, min: 10, max: 35, largest: true });
    expect(trend!.points.map((p) => p.commit)).toEqual(origin.commits.slice(0, 3));
    expect(await readTrend({ ...o, key: 'other' }, { label: 'x', size: 1 })).toBeNull();
    // A shallow checkout (actions/checkout's default) keeps its own shallow list as it was.
    const shallowWs = join(work, 'read', 'shallow');
    git(work, 'clone', '-q', '--depth=1', `file://${origin.bare}`, shallowWs);
    const before = readFileSync(join(shallowWs, '.git/shallow'), 'utf8');
    const fromShallow = await readTrend({ ...o, git: historyOf(shallowWs) }, { label: 'abcdef0', size: 35 });
    expect(fromShallow?.records).toBe(3);
    expect(readFileSync(join(shallowWs, '.git/shallow'), 'utf8')).toBe(before);
    expect(
      await readTrend({ ...o, settings: { ...o.settings, 'history-limit': 0 } }, { label: 'x', size: 1 }),
    ).toBeNull();
    expect(git(ws, 'for-each-ref', 'refs/image-guard')).toBe('');
  });
});

describe("git's complaint", () => {
  it('is one line, credentials taken out', () => {
    expect(
      gitComplaint(
        "To https://x-access-token:ghs_abc@github.com/o/r.git\n ! [remote rejected] abc -> x (permission denied)\nerror: failed to push some refs to 'https://x-access-token:ghs_abc@github.com/o/r.git'\nhint: see",
      ),
    ).toBe('! [remote rejected] abc -> x (permission denied)');
    expect(gitComplaint("fatal: unable to access 'https://user:tok@h/r.git/': 403")).toBe(
      "fatal: unable to access 'https://***@h/r.git/': 403",
    );
    expect(gitComplaint('fatal: AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hz')).toBe(
      'fatal: AUTHORIZATION: ***',
    );
  });
});
