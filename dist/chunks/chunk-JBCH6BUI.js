import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  officialImageOf,
  parseImageRef
} from "./chunk-IYZ2ET24.js";
import {
  rootedPath
} from "./chunk-24J7FLEC.js";
import {
  formatBytes
} from "./chunk-IIRAH6Y5.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";

// src/lint/segment.ts
var DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
var HEREDOC_WORD = /^<<(-?)(["']?)([^"'\s<>]+)\2$/;
var HEREDOC_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
function endsWithEscape(line, escapeChar) {
  let k = line.length - 1;
  while (k >= 0 && (line[k] === " " || line[k] === "	")) k--;
  return k >= 0 && line[k] === escapeChar;
}
function heredocOpeners(header) {
  const out = [];
  let i = 0;
  const n = header.length;
  while (i < n) {
    const c = header[i];
    if (c === "'" || c === '"') {
      const end = header.indexOf(c, i + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === "<" && header[i + 1] === "<" && header[i + 2] !== "<" && (i === 0 || /[\s;&|(]/.test(header[i - 1]))) {
      let j = i;
      while (j < n && !/\s/.test(header[j])) j++;
      const m = HEREDOC_WORD.exec(header.slice(i, j));
      if (m) out.push({ name: m[3], stripTabs: m[1] === "-" });
      i = j;
      continue;
    }
    i++;
  }
  return out;
}
function segment(text) {
  const lines = text.split("\n");
  for (let k2 = 0; k2 < lines.length; k2++) if (lines[k2].endsWith("\r")) lines[k2] = lines[k2].slice(0, -1);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const directives = [];
  const comments = [];
  const segments = [];
  let escapeChar = "\\";
  let k = 0;
  const seen = /* @__PURE__ */ new Set();
  while (k < lines.length) {
    const m = DIRECTIVE.exec(lines[k].trimStart());
    if (!m || seen.has(m[1].toLowerCase())) break;
    const name = m[1].toLowerCase();
    seen.add(name);
    directives.push({ name, value: m[2], line: k + 1 });
    comments.push({ line: k + 1, text: lines[k].trim().slice(1).trim() });
    if (name === "escape" && (m[2] === "`" || m[2] === "\\")) escapeChar = m[2];
    k++;
  }
  while (k < lines.length) {
    const line = lines[k];
    const trimmed = line.trimStart();
    if (trimmed === "") {
      k++;
      continue;
    }
    if (trimmed.startsWith("#")) {
      comments.push({ line: k + 1, text: trimmed.slice(1).trim() });
      k++;
      continue;
    }
    const start = k;
    const keyword = /^\S+/.exec(trimmed)[0];
    let last = k;
    let headerText = line;
    if (endsWithEscape(line, escapeChar)) {
      let j = k + 1;
      while (j < lines.length) {
        const l = lines[j];
        const t = l.trimStart();
        if (t === "" || t.startsWith("#")) {
          if (t.startsWith("#")) comments.push({ line: j + 1, text: t.slice(1).trim() });
          j++;
          continue;
        }
        last = j;
        headerText += `
${l}`;
        if (!endsWithEscape(l, escapeChar)) break;
        j++;
      }
      if (j >= lines.length) last = Math.max(last, lines.length - 1);
    }
    const heredocs = [];
    let end = last;
    if (HEREDOC_KEYWORDS.has(keyword.toUpperCase())) {
      let cursor = last + 1;
      for (const opener of heredocOpeners(headerText)) {
        const bodyStart = cursor;
        let terminated = false;
        while (cursor < lines.length) {
          const l = opener.stripTabs ? lines[cursor].replace(/^\t+/, "") : lines[cursor];
          if (l === opener.name) {
            terminated = true;
            break;
          }
          cursor++;
        }
        heredocs.push({
          name: opener.name,
          stripTabs: opener.stripTabs,
          bodyStart,
          bodyEnd: cursor,
          terminated
        });
        end = terminated ? cursor : lines.length - 1;
        cursor = terminated ? cursor + 1 : lines.length;
      }
    }
    segments.push({ keyword, start, end: Math.max(end, last), headerEnd: last, heredocs });
    k = Math.max(end, last) + 1;
  }
  return { lines, escape: escapeChar, directives, comments, segments };
}

// src/lint/parse.ts
var KNOWN_INSTRUCTIONS = /* @__PURE__ */ new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR"
]);
var FLAG_INSTRUCTIONS = /* @__PURE__ */ new Set(["FROM", "RUN", "COPY", "ADD", "HEALTHCHECK"]);
var JSON_INSTRUCTIONS = /* @__PURE__ */ new Set(["RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "SHELL", "VOLUME"]);
function joinLogical(lines, escapeChar) {
  let out = "";
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (k > 0) {
      const trimmed = line.trimStart();
      if (trimmed === "" || trimmed.startsWith("#")) continue;
    }
    const right = line.replace(/[ \t]+$/, "");
    if (right.endsWith(escapeChar) && k < lines.length - 1) {
      out += right.slice(0, -1);
    } else if (right.endsWith(escapeChar) && k === lines.length - 1) {
      out += right.slice(0, -1);
    } else {
      out += line;
      break;
    }
  }
  return out;
}
function splitFlags(text) {
  const flags = [];
  let i = 0;
  const n = text.length;
  for (; ; ) {
    while (i < n && /\s/.test(text[i])) i++;
    if (!text.startsWith("--", i)) break;
    let j = i;
    let token = "";
    while (j < n && !/\s/.test(text[j])) {
      const c = text[j];
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, j + 1);
        token += text.slice(j + 1, end < 0 ? n : end);
        j = end < 0 ? n : end + 1;
      } else {
        token += c;
        j++;
      }
    }
    const body = token.slice(2);
    const eq = body.indexOf("=");
    flags.push(
      eq < 0 ? { name: body.toLowerCase(), value: null } : { name: body.slice(0, eq).toLowerCase(), value: body.slice(eq + 1) }
    );
    i = j;
  }
  return { flags, rest: text.slice(i).trim() };
}
function parseJsonArray(text) {
  if (!text.startsWith("[")) return null;
  try {
    const value = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  } catch {
  }
  return null;
}
function looksLikeBrokenExecForm(text) {
  if (!/^\[\s*"/.test(text)) return false;
  return text.startsWith('["') || !text.includes("]");
}
function shorten(text, max = 60) {
  if (text.length > 4 * max) {
    const head = text.slice(0, 4 * max).replace(/\s+/g, " ").trimStart();
    if (head.length > max + 1) return `${head.slice(0, max - 1).trimEnd()}\u2026`;
  }
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}\u2026`;
}
function parseDockerfile(source) {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const { lines, escape: escapeChar, comments, segments } = segment(text);
  const problems = [];
  const instructions = [];
  const unknown = new UnknownInstructions(problems);
  for (const seg of segments) {
    const keyword = seg.keyword.toUpperCase();
    const line = seg.start + 1;
    const end = seg.end;
    const headerEnd = seg.headerEnd;
    const heredocs = seg.heredocs.map((h) => {
      let bodyLines = lines.slice(h.bodyStart, h.bodyEnd);
      if (h.stripTabs) bodyLines = bodyLines.map((l) => l.replace(/^\t+/, ""));
      return { name: h.name, body: bodyLines.join("\n"), line: h.bodyStart + 1, terminated: h.terminated };
    });
    const start = seg.start;
    const logical = joinLogical(lines.slice(start, Math.max(start, headerEnd) + 1), escapeChar).trim();
    const afterKeyword = logical.slice(seg.keyword.length).trim();
    const { flags, rest } = FLAG_INSTRUCTIONS.has(keyword) ? splitFlags(afterKeyword) : { flags: [], rest: afterKeyword };
    const json = JSON_INSTRUCTIONS.has(keyword) && heredocs.length === 0 ? parseJsonArray(rest) : null;
    if (!KNOWN_INSTRUCTIONS.has(keyword)) unknown.push(seg.keyword, line);
    for (const h of heredocs) {
      if (!h.terminated) {
        problems.push({
          line,
          message: `the heredoc \`<<${h.name}\` is never closed: end it with a line holding only \`${h.name}\``
        });
      }
    }
    if (keyword === "SHELL" && json === null) {
      problems.push({
        line,
        message: `\`${shorten(`SHELL ${rest}`, 50)}\` must be a JSON array: write SHELL ["/bin/bash", "-c"]`
      });
    } else if (JSON_INSTRUCTIONS.has(keyword) && json === null && heredocs.length === 0 && looksLikeBrokenExecForm(rest)) {
      problems.push({
        line,
        message: `\`${shorten(`${seg.keyword} ${rest}`, 50)}\` is not a valid JSON array: write ["executable", "arg"] with double quotes, commas and a closing ]`
      });
    }
    instructions.push({
      keyword,
      line,
      endLine: end + 1,
      args: rest,
      flags,
      json,
      heredocs,
      text: shorten(`${keyword} ${afterKeyword}`)
    });
  }
  unknown.finish();
  return { instructions, comments, escape: escapeChar, problems };
}
var UnknownInstructions = class _UnknownInstructions {
  constructor(problems) {
    this.problems = problems;
  }
  problems;
  static SHOWN = 5;
  count = 0;
  firstHidden = 0;
  push(keyword, line) {
    this.count++;
    if (this.count > _UnknownInstructions.SHOWN) {
      if (this.firstHidden === 0) this.firstHidden = line;
      return;
    }
    this.problems.push({
      line,
      message: /^[A-Za-z][A-Za-z0-9_-]{0,19}$/.test(keyword) ? `unknown instruction \`${keyword}\`` : "this line starts with no Dockerfile instruction"
    });
  }
  finish() {
    const hidden = this.count - _UnknownInstructions.SHOWN;
    if (hidden <= 0) return;
    this.problems.push({
      line: this.firstHidden,
      message: `${hidden} more line${hidden === 1 ? "" : "s"} from here on start with no Dockerfile instruction: is this file a Dockerfile?`
    });
  }
};
function parseKeyValues(args, legacySpaceForm) {
  const words = splitWords(args);
  if (words.length === 0) return [];
  if (legacySpaceForm && !words[0].includes("=")) {
    const first = /^\S+/.exec(args.trim())?.[0] ?? "";
    const rest = args.trim().slice(first.length).trim();
    return [{ key: first, value: unquote(rest) }];
  }
  return words.map((w) => {
    const eq = w.indexOf("=");
    return eq < 0 ? { key: w, value: null } : { key: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}
function splitWords(text) {
  const out = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++;
    if (i >= n) break;
    let w = "";
    while (i < n && !/\s/.test(text[i])) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, i + 1);
        let inner = text.slice(i + 1, end < 0 ? n : end);
        if (c === '"') inner = inner.replace(/\\(["\\$])/g, "$1");
        w += inner;
        i = end < 0 ? n : end + 1;
      } else if (c === "\\" && i + 1 < n) {
        w += text[i + 1];
        i += 2;
      } else {
        w += c;
        i++;
      }
    }
    out.push(w);
  }
  return out;
}
function unquote(value) {
  const t = value.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

// src/lint/expand.ts
var UNKNOWN = /* @__PURE__ */ Symbol("unknown");
var MAX_EXPANDED_LENGTH = 64 * 1024;
var MAX_NESTED_DEFAULTS = 16;
var MAX_PATTERN_SUBJECT = 4096;
var NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
function closingBrace(text, open, escapeChar = "\\") {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const c = text[j];
    if (c === escapeChar) j++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return j + 1;
  }
  return -1;
}
function expandText(text, lookup, escapeChar = "\\", onLimit, depth = 0) {
  if (depth > MAX_NESTED_DEFAULTS) return null;
  if (!text.includes("$")) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (out.length > MAX_EXPANDED_LENGTH) {
      onLimit?.();
      return out.slice(0, MAX_EXPANDED_LENGTH);
    }
    const c = text[i];
    if (c === escapeChar && text[i + 1] === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (c !== "$") {
      let j = i + 1;
      while (j < text.length && text[j] !== "$" && text[j] !== escapeChar) j++;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (text[i + 1] === "{") {
      const close = closingBrace(text, i + 1, escapeChar);
      if (close < 0) return null;
      const piece = expandParameter(text.slice(i + 2, close - 1), lookup, escapeChar, onLimit, depth);
      if (piece === null) return null;
      out += piece;
      i = close;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1, i + 257));
    if (!m) {
      out += c;
      i++;
      continue;
    }
    const value = lookup(m[0]);
    if (typeof value !== "string") return null;
    out += value;
    i += 1 + m[0].length;
  }
  if (out.length > MAX_EXPANDED_LENGTH) {
    onLimit?.();
    return out.slice(0, MAX_EXPANDED_LENGTH);
  }
  return out;
}
function expandParameter(inner, lookup, escapeChar = "\\", onLimit, depth = 0) {
  const m = NAME.exec(inner);
  if (!m) return null;
  const value = lookup(m[0]);
  const rest = inner.slice(m[0].length);
  if (rest === "") return typeof value === "string" ? value : null;
  const word = (from) => expandText(rest.slice(from), lookup, escapeChar, onLimit, depth + 1);
  if (value === UNKNOWN) return null;
  const set = value !== void 0;
  const nonEmpty = set && value !== "";
  switch (rest[0]) {
    case ":": {
      const op = rest[1];
      if (op === "-") return nonEmpty ? value : word(2);
      if (op === "+") return nonEmpty ? word(2) : "";
      if (op === "?") return nonEmpty ? value : null;
      return null;
    }
    case "-":
      return set ? value : word(1);
    case "+":
      return set ? word(1) : "";
    case "?":
      return set ? value : null;
    case "#":
    case "%": {
      if (!set) return null;
      const longest = rest[1] === rest[0];
      const pattern = word(longest ? 2 : 1);
      if (pattern === null) return null;
      return rest[0] === "#" ? removePrefix(value, pattern, longest) : removeSuffix(value, pattern, longest);
    }
    case "/": {
      if (!set) return null;
      const all = rest[1] === "/";
      const body = rest.slice(all ? 2 : 1);
      const slash = unescapedSlash(body, escapeChar);
      const pattern = expandText(
        slash < 0 ? body : body.slice(0, slash),
        lookup,
        escapeChar,
        onLimit,
        depth + 1
      );
      const replacement = slash < 0 ? "" : expandText(body.slice(slash + 1), lookup, escapeChar, onLimit, depth + 1);
      if (pattern === null || replacement === null) return null;
      return replacePattern(value, pattern, replacement, all);
    }
    default:
      return null;
  }
}
function unescapedSlash(text, escapeChar) {
  for (let j = 0; j < text.length; j++) {
    if (text[j] === escapeChar) j++;
    else if (text[j] === "/") return j;
  }
  return -1;
}
function patternSource(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        let cls = pattern.slice(i + 1, end);
        if (cls.startsWith("!") || cls.startsWith("^")) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) re += escapeRegExp(pattern[++i]);
    else re += escapeRegExp(c);
  }
  return re;
}
function escapeRegExp(c) {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c;
}
function wholeMatcher(pattern) {
  try {
    return new RegExp(`^(?:${patternSource(pattern)})$`);
  } catch {
    return null;
  }
}
function removePrefix(value, pattern, longest) {
  if (value.length > MAX_PATTERN_SUBJECT) return null;
  const re = wholeMatcher(pattern);
  if (!re) return null;
  if (longest) {
    for (let k = value.length; k >= 0; k--) if (re.test(value.slice(0, k))) return value.slice(k);
  } else {
    for (let k = 0; k <= value.length; k++) if (re.test(value.slice(0, k))) return value.slice(k);
  }
  return value;
}
function removeSuffix(value, pattern, longest) {
  if (value.length > MAX_PATTERN_SUBJECT) return null;
  const re = wholeMatcher(pattern);
  if (!re) return null;
  if (longest) {
    for (let k = 0; k <= value.length; k++) if (re.test(value.slice(k))) return value.slice(0, k);
  } else {
    for (let k = value.length; k >= 0; k--) if (re.test(value.slice(k))) return value.slice(0, k);
  }
  return value;
}
function replacePattern(value, pattern, replacement, all) {
  if (value.length > MAX_PATTERN_SUBJECT) return null;
  if (pattern === "") return value;
  let source;
  let anchor = "";
  if (pattern.startsWith("#") || pattern.startsWith("%")) {
    anchor = pattern[0];
    source = patternSource(pattern.slice(1));
  } else source = patternSource(pattern);
  let re;
  try {
    re = new RegExp(
      anchor === "#" ? `^(?:${source})` : anchor === "%" ? `(?:${source})$` : source,
      all ? "g" : ""
    );
  } catch {
    return null;
  }
  return value.replace(re, () => replacement);
}

