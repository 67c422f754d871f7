// Review suggestions end to end: the committed dist/index.js under Node 24 against the real engine and the
// GitHub API stand-in, whose PR files are git's own diff of the test repository (as GitHub computes `patch`).
// A first run posts one review with suggestions on the diff's lines only; a second run of the same head changes
// nothing; a commit that fixes one finding removes that finding's comment and keeps the other. On a pull_request
// whose base branch moved the Dockerfile's lines since, the checkout is the merge commit (a depth-1 clone, as
// actions/checkout leaves it) and the suggestions still go on the PR head's lines.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// ADD on line 3 (IG017, fixable) is the base's and far from the PR's change: outside the diff's hunk.
const BASE = `FROM ${BUSYBOX}
WORKDIR /app
ADD app.txt .
RUN echo a > /a
RUN echo b > /b
RUN echo c > /c
RUN echo d > /d
USER nobody
`;
// The PR adds two RUNs whose fixes are mechanical (IG004 on line 8, IG005 on line 9); `true ||` keeps the
// busybox build from running pip or apk.
const HEAD = BASE.replace(
  'USER nobody',
  'RUN true || pip install flask\nRUN true || apk add curl\nUSER nobody',
);

/** What GET /pulls/{n}/files says of the Dockerfile: git's diff of base and head, hunks only. */
function pullFiles(r: TwoCommitRepo) {
  const diff = git(r.dir, 'diff', '--unified=3', r.baseSha, r.headSha, '--', 'Dockerfile');
  return [{ filename: 'Dockerfile', patch: diff.slice(diff.indexOf('@@')) }];
}

/**
 * A pull_request as GitHub runs it after the base branch changed: in `origin`, the PR's commit (`head`) branches
 * off `base`, main then commits `main`, and GitHub's test merge commit merges the PR into main. The workspace is
 * a depth-1 fetch of that merge commit alone, as actions/checkout makes it: the PR head and the base are not in
 * it. `baseSha` is main's tip, as the event's `pull_request.base.sha` is.
 */
