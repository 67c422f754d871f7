// The one Octokit the Action talks to GitHub through: @actions/github's (proxy-aware, REST methods and
// pagination) plus retries for server errors and throttling for rate limits, so a busy API or a flaky 502 does
// not fail a required status check.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** Where the client reports retries and waits. Never given the token, except to `mask` it. */
export interface ClientLog {
  debug(message: string): void;
  warning(message: string): void;
  /** Tells the runner to hide this value in every log line (`core.setSecret`). */
  mask?(secret: string): void;
}

export interface ClientOptions {
  token: string;
  /** API root; default `GITHUB_API_URL` read now (not at import), else https://api.github.com. */
  baseUrl?: string;
  /** Retries of a 5xx (or other retryable) answer; default 3, waits of 1 s, 4 s, 9 s. */
  retries?: number;
  /** How often a secondary rate limit is waited out before the call fails; default 2. */
  secondaryRateLimitRetries?: number;
  /** The longest `retry-after` worth waiting for, in seconds; a longer one fails the call. Default 120. */
  maxRetryAfterSeconds?: number;
  /** Milliseconds per second of waiting; tests shrink it. Default 1000. */
  millisecondsPerSecond?: number;
  /**
   * Space writes as GitHub's REST best practices ask (a second between writes, three between writes that notify).
   * Default true; tests turn it off to stay fast.
   */
  spaceWrites?: boolean;
  log?: ClientLog;
}

const DEFAULT_API_URL = 'https://api.github.com';

/** The API root the client will use: explicit, else `GITHUB_API_URL` (GitHub Enterprise Server), else github.com. */
export function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, '');
}

// A Bottleneck group stand-in that runs jobs at once: what the throttling plugin's write spacing becomes when
// `spaceWrites` is off. Only `key().schedule()` is used by the plugin.
const unspacedGroup = {
  key: () => ({
    schedule: (...args: unknown[]) => {
      const jobAt = typeof args[0] === 'function' ? 0 : 1;
      const job = args[jobAt] as (...a: unknown[]) => unknown;
      return Promise.resolve(job(...args.slice(jobAt + 1)));
    },
  }),
};

interface LimitedRequest {
  method: string;
  url: string;
}

export function createClient(options: ClientOptions): GitHubClient {
  const log: ClientLog = options.log ?? { debug: core.debug, warning: core.warning, mask: core.setSecret };
  const secondaryRetries = options.secondaryRateLimitRetries ?? 2;
  const maxWait = options.maxRetryAfterSeconds ?? 120;
  const msPerSecond = options.millisecondsPerSecond ?? 1000;
  const spaced = options.spaceWrites ?? true;
  if (options.token) log.mask?.(options.token);

  const describe = (request: LimitedRequest) => `${request.method} ${request.url}`;
  const onLimit =
    (kind: 'rate limit' | 'secondary rate limit', allowed: number) =>
    (retryAfter: number, request: LimitedRequest, _octokit: unknown, retryCount: number) => {
      if (retryCount < allowed && retryAfter <= maxWait) {
        log.warning(
          `GitHub API ${kind} on ${describe(request)}; waiting ${retryAfter} s before retry ${retryCount + 1} of ${allowed}`,
        );
        return true;
      }
      log.warning(`GitHub API ${kind} on ${describe(request)}; giving up (retry-after ${retryAfter} s)`);
      return false;
    };

  // Every failed attempt, retried or not, leaves a debug line: the runner's debug log is where a slow run is
  // explained. Method, URL and status only; the token travels in a header and never reaches the log. Registered
  // before the retry and throttling plugins so that its hook sits inside theirs and sees each attempt.
  const logAttempts = (octokit: { hook: GitHubClient['hook'] }) => {
    octokit.hook.error('request', (error, request) => {
      const status = (error as { status?: number }).status ?? 'no answer';
      log.debug(`GitHub API ${request.method} ${request.url}: ${status}`);
      throw error;
    });
  };

  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl ?? apiBaseUrl(),
      log: {
        debug: (message: string) => log.debug(message),
        info: (message: string) => log.debug(message),
        warn: (message: string) => log.warning(message),
        error: (message: string) => log.warning(message),
      },
      retry: {
        retries: options.retries ?? 3,
        retryAfterBaseValue: msPerSecond,
        // 403 and 429 are the throttling plugin's to wait out; the rest of 4xx will not change on a retry.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        retryAfterBaseValue: msPerSecond,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: onLimit('rate limit', 1),
        onSecondaryRateLimit: onLimit('secondary rate limit', secondaryRetries),
        ...(spaced ? {} : { write: unspacedGroup as never, notifications: unspacedGroup as never }),
      },
    },
    logAttempts,
    retry,
    throttling,
  );
}