// src/lint/shell.ts
var CONTROL_OPS = /* @__PURE__ */ new Set(["&&", "||", ";", ";;", "|", "|&", "&", "\n", "(", ")"]);
function skipNested(script, start, opener) {
  const n = script.length;
  const stack = [{ kind: opener, depth: 0 }];
  let j = opener === "`" ? start + 1 : start;
  while (j < n) {
    const top = stack[stack.length - 1];
    const c = script[j];
    let closed = false;
    if (c === "\\") {
      j += 2;
      continue;
    }
    if (top.kind === "`") {
      closed = c === "`";
    } else if (top.kind === '"') {
      if (c === '"') closed = true;
      else if (c === "$" && script[j + 1] === "(") {
        stack.push({ kind: "(", depth: 0 });
        j++;
        continue;
      } else if (c === "`") stack.push({ kind: "`", depth: 0 });
    } else if (c === "'") {
      const end = script.indexOf("'", j + 1);
      j = end < 0 ? n : end + 1;
      continue;
    } else if (c === '"') stack.push({ kind: '"', depth: 0 });
    else if (c === top.kind) top.depth++;
    else if (c === (top.kind === "(" ? ")" : "}")) closed = --top.depth === 0;
    j++;
    if (closed) {
      stack.pop();
      if (stack.length === 0) return j;
    }
  }
  return n;
}
var WORD_END = /[\s;&|<>()]/;
var SPECIAL = new Uint8Array(128);
for (const c of "\\'\"$` 	\r\n<>&|;()") SPECIAL[c.charCodeAt(0)] = 1;
var SPECIAL_QUOTED = new Uint8Array(128);
for (const c of '\\"$`') SPECIAL_QUOTED[c.charCodeAt(0)] = 1;
var Tokenizer = class {
  constructor(script) {
    this.script = script;
    this.n = script.length;
  }
  script;
  tokens = [];
  n;
  i = 0;
  word = "";
  inWord = false;
  wordStart = 0;
  /** The current word holds a `$` outside single quotes: keep its raw text for expansion. */
  expandable = false;
  /** The current word holds an unquoted `{`: keep its raw text for brace expansion. */
  braced = false;
  pendingHeredocs = [];
  run() {
    const s = this.script;
    while (this.i < this.n) {
      const c = s[this.i];
      if (c === "\\") this.readBackslash();
      else if (c === "'") this.readSingleQuoted();
      else if (c === '"') this.readDoubleQuoted();
      else if (c === "$") this.readDollar();
      else if (c === "`") this.appendNested(this.i, "`");
      else if (c === "#" && !this.inWord) this.skipComment();
      else if (c === " " || c === "	" || c === "\r") {
        this.flush();
        this.i++;
      } else if (c === "\n") this.readNewline();
      else if (c === "<" || c === ">") this.readRedirection(c);
      else if (c === "&" || c === "|" || c === ";" || c === "(" || c === ")") this.readOperator(c);
      else this.readPlain();
    }
    this.flush();
    return this.tokens;
  }
  /** A run of characters with no meaning to the shell, taken as one slice instead of one by one. */
  readPlain() {
    this.startWord();
    const s = this.script;
    let j = this.i + 1;
    while (j < this.n && !SPECIAL[s.charCodeAt(j)]) j++;
    const plain = s.slice(this.i, j);
    if (plain.includes("{")) this.braced = true;
    this.word += plain;
    this.i = j;
  }
  startWord() {
    if (!this.inWord) {
      this.inWord = true;
      this.wordStart = this.i;
    }
  }
  flush() {
    if (this.inWord) {
      const token = { kind: "word", value: this.word };
      if (this.expandable || this.braced) token.raw = this.script.slice(this.wordStart, this.i);
      if (this.braced) token.braces = true;
      this.tokens.push(token);
    }
    this.word = "";
    this.inWord = false;
    this.expandable = false;
    this.braced = false;
  }
  /** Copies an expansion or quoted run as written (from `from`) into the word, through its end. */
  appendNested(from, opener) {
    this.startWord();
    this.expandable = true;
    const end = skipNested(this.script, opener === "`" ? from : from + 1, opener);
    this.word += this.script.slice(from, end);
    this.i = end;
  }
  readBackslash() {
    const s = this.script;
    const next = s[this.i + 1];
    if (next === "\n" || next === "\r" && s[this.i + 2] === "\n") {
      this.i += next === "\n" ? 2 : 3;
      return;
    }
    this.startWord();
    if (next !== void 0) this.word += next;
    this.i += 2;
  }
  readSingleQuoted() {
    this.startWord();
    const end = this.script.indexOf("'", this.i + 1);
    this.word += this.script.slice(this.i + 1, end < 0 ? this.n : end);
    this.i = end < 0 ? this.n : end + 1;
  }
  readDoubleQuoted() {
    const s = this.script;
    this.startWord();
    let j = this.i + 1;
    while (j < this.n && s[j] !== '"') {
      const d = s[j];
      if (d === "\\" && j + 1 < this.n && '"\\$`\n'.includes(s[j + 1])) {
        if (s[j + 1] !== "\n") this.word += s[j + 1];
        j += 2;
      } else if (d === "$" && s[j + 1] === "(" || d === "`") {
        const end = skipNested(s, d === "$" ? j + 1 : j, d === "$" ? "(" : "`");
        this.word += s.slice(j, end);
        this.expandable = true;
        j = end;
      } else if (d === "$") {
        this.expandable = true;
        this.word += d;
        j++;
      } else {
        let k = j + 1;
        while (k < this.n && !SPECIAL_QUOTED[s.charCodeAt(k)]) k++;
        this.word += s.slice(j, k);
        j = k;
      }
    }
    this.i = j + 1;
  }
  readDollar() {
    const s = this.script;
    const next = s[this.i + 1];
    if (next === "(" || next === "{") {
      this.appendNested(this.i, next);
      return;
    }
    this.startWord();
    if (next === "'") {
      let j = this.i + 2;
      while (j < this.n && s[j] !== "'") {
        if (s[j] === "\\" && j + 1 < this.n) {
          this.word += s[j + 1];
          j += 2;
        } else this.word += s[j++];
      }
      this.i = j + 1;
      return;
    }
    this.expandable = true;
    this.word += "$";
    this.i++;
  }
  skipComment() {
    while (this.i < this.n && this.script[this.i] !== "\n") this.i++;
  }
  readNewline() {
    this.flush();
    this.tokens.push({ kind: "op", value: "\n" });
    this.i++;
    if (this.pendingHeredocs.length > 0) this.readHeredocBodies();
  }
  /** Just after a newline: consumes the bodies of the heredocs opened on the line that ended. */
  readHeredocBodies() {
    const s = this.script;
    for (const doc of this.pendingHeredocs) {
      while (this.i < this.n) {
        let end = s.indexOf("\n", this.i);
        if (end < 0) end = this.n;
        let line = s.slice(this.i, end);
        if (line.endsWith("\r")) line = line.slice(0, -1);
        this.i = Math.min(end + 1, this.n);
        if ((doc.stripTabs ? line.replace(/^\t+/, "") : line) === doc.delimiter) break;
      }
    }
    this.pendingHeredocs.length = 0;
  }
  /** A redirection and its target word: neither belongs to the command's argv. */
  readRedirection(c) {
    const s = this.script;
    if (this.inWord && /^\d+$/.test(this.word)) {
      this.word = "";
      this.inWord = false;
      this.expandable = false;
      this.braced = false;
    } else this.flush();
    let op = c;
    let j = this.i + 1;
    while (j < this.n && "<>&|-".includes(s[j]) && op.length < 3) op += s[j++];
    this.i = j;
    this.skipBlanks();
    if (op.startsWith("<<") && op !== "<<<") {
      let delim = "";
      while (this.i < this.n && !WORD_END.test(s[this.i])) {
        const d = s[this.i++];
        if (d !== '"' && d !== "'" && d !== "\\") delim += d;
      }
      this.pendingHeredocs.push({ delimiter: delim, stripTabs: op.startsWith("<<-") });
      return;
    }
    if (op.endsWith("&") && /\d|-/.test(s[this.i] ?? "")) {
      while (this.i < this.n && /[\d-]/.test(s[this.i])) this.i++;
      return;
    }
    this.i = this.skipWord(this.i);
  }
  skipBlanks() {
    while (this.i < this.n && (this.script[this.i] === " " || this.script[this.i] === "	")) this.i++;
  }
  /** The index after one word (quotes and expansions allowed), read without keeping it. */
  skipWord(from) {
    const s = this.script;
    let j = from;
    while (j < this.n && !WORD_END.test(s[j])) {
      const d = s[j];
      if (d === '"') j = skipNested(s, j + 1, '"');
      else if (d === "'") {
        const e = s.indexOf("'", j + 1);
        j = e < 0 ? this.n : e + 1;
      } else if (d === "\\") j += 2;
      else if (d === "$" && (s[j + 1] === "(" || s[j + 1] === "{"))
        j = skipNested(s, j + 1, s[j + 1]);
      else j++;
    }
    return Math.max(j, from);
  }
  readOperator(c) {
    this.flush();
    const two = this.script.slice(this.i, this.i + 2);
    if (two === "&&" || two === "||" || two === ";;" || two === "|&") {
      this.tokens.push({ kind: "op", value: two });
      this.i += 2;
    } else {
      this.tokens.push({ kind: "op", value: c });
      this.i++;
    }
  }
};
function tokenize(script) {
  return new Tokenizer(script).run();
}
var LEADING_KEYWORDS = /* @__PURE__ */ new Set([
  "if",
  "then",
  "else",
  "elif",
  "do",
  "while",
  "until",
  "!",
  "{",
  "}",
  "fi",
  "done"
]);
var SKIP_COMMANDS = /* @__PURE__ */ new Set(["for", "case", "select", "function"]);
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox-sh"]);
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
function commandName(word) {
  const slash = word.lastIndexOf("/");
  return slash >= 0 ? word.slice(slash + 1) : word;
}
function isShell(word) {
  return SHELLS.has(commandName(word));
}
function expandsBraces(shell) {
  const name = commandName(shell);
  return name === "bash" || name === "zsh";
}
function peelWrappers(words, env) {
  let w = words;
  for (let guard = 0; guard < 8 && w.length > 0; guard++) {
    const name = commandName(w[0]);
    if (LEADING_KEYWORDS.has(w[0])) {
      w = w.slice(1);
      continue;
    }
    if (ASSIGNMENT.test(w[0])) {
      const eq = w[0].indexOf("=");
      env[w[0].slice(0, eq)] = w[0].slice(eq + 1);
      w = w.slice(1);
      continue;
    }
    if (name === "sudo") {
      let k = 1;
      while (k < w.length && w[k].startsWith("-")) {
        const opt = w[k];
        k += /^-[ugCDhpRrTt]$/.test(opt) || /^--(user|group|chdir|prompt)$/.test(opt) ? 2 : 1;
      }
      w = w.slice(k);
      continue;
    }
    if (name === "env") {
      let k = 1;
      while (k < w.length) {
        const a = w[k];
        if (a === "-u" || a === "-C" || a === "--unset" || a === "--chdir") k += 2;
        else if (a.startsWith("-")) k++;
        else if (ASSIGNMENT.test(a)) {
          const eq = a.indexOf("=");
          env[a.slice(0, eq)] = a.slice(eq + 1);
          k++;
        } else break;
      }
      w = w.slice(k);
      continue;
    }
    if (name === "xargs") {
      let k = 1;
      while (k < w.length && w[k].startsWith("-")) {
        k += /^-[IiLlnPsdEa]$/.test(w[k]) ? 2 : 1;
      }
      w = w.slice(k);
      continue;
    }
    if (name === "nice" || name === "timeout" || name === "stdbuf" || name === "ionice") {
      let k = 1;
      while (k < w.length && w[k].startsWith("-")) k += /^-[nskcp]$/.test(w[k]) ? 2 : 1;
      if (name === "timeout" && k < w.length) k++;
      w = w.slice(k);
      continue;
    }
    if (["nohup", "time", "exec", "command", "eatmydata", "chronic", "builtin"].includes(name)) {
      let k = 1;
      while (k < w.length && w[k].startsWith("-") && name !== "nohup") k++;
      w = w.slice(k);
      continue;
    }
    break;
  }
  return w;
}
function shellDashC(argv) {
  if (argv.length < 2 || !isShell(argv[0])) return null;
  for (let k = 1; k < argv.length; k++) {
    const a = argv[k];
    if (a === "-o" || a === "+o" || a === "-O" || a === "+O") {
      k++;
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const skip = a.slice(1).includes("o") || a.slice(1).includes("O") ? 1 : 0;
      if (a.includes("c")) return argv[k + 1 + skip] ?? null;
      k += skip;
      continue;
    }
    if (a.startsWith("--")) continue;
    return null;
  }
  return null;
}
var ShellScope = class {
  constructor(outer = () => UNKNOWN) {
    this.outer = outer;
  }
  outer;
  assigned = /* @__PURE__ */ new Map();
  /** Variables the script exported so far: the environment of the commands after. */
  exported = {};
  get(name) {
    const value = this.lookup(name);
    return typeof value === "string" ? value : void 0;
  }
  /** `get`, telling a variable the script set to something unknown from one never set. */
  lookup(name) {
    const own = this.assigned.get(name);
    if (own !== void 0) return own ?? UNKNOWN;
    return this.outer(name);
  }
  assign(name, value, exported) {
    const known = /[$`]/.test(value) ? null : value;
    this.assigned.set(name, known);
    if (exported && known !== null) this.exported[name] = known;
    else if (exported) delete this.exported[name];
  }
  export(name) {
    const value = this.get(name);
    if (value !== void 0) this.exported[name] = value;
  }
};
var UNQUOTED_SPECIAL = /[^\sA-Za-z0-9_./,:=+@%-]/g;
function expandWord(raw, get) {
  let out = "";
  let changed = false;
  let quoted = false;
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw[i];
    let end = i + 1;
    if (c === "\\") end = i + 2;
    else if (c === "'" && !quoted) {
      const e = raw.indexOf("'", i + 1);
      end = e < 0 ? n : e + 1;
    } else if (c === '"') quoted = !quoted;
    else if (c === "`") end = skipNested(raw, i, "`");
    else if (c === "$") {
      const next = raw[i + 1];
      let value = null;
      if (next === "(") end = skipNested(raw, i + 1, "(");
      else if (next === "{") {
        end = skipNested(raw, i + 1, "{");
        const inner = raw.slice(i + 2, end - 1);
        if (raw[end - 1] === "}" && !/["'`\\]|\$\(/.test(inner)) value = expandParameter(inner, get);
      } else if (next !== void 0 && /[A-Za-z_]/.test(next)) {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1, i + 258));
        const known = get(m[0]);
        if (typeof known === "string") value = known;
        end = i + 1 + m[0].length;
      }
      if (value !== null) {
        out += quoted ? value.replace(/["\\$`]/g, "\\$&") : value.replace(UNQUOTED_SPECIAL, "\\$&").replace(/\s+/g, " ");
        changed = true;
        i = end;
        continue;
      }
    }
    out += raw.slice(i, end);
    i = end;
  }
  return changed ? out : null;
}
var DECLARE_COMMANDS = /* @__PURE__ */ new Set(["export", "readonly", "declare", "typeset", "local"]);
function recordAssignments(argv, env, scope) {
  if (argv.length === 0) {
    for (const [k, v] of Object.entries(env)) scope.assign(k, v, false);
    return;
  }
  const name = argv[0];
  if (!DECLARE_COMMANDS.has(name)) return;
  const exported = name === "export" || argv.includes("-x");
  for (const a of argv.slice(1)) {
    if (a.startsWith("-")) continue;
    const eq = a.indexOf("=");
    if (eq > 0 && ASSIGNMENT.test(a)) scope.assign(a.slice(0, eq), a.slice(eq + 1), exported);
    else if (exported && /^[A-Za-z_][A-Za-z0-9_]*$/.test(a)) scope.export(a);
  }
}
function splitCommands(script, depth = 0, scope, braces = false) {
  const out = [];
  let current = [];
  const end = () => {
    if (current.length > 0) emit(current);
    current = [];
  };
  const emit = (words) => {
    if (SKIP_COMMANDS.has(words[0])) return;
    const env = {};
    const argv = peelWrappers(words, env);
    if (scope) recordAssignments(argv, env, scope);
    if (argv.length === 0) return;
    const fullEnv = scope ? { ...scope.exported, ...env } : env;
    const inner = depth < 4 ? shellDashC(argv) : null;
    if (inner !== null) {
      for (const cmd of splitCommands(inner, depth + 1, scope, expandsBraces(argv[0]))) {
        out.push({ argv: cmd.argv, env: { ...fullEnv, ...cmd.env } });
      }
      return;
    }
    out.push({ argv, env: fullEnv });
  };
  for (const t of tokenize(script)) {
    if (t.kind === "op") {
      if (CONTROL_OPS.has(t.value)) end();
      continue;
    }
    if (braces && t.braces && t.raw !== void 0) {
      const pieces = braceExpand(t.raw);
      if (pieces.length > 1) {
        for (const piece of pieces) pushWord(current, piece, scope);
        continue;
      }
    }
    const expanded = scope && t.raw !== void 0 ? expandWord(t.raw, (k) => scope.lookup(k)) : null;
    if (expanded === null) current.push(t.value);
    else for (const w of tokenize(expanded)) if (w.kind === "word") current.push(w.value);
  }
  end();
  return out;
}
function pushWord(current, raw, scope) {
  const expanded = scope ? expandWord(raw, (k) => scope.lookup(k)) : null;
  for (const w of tokenize(expanded ?? raw)) if (w.kind === "word") current.push(w.value);
}
var MAX_BRACE_WORDS = 256;
var MAX_BRACE_WORD_LENGTH = 4096;
function braceGroup(raw, open) {
  const commas = [];
  let depth = 0;
  for (let j = open; j < raw.length; j++) {
    const c = raw[j];
    if (c === "\\") j++;
    else if (c === "'") {
      const e = raw.indexOf("'", j + 1);
      if (e < 0) return null;
      j = e;
    } else if (c === '"') j = skipNested(raw, j + 1, '"') - 1;
    else if (c === "`") j = skipNested(raw, j, "`") - 1;
    else if (c === "$" && (raw[j + 1] === "{" || raw[j + 1] === "("))
      j = skipNested(raw, j + 1, raw[j + 1]) - 1;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return { close: j, commas };
    else if (c === "," && depth === 1) commas.push(j);
  }
  return null;
}
function braceSequence(body) {
  const num = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    if (Math.abs(b - a) >= MAX_BRACE_WORDS) return null;
    const step = a <= b ? 1 : -1;
    const out = [];
    for (let k = a; k !== b + step; k += step) out.push(String(k));
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
  if (chr) {
    const a = chr[1].charCodeAt(0);
    const b = chr[2].charCodeAt(0);
    const step = a <= b ? 1 : -1;
    const out = [];
    for (let k = a; k !== b + step; k += step) out.push(String.fromCharCode(k));
    return out;
  }
  return null;
}
function braceExpand(raw) {
  if (raw.length > MAX_BRACE_WORD_LENGTH) return [raw];
  const out = [];
  const work = [raw];
  while (work.length > 0) {
    const word = work.pop();
    let expanded = false;
    for (let i = 0; i < word.length && !expanded; i++) {
      const c = word[i];
      if (c === "\\") i++;
      else if (c === "'") {
        const e = word.indexOf("'", i + 1);
        i = e < 0 ? word.length : e;
      } else if (c === '"') i = skipNested(word, i + 1, '"') - 1;
      else if (c === "`") i = skipNested(word, i, "`") - 1;
      else if (c === "$" && (word[i + 1] === "{" || word[i + 1] === "("))
        i = skipNested(word, i + 1, word[i + 1]) - 1;
      else if (c === "{") {
        const group = braceGroup(word, i);
        if (!group) continue;
        const body = word.slice(i + 1, group.close);
        let alternatives = null;
        if (group.commas.length > 0) {
          const cuts = [i, ...group.commas, group.close];
          alternatives = cuts.slice(1).map((end, k) => word.slice(cuts[k] + 1, end));
        } else alternatives = braceSequence(body);
        if (!alternatives) continue;
        const before = word.slice(0, i);
        const after = word.slice(group.close + 1);
        for (let k = alternatives.length - 1; k >= 0; k--) work.push(before + alternatives[k] + after);
        expanded = true;
      }
    }
    if (!expanded) out.push(word);
    if (out.length + work.length > MAX_BRACE_WORDS) return [raw];
  }
  return out;
}
function execFormCommands(argv, scope) {
  if (argv.length === 0) return [];
  const inner = shellDashC(argv);
  if (inner !== null) return splitCommands(inner, 1, scope, expandsBraces(argv[0]));
  const env = {};
  const peeled = peelWrappers([...argv], env);
  return peeled.length > 0 ? [{ argv: peeled, env }] : [];
}

