import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { eventFromContext, readEvent } from '../../src/github/event.js';

const dir = mkdtempSync(join(tmpdir(), 'image-guard-event-'));
let files = 0;
function eventFile(payload: unknown): string {
  const path = join(dir, `event-${files++}.json`);
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return path;
}

// The parts of a real pull_request payload the Action reads, in GitHub's shape.
function pullRequestPayload(headRepo: string | null, baseRepo = 'octo-org/shop') {
  const repo = (fullName: string) => ({
    full_name: fullName,
    name: fullName.split('/')[1],
    owner: { login: fullName.split('/')[0] },
  });
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { ref: 'feature', sha: 'a'.repeat(40), repo: headRepo === null ? null : repo(headRepo) },
      base: { ref: 'main', sha: 'b'.repeat(40), repo: repo(baseRepo) },
    },
    repository: repo(baseRepo),
  };
}

const env = (name: string, payload: unknown, extra: Record<string, string> = {}) => ({
  GITHUB_EVENT_NAME: name,
  GITHUB_EVENT_PATH: eventFile(payload),
  GITHUB_REPOSITORY: 'octo-org/shop',
  GITHUB_SHA: 'c'.repeat(40),
  ...extra,
});

describe('readEvent', () => {
  it('reads a same-repository pull_request', () => {
    expect(readEvent(env('pull_request', pullRequestPayload('octo-org/shop')))).toEqual({
      name: 'pull_request',
      owner: 'octo-org',
      repo: 'shop',
      sha: 'c'.repeat(40),
      pullRequest: {
        number: 7,
        headSha: 'a'.repeat(40),
        baseSha: 'b'.repeat(40),
        headRef: 'feature',
        baseRef: 'main',
        fromFork: false,
      },
      before: null,
    });
  });

  it.each([
    ['another repository', 'someone/shop', true],
    ['the same repository spelled in another case', 'Octo-Org/Shop', false],
    ['a deleted fork', null, true],
  ])('tells a fork: %s', (_name, headRepo, fork) => {
    expect(readEvent(env('pull_request', pullRequestPayload(headRepo))).pullRequest?.fromFork).toBe(fork);
  });

  it('reads pull_request_target the same way', () => {
    expect(
      readEvent(env('pull_request_target', pullRequestPayload('someone/shop'))).pullRequest?.number,
    ).toBe(7);
  });

  it('reads the before SHA of a push, not of a new branch', () => {
    const push = (before: string) =>
      readEvent(env('push', { before, after: 'd'.repeat(40), ref: 'refs/heads/main' }));
    expect(push('e'.repeat(40))).toMatchObject({ name: 'push', pullRequest: null, before: 'e'.repeat(40) });
    expect(push('0'.repeat(40)).before).toBeNull();
  });

  it('reads workflow_dispatch without a pull request or before', () => {
    expect(readEvent(env('workflow_dispatch', { inputs: {} }))).toMatchObject({
      pullRequest: null,
      before: null,
    });
  });

  it('takes owner and repo from the payload without GITHUB_REPOSITORY', () => {
    const { GITHUB_REPOSITORY: _, ...rest } = env('pull_request', pullRequestPayload('octo-org/shop'));
    expect(readEvent(rest)).toMatchObject({ owner: 'octo-org', repo: 'shop' });
  });

  it('says what is wrong with a pull_request payload that lacks the PR', () => {
    expect(() => readEvent(env('pull_request', {}))).toThrow(UserError);
    expect(() => readEvent(env('pull_request', '{oops'))).toThrow(/not JSON/);
    expect(() => readEvent({ GITHUB_EVENT_NAME: 'push' })).toThrow(/GITHUB_REPOSITORY/);
  });
});

describe('eventFromContext', () => {
  it('accepts github.context-shaped objects', () => {
    const ctx = {
      eventName: 'push',
      sha: 'f'.repeat(40),
      payload: { before: '1'.repeat(40) },
      repo: { owner: 'o', repo: 'r' },
    };
    expect(eventFromContext(ctx)).toEqual({
      name: 'push',
      owner: 'o',
      repo: 'r',
      sha: 'f'.repeat(40),
      pullRequest: null,
      before: '1'.repeat(40),
    });
  });
});

describe('untrusted: a fork’s code in a run that holds a write token', () => {
  const workflowRun = (event: string, headRepo: string | null) => ({
    action: 'completed',
    workflow_run: {
      event,
      head_sha: 'a'.repeat(40),
      head_repository: headRepo === null ? null : { full_name: headRepo },
      repository: { full_name: 'octo-org/shop' },
      pull_requests: [],
    },
    repository: { full_name: 'octo-org/shop', name: 'shop', owner: { login: 'octo-org' } },
  });

  it('pull_request_target with a fork’s head (or a deleted fork) is untrusted; a same-repository one is not', () => {
    expect(readEvent(env('pull_request_target', pullRequestPayload('someone/shop'))).untrusted).toEqual({
      trigger: 'pull_request_target',
      headRepo: 'someone/shop',
    });
    expect(readEvent(env('pull_request_target', pullRequestPayload(null))).untrusted).toEqual({
      trigger: 'pull_request_target',
      headRepo: 'a fork deleted since',
    });
    expect(
      readEvent(env('pull_request_target', pullRequestPayload('Octo-Org/Shop'))).untrusted,
    ).toBeUndefined();
  });

  it('pull_request from a fork has a read-only token: not untrusted', () => {
    expect(readEvent(env('pull_request', pullRequestPayload('someone/shop'))).untrusted).toBeUndefined();
  });

  it('a workflow_run a fork’s pull request triggered is untrusted; one of a push or of the same repository is not', () => {
    expect(readEvent(env('workflow_run', workflowRun('pull_request', 'someone/shop'))).untrusted).toEqual({
      trigger: 'workflow_run',
      headRepo: 'someone/shop',
    });
    expect(readEvent(env('workflow_run', workflowRun('pull_request', null))).untrusted).toMatchObject({
      trigger: 'workflow_run',
    });
    expect(
      readEvent(env('workflow_run', workflowRun('pull_request', 'octo-org/shop'))).untrusted,
    ).toBeUndefined();
    expect(readEvent(env('workflow_run', workflowRun('push', 'someone/shop'))).untrusted).toBeUndefined();
  });
});
