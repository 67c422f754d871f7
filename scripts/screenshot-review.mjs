// The page `npm run screenshot -- --review REVIEW.json` photographs: a pull-request review image-guard posted, as
// GitHub shows it to a reviewer in the conversation. REVIEW.json is what scripts/suggestion-request.mjs records:
// the body of POST /repos/{owner}/{repo}/pulls/{n}/reviews and the diff (`patch`) of the files it comments on.
// Each comment is drawn as GitHub draws a review thread: the file's name, the last lines of the diff hunk up to
// the commented line, the comment's Markdown (marked, as for the PR comment), and its ```suggestion block as a
// "Suggested change": the commented lines (from the diff) in red, the suggested ones in green, words that
// changed marked darker, a "Commit suggestion" button under it.
import { diffArrays } from 'diff';
import { Marked } from 'marked';

/** The hunk lines GitHub shows above a review comment: this many, ending at the commented line. */
const HUNK_LINES = 4;

const escapeHtml = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

/** A unified diff's hunks (GitHub's `patch`: no file headers) as rows with old and new line numbers. */
export function diffRows(patch) {
  const rows = [];
  let oldAt = 0;
  let newAt = 0;
  for (const line of (patch ?? '').split('\n')) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (header) {
      oldAt = Number(header[1]);
      newAt = Number(header[2]);
      rows.push({ kind: 'hunk', old: null, new: null, text: line });
    } else if (line.startsWith('+')) rows.push({ kind: 'add', old: null, new: newAt++, text: line.slice(1) });
    else if (line.startsWith('-')) rows.push({ kind: 'del', old: oldAt++, new: null, text: line.slice(1) });
    else if (line.startsWith(' '))
      rows.push({ kind: 'ctx', old: oldAt++, new: newAt++, text: line.slice(1) });
  }
  return rows;
}

