import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  getExecOutput
} from "./chunk-35774WMP.js";
import {
  baseCommit
} from "./chunk-3HU7N3WQ.js";
import "./chunk-IIRAH6Y5.js";
import "./chunk-UH7RQI7X.js";
import "./chunk-6S3NRT4R.js";

// src/action/git.ts
function gitCli(cwd) {
  const git = async (args) => {
    const r = await getExecOutput("git", args, { cwd, ignoreReturnCode: true, silent: true });
    return { ok: r.exitCode === 0, out: `${r.stdout}${r.stderr}`.trim() };
  };
  const run = async (args) => {
    const r = await getExecOutput("git", [...args], { cwd, ignoreReturnCode: true, silent: true });
    return { ok: r.exitCode === 0, stdout: r.stdout };
  };
  return {
    baseCommit: (ref) => baseCommit(run, ref, "the base commit"),
    async hasCommit(sha) {
      return (await git(["cat-file", "-e", `${sha}^{commit}`])).ok;
    },
    async fetchCommit(sha) {
      return (await git(["fetch", "--no-tags", "--depth=1", "origin", sha])).ok;
    },
    async addWorktree(dir, sha) {
      const r = await git(["worktree", "add", "--detach", dir, sha]);
      if (!r.ok) throw new Error(`git worktree add failed: ${r.out.split("\n").pop()}`);
    },
    async removeWorktree(dir) {
      await git(["worktree", "remove", "--force", dir]);
      await git(["worktree", "prune"]);
    },
    async checkedOut() {
      const r = await run(["rev-parse", "--verify", "--quiet", "HEAD"]);
      const sha = r.stdout.trim();
      return r.ok && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
    }
  };
}
export {
  gitCli
};