// src/lint/stages.ts
function substitute(text, vars, escapeChar = "\\", onLimit) {
  if (!text.includes("$")) return text;
  return expandText(text, (name) => vars.get(name) ?? void 0, escapeChar, onLimit);
}
var DEFAULT_PLATFORM = "linux/amd64";
function platformArgs(platform = DEFAULT_PLATFORM) {
  const [os = "linux", arch = "amd64", variant = ""] = platform.toLowerCase().split("/");
  const full = variant ? `${os}/${arch}/${variant}` : `${os}/${arch}`;
  return /* @__PURE__ */ new Map([
    ["TARGETPLATFORM", full],
    ["TARGETOS", os],
    ["TARGETARCH", arch],
    ["TARGETVARIANT", variant],
    ["BUILDPLATFORM", full],
    ["BUILDOS", os],
    ["BUILDARCH", arch],
    ["BUILDVARIANT", variant]
  ]);
}
function isPlatform(text) {
  return /^[a-z0-9_-]+\/[a-z0-9_-]+(\/[a-z0-9_-]+)?$/i.test(text);
}
var GraphError = class extends Error {
};
function expansionLimitMessage() {
  return `a variable here expands to more than ${MAX_EXPANDED_LENGTH / 1024} KiB (a value that keeps doubling itself?): image-guard judges it cut to that length`;
}
function parseFrom(from) {
  const words = splitWords(from.args);
  if (words.length === 0)
    return { image: null, name: null, problem: "`FROM` needs an image: write `FROM image:tag`" };
  if (words.length === 1) return { image: words[0], name: null, problem: null };
  if (words.length === 3 && words[1].toLowerCase() === "as")
    return { image: words[0], name: words[2], problem: null };
  return {
    image: words[0],
    name: null,
    problem: `\`${from.text}\` is not \`FROM image [AS name]\``
  };
}
function buildStageGraph(parsed, target, platform = DEFAULT_PLATFORM) {
  const problems = [];
  let limited = false;
  const limitAt = (line) => () => {
    if (limited) return;
    limited = true;
    problems.push({ line, message: expansionLimitMessage() });
  };
  const automatic = platformArgs(platform);
  const globalArgs = new Map(automatic);
  const stages = [];
  const byName = /* @__PURE__ */ new Map();
  const preamble = [];
  let current = null;
  for (const instr of parsed.instructions) {
    if (instr.keyword === "FROM") {
      const { image: rawImage, name, problem } = parseFrom(instr);
      if (problem) problems.push({ line: instr.line, message: problem });
      const image = rawImage === null ? null : substitute(rawImage, globalArgs, parsed.escape, limitAt(instr.line));
      const key = image?.toLowerCase() ?? null;
      const parent = key === null ? null : byName.get(key) ?? null;
      const scratch = key === "scratch";
      const ref = image !== null && !parent && !scratch && image !== "" ? parseImageRef(image) : null;
      if (name && byName.has(name.toLowerCase())) {
        problems.push({
          line: instr.line,
          message: `the stage name \`${name}\` is used twice: give each stage its own name`
        });
      }
      current = { index: stages.length, name, from: instr, image, parent, ref, scratch, body: [], uses: [] };
      stages.push(current);
      if (name) byName.set(name.toLowerCase(), current);
      continue;
    }
    if (current === null) {
      preamble.push(instr);
      if (instr.keyword === "ARG") {
        for (const { key, value } of parseKeyValues(instr.args, false)) {
          if (automatic.has(key)) continue;
          globalArgs.set(
            key,
            value === null ? null : substitute(value, globalArgs, parsed.escape, limitAt(instr.line))
          );
        }
      }
      continue;
    }
    current.body.push(instr);
  }
  if (stages.length === 0) return { graph: null, problems };
  for (const stage of stages) {
    for (const instr of stage.body) {
      for (const ref of stageReferences(instr)) {
        const found = resolveStageRef(ref, stages, stage.index, globalArgs, parsed.escape);
        if (found && !stage.uses.includes(found)) stage.uses.push(found);
      }
    }
  }
  let final = stages[stages.length - 1];
  if (target !== void 0) {
    const t = stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
    if (!t) {
      const names = stages.map((s) => s.name).filter((n) => n !== null);
      throw new GraphError(
        `no stage named "${target}" in the Dockerfile${names.length ? `: its stages are ${names.join(", ")}` : ": its stages have no names (FROM image AS name)"}`
      );
    }
    final = t;
  }
  const lineage = lineageOf(final);
  const built = /* @__PURE__ */ new Set([final]);
  const work = [final];
  while (work.length > 0) {
    const s = work.pop();
    for (const next of s.parent ? [s.parent, ...s.uses] : s.uses) {
      if (built.has(next)) continue;
      built.add(next);
      work.push(next);
    }
  }
  const finalReason = target !== void 0 ? "target" : "last stage";
  return { graph: { stages, globalArgs, final, finalReason, lineage, built, preamble }, problems };
}
function stageReferences(instr) {
  const out = [];
  if (instr.keyword === "COPY" || instr.keyword === "ADD") {
    for (const f of instr.flags) if (f.name === "from" && f.value) out.push(f.value);
  }
  if (instr.keyword === "RUN") {
    for (const f of instr.flags) {
      if (f.name !== "mount" || !f.value) continue;
      const from = parseMount(f.value).from;
      if (from) out.push(from);
    }
  }
  return out;
}
function resolveStageRef(raw, stages, before, globalArgs, escapeChar) {
  const value = substitute(raw, globalArgs, escapeChar);
  if (value === null) return null;
  if (/^\d+$/.test(value)) {
    const idx = Number(value);
    return idx < before ? stages[idx] ?? null : null;
  }
  const key = value.toLowerCase();
  return stages.find((s, i) => i < before && s.name?.toLowerCase() === key) ?? null;
}
function parseMount(value) {
  const m = { type: "bind", target: null, from: null, source: null };
  for (const part of value.split(",")) {
    const eq = part.indexOf("=");
    const k = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const v = eq < 0 ? "" : part.slice(eq + 1).trim().replace(/^["']|["']$/g, "");
    if (k === "type") m.type = v.toLowerCase();
    else if (k === "target" || k === "dst" || k === "destination") m.target = v;
    else if (k === "from") m.from = v;
    else if (k === "source" || k === "src") m.source = v;
  }
  return m;
}
function mountsOf(instr) {
  return instr.flags.filter((f) => f.name === "mount" && f.value).map((f) => parseMount(f.value));
}
function baseOf(stage) {
  let s = stage;
  while (s.parent) s = s.parent;
  return s;
}
function lineageOf(stage) {
  const out = [];
  for (let s = stage; s; s = s.parent) out.push(s);
  return out.reverse();
}
function variablesBefore(lineage, until, globalArgs, which = { env: true, arg: true }) {
  const vars = /* @__PURE__ */ new Map();
  for (const stage of lineage) {
    for (const instr of stage.body) {
      if (instr === until) return vars;
      if (instr.keyword === "ENV" && which.env) {
        for (const { key, value } of parseKeyValues(instr.args, true))
          if (value !== null) vars.set(key, substitute(value, vars, "\\") ?? value);
      } else if (instr.keyword === "ARG" && which.arg) {
        for (const { key, value } of parseKeyValues(instr.args, false)) {
          const v = value ?? globalArgs.get(key) ?? null;
          if (v !== null) vars.set(key, substitute(v, vars, "\\") ?? v);
        }
      }
    }
  }
  return vars;
}

// src/lint/commands/run.ts
function heredocShell(body, headerCommands, runShell) {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
  if (shebang) {
    const interp = commandName(shebang[1]) === "env" ? shebang[2] ?? "" : shebang[1];
    return isShell(interp) ? interp : null;
  }
  if (headerCommands.length === 0) return runShell;
  const reader = headerCommands.find(
    (c) => isShell(c.argv[0]) && shellDashC(c.argv) === null && !c.argv.slice(1).some((a) => !a.startsWith("-"))
  );
  return reader ? reader.argv[0] : null;
}
function analyzeRun(instr, vars, shell = null) {
  const mounts = mountsOf(instr);
  const scope = new ShellScope(vars);
  if (instr.json) return { instr, commands: execFormCommands(instr.json, scope), mounts };
  const runShell = shell?.[0] ?? "/bin/sh";
  const header = splitCommands(instr.args, 0, scope, expandsBraces(runShell));
  const commands = [...header];
  for (const h of instr.heredocs) {
    const bodyShell = heredocShell(h.body, header, runShell);
    if (bodyShell !== null) commands.push(...splitCommands(h.body, 0, scope, expandsBraces(bodyShell)));
  }
  return { instr, commands, mounts };
}

// src/lint/rule.ts
var NOT_SET = /* @__PURE__ */ Symbol("not set");
function lastValue(scope, key) {
  const passed = [];
  let value;
  for (let s = scope; s; s = s.parent) {
    if (s.exit.has(key)) {
      value = s.exit.get(key);
      break;
    }
    passed.push(s);
    const version = s.versions.get(key);
    if (version) {
      value = version.values[version.values.length - 1];
      break;
    }
  }
  for (const s of passed) s.exit.set(key, value);
  return value;
}
function valueAt(scope, key, p) {
  const version = scope.versions.get(key);
  if (version && version.from[0] <= p) {
    let lo = 0;
    let hi = version.from.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (version.from[mid] <= p) lo = mid + 1;
      else hi = mid;
    }
    return version.values[lo - 1];
  }
  return scope.parent ? lastValue(scope.parent, key) : void 0;
}
var NO_VARS = { get: () => void 0, lookup: () => UNKNOWN };
var knownValue = (v) => v === NOT_SET ? void 0 : v;
function createContext(parsed, graph, problems, context, dockerfileName) {
  const runs = /* @__PURE__ */ new Map();
  const scopes = /* @__PURE__ */ new Map();
  const stageOf = /* @__PURE__ */ new Map();
  for (const stage of graph?.stages ?? []) for (const i of stage.body) stageOf.set(i, stage);
  let shellAt = null;
  const shellOf = (instr) => {
    if (!shellAt) {
      const at = /* @__PURE__ */ new Map();
      const atEnd = /* @__PURE__ */ new Map();
      for (const stage of graph?.stages ?? []) {
        let shell = stage.parent ? atEnd.get(stage.parent) ?? null : null;
        for (const i of stage.body) {
          if (i.keyword === "SHELL" && i.json && i.json.length > 0) shell = i.json;
          else if (i.keyword === "RUN" && shell) at.set(i, shell);
        }
        atEnd.set(stage, shell);
      }
      shellAt = at;
    }
    return shellAt.get(instr) ?? null;
  };
  const escapeChar = parsed.escape;
  const limitAt = (line) => () => {
    if (problems.some((p) => p.message === expansionLimitMessage())) return;
    problems.push({ line, message: expansionLimitMessage() });
  };
  const scopeOf = (stage) => {
    const known = scopes.get(stage);
    if (known) return known;
    const chain = [];
    for (let s = stage; s && !scopes.has(s); s = s.parent) chain.push(s);
    for (let k = chain.length - 1; k >= 0; k--) {
      const s = chain[k];
      const scope = {
        position: /* @__PURE__ */ new Map(),
        versions: /* @__PURE__ */ new Map(),
        exit: /* @__PURE__ */ new Map(),
        parent: s.parent ? scopes.get(s.parent) : null
      };
      const lookup = (p) => ({
        has: (key) => knownValue(valueAt(scope, key, p)) !== void 0,
        get: (key) => knownValue(valueAt(scope, key, p))
      });
      let at = 0;
      for (const i of s.body) {
        scope.position.set(i, at++);
        if (i.keyword !== "ENV" && i.keyword !== "ARG") continue;
        for (const { key, value } of parseKeyValues(i.args, i.keyword === "ENV")) {
          const v = value ?? (i.keyword === "ARG" ? graph?.globalArgs.get(key) ?? null : null);
          const resolved = v === null ? i.keyword === "ARG" && valueAt(scope, key, at) === void 0 ? NOT_SET : null : (
            // `ENV NODE_ENV=$NODE_ENV` takes the value of the ARG before it
            substitute(v, lookup(at), escapeChar, limitAt(i.line)) ?? v
          );
          if (resolved === null) continue;
          let version = scope.versions.get(key);
          if (!version) {
            version = { from: [], values: [] };
            scope.versions.set(key, version);
          }
          version.from.push(at);
          version.values.push(resolved);
        }
      }
      scopes.set(s, scope);
    }
    return scopes.get(stage);
  };
  const vars = (stage, instr) => {
    const scope = scopeOf(stageOf.get(instr) ?? stage);
    const p = scope.position.get(instr);
    if (p === void 0) return NO_VARS;
    return {
      get: (key) => knownValue(valueAt(scope, key, p)),
      lookup: (key) => {
        const v = valueAt(scope, key, p);
        return v === NOT_SET ? void 0 : v === void 0 ? UNKNOWN : v;
      }
    };
  };
  const sources = /* @__PURE__ */ new Map();
  return {
    parsed,
    graph,
    problems,
    context,
    dockerfileName,
    run(instr) {
      let info = runs.get(instr);
      if (!info) {
        const stage = stageOf.get(instr);
        const lookup = stage ? vars(stage, instr) : NO_VARS;
        info = analyzeRun(instr, (key) => lookup.lookup(key), shellOf(instr));
        runs.set(instr, info);
      }
      return info;
    },
    vars,
    sources(instr) {
      let words = sources.get(instr);
      if (!words) {
        const stage = stageOf.get(instr);
        const raw = copySources(instr);
        if (!stage || !raw.some((w) => w.includes("$"))) words = raw;
        else {
          const { lookup } = vars(stage, instr);
          words = raw.map((w) => expandText(w, lookup, escapeChar, limitAt(instr.line)) ?? w);
        }
        sources.set(instr, words);
      }
      return words;
    }
  };
}
function graphOf(ctx) {
  if (!ctx.graph) throw new Error("rule needs the stage graph");
  return ctx.graph;
}
function builtStages(ctx) {
  const g = graphOf(ctx);
  return g.stages.filter((s) => g.built.has(s));
}
function quote(instr) {
  return `\`${instr.text}\` (line ${instr.line})`;
}
function copySources(instr) {
  if (instr.heredocs.length > 0) return [];
  const words = instr.json ?? splitWords(instr.args);
  return words.length >= 2 ? words.slice(0, -1) : [];
}
function hasFromFlag(instr) {
  return instr.flags.some((f) => f.name === "from");
}
var WHOLE = /* @__PURE__ */ new Set([".", "./", "*", "./*"]);
function isWholeContextCopy(ctx, instr) {
  if (instr.keyword !== "COPY" && instr.keyword !== "ADD") return false;
  if (hasFromFlag(instr)) return false;
  return ctx.sources(instr).some((s) => WHOLE.has(s));
}
function isUrl(src) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || /^git@/.test(src);
}

// src/lint/rules/IG000-syntax.ts
var IG000 = {
  id: "IG000",
  name: "syntax",
  severity: "error",
  summary: "The Dockerfile cannot be parsed, has an unknown instruction, has no FROM, or `COPY --from=` names a stage that does not exist.",
  rationale: "The engine refuses to build it, or builds something other than what the file says.",
  fix: "Correct the instruction at this line.",
  check(ctx) {
    const out = ctx.problems.map((p) => ({ line: p.line, message: p.message }));
    const g = ctx.graph;
    if (!g) {
      const empty = ctx.parsed.instructions.length === 0;
      out.push({
        line: 1,
        message: empty ? "the Dockerfile holds no instructions: it needs at least `FROM image:tag`" : "the Dockerfile has no FROM instruction: start a stage with `FROM image:tag`",
        fix: "Begin the build with `FROM image:tag` (only ARG may come before the first FROM)."
      });
      return out;
    }
    for (const instr of g.preamble) {
      if (instr.keyword !== "ARG" && KNOWN_INSTRUCTIONS.has(instr.keyword)) {
        out.push({
          line: instr.line,
          message: `\`${instr.text}\` (line ${instr.line}) comes before the first FROM: only ARG may come before FROM`,
          fix: "Move it after the FROM line."
        });
      }
    }
    for (const stage of g.stages) {
      for (const instr of stage.body) {
        if (instr.keyword !== "COPY" || !hasFromFlag(instr)) continue;
        const raw = instr.flags.find((f) => f.name === "from").value ?? "";
        const value = substitute(raw, g.globalArgs, ctx.parsed.escape);
        if (value === null || value === "" || /[:/@]/.test(value)) continue;
        if (/^\d+$/.test(value)) {
          if (Number(value) >= stage.index) {
            out.push({
              line: instr.line,
              message: `\`${instr.text}\` (line ${instr.line}) copies from stage ${value}, but only stages 0\u2013${stage.index - 1} come before it`,
              fix: stage.index === 0 ? "Copy from an earlier stage, or from an image (`--from=image:tag`)." : `Use --from=0\u2026${stage.index - 1} or a stage name.`
            });
          }
          continue;
        }
        const key = value.toLowerCase();
        if (ctx.buildContexts?.has(key)) continue;
        if (!g.stages.some((s) => s.index < stage.index && s.name?.toLowerCase() === key)) {
          const names = g.stages.filter((s) => s.index < stage.index && s.name).map((s) => s.name);
          out.push({
            line: instr.line,
            message: `\`${instr.text}\` (line ${instr.line}) copies from \`${value}\`, which is no earlier stage${names.length ? ` (earlier stages: ${names.join(", ")})` : ""}`,
            fix: "Name an earlier stage (`FROM image AS name`), or write a full image reference (`--from=image:tag`)."
          });
        }
      }
    }
    return out;
  }
};

