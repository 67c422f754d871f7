// A local stand-in for api.github.com that serves the few endpoints image-guard uses (issue comments, GET /user,
// a pull request's files, and its review comments and reviews) from memory, and holds every exchange to GitHub's published OpenAPI description (@octokit/openapi):
// each request must match a documented operation, with documented path and query parameters and a request body
// its schema accepts; each response it sends must match the documented status and schema. Anything else is a
// violation: recorded for the test to assert on, and answered with a 4xx (or 500 for the server's own slip).
//
// Faults GitHub really produces can be asked for: 403 for a read-only token, 422 for a body over 65,536
// characters, 500, and secondary rate limits (403 with retry-after).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ---------------------------------------------------------------------------------------------------------------
// The OpenAPI description: read once per test file (it is 70 MB), keep a route table of every operation (so an
// undocumented call can be told from a documented one this server does not serve) and the full description of
// the served ones only; schemas compile on first use.

type Schema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  operationId: string;
  method: string;
  template: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

interface Route {
  method: string;
  template: string;
  operationId: string;
  pattern: RegExp;
  paramNames: string[];
}

export const SERVED_OPERATIONS = [
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'users/get-authenticated',
  'pulls/list-files',
  'pulls/list-review-comments',
  'pulls/create-review',
  'pulls/update-review-comment',
  'pulls/delete-review-comment',
] as const;
export type ServedOperation = (typeof SERVED_OPERATIONS)[number];

interface Description {
  routes: Route[];
  operations: Map<string, Operation>;
  /** GitHub's "Basic Error" shape, for the error answers the description does not list per operation. */
  basicError: Schema;
}

let description: Description | undefined;

function loadDescription(): Description {
  if (description) return description;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.deref.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  const routes: Route[] = [];
  const operations = new Map<string, Operation>();
  const served = new Set<string>(SERVED_OPERATIONS);
  for (const [template, item] of Object.entries(spec.paths)) {
    const paramNames: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1];
        if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        paramNames.push(name);
        return '([^/]+)';
      })
      .join('');
    const pattern = new RegExp(`^${source}$`);
    for (const [method, value] of Object.entries(item)) {
      const op = value as { operationId?: string };
      if (typeof op !== 'object' || op === null || !op.operationId) continue;
      routes.push({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId,
        pattern,
        paramNames,
      });
      if (served.has(op.operationId)) {
        operations.set(op.operationId, { ...(op as Operation), method: method.toUpperCase(), template });
      }
    }
  }
  const user = operations.get('users/get-authenticated');
  const basicError = user?.responses['403']?.content?.['application/json']?.schema;
  if (!basicError || operations.size !== SERVED_OPERATIONS.length) {
    throw new Error('github-api-server: the OpenAPI description lacks an operation this server serves');
  }
  description = { routes, operations, basicError };
  return description;
}

/** OpenAPI 3.0's `nullable` as JSON Schema's `null` type, so ajv checks it the way the description means it. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'examples') continue;
    out[key] =
      key === 'properties' || key === 'patternProperties'
        ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, toJsonSchema(v)]))
        : toJsonSchema(value);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true, logger: false }));
const compiled = new WeakMap<object, ValidateFunction>();

function check(schema: Schema, value: unknown): string | null {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema) as Schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return null;
  return ajv.errorsText(validate.errors, { separator: '; ' });
}

// ---------------------------------------------------------------------------------------------------------------
// State.

/** What a token is, as far as this server is concerned. */
export interface TokenIdentity {
  login: string;
  /** `user`: a personal token, GET /user answers. `app`: a GITHUB_TOKEN or installation token, GET /user is 403. */
  kind: 'user' | 'app';
  /** False for a fork's read-only GITHUB_TOKEN: writing a comment answers 403. */
  canWrite: boolean;
}

