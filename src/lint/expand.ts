// Parameter expansion as BuildKit's shell lexer does it for ARG/ENV values, FROM and COPY/ADD words, and as
// a POSIX shell does it in RUN: $NAME, ${NAME}, ${NAME:-word} ${NAME-word}, ${NAME:+word} ${NAME+word},
// ${NAME:?word} ${NAME?word}, ${NAME#pattern} ${NAME##pattern} ${NAME%pattern} ${NAME%%pattern},
// ${NAME/pattern/replacement} ${NAME//pattern/replacement}. One implementation, so that every rule (RUN
// included) reads a value the same way.

/** A variable set to a value that cannot be known (command output, a variable of unknown value). */
export const UNKNOWN = Symbol('unknown');

/** A variable's value; undefined: not set (an ARG without default counts as not set, as in a plain build). */
export type ParamLookup = (name: string) => string | undefined | typeof UNKNOWN;

/**
 * The longest value an expansion may produce. Real ARG and ENV values are a few hundred characters; a value
 * that doubles itself (`ENV A=$A$A` forty times) would reach terabytes. Longer results are cut here and the
 * caller is told (`onLimit`), so it can say so.
 */
export const MAX_EXPANDED_LENGTH = 64 * 1024;
const MAX_NESTED_DEFAULTS = 16;
/** Pattern removal and replacement try every cut: values longer than this are left unknown. */
const MAX_PATTERN_SUBJECT = 4096;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * The index after the `}` closing a `${` whose `{` is at `open`, or -1. Nested `${…}` are followed; the
 * escape character (not in a pattern's quotes: BuildKit has none there) protects the character after it.
 */
function closingBrace(text: string, open: number, escapeChar = '\\'): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const c = text[j]!;
    if (c === escapeChar) j++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
  }
  return -1;
}

/**
 * Expands every `$` in `text`. Null when a value cannot be known: a variable not set and without default,
 * one of unknown value, `${NAME:?…}` unset, or a form this does not read. A result longer than
 * MAX_EXPANDED_LENGTH is cut to that length and `onLimit` is called.
 */
export function expandText(
  text: string,
  lookup: ParamLookup,
  escapeChar = '\\',
  onLimit?: () => void,
  depth = 0,
): string | null {
  if (depth > MAX_NESTED_DEFAULTS) return null;
  if (!text.includes('$')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (out.length > MAX_EXPANDED_LENGTH) {
      onLimit?.();
      return out.slice(0, MAX_EXPANDED_LENGTH);
    }
    const c = text[i]!;
    if (c === escapeChar && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (c !== '$') {
      // a run without `$` or the escape character at once
      let j = i + 1;
      while (j < text.length && text[j] !== '$' && text[j] !== escapeChar) j++;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (text[i + 1] === '{') {
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
    if (typeof value !== 'string') return null;
    out += value;
    i += 1 + m[0].length;
  }
  if (out.length > MAX_EXPANDED_LENGTH) {
    onLimit?.();
    return out.slice(0, MAX_EXPANDED_LENGTH);
  }
  return out;
}

/** What `${inner}` expands to, or null when it cannot be known. */
export function expandParameter(
  inner: string,
  lookup: ParamLookup,
  escapeChar = '\\',
  onLimit?: () => void,
  depth = 0,
): string | null {
  const m = NAME.exec(inner);
  if (!m) return null;
  const value = lookup(m[0]);
  const rest = inner.slice(m[0].length);
  if (rest === '') return typeof value === 'string' ? value : null;
  const word = (from: number) => expandText(rest.slice(from), lookup, escapeChar, onLimit, depth + 1);
  if (value === UNKNOWN) return null;
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (rest[0]) {
    case ':': {
      const op = rest[1];
      if (op === '-') return nonEmpty ? value : word(2);
      if (op === '+') return nonEmpty ? word(2) : '';
      if (op === '?') return nonEmpty ? value : null;
      return null; // ${NAME:offset} is bash only
    }
    case '-':
      return set ? value : word(1);
    case '+':
      return set ? word(1) : '';
    case '?':
      return set ? value : null;
    case '#':
    case '%': {
      if (!set) return null;
      const longest = rest[1] === rest[0];
      const pattern = word(longest ? 2 : 1);
      if (pattern === null) return null;
      return rest[0] === '#' ? removePrefix(value, pattern, longest) : removeSuffix(value, pattern, longest);
    }
    case '/': {
      if (!set) return null;
      const all = rest[1] === '/';
      const body = rest.slice(all ? 2 : 1);
      const slash = unescapedSlash(body, escapeChar);
      const pattern = expandText(
        slash < 0 ? body : body.slice(0, slash),
        lookup,
        escapeChar,
        onLimit,
        depth + 1,
      );
      const replacement =
        slash < 0 ? '' : expandText(body.slice(slash + 1), lookup, escapeChar, onLimit, depth + 1);
      if (pattern === null || replacement === null) return null;
      return replacePattern(value, pattern, replacement, all);
    }
    default:
      return null;
  }
}

function unescapedSlash(text: string, escapeChar: string): number {
  for (let j = 0; j < text.length; j++) {
    if (text[j] === escapeChar) j++;
    else if (text[j] === '/') return j;
  }
  return -1;
}

/** A shell pattern (`*`, `?`, `[…]`, `\x`) as a regular expression source. */
function patternSource(pattern: string): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, end);
        if (cls.startsWith('!') || cls.startsWith('^')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += escapeRegExp(pattern[++i]!);
    else re += escapeRegExp(c);
  }
  return re;
}

function escapeRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c;
}

function wholeMatcher(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${patternSource(pattern)})$`);
  } catch {
    return null;
  }
}

function removePrefix(value: string, pattern: string, longest: boolean): string | null {
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

function removeSuffix(value: string, pattern: string, longest: boolean): string | null {
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

/** `${NAME/pattern/replacement}`: the longest match at the first place one starts (`//`: every place). */
function replacePattern(value: string, pattern: string, replacement: string, all: boolean): string | null {
  if (value.length > MAX_PATTERN_SUBJECT) return null;
  if (pattern === '') return value;
  let source: string;
  let anchor = '';
  if (pattern.startsWith('#') || pattern.startsWith('%')) {
    anchor = pattern[0]!;
    source = patternSource(pattern.slice(1));
  } else source = patternSource(pattern);
  let re: RegExp;
  try {
    re = new RegExp(
      anchor === '#' ? `^(?:${source})` : anchor === '%' ? `(?:${source})$` : source,
      all ? 'g' : '',
    );
  } catch {
    return null;
  }
  return value.replace(re, () => replacement);
}
