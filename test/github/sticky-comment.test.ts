import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/github/client.js';
import {
  CommentTooLongError,
  GITHUB_ACTIONS_BOT,
  MAX_COMMENT_LENGTH,
  octokitCommentsApi,
  stickyMarker,
  upsertStickyComment,
} from '../../src/github/sticky-comment.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';

const owner = 'octo-org';
const repo = 'shop';
const issueNumber = 42;
const key = 'Dockerfile';
const ACTIONS_TOKEN = 'ghs_actionsTokenForTests000000000000';
const FORK_TOKEN = 'ghs_forkReadOnlyToken0000000000000000';
const PAT = 'ghp_personalTokenForTests0000000000000';

let server: GitHubApiServer;
let logged: string[];

beforeAll(async () => {
  server = await startGitHubApiServer();
  server.addToken(ACTIONS_TOKEN, { login: GITHUB_ACTIONS_BOT, kind: 'app', canWrite: true });
  server.addToken(FORK_TOKEN, { login: GITHUB_ACTIONS_BOT, kind: 'app', canWrite: false });
  server.addToken(PAT, { login: 'release-bot', kind: 'user', canWrite: true });
  server.addToken('ghp_mallory000000000000000000000000000', {
    login: 'mallory',
    kind: 'user',
    canWrite: true,
  });
});
afterAll(() => server.close());

let issue = issueNumber;
beforeEach(() => {
  issue++; // every test its own PR, so state does not leak between them
  logged = [];
  vi.stubEnv('GITHUB_API_URL', server.url);
  server.reset();
});
afterEach(() => {
  vi.unstubAllEnvs();
  expect(server.violations).toEqual([]);
});

function api(token = ACTIONS_TOKEN) {
  const octokit = createClient({
    token,
    millisecondsPerSecond: 5,
    spaceWrites: false,
    log: { debug: (m) => logged.push(`debug: ${m}`), warning: (m) => logged.push(`warning: ${m}`) },
  });
  return octokitCommentsApi(octokit);
}

const run = (body: string, token?: string) =>
  upsertStickyComment({ api: api(token), owner, repo, issueNumber: issue, key, body });
const ours = () => server.comments(owner, repo, issue).filter((c) => c.body.includes(stickyMarker(key)));
const calls = (operationId: string) => server.requests.filter((r) => r.operationId === operationId);

