import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  parsePatch
} from "./chunk-CDSK65MU.js";
import {
  GITHUB_ACTIONS_BOT,
  MAX_COMMENT_LENGTH,
  commentLength,
  githubMessage,
  isHttpError,
  isPermissionDenied,
  normalizeKey,
  octokitCommentsApi
} from "./chunk-YCOTHUAA.js";
import {
  escapeMessage,
  inlineCode
} from "./chunk-45SRNV5D.js";
import "./chunk-6S3NRT4R.js";

// src/github/review-suggestions.ts
var MAX_SUGGESTIONS = 20;
function commentableLines(patch) {
  const lines = /* @__PURE__ */ new Map();
  if (!patch) return { lines };
  const [file] = parsePatch(patch.endsWith("\n") ? patch : `${patch}
`);
  for (const [h, hunk] of (file?.hunks ?? []).entries()) {
    let at = hunk.newStart;
    for (const l of hunk.lines) {
      if (l.startsWith("+") || l.startsWith(" ")) lines.set(at++, { text: l.slice(1), hunk: h });
    }
  }
  return { lines };
}
function onDiff(s, diff) {
  const first = diff.lines.get(s.startLine);
  if (!first) return false;
  for (let n = s.startLine; n <= s.line; n++) {
    const l = diff.lines.get(n);
    if (!l || l.hunk !== first.hunk || l.text.replace(/\r$/, "") !== s.original[n - s.startLine])
      return false;
  }
  return true;
}
function suggestionMarker(key, id) {
  return `<!-- image-guard:suggestion key=${normalizeKey(key)} id=${normalizeKey(id)} -->`;
}
var markerPrefix = (key) => `<!-- image-guard:suggestion key=${normalizeKey(key)} id=`;
function idOf(body, key) {
  const at = body.indexOf(markerPrefix(key));
  if (at < 0) return null;
  const rest = body.slice(at + markerPrefix(key).length);
  const end = rest.indexOf(" -->");
  return end < 0 ? null : rest.slice(0, end);
}
function fenceFor(lines) {
  const longest = Math.max(2, ...lines.flatMap((l) => (l.match(/`+/g) ?? []).map((run) => run.length)));
  return "`".repeat(longest + 1);
}
function suggestionBody(key, s) {
  const fence = fenceFor(s.replacement);
  const findings = s.findings.map(
    (f) => `**${f.rule} ${escapeMessage(f.name)}** (${f.severity}): ${escapeMessage(f.message)}${f.fix ? `

Fix: ${escapeMessage(f.fix)}` : ""}`
  );
  return [
    suggestionMarker(key, s.id),
    ...findings.flatMap((f) => [f, ""]),
    `${fence}suggestion`,
    ...s.replacement,
    fence,
    "",
    "<sub>image-guard: the change `image-guard lint --fix` makes, checked by a second lint.</sub>",
    ""
  ].join("\n");
}
var sameBody = (a, b) => a.replace(/\r\n/g, "\n").trimEnd() === b.replace(/\r\n/g, "\n").trimEnd();
async function deleteQuietly(api, pull, id) {
  try {
    await api.deleteReviewComment(pull, id);
  } catch (error) {
    if (!(isHttpError(error) && error.status === 404)) throw error;
  }
}
async function syncReviewSuggestions(options) {
  const { api, owner, repo, pullNumber, headSha, path, key } = options;
  const pull = { owner, repo, pullNumber };
  const result = {
    action: "done",
    created: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    offDiff: 0
  };
  try {
    const files = await api.listFiles(pull);
    const diff = commentableLines(files.find((f) => f.filename === path)?.patch);
    const wanted = /* @__PURE__ */ new Map();
    for (const s of options.suggestions) {
      const body = suggestionBody(key, s);
      if (!onDiff(s, diff) || commentLength(body) > MAX_COMMENT_LENGTH) result.offDiff++;
      else wanted.set(s.id, { s, body });
    }
    const me = await api.whoAmI() ?? options.fallbackAuthor ?? GITHUB_ACTIONS_BOT;
    const ours = (all) => all.filter((c) => c.author === me && idOf(c.body, key) !== null).sort((a, b) => a.id - b.id);
    const kept = /* @__PURE__ */ new Set();
    for (const c of ours(await api.listReviewComments(pull))) {
      const id = idOf(c.body, key);
      const w = wanted.get(id);
      const same = w && !kept.has(id) && c.path === path && c.line === w.s.line && (c.startLine ?? c.line) === w.s.startLine;
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
        body: `image-guard suggests ${posted.length === 1 ? "a fix" : `${posted.length} fixes`} for ${inlineCode(path, 200)}: each is the change \`image-guard lint --fix\` makes. The full report is in image-guard's comment.`,
        comments: posted.map(({ s, body }) => ({
          path,
          body,
          line: s.line,
          side: "RIGHT",
          ...s.startLine < s.line ? { start_line: s.startLine, start_side: "RIGHT" } : {}
        }))
      });
      result.created = posted.length;
      const seen = /* @__PURE__ */ new Set();
      for (const c of ours(await api.listReviewComments(pull))) {
        const id = idOf(c.body, key);
        if (seen.has(id)) await deleteQuietly(api, pull, c.id);
        seen.add(id);
      }
    }
    return result;
  } catch (error) {
    if (isPermissionDenied(error)) {
      return {
        ...result,
        action: "skipped",
        reason: `GitHub refused the review (403 ${githubMessage(error)}): the token needs pull-requests: write, which a fork's pull request does not get`
      };
    }
    throw error;
  }
}
function octokitReviewApi(octokit) {
  const pr = ({ owner, repo, pullNumber }) => ({ owner, repo, pull_number: pullNumber });
  return {
    async listFiles(pull) {
      const all = await octokit.paginate(octokit.rest.pulls.listFiles, { ...pr(pull), per_page: 100 });
      return all.map((f) => ({ filename: f.filename, ...f.patch === void 0 ? {} : { patch: f.patch } }));
    },
    async listReviewComments(pull) {
      const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        ...pr(pull),
        per_page: 100
      });
      return all.map((c) => ({
        id: c.id,
        body: c.body,
        author: c.user?.login ?? null,
        path: c.path,
        line: c.line ?? null,
        startLine: c.start_line ?? null
      }));
    },
    async createReview(pull, review) {
      await octokit.rest.pulls.createReview({
        ...pr(pull),
        commit_id: review.commitId,
        event: "COMMENT",
        body: review.body,
        comments: review.comments
      });
    },
    async updateReviewComment({ owner, repo }, commentId, body) {
      await octokit.rest.pulls.updateReviewComment({ owner, repo, comment_id: commentId, body });
    },
    async deleteReviewComment({ owner, repo }, commentId) {
      await octokit.rest.pulls.deleteReviewComment({ owner, repo, comment_id: commentId });
    },
    whoAmI: () => octokitCommentsApi(octokit).whoAmI()
  };
}
export {
  MAX_SUGGESTIONS,
  commentableLines,
  octokitReviewApi,
  onDiff,
  suggestionBody,
  suggestionMarker,
  syncReviewSuggestions
};
