// The fixes of the Dockerfile's findings as GitHub suggestions in one pull-request review (`event: COMMENT`):
// only on lines the PR's diff shows (GitHub refuses a review comment outside the diff's hunks), only where the
// diff's text of those lines is the text that was linted. Run after run, the review comments image-guard wrote
// (hidden marker and the token's identity, as for the sticky comment) are kept, edited, or deleted when their
// finding is fixed; a new review is posted only for suggestions not already there.
import { parsePatch } from 'diff';
import type { Finding } from '../core/report.js';
import { escapeMessage, inlineCode } from '../render/markdown-escape.js';
import type { GitHubClient } from './client.js';
import {
  commentLength,
  GITHUB_ACTIONS_BOT,
  githubMessage,
  isHttpError,
  isPermissionDenied,
  MAX_COMMENT_LENGTH,
  normalizeKey,
  octokitCommentsApi,
} from './sticky-comment.js';

/**
 * At most this many new review comments per run. A review is one request whatever it holds, but every edit and
 * deletion is one more, and GitHub's secondary limits count content-creating requests (about 80 a minute); the
 * rest stay in the sticky comment.
 */
export const MAX_SUGGESTIONS = 20;

/** A fix as a replacement of whole lines of the Dockerfile (src/app/suggestions.ts makes them). */
export interface Suggestion {
  /** Stable while the same fixes apply to the same lines: `IG004+IG005@3-4`. */
  id: string;
  /** 1-based, inclusive; equal for a one-line suggestion. */
  startLine: number;
  line: number;
  /** The lines as they are now, without line endings: checked against the PR head's before posting. */
  original: string[];
  /** What the lines become. */
  replacement: string[];
  /** The findings the replacement fixes, by line. */
  findings: Finding[];
}

export interface PullRef {
  owner: string;
  repo: string;
  pullNumber: number;
}

export interface PullFile {
  filename: string;
  /** The unified diff's hunks; absent for a binary file or a diff too large for GitHub to show. */
  patch?: string;
}

export interface ReviewComment {
  id: number;
  body: string;
  author: string | null;
  path: string;
  /** The comment's last line on the PR's current diff; null when the comment is outdated. */
  line: number | null;
  startLine: number | null;
}

export interface NewReviewComment {
  path: string;
  body: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
}

/** The calls the suggestions need; one implementation talks to GitHub, tests may bring their own. */
export interface ReviewApi {
  listFiles(pull: PullRef): Promise<PullFile[]>;
  /** Every review comment of the PR, all pages. */
  listReviewComments(pull: PullRef): Promise<ReviewComment[]>;
  createReview(
    pull: PullRef,
    review: { commitId: string; body: string; comments: NewReviewComment[] },
  ): Promise<void>;
  updateReviewComment(pull: PullRef, commentId: number, body: string): Promise<void>;
  deleteReviewComment(pull: PullRef, commentId: number): Promise<void>;
  whoAmI(): Promise<string | null>;
}

/** The PR head's text of every line a review comment may sit on (RIGHT side: added and context lines). */
export interface DiffLines {
  /** Line number → its text and the hunk it is in. */
  lines: Map<number, { text: string; hunk: number }>;
}

/** Reads the `patch` of GET /pulls/{n}/files (hunks only, no file headers) with jsdiff's parser. */
export function commentableLines(patch: string | undefined): DiffLines {
  const lines = new Map<number, { text: string; hunk: number }>();
  if (!patch) return { lines };
  const [file] = parsePatch(patch.endsWith('\n') ? patch : `${patch}\n`);
  for (const [h, hunk] of (file?.hunks ?? []).entries()) {
    let at = hunk.newStart;
    for (const l of hunk.lines) {
      if (l.startsWith('+') || l.startsWith(' ')) lines.set(at++, { text: l.slice(1), hunk: h });
    }
  }
  return { lines };
}

/** True when every line of the suggestion is in one hunk of the diff and reads there as it was linted. */
export function onDiff(s: Suggestion, diff: DiffLines): boolean {
  const first = diff.lines.get(s.startLine);
  if (!first) return false;
  for (let n = s.startLine; n <= s.line; n++) {
    const l = diff.lines.get(n);
    if (!l || l.hunk !== first.hunk || l.text.replace(/\r$/, '') !== s.original[n - s.startLine])
      return false;
  }
  return true;
}

