// One comment per PR and key, edited in place run after run. The marker alone proves nothing (anyone can paste
// it into a comment), so only comments written by the token's own identity count as ours.
import type { GitHubClient } from './client.js';

/** GitHub refuses longer comment bodies with 422 "Body is too long (maximum is 65536 characters)". */
export const MAX_COMMENT_LENGTH = 65_536;

/** Who writes the comments when the token is a workflow's GITHUB_TOKEN, for which GET /user answers 403. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface IssueRef extends RepoRef {
  issueNumber: number;
}

export interface IssueComment {
  id: number;
  body: string;
  /** Login of the author; null for a deleted account ("ghost"). */
  author: string | null;
  /** The comment's page on github.com (html_url). */
  url: string;
}

/** The few calls the sticky comment needs; one implementation talks to GitHub, tests may bring their own. */
export interface CommentsApi {
  /** Every comment of the issue or PR, all pages, oldest first. */
  listComments(issue: IssueRef): Promise<IssueComment[]>;
  createComment(issue: IssueRef, body: string): Promise<IssueComment>;
  updateComment(repo: RepoRef, commentId: number, body: string): Promise<IssueComment>;
  deleteComment(repo: RepoRef, commentId: number): Promise<void>;
  /** The login the token acts as, or null when GitHub will not say (403, as for a GITHUB_TOKEN or an app token). */
  whoAmI(): Promise<string | null>;
}

/** Thrown for a comment GitHub would refuse as too long (checked before asking), or did refuse (422). */
export class CommentTooLongError extends Error {
  override name = 'CommentTooLongError';
  constructor(
    /** Characters (code points) of the body, marker included. */
    readonly length: number,
    /** GitHub's own 422 message when GitHub refused it; null when refused here before any call. */
    readonly githubMessage: string | null = null,
  ) {
    const limit = MAX_COMMENT_LENGTH.toLocaleString('en-US');
    super(
      githubMessage === null
        ? `the PR comment is ${length.toLocaleString('en-US')} characters and GitHub accepts at most ${limit}: shrink it before posting (the job summary can hold the full report)`
        : `GitHub refused the PR comment as too long (422 ${githubMessage}); image-guard counted ${length.toLocaleString('en-US')} characters of at most ${limit}`,
    );
  }
}

/** Any failure answer from the API, as Octokit's RequestError carries it. */
interface HttpError {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

export function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && typeof (error as HttpError).status === 'number';
}

/** GitHub's own words, without the documentation link Octokit appends to them. */
export function githubMessage(error: HttpError): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  const text = typeof data?.message === 'string' ? data.message : error.message;
  return text.split('\n')[0]!.replace(/ - https?:\/\/\S+$/, '');
}

/** A 403 that means "this token may not write here", not a rate limit that outlasted its retries. */
export function isPermissionDenied(error: unknown): error is HttpError {
  if (!isHttpError(error) || error.status !== 403) return false;
  const limited =
    /rate limit/i.test(error.message) || error.response?.headers?.['x-ratelimit-remaining'] === '0';
  return !limited;
}

/** GitHub's "Body is too long (maximum is 65536 characters)" from a 422, or null for any other failure. */
function tooLongMessage(error: unknown): string | null {
  if (!isHttpError(error) || error.status !== 422) return null;
  const data = error.response?.data as { errors?: { message?: string }[] } | undefined;
  const messages = [...(data?.errors ?? []).map((e) => e.message ?? ''), error.message];
  return messages.find((m) => /too long/i.test(m)) ?? null;
}

/** Length as GitHub counts it: characters (code points), not UTF-16 units. */
export function commentLength(body: string): number {
  let n = 0;
  for (const _ of body) n++;
  return n;
}

/**
 * A key that can sit inside an HTML comment: `-->` or `--` would end or break it, so anything outside a plain
 * set of characters becomes `_`. The same key always gives the same marker.
 */
export function normalizeKey(key: string): string {
  const cleaned = key
    .trim()
    .replace(/[^A-Za-z0-9._:/@+=-]+/g, '_')
    .replace(/-{2,}/g, '-');
  return cleaned || 'default';
}

export function stickyMarker(key: string): string {
  return `<!-- image-guard:${normalizeKey(key)} -->`;
}

/** The body as it will be posted: marker first when the caller did not place it. */
export function withMarker(body: string, key: string): string {
  const marker = stickyMarker(key);
  return body.includes(marker) ? body : `${marker}\n${body}`;
}

