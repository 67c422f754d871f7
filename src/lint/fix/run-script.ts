// A RUN's scripts located in the source: the shell form's arguments, a shell heredoc's body, or the exec form's
// JSON strings, each with the commands found in it.
import type { ShellCommand } from '../shell.js';
import { isShell, shellDashC } from '../shell.js';
import type { TextEdit } from './edits.js';
import type { FixEnv, Located } from './model.js';
import { commandWords, type ScannedScript, scanScript, type Word } from './shell-words.js';
import { argumentsOf, headerText, heredocBody, lineEnding, type MappedText, mappedSlice } from './source.js';

export interface LocatedCommand {
  /** As the recognisers in commands.ts take it. */
  command: ShellCommand;
  words: Word[];
  script: Script;
}

export interface Script {
  kind: 'shell' | 'heredoc';
  text: MappedText;
  scan: ScannedScript;
}

export interface JsonElement {
  value: string;
  /** Index of the opening and after the closing quote in the arguments' text. */
  start: number;
  end: number;
}

export type RunForm =
  | { form: 'shell'; scripts: Script[]; header: MappedText; multiLine: boolean }
  | { form: 'exec'; args: MappedText; elements: JsonElement[] }
  | { form: 'other'; why: string };

/** The strings of a JSON array with where each is written, or null when the text is not one. */
export function jsonElements(text: string): JsonElement[] | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
  const out: JsonElement[] = [];
  let i = text.indexOf('[') + 1;
  while (out.length < value.length) {
    const start = text.indexOf('"', i);
    let j = start + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    out.push({ value: value[out.length] as string, start, end: j + 1 });
    i = j + 1;
  }
  return out;
}

const SHEBANG = /^#!\s*(\S+)(?:\s+(\S+))?/;

