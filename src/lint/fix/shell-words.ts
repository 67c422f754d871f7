// The simple commands of a shell script with each word's place in the script, for edits. shell.ts reads
// scripts for the rules (expanding known variables, peeling wrappers, reading `sh -c` again) and keeps no
// offsets; this scanner follows the same grammar (quotes, escapes, `$(…)`, backticks, comments, operators,
// redirections, heredocs) but only finds where words and operators are. A fix edits only at the boundaries of
// plain words (no quote, escape or expansion in them), so the scanner never has to rewrite quoted text.
import { skipNested } from '../shell.js';

export interface Word {
  /** The word with quotes and escapes removed (expansions kept as written). */
  value: string;
  /** Index in the script of its first character, and after its last. */
  start: number;
  end: number;
  /** Written as its value: no quote, escape or expansion. */
  plain: boolean;
}

export interface ScannedCommand {
  words: Word[];
  /** The control operator that ends it (`&&`, `;`, `\n` …), or '' at the end of the script. */
  endOp: string;
}

export interface ScannedScript {
  commands: ScannedCommand[];
  /** Index after the script's last word or operator other than newlines (0 when it is empty). */
  end: number;
  /** Index after the last word or redirection (operators left out). */
  contentEnd: number;
  /** The last operator after the last word, other than newlines ('' when none). */
  trailingOp: string;
  /** The script holds a construct the scanner does not follow (an unterminated quote). */
  unsure: boolean;
}

const CONTROL = new Set(['&&', '||', ';', ';;', '|', '|&', '&', '\n', '(', ')']);
const WORD_END = /[\s;&|<>()]/;

