import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  lint
} from "./chunk-FLWQEM3A.js";
import {
  DEFAULT_PLATFORM,
  HEAVY_PATHS,
  NPM_INSTALL_SUBS,
  RPM_INSTALL_SUBS,
  analyzeRun,
  apkCommand,
  aptCommand,
  baseKind,
  baseOf,
  buildStageGraph,
  bunInstall,
  commandName,
  contextPath,
  copySources,
  createdUsers,
  globToRegExp,
  hasFromFlag,
  hasOption,
  isGlob,
  isShell,
  isUrl,
  isWindowsImage,
  mountsOf,
  npmInstall,
  parseDockerfile,
  pipInstallArgs,
  pnpmInstall,
  poetryInstall,
  providedUser,
  rpmCommand,
  scanContext,
  segment,
  shellDashC,
  skipNested,
  splitWords,
  truthy,
  uvCommand,
  walkContext,
  yarnInstall
} from "./chunk-JBCH6BUI.js";
import {
  messageOf
} from "./chunk-UH7RQI7X.js";

// src/lint/fix/edits.ts
var byPosition = (a, b) => a.start - b.start || a.end - b.end;
function overlaps(a, b) {
  const clash = (x, y) => x.start === y.start || x.start < y.end && y.start < x.end || x.start < y.start && y.start < x.end;
  return a.some((x) => b.some((y) => clash(x, y) || clash(y, x)));
}
function applyEdits(source, edits) {
  const sorted = [...edits].sort(byPosition);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}
var newlines = (s) => {
  let count = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) count++;
  return count;
};
function lineMapper(source, edits) {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return (line) => {
    const offset = starts[line - 1] ?? source.length;
    let shift = 0;
    for (const e of edits) {
      if (e.end <= offset && (e.start < offset || e.start === e.end))
        shift += newlines(e.text) - newlines(source.slice(e.start, e.end));
    }
    return line + shift;
  };
}

// src/lint/fix/model.ts
var left = (finding, reason) => ({ finding, reason });
var isLeft = (x) => "reason" in x;

// src/lint/fix/source.ts
function mappedSlice(m, start, end = m.text.length) {
  return { text: m.text.slice(start, end), from: m.from.slice(start, end), to: m.to.slice(start, end) };
}
function readSource(source) {
  const bom = source.startsWith("\uFEFF") ? 1 : 0;
  const lines = [];
  let at = bom;
  while (at < source.length) {
    const nl = source.indexOf("\n", at);
    const end = nl < 0 ? source.length : nl;
    const cr = end > at && source[end - 1] === "\r" && nl >= 0;
    lines.push({
      start: at,
      text: source.slice(at, cr ? end - 1 : end),
      eol: nl < 0 ? "" : cr ? "\r\n" : "\n"
    });
    at = nl < 0 ? source.length : nl + 1;
  }
  const segmented = segment(source.slice(bom));
  return { source, bom, lines, escape: segmented.escape, segments: segmented.segments };
}
function lineEnding(file) {
  let crlf = 0;
  let lf = 0;
  for (const l of file.lines) {
    if (l.eol === "\r\n") crlf++;
    else if (l.eol === "\n") lf++;
  }
  return crlf > lf ? "\r\n" : "\n";
}
function isBlankOrComment(text) {
  const t = text.trimStart();
  return t === "" || t.startsWith("#");
}
function headerText(file, seg) {
  const out = { text: "", from: [], to: [] };
  const push = (line, upTo) => {
    for (let c = 0; c < upTo; c++) {
      out.text += line.text[c];
      out.from.push(line.start + c);
      out.to.push(line.start + c + 1);
    }
  };
  for (let k = seg.start; k <= seg.headerEnd; k++) {
    const line = file.lines[k];
    if (k > seg.start && isBlankOrComment(line.text)) continue;
    const right = line.text.replace(/[ \t]+$/, "");
    if (right.endsWith(file.escape)) {
      push(line, right.length - 1);
      continue;
    }
    push(line, line.text.length);
    break;
  }
  return out;
}
function heredocBody(file, bodyStart, bodyEnd) {
  const out = { text: "", from: [], to: [] };
  for (let k = bodyStart; k < bodyEnd; k++) {
    const line = file.lines[k];
    const all = line.text + (k < bodyEnd - 1 ? "\n" : "");
    for (let c = 0; c < all.length; c++) {
      out.text += all[c];
      out.from.push(line.start + c);
      out.to.push(
        c === line.text.length ? line.start + line.text.length + line.eol.length : line.start + c + 1
      );
    }
  }
  return out;
}
function argumentsOf(header, flagged) {
  const t = header.text;
  let i = 0;
  while (i < t.length && /\s/.test(t[i])) i++;
  while (i < t.length && !/\s/.test(t[i])) i++;
  const flags = [];
  for (; ; ) {
    let j = i;
    while (j < t.length && /\s/.test(t[j])) j++;
    if (!flagged || !t.startsWith("--", j)) {
      i = j;
      break;
    }
    const start = j;
    while (j < t.length && !/\s/.test(t[j])) {
      const c = t[j];
      if (c === '"' || c === "'") {
        const end2 = t.indexOf(c, j + 1);
        j = end2 < 0 ? t.length : end2 + 1;
      } else j++;
    }
    flags.push({ text: t.slice(start, j), start, end: j });
    i = j;
  }
  let end = t.length;
  while (end > i && /\s/.test(t[end - 1])) end--;
  return { args: mappedSlice(header, i, end), flags };
}
function keywordRange(file, seg) {
  const line = file.lines[seg.start];
  const indent = line.text.length - line.text.trimStart().length;
  return { start: line.start + indent, end: line.start + indent + seg.keyword.length };
}