/** A Dockerfile line coloured as GitHub's highlighter does: comments grey, instructions red, strings blue. */
function highlight(text) {
  if (/^\s*#/.test(text)) return `<span class="pl-c">${escapeHtml(text)}</span>`;
  const m = /^(\s*)([A-Za-z]+)(\s.*|$)/.exec(text);
  const rest = (s) =>
    s
      .split(/("(?:[^"\\]|\\.)*")/)
      .map((part, i) => (i % 2 === 1 ? `<span class="pl-s">${escapeHtml(part)}</span>` : escapeHtml(part)))
      .join('');
  if (!m) return rest(text);
  return `${m[1]}<span class="pl-k">${escapeHtml(m[2])}</span>${rest(m[3])}`;
}

/** The cells of one diff row: two line-number columns, the marker and the code. */
function row(kind, old, now, html) {
  const mark = { add: '+', del: '-', ctx: ' ' }[kind] ?? '';
  if (kind === 'hunk')
    return `<tr class="hunk"><td class="num"></td><td class="num"></td><td class="code" colspan="2">${html}</td></tr>`;
  return `<tr class="${kind}"><td class="num">${old ?? ''}</td><td class="num">${now ?? ''}</td><td class="mark">${mark}</td><td class="code">${html || ' '}</td></tr>`;
}

/** The diff hunk above a comment: the rows up to its last line, at least its own lines. */
function hunkExcerpt(rows, comment) {
  const end = rows.findIndex((r) => r.new === comment.line && r.kind !== 'del');
  if (end < 0) throw new Error(`line ${comment.line} of ${comment.path} is not on the diff`);
  const first = comment.start_line ?? comment.line;
  let start = rows.findIndex((r) => r.new === first && r.kind !== 'del');
  start = Math.max(0, Math.min(start, end - (HUNK_LINES - 1)));
  // a hunk header inside the window stays only when it is the window's first row
  return rows.slice(start, end + 1).filter((r, i) => r.kind !== 'hunk' || i === 0);
}

/** A line as words and the spaces between them: `--no-cache-dir` stays one word. */
const words = (line) => line.split(/(\s+)/).filter((w) => w !== '');

/** Removed and suggested line with the words that differ wrapped, as GitHub marks them. */
function wordDiff(before, after) {
  let del = '';
  let add = '';
  for (const part of diffArrays(words(before), words(after))) {
    const text = escapeHtml(part.value.join(''));
    if (part.removed) del += `<span class="x">${text}</span>`;
    else if (part.added) add += `<span class="x">${text}</span>`;
    else {
      del += text;
      add += text;
    }
  }
  return [del, add];
}

/** GitHub's "Suggested change" box: the commented lines (from the diff) going, the suggestion's lines coming. */
function suggestedChange(original, replacement, firstLine) {
  const paired = original.length === replacement.length;
  const marked = paired ? original.map((line, i) => wordDiff(line, replacement[i])) : null;
  const rows = [
    ...original.map((line, i) => row('del', firstLine + i, null, marked ? marked[i][0] : escapeHtml(line))),
    ...replacement.map((line, i) =>
      row('add', null, firstLine + i, marked ? marked[i][1] : escapeHtml(line)),
    ),
  ];
  return `<div class="suggestion">
  <div class="suggestion-head">Suggested change</div>
  <table class="diff">${rows.join('')}</table>
  <div class="suggestion-foot"><span class="btn">Commit suggestion <span class="caret">▾</span></span><span class="btn">Add suggestion to batch</span></div>
</div>`;
}

/** A comment's Markdown with its suggestion blocks drawn against the lines it comments on. */
function commentHtml(comment, rows) {
  const first = comment.start_line ?? comment.line;
  const original = [];
  for (let n = first; n <= comment.line; n++) {
    const r = rows.find((x) => x.new === n && x.kind !== 'del');
    original.push(r ? r.text : '');
  }
  const markdown = new Marked({
    gfm: true,
    renderer: {
      code(token) {
        if (token.lang !== 'suggestion') return false; // marked's own rendering
        const lines = token.text === '' ? [] : token.text.split('\n');
        return suggestedChange(original, lines, first);
      },
    },
  });
  return markdown.parse(comment.body, { async: false });
}

const AVATAR = '<span class="avatar">▶</span>';
const AUTHOR = '<span class="author">github-actions</span><span class="bot">bot</span>';

function thread(comment, files) {
  const file = files.find((f) => f.filename === comment.path);
  if (!file) throw new Error(`the review comments on ${comment.path}, which the recorded diff does not hold`);
  const rows = diffRows(file.patch);
  const excerpt = hunkExcerpt(rows, comment).map((r) =>
    row(r.kind, r.old, r.new, r.kind === 'hunk' ? escapeHtml(r.text) : highlight(r.text)),
  );
  return `<div class="thread">
  <div class="file"><span class="path">${escapeHtml(comment.path)}</span></div>
  <table class="diff hunk-lines">${excerpt.join('')}</table>
  <div class="thread-comment">
    <div class="comment-head">${AVATAR}${AUTHOR}<span class="muted">now</span></div>
    <div class="markdown-body">${commentHtml(comment, rows)}</div>
  </div>
  <div class="thread-foot"><span class="reply">Reply...</span><span class="btn">Resolve conversation</span></div>
</div>`;
}

const STYLE = `
  .review-head { display: flex; align-items: center; gap: 8px; margin: 0 0 8px; color: #59636e; }
  .review-body { padding: 8px 16px; margin-bottom: 16px; }
  .muted { color: #59636e; }
  .thread { border: 1px solid #d1d9e0; border-radius: 6px; margin: 0 0 16px; overflow: hidden; }
  .file { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0;
    font: 12px/1.5 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
  .path { font-weight: 600; color: #1f2328; }
  table.diff { display: table; width: 100%; border-collapse: collapse; margin: 0; table-layout: fixed;
    font: 12px/20px ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
  table.diff td { border: 0; padding: 0 10px; white-space: pre-wrap; overflow-wrap: anywhere; vertical-align: top; }
  table.diff tr { border: 0; background: #ffffff; }
  table.diff td.num { width: 50px; text-align: right; color: #59636e; white-space: nowrap; }
  table.diff td.mark { width: 22px; padding: 0 0 0 10px; }
  table.diff tr.add { background: #dafbe1; }
  table.diff tr.add td.num { background: #aceebb; color: #1f2328; }
  table.diff tr.del { background: #ffebe9; }
  table.diff tr.del td.num { background: #ffcecb; color: #1f2328; }
  table.diff tr.hunk { background: #ddf4ff; color: #59636e; }
  table.diff tr.hunk td.num { background: #b6e3ff; }
  table.diff tr.add .x { background: #aceebb; border-radius: 3px; }
  table.diff tr.del .x { background: rgba(255, 129, 130, .4); border-radius: 3px; }
  .pl-c { color: #59636e; }
  .pl-k { color: #cf222e; }
  .pl-s { color: #0a3069; }
  .thread-comment { border-top: 1px solid #d1d9e0; padding: 16px 16px 0; }
  .thread-comment .comment-head { display: flex; align-items: center; gap: 8px; margin-bottom: 4px; }
  .thread-comment .markdown-body { padding: 0 0 16px 28px; }
  .suggestion { border: 1px solid #d1d9e0; border-radius: 6px; margin: 0 0 16px; overflow: hidden; }
  .suggestion-head { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; font-size: 12px;
    color: #59636e; }
  .suggestion-foot { display: flex; gap: 8px; padding: 8px 16px; background: #f6f8fa; border-top: 1px solid #d1d9e0; }
  .btn { display: inline-block; padding: 3px 12px; font-size: 12px; line-height: 20px; font-weight: 500; color: #25292e;
    background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; box-shadow: 0 1px 0 rgba(31, 35, 40, .04); }
  .suggestion-foot .btn:first-child { background: #ffffff; }
  .caret { font-size: 10px; color: #59636e; }
  .thread-foot { display: flex; gap: 8px; align-items: center; padding: 8px 16px; background: #f6f8fa;
    border-top: 1px solid #d1d9e0; }
  .reply { flex: 1; padding: 5px 12px; background: #ffffff; border: 1px solid #d1d9e0; border-radius: 6px;
    color: #59636e; }
`;

/**
 * The review as HTML for the page's body, and its extra style. Throws for a review that does not hold together
 * (a comment on a file or line its recorded diff lacks): GitHub would have refused it.
 */
export function reviewHtml(review) {
  const body = review?.request?.body;
  if (!body || !Array.isArray(body.comments) || !Array.isArray(review.files))
    throw new Error(
      'not a recorded review: expected request.body.comments and files (scripts/suggestion-request.mjs writes one)',
    );
  const reviewBody = body.body ? new Marked({ gfm: true }).parse(body.body, { async: false }) : '';
  const html = `<div class="review-head">${AVATAR}${AUTHOR}<span>reviewed</span></div>
${reviewBody ? `<div class="comment"><div class="markdown-body review-body">${reviewBody}</div></div><div style="height:16px"></div>` : ''}
${body.comments.map((c) => thread(c, review.files)).join('\n')}`;
  return { html, style: STYLE };
}