// src/lint/commands/arguments.ts
function splitArgs(args, valued = /* @__PURE__ */ new Set()) {
  const options = [];
  const positionals = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === "--") {
      positionals.push(...args.slice(k + 1));
      break;
    }
    if (a.startsWith("-") && a.length > 1) {
      options.push(a);
      if (!a.includes("=") && valued.has(a) && k + 1 < args.length) {
        options.push(`${a}=${args[k + 1]}`);
        k++;
      }
    } else positionals.push(a);
  }
  return { options, positionals };
}
function hasOption(options, ...names) {
  return options.some((o) => names.some((n) => o === n || o.startsWith(`${n}=`)));
}
function optionValues(options, name) {
  return options.filter((o) => o.startsWith(`${name}=`)).map((o) => o.slice(name.length + 1));
}
function subcommand(args, valued = /* @__PURE__ */ new Set()) {
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a.startsWith("-")) {
      if (!a.includes("=") && valued.has(a)) k++;
      continue;
    }
    return { sub: a, rest: [...args.slice(0, k), ...args.slice(k + 1)] };
  }
  return { sub: null, rest: [...args] };
}
function describe(cmd, max = 40) {
  const t = cmd.argv.join(" ");
  return t.length <= max ? t : `${t.slice(0, max - 1)}\u2026`;
}
var TRUE_WORDS = /* @__PURE__ */ new Set(["1", "true", "on", "yes"]);
function truthy(value) {
  return value !== void 0 && value !== null && TRUE_WORDS.has(value.trim().toLowerCase());
}

// src/lint/commands/apk.ts
var APK_VALUED = /* @__PURE__ */ new Set([
  "-t",
  "--virtual",
  "-X",
  "--repository",
  "-p",
  "--root",
  "--arch",
  "--cache-dir",
  "--keys-dir",
  "--repositories-file"
]);
function apkCommand(cmd) {
  const name = commandName(cmd.argv[0]);
  if (name !== "apk" && name !== "xx-apk") return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), APK_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, APK_VALUED);
  return { sub, packages: positionals, options };
}

// src/lint/commands/apt.ts
var APT_VALUED = /* @__PURE__ */ new Set([
  "-o",
  "--option",
  "-c",
  "--config-file",
  "-t",
  "--target-release",
  "--default-release"
]);
var APT_NAMES = /* @__PURE__ */ new Set(["apt-get", "apt", "aptitude", "xx-apt-get", "xx-apt"]);
function aptCommand(cmd) {
  const name = commandName(cmd.argv[0]);
  if (!APT_NAMES.has(name)) return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), APT_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, APT_VALUED);
  return { sub, packages: positionals, options };
}
var APT_INSTALL_SUBS = /* @__PURE__ */ new Set([
  "install",
  "upgrade",
  "dist-upgrade",
  "full-upgrade",
  "build-dep",
  "reinstall",
  "satisfy"
]);

// src/lint/commands/python.ts
var PIP = /^pip(\d+(\.\d+)?)?$/;
var PYTHON = /^python(\d+(\.\d+)?)?$/;
var PIP_VALUED = /* @__PURE__ */ new Set([
  "-r",
  "--requirement",
  "-c",
  "--constraint",
  "-e",
  "--editable",
  "-t",
  "--target",
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "--prefix",
  "--root",
  "--platform",
  "--python-version",
  "--implementation",
  "--abi",
  "--cache-dir",
  "--log",
  "--proxy",
  "--retries",
  "--timeout",
  "--trusted-host",
  "--cert",
  "--client-cert",
  "--progress-bar",
  "--src",
  "--upgrade-strategy",
  "--only-binary",
  "--no-binary",
  "--config-settings",
  "-C",
  "--global-option",
  "--python",
  "--report"
]);
function pipCommandArgs(cmd) {
  const argv = cmd.argv;
  const name = commandName(argv[0]);
  let args;
  if (PIP.test(name)) args = argv.slice(1);
  else if (PYTHON.test(name)) {
    const m = argv.indexOf("-m");
    if (m < 0 || argv[m + 1] !== "pip" || argv.slice(1, m).some((a) => !a.startsWith("-"))) return null;
    args = argv.slice(m + 2);
  } else return null;
  return subcommand(args, PIP_VALUED);
}
function pipInstallArgs(cmd) {
  const pip = pipCommandArgs(cmd);
  if (pip?.sub !== "install") return null;
  return splitArgs(pip.rest, PIP_VALUED);
}
var UV_VALUED = /* @__PURE__ */ new Set([
  "--directory",
  "--project",
  "--cache-dir",
  "--python",
  "-p",
  "--index-url",
  "--extra-index-url",
  "--index",
  "--default-index",
  "-i",
  "-r",
  "--requirement",
  "-c",
  "--constraint",
  "--extra",
  "--group",
  "--no-group",
  "--only-group",
  "--package",
  "--target",
  "--prefix",
  "--color",
  "--config-file",
  "-f",
  "--find-links",
  "--index-strategy",
  "--keyring-provider",
  "--resolution",
  "--prerelease",
  "--link-mode",
  "--compile-bytecode",
  "--no-install-package",
  "--python-platform",
  "--exclude-newer"
]);
function uvCommand(cmd) {
  if (commandName(cmd.argv[0]) !== "uv") return null;
  const first = subcommand(cmd.argv.slice(1), UV_VALUED);
  if (first.sub === "sync") return { kind: "sync", ...splitArgs(first.rest, UV_VALUED) };
  if (first.sub === "pip") {
    const second = subcommand(first.rest, UV_VALUED);
    if (second.sub === "install") return { kind: "pip-install", ...splitArgs(second.rest, UV_VALUED) };
  }
  return null;
}
var POETRY_VALUED = /* @__PURE__ */ new Set([
  "-C",
  "--directory",
  "-P",
  "--project",
  "--with",
  "--without",
  "--only",
  "-E",
  "--extras"
]);
function poetryInstall(cmd) {
  if (commandName(cmd.argv[0]) !== "poetry") return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), POETRY_VALUED);
  return sub === "install" ? splitArgs(rest, POETRY_VALUED).options : null;
}
function pipenvInstall(cmd) {
  if (commandName(cmd.argv[0]) !== "pipenv") return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), /* @__PURE__ */ new Set(["--python"]));
  return sub === "install" || sub === "sync" ? rest : null;
}

// src/lint/commands/rpm.ts
var RPM_VALUED = /* @__PURE__ */ new Set([
  "--setopt",
  "--enablerepo",
  "--disablerepo",
  "--installroot",
  "--releasever",
  "-c",
  "--config",
  "--repo"
]);
function rpmCommand(cmd) {
  const name = commandName(cmd.argv[0]);
  if (name !== "dnf" && name !== "yum" && name !== "microdnf" && name !== "tdnf" && name !== "dnf5")
    return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), RPM_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, RPM_VALUED);
  return { tool: name, sub, packages: positionals, options };
}
var RPM_INSTALL_SUBS = /* @__PURE__ */ new Set([
  "install",
  "in",
  "groupinstall",
  "localinstall",
  "upgrade",
  "up",
  "update",
  "upgrade-minimal",
  "up-min",
  "reinstall",
  "rei",
  "distro-sync"
]);
var RPM_CACHE_DIRS = ["/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"];

// src/lint/commands/build-only-tools.ts
var BUILD_PACKAGES = /* @__PURE__ */ new Set([
  "build-essential",
  "gcc",
  "g++",
  "clang",
  "make",
  "cmake",
  "build-base",
  "alpine-sdk",
  "gcc-c++"
]);
var PY_BUILD_TOOLS = /* @__PURE__ */ new Set(["uv", "poetry", "pipenv", "wheel", "setuptools", "build"]);
function packageName(spec) {
  return spec.replace(/:[a-z0-9]+$/, "").split(/[=<>~]/)[0].toLowerCase();
}
function isBuildPackage(spec) {
  const name = packageName(spec);
  if (BUILD_PACKAGES.has(name)) return true;
  if (/^(gcc|g\+\+|clang|cpp|make|cmake)-\d+(\.\d+)*$/.test(name)) return true;
  return /-(dev|devel)$/.test(name);
}
function pythonPackageName(spec) {
  return (/^[A-Za-z0-9._-]+/.exec(spec)?.[0] ?? "").toLowerCase().replace(/_/g, "-");
}
function toolingInstall(cmd) {
  const apt = aptCommand(cmd);
  if (apt && apt.sub === "install") {
    const pkgs = apt.packages.filter(isBuildPackage);
    return pkgs.length ? { manager: "apt", packages: pkgs, virtual: null } : null;
  }
  const apk = apkCommand(cmd);
  if (apk && apk.sub === "add") {
    const pkgs = apk.packages.filter(isBuildPackage);
    const virtual = [...optionValues(apk.options, "--virtual"), ...optionValues(apk.options, "-t")][0] ?? null;
    return pkgs.length ? { manager: "apk", packages: pkgs, virtual } : null;
  }
  const rpm = rpmCommand(cmd);
  if (rpm && (rpm.sub === "install" || rpm.sub === "in" || rpm.sub === "groupinstall")) {
    const pkgs = rpm.packages.filter((p) => isBuildPackage(p) || /development[ -]tools/i.test(p));
    return pkgs.length ? { manager: "rpm", packages: pkgs, virtual: null } : null;
  }
  const pip = pipInstallArgs(cmd);
  if (pip) {
    const pkgs = pip.positionals.filter((p) => PY_BUILD_TOOLS.has(pythonPackageName(p)));
    return pkgs.length ? { manager: "pip", packages: pkgs, virtual: null } : null;
  }
  return null;
}
function removedAgain(install, after) {
  const removed = /* @__PURE__ */ new Set();
  const names = new Map(install.packages.map((p) => [packageName(p), p]));
  const remove = (spec) => {
    const p = names.get(packageName(spec));
    if (p) removed.add(p);
  };
  let markedAuto = /* @__PURE__ */ new Set();
  let markedAll = false;
  for (const c of after) {
    if (install.manager === "apk") {
      const apk = apkCommand(c);
      if (apk?.sub !== "del") continue;
      if (install.virtual && apk.packages.includes(install.virtual))
        for (const p of install.packages) removed.add(p);
      for (const p of apk.packages) remove(p);
    } else if (install.manager === "apt") {
      const name = commandName(c.argv[0]);
      if (name === "apt-mark") {
        const args = c.argv.slice(1).filter((a) => !a.startsWith("-"));
        if (args[0] !== "auto") continue;
        if (args.slice(1).some((a) => a === ".*" || a === "*" || a === "~i")) markedAll = true;
        markedAuto = /* @__PURE__ */ new Set([...markedAuto, ...args.slice(1).map(packageName)]);
        continue;
      }
      const apt = aptCommand(c);
      if (!apt) continue;
      const autoRemove = apt.sub === "autoremove" || (apt.sub === "purge" || apt.sub === "remove") && hasOption(apt.options, "--auto-remove", "--autoremove");
      if (apt.sub === "purge" || apt.sub === "remove") for (const p of apt.packages) remove(p);
      if (autoRemove) {
        for (const p of install.packages) if (markedAll || markedAuto.has(packageName(p))) removed.add(p);
      }
    } else if (install.manager === "rpm") {
      const rpm = rpmCommand(c);
      if (rpm && ["remove", "erase", "autoremove", "rm"].includes(rpm.sub))
        for (const p of rpm.packages) remove(p);
    } else {
      const pip = pipCommandArgs(c);
      if (pip?.sub === "uninstall") for (const p of pip.rest.filter((a) => !a.startsWith("-"))) remove(p);
    }
  }
  return removed;
}
function buildStep(cmd) {
  const name = commandName(cmd.argv[0]);
  const at = (word) => {
    const k = word === void 0 ? -1 : cmd.argv.indexOf(word, 1);
    return k < 0 ? null : k;
  };
  const a = cmd.argv.slice(1).filter((x) => !x.startsWith("-"));
  const isBuildScript = (s) => s === "build" || (s?.startsWith("build:") ?? false);
  if (name === "npm" && (a[0] === "run" || a[0] === "run-script") && isBuildScript(a[1])) return at(a[1]);
  if (name === "yarn" || name === "pnpm" || name === "bun") {
    if (isBuildScript(a[0])) return at(a[0]);
    if (a[0] === "run" && isBuildScript(a[1])) return at(a[1]);
    return null;
  }
  if ((name === "go" || name === "cargo") && a[0] === "build") return at(a[0]);
  if (name === "mvn" || name === "mvnw")
    return at(a.find((x) => x === "package" || x === "install" || x === "verify"));
  if (name === "gradle" || name === "gradlew")
    return at(a.find((x) => ["build", "assemble", "bootJar", "shadowJar", "installDist"].includes(x)));
  return null;
}

// src/lint/rules/build-tooling.ts
function commandUpTo(cmd, k) {
  const words = cmd.argv.slice(0, k + 1).join(" ");
  return k + 1 < cmd.argv.length ? `${words} \u2026` : words;
}
function toolingLeft(commands, k) {
  const cmd = commands[k];
  const install = toolingInstall(cmd);
  if (install) {
    const removed = removedAgain(install, commands.slice(k + 1));
    const left = install.packages.filter((p) => !removed.has(p));
    if (left.length === 0) return null;
    const at = cmd.argv.indexOf(left[0], 1);
    return {
      what: `installs ${left.join(", ")}`,
      command: commandUpTo(cmd, at < 0 ? cmd.argv.length - 1 : at)
    };
  }
  const step = buildStep(cmd);
  return step === null ? null : { what: "runs a build step", command: commandUpTo(cmd, step) };
}
function firstBuildTooling(ctx, stages) {
  const hits = [];
  for (const stage of stages) {
    for (const instr of stage.body) {
      if (instr.keyword !== "RUN") continue;
      const { commands } = ctx.run(instr);
      for (let k = 0; k < commands.length; k++) {
        const found = toolingLeft(commands, k);
        if (found) {
          hits.push({
            line: instr.line,
            text: `\`${found.command}\` (line ${instr.line})`,
            what: found.what,
            stage
          });
          break;
        }
      }
    }
  }
  const first = hits[0];
  if (!first) return null;
  const others = hits.slice(1).map((h) => h.line);
  const more = others.length ? ` (also line${others.length > 1 ? "s" : ""} ${others.join(", ")})` : "";
  return { ...first, more };
}

// src/lint/rules/IG001-multi-stage.ts
var IG001 = {
  id: "IG001",
  name: "multi-stage",
  severity: "warning",
  summary: "The Dockerfile has one stage and that stage installs or runs build-only tooling.",
  rationale: "Compilers, headers and package managers needed only to build end up in the image that runs: larger, slower to pull, more to patch.",
  fix: "Build in a first stage (`FROM \u2026 AS build`), then start a clean final stage and `COPY --from=build` only what runs.",
  check(ctx) {
    const g = graphOf(ctx);
    if (g.stages.length !== 1) return [];
    const first = firstBuildTooling(ctx, [g.stages[0]]);
    if (!first) return [];
    const more = first.more;
    return [
      {
        line: first.line,
        message: `${first.text} ${first.what}${more}, and this Dockerfile has a single stage: the build tooling ships in the image. Do the build in a \`FROM \u2026 AS build\` stage and copy only its output into a clean final stage.`
      }
    ];
  }
};

// src/lint/windows.ts
function isWindowsImage(ref) {
  if (!ref) return false;
  const tag = (ref.tag ?? "").toLowerCase();
  if (/servercore|nanoserver/.test(tag)) return true;
  if (ref.registry === "mcr.microsoft.com" && /^windows(\/|$)/.test(ref.path)) return true;
  return /(^|\/)(windows\/)?(servercore|nanoserver)$/.test(ref.path);
}
function isWindowsBuild(ctx) {
  if (ctx.parsed.escape === "`") return true;
  return ctx.graph !== null && isWindowsImage(baseOf(ctx.graph.final).ref);
}
var POWERSHELL = /(^|[\\/])(powershell|pwsh)(\.exe)?$/i;
var underPowerShell = /* @__PURE__ */ new WeakMap();
function usesPowerShell(ctx, instr) {
  let set = underPowerShell.get(ctx);
  if (!set) {
    set = /* @__PURE__ */ new Set();
    const atEnd = /* @__PURE__ */ new Map();
    for (const stage of ctx.graph?.stages ?? []) {
      let ps = stage.parent ? atEnd.get(stage.parent) ?? false : false;
      for (const i of stage.body) {
        if (i.keyword === "SHELL") ps = POWERSHELL.test(i.json?.[0] ?? "");
        else if (ps) set.add(i);
      }
      atEnd.set(stage, ps);
    }
    underPowerShell.set(ctx, set);
  }
  return set.has(instr);
}