export interface StoredComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** A review comment as the server keeps it. */
export interface StoredReviewComment {
  id: number;
  owner: string;
  repo: string;
  pullNumber: number;
  reviewId: number;
  path: string;
  /** The last line on the RIGHT side; null once a push took the line out of the diff (outdated). */
  line: number | null;
  startLine: number | null;
  originalLine: number;
  commitId: string;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** A file of a pull request as GET /pulls/{n}/files lists it: `patch` is the diff's hunks, no file headers. */
export interface PullFileSeed {
  filename: string;
  patch?: string;
  status?: 'added' | 'modified' | 'removed' | 'renamed';
}

/**
 * The RIGHT-side lines of a patch a review comment may be on (added and context lines), with their hunk: read
 * here by hand, independently of the jsdiff parser the code under test uses.
 */
export function rightSideLines(patch: string | undefined): Map<number, number> {
  const lines = new Map<number, number>();
  let at = 0;
  let hunk = -1;
  for (const l of (patch ?? '').split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
    if (header) {
      at = Number(header[1]);
      hunk++;
    } else if (hunk >= 0 && (l.startsWith('+') || l.startsWith(' '))) lines.set(at++, hunk);
  }
  return lines;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  operationId: string | null;
  body: unknown;
  status: number;
  /** The fault answered instead of the real thing, when one was injected. */
  fault?: FaultKind;
}

/**
 * `server-error`: 500 and nothing done. `server-error-after-write`: the request takes effect, then 500 (a 502
 * after a write is how GitHub makes a retried POST create twice). `forbidden`: 403 Resource not accessible by
 * integration. `body-too-long`: 422 Validation Failed. `secondary-rate-limit`: 403 (or 429) with retry-after and
 * GitHub's message. `rate-limit`: 403 with x-ratelimit-remaining 0 and a reset `retryAfter` seconds away.
 */
export type FaultKind =
  | 'server-error'
  | 'server-error-after-write'
  | 'forbidden'
  | 'body-too-long'
  | 'secondary-rate-limit'
  | 'rate-limit';

export interface Fault {
  operation: ServedOperation;
  kind: FaultKind;
  /** How many matching requests get it; default 1. */
  times?: number;
  /** For the rate limits: seconds until it lifts; default 1. */
  retryAfter?: number;
  /** For `secondary-rate-limit`: 403 (default) or 429; GitHub answers either. */
  status?: 403 | 429;
}

export interface GitHubApiServer {
  /** http://127.0.0.1:PORT, to put in GITHUB_API_URL. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Every way a request or a response strayed from the OpenAPI description. A passing test leaves it empty. */
  readonly violations: string[];
  addToken(token: string, identity: TokenIdentity): void;
  /** Seeds a comment as if `author` had written it. */
  addComment(comment: {
    owner: string;
    repo: string;
    issueNumber: number;
    body: string;
    author: string;
  }): StoredComment;
  comments(owner: string, repo: string, issueNumber: number): StoredComment[];
  /**
   * Sets what GET /pulls/{n}/files answers, as a push to the PR would: review comments on lines the new diff no
   * longer shows become outdated (line null), as GitHub's do; the others keep their lines.
   */
  setPullFiles(owner: string, repo: string, pullNumber: number, files: PullFileSeed[]): void;
  reviewComments(owner: string, repo: string, pullNumber: number): StoredReviewComment[];
  /** Seeds a review comment as if `author` had written it. */
  addReviewComment(comment: {
    owner: string;
    repo: string;
    pullNumber: number;
    path: string;
    line: number;
    body: string;
    author: string;
  }): StoredReviewComment;
  inject(fault: Fault): void;
  /** Hold answers to `operation` until `count` requests for it wait, then answer them all: forces a race. */
  barrier(operation: ServedOperation, count: number): void;
  /** Changes a response body before it is checked and sent (to show the response check works). */
  tamper(fn: ((operationId: string, body: unknown) => unknown) | null): void;
  /** Forgets recorded requests, violations, pending faults, barriers and tampering; keeps tokens and comments. */
  reset(): void;
  close(): Promise<void>;
}

const GITHUB = 'https://github.com';
const API = 'https://api.github.com';
const EPOCH = Date.UTC(2026, 0, 1);
const MAX_BODY = 65_536;

function simpleUser(login: string, id: number) {
  return {
    login,
    id,
    node_id: Buffer.from(`04:User${id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `${API}/users/${encodeURIComponent(login)}`,
    html_url: `${GITHUB}/${encodeURIComponent(login)}`,
    followers_url: `${API}/users/${encodeURIComponent(login)}/followers`,
    following_url: `${API}/users/${encodeURIComponent(login)}/following{/other_user}`,
    gists_url: `${API}/users/${encodeURIComponent(login)}/gists{/gist_id}`,
    starred_url: `${API}/users/${encodeURIComponent(login)}/starred{/owner}{/repo}`,
    subscriptions_url: `${API}/users/${encodeURIComponent(login)}/subscriptions`,
    organizations_url: `${API}/users/${encodeURIComponent(login)}/orgs`,
    repos_url: `${API}/users/${encodeURIComponent(login)}/repos`,
    events_url: `${API}/users/${encodeURIComponent(login)}/events{/privacy}`,
    received_events_url: `${API}/users/${encodeURIComponent(login)}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
    user_view_type: 'public',
  };
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    /** Answers the description does not list for the operation but GitHub gives: checked as Basic Error. */
    readonly undocumentedError = false,
  ) {}
}

const errorBody = (message: string, status: number, docs = 'https://docs.github.com/rest') => ({
  message,
  documentation_url: docs,
  status: String(status),
});

export async function startGitHubApiServer(): Promise<GitHubApiServer> {
  const spec = loadDescription();
  const tokens = new Map<string, TokenIdentity>();
  const userIds = new Map<string, number>();
  const store: StoredComment[] = [];
  const reviewStore: StoredReviewComment[] = [];
  const pullFiles = new Map<string, PullFileSeed[]>();
  const pullKey = (owner: string, repo: string, n: number) => `${owner}/${repo}#${n}`.toLowerCase();
  let nextReviewId = 5000;
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const faults: Required<Fault>[] = [];
  const barriers = new Map<string, { count: number; waiting: (() => void)[] }>();
  let tamperFn: ((operationId: string, body: unknown) => unknown) | null = null;
  let nextId = 1000;
  let clock = 0;
  let origin = '';

  const userId = (login: string) => {
    let id = userIds.get(login);
    if (id === undefined) {
      id = 100 + userIds.size;
      userIds.set(login, id);
    }
    return id;
  };
  const timestamp = () => new Date(EPOCH + ++clock * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

  const commentJson = (c: StoredComment) => ({
    id: c.id,
    node_id: Buffer.from(`012:IssueComment${c.id}`).toString('base64'),
    url: `${API}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: `${GITHUB}/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: simpleUser(c.author, userId(c.author)),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${API}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
    author_association: c.author.endsWith('[bot]') ? 'NONE' : 'MEMBER',
  });

  const addComment: GitHubApiServer['addComment'] = ({ owner, repo, issueNumber, body, author }) => {
    const at = timestamp();
    const comment = { id: nextId++, owner, repo, issueNumber, body, author, createdAt: at, updatedAt: at };
    store.push(comment);
    return comment;
  };

  const reviewCommentJson = (c: StoredReviewComment) => {
    const api = `${API}/repos/${c.owner}/${c.repo}`;
    const html = `${GITHUB}/${c.owner}/${c.repo}/pull/${c.pullNumber}`;
    return {
      url: `${api}/pulls/comments/${c.id}`,
      pull_request_review_id: c.reviewId,
      id: c.id,
      node_id: Buffer.from(`024:PullRequestReviewComment${c.id}`).toString('base64'),
      diff_hunk: '@@ -1 +1 @@',
      path: c.path,
      commit_id: c.commitId,
      original_commit_id: c.commitId,
      user: simpleUser(c.author, userId(c.author)),
      body: c.body,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      html_url: `${html}#discussion_r${c.id}`,
      pull_request_url: `${api}/pulls/${c.pullNumber}`,
      author_association: c.author.endsWith('[bot]') ? 'NONE' : 'MEMBER',
      _links: {
        self: { href: `${api}/pulls/comments/${c.id}` },
        html: { href: `${html}#discussion_r${c.id}` },
        pull_request: { href: `${api}/pulls/${c.pullNumber}` },
      },
      start_line: c.line === null ? null : c.startLine,
      original_start_line: c.startLine,
      start_side: c.startLine === null ? null : 'RIGHT',
      // the description types line as an integer; GitHub leaves it out (null) for an outdated comment
      ...(c.line === null ? {} : { line: c.line }),
      original_line: c.originalLine,
      side: 'RIGHT',
      subject_type: 'line',
    };
  };

  const addReviewComment = (c: Omit<StoredReviewComment, 'id' | 'createdAt' | 'updatedAt'>) => {
    const at = timestamp();
    const stored = { ...c, id: nextId++, createdAt: at, updatedAt: at };
    reviewStore.push(stored);
    return stored;
  };

  const sameRepo = (c: { owner: string; repo: string }, owner: string, repo: string) =>
    c.owner.toLowerCase() === owner.toLowerCase() && c.repo.toLowerCase() === repo.toLowerCase();

  // -- the served operations, given validated input ----------------------------------------------------------

  // update-comment and delete-comment document no 404, yet GitHub answers one for a comment that is gone.
  const notFound = () => new HttpAnswer(404, errorBody('Not Found', 404), {}, true);
  const forbidden = () =>
    new HttpAnswer(403, errorBody('Resource not accessible by integration', 403), {}, true);
  const bodyTooLong = (operationId: string) =>
    new HttpAnswer(422, {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `Body is too long (maximum is ${MAX_BODY} characters)`,
        },
      ],
      documentation_url: `https://docs.github.com/rest/issues/comments#${operationId === 'issues/create-comment' ? 'create-an-issue-comment' : 'update-an-issue-comment'}`,
      status: '422',
    });

