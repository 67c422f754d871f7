import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  formatBytes
} from "./chunk-IIRAH6Y5.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";

// src/app/base-commit.ts
import { isAbsolute, posix, relative, sep } from "node:path";
async function baseCommit(git, ref, what) {
  if (ref.startsWith("-")) throw new UserError(`${what} ${JSON.stringify(ref)} is not a commit`);
  const resolved = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  const sha = resolved.stdout.trim();
  if (!resolved.ok || !/^[0-9a-f]{40,64}$/.test(sha))
    throw new UserError(
      `${what} ${JSON.stringify(ref)} is no commit of this checkout: fetch it (actions/checkout with fetch-depth: 0, or git fetch) or name another`
    );
  return {
    label: sha.slice(0, 7),
    read: (path, maxBytes) => readBlob(git, sha, path, maxBytes)
  };
}
async function readBlob(git, sha, path, maxBytes) {
  const listed = await git(["ls-tree", "-z", sha, "--", path]);
  if (!listed.ok) return { kind: "missing" };
  const entry = listed.stdout.split("\0").find((e) => e.includes("	"));
  if (!entry) return { kind: "missing" };
  const [mode, type, object] = entry.slice(0, entry.indexOf("	")).split(" ");
  if (type === "tree") return { kind: "refused", why: "a directory" };
  if (mode === "120000") return { kind: "refused", why: "a symbolic link" };
  if (type !== "blob" || !object || !/^[0-9a-f]+$/.test(object))
    return { kind: "refused", why: "not a file" };
  const size = Number((await git(["cat-file", "-s", object])).stdout.trim());
  if (!Number.isFinite(size)) return { kind: "missing" };
  if (size > maxBytes)
    return { kind: "refused", why: `${formatBytes(size)}, more than the ${formatBytes(maxBytes)} read` };
  const blob = await git(["cat-file", "blob", object]);
  return blob.ok ? { kind: "file", text: blob.stdout } : { kind: "missing" };
}
function gitPath(path, dir) {
  const rel = posix.normalize((isAbsolute(path) ? relative(dir, path) : path).split(sep).join("/"));
  if (rel === ".." || rel.startsWith("../") || isAbsolute(rel))
    throw new UserError(
      `${path} is outside ${dir}: to be read at the base commit it must be a file of the repository`
    );
  return rel;
}

export {
  baseCommit,
  gitPath
};
