import { createPatch } from 'diff';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { planSuggestions } from '../../src/app/suggestions.js';
import { createClient } from '../../src/github/client.js';
import {
  commentableLines,
  octokitReviewApi,
  type Suggestion,
  suggestionBody,
  suggestionMarker,
  syncReviewSuggestions,
} from '../../src/github/review-suggestions.js';
import { GITHUB_ACTIONS_BOT } from '../../src/github/sticky-comment.js';
import { lint } from '../../src/lint/engine.js';
import { type GitHubApiServer, rightSideLines, startGitHubApiServer } from '../support/github-api-server.js';

const owner = 'octo-org';
const repo = 'shop';
const key = 'Dockerfile';
const path = 'Dockerfile';
const HEAD_SHA = 'a'.repeat(40);
const ACTIONS_TOKEN = 'ghs_actionsTokenForTests000000000000';
const FORK_TOKEN = 'ghs_forkReadOnlyToken0000000000000000';

const BASE = [
  'FROM python:3.13-slim',
  'WORKDIR /app',
  'ENV A=1',
  'ENV B=2',
  'ENV C=3',
  'ENV D=4',
  'COPY . .',
  'CMD ["python", "app.py"]',
  '',
].join('\n');
// the PR adds two RUNs near the end: FROM (line 1, IG016) is outside the diff's hunk
const HEAD = [
  'FROM python:3.13-slim',
  'WORKDIR /app',
  'ENV A=1',
  'ENV B=2',
  'ENV C=3',
  'ENV D=4',
  'RUN apt-get update && \\',
  '    apt-get install -y --no-install-recommends curl',
  'COPY . .',
  'RUN pip install flask',
  'CMD ["python", "app.py"]',
  '',
].join('\n');

/** The hunks of a file's diff, as GET /pulls/{n}/files gives them in `patch`. */
const patchOf = (before: string, after: string) => {
  const text = createPatch(path, before, after, '', '', { context: 3 });
  return text.slice(text.indexOf('@@')).trimEnd();
};

const plan = (text: string) => {
  const options = { file: path };
  return planSuggestions({ text, findings: lint(text, null, options), context: null, options });
};

let server: GitHubApiServer;
let pull = 100;

beforeAll(async () => {
  server = await startGitHubApiServer();
  server.addToken(ACTIONS_TOKEN, { login: GITHUB_ACTIONS_BOT, kind: 'app', canWrite: true });
  server.addToken(FORK_TOKEN, { login: GITHUB_ACTIONS_BOT, kind: 'app', canWrite: false });
  server.addToken('ghp_mallory000000000000000000000000000', {
    login: 'mallory',
    kind: 'user',
    canWrite: true,
  });
});
afterAll(() => server.close());
beforeEach(() => {
  pull++;
  vi.stubEnv('GITHUB_API_URL', server.url);
  server.reset();
});
afterEach(() => {
  vi.unstubAllEnvs();
  expect(server.violations).toEqual([]);
});

const api = (token = ACTIONS_TOKEN) =>
  octokitReviewApi(
    createClient({ token, millisecondsPerSecond: 5, spaceWrites: false, log: { debug() {}, warning() {} } }),
  );

const sync = (suggestions: readonly Suggestion[], token?: string) =>
  syncReviewSuggestions({
    api: api(token),
    owner,
    repo,
    pullNumber: pull,
    headSha: HEAD_SHA,
    path,
    key,
    suggestions,
  });

