import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  rootedPath
} from "./chunk-24J7FLEC.js";

// src/image/tar-paths.ts
import { posix } from "node:path";
var UnsafePathError = class extends Error {
};
function normalizeMemberPath(raw) {
  if (raw.startsWith("/")) return rootedPath(raw);
  return clean(raw, raw);
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
  UnsafePathError,
  normalizeMemberPath,
  normalizeHardlinkTarget,
  checkSymlinkTarget,
  WHITEOUT_PREFIX,
  OPAQUE_MARKER
};