// src/lint/rules/IG002-slim-base.ts
var FULL_SIZE = /* @__PURE__ */ new Set([
  "python",
  "node",
  "ruby",
  "golang",
  "rust",
  "php",
  "perl",
  "openjdk",
  "eclipse-temurin",
  "buildpack-deps"
]);
var SMALL_TAG = ["slim", "alpine", "distroless", "minimal", "jre"];
var CODENAME = /-(trixie|bookworm|bullseye|buster|noble|jammy|focal)$/;
function smallerBase(official, tag) {
  const codename = CODENAME.exec(tag)?.[1] ?? null;
  const version = (codename ? tag.slice(0, -codename.length - 1) : tag) || "VERSION";
  switch (official) {
    case "node": {
      const image = `node:${codename ? `${version}-${codename}-slim` : `${version}-slim`}`;
      return { image, advice: `Use \`${image}\` (or alpine) for the stage that ships.` };
    }
    case "golang":
    case "rust": {
      const image = `${official}:${version.replace(/-?(bookworm|bullseye)$/, "")}-alpine`;
      return {
        image,
        advice: `Build in a \`FROM ${official}:\u2026 AS build\` stage and copy the binary into a small runtime base (\`gcr.io/distroless/static-debian12\`, \`gcr.io/distroless/cc-debian12\` or \`debian:12-slim\`), or use \`${image}\`.`
      };
    }
    case "php": {
      const v = version.replace(/-(cli|apache|fpm|zts)$/, "");
      const image = `php:${v}-${/fpm|apache/.test(version) ? "fpm-alpine" : "alpine"}`;
      return { image, advice: `Use \`${image}\` (the official php image publishes no -slim tag).` };
    }
    case "openjdk":
    case "eclipse-temurin": {
      const image = `${official}:${/jdk/.test(version) ? version.replace("jdk", "jre") : `${version === "VERSION" ? "21" : version}-jre`}`;
      return { image, advice: `Use \`${image}\` (a JRE, no compiler) for the stage that ships.` };
    }
    case "buildpack-deps": {
      const image = `debian:${codename ?? (/^[a-z]+$/.test(version) ? version : "bookworm")}-slim`;
      return { image, advice: `Use \`${image}\` and install only the runtime libraries the service needs.` };
    }
    default: {
      const image = `${official}:${codename ? `${version}-slim-${codename}` : `${version}-slim`}`;
      return { image, advice: `Use \`${image}\` (or alpine) for the stage that ships.` };
    }
  }
}
var IG002 = {
  id: "IG002",
  name: "slim-base",
  severity: "warning",
  summary: "The final stage\u2019s base is a full-size official language image (python, node, ruby, golang, rust, php, perl, openjdk, eclipse-temurin, buildpack-deps) without a slim, alpine, distroless, minimal or jre tag (Windows tags are not judged).",
  rationale: "The full images carry a whole Debian build toolchain: hundreds of MB the running service never uses.",
  fix: "Use a small variant the image publishes for the final stage (python/node/ruby: `-slim`; golang/rust: build, then copy the binary into distroless or a slim base; php: `-alpine`; JDK images: `-jre`); keep the full image for a builder stage.",
  check(ctx) {
    const g = graphOf(ctx);
    const base = baseOf(g.final);
    const ref = base.ref;
    const official = ref ? officialImageOf(ref) : null;
    if (!ref || !official || !FULL_SIZE.has(official)) return [];
    if (ref.digest && !ref.tag) return [];
    const tag = (ref.tag ?? "").toLowerCase();
    if (SMALL_TAG.some((t) => tag.includes(t)) || isWindowsImage(ref)) return [];
    const { image, advice } = smallerBase(official, tag);
    return [
      {
        line: base.from.line,
        message: `\`${base.from.text}\` (line ${base.from.line}) bases the final image on \`${ref.text}\`, the full-size ${official} image with a build toolchain. ${advice}`,
        fix: `Write \`FROM ${image}\` for the final stage; keep \`${ref.text}\` in a builder stage if compilers are needed.`
      }
    ];
  }
};

// src/lint/rules/IG003-alpine-python.ts
var IG003 = {
  id: "IG003",
  name: "alpine-python",
  severity: "warning",
  summary: "A stage based on python:*alpine* (or alpine with `apk add python3`) runs pip or uv installs.",
  rationale: "Alpine uses musl: most wheels on PyPI are built for glibc, so pip compiles packages from source (slow builds, compilers needed, larger images).",
  fix: "Use `python:3.x-slim` (Debian, glibc wheels) for stages that install Python packages.",
  check(ctx) {
    const g = graphOf(ctx);
    const out = [];
    const baseRef = /* @__PURE__ */ new Map();
    const pythonAtEnd = /* @__PURE__ */ new Map();
    const installsPython = (c) => {
      const apk = apkCommand(c);
      return apk?.sub === "add" && apk.packages.some((p) => /^(python3?|py3-pip)([=~<>].*)?$/i.test(p));
    };
    for (const stage of g.stages) {
      const ref = stage.parent ? baseRef.get(stage.parent) ?? null : stage.ref;
      baseRef.set(stage, ref);
      const official = ref ? officialImageOf(ref) : null;
      const pyAlpine = official === "python" && (ref?.tag ?? "").toLowerCase().includes("alpine");
      const alpine = official === "alpine";
      let hasPython = pyAlpine || (stage.parent ? pythonAtEnd.get(stage.parent) : false);
      let reported = !g.built.has(stage);
      for (const instr of stage.body) {
        if (instr.keyword !== "RUN" || !pyAlpine && !alpine) continue;
        const cmds = ctx.run(instr).commands;
        if (!hasPython && cmds.some(installsPython)) hasPython = true;
        if (reported || !hasPython) continue;
        if (cmds.some((c) => pipInstallArgs(c) !== null || uvCommand(c) !== null)) {
          out.push({
            line: instr.line,
            message: `${quote(instr)} installs Python packages on Alpine (\`${ref.text}\`): musl has no prebuilt wheels for most packages, so they compile from source. Base this stage on \`python:3.x-slim\` instead.`
          });
          reported = true;
        }
      }
      pythonAtEnd.set(stage, hasPython);
    }
    return out;
  }
};

// src/lint/rules/IG004-pip-cache.ts
var trimSlash = (p) => p.replace(/\/+$/, "");
function mountHoldsCache(mounts, tool, dirs) {
  const named = dirs.filter((d) => !!d?.startsWith("/")).map(trimSlash);
  return mounts.some((m) => {
    if (m.type !== "cache" && m.type !== "tmpfs" || !m.target) return false;
    const t = trimSlash(m.target);
    if (named.length > 0) return named.some((d) => d === t || d.startsWith(`${t}/`));
    return t.endsWith("/.cache") || t.endsWith(`/.cache/${tool}`);
  });
}
var IG004 = {
  id: "IG004",
  name: "pip-cache",
  severity: "warning",
  summary: "In the final lineage, `pip install` without `--no-cache-dir`, or `uv sync` / `uv pip install` without `--no-cache` (unless PIP_NO_CACHE_DIR / UV_NO_CACHE is set, or the RUN mounts a cache where that tool keeps its cache).",
  rationale: "pip and uv keep every downloaded wheel in ~/.cache: tens to hundreds of MB that stay in the layer.",
  fix: "Add `--no-cache-dir` to pip and `--no-cache` to uv, or use `RUN --mount=type=cache,target=/root/.cache/pip \u2026`.",
  check(ctx) {
    const g = graphOf(ctx);
    const out = [];
    for (const stage of g.lineage) {
      for (const instr of stage.body) {
        if (instr.keyword !== "RUN") continue;
        const run = ctx.run(instr);
        const vars = ctx.vars(g.final, instr);
        for (const cmd of run.commands) {
          const pip = pipInstallArgs(cmd);
          if (pip && !hasOption(pip.options, "--no-cache-dir") && !truthy(cmd.env.PIP_NO_CACHE_DIR ?? vars.get("PIP_NO_CACHE_DIR")) && !mountHoldsCache(run.mounts, "pip", [
            ...optionValues(pip.options, "--cache-dir"),
            cmd.env.PIP_CACHE_DIR ?? vars.get("PIP_CACHE_DIR")
          ])) {
            out.push({
              line: instr.line,
              message: `${quote(instr)} runs \`${describe(cmd)}\` without \`--no-cache-dir\`: pip's download cache stays in the image. Write \`pip install --no-cache-dir \u2026\`.`,
              fix: "Add `--no-cache-dir` (or set `ENV PIP_NO_CACHE_DIR=1` earlier, or mount a cache: `RUN --mount=type=cache,target=/root/.cache/pip`)."
            });
            break;
          }
          const uv = uvCommand(cmd);
          if (uv && !hasOption(uv.options, "--no-cache", "--no-cache-dir", "-n") && !truthy(cmd.env.UV_NO_CACHE ?? vars.get("UV_NO_CACHE")) && !mountHoldsCache(run.mounts, "uv", [
            ...optionValues(uv.options, "--cache-dir"),
            cmd.env.UV_CACHE_DIR ?? vars.get("UV_CACHE_DIR")
          ])) {
            out.push({
              line: instr.line,
              message: `${quote(instr)} runs \`${describe(cmd)}\` without \`--no-cache\`: uv's cache stays in the image. Add \`--no-cache\`.`,
              fix: "Add `--no-cache` (or set `ENV UV_NO_CACHE=1` earlier, or mount a cache: `RUN --mount=type=cache,target=/root/.cache/uv`)."
            });
            break;
          }
        }
      }
    }
    return out;
  }
};

// src/lint/commands/cleanup.ts
function removesPath(commands, path) {
  const covers = (raw) => {
    const cleaned = raw.replace(/\/+$/, "");
    if (cleaned === "") return false;
    if (cleaned === path || path.startsWith(`${cleaned}/`)) return true;
    return cleaned.startsWith(`${path}/`) && cleaned.slice(path.length + 1).includes("*");
  };
  return commands.some((c) => {
    const name = commandName(c.argv[0]);
    if (name === "find" && (c.argv.includes("-delete") || c.argv.includes("rm"))) {
      return covers(c.argv[1] ?? "");
    }
    if (name !== "rm") return false;
    return c.argv.slice(1).some((arg) => !arg.startsWith("-") && covers(arg.replace(/\/\*+$/, "")));
  });
}
function mountCovers(mounts, ...paths) {
  return mounts.some((m) => {
    if (m.type !== "cache" && m.type !== "tmpfs" || !m.target) return false;
    const t = m.target.replace(/\/+$/, "");
    return paths.some((p) => t === p || p.startsWith(`${t}/`));
  });
}

// src/lint/rules/IG005-os-package-cache.ts
function isDistClean(c) {
  return aptCommand(c)?.sub === "dist-clean";
}
function isRpmCleanAll(c) {
  const r = rpmCommand(c);
  return r?.sub === "clean" && r.packages.includes("all");
}
var IG005 = {
  id: "IG005",
  name: "os-package-cache",
  severity: "warning",
  summary: "In the final lineage, `apt-get install` without removing /var/lib/apt/lists after it in the same RUN, `apk add` without `--no-cache` (or removing /var/cache/apk after it), or `dnf`/`yum install` without `clean all` after it in the same RUN.",
  rationale: "Package indexes and downloaded packages stay in the layer when they are not removed, after the install, in the RUN that made them.",
  fix: "End the RUN with `&& rm -rf /var/lib/apt/lists/*` or `&& apt-get dist-clean` (apt), use `apk add --no-cache` (apk), or `&& dnf clean all` (dnf/yum).",
  check(ctx) {
    const g = graphOf(ctx);
    const out = [];
    for (const stage of g.lineage) {
      for (const instr of stage.body) {
        if (instr.keyword !== "RUN" || usesPowerShell(ctx, instr)) continue;
        const { commands, mounts } = ctx.run(instr);
        let report = null;
        for (let k = 0; k < commands.length && !report; k++) {
          const cmd = commands[k];
          const after = commands.slice(k + 1);
          const apt = aptCommand(cmd);
          if (apt?.sub === "install" && !removesPath(after, "/var/lib/apt/lists") && !after.some(isDistClean) && !mountCovers(mounts, "/var/lib/apt/lists")) {
            report = {
              line: instr.line,
              message: `${quote(instr)} runs \`${cmd.argv[0]} install\` but does not remove /var/lib/apt/lists after it in the same RUN: the package index (tens of MB) stays in the layer. End the RUN with \`&& rm -rf /var/lib/apt/lists/*\`.`,
              fix: "Append `&& rm -rf /var/lib/apt/lists/*` (or `&& apt-get dist-clean` with apt 2.7.8+) to the same RUN, or mount a cache at /var/lib/apt."
            };
            continue;
          }
          const apk = apkCommand(cmd);
          if (apk?.sub === "add" && !hasOption(apk.options, "--no-cache") && !removesPath(after, "/var/cache/apk") && !mountCovers(mounts, "/var/cache/apk", "/etc/apk/cache")) {
            report = {
              line: instr.line,
              message: `${quote(instr)} runs \`apk add\` without \`--no-cache\`: the package index stays in /var/cache/apk. Write \`apk add --no-cache \u2026\`.`,
              fix: "Write `apk add --no-cache \u2026`."
            };
            continue;
          }
          const rpm = rpmCommand(cmd);
          if (rpm && RPM_INSTALL_SUBS.has(rpm.sub) && !after.some(isRpmCleanAll) && !RPM_CACHE_DIRS.some((dir) => removesPath(after, dir)) && !mountCovers(mounts, ...RPM_CACHE_DIRS)) {
            report = {
              line: instr.line,
              message: `${quote(instr)} runs \`${rpm.tool} ${rpm.sub}\` without \`${rpm.tool} clean all\` after it in the same RUN: metadata and packages stay in /var/cache/${rpm.tool === "yum" ? "yum" : rpm.tool === "dnf5" ? "libdnf5" : "dnf"}. End the RUN with \`&& ${rpm.tool} clean all\`.`,
              fix: `Append \`&& ${rpm.tool} clean all\` to the same RUN.`
            };
          }
        }
        if (report) out.push(report);
      }
    }
    return out;
  }
};

// src/lint/commands/os-package-install.ts
function isOsPackageInstall(cmd) {
  const apt = aptCommand(cmd);
  if (apt) return APT_INSTALL_SUBS.has(apt.sub);
  const apk = apkCommand(cmd);
  if (apk) return apk.sub === "add" || apk.sub === "upgrade" || apk.sub === "fix";
  const rpm = rpmCommand(cmd);
  if (rpm) return RPM_INSTALL_SUBS.has(rpm.sub);
  return false;
}

// src/lint/rules/IG006-update-alone.ts
function readsIndex(c) {
  const sub = aptCommand(c)?.sub;
  return sub === "download" || sub === "source" || sub === "build-dep" || commandName(c.argv[0]) === "apt-cache";
}
var IG006 = {
  id: "IG006",
  name: "update-alone",
  severity: "warning",
  summary: "A RUN runs `apt-get update` / `apt update` / `apk update` with no package install, nor a command that reads the index (`apt-get download`, `apt-cache \u2026`), in the same RUN (not under a PowerShell SHELL).",
  rationale: "The cached layer keeps an old index: a later install RUN can fail or install stale versions, and the index is a wasted layer.",
  fix: "Update and install in one RUN: `RUN apt-get update && apt-get install -y \u2026 && rm -rf /var/lib/apt/lists/*`.",
  check(ctx) {
    const out = [];
    for (const stage of builtStages(ctx)) {
      for (const instr of stage.body) {
        if (instr.keyword !== "RUN" || usesPowerShell(ctx, instr)) continue;
        const { commands } = ctx.run(instr);
        const update = commands.find(
          (c) => aptCommand(c)?.sub === "update" || apkCommand(c)?.sub === "update"
        );
        if (!update || commands.some((c) => isOsPackageInstall(c) || readsIndex(c))) continue;
        out.push({
          line: instr.line,
          message: `${quote(instr)} runs \`${update.argv[0]} update\` without installing anything in the same RUN: this layer is cached, so a later install may use a stale index. Run the update and the install in one RUN.`
        });
      }
    }
    return out;
  }
};

// src/lint/rules/IG007-merge-runs.ts
var IG007 = {
  id: "IG007",
  name: "merge-runs",
  severity: "info",
  summary: "Two or more RUN instructions follow each other directly in one stage (one finding per block, at its second RUN).",
  rationale: "Each RUN is a layer; files deleted in a later RUN still take space in the earlier one.",
  fix: "Join consecutive RUNs with `&&` (and `\\` line continuations) into one RUN.",
  check(ctx) {
    const out = [];
    for (const stage of builtStages(ctx)) {
      let block = [];
      const flush = () => {
        if (block.length >= 2) {
          const lines = block.map((r) => r.line);
          const powerShell = usesPowerShell(ctx, block[1]);
          out.push({
            line: block[1].line,
            message: `${quote(block[1])} directly follows ${quote(block[0])}${block.length > 2 ? ` (${block.length} RUNs in a row: lines ${lines.join(", ")})` : ""}: each RUN is a layer. ${powerShell ? "Join them into one RUN, the commands separated by `;` (Windows PowerShell has no `&&`)." : "Join them into one RUN with `&&`."}`,
            ...powerShell ? { fix: "Join consecutive RUNs into one, the PowerShell commands separated by `;`." } : {}
          });
        }
        block = [];
      };
      for (const instr of stage.body) {
        if (instr.keyword === "RUN") block.push(instr);
        else flush();
      }
      flush();
    }
    return out;
  }
};

// src/lint/rules/IG008-dockerignore.ts
var IG008 = {
  id: "IG008",
  name: "dockerignore",
  severity: "warning",
  summary: "A whole-context copy exists and the context has no .dockerignore, or it holds .git, .venv, venv, node_modules, __pycache__, .env, .pytest_cache or .mypy_cache that the ignore file does not exclude.",
  rationale: "Everything the context holds is sent to the engine and, through `COPY . .`, lands in the image: VCS history, local virtualenvs, caches and secrets.",
  fix: "Add a .dockerignore listing .git, .venv, venv, node_modules, __pycache__, .env, .pytest_cache and .mypy_cache.",
  check(ctx) {
    if (!ctx.context) return [];
    const copy = builtStages(ctx).flatMap((s) => s.body).filter((i) => isWholeContextCopy(ctx, i)).sort((a, b) => a.line - b.line)[0];
    if (!copy) return [];
    const { heavy, ignoreFile } = ctx.context;
    const bytes = heavy.reduce((sum, h) => sum + h.bytes, 0);
    const listed = heavy.slice(0, 6).map((h) => `${h.path} (${formatBytes(h.bytes)})`).join(", ");
    const extra = heavy.length > 6 ? ` and ${heavy.length - 6} more` : "";
    const names = [...new Set(heavy.map((h) => h.path.split("/").pop()))];
    const lines = names.map((n) => n === ".env" ? ".env" : `**/${n}`);
    if (ignoreFile === null) {
      return [
        {
          line: copy.line,
          message: `${quote(copy)} sends the whole build context, and there is no .dockerignore (nor ${ctx.dockerfileName}.dockerignore)${heavy.length ? `: ${listed}${extra} go into the image` : ""}. Add a .dockerignore${heavy.length ? ` (it would save ${formatBytes(bytes)})` : ""}.`,
          fix: `Create .dockerignore with at least: ${(lines.length ? lines : [".git", "**/__pycache__", ".venv", "node_modules", ".env"]).join(", ")}.`,
          bytes: heavy.length ? bytes : null
        }
      ];
    }
    if (heavy.length === 0) return [];
    const exceptions = ctx.context.reincluded ?? [];
    const keptBy = (name) => exceptions.filter((e) => e.split("/").includes(name));
    const kept = names.filter((n) => keptBy(n).length > 0);
    const add = lines.filter((_, k) => !kept.includes(names[k]));
    const why = kept.length ? `${kept.map((n) => `\`${n}\``).join(", ")} ${kept.length > 1 ? "are" : "is"} left as ${ignoreFile} has ${kept.length > 1 ? "them" : "it"}: it re-includes ${kept.flatMap(keptBy).map((e) => `\`!${e}\``).join(", ")} on purpose.` : "";
    return [
      {
        line: copy.line,
        message: `${quote(copy)} sends the whole build context, and ${ignoreFile} lets ${listed}${extra} through: ${formatBytes(bytes)} that do not belong in the image.${add.length ? " Exclude them." : ""}`,
        fix: add.length ? `Add to ${ignoreFile}: ${add.join(", ")}.${why ? ` ${why}` : ""}` : `Nothing to add: ${why} When only that is meant to reach the image, silence this finding with \`# image-guard ignore=IG008\` above the COPY.`,
        bytes
      }
    ];
  }
};

