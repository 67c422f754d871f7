// A small POSIX-shell reader: enough to find the simple commands in a RUN line or a heredoc script, with their
// words unquoted. It is deliberately not an interpreter: expansions ($VAR, $(…), `…`) stay as written inside
// their word, control keywords and wrappers (sudo, env, xargs …) are peeled off, and `sh -c '…'` is read again.
// npm's shell parsers either evaluate expansions (shell-quote drops unknown variables) or cover bash only
// loosely; the grammar needed here is small enough to own and test line by line.

import { expandParameter, type ParamLookup, UNKNOWN } from './expand.js';

export interface ShellCommand {
  /** argv[0] is the command as written (`/usr/bin/pip`, `pip3`); quotes removed. */
  argv: string[];
  /** Assignments written before the command (`NODE_ENV=production npm ci`), and those given through `env`. */
  env: Record<string, string>;
}

/**
 * A word keeps its raw text (quotes and all) when it holds a `$` the shell would expand (see expandWord) or an
 * unquoted `{` (`braces`: bash's brace expansion may apply, see braceExpand).
 */
export type Token =
  | { kind: 'word'; value: string; raw?: string; braces?: true }
  | { kind: 'op'; value: string };

const CONTROL_OPS = new Set(['&&', '||', ';', ';;', '|', '|&', '&', '\n', '(', ')']);

type Nest = '(' | '{' | '`' | '"';

/**
 * The index after a `$( … )`, `${ … }`, `` ` … ` `` or `" … "` that opens at `start` (at the `(`/`{`, at the
 * backtick, or just after the opening double quote). Nesting is followed with an explicit stack, never by
 * recursion: a RUN with tens of thousands of nested `"$(` must not exhaust the call stack. Unterminated: the
 * end of the text.
 */
export function skipNested(script: string, start: number, opener: Nest): number {
  const n = script.length;
  const stack: { kind: Nest; depth: number }[] = [{ kind: opener, depth: 0 }];
  let j = opener === '`' ? start + 1 : start;
  while (j < n) {
    const top = stack[stack.length - 1]!;
    const c = script[j]!;
    let closed = false;
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (top.kind === '`') {
      closed = c === '`';
    } else if (top.kind === '"') {
      if (c === '"') closed = true;
      else if (c === '$' && script[j + 1] === '(') {
        stack.push({ kind: '(', depth: 0 });
        j++;
        continue;
      } else if (c === '`') stack.push({ kind: '`', depth: 0 });
    } else if (c === "'") {
      const end = script.indexOf("'", j + 1);
      j = end < 0 ? n : end + 1;
      continue;
    } else if (c === '"') stack.push({ kind: '"', depth: 0 });
    else if (c === top.kind) top.depth++;
    else if (c === (top.kind === '(' ? ')' : '}')) closed = --top.depth === 0;
    j++;
    if (closed) {
      stack.pop();
      if (stack.length === 0) return j;
    }
  }
  return n;
}

const WORD_END = /[\s;&|<>()]/;

/** Characters that end a plain run in `Tokenizer.readPlain` (inside a word `#` is plain). */
const SPECIAL = new Uint8Array(128);
for (const c of '\\\'"$` \t\r\n<>&|;()') SPECIAL[c.charCodeAt(0)] = 1;
/** Characters that end a plain run inside double quotes. */
const SPECIAL_QUOTED = new Uint8Array(128);
for (const c of '\\"$`') SPECIAL_QUOTED[c.charCodeAt(0)] = 1;