export function runForm(env: FixEnv, loc: Located): RunForm {
  const { file } = env;
  const header = headerText(file, loc.seg);
  const { args } = argumentsOf(header, true);
  if (loc.instr.json) {
    const elements = jsonElements(args.text);
    if (!elements) return { form: 'other', why: 'its exec form cannot be read' };
    // ["sh", "-c", "…"]: the string is a shell script, edited inside its JSON string
    const k = dashCIndex(elements.map((e) => e.value));
    if (k < 0) return { form: 'exec', args, elements };
    const inner = jsonStringText(args, elements[k]!);
    return inner
      ? { form: 'shell', header, multiLine: false, scripts: [script('shell', inner)] }
      : { form: 'other', why: 'its `sh -c` script holds escapes' };
  }
  const multiLine = loc.seg.headerEnd > loc.seg.start;
  if (loc.seg.heredocs.length === 0)
    return { form: 'shell', header, multiLine, scripts: [script('shell', args)] };
  // `RUN <<EOF` alone: the body is the script (a shebang may name another interpreter)
  if (loc.seg.heredocs.length > 1 || !/^<<-?(["']?)[^\s"']+\1$/.test(args.text))
    return { form: 'other', why: 'its heredoc is read by a command, not run as the script itself' };
  const h = loc.seg.heredocs[0]!;
  if (!h.terminated) return { form: 'other', why: 'its heredoc is not closed' };
  const body = heredocBody(file, h.bodyStart, h.bodyEnd);
  const shebang = SHEBANG.exec(body.text);
  if (shebang) {
    const interp = shebang[1]!.endsWith('/env') ? (shebang[2] ?? '') : shebang[1]!;
    if (!isShell(interp)) return { form: 'other', why: `its heredoc is a ${interp} script` };
  }
  return { form: 'shell', header, multiLine: false, scripts: [script('heredoc', body)] };
}

/** Index of the script argument of `sh -c SCRIPT` (shellDashC's answer, found among the words), or -1. */
function dashCIndex(argv: readonly string[]): number {
  const inner = shellDashC(argv);
  if (inner === null) return -1;
  const flag = argv.findIndex((a, k) => k > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a));
  return flag > 0 && argv[flag + 1] === inner ? flag + 1 : -1;
}

/**
 * The text inside a JSON string with each character's source range. Only strings without escapes: an edit
 * inside one then needs no escaping either.
 */
function jsonStringText(args: MappedText, el: JsonElement): MappedText | null {
  const raw = args.text.slice(el.start + 1, el.end - 1);
  if (raw.includes('\\')) return null;
  return mappedSlice(args, el.start + 1, el.end - 1);
}

/** The script of a quoted shell word (`'…'`, or `"…"` with no `$`, backtick or backslash), or null. */
function quotedText(outer: MappedText, word: Word): MappedText | null {
  const raw = outer.text.slice(word.start, word.end);
  if (!/^'[^']*'$/.test(raw) && !/^"[^"\\$`]*"$/.test(raw)) return null;
  return mappedSlice(outer, word.start + 1, word.end - 1);
}

function script(kind: Script['kind'], text: MappedText): Script {
  return { kind, text, scan: scanScript(text.text) };
}

/** The commands of the scripts whose first word is plain (what the recognisers can judge here). */
export function commandsOf(scripts: readonly Script[], depth = 0): LocatedCommand[] {
  const out: LocatedCommand[] = [];
  for (const s of scripts) {
    for (const c of s.scan.commands) {
      const found = commandWords(c);
      if (!found) continue;
      const argv = found.words.map((w) => w.value);
      // `sh -c '…'`: the commands of the quoted script, located inside the quotes
      const k = depth < 2 ? dashCIndex(argv) : -1;
      const inner = k > 0 ? quotedText(s.text, found.words[k]!) : null;
      if (inner) {
        out.push(...commandsOf([script('shell', inner)], depth + 1));
        continue;
      }
      out.push({ command: { argv, env: found.env }, words: found.words, script: s });
    }
  }
  return out;
}

/** Inserts ` text` right after a plain word (the word's last character in the source). */
export function insertAfterWord(cmd: LocatedCommand, word: Word, text: string): TextEdit | null {
  if (!word.plain) return null;
  const at = cmd.script.text.to[word.end - 1]!;
  return { start: at, end: at, text: ` ${text}` };
}

/** The first plain word from `from` on whose value is `value`. */
export function findWord(words: readonly Word[], value: string, from = 1): Word | null {
  for (let k = from; k < words.length; k++) if (words[k]!.value === value) return words[k]!;
  return null;
}

/** Inserts `"text"` as a new JSON string right after an exec form's element, in the array's own spacing. */
export function insertJsonAfter(
  form: Extract<RunForm, { form: 'exec' }>,
  index: number,
  text: string,
): TextEdit {
  const el = form.elements[index]!;
  const next = form.elements[index + 1];
  const sep = next ? form.args.text.slice(el.end, next.start) : ', ';
  const at = form.args.to[el.end - 1]!;
  return {
    start: at,
    end: at,
    text: `${sep.includes('\n') || sep.trim() !== ',' ? ', ' : sep}${JSON.stringify(text)}`,
  };
}

/**
 * Appends `&& command` to the end of a shell script: on a new continued line when the RUN is written over several
 * lines (in its `&& \` or `\ … &&` style), else on its last line. Null when the end cannot take it safely.
 */
export function appendToScript(
  env: FixEnv,
  form: Extract<RunForm, { form: 'shell' }>,
  command: string,
): TextEdit | { why: string } {
  const s = form.scripts[form.scripts.length - 1]!;
  if (s.scan.unsure) return { why: 'its script has an unterminated quote' };
  const last = s.scan.commands.at(-1)?.words[0]?.value;
  if (last === 'exec' || last === 'exit')
    return { why: `its script ends with \`${last}\`, after which nothing runs` };
  const op = s.scan.trailingOp;
  if (op !== '' && op !== ')' && op !== ';') return { why: `its script ends with \`${op}\`` };
  const endIndex = op === ';' ? s.scan.contentEnd : s.scan.end;
  if (endIndex <= 0) return { why: 'its script is empty' };
  const at = s.text.to[endIndex - 1]!;
  if (s.kind === 'shell' && form.multiLine) {
    const { file } = env;
    const k = lineOf(file.lines, at);
    const line = file.lines[k]!;
    const indent = /^[ \t]*/.exec(line.text)![0];
    const eol = line.eol || lineEnding(file);
    const trailingStyle = file.lines
      .slice(0, k)
      .some(
        (l) =>
          l.start >= form.header.from[0]! &&
          new RegExp(`&&[ \\t]*${escapeRe(file.escape)}[ \\t]*$`).test(l.text),
      );
    const text = trailingStyle
      ? ` && ${file.escape}${eol}${indent}${command}`
      : ` ${file.escape}${eol}${indent}&& ${command}`;
    return { start: at, end: at, text };
  }
  return { start: at, end: at, text: ` && ${command}` };
}

function lineOf(lines: readonly { start: number }[], offset: number): number {
  let k = 0;
  while (k + 1 < lines.length && lines[k + 1]!.start <= offset) k++;
  return k;
}

const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|`]/g, '\\$&');