  const page = <T>(all: T[], query: Record<string, string>, path: string) => {
    const perPage = Math.min(Math.max(Number(query.per_page ?? 30), 1), 100);
    const at = Math.max(Number(query.page ?? 1), 1);
    const last = Math.max(Math.ceil(all.length / perPage), 1);
    const link = (p: number, rel: string) => `<${origin}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links = [
      ...(at < last ? [link(at + 1, 'next'), link(last, 'last')] : []),
      ...(at > 1 ? [link(1, 'first'), link(at - 1, 'prev')] : []),
    ];
    return {
      items: all.slice((at - 1) * perPage, at * perPage),
      headers: (links.length ? { link: links.join(', ') } : {}) as Record<string, string>,
    };
  };

  /** 422 as GitHub answers a review comment outside the diff. */
  const notInDiff = (what: string) =>
    new HttpAnswer(422, {
      message: 'Unprocessable Entity',
      errors: [what],
      documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
      status: '422',
    });

  interface ReviewBody {
    commit_id?: string;
    body?: string;
    event?: string;
    comments?: {
      path: string;
      body: string;
      line?: number;
      side?: string;
      start_line?: number;
      start_side?: string;
      position?: number;
    }[];
  }

  function servePulls(
    operationId: string,
    params: Record<string, string>,
    query: Record<string, string>,
    body: Record<string, unknown> | undefined,
    identity: TokenIdentity,
  ): HttpAnswer | null {
    const { owner = '', repo = '' } = params;
    const pullNumber = Number(params.pull_number);
    switch (operationId) {
      case 'pulls/list-files': {
        const files = pullFiles.get(pullKey(owner, repo, pullNumber)) ?? [];
        const { items, headers } = page(files, query, `/repos/${owner}/${repo}/pulls/${pullNumber}/files`);
        const json = items.map((f, i) => {
          const lines = (f.patch ?? '').split('\n');
          const additions = lines.filter((l) => l.startsWith('+')).length;
          const deletions = lines.filter((l) => l.startsWith('-')).length;
          const sha = (i + 1).toString(16).padStart(40, '0');
          return {
            sha,
            filename: f.filename,
            status: f.status ?? 'modified',
            additions,
            deletions,
            changes: additions + deletions,
            blob_url: `${GITHUB}/${owner}/${repo}/blob/${sha}/${f.filename}`,
            raw_url: `${GITHUB}/${owner}/${repo}/raw/${sha}/${f.filename}`,
            contents_url: `${API}/repos/${owner}/${repo}/contents/${f.filename}?ref=${sha}`,
            ...(f.patch === undefined ? {} : { patch: f.patch }),
          };
        });
        return new HttpAnswer(200, json, headers);
      }
      case 'pulls/list-review-comments': {
        const all = reviewStore.filter((c) => sameRepo(c, owner, repo) && c.pullNumber === pullNumber);
        const { items, headers } = page(all, query, `/repos/${owner}/${repo}/pulls/${pullNumber}/comments`);
        return new HttpAnswer(200, items.map(reviewCommentJson), headers);
      }
      case 'pulls/create-review': {
        if (!identity.canWrite) return forbidden();
        const review = (body ?? {}) as ReviewBody;
        const files = pullFiles.get(pullKey(owner, repo, pullNumber)) ?? [];
        for (const c of review.comments ?? []) {
          if ([...c.body].length > MAX_BODY) return bodyTooLong(operationId);
          const file = files.find((f) => f.filename === c.path);
          if (!file) return notInDiff(`Path could not be resolved`);
          if (c.line === undefined || (c.side ?? 'RIGHT') !== 'RIGHT')
            return notInDiff('Pull request review thread line must be part of the diff');
          const lines = rightSideLines(file.patch);
          const hunk = lines.get(c.line);
          if (hunk === undefined)
            return notInDiff('Pull request review thread line must be part of the diff');
          if (c.start_line !== undefined) {
            if (c.start_line >= c.line) return notInDiff('start_line must precede line');
            if (lines.get(c.start_line) !== hunk)
              return notInDiff(
                'Pull request review thread start line must be part of the same hunk as the line.',
              );
          }
        }
        const reviewId = nextReviewId++;
        const commitId = review.commit_id ?? '0'.repeat(40);
        for (const c of review.comments ?? [])
          addReviewComment({
            owner,
            repo,
            pullNumber,
            reviewId,
            path: c.path,
            line: c.line!,
            startLine: c.start_line ?? null,
            originalLine: c.line!,
            commitId,
            body: c.body,
            author: identity.login,
          });
        const html = `${GITHUB}/${owner}/${repo}/pull/${pullNumber}`;
        return new HttpAnswer(200, {
          id: reviewId,
          node_id: Buffer.from(`017:PullRequestReview${reviewId}`).toString('base64'),
          user: simpleUser(identity.login, userId(identity.login)),
          body: review.body ?? '',
          state: review.event === 'COMMENT' ? 'COMMENTED' : 'PENDING',
          html_url: `${html}#pullrequestreview-${reviewId}`,
          pull_request_url: `${API}/repos/${owner}/${repo}/pulls/${pullNumber}`,
          _links: {
            html: { href: `${html}#pullrequestreview-${reviewId}` },
            pull_request: { href: `${API}/repos/${owner}/${repo}/pulls/${pullNumber}` },
          },
          submitted_at: timestamp(),
          commit_id: commitId,
          author_association: identity.login.endsWith('[bot]') ? 'NONE' : 'MEMBER',
        });
      }
      case 'pulls/update-review-comment': {
        if (!identity.canWrite) return forbidden();
        const comment = reviewStore.find(
          (c) => c.id === Number(params.comment_id) && sameRepo(c, owner, repo),
        );
        if (!comment) return notFound();
        if (comment.author !== identity.login) return forbidden();
        const text = String((body as { body?: string } | undefined)?.body ?? '');
        if ([...text].length > MAX_BODY) return bodyTooLong(operationId);
        comment.body = text;
        comment.updatedAt = timestamp();
        return new HttpAnswer(200, reviewCommentJson(comment));
      }
      case 'pulls/delete-review-comment': {
        if (!identity.canWrite) return forbidden();
        const index = reviewStore.findIndex(
          (c) => c.id === Number(params.comment_id) && sameRepo(c, owner, repo),
        );
        if (index < 0) return new HttpAnswer(404, errorBody('Not Found', 404));
        if (reviewStore[index]!.author !== identity.login) return forbidden();
        reviewStore.splice(index, 1);
        return new HttpAnswer(204, undefined);
      }
    }
    return null;
  }

  function serve(
    operationId: string,
    params: Record<string, string>,
    query: Record<string, string>,
    body: { body?: string } | undefined,
    identity: TokenIdentity,
  ): HttpAnswer {
    const { owner = '', repo = '' } = params;
    const pulls = servePulls(
      operationId,
      params,
      query,
      body as Record<string, unknown> | undefined,
      identity,
    );
    if (pulls) return pulls;
    switch (operationId) {
      case 'users/get-authenticated': {
        if (identity.kind === 'app') return forbidden();
        const at = new Date(EPOCH).toISOString().replace(/\.\d{3}Z$/, 'Z');
        return new HttpAnswer(200, {
          ...simpleUser(identity.login, userId(identity.login)),
          name: null,
          company: null,
          blog: '',
          location: null,
          email: null,
          hireable: null,
          bio: null,
          public_repos: 1,
          public_gists: 0,
          followers: 0,
          following: 0,
          created_at: at,
          updated_at: at,
        });
      }
      case 'issues/list-comments': {
        const issueNumber = Number(params.issue_number);
        const perPage = Math.min(Math.max(Number(query.per_page ?? 30), 1), 100);
        const page = Math.max(Number(query.page ?? 1), 1);
        const all = store.filter((c) => sameRepo(c, owner, repo) && c.issueNumber === issueNumber);
        const last = Math.max(Math.ceil(all.length / perPage), 1);
        const link = (p: number, rel: string) =>
          `<${origin}/repos/${owner}/${repo}/issues/${issueNumber}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links = [
          ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
          ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
        ];
        const items = all.slice((page - 1) * perPage, page * perPage).map(commentJson);
        return new HttpAnswer(200, items, links.length ? { link: links.join(', ') } : {});
      }
      case 'issues/create-comment':
      case 'issues/update-comment': {
        if (!identity.canWrite) return forbidden();
        const text = body?.body ?? '';
        if ([...text].length > MAX_BODY) return bodyTooLong(operationId);
        if (operationId === 'issues/create-comment') {
          const issueNumber = Number(params.issue_number);
          return new HttpAnswer(
            201,
            commentJson(addComment({ owner, repo, issueNumber, body: text, author: identity.login })),
            { location: `${origin}/repos/${owner}/${repo}/issues/comments/${nextId - 1}` },
          );
        }
        const comment = store.find((c) => c.id === Number(params.comment_id) && sameRepo(c, owner, repo));
        if (!comment) return notFound();
        if (comment.author !== identity.login) return forbidden();
        comment.body = text;
        comment.updatedAt = timestamp();
        return new HttpAnswer(200, commentJson(comment));
      }
      case 'issues/delete-comment': {
        if (!identity.canWrite) return forbidden();
        const index = store.findIndex((c) => c.id === Number(params.comment_id) && sameRepo(c, owner, repo));
        if (index < 0) return notFound();
        if (store[index]!.author !== identity.login) return forbidden();
        store.splice(index, 1);
        return new HttpAnswer(204, undefined);
      }
    }
    return new HttpAnswer(501, errorBody('Not served by the test server', 501), {}, true);
  }

  function faultAnswer(fault: Required<Fault>): HttpAnswer {
    switch (fault.kind) {
      case 'server-error':
      case 'server-error-after-write':
        return new HttpAnswer(500, errorBody('Server Error', 500), {}, true);
      case 'forbidden':
        return forbidden();
      case 'body-too-long':
        return bodyTooLong(fault.operation);
      case 'secondary-rate-limit':
        return new HttpAnswer(
          fault.status,
          errorBody(
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
            fault.status,
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          ),
          { 'retry-after': String(fault.retryAfter) },
          true,
        );
      case 'rate-limit':
        return new HttpAnswer(
          403,
          errorBody(
            'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
            403,
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          ),
          {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + fault.retryAfter),
          },
          true,
        );
    }
  }

  // -- checks against the description ------------------------------------------------------------------------

  function coerce(value: string, schema: Schema | undefined): unknown {
    const type = schema?.type;
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
    if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  }

  function checkParameters(
    op: Operation,
    params: Record<string, string>,
    query: Record<string, string>,
  ): string[] {
    const problems: string[] = [];
    const declared = op.parameters ?? [];
    for (const p of declared) {
      const source = p.in === 'path' ? params : p.in === 'query' ? query : undefined;
      if (!source) continue;
      const value = source[p.name];
      if (value === undefined) {
        if (p.required) problems.push(`missing ${p.in} parameter ${p.name}`);
        continue;
      }
      const error = p.schema ? check(p.schema, coerce(value, p.schema)) : null;
      if (error) problems.push(`${p.in} parameter ${p.name}=${JSON.stringify(value)}: ${error}`);
    }
    for (const name of Object.keys(query)) {
      if (!declared.some((p) => p.in === 'query' && p.name === name))
        problems.push(`undocumented query parameter ${name}`);
    }
    return problems;
  }

  function checkRequestBody(
    op: Operation,
    contentType: string,
    raw: string,
  ): { body: unknown; problems: string[] } {
    const declared = op.requestBody;
    if (raw === '') {
      return { body: undefined, problems: declared?.required ? ['the request body is required'] : [] };
    }
    if (!declared)
      return { body: undefined, problems: ['a request body was sent to an operation that takes none'] };
    const media = declared.content['application/json'];
    if (!media || !/^application\/json\b/.test(contentType)) {
      return {
        body: undefined,
        problems: [`request content-type ${JSON.stringify(contentType)} is not application/json`],
      };
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { body: undefined, problems: ['the request body is not JSON'] };
    }
    const error = check(media.schema, body);
    return { body, problems: error ? [`request body: ${error}`] : [] };
  }

  function checkResponse(op: Operation, answer: HttpAnswer): string | null {
    const documented = op.responses[String(answer.status)];
    if (!documented) {
      if (!answer.undocumentedError) return `status ${answer.status} is not documented`;
      const error = check(spec.basicError, answer.body);
      return error ? `undocumented error status ${answer.status} is not a Basic Error: ${error}` : null;
    }
    const media = documented.content?.['application/json'];
    if (!media) return answer.body === undefined ? null : `status ${answer.status} documents no body`;
    const error = check(media.schema, answer.body);
    return error ? `response ${answer.status}: ${error}` : null;
  }

  // -- the HTTP side -------------------------------------------------------------------------------------------

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function send(res: ServerResponse, answer: HttpAnswer) {
    const headers: Record<string, string> = {
      'x-github-request-id': `0000:${requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      ...answer.headers,
    };
    if (answer.body === undefined) {
      res.writeHead(answer.status, headers).end();
      return;
    }
    res.writeHead(answer.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', origin);
    const query = Object.fromEntries(url.searchParams);
    const raw = await readBody(req);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query,
      operationId: null,
      body: undefined,
      status: 0,
    };
    requests.push(record);
    const reply = (answer: HttpAnswer) => {
      record.status = answer.status;
      send(res, answer);
    };
    const violation = (text: string) => violations.push(`${method} ${url.pathname}${url.search}: ${text}`);

    const route = spec.routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) {
      violation('no operation in the OpenAPI description matches this method and path');
      return reply(new HttpAnswer(404, errorBody('Not Found', 404)));
    }
    record.operationId = route.operationId;
    const op = spec.operations.get(route.operationId);
    if (!op) {
      violation(`${route.operationId} is documented but this server does not serve it`);
      return reply(new HttpAnswer(501, errorBody(`${route.operationId} is not served here`, 501)));
    }
    const values = route.pattern.exec(url.pathname)!.slice(1);
    const params = Object.fromEntries(
      route.paramNames.map((name, i) => [name, decodeURIComponent(values[i]!)]),
    );

    const problems = checkParameters(op, params, query);
    const { body, problems: bodyProblems } = checkRequestBody(op, req.headers['content-type'] ?? '', raw);
    record.body = body ?? (raw || undefined);
    problems.push(...bodyProblems);
    if (problems.length > 0) {
      for (const p of problems) violation(p);
      const bad = bodyProblems.length > 0 && raw !== '' && body === undefined ? 400 : 422;
      return reply(
        new HttpAnswer(bad, {
          message: bad === 400 ? 'Problems parsing JSON' : 'Invalid request',
          documentation_url: 'https://docs.github.com/rest',
          status: String(bad),
        }),
      );
    }

    const authorization = req.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(authorization)?.[1];
    const identity = token === undefined ? undefined : tokens.get(token);
    if (!identity) return reply(new HttpAnswer(401, errorBody('Bad credentials', 401), {}, true));

    const gate = barriers.get(route.operationId);
    if (gate) {
      await new Promise<void>((resolve) => {
        gate.waiting.push(resolve);
        if (gate.waiting.length >= gate.count) {
          barriers.delete(route.operationId);
          for (const release of gate.waiting) release();
        }
      });
    }

    let answer: HttpAnswer;
    const fault = faults.find((f) => f.operation === route.operationId && f.times > 0);
    if (fault) {
      fault.times--;
      record.fault = fault.kind;
      if (fault.kind === 'server-error-after-write') {
        serve(route.operationId, params, query, body as { body?: string } | undefined, identity);
      }
      answer = faultAnswer(fault);
    } else {
      answer = serve(route.operationId, params, query, body as { body?: string } | undefined, identity);
    }
    if (tamperFn && answer.body !== undefined) {
      answer = new HttpAnswer(
        answer.status,
        tamperFn(route.operationId, answer.body),
        answer.headers,
        answer.undocumentedError,
      );
    }
    const wrong = checkResponse(op, answer);
    if (wrong) {
      violation(wrong);
      return reply(new HttpAnswer(500, errorBody(`test server answered off the description: ${wrong}`, 500)));
    }
    reply(answer);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push(`${req.method} ${req.url}: the test server failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    requests,
    violations,
    addToken: (token, identity) => tokens.set(token, identity),
    addComment,
    comments: (owner, repo, issueNumber) =>
      store.filter((c) => sameRepo(c, owner, repo) && c.issueNumber === issueNumber).map((c) => ({ ...c })),
    setPullFiles: (owner, repo, pullNumber, files) => {
      pullFiles.set(pullKey(owner, repo, pullNumber), files);
      for (const c of reviewStore) {
        if (!sameRepo(c, owner, repo) || c.pullNumber !== pullNumber || c.line === null) continue;
        const lines = rightSideLines(files.find((f) => f.filename === c.path)?.patch);
        if (!lines.has(c.line) || (c.startLine !== null && !lines.has(c.startLine))) c.line = null;
      }
    },
    reviewComments: (owner, repo, pullNumber) =>
      reviewStore
        .filter((c) => sameRepo(c, owner, repo) && c.pullNumber === pullNumber)
        .map((c) => ({ ...c })),
    addReviewComment: (c) =>
      addReviewComment({
        ...c,
        reviewId: nextReviewId++,
        startLine: null,
        originalLine: c.line,
        commitId: '0'.repeat(40),
      }),
    inject: (fault) => faults.push({ times: 1, retryAfter: 1, status: 403, ...fault }),
    barrier: (operation, count) => barriers.set(operation, { count, waiting: [] }),
    tamper: (fn) => {
      tamperFn = fn;
    },
    reset: () => {
      requests.length = 0;
      violations.length = 0;
      faults.length = 0;
      barriers.clear();
      tamperFn = null;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
