// The Dockerfile model the rules read. segment.ts splits the text into instructions (as BuildKit does, and
// checked against dockerfile-ast in the tests); here each instruction's arguments are read the way the
// engine reads them, where dockerfile-ast's accessors are loose for a linter:
//   - argument text keeps comment lines that sit inside a continued instruction (BuildKit drops them);
//   - exec-form strings lose spaces and escapes ("a b" reads as "ab"), so JSON is parsed here;
//   - ARG/ENV with several pairs, and the legacy `ENV KEY value` form, are read here;
//   - an unterminated heredoc or JSON array, an unknown instruction or an instruction before FROM are
//     accepted silently: they are reported as IG000 problems.
import { segment } from './segment.js';

export interface Flag {
  name: string;
  value: string | null;
}

export interface Heredoc {
  name: string;
  body: string;
  /** 1-based line of the body's first line. */
  line: number;
  terminated: boolean;
}

export interface Instruction {
  /** Upper-case keyword: RUN, COPY … (unknown ones too, as written upper-cased). */
  keyword: string;
  /** 1-based first and last line (heredoc bodies included). */
  line: number;
  endLine: number;
  /** The arguments after the keyword and flags, continuations joined and inner comment lines dropped. */
  args: string;
  flags: Flag[];
  /** The exec form's strings when the arguments are a JSON array. */
  json: string[] | null;
  heredocs: Heredoc[];
  /** Keyword plus arguments on one line, whitespace collapsed: for quoting in messages. */
  text: string;
}

export interface Comment {
  line: number;
  text: string;
}

export interface Problem {
  line: number;
  message: string;
}

export interface ParsedDockerfile {
  instructions: Instruction[];
  comments: Comment[];
  escape: string;
  problems: Problem[];
}

export const KNOWN_INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

const FLAG_INSTRUCTIONS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const JSON_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'SHELL', 'VOLUME']);