export function scanScript(script: string): ScannedScript {
  const n = script.length;
  const commands: ScannedCommand[] = [];
  let words: Word[] = [];
  let word: Word | null = null;
  let lastEnd = 0;
  let contentEnd = 0;
  let trailingOp = '';
  let unsure = false;
  const pending: { delimiter: string; stripTabs: boolean }[] = [];

  const startWord = (at: number) => {
    if (!word) word = { value: '', start: at, end: at, plain: true };
    return word;
  };
  const flush = (at: number) => {
    if (word) {
      word.end = at;
      words.push(word);
      lastEnd = at;
      contentEnd = at;
      trailingOp = '';
      word = null;
    }
  };
  const endCommand = (op: string) => {
    if (words.length > 0) commands.push({ words, endOp: op });
    words = [];
  };

  let i = 0;
  while (i < n) {
    const c = script[i]!;
    if (c === '\\') {
      const next = script[i + 1];
      if (next === '\n') {
        i += 2;
        continue;
      }
      const w = startWord(i);
      w.plain = false;
      if (next !== undefined) w.value += next;
      i += 2;
    } else if (c === "'") {
      const w = startWord(i);
      w.plain = false;
      const end = script.indexOf("'", i + 1);
      if (end < 0) unsure = true;
      w.value += script.slice(i + 1, end < 0 ? n : end);
      i = end < 0 ? n : end + 1;
    } else if (c === '"') {
      const w = startWord(i);
      w.plain = false;
      const end = skipNested(script, i + 1, '"');
      if (script[end - 1] !== '"') unsure = true;
      w.value += script.slice(i + 1, end - 1).replace(/\\(["\\$`])/g, '$1');
      i = end;
    } else if (c === '$' || c === '`') {
      const w = startWord(i);
      w.plain = false;
      let end = i + 1;
      const next = script[i + 1];
      if (c === '`') end = skipNested(script, i, '`');
      else if (next === '(' || next === '{') end = skipNested(script, i + 1, next);
      else if (next === "'") {
        const close = script.indexOf("'", i + 2);
        end = close < 0 ? n : close + 1;
      }
      w.value += script.slice(i, end);
      i = end;
    } else if (c === '#' && !word) {
      while (i < n && script[i] !== '\n') i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      flush(i);
      i++;
    } else if (c === '\n') {
      flush(i);
      endCommand('\n');
      i++;
      for (const doc of pending) {
        // the bodies of heredocs opened on the line that ended
        while (i < n) {
          let end = script.indexOf('\n', i);
          if (end < 0) end = n;
          let line = script.slice(i, end);
          if (line.endsWith('\r')) line = line.slice(0, -1);
          i = Math.min(end + 1, n);
          if ((doc.stripTabs ? line.replace(/^\t+/, '') : line) === doc.delimiter) break;
        }
      }
      pending.length = 0;
    } else if (c === '<' || c === '>') {
      // a redirection and its target are no words of the command; a number just before it is its fd
      const w = word as Word | null;
      if (w && /^\d+$/.test(w.value) && w.plain) word = null;
      else flush(i);
      let op = c;
      let j = i + 1;
      while (j < n && '<>&|-'.includes(script[j]!) && op.length < 3) op += script[j++];
      while (j < n && (script[j] === ' ' || script[j] === '\t')) j++;
      if (op.startsWith('<<') && op !== '<<<') {
        let delimiter = '';
        while (j < n && !WORD_END.test(script[j]!)) {
          const d = script[j++]!;
          if (d !== '"' && d !== "'" && d !== '\\') delimiter += d;
        }
        pending.push({ delimiter, stripTabs: op.startsWith('<<-') });
      } else if (op.endsWith('&') && /[\d-]/.test(script[j] ?? '')) {
        while (j < n && /[\d-]/.test(script[j]!)) j++;
      } else {
        while (j < n && !WORD_END.test(script[j]!)) {
          const d = script[j]!;
          if (d === '"') j = skipNested(script, j + 1, '"');
          else if (d === "'") {
            const e = script.indexOf("'", j + 1);
            j = e < 0 ? n : e + 1;
          } else if (d === '\\') j += 2;
          else if (d === '$' && (script[j + 1] === '(' || script[j + 1] === '{'))
            j = skipNested(script, j + 1, script[j + 1] as '(' | '{');
          else j++;
        }
      }
      lastEnd = j;
      contentEnd = j;
      trailingOp = '';
      i = j;
    } else if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')') {
      flush(i);
      const two = script.slice(i, i + 2);
      const op = two === '&&' || two === '||' || two === ';;' || two === '|&' ? two : c;
      if (CONTROL.has(op)) endCommand(op);
      i += op.length;
      lastEnd = i;
      trailingOp = op;
    } else {
      const w = startWord(i);
      let j = i + 1;
      while (j < n && !/[\\'"$`\s<>&|;()]/.test(script[j]!)) j++;
      w.value += script.slice(i, j);
      i = j;
    }
  }
  flush(n);
  endCommand('');
  return { commands, end: lastEnd, contentEnd, trailingOp, unsure };
}

const LEADING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The words of a command from the command name on: leading control keywords, `NAME=value` assignments and a
 * bare `sudo` are passed over (their values go to `env`). Null when what is left starts with a word that is
 * not plain (`$PIP install`: where it points cannot be known here).
 */
export function commandWords(cmd: ScannedCommand): { words: Word[]; env: Record<string, string> } | null {
  const env: Record<string, string> = {};
  let k = 0;
  while (k < cmd.words.length) {
    const w = cmd.words[k]!;
    if (LEADING_KEYWORDS.has(w.value) && w.plain) k++;
    else if (ASSIGNMENT.test(w.value)) {
      const eq = w.value.indexOf('=');
      env[w.value.slice(0, eq)] = w.value.slice(eq + 1);
      k++;
    } else if (w.value === 'sudo' && w.plain && !cmd.words[k + 1]?.value.startsWith('-')) k++;
    else break;
  }
  const words = cmd.words.slice(k);
  if (words.length === 0 || !words[0]!.plain) return null;
  return { words, env };
}
