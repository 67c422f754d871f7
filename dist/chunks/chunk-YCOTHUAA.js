import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/github/sticky-comment.ts
var MAX_COMMENT_LENGTH = 65536;
var GITHUB_ACTIONS_BOT = "github-actions[bot]";
var CommentTooLongError = class extends Error {
  constructor(length, githubMessage2 = null) {
    const limit = MAX_COMMENT_LENGTH.toLocaleString("en-US");
    super(
      githubMessage2 === null ? `the PR comment is ${length.toLocaleString("en-US")} characters and GitHub accepts at most ${limit}: shrink it before posting (the job summary can hold the full report)` : `GitHub refused the PR comment as too long (422 ${githubMessage2}); image-guard counted ${length.toLocaleString("en-US")} characters of at most ${limit}`
    );
    this.length = length;
    this.githubMessage = githubMessage2;
  }
  length;
  githubMessage;
  name = "CommentTooLongError";
};
function isHttpError(error) {
  return typeof error === "object" && error !== null && typeof error.status === "number";
}
function githubMessage(error) {
  const data = error.response?.data;
  const text = typeof data?.message === "string" ? data.message : error.message;
  return text.split("\n")[0].replace(/ - https?:\/\/\S+$/, "");
}
function isPermissionDenied(error) {
  if (!isHttpError(error) || error.status !== 403) return false;
  const limited = /rate limit/i.test(error.message) || error.response?.headers?.["x-ratelimit-remaining"] === "0";
  return !limited;
}
function tooLongMessage(error) {
  if (!isHttpError(error) || error.status !== 422) return null;
  const data = error.response?.data;
  const messages = [...(data?.errors ?? []).map((e) => e.message ?? ""), error.message];
  return messages.find((m) => /too long/i.test(m)) ?? null;
}
function commentLength(body) {
  let n = 0;
  for (const _ of body) n++;
  return n;
}
function normalizeKey(key) {
  const cleaned = key.trim().replace(/[^A-Za-z0-9._:/@+=-]+/g, "_").replace(/-{2,}/g, "-");
  return cleaned || "default";
}
function stickyMarker(key) {
  return `<!-- image-guard:${normalizeKey(key)} -->`;
}
function withMarker(body, key) {
  const marker = stickyMarker(key);
  return body.includes(marker) ? body : `${marker}
${body}`;
}
var sameBody = (a, b) => a.replace(/\r\n/g, "\n").trimEnd() === b.replace(/\r\n/g, "\n").trimEnd();
async function deleteQuietly(api, repo, id) {
  try {
    await api.deleteComment(repo, id);
  } catch (error) {
    if (!(isHttpError(error) && error.status === 404)) throw error;
  }
}
async function upsertStickyComment(options) {
  const { api, owner, repo, issueNumber, key } = options;
  const marker = stickyMarker(key);
  const body = withMarker(options.body, key);
  const length = commentLength(body);
  if (length > MAX_COMMENT_LENGTH) throw new CommentTooLongError(length);
  const issue = { owner, repo, issueNumber };
  try {
    const me = await api.whoAmI() ?? options.fallbackAuthor ?? GITHUB_ACTIONS_BOT;
    const ours = (comments, author2) => comments.filter((c) => c.author === author2 && c.body.includes(marker)).sort((a, b) => a.id - b.id);
    const existing = ours(await api.listComments(issue), me);
    const [oldest, ...extra] = existing;
    if (oldest) {
      for (const duplicate of extra) await deleteQuietly(api, issue, duplicate.id);
      if (sameBody(oldest.body, body)) return { url: oldest.url, action: "unchanged" };
      const updated = await api.updateComment(issue, oldest.id, body);
      return { url: updated.url, action: "updated" };
    }
    const created = await api.createComment(issue, body);
    const author = created.author ?? me;
    const now = ours(await api.listComments(issue), author);
    const keep = now[0] && now[0].id < created.id ? now[0] : created;
    for (const other of now)
      if (other.id !== keep.id && other.id !== created.id) await deleteQuietly(api, issue, other.id);
    if (keep.id === created.id) return { url: created.url, action: "created" };
    const kept = sameBody(keep.body, body) ? keep : await api.updateComment(issue, keep.id, body);
    await deleteQuietly(api, issue, created.id);
    return { url: kept.url, action: kept === keep ? "unchanged" : "updated" };
  } catch (error) {
    if (isPermissionDenied(error)) {
      return {
        url: "",
        action: "skipped",
        reason: `GitHub refused to write the PR comment (403 ${githubMessage(error)}); a fork's pull request runs with a read-only token: post it from a workflow_run workflow instead`
      };
    }
    const tooLong = tooLongMessage(error);
    if (tooLong !== null) throw new CommentTooLongError(length, tooLong);
    throw error;
  }
}
var toComment = (c) => ({
  id: c.id,
  body: c.body ?? "",
  author: c.user?.login ?? null,
  url: c.html_url
});
function octokitCommentsApi(octokit) {
  return {
    async listComments({ owner, repo, issueNumber }) {
      const all = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100
      });
      return all.map(toComment);
    },
    async createComment({ owner, repo, issueNumber }, body) {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body
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
    }
  };
}

export {
  MAX_COMMENT_LENGTH,
  GITHUB_ACTIONS_BOT,
  CommentTooLongError,
  isHttpError,
  githubMessage,
  isPermissionDenied,
  commentLength,
  normalizeKey,
  stickyMarker,
  withMarker,
  upsertStickyComment,
  octokitCommentsApi
};