/** Joins a continued instruction's physical lines the way BuildKit does. */
function joinLogical(lines: readonly string[], escapeChar: string): string {
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (k > 0) {
      const trimmed = line.trimStart();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
    }
    const right = line.replace(/[ \t]+$/, '');
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

/** Reads leading `--name[=value]` flags; returns them and the rest of the text. */
function splitFlags(text: string): { flags: Flag[]; rest: string } {
  const flags: Flag[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (!text.startsWith('--', i)) break;
    let j = i;
    let token = '';
    while (j < n && !/\s/.test(text[j]!)) {
      const c = text[j]!;
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
    const eq = body.indexOf('=');
    flags.push(
      eq < 0
        ? { name: body.toLowerCase(), value: null }
        : { name: body.slice(0, eq).toLowerCase(), value: body.slice(eq + 1) },
    );
    i = j;
  }
  return { flags, rest: text.slice(i).trim() };
}

function parseJsonArray(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // not JSON: shell form
  }
  return null;
}

/** `[ -f x ]` is a shell test; `["a", "b"` or `["a" "b"]` is a broken exec form. */
function looksLikeBrokenExecForm(text: string): boolean {
  if (!/^\[\s*"/.test(text)) return false;
  return text.startsWith('["') || !text.includes(']');
}

export function shorten(text: string, max = 60): string {
  if (text.length > 4 * max) {
    // a long RUN: the head decides (collapsing a prefix gives a prefix of the collapsed whole)
    const head = text
      .slice(0, 4 * max)
      .replace(/\s+/g, ' ')
      .trimStart();
    if (head.length > max + 1) return `${head.slice(0, max - 1).trimEnd()}…`;
  }
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

export function parseDockerfile(source: string): ParsedDockerfile {
  const text = source.startsWith('\ufeff') ? source.slice(1) : source;
  const { lines, escape: escapeChar, comments, segments } = segment(text);
  const problems: Problem[] = [];
  const instructions: Instruction[] = [];
  const unknown = new UnknownInstructions(problems);

  for (const seg of segments) {
    const keyword = seg.keyword.toUpperCase();
    const line = seg.start + 1;
    const end = seg.end;
    const headerEnd = seg.headerEnd;
    const heredocs: Heredoc[] = seg.heredocs.map((h) => {
      let bodyLines = lines.slice(h.bodyStart, h.bodyEnd);
      if (h.stripTabs) bodyLines = bodyLines.map((l) => l.replace(/^\t+/, ''));
      return { name: h.name, body: bodyLines.join('\n'), line: h.bodyStart + 1, terminated: h.terminated };
    });
    const start = seg.start;
    const logical = joinLogical(lines.slice(start, Math.max(start, headerEnd) + 1), escapeChar).trim();
    // drop the keyword as written (it may be lower-case)
    const afterKeyword = logical.slice(seg.keyword.length).trim();
    const { flags, rest } = FLAG_INSTRUCTIONS.has(keyword)
      ? splitFlags(afterKeyword)
      : { flags: [], rest: afterKeyword };
    const json = JSON_INSTRUCTIONS.has(keyword) && heredocs.length === 0 ? parseJsonArray(rest) : null;

    if (!KNOWN_INSTRUCTIONS.has(keyword)) unknown.push(seg.keyword, line);
    for (const h of heredocs) {
      if (!h.terminated) {
        problems.push({
          line,
          message: `the heredoc \`<<${h.name}\` is never closed: end it with a line holding only \`${h.name}\``,
        });
      }
    }
    if (keyword === 'SHELL' && json === null) {
      problems.push({
        line,
        message: `\`${shorten(`SHELL ${rest}`, 50)}\` must be a JSON array: write SHELL ["/bin/bash", "-c"]`,
      });
    } else if (
      JSON_INSTRUCTIONS.has(keyword) &&
      json === null &&
      heredocs.length === 0 &&
      looksLikeBrokenExecForm(rest)
    ) {
      problems.push({
        line,
        message: `\`${shorten(`${seg.keyword} ${rest}`, 50)}\` is not a valid JSON array: write ["executable", "arg"] with double quotes, commas and a closing ]`,
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
      text: shorten(`${keyword} ${afterKeyword}`),
    });
  }
  unknown.finish();
  return { instructions, comments, escape: escapeChar, problems };
}

/**
 * Reports lines that start with no known instruction. Only a keyword that looks like one is quoted, never the
 * rest of the line: a file that is not a Dockerfile at all (a .env, a key) must not be echoed into a report.
 * After a few, one summary line stands for the rest.
 */
class UnknownInstructions {
  static readonly SHOWN = 5;
  private count = 0;
  private firstHidden = 0;

  constructor(private readonly problems: Problem[]) {}

  push(keyword: string, line: number): void {
    this.count++;
    if (this.count > UnknownInstructions.SHOWN) {
      if (this.firstHidden === 0) this.firstHidden = line;
      return;
    }
    this.problems.push({
      line,
      message: /^[A-Za-z][A-Za-z0-9_-]{0,19}$/.test(keyword)
        ? `unknown instruction \`${keyword}\``
        : 'this line starts with no Dockerfile instruction',
    });
  }

  finish(): void {
    const hidden = this.count - UnknownInstructions.SHOWN;
    if (hidden <= 0) return;
    this.problems.push({
      line: this.firstHidden,
      message: `${hidden} more line${hidden === 1 ? '' : 's'} from here on start with no Dockerfile instruction: is this file a Dockerfile?`,
    });
  }
}

/** `KEY=value KEY2="v 2"` or the legacy `KEY value` form of ENV (and ARG's `KEY[=default]`). */
export function parseKeyValues(
  args: string,
  legacySpaceForm: boolean,
): { key: string; value: string | null }[] {
  const words = splitWords(args);
  if (words.length === 0) return [];
  if (legacySpaceForm && !words[0]!.includes('=')) {
    const first = /^\S+/.exec(args.trim())?.[0] ?? '';
    const rest = args.trim().slice(first.length).trim();
    return [{ key: first, value: unquote(rest) }];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? { key: w, value: null } : { key: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}

/** Whitespace-separated words with quotes removed (Dockerfile word rules, not a shell). */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n) break;
    let w = '';
    while (i < n && !/\s/.test(text[i]!)) {
      const c = text[i]!;
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, i + 1);
        let inner = text.slice(i + 1, end < 0 ? n : end);
        if (c === '"') inner = inner.replace(/\\(["\\$])/g, '$1');
        w += inner;
        i = end < 0 ? n : end + 1;
      } else if (c === '\\' && i + 1 < n) {
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

function unquote(value: string): string {
  const t = value.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}
