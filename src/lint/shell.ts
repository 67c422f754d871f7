// A small POSIX-shell reader: enough to find the simple commands in a RUN line or a heredoc script, with their
// words unquoted. It is deliberately not an interpreter: expansions ($VAR, $(…), `…`) stay as written inside
// their word, control keywords and wrappers (sudo, env, xargs …) are peeled off, and `sh -c '…'` is read again.
// npm's shell parsers either evaluate expansions (shell-quote drops unknown variables) or cover bash only
// loosely; the grammar needed here is small enough to own and test line by line.

export interface ShellCommand {
  /** argv[0] is the command as written (`/usr/bin/pip`, `pip3`); quotes removed. */
  argv: string[];
  /** Assignments written before the command (`NODE_ENV=production npm ci`), and those given through `env`. */
  env: Record<string, string>;
}

type Token = { kind: 'word'; value: string } | { kind: 'op'; value: string };

const CONTROL_OPS = new Set(['&&', '||', ';', ';;', '|', '|&', '&', '\n', '(', ')']);

/** Splits a shell script into tokens. Unterminated quotes end at the end of the text (never throws). */
export function tokenize(script: string): Token[] {
  const tokens: Token[] = [];
  const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  let i = 0;
  const n = script.length;
  let word = '';
  let inWord = false;

  const flush = () => {
    if (inWord) tokens.push({ kind: 'word', value: word });
    word = '';
    inWord = false;
  };

  // Reads a balanced $( … ), ${ … } or ` … ` starting at i and returns the index after it.
  const skipBalanced = (start: number, open: string, close: string): number => {
    let depth = 0;
    let j = start;
    while (j < n) {
      const c = script[j]!;
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === "'" && open !== '`') {
        const end = script.indexOf("'", j + 1);
        j = end < 0 ? n : end + 1;
        continue;
      }
      if (c === '"' && open !== '`') {
        j = skipDoubleQuoted(j + 1);
        continue;
      }
      if (open === '`') {
        if (c === '`' && j > start) return j + 1;
        j++;
        continue;
      }
      if (c === open) depth++;
      else if (c === close) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return n;
  };

  const skipDoubleQuoted = (start: number): number => {
    let j = start;
    while (j < n) {
      const c = script[j]!;
      if (c === '\\') j += 2;
      else if (c === '"') return j + 1;
      else if (c === '$' && script[j + 1] === '(') j = skipBalanced(j + 1, '(', ')');
      else if (c === '`') j = skipBalanced(j, '`', '`');
      else j++;
    }
    return n;
  };

  const readHeredocBodies = () => {
    // i is just after a newline: consume the bodies of heredocs opened on the line that ended.
    for (const doc of pendingHeredocs) {
      while (i < n) {
        let end = script.indexOf('\n', i);
        if (end < 0) end = n;
        let line = script.slice(i, end);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        i = Math.min(end + 1, n);
        const candidate = doc.stripTabs ? line.replace(/^\t+/, '') : line;
        if (candidate === doc.delimiter) break;
      }
    }
    pendingHeredocs.length = 0;
  };

  while (i < n) {
    const c = script[i]!;
    if (c === '\\') {
      if (script[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (script[i + 1] === '\r' && script[i + 2] === '\n') {
        i += 3;
        continue;
      }
      inWord = true;
      if (i + 1 < n) word += script[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      inWord = true;
      const end = script.indexOf("'", i + 1);
      word += script.slice(i + 1, end < 0 ? n : end);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '"') {
      inWord = true;
      let j = i + 1;
      while (j < n && script[j] !== '"') {
        const d = script[j]!;
        if (d === '\\' && j + 1 < n && '"\\$`\n'.includes(script[j + 1]!)) {
          if (script[j + 1] !== '\n') word += script[j + 1];
          j += 2;
        } else if (d === '$' && script[j + 1] === '(') {
          const end = skipBalanced(j + 1, '(', ')');
          word += script.slice(j, end);
          j = end;
        } else if (d === '`') {
          const end = skipBalanced(j, '`', '`');
          word += script.slice(j, end);
          j = end;
        } else {
          word += d;
          j++;
        }
      }
      i = j + 1;
      continue;
    }
    if (c === '$' && (script[i + 1] === '(' || script[i + 1] === '{')) {
      inWord = true;
      const open = script[i + 1]!;
      const end = skipBalanced(i + 1, open, open === '(' ? ')' : '}');
      word += script.slice(i, end);
      i = end;
      continue;
    }
    if (c === '$' && script[i + 1] === "'") {
      inWord = true;
      let j = i + 2;
      while (j < n && script[j] !== "'") {
        if (script[j] === '\\' && j + 1 < n) {
          word += script[j + 1];
          j += 2;
        } else word += script[j++];
      }
      i = j + 1;
      continue;
    }
    if (c === '`') {
      inWord = true;
      const end = skipBalanced(i, '`', '`');
      word += script.slice(i, end);
      i = end;
      continue;
    }
    if (c === '#' && !inWord) {
      while (i < n && script[i] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
      continue;
    }
    if (c === '\n') {
      flush();
      tokens.push({ kind: 'op', value: '\n' });
      i++;
      if (pendingHeredocs.length > 0) readHeredocBodies();
      continue;
    }
    if (c === '<' || c === '>') {
      // A redirection: an fd number written just before it belongs to it (2>&1), not to the command.
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      } else flush();
      let op = c;
      let j = i + 1;
      while (j < n && '<>&|-'.includes(script[j]!) && op.length < 3) {
        op += script[j];
        j++;
      }
      i = j;
      if (op.startsWith('<<') && op !== '<<<') {
        // heredoc: read its delimiter word now, its body after the end of the line.
        while (i < n && (script[i] === ' ' || script[i] === '\t')) i++;
        let delim = '';
        while (i < n && !/[\s;&|<>()]/.test(script[i]!)) {
          const d = script[i]!;
          if (d !== '"' && d !== "'" && d !== '\\') delim += d;
          i++;
        }
        pendingHeredocs.push({ delimiter: delim, stripTabs: op.startsWith('<<-') });
        continue;
      }
      // the redirection's target word, unless it was an fd duplication like >&2
      while (i < n && (script[i] === ' ' || script[i] === '\t')) i++;
      if (op.endsWith('&') && /\d|-/.test(script[i] ?? '')) {
        while (i < n && /[\d-]/.test(script[i]!)) i++;
        continue;
      }
      // consume one word as the target (quotes allowed)
      const save = tokens.length;
      const targetStart = i;
      let j2 = i;
      while (j2 < n && !/[\s;&|<>()]/.test(script[j2]!)) {
        const d = script[j2]!;
        if (d === '"') j2 = skipDoubleQuoted(j2 + 1);
        else if (d === "'") {
          const e = script.indexOf("'", j2 + 1);
          j2 = e < 0 ? n : e + 1;
        } else if (d === '\\') j2 += 2;
        else if (d === '$' && (script[j2 + 1] === '(' || script[j2 + 1] === '{'))
          j2 = skipBalanced(j2 + 1, script[j2 + 1]!, script[j2 + 1] === '(' ? ')' : '}');
        else j2++;
      }
      i = Math.max(j2, targetStart);
      tokens.length = save;
      continue;
    }
    if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')') {
      flush();
      const two = script.slice(i, i + 2);
      if (two === '&&' || two === '||' || two === ';;' || two === '|&') {
        tokens.push({ kind: 'op', value: two });
        i += 2;
      } else {
        tokens.push({ kind: 'op', value: c });
        i++;
      }
      continue;
    }
    inWord = true;
    word += c;
    i++;
  }
  flush();
  return tokens;
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

/** Splits a shell script into its simple commands, in order, reading `sh -c '…'` scripts too. */
export function splitCommands(script: string, depth = 0): ShellCommand[] {
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
    if (argv.length === 0) return;
    const inner = depth < 4 ? shellDashC(argv) : null;
    if (inner !== null) {
      for (const cmd of splitCommands(inner, depth + 1)) {
        out.push({ argv: cmd.argv, env: { ...env, ...cmd.env } });
      }
      return;
    }
    out.push({ argv, env });
  };
  for (const t of tokenize(script)) {
    if (t.kind === 'op') {
      if (CONTROL_OPS.has(t.value)) end();
    } else current.push(t.value);
  }
  end();
  return out;
}

/** Commands of an exec-form instruction (`["sh", "-c", "…"]` is read as the script it runs). */
export function execFormCommands(argv: readonly string[]): ShellCommand[] {
  if (argv.length === 0) return [];
  const inner = shellDashC(argv);
  if (inner !== null) return splitCommands(inner, 1);
  const env: Record<string, string> = {};
  const peeled = peelWrappers([...argv], env);
  return peeled.length > 0 ? [{ argv: peeled, env }] : [];
}
