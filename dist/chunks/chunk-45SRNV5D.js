import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/render/markdown-escape.ts
var ZWSP = "&#8203;";
function escapeMarkdown(text) {
  return text.replace(/\r?\n|\r/g, " ").replace(/[\\`*_{}[\]()#+!|~>]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/@/g, `@${ZWSP}`).replace(/(https?|ftp):\/\//gi, `$1:/${ZWSP}/`);
}
function inlineCode(text, max = 120) {
  let s = text.replace(/\r?\n|\r/g, " ");
  if (s.length > max) s = `${s.slice(0, max - 1)}\u2026`;
  s = s.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = s.startsWith("`") || s.endsWith("`") || s.startsWith(" ") ? " " : "";
  return `${fence}${pad}${s}${pad}${fence}`;
}
function escapeMessage(message) {
  const parts = message.split("`");
  if (parts.length % 2 === 0) return escapeMarkdown(message);
  return parts.map((part, i) => i % 2 === 1 ? inlineCode(part, 200) : escapeMarkdown(part)).join("");
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/@/g, `@${ZWSP}`);
}

export {
  escapeMarkdown,
  inlineCode,
  escapeMessage,
  escapeHtml
};