function mergedPullRequest(
  dir: string,
  files: { base: Record<string, string>; head: Record<string, string>; main: Record<string, string> },
) {
  const origin = join(dir, 'origin');
  const r0 = twoCommitRepo(origin, files.base, files.head);
  git(origin, 'branch', 'feature', r0.headSha);
  git(origin, 'reset', '-q', '--hard', r0.baseSha);
  for (const [f, c] of Object.entries(files.main)) writeFileSync(join(origin, f), c);
  git(origin, 'commit', '-qam', 'main moves on');
  const mainSha = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', '--detach');
  git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
  const mergeSha = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'update-ref', `refs/pull/${PR}/merge`, mergeSha);
  git(origin, 'checkout', '-q', 'main');
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  const work = join(dir, 'work');
  mkdirSync(work);
  git(work, 'init', '-q');
  git(work, 'remote', 'add', 'origin', origin);
  git(work, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${mergeSha}:refs/remotes/pull/${PR}/merge`);
  git(work, 'checkout', '-q', '--detach', mergeSha);
  return { dir: work, origin, baseSha: mainSha, headSha: r0.headSha, mergeSha };
}

describe.skipIf(!engineAvailable || !canRunAction)('review suggestions, end to end', () => {
  let harness: ActionHarness;

  beforeAll(async () => {
    harness = await actionHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('posts suggestions on diff lines only, updates without duplicates, removes the fixed one', async () => {
    const { server } = harness;
    const r = twoCommitRepo(
      join(harness.work, 'suggest'),
      { Dockerfile: BASE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD, 'app.txt': 'v2\n' },
    );
    const review = () => server.reviewComments(OWNER, REPO, PR);
    const writes = () =>
      server.requests.filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.operationId}`);

    server.setPullFiles(OWNER, REPO, PR, pullFiles(r));
    const first = await harness.run(r);
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toMatch(
      /review suggestions: 2 posted, 0 updated, 0 unchanged, 0 removed; 1 not on the PR's diff/,
    );
    expect(writes().filter((w) => w.includes('pulls/'))).toEqual(['POST pulls/create-review']);
    // Every request of the run, in order: the token's identity asked once for comment and review; a listing
    // after each creation is the check that another run did not post the same at the same time.
    const sent = () => server.requests.map((q) => `${q.method} ${q.operationId}`);
    expect(sent()).toEqual([
      'GET users/get-authenticated',
      'GET issues/list-comments',
      'POST issues/create-comment',
      'GET issues/list-comments',
      'GET pulls/list-files',
      'GET pulls/list-review-comments',
      'POST pulls/create-review',
      'GET pulls/list-review-comments',
    ]);
    const posted = review();
    expect(posted.map((c) => [c.path, c.line])).toEqual([
      ['Dockerfile', 8],
      ['Dockerfile', 9],
    ]);
    expect(posted[0]!.commitId).toBe(r.headSha);
    expect(posted[0]!.body).toContain('```suggestion\nRUN true || pip install --no-cache-dir flask\n```');
    expect(posted[1]!.body).toContain('```suggestion\nRUN true || apk add --no-cache curl\n```');
    // the ADD on line 3 is not on the diff: its fix stays in the sticky comment
    const sticky = server.comments(OWNER, REPO, PR);
    expect(sticky).toHaveLength(1);
    expect(sticky[0]!.body).toContain('IG017');
    expect(server.violations).toEqual([]);

    // the same head again: nothing written, nothing duplicated
    server.reset();
    const again = await harness.run(r);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/review suggestions: 0 posted, 0 updated, 2 unchanged, 0 removed/);
    expect(sent()).toEqual([
      'GET users/get-authenticated',
      'GET issues/list-comments',
      'GET pulls/list-files',
      'GET pulls/list-review-comments',
    ]);
    expect(writes().filter((w) => w.includes('pulls/'))).toEqual([]);
    expect(review().map((c) => c.id)).toEqual(posted.map((c) => c.id));

    // the next commit fixes the pip install: its comment goes, the apk one stays as it was
    writeFileSync(
      join(r.dir, 'Dockerfile'),
      HEAD.replace('pip install flask', 'pip install --no-cache-dir flask'),
    );
    git(r.dir, 'commit', '-qam', 'pip without its cache');
    const next = { ...r, headSha: git(r.dir, 'rev-parse', 'HEAD') };
    server.setPullFiles(OWNER, REPO, PR, pullFiles(next));
    server.reset();
    const third = await harness.run(next);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/review suggestions: 0 posted, 0 updated, 1 unchanged, 1 removed/);
    expect(writes().filter((w) => w.includes('pulls/'))).toEqual(['DELETE pulls/delete-review-comment']);
    expect(review().map((c) => c.id)).toEqual([posted[1]!.id]);
    expect(server.violations).toEqual([]);
  });

  it("puts the suggestions on the PR head's lines when the base branch moved them (the checkout is the merge commit)", async () => {
    const { server } = harness;
    // main adds a line above the PR's change: in the merge commit the pip install is on line 9, the apk on 10
    const main = BASE.replace('WORKDIR /app\n', 'WORKDIR /app\nRUN echo z > /z\n');
    const r = mergedPullRequest(join(harness.work, 'merged'), {
      base: { Dockerfile: BASE, 'app.txt': 'v1\n' },
      head: { Dockerfile: HEAD, 'app.txt': 'v2\n' },
      main: { Dockerfile: main },
    });
    expect(git(r.dir, 'show', 'HEAD:Dockerfile').split('\n')[8]).toBe('RUN true || pip install flask');
    expect(() => git(r.dir, 'cat-file', '-e', `${r.headSha}^{commit}`)).toThrow();
    // GitHub's diff of a PR: from the merge base to the head (three dots), the head's lines
    const diff = git(r.origin, 'diff', '--unified=3', `${r.baseSha}...${r.headSha}`, '--', 'Dockerfile');
    server.setPullFiles(OWNER, REPO, PR, [{ filename: 'Dockerfile', patch: diff.slice(diff.indexOf('@@')) }]);
    server.reset();
    const run = await harness.run(r, { 'comment-key': 'merged' }, { env: { GITHUB_SHA: r.mergeSha } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/review suggestions: 2 posted, 0 updated, 0 unchanged, 0 removed/);
    const posted = server.reviewComments(OWNER, REPO, PR).filter((c) => c.body.includes('key=merged'));
    expect(posted.map((c) => [c.path, c.line, c.commitId])).toEqual([
      ['Dockerfile', 8, r.headSha],
      ['Dockerfile', 9, r.headSha],
    ]);
    // each on the head's line it replaces, and the finding's words name the head's line too
    const headLines = HEAD.split('\n');
    expect(headLines[7]).toBe('RUN true || pip install flask');
    expect(posted[0]!.body).toContain('```suggestion\nRUN true || pip install --no-cache-dir flask\n```');
    expect(posted[0]!.body).toContain('`RUN true \\|\\| pip install flask` \\(line 8\\)');
    expect(headLines[8]).toBe('RUN true || apk add curl');
    expect(posted[1]!.body).toContain('```suggestion\nRUN true || apk add --no-cache curl\n```');
    expect(server.violations).toEqual([]);
  });

  it('suggestions: false posts no review', async () => {
    const { server } = harness;
    const r = twoCommitRepo(
      join(harness.work, 'off'),
      { Dockerfile: BASE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD },
    );
    server.setPullFiles(OWNER, REPO, PR, pullFiles(r));
    server.reset();
    const res = await harness.run(r, { suggestions: 'false', 'comment-key': 'off' });
    expect(res.code).toBe(0);
    expect(server.requests.filter((q) => q.operationId?.startsWith('pulls/'))).toEqual([]);
  });
});
