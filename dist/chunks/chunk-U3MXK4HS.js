import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  VERSION
} from "./chunk-BKVAAZPZ.js";

// src/cache/code-fingerprint.ts
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
var memo;
var entry;
function setCodeEntry(url) {
  entry = url;
  memo = void 0;
}
function codeFingerprint(moduleUrl = entry ?? import.meta.url) {
  const own = moduleUrl === (entry ?? import.meta.url);
  if (memo !== void 0 && own) return memo;
  let result = null;
  try {
    const file = fileURLToPath(moduleUrl);
    if (file.endsWith(".js") || file.endsWith(".mjs")) {
      const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
      result = `${VERSION}+${hash}`;
    }
  } catch {
    result = null;
  }
  if (own) memo = result;
  return result;
}

export {
  setCodeEntry,
  codeFingerprint
};
