import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/core/rooted-path.ts
import { posix } from "node:path";
function rootedPath(path) {
  const normalized = posix.normalize(`/${path}`);
  let start = 0;
  while (normalized[start] === "/") start++;
  let end = normalized.length;
  while (end > start && normalized[end - 1] === "/") end--;
  return normalized.slice(start, end);
}

export {
  rootedPath
};