/** One pass over a script; each `read…` method consumes one construct starting at `i`. */
class Tokenizer {
  readonly tokens: Token[] = [];
  private readonly n: number;
  private i = 0;
  private word = '';
  private inWord = false;
  private wordStart = 0;
  /** The current word holds a `$` outside single quotes: keep its raw text for expansion. */
  private expandable = false;
  /** The current word holds an unquoted `{`: keep its raw text for brace expansion. */
  private braced = false;
  private readonly pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];

  constructor(private readonly script: string) {
    this.n = script.length;
  }

  run(): Token[] {
    const s = this.script;
    while (this.i < this.n) {
      const c = s[this.i]!;
      if (c === '\\') this.readBackslash();
      else if (c === "'") this.readSingleQuoted();
      else if (c === '"') this.readDoubleQuoted();
      else if (c === '$') this.readDollar();
      else if (c === '`') this.appendNested(this.i, '`');
      else if (c === '#' && !this.inWord) this.skipComment();
      else if (c === ' ' || c === '\t' || c === '\r') {
        this.flush();
        this.i++;
      } else if (c === '\n') this.readNewline();
      else if (c === '<' || c === '>') this.readRedirection(c);
      else if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')') this.readOperator(c);
      else this.readPlain();
    }
    this.flush();
    return this.tokens;
  }

  /** A run of characters with no meaning to the shell, taken as one slice instead of one by one. */
  private readPlain(): void {
    this.startWord();
    const s = this.script;
    let j = this.i + 1;
    while (j < this.n && !SPECIAL[s.charCodeAt(j)]) j++;
    const plain = s.slice(this.i, j);
    if (plain.includes('{')) this.braced = true;
    this.word += plain;
    this.i = j;
  }

  private startWord(): void {
    if (!this.inWord) {
      this.inWord = true;
      this.wordStart = this.i;
    }
  }

  private flush(): void {
    if (this.inWord) {
      const token: Token = { kind: 'word', value: this.word };
      if (this.expandable || this.braced) token.raw = this.script.slice(this.wordStart, this.i);
      if (this.braced) token.braces = true;
      this.tokens.push(token);
    }
    this.word = '';
    this.inWord = false;
    this.expandable = false;
    this.braced = false;
  }

  /** Copies an expansion or quoted run as written (from `from`) into the word, through its end. */
  private appendNested(from: number, opener: Nest): void {
    this.startWord();
    this.expandable = true;
    const end = skipNested(this.script, opener === '`' ? from : from + 1, opener);
    this.word += this.script.slice(from, end);
    this.i = end;
  }

  private readBackslash(): void {
    const s = this.script;
    const next = s[this.i + 1];
    if (next === '\n' || (next === '\r' && s[this.i + 2] === '\n')) {
      this.i += next === '\n' ? 2 : 3; // a line continuation
      return;
    }
    this.startWord();
    if (next !== undefined) this.word += next;
    this.i += 2;
  }

  private readSingleQuoted(): void {
    this.startWord();
    const end = this.script.indexOf("'", this.i + 1);
    this.word += this.script.slice(this.i + 1, end < 0 ? this.n : end);
    this.i = end < 0 ? this.n : end + 1;
  }

  private readDoubleQuoted(): void {
    const s = this.script;
    this.startWord();
    let j = this.i + 1;
    while (j < this.n && s[j] !== '"') {
      const d = s[j]!;
      if (d === '\\' && j + 1 < this.n && '"\\$`\n'.includes(s[j + 1]!)) {
        if (s[j + 1] !== '\n') this.word += s[j + 1];
        j += 2;
      } else if ((d === '$' && s[j + 1] === '(') || d === '`') {
        const end = skipNested(s, d === '$' ? j + 1 : j, d === '$' ? '(' : '`');
        this.word += s.slice(j, end);
        this.expandable = true;
        j = end;
      } else if (d === '$') {
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

  private readDollar(): void {
    const s = this.script;
    const next = s[this.i + 1];
    if (next === '(' || next === '{') {
      this.appendNested(this.i, next);
      return;
    }
    this.startWord();
    if (next === "'") {
      // $'…': ANSI-C quoting, backslash escapes kept as the escaped character
      let j = this.i + 2;
      while (j < this.n && s[j] !== "'") {
        if (s[j] === '\\' && j + 1 < this.n) {
          this.word += s[j + 1];
          j += 2;
        } else this.word += s[j++];
      }
      this.i = j + 1;
      return;
    }
    this.expandable = true;
    this.word += '$';
    this.i++;
  }

  private skipComment(): void {
    while (this.i < this.n && this.script[this.i] !== '\n') this.i++;
  }

  private readNewline(): void {
    this.flush();
    this.tokens.push({ kind: 'op', value: '\n' });
    this.i++;
    if (this.pendingHeredocs.length > 0) this.readHeredocBodies();
  }

  /** Just after a newline: consumes the bodies of the heredocs opened on the line that ended. */
  private readHeredocBodies(): void {
    const s = this.script;
    for (const doc of this.pendingHeredocs) {
      while (this.i < this.n) {
        let end = s.indexOf('\n', this.i);
        if (end < 0) end = this.n;
        let line = s.slice(this.i, end);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        this.i = Math.min(end + 1, this.n);
        if ((doc.stripTabs ? line.replace(/^\t+/, '') : line) === doc.delimiter) break;
      }
    }
    this.pendingHeredocs.length = 0;
  }

  /** A redirection and its target word: neither belongs to the command's argv. */
  private readRedirection(c: string): void {
    const s = this.script;
    // an fd number written just before it belongs to it (2>&1), not to the command
    if (this.inWord && /^\d+$/.test(this.word)) {
      this.word = '';
      this.inWord = false;
      this.expandable = false;
      this.braced = false;
    } else this.flush();
    let op = c;
    let j = this.i + 1;
    while (j < this.n && '<>&|-'.includes(s[j]!) && op.length < 3) op += s[j++];
    this.i = j;
    this.skipBlanks();
    if (op.startsWith('<<') && op !== '<<<') {
      // a heredoc: its delimiter word now, its body after the end of the line
      let delim = '';
      while (this.i < this.n && !WORD_END.test(s[this.i]!)) {
        const d = s[this.i++]!;
        if (d !== '"' && d !== "'" && d !== '\\') delim += d;
      }
      this.pendingHeredocs.push({ delimiter: delim, stripTabs: op.startsWith('<<-') });
      return;
    }
    if (op.endsWith('&') && /\d|-/.test(s[this.i] ?? '')) {
      while (this.i < this.n && /[\d-]/.test(s[this.i]!)) this.i++; // fd duplication: >&2
      return;
    }
    this.i = this.skipWord(this.i);
  }

  private skipBlanks(): void {
    while (this.i < this.n && (this.script[this.i] === ' ' || this.script[this.i] === '\t')) this.i++;
  }

  /** The index after one word (quotes and expansions allowed), read without keeping it. */
  private skipWord(from: number): number {
    const s = this.script;
    let j = from;
    while (j < this.n && !WORD_END.test(s[j]!)) {
      const d = s[j]!;
      if (d === '"') j = skipNested(s, j + 1, '"');
      else if (d === "'") {
        const e = s.indexOf("'", j + 1);
        j = e < 0 ? this.n : e + 1;
      } else if (d === '\\') j += 2;
      else if (d === '$' && (s[j + 1] === '(' || s[j + 1] === '{'))
        j = skipNested(s, j + 1, s[j + 1] as Nest);
      else j++;
    }
    return Math.max(j, from);
  }

  private readOperator(c: string): void {
    this.flush();
    const two = this.script.slice(this.i, this.i + 2);
    if (two === '&&' || two === '||' || two === ';;' || two === '|&') {
      this.tokens.push({ kind: 'op', value: two });
      this.i += 2;
    } else {
      this.tokens.push({ kind: 'op', value: c });
      this.i++;
    }
  }
}

/** Splits a shell script into tokens. Unterminated quotes end at the end of the text (never throws). */
export function tokenize(script: string): Token[] {
  return new Tokenizer(script).run();
}

const LEADING_KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  '!',
  '{',
  '}',
  'fi',
  'done',
]);
const SKIP_COMMANDS = new Set(['for', 'case', 'select', 'function']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox-sh']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The basename of a command word: `/usr/local/bin/pip3` → `pip3`. */
export function commandName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

export function isShell(word: string): boolean {
  return SHELLS.has(commandName(word));
}

/** bash and zsh expand braces (`/var/lib/{apt,dpkg}`); POSIX sh, dash and ash leave them as written. */
export function expandsBraces(shell: string): boolean {
  const name = commandName(shell);
  return name === 'bash' || name === 'zsh';
}

function peelWrappers(words: string[], env: Record<string, string>): string[] {
  let w = words;
  for (let guard = 0; guard < 8 && w.length > 0; guard++) {
    const name = commandName(w[0]!);
    if (LEADING_KEYWORDS.has(w[0]!)) {
      w = w.slice(1);
      continue;
    }
    if (ASSIGNMENT.test(w[0]!)) {
      const eq = w[0]!.indexOf('=');
      env[w[0]!.slice(0, eq)] = w[0]!.slice(eq + 1);
      w = w.slice(1);
      continue;
    }
    if (name === 'sudo') {
      let k = 1;
      while (k < w.length && w[k]!.startsWith('-')) {
        const opt = w[k]!;
        k += /^-[ugCDhpRrTt]$/.test(opt) || /^--(user|group|chdir|prompt)$/.test(opt) ? 2 : 1;
      }
      w = w.slice(k);
      continue;
    }
    if (name === 'env') {
      let k = 1;
      while (k < w.length) {
        const a = w[k]!;
        if (a === '-u' || a === '-C' || a === '--unset' || a === '--chdir') k += 2;
        else if (a.startsWith('-')) k++;
        else if (ASSIGNMENT.test(a)) {
          const eq = a.indexOf('=');
          env[a.slice(0, eq)] = a.slice(eq + 1);
          k++;
        } else break;
      }
      w = w.slice(k);
      continue;
    }
    if (name === 'xargs') {
      let k = 1;
      while (k < w.length && w[k]!.startsWith('-')) {
        k += /^-[IiLlnPsdEa]$/.test(w[k]!) ? 2 : 1;
      }
      w = w.slice(k);
      continue;
    }
    if (name === 'nice' || name === 'timeout' || name === 'stdbuf' || name === 'ionice') {
      let k = 1;
      while (k < w.length && w[k]!.startsWith('-')) k += /^-[nskcp]$/.test(w[k]!) ? 2 : 1;
      if (name === 'timeout' && k < w.length) k++; // the duration
      w = w.slice(k);
      continue;
    }
    if (['nohup', 'time', 'exec', 'command', 'eatmydata', 'chronic', 'builtin'].includes(name)) {
      let k = 1;
      while (k < w.length && w[k]!.startsWith('-') && name !== 'nohup') k++;
      w = w.slice(k);
      continue;
    }
    break;
  }
  return w;
}

/** The script given to `sh -c SCRIPT` / `bash -ec SCRIPT`, or null when argv is not such a call. */
export function shellDashC(argv: readonly string[]): string | null {
  if (argv.length < 2 || !isShell(argv[0]!)) return null;
  for (let k = 1; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '-o' || a === '+o' || a === '-O' || a === '+O') {
      k++;
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      // `-o pipefail` inside a group (`-euxo pipefail`) takes the next word
      const skip = a.slice(1).includes('o') || a.slice(1).includes('O') ? 1 : 0;
      if (a.includes('c')) return argv[k + 1 + skip] ?? null;
      k += skip;
      continue;
    }
    if (a.startsWith('--')) continue;
    return null;
  }
  return null;
}

