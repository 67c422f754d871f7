// Several images in one comment, end to end: the committed dist/index.js run as the runner runs it
// (test/support/action-runner.ts), against the real engine and the GitHub API stand-in that checks every call
// against GitHub's OpenAPI description. Three image jobs of a matrix build and check their images with
// `comment: false`, and their reports are put in one folder as actions/download-artifact with merge-multiple
// leaves them; a last run with `reports:` posts one comment with a row per image, a re-run edits it, and the
// reports of another commit are refused.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateReport } from '../../src/core/aggregate.js';
import {
  type ActionHarness,
  actionHarness,
  canRunAction,
  OWNER,
  PR,
  REPO,
} from '../support/action-runner.js';
import { BUSYBOX, engineAvailable } from '../support/engine.js';
import { git, type TwoCommitRepo, twoCommitRepo } from '../support/git-repo.js';

const dockerfile = (blob: number, user: boolean) => `FROM ${BUSYBOX}
WORKDIR /app
COPY app.txt .
RUN head -c ${blob} /dev/urandom > /app/blob
${user ? 'USER nobody\n' : ''}`;

describe.skipIf(!engineAvailable || !canRunAction)('several images in one comment, end to end', () => {
  let harness: ActionHarness;
  beforeAll(async () => {
    harness = await actionHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const comments = () => harness.server.comments(OWNER, REPO, PR);
  const requests = (method: string) => harness.server.requests.filter((q) => q.method === method).length;

  /** An image job of the matrix: the Action with comment: false, its report copied as the recipe copies it. */
  async function imageJob(r: TwoCommitRepo, name: string, inputs: Record<string, string> = {}) {
    const res = await harness.run(r, {
      dockerfile: `${name}.Dockerfile`,
      'comment-key': name,
      comment: 'false',
      ...inputs,
    });
    expect(res.stderr).not.toMatch(/at .*\.js:\d+/);
    const report = res.outputs['report-file'];
    expect(report, res.stdout).toBeTruthy();
    mkdirSync(join(r.dir, 'reports'), { recursive: true });
    copyFileSync(report!, join(r.dir, 'reports', `image-guard-${name}.json`));
    return res;
  }

  it('three reports make one comment with three rows; a re-run edits it; a report of another commit is refused', async () => {
    const r = twoCommitRepo(
      join(harness.work, 'many'),
      {
        'api.Dockerfile': dockerfile(100_000, true),
        'web.Dockerfile': dockerfile(50_000, true),
        'app.txt': 'v1\n',
      },
      {
        'api.Dockerfile': dockerfile(400_000, true),
        'web.Dockerfile': dockerfile(60_000, true),
        // New in this PR, and without USER: a warning.
        'worker.Dockerfile': dockerfile(10_000, false),
        'app.txt': 'v2\n',
      },
    );

    // The matrix: the api image breaks its size budget, so its job fails; the others pass.
    const api = await imageJob(r, 'api', { 'max-size': '1MB' });
    expect(api.code).toBe(1);
    expect((await imageJob(r, 'web')).code).toBe(0);
    expect((await imageJob(r, 'worker')).code).toBe(0);
    expect(comments()).toEqual([]);

    // The last job: no Dockerfile, no build, one comment under its own key.
    const first = await harness.run(r, { reports: 'reports/*.json' });
    expect(first.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(first.code, first.stdout).toBe(1);
    expect(first.stdout).toMatch(
      /^::error::image-guard: 1 of 3 images failed: api \(failed: max-size .+ \(limit 1 MB\)\)$/m,
    );
    expect(comments()).toHaveLength(1);
    const [comment] = comments();
    expect(comment!.body).toContain('<!-- image-guard:aggregate -->');
    expect(comment!.body).toContain('### ❌ image-guard · 3 images: 1 failed \\(api\\)');
    const rows = comment!.body.split('\n').filter((l) => /^\| `(api|web|worker)`/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^\| `api`<br><sub>api\.Dockerfile<\/sub> \| [\d.]+ [kM]B \| \*\*\+300 kB\*\* /);
    expect(rows[0]).toMatch(/❌ failed: max-size/);
    expect(rows[1]).toMatch(/^\| `web`.*\*\*\+10 kB\*\* .*✅ passed \|$/);
    expect(rows[2]).toMatch(/^\| `worker`.* \| no base \| [\d.]+ [kM]B \| 🟠 \d+.* \| ✅ passed \|$/);
    expect(comment!.body.match(/^<summary>[✅❌] (api|web|worker): /gm)).toHaveLength(3);
    expect(first.summary).toContain(rows[0]);
    expect(first.outputs.passed).toBe('false');
    expect(first.outputs['comment-url']).toMatch(new RegExp(`#issuecomment-${comment!.id}$`));
    const aggregate = JSON.parse(readFileSync(first.outputs['report-file']!, 'utf8')) as AggregateReport;
    expect(aggregate.commit).toBe(r.headSha);
    expect(aggregate.images.map((i) => [i.key, i.file, i.passed])).toEqual([
      ['api', 'reports/image-guard-api.json', false],
      ['web', 'reports/image-guard-web.json', true],
      ['worker', 'reports/image-guard-worker.json', true],
    ]);
    expect(Number(first.outputs.findings)).toBe(
      aggregate.findings.error + aggregate.findings.warning + aggregate.findings.info,
    );
    expect(aggregate.findings.warning).toBeGreaterThan(0);

    // The last job re-run on the same reports: the comment is already right, nothing is sent.
    harness.server.reset();
    expect((await harness.run(r, { reports: 'reports/*.json' })).code).toBe(1);
    expect(requests('POST') + requests('PATCH')).toBe(0);
    expect(comments()).toHaveLength(1);

    // The api job re-run with a budget it keeps, then the last job again: the same comment, edited.
    harness.server.reset();
    expect((await imageJob(r, 'api', { 'max-size': '10MB' })).code).toBe(0);
    const again = await harness.run(r, { reports: 'reports/*.json' });
    expect(again.code, again.stdout).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.id).toBe(comment!.id);
    expect(comments()[0]!.body).toContain('### ✅ image-guard · 3 images: all passed');
    expect(requests('POST')).toBe(0);
    expect(requests('PATCH')).toBe(1);

    // A new commit on the PR: the reports of the one before are refused, and the comment is left alone.
    harness.server.reset();
    git(r.dir, 'commit', '-q', '--allow-empty', '-m', 'later');
    const later = { ...r, headSha: git(r.dir, 'rev-parse', 'HEAD') };
    const refused = await harness.run(later, { reports: 'reports/*.json' });
    expect(refused.code).toBe(1);
    const errors = refused.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toEqual([
      `::error::image-guard: reports/image-guard-api.json is a report of commit ${r.headSha.slice(0, 7)}, and this run is of ${later.headSha.slice(0, 7)}: download the reports the image jobs of this same workflow run uploaded`,
    ]);
    expect(requests('POST') + requests('PATCH')).toBe(0);
    expect(comments()[0]!.body).toContain('all passed');
    expect(harness.server.violations).toEqual([]);
  });
});
