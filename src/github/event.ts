// What the Action needs to know about the run that started it, read from the same places @actions/github's
// context reads (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_SHA), into one plain object.
import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';

export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  /** The head branch lives in another repository (a fork, or one deleted since): its token is read-only. */
  fromFork: boolean;
}

export interface ActionEvent {
  /** `pull_request`, `push`, `workflow_dispatch`, … */
  name: string;
  owner: string;
  repo: string;
  /** GITHUB_SHA: for a pull_request, the test merge commit, not the PR's head. */
  sha: string;
  /** Set for pull_request and pull_request_target. */
  pullRequest: PullRequestInfo | null;
  /** On push: the commit the branch pointed to before; null otherwise or for a new branch (all zeros). */
  before: string | null;
  /**
   * Set when the run has a write token and the secrets while the code it is about is a fork's:
   * `pull_request_target` with a fork's head, or a `workflow_run` that a fork's pull request triggered.
   */
  untrusted?: { trigger: 'pull_request_target' | 'workflow_run'; headRepo: string } | null;
  /** The payload's `ref` (push, workflow_dispatch): `refs/heads/main`. */
  ref?: string;
  /** The repository's default branch, as the payload names it. */
  defaultBranch?: string;
}

/** The parts of @actions/github's `Context` read here; `github.context` is one. */
export interface ContextLike {
  eventName: string;
  sha: string;
  payload: Record<string, unknown>;
  readonly repo: { owner: string; repo: string };
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const NO_COMMIT = /^0+$/;

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null ? (value as Json) : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function pullRequestOf(payload: Json, repo: { owner: string; repo: string }): PullRequestInfo {
  const pr = obj(payload.pull_request);
  const head = obj(pr?.head);
  const base = obj(pr?.base);
  const number = pr?.number;
  const headSha = str(head?.sha);
  const baseSha = str(base?.sha);
  if (typeof number !== 'number' || !headSha || !baseSha) {
    throw new UserError(
      'the pull_request event payload lacks pull_request.number, head.sha or base.sha (is GITHUB_EVENT_PATH the event file?)',
    );
  }
  const headRepo = str(obj(head?.repo)?.full_name);
  const baseRepo = str(obj(base?.repo)?.full_name) ?? `${repo.owner}/${repo.repo}`;
  return {
    number,
    headSha,
    baseSha,
    headRef: str(head?.ref) ?? '',
    baseRef: str(base?.ref) ?? '',
    // GitHub compares repository names without regard to case; a null head repo is a deleted fork.
    fromFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  };
}

/** The run's event from a context; throws a UserError when a pull_request payload is not one. */
export function eventFromContext(ctx: ContextLike): ActionEvent {
  const { owner, repo } = ctx.repo;
  const payload = ctx.payload ?? {};
  const before = str(payload.before);
  const pullRequest = PULL_REQUEST_EVENTS.has(ctx.eventName) ? pullRequestOf(payload, { owner, repo }) : null;
  return {
    name: ctx.eventName ?? '',
    owner,
    repo,
    sha: ctx.sha ?? '',
    pullRequest,
    before: ctx.eventName === 'push' && before && !NO_COMMIT.test(before) ? before : null,
    ...untrustedField(untrustedHead(ctx.eventName, payload, pullRequest, `${owner}/${repo}`)),
    ...branchFields(payload),
  };
}

/** Where a push or a dispatch ran, and the default branch: whether it records the size history. */
function branchFields(payload: Json): Pick<ActionEvent, 'ref' | 'defaultBranch'> {
  const ref = str(payload.ref);
  const defaultBranch = str(obj(payload.repository)?.default_branch);
  return { ...(ref ? { ref } : {}), ...(defaultBranch ? { defaultBranch } : {}) };
}

const untrustedField = (untrusted: ActionEvent['untrusted']) => (untrusted ? { untrusted } : {});

const headRepoName = (repoObject: unknown): string =>
  str(obj(repoObject)?.full_name) ?? 'a fork deleted since';

/** A fork's code in a run that holds a write token and the secrets, or null. */
function untrustedHead(
  name: string,
  payload: Json,
  pullRequest: PullRequestInfo | null,
  repository: string,
): ActionEvent['untrusted'] {
  if (name === 'pull_request_target' && pullRequest?.fromFork)
    return { trigger: name, headRepo: headRepoName(obj(obj(payload.pull_request)?.head)?.repo) };
  if (name === 'workflow_run') {
    const run = obj(payload.workflow_run);
    const triggeredBy = str(run?.event);
    if (triggeredBy !== 'pull_request' && triggeredBy !== 'pull_request_target') return null;
    const head = str(obj(run?.head_repository)?.full_name);
    const base = str(obj(run?.repository)?.full_name) ?? repository;
    if (head === undefined || head.toLowerCase() !== base.toLowerCase())
      return { trigger: name, headRepo: headRepoName(run?.head_repository) };
  }
  return null;
}

/** A context read from the given environment now, the way @actions/github reads it at import. */
function contextFromEnv(env: NodeJS.ProcessEnv = process.env): ContextLike {
  let payload: Json = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path && existsSync(path)) {
    try {
      payload = obj(JSON.parse(readFileSync(path, 'utf8'))) ?? {};
    } catch (error) {
      throw new UserError(`GITHUB_EVENT_PATH ${path} is not JSON: ${(error as Error).message}`);
    }
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = obj(payload.repository);
  const fromPayload = { owner: str(obj(repository?.owner)?.login), repo: str(repository?.name) };
  const resolved =
    owner && repo ? { owner, repo } : fromPayload.owner && fromPayload.repo ? fromPayload : undefined;
  if (!resolved)
    throw new UserError('GITHUB_REPOSITORY is not set (owner/repo); is this running in GitHub Actions?');
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    payload,
    repo: { owner: resolved.owner as string, repo: resolved.repo as string },
  };
}

/** The run's event, read from the environment (default: this process's). */
export function readEvent(env: NodeJS.ProcessEnv = process.env): ActionEvent {
  return eventFromContext(contextFromEnv(env));
}