// src/lint/commands/javascript.ts
var NPM_VALUED = /* @__PURE__ */ new Set([
  "--prefix",
  "-C",
  "--registry",
  "--cache",
  "--omit",
  "--include",
  "--only",
  "--loglevel",
  "-w",
  "--workspace",
  "--userconfig",
  "--install-strategy",
  "--tag",
  "--save-prefix",
  "--fetch-retries",
  "--fetch-timeout",
  "--network-timeout",
  "--script-shell"
]);
var NPM_INSTALL_SUBS = /* @__PURE__ */ new Set([
  "install",
  "i",
  "in",
  "ins",
  "inst",
  "insta",
  "instal",
  "isnt",
  "isnta",
  "isntal",
  "isntall",
  "add"
]);
function npmInstall(cmd) {
  if (commandName(cmd.argv[0]) !== "npm") return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), NPM_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, NPM_VALUED);
  if (["ci", "clean-install", "ic", "install-clean", "isntall-clean"].includes(sub)) {
    return { kind: "ci", options, packages: positionals };
  }
  if (NPM_INSTALL_SUBS.has(sub)) return { kind: "install", options, packages: positionals };
  return null;
}
function yarnInstall(cmd) {
  if (commandName(cmd.argv[0]) !== "yarn") return null;
  const valued = /* @__PURE__ */ new Set([
    "--cwd",
    "--modules-folder",
    "--network-timeout",
    "--cache-folder",
    "--mutex",
    "--registry"
  ]);
  const { sub, rest } = subcommand(cmd.argv.slice(1), valued);
  if (sub === null || sub === "install") {
    const { options, positionals } = splitArgs(rest, valued);
    return positionals.length === 0 ? options : null;
  }
  return null;
}
function pnpmInstall(cmd) {
  if (commandName(cmd.argv[0]) !== "pnpm") return null;
  const valued = /* @__PURE__ */ new Set(["-C", "--dir", "--filter", "-F", "--reporter"]);
  const { sub, rest } = subcommand(cmd.argv.slice(1), valued);
  if (sub === "install" || sub === "i") return rest;
  return null;
}
function bunInstall(cmd) {
  if (commandName(cmd.argv[0]) !== "bun") return null;
  const valued = /* @__PURE__ */ new Set(["--cwd", "--filter", "-F", "--registry", "--cache-dir", "--backend"]);
  const { sub, rest } = subcommand(cmd.argv.slice(1), valued);
  if (sub !== "install" && sub !== "i") return null;
  const { options, positionals } = splitArgs(rest, valued);
  return positionals.length === 0 ? options : null;
}

// src/lint/commands/dependency-install.ts
function dependencyInstall(cmd) {
  const tool = dependencyTool(cmd);
  return tool === null ? null : { tool, text: describe(cmd) };
}
var OTHER_INSTALLERS = /* @__PURE__ */ new Set([
  "go",
  "bundle",
  "bundler",
  "composer",
  "cargo",
  "mvn",
  "mvnw",
  "dotnet",
  "lein",
  "mix",
  "pnpm"
]);
function dependencyTool(cmd) {
  const pip = pipInstallArgs(cmd);
  if (pip) {
    return hasOption(pip.options, "-r", "--requirement") || pip.options.some((o) => /^-r./.test(o)) ? "pip" : null;
  }
  const uv = uvCommand(cmd);
  if (uv) {
    if (uv.kind === "sync") return "uv";
    return hasOption(uv.options, "-r", "--requirement") || uv.options.some((o) => /^-r./.test(o)) ? "uv" : null;
  }
  if (poetryInstall(cmd)) return "poetry";
  if (pipenvInstall(cmd)) return "pipenv";
  const npm = npmInstall(cmd);
  if (npm && (npm.kind === "ci" || npm.packages.length === 0)) return "npm";
  if (yarnInstall(cmd)) return "yarn";
  if (pnpmInstall(cmd)) return "pnpm";
  if (bunInstall(cmd)) return "bun";
  const name = commandName(cmd.argv[0]);
  if (!OTHER_INSTALLERS.has(name)) return null;
  const a = cmd.argv.slice(1).filter((x) => !x.startsWith("-"));
  if (name === "go" && a[0] === "mod" && a[1] === "download") return "go";
  if ((name === "bundle" || name === "bundler") && a[0] === "install") return "bundle";
  if (name === "composer" && a[0] === "install") return "composer";
  if (name === "cargo" && a[0] === "fetch") return "cargo";
  if (name === "dotnet" && a[0] === "restore") return "dotnet";
  if (name === "lein" && a[0] === "deps") return "lein";
  if (name === "mix" && a[0] === "deps.get") return "mix";
  if (name === "pnpm" && a[0] === "fetch") return "pnpm";
  if ((name === "mvn" || name === "mvnw") && a.some((x) => x === "dependency:go-offline" || x.endsWith(":go-offline"))) {
    return "mvn";
  }
  return null;
}

// src/lint/context.ts
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync
} from "node:fs";
import { basename, dirname, join } from "node:path";

// src/lint/dockerignore.ts
function cleanPath(path) {
  if (path === "") return ".";
  const rooted = path.startsWith("/");
  const out = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (rooted) return `/${joined}`;
  return joined === "" ? "." : joined;
}
function readIgnoreFile(text) {
  const out = [];
  const lines = text.split("\n");
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k];
    if (k === 0 && line.startsWith("\uFEFF")) line = line.slice(1);
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.startsWith("#")) continue;
    let pattern = line.trim();
    if (pattern === "") continue;
    const invert = pattern.startsWith("!");
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    }
    out.push(invert ? `!${pattern}` : pattern);
  }
  return out;
}
var SLASH = 47;
function parseClass(chars, start) {
  let i = start + 1;
  let body = "";
  if (chars[i] === "^") {
    body += "^";
    i++;
  }
  let first = true;
  for (; i < chars.length; i++) {
    let ch = chars[i];
    if (ch === "]" && !first) {
      try {
        return { test: new RegExp(`^[${body}]$`, "u"), end: i };
      } catch {
        return null;
      }
    }
    first = false;
    if (ch === "\\" && i + 1 < chars.length) ch = chars[++i];
    else if (ch === "-") {
      body += "-";
      continue;
    }
    body += /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
  }
  return null;
}
function matchPieces(pieces, path) {
  const n = pieces.length;
  let current = new Uint8Array(2 * n + 1);
  let next = new Uint8Array(2 * n + 1);
  const add = (set, i) => {
    while (i <= n && set[i] === 0) {
      set[i] = 1;
      if (i === n) return;
      const piece = pieces[i];
      if (piece.kind === "dirs") set[n + 1 + i] = 1;
      else if (piece.kind !== "star" && piece.kind !== "all") return;
      i++;
    }
  };
  add(current, 0);
  for (let at = 0; at < path.length; ) {
    const code = path.codePointAt(at);
    const width = code > 65535 ? 2 : 1;
    const ch = width === 1 ? path[at] : path.slice(at, at + 2);
    next.fill(0);
    let alive = false;
    for (let i = 0; i < n; i++) {
      if (current[n + 1 + i] === 1) {
        next[n + 1 + i] = 1;
        alive = true;
        if (code === SLASH) add(next, i + 1);
      }
      if (current[i] === 0) continue;
      const piece = pieces[i];
      switch (piece.kind) {
        case "char":
          if (code === piece.code) add(next, i + 1);
          break;
        case "one":
          if (code !== SLASH) add(next, i + 1);
          break;
        case "class":
          if (piece.test.test(ch)) add(next, i + 1);
          break;
        case "star":
          if (code !== SLASH) add(next, i);
          break;
        case "all":
          add(next, i);
          break;
        case "dirs":
          break;
      }
    }
    if (!alive && next.indexOf(1) < 0) return false;
    [current, next] = [next, current];
    at += width;
  }
  return current[n] === 1;
}
function piecesRegex(pieces) {
  const source = pieces.map((piece) => {
    switch (piece.kind) {
      case "char":
        return String.fromCodePoint(piece.code).replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
      case "one":
        return "[^/]";
      case "class":
        return piece.test.source.slice(1, -1);
      case "star":
        return "[^/]*";
      case "dirs":
        return "(?:.*/)?";
      default:
        return ".*";
    }
  }).join("");
  return new RegExp(`^${source}$`, "u");
}
function compilePattern(pattern, opts = {}) {
  if (pattern.startsWith("**") && !/[*?[\]\\]/.test(pattern.slice(2))) {
    const suffix = pattern.slice(2);
    return (path) => path.endsWith(suffix) || suffix.startsWith("/") && path === suffix.slice(1);
  }
  const pieces = [];
  let regexNeeded = false;
  let exactPrefix = false;
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === "*") {
      if (chars[i + 1] === "*") {
        i++;
        if (chars[i + 1] === "/") i++;
        if (i + 1 >= chars.length) {
          if (!regexNeeded && pieces.length === 0) {
            pieces.push({ kind: "all" });
            regexNeeded = true;
          } else if (!regexNeeded) {
            exactPrefix = true;
          } else pieces.push({ kind: "all" });
        } else {
          pieces.push({ kind: "dirs" });
          regexNeeded = true;
        }
      } else {
        pieces.push({ kind: "star" });
        regexNeeded = true;
      }
    } else if (ch === "?") {
      pieces.push({ kind: "one" });
      regexNeeded = true;
    } else if (ch === "\\") {
      pieces.push({ kind: "char", code: (i + 1 < chars.length ? chars[++i] : "\\").codePointAt(0) });
      regexNeeded = true;
    } else if (ch === "[") {
      const parsed = parseClass(chars, i);
      if (parsed === null) return () => false;
      pieces.push({ kind: "class", test: parsed.test });
      i = parsed.end;
      regexNeeded = true;
    } else if (ch === "]") {
      pieces.push({ kind: "char", code: 93 });
      regexNeeded = true;
    } else pieces.push({ kind: "char", code: ch.codePointAt(0) });
  }
  if (exactPrefix) {
    const prefix = pattern.slice(0, -2);
    return (path) => path.startsWith(prefix);
  }
  if (!regexNeeded) return (path) => path === pattern;
  const repeats = pieces.filter((p) => p.kind === "star" || p.kind === "dirs" || p.kind === "all").length;
  if (repeats <= 1 && !opts.linear) {
    const regex = piecesRegex(pieces);
    return (path) => regex.test(path);
  }
  return (path) => matchPieces(pieces, path);
}
function fixedPrefix(pattern) {
  if (pattern.startsWith("**")) return "";
  const at = pattern.search(/[*?[\\]/);
  return at < 0 ? pattern : pattern.slice(0, at);
}
var PrefixIndex = class {
  /** Patterns without fixed leading text, ascending. */
  always = [];
  byPrefix = /* @__PURE__ */ new Map();
  /** The distinct lengths of the prefixes in `byPrefix`, ascending. */
  lengths;
  constructor(patterns) {
    const lengths = /* @__PURE__ */ new Set();
    patterns.forEach((p, i) => {
      const prefix = fixedPrefix(p.pattern);
      if (prefix === "") {
        this.always.push(i);
        return;
      }
      const list = this.byPrefix.get(prefix);
      if (list) list.push(i);
      else this.byPrefix.set(prefix, [i]);
      lengths.add(prefix.length);
    });
    this.lengths = [...lengths].sort((a, b) => a - b);
  }
  /** The indices of the patterns that may match `path`, with `extra` (ascending, no duplicates). */
  candidates(path, extra = []) {
    const lists = [];
    if (this.always.length > 0) lists.push(this.always);
    if (extra.length > 0) lists.push(extra);
    for (const length of this.lengths) {
      if (length > path.length) break;
      const list = this.byPrefix.get(path.slice(0, length));
      if (list) lists.push(list);
    }
    if (lists.length === 0) return [];
    if (lists.length === 1) return lists[0];
    const all = lists.flat().sort((a, b) => a - b);
    return all.filter((v, k) => k === 0 || v !== all[k - 1]);
  }
};
var IgnoreMatcher = class _IgnoreMatcher {
  patterns;
  hasExclusions;
  index;
  /** The `!` patterns' texts with a `/` after them, for canSkipDirectory. */
  kept;
  constructor(lines) {
    this.patterns = [];
    for (const raw of lines) {
      let p = raw.trim();
      if (p === "") continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p.startsWith("!")) {
        if (p.length === 1) continue;
        exclusion = true;
        p = p.slice(1);
      }
      this.patterns.push({ pattern: p, exclusion, test: compilePattern(p) });
    }
    this.hasExclusions = this.patterns.some((p) => p.exclusion);
    this.kept = this.patterns.filter((p) => p.exclusion).map((p) => `${p.pattern}/`);
    this.index = new PrefixIndex(this.patterns);
  }
  static fromText(text) {
    return new _IgnoreMatcher(readIgnoreFile(text));
  }
  /** True when the engine leaves this context path (slash-separated, relative) out of the build context. */
  excludes(path) {
    let ancestors = null;
    const parts = path.split("/");
    for (let k = 1; k < parts.length; k++)
      ancestors = this.ancestorMatches(parts.slice(0, k).join("/"), ancestors);
    return this.excludesWithin(path, ancestors);
  }
  /**
   * The walker's form of `excludes`: `ancestors` are the patterns that matched a parent directory (as
   * returned by `ancestorMatches` for the parent), so each path is tested only against the patterns that
   * can match it.
   */
  excludesWithin(path, ancestors) {
    const inherited = ancestors ?? [];
    let matched = false;
    let a = 0;
    for (const i of this.index.candidates(path, inherited)) {
      const p = this.patterns[i];
      while (a < inherited.length && inherited[a] < i) a++;
      if (p.exclusion !== matched) continue;
      if (inherited[a] === i || p.test(path)) matched = !p.exclusion;
    }
    return matched;
  }
  /** The patterns (indices, ascending) that match this directory or one of its parents (`ancestors`: the parent's). */
  ancestorMatches(dir, ancestors) {
    const inherited = ancestors ?? [];
    const out = [];
    let a = 0;
    for (const i of this.index.candidates(dir, inherited)) {
      while (a < inherited.length && inherited[a] < i) a++;
      if (inherited[a] === i || this.patterns[i].test(dir)) out.push(i);
    }
    return out;
  }
  /**
   * True when the engine does not enter this excluded directory: it skips it unless a `!` pattern starts
   * with the directory's path (`!docs/keep.txt` keeps `docs` open; a `!` pattern starting with `**` does not keep
   * `web/node_modules` open). Both builders of the engine behave so, and the engine tests check it.
   */
  canSkipDirectory(dir) {
    if (!this.hasExclusions) return true;
    const prefix = `${dir}/`;
    return !this.kept.some((kept) => kept.startsWith(prefix));
  }
};