export function suggestionMarker(key: string, id: string): string {
  return `<!-- image-guard:suggestion key=${normalizeKey(key)} id=${normalizeKey(id)} -->`;
}

const markerPrefix = (key: string) => `<!-- image-guard:suggestion key=${normalizeKey(key)} id=`;

function idOf(body: string, key: string): string | null {
  const at = body.indexOf(markerPrefix(key));
  if (at < 0) return null;
  const rest = body.slice(at + markerPrefix(key).length);
  const end = rest.indexOf(' -->');
  return end < 0 ? null : rest.slice(0, end);
}

/** A fence longer than any backtick run in the text, so the suggestion cannot close it early. */
function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(2, ...lines.flatMap((l) => (l.match(/`+/g) ?? []).map((run) => run.length)));
  return '`'.repeat(longest + 1);
}

/** The review comment: marker, each finding with its advice, and the replacement as a suggestion block. */
export function suggestionBody(key: string, s: Suggestion): string {
  const fence = fenceFor(s.replacement);
  const findings = s.findings.map(
    (f) =>
      `**${f.rule} ${escapeMessage(f.name)}** (${f.severity}): ${escapeMessage(f.message)}${f.fix ? `\n\nFix: ${escapeMessage(f.fix)}` : ''}`,
  );
  return [
    suggestionMarker(key, s.id),
    ...findings.flatMap((f) => [f, '']),
    `${fence}suggestion`,
    ...s.replacement,
    fence,
    '',
    '<sub>image-guard: the change `image-guard lint --fix` makes, checked by a second lint.</sub>',
    '',
  ].join('\n');
}

const sameBody = (a: string, b: string) =>
  a.replace(/\r\n/g, '\n').trimEnd() === b.replace(/\r\n/g, '\n').trimEnd();

export interface SyncSuggestionsOptions extends PullRef {
  api: ReviewApi;
  /** The PR head commit the lines are those of. */
  headSha: string;
  /** The Dockerfile as the repository names it (`docker/Dockerfile`). */
  path: string;
  /** The sticky comment's key: several images in one PR keep their suggestions apart. */
  key: string;
  suggestions: readonly Suggestion[];
  fallbackAuthor?: string;
}

export interface SyncSuggestionsResult {
  action: 'done' | 'skipped';
  /** New review comments posted in this run's review. */
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Suggestions on lines the diff does not show (or not as linted), or over the limit: in the sticky comment. */
  offDiff: number;
  reason?: string;
}

async function deleteQuietly(api: ReviewApi, pull: PullRef, id: number): Promise<void> {
  try {
    await api.deleteReviewComment(pull, id);
  } catch (error) {
    if (!(isHttpError(error) && error.status === 404)) throw error; // a concurrent run deleted it first
  }
}

/**
 * Brings the PR's image-guard review comments for this key in line with the suggestions: one review with the
 * new ones (none when there are none), earlier ones edited in place or left alone, those of fixed findings (or
 * of lines the diff no longer shows) deleted. A 403 (a fork's read-only token, a token without
 * `pull-requests: write`) gives `skipped` with a one-line reason.
 */
export async function syncReviewSuggestions(options: SyncSuggestionsOptions): Promise<SyncSuggestionsResult> {
  const { api, owner, repo, pullNumber, headSha, path, key } = options;
  const pull: PullRef = { owner, repo, pullNumber };
  const result: SyncSuggestionsResult = {
    action: 'done',
    created: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    offDiff: 0,
  };
  try {
    const files = await api.listFiles(pull);
    const diff = commentableLines(files.find((f) => f.filename === path)?.patch);
    const wanted = new Map<string, { s: Suggestion; body: string }>();
    for (const s of options.suggestions) {
      const body = suggestionBody(key, s);
      if (!onDiff(s, diff) || commentLength(body) > MAX_COMMENT_LENGTH) result.offDiff++;
      else wanted.set(s.id, { s, body });
    }

    const me = (await api.whoAmI()) ?? options.fallbackAuthor ?? GITHUB_ACTIONS_BOT;
    const ours = (all: ReviewComment[]) =>
      all.filter((c) => c.author === me && idOf(c.body, key) !== null).sort((a, b) => a.id - b.id);
    const kept = new Set<string>();
    for (const c of ours(await api.listReviewComments(pull))) {
      const id = idOf(c.body, key)!;
      const w = wanted.get(id);
      const same =
        w &&
        !kept.has(id) &&
        c.path === path &&
        c.line === w.s.line &&
        (c.startLine ?? c.line) === w.s.startLine;
      if (!same) {
        await deleteQuietly(api, pull, c.id);
        result.deleted++;
        continue;
      }
      kept.add(id);
      if (sameBody(c.body, w.body)) result.unchanged++;
      else {
        await api.updateReviewComment(pull, c.id, w.body);
        result.updated++;
      }
    }

    const fresh = [...wanted.entries()].filter(([id]) => !kept.has(id)).map(([, w]) => w);
    const posted = fresh.slice(0, MAX_SUGGESTIONS);
    result.offDiff += fresh.length - posted.length;
    if (posted.length > 0) {
      await api.createReview(pull, {
        commitId: headSha,
        body: `image-guard suggests ${posted.length === 1 ? 'a fix' : `${posted.length} fixes`} for ${inlineCode(path, 200)}: each is the change \`image-guard lint --fix\` makes. The full report is in image-guard's comment.`,
        comments: posted.map(({ s, body }) => ({
          path,
          body,
          line: s.line,
          side: 'RIGHT' as const,
          ...(s.startLine < s.line ? { start_line: s.startLine, start_side: 'RIGHT' as const } : {}),
        })),
      });
      result.created = posted.length;
      // Two runs at once may both have posted: of ours with the same id, the oldest stays.
      const seen = new Set<string>();
      for (const c of ours(await api.listReviewComments(pull))) {
        const id = idOf(c.body, key)!;
        if (seen.has(id)) await deleteQuietly(api, pull, c.id);
        seen.add(id);
      }
    }
    return result;
  } catch (error) {
    if (isPermissionDenied(error)) {
      return {
        ...result,
        action: 'skipped',
        reason: `GitHub refused the review (403 ${githubMessage(error)}): the token needs pull-requests: write, which a fork's pull request does not get`,
      };
    }
    throw error;
  }
}

interface RestReviewComment {
  id: number;
  body: string;
  user: { login: string } | null;
  path: string;
  line?: number | null;
  start_line?: number | null;
}

/** The ReviewApi over the real REST API. */
export function octokitReviewApi(octokit: GitHubClient): ReviewApi {
  const pr = ({ owner, repo, pullNumber }: PullRef) => ({ owner, repo, pull_number: pullNumber });
  return {
    async listFiles(pull) {
      const all = await octokit.paginate(octokit.rest.pulls.listFiles, { ...pr(pull), per_page: 100 });
      return all.map((f) => ({ filename: f.filename, ...(f.patch === undefined ? {} : { patch: f.patch }) }));
    },
    async listReviewComments(pull) {
      const all = (await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        ...pr(pull),
        per_page: 100,
      })) as RestReviewComment[];
      return all.map((c) => ({
        id: c.id,
        body: c.body,
        author: c.user?.login ?? null,
        path: c.path,
        line: c.line ?? null,
        startLine: c.start_line ?? null,
      }));
    },
    async createReview(pull, review) {
      await octokit.rest.pulls.createReview({
        ...pr(pull),
        commit_id: review.commitId,
        event: 'COMMENT',
        body: review.body,
        comments: review.comments,
      });
    },
    async updateReviewComment({ owner, repo }, commentId, body) {
      await octokit.rest.pulls.updateReviewComment({ owner, repo, comment_id: commentId, body });
    },
    async deleteReviewComment({ owner, repo }, commentId) {
      await octokit.rest.pulls.deleteReviewComment({ owner, repo, comment_id: commentId });
    },
    whoAmI: () => octokitCommentsApi(octokit).whoAmI(),
  };
}
