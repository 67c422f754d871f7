import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  DEFAULT_PLATFORM,
  GraphError,
  RULES,
  buildStageGraph,
  cleanPath,
  createContext,
  expandText,
  graphOf,
  hasFromFlag,
  isPlatform,
  isWholeContextCopy,
  npmInstall,
  optionValues,
  parseDockerfile,
  pipInstallArgs,
  removedAgain,
  toolingInstall,
  uvCommand
} from "./chunk-JBCH6BUI.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";

// src/lint/final-steps.ts
var LAYER_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
var WHOLE = /* @__PURE__ */ new Set([".", "./"]);
function bareName(spec) {
  return spec.replace(/:[a-z0-9]+$/, "").split(/[=<>~!;[ ]/)[0].toLowerCase();
}
function joinPath(dir, path) {
  return cleanPath(path.startsWith("/") ? path : `${dir}/${path}`);
}
function finalSteps(ctx) {
  if (!ctx.graph) return null;
  const g = graphOf(ctx);
  const steps = [];
  let workdir = null;
  let shell = null;
  const lockfiles = /* @__PURE__ */ new Map();
  for (const stage of g.lineage) {
    for (const instr of stage.body) {
      const vars = ctx.vars(stage, instr);
      const expand = (text) => expandText(text, vars.lookup, ctx.parsed.escape);
      if (instr.keyword === "WORKDIR") {
        const dir = expand(instr.args.trim());
        workdir = dir === null || dir === "" ? null : dir.startsWith("/") ? cleanPath(dir) : workdir && joinPath(workdir, dir);
        continue;
      }
      if (instr.keyword === "SHELL" && instr.json?.length) shell = instr.json;
      if (!LAYER_KEYWORDS.has(instr.keyword)) continue;
      const keyword = instr.keyword;
      if (keyword === "RUN") {
        const step = { ...runStep(ctx, instr, shell), line: instr.line, keyword };
        if (workdir && ctx.run(instr).commands.some(installsAll))
          step.npm = { workdir, lockfile: lockfiles.get(workdir) ?? null };
        steps.push(step);
        continue;
      }
      const sources = ctx.sources(instr);
      const words = instr.json ?? instr.args.split(/\s+/).filter(Boolean);
      const rawDest = instr.heredocs.length === 0 ? words[words.length - 1] : void 0;
      const dest = rawDest === void 0 ? null : expand(rawDest);
      const destination = dest === null || dest.includes("$") ? null : dest.startsWith("/") ? cleanPath(dest) : workdir && joinPath(workdir, dest);
      if (destination && !hasFromFlag(instr)) {
        const lock = lockfileCopied(ctx, sources);
        if (lock) lockfiles.set(destination, lock);
        else lockfiles.delete(destination);
      }
      steps.push({
        line: instr.line,
        keyword,
        recorded: dest === null || instr.heredocs.length > 0 ? null : copyRecorded(instr, sources, dest),
        destination,
        wholeContext: isWholeContextCopy(ctx, instr) && sources.every((s) => WHOLE.has(s)),
        tooling: [],
        cacheDirs: []
      });
    }
  }
  return { steps, heavy: ctx.context?.heavy ?? [] };
}
function installsAll(cmd) {
  const npm = npmInstall(cmd);
  return npm !== null && (npm.kind === "ci" || npm.packages.length === 0);
}
function lockfileCopied(ctx, sources) {
  const known = ctx.context;
  if (!known) return null;
  for (const raw of sources) {
    const s = raw.replace(/^(\.\/)+/, "");
    const dir = s === "" || s === "." || known.dirs.has(s.replace(/\/+$/, "")) ? s.replace(/\/+$/, "").replace(/^\.$/, "") : null;
    let candidate = null;
    if (dir !== null) candidate = dir ? `${dir}/package-lock.json` : "package-lock.json";
    else {
      const slash = s.lastIndexOf("/");
      const base = s.slice(slash + 1);
      if (["package-lock.json", "package*.json", "*.json", "package-*.json", "*"].includes(base))
        candidate = `${s.slice(0, slash + 1)}package-lock.json`;
    }
    if (candidate && known.files.includes(candidate)) return candidate;
  }
  return null;
}
function copyRecorded(instr, sources, dest) {
  const flags = instr.flags.map((f) => f.value === null ? `--${f.name}` : `--${f.name}=${f.value}`).join(" ");
  const k = instr.keyword;
  const plain = `${k} ${sources.join(" ")} ${dest}`;
  return [
    plain,
    `${k} ${flags} ${sources.join(" ")} ${dest}`,
    `${k} ${instr.args}`,
    ...["file", "dir", "multi"].map((kind) => `${k} ${kind}:\u2026 in ${dest}`)
  ];
}
function runStep(ctx, instr, shell) {
  const { commands } = ctx.run(instr);
  const tooling = [];
  const cacheDirs = /* @__PURE__ */ new Set();
  commands.forEach((cmd, k) => {
    const install = toolingInstall(cmd);
    if (install) {
      const removed = removedAgain(install, commands.slice(k + 1));
      const left = install.packages.filter((p) => !removed.has(p)).map(bareName);
      if (left.length) tooling.push({ manager: install.manager, packages: left });
    }
    const pip = pipInstallArgs(cmd);
    const uv = uvCommand(cmd);
    const dirs = [
      ...pip ? optionValues(pip.options, "--cache-dir") : [],
      ...uv ? optionValues(uv.options, "--cache-dir") : [],
      cmd.env.PIP_CACHE_DIR,
      cmd.env.UV_CACHE_DIR
    ];
    for (const d of dirs) if (d?.startsWith("/")) cacheDirs.add(cleanPath(d));
  });
  for (const key of ["PIP_CACHE_DIR", "UV_CACHE_DIR"]) {
    const v = ctx.vars(graphOf(ctx).final, instr).get(key);
    if (v?.startsWith("/")) cacheDirs.add(cleanPath(v));
  }
  return {
    recorded: runRecorded(instr, shell),
    destination: null,
    wholeContext: false,
    tooling,
    cacheDirs: [...cacheDirs]
  };
}
function runRecorded(instr, shell) {
  if (instr.heredocs.length > 0) return null;
  if (instr.json) {
    const joined = instr.json.join(" ");
    const viaSh = instr.json[0] === "/bin/sh" && instr.json[1] === "-c";
    return [`RUN ${joined}`, joined, ...viaSh ? [`RUN ${instr.json.slice(2).join(" ")}`] : []];
  }
  if (!shell) return [`RUN ${instr.args}`];
  return [`RUN ${shell.join(" ")} ${instr.args}`, `${shell.join(" ")} ${instr.args}`, `RUN ${instr.args}`];
}

// src/lint/engine.ts
var IGNORE = /^image-guard\s+ignore=([A-Za-z0-9_,\s]+)$/i;
var IGNORE_FILE = /^image-guard\s+ignore-file=([A-Za-z0-9_,\s]+)$/i;
function ids(list) {
  return list.split(/[,\s]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
}
function inlineIgnores(parsed) {
  const file = /* @__PURE__ */ new Set();
  const commentAt = /* @__PURE__ */ new Map();
  for (const c of parsed.comments) {
    commentAt.set(c.line, c.text);
    const m = IGNORE_FILE.exec(c.text.trim());
    if (m) for (const id of ids(m[1])) file.add(id);
  }
  const byLine = /* @__PURE__ */ new Map();
  for (const instr of parsed.instructions) {
    for (let l = instr.line - 1; commentAt.has(l); l--) {
      const m = IGNORE.exec(commentAt.get(l).trim());
      if (!m) continue;
      const set = byLine.get(instr.line) ?? /* @__PURE__ */ new Set();
      for (const id of ids(m[1])) set.add(id);
      byLine.set(instr.line, set);
    }
  }
  return { byLine, file };
}
function inlineIgnoreList(text) {
  const parsed = parseDockerfile(text);
  const out = [];
  const commentAt = /* @__PURE__ */ new Map();
  for (const c of parsed.comments) {
    commentAt.set(c.line, c.text);
    const m = IGNORE_FILE.exec(c.text.trim());
    if (m) for (const rule of ids(m[1])) out.push({ rule, scope: "file", line: c.line, instruction: "" });
  }
  for (const instr of parsed.instructions) {
    for (let l = instr.line - 1; commentAt.has(l); l--) {
      const m = IGNORE.exec(commentAt.get(l).trim());
      if (!m) continue;
      for (const rule of ids(m[1]))
        out.push({ rule, scope: "instruction", line: l, instruction: instr.text });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
function lint(text, context, options = {}) {
  return lintResult(text, context, options).findings;
}
function lintResult(text, context, options = {}) {
  const parsed = parseDockerfile(text);
  const problems = [...options.readProblems ?? [], ...parsed.problems];
  let graph = null;
  try {
    if (options.platform !== void 0 && !isPlatform(options.platform)) {
      throw new UserError(
        `--platform: write os/arch[/variant], e.g. linux/arm64 (got "${options.platform}")`
      );
    }
    const built = buildStageGraph(parsed, options.target, options.platform ?? DEFAULT_PLATFORM);
    graph = built.graph;
    problems.push(...built.problems);
  } catch (error) {
    if (error instanceof GraphError) throw new UserError(error.message);
    throw error;
  }
  if (options.target !== void 0 && graph === null) {
    throw new UserError(`no stage named "${options.target}": the Dockerfile has no FROM`);
  }
  const ctx = {
    ...createContext(parsed, graph, problems, context, options.dockerfileName ?? "Dockerfile"),
    buildContexts: new Set((options.buildContexts ?? []).map((n) => n.toLowerCase()))
  };
  for (const stage of graph?.stages ?? []) {
    const last = stage.body[stage.body.length - 1];
    if (last && graph.built.has(stage)) ctx.vars(stage, last);
  }
  const rules = options.rules ?? RULES;
  const config = options.config;
  const { byLine, file: fileIgnores } = inlineIgnores(parsed);
  const configIgnores = new Set(config?.ignore ?? []);
  const findings = [];
  const seen = /* @__PURE__ */ new Set();
  for (const rule of rules) {
    if (graph === null && rule.id !== "IG000") continue;
    if (configIgnores.has(rule.id) || fileIgnores.has(rule.id)) continue;
    const override = config?.severity[rule.id];
    if (override === "off") continue;
    const severity = override ?? rule.severity;
    for (const r of rule.check(ctx)) {
      if (byLine.get(r.line)?.has(rule.id)) continue;
      const key = `${rule.id}\0${r.line}\0${r.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        rule: rule.id,
        name: rule.name,
        severity,
        message: r.message,
        file: options.file ?? null,
        line: r.line,
        fix: r.fix ?? rule.fix,
        bytes: r.bytes ?? null
      });
    }
  }
  findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const judged = graph ? {
    stage: graph.final.name,
    index: graph.final.index,
    line: graph.final.from.line,
    reason: graph.finalReason
  } : null;
  return { findings, judged, final: finalSteps(ctx) };
}
function looksLikeDockerfile(text) {
  return /^[ \t]*(from|run|copy|add|arg|env|cmd|entrypoint|workdir|user|label|expose|volume|shell|healthcheck|onbuild|stopsignal|maintainer)[ \t]/im.test(
    text
  );
}

export {
  inlineIgnoreList,
  lint,
  lintResult,
  looksLikeDockerfile
};
