import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import "./chunk-6S3NRT4R.js";

// src/cli/git.ts
import { execFile } from "node:child_process";
function gitIn(cwd) {
  return (args) => new Promise((done) => {
    execFile(
      "git",
      [...args],
      { cwd, maxBuffer: 8 * 1024 * 1024, encoding: "utf8" },
      (error, stdout) => done({ ok: !error, stdout: stdout ?? "" })
    );
  });
}
export {
  gitIn
};