// src/lint/context.ts
var HEAVY_PATHS = [
  ".git",
  ".venv",
  "venv",
  "node_modules",
  "__pycache__",
  ".env",
  ".pytest_cache",
  ".mypy_cache"
];
var HEAVY = new Set(HEAVY_PATHS);
var VENV_NAMES = /* @__PURE__ */ new Set([".venv", "venv"]);
function isVirtualenv(source, path, entry) {
  if (!entry.dir) return false;
  try {
    return source.list(path).some((c) => c.name === "pyvenv.cfg" && !c.dir);
  } catch {
    return false;
  }
}
function walkContext(source, ignoreText, ignoreFile) {
  const matcher = ignoreText === null ? null : IgnoreMatcher.fromText(ignoreText);
  const files = [];
  const dirs = /* @__PURE__ */ new Set();
  const heavy = [];
  const addParents = (p) => {
    let slash = p.lastIndexOf("/");
    while (slash > 0) {
      const parent = p.slice(0, slash);
      if (dirs.has(parent)) break;
      dirs.add(parent);
      slash = parent.lastIndexOf("/");
    }
  };
  const walk = (dir, inside, ancestors) => {
    let entries;
    try {
      entries = source.list(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = dir === "" ? e.name : `${dir}/${e.name}`;
      const excluded = matcher ? matcher.excludesWithin(p, ancestors) : false;
      let owner = inside;
      if (!owner && HEAVY.has(e.name) && (!VENV_NAMES.has(e.name) || isVirtualenv(source, p, e))) {
        owner = { path: p, bytes: 0, sent: !excluded };
        heavy.push(owner);
      }
      if (e.dir) {
        if (excluded && matcher.canSkipDirectory(p)) continue;
        if (!excluded) {
          dirs.add(p);
          addParents(p);
        }
        walk(p, owner, matcher ? matcher.ancestorMatches(p, ancestors) : null);
      } else if (!excluded) {
        files.push(p);
        addParents(p);
        if (owner) {
          owner.sent = true;
          try {
            owner.bytes += source.size(p);
          } catch {
          }
        }
      }
    }
  };
  walk("", null, null);
  return {
    ignoreFile,
    files,
    dirs,
    heavy: heavy.filter((h) => h.sent).map(({ path, bytes }) => ({ path, bytes })),
    reincluded: ignoreText === null ? [] : readIgnoreFile(ignoreText).filter((p) => p.startsWith("!")).map((p) => p.slice(1))
  };
}
function fsTree(root) {
  return {
    list(dir) {
      return readdirSync(join(root, dir), { withFileTypes: true }).map((d) => ({
        name: d.name,
        dir: d.isDirectory()
      }));
    },
    size(path) {
      return lstatSync(join(root, path)).size;
    }
  };
}
function keptTree(source) {
  const lists = /* @__PURE__ */ new Map();
  const sizes = /* @__PURE__ */ new Map();
  return {
    list(dir) {
      let entries = lists.get(dir);
      if (!entries) {
        entries = source.list(dir);
        lists.set(dir, entries);
      }
      return entries;
    },
    size(path) {
      let size = sizes.get(path);
      if (size === void 0) {
        size = source.size(path);
        sizes.set(path, size);
      }
      return size;
    }
  };
}
function readContext(contextDir, dockerfilePath) {
  return scanContext(contextDir, dockerfilePath).info;
}
function scanContext(contextDir, dockerfilePath) {
  if (!statSync(contextDir).isDirectory()) throw new Error(`${contextDir} is not a directory`);
  const candidates = [];
  if (dockerfilePath)
    candidates.push(join(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`));
  candidates.push(join(contextDir, ".dockerignore"));
  let ignoreText = null;
  let ignoreFile = null;
  for (const c of candidates) {
    ignoreText = readIgnoreFile2(c);
    if (ignoreText !== null) {
      ignoreFile = c;
      break;
    }
  }
  const tree = keptTree(fsTree(contextDir));
  return { dir: contextDir, info: walkContext(tree, ignoreText, ignoreFile), ignoreText, tree };
}
var MAX_IGNORE_BYTES = 1024 * 1024;
function readIgnoreFile2(path) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      throw new UserError(
        `${path} is ${kindOf(st)}, not a regular file: an ignore file must be a plain text file`
      );
    }
    if (st.size > MAX_IGNORE_BYTES) {
      throw new UserError(
        `${path} is ${st.size} bytes: image-guard reads ignore files up to ${MAX_IGNORE_BYTES} bytes (1 MiB); shorten it (a real one is a few KiB)`
      );
    }
    const bytes = Buffer.alloc(st.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return bytes.subarray(0, got).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
function kindOf(st) {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a file";
}
function globToRegExp(glob) {
  let re = "^";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        let cls = glob.slice(i + 1, end);
        if (cls.startsWith("!")) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < glob.length) {
      re += `\\${glob[++i]}`;
    } else re += /[.+()|{}$^]/.test(c) ? `\\${c}` : c;
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return /^$/;
  }
}
function isGlob(path) {
  return /[*?[]/.test(path);
}
function contextPath(src) {
  return rootedPath(src.replace(/\\/g, "/"));
}

// src/lint/rules/IG009-cache-order.ts
var MANIFESTS = /* @__PURE__ */ new Set([
  "pyproject.toml",
  "uv.lock",
  "poetry.lock",
  "pipfile",
  "pipfile.lock",
  "setup.cfg",
  ".python-version",
  "package.json",
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  ".npmrc",
  ".yarnrc",
  ".yarnrc.yml",
  ".nvmrc",
  "go.mod",
  "go.sum",
  "gemfile",
  "gemfile.lock",
  "composer.json",
  "composer.lock",
  "cargo.toml",
  "cargo.lock",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "settings.gradle",
  "settings.gradle.kts",
  "gradle.properties",
  ".ruby-version",
  ".tool-versions",
  "pnpm-workspace.yaml",
  "bun.lock",
  "bun.lockb",
  // the Maven wrapper (mvnw and .mvn/) and Symfony Flex's lock pick what the install fetches: not source
  "mvnw",
  "mvnw.cmd",
  "symfony.lock",
  // Leiningen and Mix
  "project.clj",
  "mix.exs",
  "mix.lock"
]);
var DOTNET_MANIFESTS = /* @__PURE__ */ new Set([
  "nuget.config",
  "directory.build.props",
  "directory.packages.props",
  "global.json",
  "packages.lock.json"
]);
var DOTNET_PROJECT = /\.(csproj|fsproj|vbproj|sln|slnx)$/i;
var MANIFEST_DIRS = /* @__PURE__ */ new Set([".yarn", "requirements", "patches", ".mvn"]);
function inManifestDir(path) {
  return path.split("/").some((part) => MANIFEST_DIRS.has(part));
}
var MANIFEST_NAMES = [
  ...MANIFESTS,
  "requirements.txt",
  "requirements-dev.txt",
  "NuGet.config",
  "Directory.Build.props",
  "Directory.Packages.props",
  "global.json",
  "packages.lock.json",
  "App.csproj",
  "App.fsproj",
  "App.vbproj",
  "App.sln",
  "App.slnx"
];
function isManifest(name) {
  if (inManifestDir(name.replace(/\/+$/, ""))) return true;
  const base = name.split("/").pop();
  if (base === "Pipfile" || base === "Pipfile.lock" || base === "Gemfile" || base === "Gemfile.lock")
    return true;
  if (MANIFESTS.has(base) && base === base.toLowerCase()) return true;
  if (base === "Cargo.toml" || base === "Cargo.lock") return true;
  if (DOTNET_MANIFESTS.has(base.toLowerCase()) || DOTNET_PROJECT.test(base)) return true;
  return /^requirements.*\.txt$/.test(base);
}
var WHOLE2 = /* @__PURE__ */ new Set([".", "./", "*", "./*"]);
function bringsSource(src, ctx, fileSet) {
  if (WHOLE2.has(src)) return true;
  if (src.includes("$")) return false;
  const p = contextPath(src);
  if (p === "") return true;
  const c = ctx.context;
  if (c) {
    if (isGlob(p)) {
      const re = globToRegExp(p);
      const files = c.files.filter((f) => re.test(f));
      const dirs = [...c.dirs].filter((d) => re.test(d));
      if (files.length + dirs.length > 0)
        return dirs.some((d) => !inManifestDir(d)) || files.some((f) => !isManifest(f));
    } else if (c.dirs.has(p)) return !inManifestDir(p);
    else if (fileSet.has(p)) return !isManifest(p);
  }
  if (src.endsWith("/")) return !inManifestDir(p);
  if (isGlob(p)) {
    const re = globToRegExp(p.split("/").pop());
    return !MANIFEST_NAMES.some((m) => re.test(m) || re.test(m.replace(/^./, (x) => x.toUpperCase())));
  }
  return !isManifest(p);
}
function isContextCopy(instr) {
  return (instr.keyword === "COPY" || instr.keyword === "ADD") && !hasFromFlag(instr) && instr.heredocs.length === 0;
}
var MANIFESTS_OF = {
  uv: "pyproject.toml and uv.lock",
  poetry: "pyproject.toml and poetry.lock",
  pipenv: "Pipfile and Pipfile.lock",
  npm: "package.json and package-lock.json",
  yarn: "package.json and yarn.lock",
  pnpm: "package.json and pnpm-lock.yaml",
  bun: "package.json and bun.lock",
  go: "go.mod and go.sum",
  bundle: "Gemfile and Gemfile.lock",
  composer: "composer.json and composer.lock",
  cargo: "Cargo.toml and Cargo.lock",
  mvn: "pom.xml"
};
function manifestsFor(tool, argv) {
  if (tool === "pip" || tool === "uv") {
    const files = [];
    for (let k = 0; k < argv.length; k++) {
      const a = argv[k];
      if ((a === "-r" || a === "--requirement") && argv[k + 1]) files.push(argv[k + 1]);
      else if (a.startsWith("--requirement=")) files.push(a.slice(14));
      else if (/^-r./.test(a)) files.push(a.slice(2));
    }
    if (files.length) return files.join(" and ");
    if (tool === "pip") return "the requirements files";
  }
  return MANIFESTS_OF[tool] ?? "the dependency manifests";
}
function withFlag(argv, words, flag) {
  if (argv.includes(flag)) return argv.join(" ");
  return [...argv.slice(0, words), flag, ...argv.slice(words)].join(" ");
}
function copyLines(files) {
  const byDir = /* @__PURE__ */ new Map();
  for (const f of files) {
    const slash = f.lastIndexOf("/");
    const dir = slash < 0 ? "./" : `${f.slice(0, slash + 1)}`;
    byDir.set(dir, [...byDir.get(dir) ?? [], f]);
  }
  return [...byDir].map(([dir, fs]) => `COPY ${fs.join(" ")} ${dir}`);
}
function manifestFirst(tool, argv, ctx) {
  const cmd = argv.join(" ");
  const positionals = argv.slice(1).filter((a) => !a.startsWith("-"));
  const has = (path) => ctx.context?.files.includes(path) || ctx.context?.dirs.has(path);
  switch (tool) {
    case "pip":
    case "uv": {
      if (tool === "uv" && positionals[0] === "sync")
        return {
          before: ["COPY pyproject.toml uv.lock ./", `RUN ${withFlag(argv, 2, "--no-install-project")}`],
          after: [`RUN ${cmd}`],
          note: ""
        };
      const files = manifestsFor(tool, argv).split(" and ");
      return {
        before: [
          ...copyLines(files.length && !files[0].startsWith("the ") ? files : ["requirements.txt"]),
          `RUN ${cmd}`
        ],
        after: [],
        note: ""
      };
    }
    case "poetry":
      return {
        before: ["COPY pyproject.toml poetry.lock ./", `RUN ${withFlag(argv, 2, "--no-root")}`],
        after: [`RUN ${cmd}`],
        note: ""
      };
    case "pipenv":
      return { before: ["COPY Pipfile Pipfile.lock ./", `RUN ${cmd}`], after: [], note: "" };
    case "npm":
      return { before: ["COPY package.json package-lock.json ./", `RUN ${cmd}`], after: [], note: "" };
    case "yarn": {
      const berry = has(".yarnrc.yml") || has(".yarn") || argv.includes("--immutable");
      return {
        before: berry ? ["COPY package.json yarn.lock .yarnrc.yml ./", "COPY .yarn/ .yarn/", `RUN ${cmd}`] : ["COPY package.json yarn.lock ./", `RUN ${cmd}`],
        after: [],
        note: ""
      };
    }
    case "pnpm":
      return positionals[0] === "fetch" ? { before: ["COPY pnpm-lock.yaml ./", `RUN ${cmd}`], after: [], note: "" } : {
        before: [
          "COPY pnpm-lock.yaml ./",
          argv.includes("--prod") || argv.includes("-P") ? "RUN pnpm fetch --prod" : "RUN pnpm fetch"
        ],
        after: [`RUN ${withFlag(argv, 2, "--offline")}`],
        note: ""
      };
    case "bun":
      return { before: ["COPY package.json bun.lock ./", `RUN ${cmd}`], after: [], note: "" };
    case "go":
      return {
        before: ["COPY go.mod go.sum ./", `RUN ${cmd}`],
        after: [],
        note: " (and, before the download, the directories of any local `replace` modules go.mod names)"
      };
    case "bundle":
      return { before: ["COPY Gemfile Gemfile.lock ./", `RUN ${cmd}`], after: [], note: "" };
    case "composer":
      return {
        before: [
          "COPY composer.json composer.lock ./",
          `RUN ${withFlag(argv.includes("--no-scripts") ? argv : [...argv, "--no-scripts"], 2, "--no-autoloader")}`
        ],
        after: ["RUN composer dump-autoload --optimize"],
        note: ""
      };
    case "cargo":
      return { before: ["COPY Cargo.toml Cargo.lock ./", `RUN ${cmd}`], after: [], note: "" };
    case "mvn":
      return {
        before: commandName(argv[0]) === "mvnw" ? ["COPY mvnw pom.xml ./", "COPY .mvn/ .mvn/", `RUN ${cmd}`] : ["COPY pom.xml ./", `RUN ${cmd}`],
        after: [],
        note: ""
      };
    case "dotnet": {
      const project = positionals.slice(1).find((p) => /\.(csproj|fsproj|vbproj|sln|slnx)$/i.test(p));
      return {
        before: [...project ? copyLines([project]) : ["COPY *.sln *.csproj ./"], `RUN ${cmd}`],
        after: [],
        note: " (with NuGet.config, Directory.Packages.props and global.json when the repository has them)"
      };
    }
    case "lein":
      return { before: ["COPY project.clj ./", `RUN ${cmd}`], after: [], note: "" };
    case "mix":
      return { before: ["COPY mix.exs mix.lock ./", `RUN ${cmd}`], after: [], note: "" };
    default:
      return { before: [`COPY ${manifestsFor(tool, argv)} ./`, `RUN ${cmd}`], after: [], note: "" };
  }
}
var IG009 = {
  id: "IG009",
  name: "cache-order",
  severity: "error",
  summary: "A dependency-install command runs after a COPY/ADD from the context that copies more than dependency manifests, in the same stage.",
  rationale: "Every source change invalidates the COPY layer, and with it the install after it: each build re-downloads all dependencies.",
  fix: "Copy only the manifests (e.g. `COPY pyproject.toml uv.lock ./`), run the install, then copy the source.",
  check(ctx) {
    const out = [];
    let fileSet = null;
    const files = () => {
      fileSet ??= new Set(ctx.context?.files ?? []);
      return fileSet;
    };
    for (const stage of builtStages(ctx)) {
      let lastSourceCopy = null;
      const unjudged = [];
      const judgeCopies = () => {
        for (const copy of unjudged) {
          const sources = ctx.sources(copy).filter((s) => !isUrl(s));
          if (sources.some((s) => bringsSource(s, ctx, files()))) lastSourceCopy = copy;
        }
        unjudged.length = 0;
      };
      const installedBefore = /* @__PURE__ */ new Set();
      let wholeCopy = null;
      for (const instr of stage.body) {
        if (isContextCopy(instr)) {
          unjudged.push(instr);
          if (!wholeCopy && isWholeContextCopy(ctx, instr)) wholeCopy = instr;
          continue;
        }
        if (instr.keyword !== "RUN") continue;
        for (const cmd of ctx.run(instr).commands) {
          const install = dependencyInstall(cmd);
          if (!install) continue;
          judgeCopies();
          if (!lastSourceCopy) {
            installedBefore.add(install.tool);
            continue;
          }
          if (installedBefore.has(install.tool)) continue;
          const source = wholeCopy ?? lastSourceCopy;
          const split = manifestFirst(install.tool, cmd.argv, ctx);
          const steps = [...split.before, source.text, ...split.after].map((t) => `\`${t}\``).join(", ");
          out.push({
            line: instr.line,
            message: `${quote(lastSourceCopy)} comes before \`RUN ${install.text}\` (line ${instr.line}): every source change re-installs all dependencies. Copy ${manifestsFor(install.tool, cmd.argv)}, run \`${install.text}\`, then copy the source.`,
            fix: `Copy the manifests first${split.note} and move ${quote(source)} after the install: ${steps}.`
          });
          break;
        }
      }
    }
    return out;
  }
};

// src/lint/non-root-user.ts
function createdUsers(argv) {
  const name = commandName(argv[0]);
  if (name !== "useradd" && name !== "adduser") return [];
  const valued = /^(-[bcdefgGkKpsuhHU]|--(base-dir|comment|home-dir|home|expiredate|inactive|gid|groups|skel|key|password|shell|uid|gecos|ingroup|firstuid|lastuid|conf|add-extra-groups))$/;
  const positionals = [];
  for (let k = 1; k < argv.length; k++) {
    const a = argv[k];
    if (a.startsWith("-")) {
      if (valued.test(a)) k++;
      continue;
    }
    positionals.push(a);
  }
  return name === "adduser" ? positionals.length === 1 ? positionals : [] : positionals.slice(0, 1);
}
function baseKind(base) {
  if (base.scratch) return "scratch";
  const ref = base.ref;
  if (!ref) return "other";
  const registry = ref.registry ?? "";
  const path = ref.path;
  const tag = (ref.tag ?? "").toLowerCase();
  if (registry === "gcr.io" && path.startsWith("distroless/")) return "distroless";
  if (registry === "cgr.dev" && /^chainguard\/static$/.test(path)) return "chainguard-static";
  const major = /^(\d+)\./.exec(tag)?.[1];
  if (registry === "mcr.microsoft.com" && path.startsWith("dotnet/") && (major === void 0 || Number(major) >= 8))
    return "dotnet";
  const last = path.split("/").pop();
  if (last === "alpine" || last === "busybox" || /(^|-)alpine/.test(tag)) return "busybox";
  return "other";
}
function providedUser(kind) {
  if (kind === "scratch" || kind === "distroless" || kind === "chainguard-static") return "65532:65532";
  if (kind === "dotnet") return "$APP_UID";
  return null;
}
function userAdvice(users, base) {
  if (users.length === 1) {
    const u = users[0];
    return {
      short: `Add \`USER ${u}\` (the user the image creates) before CMD.`,
      fix: `Switch to the user the image already creates: \`USER ${u}\` before CMD, after the steps that need root.`
    };
  }
  if (users.length > 1) {
    const list = users.map((u) => `\`${u}\``).join(", ");
    return {
      short: `Add \`USER\` with one of the users the image creates (${list}) before CMD.`,
      fix: `Switch to the user that runs the program, one of those the image creates (${list}): \`USER ${users[0]}\` before CMD.`
    };
  }
  const kind = baseKind(base);
  switch (kind) {
    case "scratch":
    case "chainguard-static":
      return {
        short: "Add `USER 65532:65532` before CMD.",
        fix: `The base has no shell to run useradd: set a numeric user, \`USER 65532:65532\` (a numeric USER needs no /etc/passwd entry), before CMD.`
      };
    case "distroless":
      return {
        short: `Add \`USER 65532:65532\` or use the \`:nonroot\` tag of \`${base.ref.registry}/${base.ref.path}\`.`,
        fix: `Distroless has no shell to run useradd: use the base's \`:nonroot\` tag (\`FROM ${base.ref.registry}/${base.ref.path}:nonroot\`, user 65532) or add \`USER 65532:65532\` before CMD.`
      };
    case "dotnet":
      return {
        short: "Add `USER $APP_UID` before CMD.",
        fix: "The .NET images define an unprivileged user: add `USER $APP_UID` (the images' `app` user, uid 1654) before ENTRYPOINT."
      };
    case "busybox":
      return {
        short: "Add a user (`RUN adduser -D app`) and `USER app` before CMD.",
        fix: "Alpine and BusyBox have no useradd: create the user with `RUN adduser -D app`, then `USER app` before CMD."
      };
    default:
      return {
        short: "Add a user and `USER app` before CMD.",
        fix: "Create a user and switch to it before CMD: `RUN useradd --create-home app` then `USER app`."
      };
  }
}