const writes = () =>
  server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.operationId}`);

describe('commentableLines', () => {
  it('reads the RIGHT side of a patch as the stand-in server does', () => {
    const patch = patchOf(BASE, HEAD);
    const ours = commentableLines(patch).lines;
    expect([...ours.keys()]).toEqual([...rightSideLines(patch).keys()]);
    expect(ours.get(7)).toEqual({ text: 'RUN apt-get update && \\', hunk: 0 });
    expect(ours.has(1)).toBe(false);
    expect(commentableLines(undefined).lines.size).toBe(0);
  });
});

describe('syncReviewSuggestions', () => {
  it('posts one review with suggestions on diff lines only, then leaves it alone', async () => {
    server.setPullFiles(owner, repo, pull, [
      { filename: path, patch: patchOf(BASE, HEAD) },
      { filename: 'app.py' },
    ]);
    const suggestions = plan(HEAD);
    expect(suggestions.map((s) => s.id)).toEqual(['IG016@1-1', 'IG005@8-8', 'IG004@10-10']);

    const first = await sync(suggestions);
    expect(first).toMatchObject({ action: 'done', created: 2, offDiff: 1, deleted: 0 });
    expect(writes()).toEqual(['POST pulls/create-review']);
    const review = server.requests.find((r) => r.operationId === 'pulls/create-review')!.body as {
      event: string;
      commit_id: string;
      comments: { line: number; body: string }[];
    };
    expect(review.event).toBe('COMMENT');
    expect(review.commit_id).toBe(HEAD_SHA);
    expect(review.comments.map((c) => c.line)).toEqual([8, 10]);
    expect(review.comments[1]!.body).toContain('```suggestion\nRUN pip install --no-cache-dir flask\n```');
    expect(review.comments[1]!.body).toContain(suggestionMarker(key, 'IG004@10-10'));

    server.reset();
    const again = await sync(plan(HEAD));
    expect(again).toMatchObject({ created: 0, unchanged: 2, updated: 0, deleted: 0 });
    expect(writes()).toEqual([]);
    expect(server.reviewComments(owner, repo, pull)).toHaveLength(2);
  });

  it('edits a comment whose advice changed, deletes the one of a fixed finding, never duplicates', async () => {
    server.setPullFiles(owner, repo, pull, [{ filename: path, patch: patchOf(BASE, HEAD) }]);
    await sync(plan(HEAD));
    const [apt, pip] = server.reviewComments(owner, repo, pull);

    // the next commit fixes the pip install; the apt finding's text changed meanwhile
    const fixed = HEAD.replace('pip install flask', 'pip install --no-cache-dir flask');
    server.setPullFiles(owner, repo, pull, [{ filename: path, patch: patchOf(BASE, fixed) }]);
    const next = plan(fixed).map((s) =>
      s.id.startsWith('IG005')
        ? { ...s, findings: s.findings.map((f) => ({ ...f, message: `${f.message}!` })) }
        : s,
    );
    server.reset();
    const result = await sync(next);
    expect(result).toMatchObject({ created: 0, updated: 1, deleted: 1, unchanged: 0 });
    expect(writes().sort()).toEqual([
      'DELETE pulls/delete-review-comment',
      'PATCH pulls/update-review-comment',
    ]);
    const left = server.reviewComments(owner, repo, pull);
    expect(left.map((c) => c.id)).toEqual([apt!.id]);
    expect(left[0]!.body).toContain('!');
    expect(pip).toBeDefined();
  });

  it('a suggestion whose lines moved is posted again, the old one deleted; a multi-line one spans start_line to line', async () => {
    server.setPullFiles(owner, repo, pull, [{ filename: path, patch: patchOf(BASE, HEAD) }]);
    await sync(plan(HEAD));
    const multi: Suggestion = {
      id: 'IG005@7-8',
      startLine: 7,
      line: 8,
      original: ['RUN apt-get update && \\', '    apt-get install -y --no-install-recommends curl'],
      replacement: [
        'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
      ],
      findings: plan(HEAD)[1]!.findings,
    };
    server.reset();
    const result = await sync([multi]);
    expect(result).toMatchObject({ created: 1, deleted: 2 });
    const review = server.requests.find((r) => r.operationId === 'pulls/create-review')!.body as {
      comments: object[];
    };
    expect(review.comments).toEqual([
      expect.objectContaining({ start_line: 7, start_side: 'RIGHT', line: 8, side: 'RIGHT' }),
    ]);
    expect(server.reviewComments(owner, repo, pull).map((c) => [c.startLine, c.line])).toEqual([[7, 8]]);
  });

  it('skips lines whose text in the diff is not what was linted, and leaves others’ comments alone', async () => {
    server.setPullFiles(owner, repo, pull, [
      { filename: path, patch: patchOf(BASE, HEAD.replace('flask', 'django')) },
    ]);
    const foreign = server.addReviewComment({
      owner,
      repo,
      pullNumber: pull,
      path,
      line: 8,
      author: 'mallory',
      body: `${suggestionMarker(key, 'IG005@8-8')}\nnot ours`,
    });
    const result = await sync(plan(HEAD));
    expect(result).toMatchObject({ created: 1, offDiff: 2, deleted: 0 });
    expect(server.reviewComments(owner, repo, pull).map((c) => c.id)).toContain(foreign.id);
  });

  it('a read-only token (a fork) skips with one reason and writes nothing', async () => {
    server.setPullFiles(owner, repo, pull, [{ filename: path, patch: patchOf(BASE, HEAD) }]);
    const result = await sync(plan(HEAD), FORK_TOKEN);
    expect(result.action).toBe('skipped');
    expect(result.reason).toMatch(/403 Resource not accessible by integration.*pull-requests: write/);
    expect(server.reviewComments(owner, repo, pull)).toEqual([]);
  });

  it('no suggestions: no review, earlier ones removed', async () => {
    server.setPullFiles(owner, repo, pull, [{ filename: path, patch: patchOf(BASE, HEAD) }]);
    await sync(plan(HEAD));
    server.reset();
    expect(await sync([])).toMatchObject({ created: 0, deleted: 2 });
    expect(writes()).toEqual(['DELETE pulls/delete-review-comment', 'DELETE pulls/delete-review-comment']);
  });
});

describe('suggestionBody', () => {
  it('fences the replacement longer than any backtick run in it', () => {
    const s: Suggestion = {
      id: 'IG004@1-1',
      startLine: 1,
      line: 1,
      original: ['RUN echo ```'],
      replacement: ['RUN echo ```'],
      findings: [],
    };
    expect(suggestionBody(key, s)).toContain('````suggestion\nRUN echo ```\n````');
  });
});