/**
 * A variable's value from outside the script (ARG and ENV defaults): undefined when not set (an ARG without
 * default), UNKNOWN when nothing is known of it.
 */
export type VarGetter = ParamLookup;

/**
 * What a RUN's variables are known to hold as its commands run in order: the Dockerfile's ARG and ENV values,
 * then shell variables the script assigns a literal value (`DEPS="gcc make" && apt-get install $DEPS`). A
 * value that cannot be known (command output, a variable without value) is unknown, and a word using it is
 * left as written.
 */
export class ShellScope {
  private readonly assigned = new Map<string, string | null>();
  /** Variables the script exported so far: the environment of the commands after. */
  readonly exported: Record<string, string> = {};

  constructor(private readonly outer: VarGetter = () => UNKNOWN) {}

  get(name: string): string | undefined {
    const value = this.lookup(name);
    return typeof value === 'string' ? value : undefined;
  }

  /** `get`, telling a variable the script set to something unknown from one never set. */
  lookup(name: string): string | undefined | typeof UNKNOWN {
    const own = this.assigned.get(name);
    if (own !== undefined) return own ?? UNKNOWN;
    return this.outer(name);
  }

  assign(name: string, value: string, exported: boolean): void {
    // a value still holding `$` or a backtick came from something that was not known
    const known = /[$`]/.test(value) ? null : value;
    this.assigned.set(name, known);
    if (exported && known !== null) this.exported[name] = known;
    else if (exported) delete this.exported[name];
  }

  export(name: string): void {
    const value = this.get(name);
    if (value !== undefined) this.exported[name] = value;
  }
}

/** Characters that keep their meaning in an unquoted expansion result only when escaped. */
const UNQUOTED_SPECIAL = /[^\sA-Za-z0-9_./,:=+@%-]/g;

/**
 * A word's raw text with each known `$NAME` / `${NAME}` replaced by its value, escaped so that reading the
 * result again gives what the shell would (split on blanks when unquoted, one piece inside double quotes, never
 * new operators). Null when nothing was known.
 */
export function expandWord(raw: string, get: ParamLookup): string | null {
  let out = '';
  let changed = false;
  let quoted = false;
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw[i]!;
    let end = i + 1;
    if (c === '\\') end = i + 2;
    else if (c === "'" && !quoted) {
      const e = raw.indexOf("'", i + 1);
      end = e < 0 ? n : e + 1;
    } else if (c === '"') quoted = !quoted;
    else if (c === '`') end = skipNested(raw, i, '`');
    else if (c === '$') {
      const next = raw[i + 1];
      let value: string | null = null;
      if (next === '(') end = skipNested(raw, i + 1, '(');
      else if (next === '{') {
        end = skipNested(raw, i + 1, '{');
        // `${NAME<op>word}` as the shell reads it; a word with quotes or commands in it is left as written
        const inner = raw.slice(i + 2, end - 1);
        if (raw[end - 1] === '}' && !/["'`\\]|\$\(/.test(inner)) value = expandParameter(inner, get);
      } else if (next !== undefined && /[A-Za-z_]/.test(next)) {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1, i + 258))!;
        const known = get(m[0]);
        if (typeof known === 'string') value = known;
        end = i + 1 + m[0].length;
      }
      if (value !== null) {
        out += quoted
          ? value.replace(/["\\$`]/g, '\\$&')
          : value.replace(UNQUOTED_SPECIAL, '\\$&').replace(/\s+/g, ' ');
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

const DECLARE_COMMANDS = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);

/** Records `A=1` (alone on its command) and `export A=1 B` in the scope. */
function recordAssignments(argv: readonly string[], env: Record<string, string>, scope: ShellScope): void {
  if (argv.length === 0) {
    for (const [k, v] of Object.entries(env)) scope.assign(k, v, false);
    return;
  }
  const name = argv[0]!;
  if (!DECLARE_COMMANDS.has(name)) return;
  const exported = name === 'export' || argv.includes('-x');
  for (const a of argv.slice(1)) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    if (eq > 0 && ASSIGNMENT.test(a)) scope.assign(a.slice(0, eq), a.slice(eq + 1), exported);
    else if (exported && /^[A-Za-z_][A-Za-z0-9_]*$/.test(a)) scope.export(a);
  }
}

/**
 * Splits a shell script into its simple commands, in order, reading `sh -c '…'` scripts too. With a scope,
 * known variables are expanded in the words and assignments are followed from command to command.
 */
export function splitCommands(script: string, depth = 0, scope?: ShellScope, braces = false): ShellCommand[] {
  const out: ShellCommand[] = [];
  let current: string[] = [];
  const end = () => {
    if (current.length > 0) emit(current);
    current = [];
  };
  const emit = (words: string[]) => {
    if (SKIP_COMMANDS.has(words[0]!)) return;
    const env: Record<string, string> = {};
    const argv = peelWrappers(words, env);
    if (scope) recordAssignments(argv, env, scope);
    if (argv.length === 0) return;
    const fullEnv = scope ? { ...scope.exported, ...env } : env;
    const inner = depth < 4 ? shellDashC(argv) : null;
    if (inner !== null) {
      for (const cmd of splitCommands(inner, depth + 1, scope, expandsBraces(argv[0]!))) {
        out.push({ argv: cmd.argv, env: { ...fullEnv, ...cmd.env } });
      }
      return;
    }
    out.push({ argv, env: fullEnv });
  };
  for (const t of tokenize(script)) {
    if (t.kind === 'op') {
      if (CONTROL_OPS.has(t.value)) end();
      continue;
    }
    if (braces && t.braces && t.raw !== undefined) {
      // brace expansion comes first, then each word is expanded and read again as bash does
      const pieces = braceExpand(t.raw);
      if (pieces.length > 1) {
        for (const piece of pieces) pushWord(current, piece, scope);
        continue;
      }
    }
    const expanded = scope && t.raw !== undefined ? expandWord(t.raw, (k) => scope.lookup(k)) : null;
    if (expanded === null) current.push(t.value);
    else for (const w of tokenize(expanded)) if (w.kind === 'word') current.push(w.value);
  }
  end();
  return out;
}

/** Pushes the words one raw word (quotes and all) reads as, its known variables expanded. */
function pushWord(current: string[], raw: string, scope?: ShellScope): void {
  const expanded = scope ? expandWord(raw, (k) => scope.lookup(k)) : null;
  for (const w of tokenize(expanded ?? raw)) if (w.kind === 'word') current.push(w.value);
}

/** Brace expansion makes at most this many words of one: `{a,b}{c,d}…` multiplies. */
const MAX_BRACE_WORDS = 256;
const MAX_BRACE_WORD_LENGTH = 4096;

/**
 * The index of the unquoted `}` closing the `{` at `open` and the places of its top-level commas, or null.
 * Quotes, backslashes, `${…}` and `$(…)` are stepped over: braces there are not brace expansion.
 */
function braceGroup(raw: string, open: number): { close: number; commas: number[] } | null {
  const commas: number[] = [];
  let depth = 0;
  for (let j = open; j < raw.length; j++) {
    const c = raw[j]!;
    if (c === '\\') j++;
    else if (c === "'") {
      const e = raw.indexOf("'", j + 1);
      if (e < 0) return null;
      j = e;
    } else if (c === '"') j = skipNested(raw, j + 1, '"') - 1;
    else if (c === '`') j = skipNested(raw, j, '`') - 1;
    else if (c === '$' && (raw[j + 1] === '{' || raw[j + 1] === '('))
      j = skipNested(raw, j + 1, raw[j + 1] as Nest) - 1;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { close: j, commas };
    else if (c === ',' && depth === 1) commas.push(j);
  }
  return null;
}

/** `{1..3}` / `{a..c}`: the words of a sequence, or null when `body` is not one. */
function braceSequence(body: string): string[] | null {
  const num = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    if (Math.abs(b - a) >= MAX_BRACE_WORDS) return null;
    const step = a <= b ? 1 : -1;
    const out: string[] = [];
    for (let k = a; k !== b + step; k += step) out.push(String(k));
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
  if (chr) {
    const a = chr[1]!.charCodeAt(0);
    const b = chr[2]!.charCodeAt(0);
    const step = a <= b ? 1 : -1;
    const out: string[] = [];
    for (let k = a; k !== b + step; k += step) out.push(String.fromCharCode(k));
    return out;
  }
  return null;
}

/**
 * bash's brace expansion of one raw word: `/var/lib/{apt,dpkg}/x` → `/var/lib/apt/x`, `/var/lib/dpkg/x`;
 * `{1..3}` sequences too. Quoted braces, `${…}` and a `{}` or `{x}` without a comma stay as written. More than
 * MAX_BRACE_WORDS words, or a word longer than MAX_BRACE_WORD_LENGTH: the word is left as it is.
 */
export function braceExpand(raw: string): string[] {
  // each `{` is matched by a scan to its `}`: a word this long (never a real path list) is left as written
  if (raw.length > MAX_BRACE_WORD_LENGTH) return [raw];
  const out: string[] = [];
  const work = [raw];
  while (work.length > 0) {
    const word = work.pop()!;
    let expanded = false;
    for (let i = 0; i < word.length && !expanded; i++) {
      const c = word[i]!;
      if (c === '\\') i++;
      else if (c === "'") {
        const e = word.indexOf("'", i + 1);
        i = e < 0 ? word.length : e;
      } else if (c === '"') i = skipNested(word, i + 1, '"') - 1;
      else if (c === '`') i = skipNested(word, i, '`') - 1;
      else if (c === '$' && (word[i + 1] === '{' || word[i + 1] === '('))
        i = skipNested(word, i + 1, word[i + 1] as Nest) - 1;
      else if (c === '{') {
        const group = braceGroup(word, i);
        if (!group) continue;
        const body = word.slice(i + 1, group.close);
        let alternatives: string[] | null = null;
        if (group.commas.length > 0) {
          const cuts = [i, ...group.commas, group.close];
          alternatives = cuts.slice(1).map((end, k) => word.slice(cuts[k]! + 1, end));
        } else alternatives = braceSequence(body);
        if (!alternatives) continue;
        const before = word.slice(0, i);
        const after = word.slice(group.close + 1);
        // pushed in reverse so the words come out in bash's order
        for (let k = alternatives.length - 1; k >= 0; k--) work.push(before + alternatives[k] + after);
        expanded = true;
      }
    }
    if (!expanded) out.push(word);
    if (out.length + work.length > MAX_BRACE_WORDS) return [raw];
  }
  return out;
}

/** Commands of an exec-form instruction (`["sh", "-c", "…"]` is read as the script it runs). */
export function execFormCommands(argv: readonly string[], scope?: ShellScope): ShellCommand[] {
  if (argv.length === 0) return [];
  const inner = shellDashC(argv);
  if (inner !== null) return splitCommands(inner, 1, scope, expandsBraces(argv[0]!));
  const env: Record<string, string> = {};
  const peeled = peelWrappers([...argv], env);
  return peeled.length > 0 ? [{ argv: peeled, env }] : [];
}
