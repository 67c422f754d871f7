import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/core/terminal-escape.ts
var UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
var UNSAFE_ALL = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function escapeOne(ch) {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.codePointAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function escapeTerminal(text) {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeOne) : text;
}

// src/image/tar-paths.ts
import { posix } from "node:path";
var UnsafePathError = class extends Error {
};
function normalizeMemberPath(raw) {
  if (raw.startsWith("/")) return fromRoot(raw);
  return clean(raw, raw);
}
function fromRoot(raw) {
  const normalized = posix.normalize(raw);
  let start = 0;
  while (normalized[start] === "/") start++;
  let end = normalized.length;
  while (end > start && normalized[end - 1] === "/") end--;
  return normalized.slice(start, end);
}
function normalizeHardlinkTarget(target) {
  return clean(target.replace(/^\/+/, ""), target);
}
function checkSymlinkTarget(memberPath, target) {
  if (target.startsWith("/")) return;
  const dir = posix.dirname(memberPath);
  const joined = posix.normalize(`${dir === "." ? "" : `${dir}/`}${target}`);
  if (joined === ".." || joined.startsWith("../")) {
    throw new UnsafePathError(`symlink "${memberPath}" -> "${target}" points outside the image root`);
  }
}
var NEEDS_CLEANING = /(^|\/)\.{1,2}(\/|$)|\/\/|^\/|\/$/;
function clean(path, original) {
  if (path === "" || path === "." || path === "./") return "";
  if (!NEEDS_CLEANING.test(path)) return path;
  const normalized = posix.normalize(path);
  if (normalized === ".." || normalized.startsWith("../")) {
    throw new UnsafePathError(`path "${original}" leaves the image root`);
  }
  if (normalized === "." || normalized === "./") return "";
  return normalized.endsWith("/") ? normalized.slice(0, -1) : normalized;
}
var WHITEOUT_PREFIX = ".wh.";
var OPAQUE_MARKER = ".wh..wh..opq";

export {
  escapeTerminal,
  UnsafePathError,
  normalizeMemberPath,
  normalizeHardlinkTarget,
  checkSymlinkTarget,
  WHITEOUT_PREFIX,
  OPAQUE_MARKER
};
