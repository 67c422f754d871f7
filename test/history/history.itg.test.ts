// The size history end to end: the committed dist/index.js run as the Actions runner runs it (Node 24, INPUT_*,
// the event file), against a bare repository as `origin` and images the engine built. Three pushes to the
// default branch (two of them at once) append three records to the history branch; a PR then shows the trend
// of those three and its own head. A push that origin refuses, or an origin that cannot be reached, warns once
// and passes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { parseHistory } from '../../src/history/record.js';
import {
  type ActionHarness,
  actionHarness,
  canRunAction,
  OWNER,
  PR,
  REPO,
  TOKEN,
} from '../support/action-runner.js';
import {
  BUSYBOX,
  buildCommand,
  DOCKER,
  engineAvailable,
  removeImages,
  uniqueTag,
} from '../support/engine.js';
import { git, type TwoCommitRepo } from '../support/git-repo.js';
import { historyOrigin } from '../support/history-origin.js';

/** Four images of growing size: three pushes and a PR that makes the image the largest it has been. */
const BLOBS = [100_000, 300_000, 200_000, 400_000];

describe.skipIf(!engineAvailable || !canRunAction)('the size history, end to end', () => {
  let harness: ActionHarness;
  const images: string[] = [];

  beforeAll(async () => {
    harness = await actionHarness();
    const ctx = join(harness.work, 'ctx');
    mkdirSync(ctx);
    for (const [i, bytes] of BLOBS.entries()) {
      const tag = uniqueTag(`history-${i}`);
      const cmd = buildCommand('buildkit', ['-q', '-t', tag, '-f', '-', ctx]);
      execFileSync(DOCKER, cmd.args, {
        input: `FROM ${BUSYBOX}\nRUN head -c ${bytes} /dev/urandom > /blob\n`,
        env: { ...process.env, ...cmd.env },
      });
      images.push(tag);
    }
  }, 300_000);
  afterAll(async () => {
    await removeImages(...images);
    await harness?.close();
  });

  /** A checkout at commit `i` of origin's default branch, as the runner's event names it. */
  const at = (origin: ReturnType<typeof historyOrigin>, name: string, i: number): TwoCommitRepo => ({
    dir: origin.checkout(name, origin.commits[i]!),
    baseSha: origin.commits[Math.max(0, i - 1)]!,
    headSha: origin.commits[i]!,
  });

  it('three pushes append three records (two racing); a PR shows their trend and its head', async () => {
    const origin = historyOrigin(join(harness.work, 'origin'));
    const inputs = (i: number) => ({ image: images[i]!, 'comment-key': 'app', 'history-limit': '10' });

    const first = await harness.run(at(origin, 'push-0', 0), inputs(0), { push: true });
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toContain(`size history: app at ${origin.commits[0]!.slice(0, 7)} recorded`);
    const racing = await Promise.all([
      harness.run(at(origin, 'push-1', 1), inputs(1), { push: true }),
      harness.run(at(origin, 'push-2', 2), inputs(2), { push: true }),
    ]);
    for (const r of racing) {
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).not.toContain('::warning::');
    }
    const records = parseHistory(origin.historyFile()!);
    expect(records.map((r) => r.commit).sort()).toEqual(origin.commits.slice(0, 3).sort());
    // The sizes as the reports measured them (on a containerd store they are not `docker inspect`'s): they
    // grow with the blob each image holds.
    const sizeAt = (i: number) => records.find((r) => r.commit === origin.commits[i])!.size;
    expect(sizeAt(0)).toBeLessThan(sizeAt(2));
    expect(sizeAt(2)).toBeLessThan(sizeAt(1));
    expect(records.every((r) => r.key === 'app' && r.layers >= 1 && r.findings.error >= 0)).toBe(true);
    expect(harness.server.requests).toEqual([]);

    // The PR: its head is the fourth image, the largest.
    const pr = at(origin, 'pr', 3);
    const res = await harness.run(pr, inputs(3));
    expect(res.code, res.stdout).toBe(0);
    const report = JSON.parse(readFileSync(res.outputs['report-file']!, 'utf8')) as Report;
    const byDate = [...records].sort((a, b) => a.date.localeCompare(b.date));
    expect(report.history).toMatchObject({
      key: 'app',
      source: 'branch image-guard-history',
      records: 3,
      head: { label: pr.headSha.slice(0, 7), size: report.head!.size },
      first: byDate[0]!.size,
      max: report.head!.size,
      largest: true,
    });
    expect(report.head!.size).toBeGreaterThan(sizeAt(1));
    expect(report.history!.points.map((p) => p.size)).toEqual(
      parseHistory(origin.historyFile()!).map((r) => r.size),
    );
    const comment = harness.server.comments(OWNER, REPO, PR).find((c) => c.body.includes('image-guard:app'))!;
    expect(comment.body).toContain('**Size over time**');
    expect(comment.body).toMatch(/`[▁▂▃▄▅▆▇█]{4}` first /);
    expect(comment.body).toContain('This PR would make the image the largest it has been.');
    expect(comment.body).toMatch(/```mermaid\n%%\{init: .*\}%%\nxychart-beta\n/);
    expect(res.summary).toContain('**Size over time**');
    expect(readFileSync(res.outputs['report-html']!, 'utf8')).toContain(
      `data-figure="history.head.size" data-value="${report.head!.size}"`,
    );
    // The PR only read: origin's history is as the pushes left it, the checkout has no ref of ours.
    expect(parseHistory(origin.historyFile()!)).toHaveLength(3);
    expect(git(pr.dir, 'for-each-ref', 'refs/image-guard')).toBe('');
    expect(git(pr.dir, 'status', '--porcelain')).toBe('');
  });

  it('a push origin refuses, or an origin out of reach, warns once and passes; no token in any line', async () => {
    const origin = historyOrigin(join(harness.work, 'refusing'));
    origin.refusePushes();
    const refused = await harness.run(
      at(origin, 'refused', 1),
      { image: images[0]!, 'comment-key': 'app' },
      { push: true },
    );
    expect(refused.code, refused.stdout).toBe(0);
    const warnings = refused.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the size history could not be written to branch image-guard-history');
    expect(warnings[0]).toContain('contents: write');
    expect(origin.historyFile()).toBeNull();

    const away = at(origin, 'away', 2);
    git(
      away.dir,
      'remote',
      'set-url',
      'origin',
      `http://x-access-token:${TOKEN}@127.0.0.1:9/${OWNER}/${REPO}.git`,
    );
    git(
      away.dir,
      'config',
      'http.extraheader',
      `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`,
    );
    const unreachable = await harness.run(away, { image: images[0]!, 'comment-key': 'app' }, { push: true });
    expect(unreachable.code, unreachable.stdout).toBe(0);
    expect(unreachable.stdout.split('\n').filter((l) => l.startsWith('::warning::'))).toHaveLength(1);
    expect(`${unreachable.stdout}${unreachable.stderr}${unreachable.summary}`).not.toContain(TOKEN);

    // A PR of that repository: no branch there, no trend, and no warning either.
    const pr = await harness.run(at(origin, 'pr-none', 3), { image: images[0]!, 'comment-key': 'app' });
    expect(pr.code, pr.stdout).toBe(0);
    expect(pr.stdout).toContain('no size trend: the repository has no branch image-guard-history yet');
    expect(pr.stdout).not.toContain('::warning::');
  });
});