export interface UpsertStickyCommentOptions extends IssueRef {
  api: CommentsApi;
  key: string;
  body: string;
  /** Whose comments count as ours when GET /user will not say; default github-actions[bot]. */
  fallbackAuthor?: string;
}

export interface StickyCommentResult {
  /** The comment's html_url; empty when skipped. */
  url: string;
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  /** Why it was skipped, one line. */
  reason?: string;
}

const sameBody = (a: string, b: string) =>
  a.replace(/\r\n/g, '\n').trimEnd() === b.replace(/\r\n/g, '\n').trimEnd();

async function deleteQuietly(api: CommentsApi, repo: RepoRef, id: number): Promise<void> {
  try {
    await api.deleteComment(repo, id);
  } catch (error) {
    // A concurrent run may have deleted it first.
    if (!(isHttpError(error) && error.status === 404)) throw error;
  }
}

/**
 * Creates the sticky comment, or edits the one this identity wrote before (found across all pages), or leaves it
 * alone when the body is the same. Two runs at once still leave one comment: after creating, the comments are
 * listed again and, of ours that carry the key, the oldest is kept (holding this run's body) and the rest deleted.
 *
 * A 403 (a fork's PR gets a read-only token) gives `skipped` with a one-line reason instead of an error.
 * A body longer than GitHub accepts throws `CommentTooLongError` without calling GitHub.
 */
export async function upsertStickyComment(options: UpsertStickyCommentOptions): Promise<StickyCommentResult> {
  const { api, owner, repo, issueNumber, key } = options;
  const marker = stickyMarker(key);
  const body = withMarker(options.body, key);
  const length = commentLength(body);
  if (length > MAX_COMMENT_LENGTH) throw new CommentTooLongError(length);
  const issue: IssueRef = { owner, repo, issueNumber };

  try {
    const me = (await api.whoAmI()) ?? options.fallbackAuthor ?? GITHUB_ACTIONS_BOT;
    const ours = (comments: IssueComment[], author: string) =>
      comments.filter((c) => c.author === author && c.body.includes(marker)).sort((a, b) => a.id - b.id);

    const existing = ours(await api.listComments(issue), me);
    const [oldest, ...extra] = existing;
    if (oldest) {
      for (const duplicate of extra) await deleteQuietly(api, issue, duplicate.id);
      if (sameBody(oldest.body, body)) return { url: oldest.url, action: 'unchanged' };
      const updated = await api.updateComment(issue, oldest.id, body);
      return { url: updated.url, action: 'updated' };
    }

    const created = await api.createComment(issue, body);
    // Another run may have created its own in the meantime. The created comment names the identity for certain
    // (whoever GET /user would not reveal), so the second look trusts its author.
    const author = created.author ?? me;
    const now = ours(await api.listComments(issue), author);
    const keep = now[0] && now[0].id < created.id ? now[0] : created;
    for (const other of now)
      if (other.id !== keep.id && other.id !== created.id) await deleteQuietly(api, issue, other.id);
    if (keep.id === created.id) return { url: created.url, action: 'created' };
    const kept = sameBody(keep.body, body) ? keep : await api.updateComment(issue, keep.id, body);
    await deleteQuietly(api, issue, created.id);
    return { url: kept.url, action: kept === keep ? 'unchanged' : 'updated' };
  } catch (error) {
    if (isPermissionDenied(error)) {
      return {
        url: '',
        action: 'skipped',
        reason:
          `GitHub refused to write the PR comment (403 ${githubMessage(error)}); ` +
          "a fork's pull request runs with a read-only token: post it from a workflow_run workflow instead",
      };
    }
    const tooLong = tooLongMessage(error);
    if (tooLong !== null) throw new CommentTooLongError(length, tooLong);
    throw error;
  }
}

interface RestComment {
  id: number;
  body?: string | null;
  user: { login: string } | null;
  html_url: string;
}

const toComment = (c: RestComment): IssueComment => ({
  id: c.id,
  body: c.body ?? '',
  author: c.user?.login ?? null,
  url: c.html_url,
});

/** The CommentsApi over the real REST API. */
export function octokitCommentsApi(octokit: GitHubClient): CommentsApi {
  return {
    async listComments({ owner, repo, issueNumber }) {
      const all = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      return all.map(toComment);
    },
    async createComment({ owner, repo, issueNumber }, body) {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body,
      });
      return toComment(data);
    },
    async updateComment({ owner, repo }, commentId, body) {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
      return toComment(data);
    },
    async deleteComment({ owner, repo }, commentId) {
      await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
    },
    async whoAmI() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch (error) {
        if (isPermissionDenied(error)) return null;
        throw error;
      }
    },
  };
}