// src/lint/fix/dockerignore-fix.ts
function buildsPythonProject(c) {
  const pip = pipInstallArgs(c);
  if (pip)
    return pip.positionals.some((p) => /^[./]/.test(p)) || pip.options.some((o) => /^(-e|--editable)/.test(o));
  const uv = uvCommand(c);
  if (uv) return uv.kind === "sync" || uv.positionals.some((p) => /^[./]/.test(p));
  if (poetryInstall(c)) return true;
  const name = commandName(c.argv[0]);
  const args = c.argv.slice(1);
  if (/^python(\d+(\.\d+)?)?$/.test(name) && args.includes("-m") && args[args.indexOf("-m") + 1] === "build")
    return true;
  return ["hatch", "pdm", "flit"].includes(name) || name === "uv" && args[0] === "build" || name === "poetry" && args[0] === "build";
}
var installsJs = (c) => npmInstall(c) !== null || yarnInstall(c) !== null || pnpmInstall(c) !== null || bunInstall(c) !== null;
var createsVenv = (c) => {
  const name = commandName(c.argv[0]);
  const uv = uvCommand(c);
  return uv?.kind === "sync" || name === "uv" && c.argv[1] === "venv" || name === "virtualenv" || poetryInstall(c) !== null || /^python/.test(name) && c.argv.includes("venv");
};
function readByBuild(env, name) {
  const commands = env.parsed.instructions.filter((i) => i.keyword === "RUN").flatMap((i) => analyzeRun(i).commands);
  if (name === ".git") {
    const reader = commands.find((c) => commandName(c.argv[0]) === "git" || buildsPythonProject(c));
    return reader ? `\`${reader.argv.slice(0, 3).join(" ")}\` may read .git (git, setuptools-scm)` : null;
  }
  if (name === "node_modules" && !commands.some(installsJs))
    return "no RUN installs JavaScript dependencies: the image may run the context's node_modules";
  if ((name === ".venv" || name === "venv") && !commands.some(createsVenv)) {
    const word = new RegExp(`(^|[^A-Za-z0-9_.-])${name.replace(".", "\\.")}([^A-Za-z0-9_-]|$)`);
    if (env.parsed.instructions.some((i) => i.keyword !== "COPY" && i.keyword !== "ADD" && word.test(i.args)))
      return `the Dockerfile uses \`${name}\` and no RUN creates it`;
  }
  return null;
}
var DEFAULT_ENTRIES = [".git", "**/__pycache__", ".venv", "node_modules", ".env"];
var fixDockerignore = (finding, env) => {
  const ctx = env.context;
  if (!ctx) return left(finding, "not mechanical: no build context");
  const heavy = ctx.info.heavy;
  const names = [...new Set(heavy.map((h) => h.path.split("/").pop()))];
  const named = /* @__PURE__ */ new Set();
  for (const i of env.parsed.instructions) {
    if (i.keyword !== "COPY" && i.keyword !== "ADD" || hasFromFlag(i)) continue;
    for (const s of copySources(i)) for (const part of s.split("/")) named.add(part);
  }
  for (const i of env.parsed.instructions) {
    if (i.keyword !== "RUN") continue;
    for (const m of mountsOf(i)) {
      if (m.type !== "bind" || m.from) continue;
      for (const part of (m.source ?? "").split("/")) named.add(part);
    }
  }
  const reincluded = (ctx.ignoreText ?? "").split(/\r?\n/).filter((l) => l.trim().startsWith("!")).join("\n");
  const entries = [];
  for (const name of names.length > 0 || ctx.ignoreText !== null ? names : DEFAULT_ENTRIES) {
    const bare = name.replace(/^\*\*\//, "");
    if (!HEAVY_PATHS.includes(bare)) continue;
    if (named.has(bare)) return left(finding, `unsafe here: the Dockerfile copies \`${bare}\` by name`);
    const reader = names.length > 0 ? readByBuild(env, bare) : null;
    if (reader) return left(finding, `unsafe here: ${reader}`);
    if (reincluded.includes(bare))
      return left(finding, `unsafe here: the ignore file re-includes something in \`${bare}\``);
    const rootOnly = heavy.filter((h) => h.path.split("/").pop() === bare).every((h) => !h.path.includes("/"));
    entries.push(bare === ".env" && rootOnly ? ".env" : `**/${bare}`);
  }
  if (entries.length === 0) return left(finding, "not mechanical: nothing listed is in the context");
  const old = ctx.ignoreText;
  const eol = old?.includes("\r\n") ? "\r\n" : "\n";
  const head = old === null ? "" : old === "" || old.endsWith("\n") ? old : `${old}${eol}`;
  const text = `${head}${entries.join(eol)}${eol}`;
  return {
    finding,
    edits: [],
    ignoreText: text,
    summary: `${old === null ? "created" : "added to"} ${ctx.ignorePath}: ${entries.join(", ")}`
  };
};

// src/lint/fix/instruction-fixes.ts
function lineAfter(env, lastLine, instruction, indentOf) {
  const { file } = env;
  const line = file.lines[lastLine];
  const indent = /^[ \t]*/.exec(file.lines[indentOf].text)[0];
  const eol = line.eol || lineEnding(file);
  const at = line.start + line.text.length;
  return line.eol ? { start: at + line.eol.length, end: at + line.eol.length, text: `${indent}${instruction}${eol}` } : { start: at, end: at, text: `${eol}${indent}${instruction}` };
}
function lineBefore(env, k, instruction) {
  const line = env.file.lines[k];
  const indent = /^[ \t]*/.exec(line.text)[0];
  return {
    start: line.start,
    end: line.start,
    text: `${indent}${instruction}${line.eol || lineEnding(env.file)}`
  };
}
var fixPythonEnv = (finding, env) => {
  const from = env.graph.final.from;
  const loc = env.at(from.line);
  if (!loc || finding.line !== from.line)
    return left(finding, "not mechanical: the finding is not at the final FROM");
  const edit = lineAfter(env, loc.seg.end, "ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1", loc.seg.start);
  return {
    finding,
    edits: [edit],
    summary: "added `ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1` after the final FROM"
  };
};
var TAR = /\.(tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2|tbz|tar\.zst|tzst)$/i;
var ADD_ONLY_FLAGS = /* @__PURE__ */ new Set(["checksum", "keep-git-dir", "unpack"]);
var fixAddToCopy = (finding, env) => {
  const loc = env.at(finding.line ?? 0);
  if (loc?.instr.keyword !== "ADD") return left(finding, "not mechanical: no ADD at this line");
  const { instr } = loc;
  const flag = instr.flags.find((f) => ADD_ONLY_FLAGS.has(f.name) || f.name === "from");
  if (flag) return left(finding, `unsafe here: \`--${flag.name}\` is ADD's own`);
  const sources = copySources(instr);
  const remote = sources.find((s) => isUrl(s) || /^git@|\.git(#.*)?$/.test(s) || TAR.test(s));
  if (remote)
    return left(finding, `unsafe here: \`${remote}\` needs ADD (a remote source or an archive it unpacks)`);
  const variable = sources.find((s) => s.includes("$"));
  if (variable) return left(finding, `unsafe here: \`${variable}\` could name an archive ADD unpacks`);
  const kindOf2 = env.context?.kindOf;
  if (kindOf2) {
    for (const s of sources) {
      const p = contextPath(s);
      const paths = isGlob(p) ? env.context.info.files.filter((f) => globToRegExp(p).test(f)) : [p];
      for (const path of paths) {
        const kind = kindOf2(path);
        if (kind === "archive")
          return left(
            finding,
            `unsafe here: \`${path}\` is an archive, which ADD unpacks and COPY would not`
          );
        if (kind === "missing")
          return left(finding, `unsafe here: \`${path}\` is not in the build context to look at`);
      }
    }
  }
  const kw = keywordRange(env.file, loc.seg);
  const written = env.file.source.slice(kw.start, kw.end);
  const copy = written === written.toLowerCase() ? "copy" : written === "Add" ? "Copy" : "COPY";
  return {
    finding,
    edits: [{ ...kw, text: copy }],
    summary: `\`${written}\` \u2192 \`${copy}\` (a local path, no archive)`
  };
};
var AFTER_USER_OK = /* @__PURE__ */ new Set([
  "CMD",
  "ENTRYPOINT",
  "EXPOSE",
  "LABEL",
  "STOPSIGNAL",
  "HEALTHCHECK",
  "MAINTAINER",
  "ENV",
  "ARG"
]);
var fixUser = (finding, env) => {
  const g = env.graph;
  if (env.parsed.escape === "`" || isWindowsImage(baseOf(g.final).ref))
    return left(finding, "not mechanical: a Windows image");
  const users = /* @__PURE__ */ new Set();
  for (const stage of g.lineage) {
    for (const instr of stage.body) {
      if (instr.keyword !== "RUN") continue;
      for (const cmd of analyzeRun(instr).commands) {
        for (const u of createdUsers(cmd.argv)) users.add(u);
      }
    }
  }
  const provided = users.size === 0 ? providedUser(baseKind(baseOf(g.final))) : null;
  if (users.size !== 1 && !provided)
    return left(
      finding,
      users.size === 0 ? "not mechanical: the image creates no user to switch to" : `not mechanical: the image creates ${users.size} users (${[...users].join(", ")}): which one runs it is a choice`
    );
  const user = provided ?? [...users][0];
  if (!provided && !/^[a-z_][a-z0-9_.-]*\$?$/i.test(user))
    return left(finding, `unsafe here: the user's name \`${user}\` is not a plain name`);
  const body = g.final.body;
  let k = body.findIndex((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT");
  if (k < 0) k = body.length;
  const after = body.slice(k).find((i) => !AFTER_USER_OK.has(i.keyword));
  if (after)
    return left(
      finding,
      `unsafe here: \`${after.text}\` (line ${after.line}) comes after CMD/ENTRYPOINT and would run as the user`
    );
  const instruction = `USER ${user}`;
  if (k < body.length) {
    const loc2 = env.at(body[k].line);
    return {
      finding,
      edits: [lineBefore(env, loc2.seg.start, instruction)],
      summary: `added \`${instruction}\` before \`${body[k].text}\``
    };
  }
  const last = body[body.length - 1] ?? g.final.from;
  const loc = env.at(last.line);
  return {
    finding,
    edits: [lineAfter(env, loc.seg.end, instruction, loc.seg.start)],
    summary: `added \`${instruction}\` at the end of the final stage`
  };
};

// src/lint/fix/shell-words.ts
var CONTROL = /* @__PURE__ */ new Set(["&&", "||", ";", ";;", "|", "|&", "&", "\n", "(", ")"]);
var WORD_END = /[\s;&|<>()]/;
function scanScript(script2) {
  const n = script2.length;
  const commands = [];
  let words = [];
  let word = null;
  let lastEnd = 0;
  let contentEnd = 0;
  let trailingOp = "";
  let unsure = false;
  const pending = [];
  const startWord = (at) => {
    if (!word) word = { value: "", start: at, end: at, plain: true };
    return word;
  };
  const flush = (at) => {
    if (word) {
      word.end = at;
      words.push(word);
      lastEnd = at;
      contentEnd = at;
      trailingOp = "";
      word = null;
    }
  };
  const endCommand = (op) => {
    if (words.length > 0) commands.push({ words, endOp: op });
    words = [];
  };
  let i = 0;
  while (i < n) {
    const c = script2[i];
    if (c === "\\") {
      const next = script2[i + 1];
      if (next === "\n") {
        i += 2;
        continue;
      }
      const w = startWord(i);
      w.plain = false;
      if (next !== void 0) w.value += next;
      i += 2;
    } else if (c === "'") {
      const w = startWord(i);
      w.plain = false;
      const end = script2.indexOf("'", i + 1);
      if (end < 0) unsure = true;
      w.value += script2.slice(i + 1, end < 0 ? n : end);
      i = end < 0 ? n : end + 1;
    } else if (c === '"') {
      const w = startWord(i);
      w.plain = false;
      const end = skipNested(script2, i + 1, '"');
      if (script2[end - 1] !== '"') unsure = true;
      w.value += script2.slice(i + 1, end - 1).replace(/\\(["\\$`])/g, "$1");
      i = end;
    } else if (c === "$" || c === "`") {
      const w = startWord(i);
      w.plain = false;
      let end = i + 1;
      const next = script2[i + 1];
      if (c === "`") end = skipNested(script2, i, "`");
      else if (next === "(" || next === "{") end = skipNested(script2, i + 1, next);
      else if (next === "'") {
        const close = script2.indexOf("'", i + 2);
        end = close < 0 ? n : close + 1;
      }
      w.value += script2.slice(i, end);
      i = end;
    } else if (c === "#" && !word) {
      while (i < n && script2[i] !== "\n") i++;
    } else if (c === " " || c === "	" || c === "\r") {
      flush(i);
      i++;
    } else if (c === "\n") {
      flush(i);
      endCommand("\n");
      i++;
      for (const doc of pending) {
        while (i < n) {
          let end = script2.indexOf("\n", i);
          if (end < 0) end = n;
          let line = script2.slice(i, end);
          if (line.endsWith("\r")) line = line.slice(0, -1);
          i = Math.min(end + 1, n);
          if ((doc.stripTabs ? line.replace(/^\t+/, "") : line) === doc.delimiter) break;
        }
      }
      pending.length = 0;
    } else if (c === "<" || c === ">") {
      const w = word;
      if (w && /^\d+$/.test(w.value) && w.plain) word = null;
      else flush(i);
      let op = c;
      let j = i + 1;
      while (j < n && "<>&|-".includes(script2[j]) && op.length < 3) op += script2[j++];
      while (j < n && (script2[j] === " " || script2[j] === "	")) j++;
      if (op.startsWith("<<") && op !== "<<<") {
        let delimiter = "";
        while (j < n && !WORD_END.test(script2[j])) {
          const d = script2[j++];
          if (d !== '"' && d !== "'" && d !== "\\") delimiter += d;
        }
        pending.push({ delimiter, stripTabs: op.startsWith("<<-") });
      } else if (op.endsWith("&") && /[\d-]/.test(script2[j] ?? "")) {
        while (j < n && /[\d-]/.test(script2[j])) j++;
      } else {
        while (j < n && !WORD_END.test(script2[j])) {
          const d = script2[j];
          if (d === '"') j = skipNested(script2, j + 1, '"');
          else if (d === "'") {
            const e = script2.indexOf("'", j + 1);
            j = e < 0 ? n : e + 1;
          } else if (d === "\\") j += 2;
          else if (d === "$" && (script2[j + 1] === "(" || script2[j + 1] === "{"))
            j = skipNested(script2, j + 1, script2[j + 1]);
          else j++;
        }
      }
      lastEnd = j;
      contentEnd = j;
      trailingOp = "";
      i = j;
    } else if (c === "&" || c === "|" || c === ";" || c === "(" || c === ")") {
      flush(i);
      const two = script2.slice(i, i + 2);
      const op = two === "&&" || two === "||" || two === ";;" || two === "|&" ? two : c;
      if (CONTROL.has(op)) endCommand(op);
      i += op.length;
      lastEnd = i;
      trailingOp = op;
    } else {
      const w = startWord(i);
      let j = i + 1;
      while (j < n && !/[\\'"$`\s<>&|;()]/.test(script2[j])) j++;
      w.value += script2.slice(i, j);
      i = j;
    }
  }
  flush(n);
  endCommand("");
  return { commands, end: lastEnd, contentEnd, trailingOp, unsure };
}
var LEADING_KEYWORDS = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{"]);
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
function commandWords(cmd) {
  const env = {};
  let k = 0;
  while (k < cmd.words.length) {
    const w = cmd.words[k];
    if (LEADING_KEYWORDS.has(w.value) && w.plain) k++;
    else if (ASSIGNMENT.test(w.value)) {
      const eq = w.value.indexOf("=");
      env[w.value.slice(0, eq)] = w.value.slice(eq + 1);
      k++;
    } else if (w.value === "sudo" && w.plain && !cmd.words[k + 1]?.value.startsWith("-")) k++;
    else break;
  }
  const words = cmd.words.slice(k);
  if (words.length === 0 || !words[0].plain) return null;
  return { words, env };
}

// src/lint/fix/run-script.ts
function jsonElements(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return null;
  const out = [];
  let i = text.indexOf("[") + 1;
  while (out.length < value.length) {
    const start = text.indexOf('"', i);
    let j = start + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
    out.push({ value: value[out.length], start, end: j + 1 });
    i = j + 1;
  }
  return out;
}
var SHEBANG = /^#!\s*(\S+)(?:\s+(\S+))?/;
function runForm(env, loc) {
  const { file } = env;
  const header = headerText(file, loc.seg);
  const { args } = argumentsOf(header, true);
  if (loc.instr.json) {
    const elements = jsonElements(args.text);
    if (!elements) return { form: "other", why: "its exec form cannot be read" };
    const k = dashCIndex(elements.map((e) => e.value));
    if (k < 0) return { form: "exec", args, elements };
    const inner = jsonStringText(args, elements[k]);
    return inner ? { form: "shell", header, multiLine: false, scripts: [script("shell", inner)] } : { form: "other", why: "its `sh -c` script holds escapes" };
  }
  const multiLine = loc.seg.headerEnd > loc.seg.start;
  if (loc.seg.heredocs.length === 0)
    return { form: "shell", header, multiLine, scripts: [script("shell", args)] };
  if (loc.seg.heredocs.length > 1 || !/^<<-?(["']?)[^\s"']+\1$/.test(args.text))
    return { form: "other", why: "its heredoc is read by a command, not run as the script itself" };
  const h = loc.seg.heredocs[0];
  if (!h.terminated) return { form: "other", why: "its heredoc is not closed" };
  const body = heredocBody(file, h.bodyStart, h.bodyEnd);
  const shebang = SHEBANG.exec(body.text);
  if (shebang) {
    const interp = shebang[1].endsWith("/env") ? shebang[2] ?? "" : shebang[1];
    if (!isShell(interp)) return { form: "other", why: `its heredoc is a ${interp} script` };
  }
  return { form: "shell", header, multiLine: false, scripts: [script("heredoc", body)] };
}
function dashCIndex(argv) {
  const inner = shellDashC(argv);
  if (inner === null) return -1;
  const flag = argv.findIndex((a, k) => k > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a));
  return flag > 0 && argv[flag + 1] === inner ? flag + 1 : -1;
}
function jsonStringText(args, el) {
  const raw = args.text.slice(el.start + 1, el.end - 1);
  if (raw.includes("\\")) return null;
  return mappedSlice(args, el.start + 1, el.end - 1);
}
function quotedText(outer, word) {
  const raw = outer.text.slice(word.start, word.end);
  if (!/^'[^']*'$/.test(raw) && !/^"[^"\\$`]*"$/.test(raw)) return null;
  return mappedSlice(outer, word.start + 1, word.end - 1);
}
function script(kind, text) {
  return { kind, text, scan: scanScript(text.text) };
}
function commandsOf(scripts, depth = 0) {
  const out = [];
  for (const s of scripts) {
    for (const c of s.scan.commands) {
      const found = commandWords(c);
      if (!found) continue;
      const argv = found.words.map((w) => w.value);
      const k = depth < 2 ? dashCIndex(argv) : -1;
      const inner = k > 0 ? quotedText(s.text, found.words[k]) : null;
      if (inner) {
        out.push(...commandsOf([script("shell", inner)], depth + 1));
        continue;
      }
      out.push({ command: { argv, env: found.env }, words: found.words, script: s });
    }
  }
  return out;
}
function insertAfterWord(cmd, word, text) {
  if (!word.plain) return null;
  const at = cmd.script.text.to[word.end - 1];
  return { start: at, end: at, text: ` ${text}` };
}
function findWord(words, value, from = 1) {
  for (let k = from; k < words.length; k++) if (words[k].value === value) return words[k];
  return null;
}
function insertJsonAfter(form, index, text) {
  const el = form.elements[index];
  const next = form.elements[index + 1];
  const sep = next ? form.args.text.slice(el.end, next.start) : ", ";
  const at = form.args.to[el.end - 1];
  return {
    start: at,
    end: at,
    text: `${sep.includes("\n") || sep.trim() !== "," ? ", " : sep}${JSON.stringify(text)}`
  };
}
function appendToScript(env, form, command) {
  const s = form.scripts[form.scripts.length - 1];
  if (s.scan.unsure) return { why: "its script has an unterminated quote" };
  const last = s.scan.commands.at(-1)?.words[0]?.value;
  if (last === "exec" || last === "exit")
    return { why: `its script ends with \`${last}\`, after which nothing runs` };
  const op = s.scan.trailingOp;
  if (op !== "" && op !== ")" && op !== ";") return { why: `its script ends with \`${op}\`` };
  const endIndex = op === ";" ? s.scan.contentEnd : s.scan.end;
  if (endIndex <= 0) return { why: "its script is empty" };
  const at = s.text.to[endIndex - 1];
  if (s.kind === "shell" && form.multiLine) {
    const { file } = env;
    const k = lineOf(file.lines, at);
    const line = file.lines[k];
    const indent = /^[ \t]*/.exec(line.text)[0];
    const eol = line.eol || lineEnding(file);
    const trailingStyle = file.lines.slice(0, k).some(
      (l) => l.start >= form.header.from[0] && new RegExp(`&&[ \\t]*${escapeRe(file.escape)}[ \\t]*$`).test(l.text)
    );
    const text = trailingStyle ? ` && ${file.escape}${eol}${indent}${command}` : ` ${file.escape}${eol}${indent}&& ${command}`;
    return { start: at, end: at, text };
  }
  return { start: at, end: at, text: ` && ${command}` };
}
function lineOf(lines, offset) {
  let k = 0;
  while (k + 1 < lines.length && lines[k + 1].start <= offset) k++;
  return k;
}
var escapeRe = (s) => s.replace(/[\\^$.*+?()[\]{}|`]/g, "\\$&");

// src/lint/fix/run-fixes.ts
function runAt(env, line) {
  const loc = env.at(line);
  return loc && loc.instr.keyword === "RUN" ? loc : null;
}
function posixShell(env, loc) {
  let ok = true;
  for (const i of env.parsed.instructions) {
    if (i === loc.instr) break;
    if (i.keyword === "FROM") ok = true;
    if (i.keyword === "SHELL") ok = i.json !== null && i.json.length > 0 && isShell(i.json[0]);
  }
  return ok;
}
function done(finding, edits, summary) {
  return { finding, edits, summary };
}
function cacheFlagPlace(argv, env) {
  const cmd = { argv: [...argv], env };
  const pip = pipInstallArgs(cmd);
  if (pip) {
    if (hasOption(pip.options, "--no-cache-dir") || truthy(env.PIP_NO_CACHE_DIR)) return null;
    return {
      after: commandName(argv[0]).startsWith("pip") ? ["install"] : ["pip", "install"],
      flag: "--no-cache-dir"
    };
  }
  const uv = uvCommand(cmd);
  if (uv) {
    if (hasOption(uv.options, "--no-cache", "-n", "--no-cache-dir") || truthy(env.UV_NO_CACHE)) return null;
    return { after: uv.kind === "sync" ? ["sync"] : ["pip", "install"], flag: "--no-cache" };
  }
  return null;
}
function wordIndex(values, after) {
  let k = 0;
  for (const want of after) {
    k = values.indexOf(want, k + 1);
    if (k < 0) return -1;
  }
  return k;
}
var fixPipCache = (finding, env) => {
  const loc = runAt(env, finding.line ?? 0);
  if (!loc) return left(finding, "not mechanical: no RUN at this line");
  const form = runForm(env, loc);
  const edits = [];
  const added = /* @__PURE__ */ new Set();
  if (form.form === "other") return left(finding, `unsafe here: ${form.why}`);
  if (form.form === "exec") {
    const values = form.elements.map((e) => e.value);
    const place = cacheFlagPlace(values, {});
    const k = place ? wordIndex(values, place.after) : -1;
    if (!place || k < 0)
      return left(finding, "unsafe here: the exec form runs pip or uv through another command");
    edits.push(insertJsonAfter(form, k, place.flag));
    added.add(`\`${place.flag}\` to \`${values.slice(0, k + 1).join(" ")}\``);
  } else {
    for (const cmd of commandsOf(form.scripts)) {
      const place = cacheFlagPlace(cmd.command.argv, cmd.command.env);
      if (!place) continue;
      const k = wordIndex(cmd.command.argv, place.after);
      const edit = k > 0 ? insertAfterWord(cmd, cmd.words[k], place.flag) : null;
      if (!edit)
        return left(finding, `unsafe here: \`${cmd.command.argv.join(" ")}\` is not written in plain words`);
      edits.push(edit);
      added.add(`\`${place.flag}\` to \`${cmd.command.argv.slice(0, k + 1).join(" ")}\``);
    }
  }
  if (edits.length === 0)
    return left(
      finding,
      "unsafe here: the pip or uv command is built from variables, or in a `sh -c` script with expansions or escapes"
    );
  return done(finding, edits, `added ${[...added].join(" and ")}`);
};
var fixOsPackageCache = (finding, env) => {
  const loc = runAt(env, finding.line ?? 0);
  if (!loc) return left(finding, "not mechanical: no RUN at this line");
  const form = runForm(env, loc);
  if (form.form === "other") return left(finding, `unsafe here: ${form.why}`);
  if (form.form === "exec")
    return left(finding, "unsafe here: the exec form runs no shell to clean up after the install");
  if (!posixShell(env, loc))
    return left(finding, "unsafe here: the RUN runs under a SHELL that is not a POSIX shell");
  const edits = [];
  const appended = [];
  const what = [];
  for (const cmd of commandsOf(form.scripts)) {
    const apt = aptCommand(cmd.command);
    if (apt?.sub === "install") {
      if (!appended.some((a) => a.startsWith("rm -rf /var/lib/apt/lists")))
        appended.push("rm -rf /var/lib/apt/lists/*");
      continue;
    }
    const apk = apkCommand(cmd.command);
    if (apk?.sub === "add" && !hasOption(apk.options, "--no-cache")) {
      const edit = insertAfterWord(cmd, findWord(cmd.words, "add") ?? cmd.words[0], "--no-cache");
      if (!edit || findWord(cmd.words, "add") === null)
        return left(finding, "unsafe here: `apk add` is not written in plain words");
      edits.push(edit);
      what.push("`--no-cache` on apk add");
      continue;
    }
    const rpm = rpmCommand(cmd.command);
    if (rpm && RPM_INSTALL_SUBS.has(rpm.sub)) {
      const clean = `${cmd.command.argv[0]} clean all`;
      if (!appended.includes(clean)) appended.push(clean);
    }
  }
  if (appended.length > 0) {
    appended.sort((a, b) => Number(a.startsWith("rm ")) - Number(b.startsWith("rm ")));
    const edit = appendToScript(env, form, appended.join(" && "));
    if ("why" in edit) return left(finding, `unsafe here: ${edit.why}`);
    edits.push(edit);
    what.push(`\`&& ${appended.join(" && ")}\` at the end of the RUN`);
  }
  if (edits.length === 0)
    return left(
      finding,
      "unsafe here: the install is built from variables, or in a `sh -c` script with expansions or escapes"
    );
  return done(finding, edits, `added ${what.join(" and ")}`);
};
var LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json"];
var INSTALL_ONLY = /^(-g|--global|--save.*|-[SDEOPB]|--no-save|--no-package-lock|--package-lock-only|--prefix.*|-C|--workspaces?(=.*)?|-w)$/;
function lockfileCopied(env, loc) {
  const ctx = env.context;
  if (!ctx) return { why: "no build context to look for package-lock.json in" };
  const lock = LOCKFILES.find((f) => ctx.info.files.includes(f));
  if (!lock) return { why: "the build context has no package-lock.json at its root" };
  const stage = env.graph.stages.find((s) => s.body.includes(loc.instr));
  if (!stage) return { why: "the RUN is in no stage" };
  const before = stage.body.slice(0, stage.body.indexOf(loc.instr));
  for (let k = before.length - 1; k >= 0; k--) {
    const i = before[k];
    if (i.keyword === "WORKDIR") break;
    if (i.keyword !== "COPY" && i.keyword !== "ADD" || hasFromFlag(i) || i.heredocs.length > 0) continue;
    const dest = (i.json ?? splitWords(i.args)).at(-1) ?? "";
    if (dest !== "." && dest !== "./") continue;
    const sources = copySources(i);
    const brings = sources.some((s) => {
      const p = s.replace(/^\.\//, "");
      return p === "." || p === "" || p === lock || isGlob(p) && !p.includes("/") && globToRegExp(p).test(lock);
    });
    if (brings) return lock;
  }
  return { why: "no COPY of package-lock.json into the working directory before it in the stage" };
}
var fixNpmCi = (finding, env) => {
  const loc = runAt(env, finding.line ?? 0);
  if (!loc) return left(finding, "not mechanical: no RUN at this line");
  const isNpmInstall = (argv) => {
    const npm = npmInstall({ argv: [...argv], env: {} });
    return npm?.kind === "install" && npm.packages.length === 0 ? npm : null;
  };
  const form = runForm(env, loc);
  if (form.form !== "shell") return left(finding, "unsafe here: `npm install` is not in a shell-form RUN");
  const cmds = commandsOf(form.scripts);
  const targets = [];
  for (const [k, cmd] of cmds.entries()) {
    const npm = isNpmInstall(cmd.command.argv);
    if (!npm) continue;
    if (cmds.slice(0, k).some((c) => commandName(c.command.argv[0]) === "cd"))
      return left(finding, "unsafe here: the RUN changes directory before `npm install`");
    const bad = npm.options.find((o) => INSTALL_ONLY.test(o));
    if (bad) return left(finding, `unsafe here: \`npm ci\` does not take \`${bad}\` as \`npm install\` does`);
    targets.push(cmd);
  }
  if (targets.length === 0)
    return left(finding, "not mechanical: only `npm install` written in plain words becomes `npm ci`");
  const lock = lockfileCopied(env, loc);
  if (lock === null || typeof lock === "object")
    return left(finding, `unsafe here: ${lock?.why ?? "no lockfile"}`);
  const edits = [];
  for (const cmd of targets) {
    const sub = cmd.words.slice(1).find((w) => NPM_INSTALL_SUBS.has(w.value));
    if (!sub?.plain) return left(finding, "unsafe here: `npm install` is not written in plain words");
    edits.push({
      start: cmd.script.text.from[sub.start],
      end: cmd.script.text.to[sub.end - 1],
      text: "ci"
    });
  }
  return done(finding, edits, `\`npm install\` \u2192 \`npm ci\` (${lock} is copied in before it)`);
};

// src/lint/fix/index.ts
var FIXES = {
  IG004: {
    fixer: fixPipCache,
    does: "adds `--no-cache-dir` to `pip install` and `--no-cache` to `uv sync` / `uv pip install`"
  },
  IG005: {
    fixer: fixOsPackageCache,
    does: "ends an apt RUN with `&& rm -rf /var/lib/apt/lists/*`, adds `--no-cache` to `apk add`, ends a dnf/yum RUN with `&& dnf clean all` (`yum clean all`)"
  },
  IG008: {
    fixer: fixDockerignore,
    does: "adds the missing entries to the ignore file, and creates `.dockerignore` when there is none"
  },
  IG010: {
    fixer: fixUser,
    does: "adds `USER <name>` before CMD/ENTRYPOINT when the image creates exactly one user"
  },
  IG015: {
    fixer: fixNpmCi,
    does: "turns `npm install` into `npm ci` when the lockfile is copied in before it"
  },
  IG016: {
    fixer: fixPythonEnv,
    does: "adds `ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1` after the final FROM"
  },
  IG017: { fixer: fixAddToCopy, does: "turns ADD into COPY for local paths that are not archives" }
};
var key = (f, line = f.line ?? 0) => `${f.rule}@${line}`;
function fixDockerfile(input) {
  const { text, findings, context, options } = input;
  const parsed = parseDockerfile(text);
  let graph = null;
  try {
    graph = buildStageGraph(parsed, options.target, options.platform ?? DEFAULT_PLATFORM).graph;
  } catch {
    graph = null;
  }
  const leftOnes = [];
  if (!graph) {
    return {
      text,
      ignoreText: null,
      fixed: [],
      left: findings.map((f) => ({ finding: f, reason: "not mechanical", line: f.line })),
      findings: [...findings]
    };
  }
  const file = readSource(text);
  const byLine = /* @__PURE__ */ new Map();
  for (const [k, instr] of parsed.instructions.entries())
    byLine.set(instr.line, { instr, seg: file.segments[k] });
  const env = { file, parsed, graph, at: (line) => byLine.get(line) ?? null, context };
  const candidates = [];
  for (const f of findings) {
    const fix = FIXES[f.rule];
    if (!fix) {
      leftOnes.push({ finding: f, reason: "not mechanical" });
      continue;
    }
    let answer;
    try {
      answer = fix.fixer(f, env);
    } catch (error) {
      answer = { finding: f, reason: `unsafe here: ${messageOf(error)}` };
    }
    if (isLeft(answer)) leftOnes.push(answer);
    else candidates.push(answer);
  }
  const walked = /* @__PURE__ */ new Map();
  const contextWith = (ignoreText2) => {
    if (!context || ignoreText2 === null) return context?.info ?? null;
    let info = walked.get(ignoreText2);
    if (!info) {
      info = context.withIgnore(ignoreText2);
      walked.set(ignoreText2, info);
    }
    return info;
  };
  const lintWith = (edits2, ignoreText2) => {
    const ctx = contextWith(ignoreText2);
    return lint(applyEdits(text, edits2), ctx, options);
  };
  const kept = [];
  let edits = [];
  let ignoreText = null;
  let after = [...findings];
  for (const c of candidates) {
    if (overlaps(edits, c.edits) || c.ignoreText !== void 0 && ignoreText !== null) {
      leftOnes.push({ finding: c.finding, reason: "unsafe here: another fix changes the same text" });
      continue;
    }
    const trialEdits = [...edits, ...c.edits];
    const trialIgnore = c.ignoreText ?? ignoreText;
    let trial;
    try {
      trial = lintWith(trialEdits, trialIgnore);
    } catch {
      leftOnes.push({ finding: c.finding, reason: "unsafe here: the fixed Dockerfile could not be linted" });
      continue;
    }
    const map2 = lineMapper(text, trialEdits);
    const mappedBefore = new Set(findings.map((f) => key(f, map2(f.line ?? 0))));
    const still = trial.some(
      (t) => [c, ...kept].some((k) => key(t) === key(k.finding, map2(k.finding.line ?? 0)))
    );
    const fresh = trial.find((t) => !mappedBefore.has(key(t)));
    if (still || fresh) {
      leftOnes.push({
        finding: c.finding,
        reason: still ? "unsafe here: the finding stays after the fix" : `unsafe here: the fix would bring ${fresh.rule} at line ${fresh.line}`
      });
      continue;
    }
    kept.push(c);
    edits = trialEdits;
    ignoreText = trialIgnore;
    after = trial;
  }
  const map = lineMapper(text, edits);
  for (const l of leftOnes) l.line = l.finding.line === null ? null : map(l.finding.line);
  leftOnes.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    text: edits.length > 0 ? applyEdits(text, edits) : text,
    ignoreText,
    fixed: kept.map((c) => ({
      finding: c.finding,
      summary: c.summary,
      line: c.finding.line === null ? null : map(c.finding.line)
    })).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    left: leftOnes,
    findings: after
  };
}

// src/app/fix-context.ts
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
function isArchiveHead(head) {
  if (head.length >= 262 && head.toString("latin1", 257, 262) === "ustar") return true;
  if (head[0] === 31 && head[1] === 139) return true;
  if (head.toString("latin1", 0, 3) === "BZh") return true;
  if (head.subarray(0, 6).equals(Buffer.from([253, 55, 122, 88, 90, 0]))) return true;
  return head.subarray(0, 4).equals(Buffer.from([40, 181, 47, 253]));
}
function kindOf(root, path) {
  let fd = null;
  try {
    const st = statSync(join(root, path));
    if (st.isDirectory()) return "dir";
    if (!st.isFile()) return "missing";
    fd = openSync(join(root, path), "r");
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, head.length, 0);
    return isArchiveHead(head.subarray(0, n)) ? "archive" : "file";
  } catch {
    return "missing";
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
async function fixContext(contextDir, dockerfile, scanned) {
  let scan = scanned && scanned.dir === contextDir ? scanned : null;
  if (!scan) {
    try {
      if (!statSync(contextDir).isDirectory()) return null;
    } catch {
      return null;
    }
    scan = scanContext(contextDir, dockerfile);
  }
  const { info, ignoreText, tree } = scan;
  const ignorePath = info.ignoreFile ?? join(contextDir, ".dockerignore");
  return {
    info,
    ignoreText,
    ignorePath,
    withIgnore: (text) => walkContext(tree, text, ignorePath),
    kindOf: (path) => kindOf(contextDir, path)
  };
}

export {
  applyEdits,
  isLeft,
  readSource,
  FIXES,
  fixDockerfile,
  fixContext
};
