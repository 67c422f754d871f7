import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiBaseUrl, createClient } from '../../src/github/client.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';

const TOKEN = 'ghp_clientTestToken00000000000000000000';
let server: GitHubApiServer;

beforeAll(async () => {
  server = await startGitHubApiServer();
  server.addToken(TOKEN, { login: 'octocat', kind: 'user', canWrite: true });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  return () => {
    vi.unstubAllEnvs();
    expect(server.violations).toEqual([]);
  };
});

function collecting() {
  const lines: string[] = [];
  const masked: string[] = [];
  return {
    lines,
    masked,
    log: {
      debug: (m: string) => lines.push(`debug: ${m}`),
      warning: (m: string) => lines.push(`warning: ${m}`),
      mask: (s: string) => masked.push(s),
    },
  };
}

describe('apiBaseUrl', () => {
  it('is GITHUB_API_URL (GitHub Enterprise Server), without a trailing slash, else api.github.com', () => {
    expect(apiBaseUrl({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toBe(
      'https://ghe.example.com/api/v3',
    );
    expect(apiBaseUrl({})).toBe('https://api.github.com');
    expect(apiBaseUrl({ GITHUB_API_URL: '' })).toBe('https://api.github.com');
  });
});

describe('createClient', () => {
  it('reads GITHUB_API_URL when it is created, not when @actions/github was imported', async () => {
    // @actions/github fixes its default base URL at import; this test file imported it before the server existed.
    vi.stubEnv('GITHUB_API_URL', server.url);
    const { log } = collecting();
    const octokit = createClient({ token: TOKEN, log });
    const { data } = await octokit.rest.users.getAuthenticated();
    expect(data.login).toBe('octocat');
    expect(server.requests.map((r) => r.operationId)).toEqual(['users/get-authenticated']);
  });

  it('masks the token and never logs it, even while retrying', async () => {
    const { log, lines, masked } = collecting();
    server.inject({ operation: 'users/get-authenticated', kind: 'server-error', times: 2 });
    const octokit = createClient({ token: TOKEN, baseUrl: server.url, log, millisecondsPerSecond: 1 });
    await octokit.rest.users.getAuthenticated();
    expect(masked).toEqual([TOKEN]);
    expect(lines.filter((l) => l.includes('500'))).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('does not retry what a retry cannot fix (401, 404, 422)', async () => {
    const { log } = collecting();
    const octokit = createClient({
      token: 'ghp_unknown',
      baseUrl: server.url,
      log,
      millisecondsPerSecond: 1,
    });
    await expect(octokit.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries as often as told', async () => {
    const { log } = collecting();
    server.inject({ operation: 'users/get-authenticated', kind: 'server-error', times: 5 });
    const octokit = createClient({
      token: TOKEN,
      baseUrl: server.url,
      log,
      retries: 1,
      millisecondsPerSecond: 1,
    });
    await expect(octokit.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(2);
  });

  it('does not wait out a retry-after longer than allowed', async () => {
    const { log, lines } = collecting();
    server.inject({ operation: 'users/get-authenticated', kind: 'secondary-rate-limit', retryAfter: 600 });
    const octokit = createClient({ token: TOKEN, baseUrl: server.url, log, millisecondsPerSecond: 1 });
    await expect(octokit.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 });
    expect(server.requests).toHaveLength(1);
    expect(lines).toContainEqual(
      expect.stringMatching(/^warning: .*secondary rate limit.*giving up \(retry-after 600 s\)/),
    );
  });
});
