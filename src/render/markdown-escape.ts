// Everything that comes from a Dockerfile, a build log, a file name or a command is untrusted text in a PR
// comment: it must not break the table it sits in, inject HTML, open a link, or @-mention anybody.

const ZWSP = '&#8203;';

/** Plain text for a Markdown paragraph or table cell: every Markdown and HTML character is neutralised. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/(https?|ftp):\/\//gi, `$1:/${ZWSP}/`);
}

/**
 * Text as inline code, safe in a table cell: a fence longer than any backtick run inside, pipes escaped
 * (GitHub splits table cells on `|` even inside code), newlines folded, and cut to `max` characters.
 */
export function inlineCode(text: string, max = 120): string {
  let s = text.replace(/\r?\n|\r/g, ' ');
  if (s.length > max) s = `${s.slice(0, max - 1)}…`;
  s = s.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * A message from the rules (which quote the Dockerfile with backticks) made safe: the text between backtick
 * pairs is kept as code, everything else is escaped.
 */
export function escapeMessage(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(message);
  return parts.map((part, i) => (i % 2 === 1 ? inlineCode(part, 200) : escapeMarkdown(part))).join('');
}

/** Text inside an HTML element such as `<summary>`, where Markdown is not parsed but HTML is. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, `@${ZWSP}`);
}