describe('upsertStickyComment against the local GitHub API', () => {
  it('creates one comment on the first run, marker first', async () => {
    const result = await run('## image-guard\nsize 215 MB');
    expect(result.action).toBe('created');
    const [comment, ...rest] = ours();
    expect(rest).toEqual([]);
    expect(comment!.body).toBe(`${stickyMarker(key)}\n## image-guard\nsize 215 MB`);
    expect(comment!.author).toBe(GITHUB_ACTIONS_BOT);
    expect(result.url).toBe(`https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${comment!.id}`);
  });

  it('edits that comment on the second run instead of adding one', async () => {
    const first = await run('size 215 MB');
    const second = await run('size 230 MB');
    expect(second).toEqual({ url: first.url, action: 'updated' });
    expect(ours().map((c) => c.body)).toEqual([`${stickyMarker(key)}\nsize 230 MB`]);
    expect(calls('issues/update-comment')).toHaveLength(1);
  });

  it('does not edit when the body is unchanged', async () => {
    await run('size 215 MB');
    server.requests.length = 0;
    const again = await run('size 215 MB');
    expect(again.action).toBe('unchanged');
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
  });

  it('keeps a marker the caller placed itself and does not add a second', async () => {
    await run(`intro\n${stickyMarker(key)}\nbody`);
    expect(ours()[0]!.body).toBe(`intro\n${stickyMarker(key)}\nbody`);
  });

  it('ignores a marker pasted by someone else', async () => {
    const pasted = server.addComment({
      owner,
      repo,
      issueNumber: issue,
      author: 'mallory',
      body: `${stickyMarker(key)}\nhi`,
    });
    const result = await run('size 215 MB');
    expect(result.action).toBe('created');
    expect(server.comments(owner, repo, issue).find((c) => c.id === pasted.id)!.body).toBe(
      `${stickyMarker(key)}\nhi`,
    );
    expect(ours().map((c) => c.author)).toEqual(['mallory', GITHUB_ACTIONS_BOT]);
  });

  it('tells keys apart', async () => {
    await upsertStickyComment({ api: api(), owner, repo, issueNumber: issue, key: 'app', body: 'a' });
    await upsertStickyComment({ api: api(), owner, repo, issueNumber: issue, key: 'app2', body: 'b' });
    await upsertStickyComment({ api: api(), owner, repo, issueNumber: issue, key: 'app', body: 'c' });
    expect(server.comments(owner, repo, issue).map((c) => c.body)).toEqual([
      `${stickyMarker('app')}\nc`,
      `${stickyMarker('app2')}\nb`,
    ]);
  });

  it('finds its comment on page 3 of 250', async () => {
    const seed = (author: string, body: string) =>
      server.addComment({ owner, repo, issueNumber: issue, author, body });
    for (let i = 0; i < 230; i++) seed(i % 2 ? 'mallory' : 'someone', `comment ${i} ${stickyMarker(key)}`);
    const mine = seed(GITHUB_ACTIONS_BOT, `${stickyMarker(key)}\nold`); // the 231st: on page 3 at 100 a page
    for (let i = 0; i < 19; i++) seed('someone', `later ${i}`);
    expect(server.comments(owner, repo, issue)).toHaveLength(250);

    const result = await run('new');
    expect(result).toEqual({ url: expect.stringContaining(`#issuecomment-${mine.id}`), action: 'updated' });
    expect(calls('issues/list-comments').map((r) => [r.query.per_page, r.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
    expect(calls('issues/create-comment')).toHaveLength(0);
    expect(
      ours()
        .filter((c) => c.author === GITHUB_ACTIONS_BOT)
        .map((c) => c.body),
    ).toEqual([`${stickyMarker(key)}\nnew`]);
  });

  it('leaves one comment when two runs race, both having seen none', async () => {
    server.barrier('issues/list-comments', 2);
    const [a, b] = await Promise.all([run('from run A'), run('from run B')]);
    expect(calls('issues/create-comment')).toHaveLength(2); // the race did happen
    const left = ours();
    expect(left).toHaveLength(1);
    expect(a.url).toBe(b.url);
    expect(a.url).toContain(`#issuecomment-${left[0]!.id}`);
    expect([a.action, b.action].sort()).toEqual(['created', 'updated']);
  });

  it('leaves one comment when three runs race', async () => {
    server.barrier('issues/list-comments', 3);
    await Promise.all([run('A'), run('B'), run('C')]);
    expect(ours()).toHaveLength(1);
  });

  it('cleans up duplicates an earlier race left', async () => {
    const first = server.addComment({
      owner,
      repo,
      issueNumber: issue,
      author: GITHUB_ACTIONS_BOT,
      body: `${stickyMarker(key)}\nx`,
    });
    server.addComment({
      owner,
      repo,
      issueNumber: issue,
      author: GITHUB_ACTIONS_BOT,
      body: `${stickyMarker(key)}\ny`,
    });
    const result = await run('z');
    expect(result).toEqual({ url: expect.stringContaining(`-${first.id}`), action: 'updated' });
    expect(ours().map((c) => c.id)).toEqual([first.id]);
  });

  it('uses GET /user for a personal token and matches that login', async () => {
    server.addComment({
      owner,
      repo,
      issueNumber: issue,
      author: GITHUB_ACTIONS_BOT,
      body: `${stickyMarker(key)}\nbot's`,
    });
    const result = await run('mine', PAT);
    expect(result.action).toBe('created');
    expect(ours().map((c) => c.author)).toEqual([GITHUB_ACTIONS_BOT, 'release-bot']);
    expect(calls('users/get-authenticated').map((r) => r.status)).toEqual([200]);
  });

  it('heals itself for an app token whose login GET /user will not tell', async () => {
    const APP = 'ghs_appInstallationToken000000000000000';
    server.addToken(APP, { login: 'image-guard-app[bot]', kind: 'app', canWrite: true });
    const first = await run('one', APP); // looks for github-actions[bot], finds nothing, creates
    expect(first.action).toBe('created');
    const second = await run('two', APP); // creates again, then sees the older one by the same app: keeps that
    expect(second).toEqual({ url: first.url, action: 'updated' });
    expect(ours().map((c) => [c.author, c.body])).toEqual([
      ['image-guard-app[bot]', `${stickyMarker(key)}\ntwo`],
    ]);
    const third = await upsertStickyComment({
      api: api(APP),
      owner,
      repo,
      issueNumber: issue,
      key,
      body: 'two',
      fallbackAuthor: 'image-guard-app[bot]',
    });
    expect(third.action).toBe('unchanged'); // told who it is, it finds its comment at once
  });

  it("skips with a one-line reason when a fork's read-only token gets 403", async () => {
    const result = await run('size', FORK_TOKEN);
    expect(result.action).toBe('skipped');
    expect(result.url).toBe('');
    expect(result.reason).toBe(
      "GitHub refused to write the PR comment (403 Resource not accessible by integration); a fork's pull request runs with a read-only token: post it from a workflow_run workflow instead",
    );
    expect(result.reason).not.toContain('\n');
    expect(ours()).toEqual([]);
  });

  it('skips on a 403 when updating too', async () => {
    await run('one');
    server.inject({ operation: 'issues/update-comment', kind: 'forbidden' });
    const result = await run('two');
    expect(result.action).toBe('skipped');
  });

  it('retries a 500 and then succeeds', async () => {
    server.inject({ operation: 'issues/create-comment', kind: 'server-error' });
    server.inject({ operation: 'issues/list-comments', kind: 'server-error', times: 2 });
    const result = await run('size');
    expect(result.action).toBe('created');
    expect(calls('issues/create-comment').map((r) => r.status)).toEqual([500, 201]);
    expect(ours()).toHaveLength(1);
  });

  it('leaves one comment when a create is retried after GitHub wrote it but answered 500', async () => {
    server.inject({ operation: 'issues/create-comment', kind: 'server-error-after-write' });
    const result = await run('size');
    expect(calls('issues/create-comment').map((r) => r.status)).toEqual([500, 201]);
    expect(ours()).toHaveLength(1);
    expect(result.url).toContain(`#issuecomment-${ours()[0]!.id}`);
  });

  it('gives up after the retries on a lasting 500', async () => {
    server.inject({ operation: 'issues/list-comments', kind: 'server-error', times: 10 });
    await expect(run('size')).rejects.toMatchObject({ status: 500 });
    expect(calls('issues/list-comments')).toHaveLength(4);
  });

  it('waits out a secondary rate limit', async () => {
    server.inject({ operation: 'issues/create-comment', kind: 'secondary-rate-limit', retryAfter: 2 });
    const started = Date.now();
    const result = await run('size');
    expect(result.action).toBe('created');
    expect(calls('issues/create-comment').map((r) => r.status)).toEqual([403, 201]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10); // 2 s at 5 ms a second
    expect(logged.filter((l) => l.startsWith('warning:'))).toEqual([
      expect.stringMatching(/secondary rate limit on POST .*waiting 2 s before retry 1 of 2/),
    ]);
    expect(logged.join('\n')).not.toContain(ACTIONS_TOKEN);
  });

  it('waits out a secondary rate limit answered as 429', async () => {
    server.inject({
      operation: 'issues/list-comments',
      kind: 'secondary-rate-limit',
      status: 429,
      retryAfter: 1,
    });
    expect((await run('size')).action).toBe('created');
    expect(calls('issues/list-comments').map((r) => r.status)).toEqual([429, 200, 200]);
  });

  it('waits out a primary rate limit once', async () => {
    server.inject({ operation: 'users/get-authenticated', kind: 'rate-limit', retryAfter: 1 });
    expect((await run('size', PAT)).action).toBe('created');
    expect(calls('users/get-authenticated').map((r) => r.status)).toEqual([403, 200]);
    expect(logged).toContainEqual(
      expect.stringMatching(/^warning: GitHub API rate limit on GET .*\/user; waiting/),
    );
  });

  it('fails, not skips, when the secondary rate limit outlasts the retries', async () => {
    server.inject({
      operation: 'issues/create-comment',
      kind: 'secondary-rate-limit',
      retryAfter: 1,
      times: 5,
    });
    await expect(run('size')).rejects.toThrow(/secondary rate limit/);
    expect(calls('issues/create-comment')).toHaveLength(3);
  });

  it('surfaces 422 Body is too long as CommentTooLongError', async () => {
    server.inject({ operation: 'issues/create-comment', kind: 'body-too-long' });
    const error = await run('size').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommentTooLongError);
    expect((error as Error).message).toBe(
      `GitHub refused the PR comment as too long (422 Body is too long (maximum is 65536 characters)); image-guard counted ${stickyMarker(key).length + 5} characters of at most 65,536`,
    );
  });

  it('refuses a body over 65,536 characters before calling GitHub', async () => {
    await expect(run('x'.repeat(MAX_COMMENT_LENGTH))).rejects.toBeInstanceOf(CommentTooLongError);
    expect(server.requests).toEqual([]);
    // exactly at the limit, marker included, is fine
    const marker = `${stickyMarker(key)}\n`;
    await expect(run(`${marker}${'é'.repeat(MAX_COMMENT_LENGTH - marker.length)}`)).resolves.toMatchObject({
      action: 'created',
    });
  });
});

describe('the marker', () => {
  it.each([
    ['Dockerfile', '<!-- image-guard:Dockerfile -->'],
    ['docker/app.Dockerfile:runtime', '<!-- image-guard:docker/app.Dockerfile:runtime -->'],
    ['my app', '<!-- image-guard:my_app -->'],
    ['evil --> <b>', '<!-- image-guard:evil_-_b_ -->'],
    ['a--b', '<!-- image-guard:a-b -->'],
    ['  ', '<!-- image-guard:default -->'],
  ])('for key %j is %s', (key, marker) => {
    expect(stickyMarker(key)).toBe(marker);
    expect(marker.slice(4, -3)).not.toContain('--');
  });
});