// src/lint/rules/IG010-non-root.ts
function argDefault(g, name, user) {
  const declares = (i) => i.keyword === "ARG" && splitWords(i.args).some((w) => w.startsWith(`${name}=`));
  const before = g.lineage.flatMap((s) => s.body).filter((i) => i.line < user.line);
  return before.filter(declares).pop() ?? g.preamble.filter(declares).pop() ?? null;
}
var WINDOWS_FIX = "Run as the built-in unprivileged account: `USER ContainerUser` before CMD (useradd does not exist on Windows).";
var IG010 = {
  id: "IG010",
  name: "non-root",
  severity: "warning",
  summary: "The final stage (with its lineage) has no USER, or its last USER is root, 0, root:root or 0:0 (on a Windows image: ContainerAdministrator).",
  rationale: "A process running as root in the container turns any escape or file-write bug into root on the image filesystem.",
  fix: "Create a user and switch to it before CMD: `RUN useradd --create-home app` then `USER app`.",
  check(ctx) {
    const g = graphOf(ctx);
    const base = baseOf(g.final);
    if ((base.ref?.tag ?? "").toLowerCase().includes("nonroot")) return [];
    const windows = isWindowsBuild(ctx);
    const users = g.lineage.flatMap((s) => s.body).filter((i) => i.keyword === "USER");
    const last = users[users.length - 1];
    const advice = () => {
      const created = /* @__PURE__ */ new Set();
      for (const stage of g.lineage)
        for (const instr of stage.body)
          if (instr.keyword === "RUN")
            for (const cmd of ctx.run(instr).commands) for (const u of createdUsers(cmd.argv)) created.add(u);
      return userAdvice([...created], base);
    };
    if (!last && windows) {
      return [
        {
          line: g.final.from.line,
          message: `the final stage \`${g.final.from.text}\` (line ${g.final.from.line}) is a Windows image that never sets USER: servercore images run as ContainerAdministrator. Add \`USER ContainerUser\` before CMD.`,
          fix: WINDOWS_FIX
        }
      ];
    }
    if (!last) {
      const { short, fix: fix2 } = advice();
      return [
        {
          line: g.final.from.line,
          message: `the final stage \`${g.final.from.text}\` (line ${g.final.from.line}) never sets USER: the container runs as root. ${short}`,
          fix: fix2
        }
      ];
    }
    const raw = splitWords(last.args)[0] ?? "";
    const vars = ctx.vars(g.final, last);
    const value = substitute(
      raw,
      { has: (k) => vars.get(k) !== void 0, get: (k) => vars.get(k) },
      ctx.parsed.escape
    );
    if (value === null) return [];
    const user = value.split(":")[0].toLowerCase();
    if (windows) {
      if (user !== "containeradministrator" && user !== "administrator") return [];
      return [
        {
          line: last.line,
          message: `\`${last.text}\` (line ${last.line}) is the final stage's last USER: the Windows container runs as an administrator. Switch to \`USER ContainerUser\` after the steps that need it.`,
          fix: WINDOWS_FIX
        }
      ];
    }
    if (user !== "root" && user !== "0") return [];
    const { fix } = advice();
    const variable = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(raw)?.[1];
    const arg = variable ? argDefault(g, variable, last) : null;
    const from = arg ? `, which is \`${value}\` from the default of \`${arg.text}\` (line ${arg.line})` : "";
    return [
      {
        line: last.line,
        message: `\`${last.text}\` (line ${last.line}) is the final stage's last USER${from}: the container runs as root. Switch to an unprivileged user (\`USER app\`, \`USER 10001\`) after the steps that need root.`,
        fix: arg ? `Give \`${arg.text.replace(/=.*$/, "")}\` an unprivileged default (\`${arg.text.replace(/=.*$/, "=10001")}\`), or pass one with --build-arg; else ${fix.charAt(0).toLowerCase()}${fix.slice(1)}` : fix
      }
    ];
  }
};

// src/lint/rules/IG011-build-tools-in-final.ts
var IG011 = {
  id: "IG011",
  name: "build-tools-in-final",
  severity: "warning",
  summary: "A Dockerfile with two or more stages installs or runs build-only tooling in its final lineage.",
  rationale: "The point of the builder stage is lost: compilers, headers and build tools still ship in the image.",
  fix: "Move the build step (and the tools it needs) into the builder stage and `COPY --from=` only its output.",
  check(ctx) {
    const g = graphOf(ctx);
    if (g.stages.length < 2) return [];
    const first = firstBuildTooling(ctx, g.lineage);
    if (!first) return [];
    const more = first.more;
    const where = first.stage === g.final ? "the final stage" : `stage \`${first.stage.name ?? first.stage.index}\`, which the final image is built from`;
    return [
      {
        line: first.line,
        message: `${first.text} ${first.what} in ${where}${more}: the build tooling ships in the image although this Dockerfile has a builder stage. Do it in the builder stage and copy only the result.`,
        ...first.stage === g.final ? {} : {
          fix: `Move the build step (and the tools it needs) out of stage \`${first.stage.name ?? first.stage.index}\` into a builder stage the final image does not start FROM, and \`COPY --from=\` only its output.`
        }
      }
    ];
  }
};

// src/lint/rules/IG012-copy-all-final.ts
var IG012 = {
  id: "IG012",
  name: "copy-all-final",
  severity: "info",
  summary: "The final stage (or a stage it is built FROM) copies the whole build context.",
  rationale: "Tests, docs, CI files and anything the ignore file misses land in the image, and any file change busts the layer.",
  fix: "Copy only what runs: `COPY app/ app/` (and the files it needs) instead of `COPY . .`.",
  check(ctx) {
    const g = graphOf(ctx);
    const copy = g.lineage.flatMap((s) => s.body).find((i) => isWholeContextCopy(ctx, i));
    if (!copy) return [];
    return [
      {
        line: copy.line,
        message: `${quote(copy)} copies the whole build context into the final image: tests, docs and local files come along. Copy only the directories the application needs (e.g. \`COPY app/ app/\`).`
      }
    ];
  }
};

// src/lint/rules/IG013-dev-deps.ts
function listHas(values, word) {
  return values.some(
    (v) => v.split(",").map((x) => x.trim()).includes(word)
  );
}
var IG013 = {
  id: "IG013",
  name: "dev-deps",
  severity: "warning",
  summary: "In the final lineage: `uv sync` without `--no-dev` (or `--no-default-groups` / `--only-group NAME` without dev asked back); `npm ci`/`npm install` without `--omit=dev` (unless NODE_ENV=production); `poetry install` without `--without dev`/`--only main`; `pipenv install --dev`.",
  rationale: "Test runners, linters and type checkers ship in the production image: larger, and more to patch.",
  fix: "Install production dependencies only: `uv sync --no-dev`, `npm ci --omit=dev`, `poetry install --without dev`.",
  check(ctx) {
    const g = graphOf(ctx);
    const out = [];
    for (const stage of g.lineage) {
      for (const instr of stage.body) {
        if (instr.keyword !== "RUN") continue;
        const vars = ctx.vars(g.final, instr);
        for (const cmd of ctx.run(instr).commands) {
          const env = (k) => cmd.env[k] ?? vars.get(k);
          let problem = null;
          const uv = uvCommand(cmd);
          if (uv?.kind === "sync") {
            const devAsked = hasOption(uv.options, "--all-groups", "--dev") || listHas(optionValues(uv.options, "--group"), "dev");
            const defaultsDropped = hasOption(uv.options, "--no-default-groups") || optionValues(uv.options, "--only-group").some((v) => v !== "dev");
            const noDev = hasOption(uv.options, "--no-dev") || listHas(optionValues(uv.options, "--no-group"), "dev") || truthy(env("UV_NO_DEV")) || defaultsDropped && !devAsked;
            const unknowable = cmd.argv.some((a) => a.includes("$"));
            if (!noDev && !unknowable)
              problem = "`uv sync` installs the dev dependency group: add `--no-dev`";
          }
          const npm = npmInstall(cmd);
          if (npm && (npm.kind === "ci" || npm.packages.length === 0)) {
            const prod = listHas(optionValues(npm.options, "--omit"), "dev") || hasOption(npm.options, "--production") && !npm.options.includes("--production=false") || ["prod", "production"].some((v) => optionValues(npm.options, "--only").includes(v)) || env("NODE_ENV") === "production" || truthy(env("NPM_CONFIG_PRODUCTION")) || (env("NPM_CONFIG_OMIT") ?? "").split(/[ ,]/).includes("dev");
            if (!prod)
              problem = `\`npm ${npm.kind === "ci" ? "ci" : "install"}\` installs devDependencies: add \`--omit=dev\` (or set \`ENV NODE_ENV=production\` before it)`;
          }
          const poetry = poetryInstall(cmd);
          if (poetry) {
            const prod = listHas(optionValues(poetry, "--without"), "dev") || optionValues(poetry, "--only").some((v) => !v.split(",").includes("dev")) || hasOption(poetry, "--no-dev", "--only-root");
            if (!prod)
              problem = "`poetry install` installs the dev group: add `--without dev` (or `--only main`)";
          }
          const pipenv = pipenvInstall(cmd);
          if (pipenv && (pipenv.includes("--dev") || pipenv.includes("-d"))) {
            problem = "`pipenv install --dev` installs the dev packages: drop `--dev` (and use `--deploy`)";
          }
          if (problem) {
            out.push({
              line: instr.line,
              message: `${quote(instr)}: ${problem}, so test and lint tools do not ship in the image.`
            });
            break;
          }
        }
      }
    }
    return out;
  }
};

// src/lint/rules/IG014-unpinned-base.ts
var IG014 = {
  id: "IG014",
  name: "unpinned-base",
  severity: "warning",
  summary: "A FROM image (after resolving ARG defaults) has neither tag nor digest, or its tag is `latest`.",
  rationale: "The base changes under the Dockerfile: builds are not reproducible and a new major version can arrive unnoticed.",
  fix: "Pin the image to a version tag (`IMAGE:<version>`) or a digest (`IMAGE@sha256:\u2026`).",
  check(ctx) {
    const out = [];
    for (const stage of builtStages(ctx)) {
      const ref = stage.ref;
      if (!ref || ref.digest) continue;
      const tag = ref.tag?.toLowerCase() ?? null;
      if (tag !== null && tag !== "latest") continue;
      const name = ref.registry ? `${ref.registry}/${ref.path}` : ref.path;
      out.push({
        line: stage.from.line,
        message: `\`${stage.from.text}\` (line ${stage.from.line}) uses \`${ref.text}\`, ${tag === null ? "with no tag (that means latest)" : "tagged latest"}: the base changes under you. Pin a version, e.g. \`${name}:<version>\`.`,
        fix: `Pin \`${name}\` to a version tag (\`${name}:<version>\`) or a digest (\`${name}@sha256:\u2026\`).`
      });
    }
    return out;
  }
};

// src/lint/rules/IG015-lockfile.ts
var IG015 = {
  id: "IG015",
  name: "lockfile",
  severity: "info",
  summary: "`uv sync` without `--frozen` or `--locked`; `npm install` with no package arguments (use `npm ci`); `yarn install` / `yarn` without `--frozen-lockfile` or `--immutable`.",
  rationale: "Without the lockfile enforced, the image can get other dependency versions than the ones tested.",
  fix: "Install exactly the lockfile: `uv sync --locked`, `npm ci`, `yarn install --frozen-lockfile` (v1) or `--immutable` (berry).",
  check(ctx) {
    const out = [];
    for (const stage of builtStages(ctx)) {
      for (const instr of stage.body) {
        if (instr.keyword !== "RUN") continue;
        const vars = ctx.vars(stage, instr);
        for (const cmd of ctx.run(instr).commands) {
          const env = (k) => cmd.env[k] ?? vars.get(k);
          let problem = null;
          const uv = uvCommand(cmd);
          if (uv?.kind === "sync" && !hasOption(uv.options, "--frozen", "--locked") && !truthy(env("UV_FROZEN")) && !truthy(env("UV_LOCKED"))) {
            problem = "`uv sync` may re-resolve and update uv.lock: add `--locked` (or `--frozen`)";
          }
          const npm = npmInstall(cmd);
          if (npm?.kind === "install" && npm.packages.length === 0) {
            problem = "`npm install` may update package-lock.json: use `npm ci`";
          }
          const yarn = yarnInstall(cmd);
          if (yarn && !hasOption(yarn, "--frozen-lockfile", "--immutable") && !truthy(env("YARN_ENABLE_IMMUTABLE_INSTALLS"))) {
            problem = "`yarn install` may update yarn.lock: add `--frozen-lockfile` (yarn 1) or `--immutable` (yarn 2+)";
          }
          if (problem) {
            out.push({
              line: instr.line,
              message: `${quote(instr)}: ${problem}, so the image gets exactly the tested versions.`
            });
            break;
          }
        }
      }
    }
    return out;
  }
};

// src/lint/rules/IG016-python-env.ts
var IG016 = {
  id: "IG016",
  name: "python-env",
  severity: "info",
  summary: "The final stage\u2019s base is a python image and the lineage sets neither PYTHONUNBUFFERED nor PYTHONDONTWRITEBYTECODE.",
  rationale: "Buffered stdout delays or loses logs when the container stops; .pyc files written at run time go to a read-only or throw-away layer.",
  fix: "Add `ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1` to the final stage.",
  check(ctx) {
    const g = graphOf(ctx);
    const base = baseOf(g.final);
    if (!base.ref || officialImageOf(base.ref) !== "python") return [];
    const env = variablesBefore(g.lineage, null, g.globalArgs, { env: true, arg: false });
    if (env.has("PYTHONUNBUFFERED") || env.has("PYTHONDONTWRITEBYTECODE")) return [];
    return [
      {
        line: g.final.from.line,
        message: `the final stage \`${g.final.from.text}\` (line ${g.final.from.line}) runs Python without PYTHONUNBUFFERED or PYTHONDONTWRITEBYTECODE: logs are buffered and .pyc files are written at run time. Add \`ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\`.`
      }
    ];
  }
};

// src/lint/rules/IG017-add-local.ts
var TAR = /\.(tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2|tbz|tar\.zst|tzst)$/i;
function isGitSource(src) {
  return /^git@/.test(src) || /\.git(#.*)?$/.test(src) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(src);
}
var IG017 = {
  id: "IG017",
  name: "add-local",
  severity: "info",
  summary: "ADD copies a local path that is not a tar archive and not a URL or git source.",
  rationale: "ADD has extra behaviour (archive extraction, URLs); for plain files COPY says what happens and nothing more.",
  fix: "Use COPY for local files and directories.",
  check(ctx) {
    const out = [];
    for (const stage of builtStages(ctx)) {
      for (const instr of stage.body) {
        if (instr.keyword !== "ADD") continue;
        const local = ctx.sources(instr).filter((s) => !s.includes("$") && !isUrl(s) && !isGitSource(s) && !TAR.test(s));
        if (local.length === 0) continue;
        out.push({
          line: instr.line,
          message: `${quote(instr)} uses ADD for the local path \`${local[0]}\`: write \`${instr.text.replace(/^ADD\b/, "COPY")}\` \u2014 ADD is only needed for tar archives and remote sources.`,
          fix: "Replace ADD with COPY."
        });
      }
    }
    return out;
  }
};

// src/lint/rules/IG018-judged-stage.ts
var NOT_SHIPPED = /^(dev|development|test|tests|ci|debug|lint)([-_.0-9]|$)/i;
var SHIPPED = /^(prod|production|release|runtime|final|app)([-_.0-9]|$)/i;
var IG018 = {
  id: "IG018",
  name: "judged-stage",
  severity: "info",
  summary: "The final stage was taken to be the last stage, its name says dev, development, test, tests, ci, debug or lint, and another stage is named like a runtime stage (prod, production, release, runtime, final, app).",
  rationale: "Without a target, the last stage is judged as the image that ships: a dev or test stage written last gets the findings meant for the runtime image, and the runtime image is not judged.",
  fix: "Lint the stage that ships: `image-guard lint Dockerfile --target <stage>` (the Action: its `target` input).",
  check(ctx) {
    const g = graphOf(ctx);
    const final = g.final;
    if (g.finalReason !== "last stage" || !final.name || !NOT_SHIPPED.test(final.name)) return [];
    const runtime = [...g.stages].reverse().find((s) => s !== final && s.name && SHIPPED.test(s.name));
    if (!runtime) return [];
    return [
      {
        line: final.from.line,
        message: `the last stage \`${final.from.text}\` (line ${final.from.line}) is named like a ${NOT_SHIPPED.exec(final.name)[1].toLowerCase()} stage, so it was judged as the final image, while \`${runtime.name}\` (line ${runtime.from.line}) looks like the image that ships. To judge that one, pass \`--target ${runtime.name}\` (the Action: \`target: ${runtime.name}\`).`,
        fix: `Lint the stage that ships: \`image-guard lint <Dockerfile> --target ${runtime.name}\` (the Action: \`target: ${runtime.name}\`).`
      }
    ];
  }
};

// src/lint/rules/index.ts
var RULES = [
  IG000,
  IG001,
  IG002,
  IG003,
  IG004,
  IG005,
  IG006,
  IG007,
  IG008,
  IG009,
  IG010,
  IG011,
  IG012,
  IG013,
  IG014,
  IG015,
  IG016,
  IG017,
  IG018
];

export {
  hasOption,
  optionValues,
  truthy,
  expandText,
  skipNested,
  commandName,
  isShell,
  shellDashC,
  apkCommand,
  aptCommand,
  pipInstallArgs,
  uvCommand,
  poetryInstall,
  rpmCommand,
  RPM_INSTALL_SUBS,
  toolingInstall,
  removedAgain,
  NPM_INSTALL_SUBS,
  npmInstall,
  yarnInstall,
  pnpmInstall,
  bunInstall,
  cleanPath,
  segment,
  parseDockerfile,
  splitWords,
  DEFAULT_PLATFORM,
  isPlatform,
  GraphError,
  buildStageGraph,
  mountsOf,
  baseOf,
  analyzeRun,
  createContext,
  graphOf,
  copySources,
  hasFromFlag,
  isWholeContextCopy,
  isUrl,
  isWindowsImage,
  HEAVY_PATHS,
  walkContext,
  readContext,
  scanContext,
  globToRegExp,
  isGlob,
  contextPath,
  isManifest,
  createdUsers,
  baseKind,
  providedUser,
  RULES
};
