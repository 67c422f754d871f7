// The local GitHub API server is only worth its checks: these show it catches what it claims to catch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';

const TOKEN = 'ghp_serverTestToken000000000000000000000';
let server: GitHubApiServer;

beforeAll(async () => {
  server = await startGitHubApiServer();
  server.addToken(TOKEN, { login: 'octocat', kind: 'user', canWrite: true });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `token ${TOKEN}`,
      accept: 'application/vnd.github+json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the local GitHub API server', () => {
  it('serves documented calls without violations', async () => {
    const created = await call('POST', '/repos/o/r/issues/1/comments', { body: 'hello' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await call('PATCH', `/repos/o/r/issues/comments/${id}`, { body: 'edited' })).status).toBe(200);
    expect((await call('GET', '/repos/o/r/issues/1/comments')).status).toBe(200);
    expect((await call('GET', '/user')).status).toBe(200);
    expect((await call('DELETE', `/repos/o/r/issues/comments/${id}`)).status).toBe(204);
    expect(server.violations).toEqual([]);
    expect(server.requests.map((r) => `${r.operationId} ${r.status}`)).toEqual([
      'issues/create-comment 201',
      'issues/update-comment 200',
      'issues/list-comments 200',
      'users/get-authenticated 200',
      'issues/delete-comment 204',
    ]);
  });

  it('flags an undocumented call and answers 404', async () => {
    const response = await call('GET', '/repos/o/r/issues/1/commentz');
    expect(response.status).toBe(404);
    expect(server.violations).toEqual([
      'GET /repos/o/r/issues/1/commentz: no operation in the OpenAPI description matches this method and path',
    ]);
  });

  it('flags a documented method on the wrong path shape', async () => {
    expect((await call('PUT', '/repos/o/r/issues/1/comments', { body: 'x' })).status).toBe(404);
    expect(server.violations).toHaveLength(1);
  });

  it('flags a documented operation it does not serve', async () => {
    expect((await call('GET', '/repos/o/r/issues/comments/5')).status).toBe(501);
    expect(server.violations).toEqual([
      'GET /repos/o/r/issues/comments/5: issues/get-comment is documented but this server does not serve it',
    ]);
  });

  it.each([
    [
      'a body without the required field',
      { text: 'hello' },
      /request body: .*must have required property 'body'/,
    ],
    ['a body of the wrong type', { body: 42 }, /request body: .*body must be string/],
    ['a body that is not JSON', '{"body": ', /not JSON/],
  ])('flags a malformed request: %s', async (_name, body, problem) => {
    const response = await call('POST', '/repos/o/r/issues/1/comments', body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(server.violations).toEqual([expect.stringMatching(problem)]);
    expect(server.comments('o', 'r', 1)).toEqual([]);
  });

  it('flags a missing body, bad path and query parameters, and unknown query parameters', async () => {
    await call('POST', '/repos/o/r/issues/1/comments');
    await call('GET', '/repos/o/r/issues/one/comments');
    await call('GET', '/repos/o/r/issues/1/comments?per_page=many');
    await call('GET', '/repos/o/r/issues/1/comments?sort=desc');
    await call('DELETE', '/repos/o/r/issues/comments/1', { body: 'x' });
    expect(server.violations).toEqual([
      expect.stringMatching(/request body is required/),
      expect.stringMatching(/path parameter issue_number="one"/),
      expect.stringMatching(/query parameter per_page="many"/),
      expect.stringMatching(/undocumented query parameter sort/),
      expect.stringMatching(/takes none/),
    ]);
  });

  it('checks its own responses against the description', async () => {
    server.tamper((operationId, body) =>
      operationId === 'users/get-authenticated' ? { ...(body as object), id: 'x' } : body,
    );
    const response = await call('GET', '/user');
    expect(response.status).toBe(500);
    expect(server.violations).toEqual([expect.stringMatching(/response 200: .*\/id must be integer/)]);
  });

  it('answers 401 to an unknown token', async () => {
    const response = await call('GET', '/user', undefined, { authorization: 'token nope' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Bad credentials' });
    expect(server.violations).toEqual([]);
  });

  it('answers 422 with GitHub’s error shape to a body over 65,536 characters', async () => {
    const response = await call('POST', '/repos/o/r/issues/1/comments', { body: 'x'.repeat(65_537) });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          field: 'body',
          code: 'custom',
          message: 'Body is too long (maximum is 65536 characters)',
        },
      ],
    });
    expect((await call('POST', '/repos/o/r/issues/1/comments', { body: 'x'.repeat(65_536) })).status).toBe(
      201,
    );
    expect(server.violations).toEqual([]);
  });

  it('paginates with per_page, page and Link headers', async () => {
    for (let i = 0; i < 7; i++)
      server.addComment({ owner: 'o', repo: 'r', issueNumber: 2, author: 'octocat', body: `c${i}` });
    const first = await call('GET', '/repos/o/r/issues/2/comments?per_page=3');
    expect(((await first.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c0', 'c1', 'c2']);
    expect(first.headers.get('link')).toBe(
      `<${server.url}/repos/o/r/issues/2/comments?per_page=3&page=2>; rel="next", <${server.url}/repos/o/r/issues/2/comments?per_page=3&page=3>; rel="last"`,
    );
    const last = await call('GET', '/repos/o/r/issues/2/comments?per_page=3&page=3');
    expect(((await last.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c6']);
    expect(last.headers.get('link')).toMatch(/rel="first".*rel="prev"/);
    expect(server.violations).toEqual([]);
  });

  it('answers injected faults the way GitHub does', async () => {
    server.inject({ operation: 'issues/list-comments', kind: 'secondary-rate-limit', retryAfter: 7 });
    server.inject({ operation: 'issues/list-comments', kind: 'server-error' });
    const limited = await call('GET', '/repos/o/r/issues/3/comments');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(((await limited.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    expect((await call('GET', '/repos/o/r/issues/3/comments')).status).toBe(500);
    expect((await call('GET', '/repos/o/r/issues/3/comments')).status).toBe(200);
    expect(server.requests.map((r) => r.fault)).toEqual(['secondary-rate-limit', 'server-error', undefined]);
    expect(server.violations).toEqual([]);
  });
});
