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
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
var HISTORY_AUTHOR = {
  GIT_AUTHOR_NAME: "github-actions[bot]",
  GIT_AUTHOR_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com",
  GIT_COMMITTER_NAME: "github-actions[bot]",
  GIT_COMMITTER_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com"
};
function gitComplaint(out) {
  const lines = out.split("\n").map((l) => l.trim()).filter((l) => l && !/^hint:/i.test(l) && !/failed to push some refs|^To \S+$|^Done$/i.test(l));
  const line = lines.find((l) => /^(fatal|remote|!|error)\b/i.test(l)) ?? lines.at(-1) ?? "no message";
  return line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, "$1***@").replace(/(authorization:\s*)(\S+\s+)?\S+/gi, "$1***");
}
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
    history: historyGit(cwd),
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
function historyGit(cwd) {
  const git = async (args, o = {}) => {
    const r = await getExecOutput("git", args, {
      cwd,
      ignoreReturnCode: true,
      silent: true,
      ...o.input !== void 0 ? { input: Buffer.from(o.input) } : {},
      // git's words in English, whatever the runner's locale: the history's warning quotes them.
      env: { ...process.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", ...o.env }
    });
    return { code: r.exitCode, stdout: r.stdout, out: `${r.stdout}${r.stderr}` };
  };
  let shallow;
  const keepShallow = async () => {
    const path = resolve(cwd, (await git(["rev-parse", "--git-path", "shallow"])).stdout.trim());
    return { path, text: await readFile(path, "utf8").catch(() => null) };
  };
  const must = async (what, args, o = {}) => {
    const r = await git(args, o);
    if (r.code !== 0) throw new Error(`git ${what} failed: ${gitComplaint(r.out)}`);
    return r.stdout.trim();
  };
  return {
    async remoteTip(branch) {
      const r = await git(["ls-remote", "--exit-code", "--heads", "origin", `refs/heads/${branch}`]);
      if (r.code === 2) return null;
      if (r.code !== 0) throw new Error(`git ls-remote failed: ${gitComplaint(r.out)}`);
      return r.stdout.trim().split(/\s+/)[0] ?? null;
    },
    async fetchInto(branch, ref) {
      shallow ??= await keepShallow();
      await must("fetch", [
        "fetch",
        "--no-tags",
        "--no-write-fetch-head",
        "--depth=1",
        "origin",
        `+refs/heads/${branch}:${ref}`
      ]);
      return must("rev-parse", ["rev-parse", "--verify", `${ref}^{commit}`]);
    },
    async readFile(commit, path) {
      const r = await git(["cat-file", "blob", `${commit}:${path}`]);
      return r.code === 0 ? r.stdout : null;
    },
    async treeLines(commit) {
      return (await must("ls-tree", ["ls-tree", commit])).split("\n").filter(Boolean);
    },
    async commitFile(o) {
      const blob = await must("hash-object", ["hash-object", "-w", "--stdin"], { input: o.text });
      const entries = o.tree.filter((l) => l.split("	")[1] !== o.path);
      entries.push(`100644 blob ${blob}	${o.path}`);
      const tree = await must("mktree", ["mktree"], { input: `${entries.join("\n")}
` });
      return must(
        "commit-tree",
        ["commit-tree", tree, ...o.parent ? ["-p", o.parent] : [], "-m", o.message],
        { env: HISTORY_AUTHOR }
      );
    },
    async push(commit, branch) {
      const r = await git(["push", "--no-verify", "origin", `${commit}:refs/heads/${branch}`]);
      return r.code === 0 ? null : gitComplaint(r.out);
    },
    async deleteRef(ref) {
      await git(["update-ref", "-d", ref]);
      if (shallow) {
        const kept = shallow;
        shallow = void 0;
        if (kept.text === null) await rm(kept.path, { force: true });
        else await writeFile(kept.path, kept.text);
      }
    }
  };
}
export {
  gitCli,
  gitComplaint
};
