// .dockerignore with the engine's semantics (moby/patternmatcher and its ignorefile reader), written here
// because @balena/dockerignore differs from the engine (case-insensitive by default, other escaping):
//   - a line starting with `#` in column 1 is a comment; other lines are trimmed, empty ones skipped;
//   - `!` re-includes; the last pattern that matches a path decides;
//   - patterns are cleaned like Go's filepath.Clean, then a leading `/` is dropped (trailing `/` goes with
//     the cleaning);
//   - `*` and `?` never cross `/` but do match a leading dot; `**` matches any number of directories,
//     including none; `[…]` is a character class; `\` escapes the next character;
//   - a path is excluded when the pattern matches it or any of its parent directories.

export interface IgnorePattern {
  /** As cleaned, without the leading `!`. */
  pattern: string;
  exclusion: boolean;
  test: (path: string) => boolean;
}

/** Go's path.Clean for slash paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** The patterns of a .dockerignore text, as the engine's reader returns them. */
export function readIgnoreFile(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k]!;
    if (k === 0 && line.startsWith('\ufeff')) line = line.slice(1);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push(invert ? `!${pattern}` : pattern);
  }
  return out;
}

/**
 * One piece of a compiled pattern. moby turns a pattern into a Go regexp, which RE2 matches in linear time;
 * JavaScript's backtracking RegExp took exponential time on the same text (four levels of `**` before `x*y`:
 * 20 s; ten levels: minutes). So a pattern is compiled to these pieces and matched by a set of positions
 * moved along the path (a Thompson NFA): time proportional to path × pattern length, whatever the pattern.
 */
type Piece =
  | { kind: 'char'; code: number }
  /** `?`: one character but `/`. */
  | { kind: 'one' }
  /** `[…]`: one character of the class (Go's class syntax, `^` negates). */
  | { kind: 'class'; test: RegExp }
  /** `*`: any run of characters without `/`. */
  | { kind: 'star' }
  /** `**` before more pattern: nothing, or any run that ends in `/` (a slash-ended group made optional). */
  | { kind: 'dirs' }
  /** `**` at the end (`.*`): anything. */
  | { kind: 'all' };

const SLASH = 0x2f;

/** The class at `chars[start]` (a `[`) as a one-character test and the index of its `]`; null when unclosed. */
function parseClass(chars: readonly string[], start: number): { test: RegExp; end: number } | null {
  let i = start + 1;
  let body = '';
  if (chars[i] === '^') {
    body += '^';
    i++;
  }
  let first = true;
  for (; i < chars.length; i++) {
    let ch = chars[i]!;
    if (ch === ']' && !first) {
      try {
        return { test: new RegExp(`^[${body}]$`, 'u'), end: i };
      } catch {
        return null;
      }
    }
    first = false;
    if (ch === '\\' && i + 1 < chars.length) ch = chars[++i]!;
    else if (ch === '-') {
      body += '-';
      continue;
    }
    body += /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
  }
  return null;
}

/** Matches `path` against the pieces, all of it: a set of positions in the pattern moved one character at a time. */
function matchPieces(pieces: readonly Piece[], path: string): boolean {
  const n = pieces.length;
  // Slots 0..n: "the next piece to match is i" (n: all matched). Slots n+1+i: inside the run of `dirs` piece i.
  let current = new Uint8Array(2 * n + 1);
  let next = new Uint8Array(2 * n + 1);
  const add = (set: Uint8Array, i: number) => {
    while (i <= n && set[i] === 0) {
      set[i] = 1;
      if (i === n) return;
      const piece = pieces[i]!;
      if (piece.kind === 'dirs') set[n + 1 + i] = 1;
      else if (piece.kind !== 'star' && piece.kind !== 'all') return;
      i++;
    }
  };
  add(current, 0);
  for (let at = 0; at < path.length; ) {
    const code = path.codePointAt(at)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = width === 1 ? path[at]! : path.slice(at, at + 2);
    next.fill(0);
    let alive = false;
    for (let i = 0; i < n; i++) {
      if (current[n + 1 + i] === 1) {
        next[n + 1 + i] = 1;
        alive = true;
        if (code === SLASH) add(next, i + 1);
      }
      if (current[i] === 0) continue;
      const piece = pieces[i]!;
      switch (piece.kind) {
        case 'char':
          if (code === piece.code) add(next, i + 1);
          break;
        case 'one':
          if (code !== SLASH) add(next, i + 1);
          break;
        case 'class':
          if (piece.test.test(ch)) add(next, i + 1);
          break;
        case 'star':
          if (code !== SLASH) add(next, i);
          break;
        case 'all':
          add(next, i);
          break;
        case 'dirs':
          break;
      }
    }
    if (!alive && next.indexOf(1) < 0) return false;
    [current, next] = [next, current];
    at += width;
  }
  return current[n] === 1;
}

/** The same pieces as a JavaScript RegExp: used when at most one piece repeats, where it cannot backtrack far. */
function piecesRegex(pieces: readonly Piece[]): RegExp {
  const source = pieces
    .map((piece) => {
      switch (piece.kind) {
        case 'char':
          return String.fromCodePoint(piece.code).replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
        case 'one':
          return '[^/]';
        case 'class':
          return piece.test.source.slice(1, -1);
        case 'star':
          return '[^/]*';
        case 'dirs':
          return '(?:.*/)?';
        default:
          return '.*'; // all
      }
    })
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

/** Compiles one cleaned pattern to a predicate over slash paths (the engine's translation, matched linearly). */
export function compilePattern(
  pattern: string,
  /** Match with the position sets even where a RegExp would do (tests hold the two to each other). */
  opts: { linear?: boolean } = {},
): (path: string) => boolean {
  if (pattern.startsWith('**') && !/[*?[\]\\]/.test(pattern.slice(2))) {
    // the engine's suffixMatch: `**foo` matches `barfoo`; `**/foo` matches `foo` and `a/foo`
    const suffix = pattern.slice(2);
    return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
  }
  const pieces: Piece[] = [];
  let regexNeeded = false;
  let exactPrefix = false;
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          // `**` at the end: everything below (and, when alone, everything)
          if (!regexNeeded && pieces.length === 0) {
            pieces.push({ kind: 'all' });
            regexNeeded = true;
          } else if (!regexNeeded) {
            exactPrefix = true;
          } else pieces.push({ kind: 'all' });
        } else {
          pieces.push({ kind: 'dirs' });
          regexNeeded = true;
        }
      } else {
        pieces.push({ kind: 'star' });
        regexNeeded = true;
      }
    } else if (ch === '?') {
      pieces.push({ kind: 'one' });
      regexNeeded = true;
    } else if (ch === '\\') {
      // an escaped character is itself; a trailing `\` is a backslash
      pieces.push({ kind: 'char', code: (i + 1 < chars.length ? chars[++i]! : '\\').codePointAt(0)! });
      regexNeeded = true;
    } else if (ch === '[') {
      const parsed = parseClass(chars, i);
      if (parsed === null) return () => false; // the engine refuses the pattern; nothing matches it here
      pieces.push({ kind: 'class', test: parsed.test });
      i = parsed.end;
      regexNeeded = true;
    } else if (ch === ']') {
      pieces.push({ kind: 'char', code: 0x5d });
      regexNeeded = true;
    } else pieces.push({ kind: 'char', code: ch.codePointAt(0)! });
  }
  if (exactPrefix) {
    // `foo/**`: a prefix match on `foo/` (the engine's prefixMatch), which `foo` itself does not satisfy
    const prefix = pattern.slice(0, -2);
    return (path) => path.startsWith(prefix);
  }
  if (!regexNeeded) return (path) => path === pattern;
  const repeats = pieces.filter((p) => p.kind === 'star' || p.kind === 'dirs' || p.kind === 'all').length;
  if (repeats <= 1 && !opts.linear) {
    const regex = piecesRegex(pieces);
    return (path) => regex.test(path);
  }
  return (path) => matchPieces(pieces, path);
}

/**
 * A pattern's fixed leading text: what every path it matches starts with (up to its first `*`, `?`, `[` or
 * `\`). Empty for a pattern that starts with a wildcard, or that is the engine's `**…` suffix match.
 */
export function fixedPrefix(pattern: string): string {
  if (pattern.startsWith('**')) return '';
  const at = pattern.search(/[*?[\\]/);
  return at < 0 ? pattern : pattern.slice(0, at);
}

/**
 * The patterns, indexed by their fixed leading text, so that a path is tested only against the patterns
 * that can match it: those whose leading text the path starts with, and those that have none. A pattern
 * that the index leaves out cannot match, so the last matching pattern, which decides, is the same as when
 * every pattern is tested; a path costs one lookup per distinct prefix length instead of one test per
 * pattern (docs/performance.md has the case of 45,000 patterns over 1,010 files).
 */
class PrefixIndex {
  /** Patterns without fixed leading text, ascending. */
  private readonly always: number[] = [];
  private readonly byPrefix = new Map<string, number[]>();
  /** The distinct lengths of the prefixes in `byPrefix`, ascending. */
  private readonly lengths: number[];

  constructor(patterns: readonly IgnorePattern[]) {
    const lengths = new Set<number>();
    patterns.forEach((p, i) => {
      const prefix = fixedPrefix(p.pattern);
      if (prefix === '') {
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
  candidates(path: string, extra: readonly number[] = []): number[] {
    const lists: (readonly number[])[] = [];
    if (this.always.length > 0) lists.push(this.always);
    if (extra.length > 0) lists.push(extra);
    for (const length of this.lengths) {
      if (length > path.length) break;
      const list = this.byPrefix.get(path.slice(0, length));
      if (list) lists.push(list);
    }
    if (lists.length === 0) return [];
    if (lists.length === 1) return lists[0] as number[];
    const all = lists.flat().sort((a, b) => a - b);
    return all.filter((v, k) => k === 0 || v !== all[k - 1]);
  }
}

export class IgnoreMatcher {
  readonly patterns: IgnorePattern[];
  readonly hasExclusions: boolean;
  private readonly index: PrefixIndex;
  /** The `!` patterns' texts with a `/` after them, for canSkipDirectory. */
  private readonly kept: string[];

  constructor(lines: readonly string[]) {
    this.patterns = [];
    for (const raw of lines) {
      let p = raw.trim();
      if (p === '') continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p.startsWith('!')) {
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

  static fromText(text: string): IgnoreMatcher {
    return new IgnoreMatcher(readIgnoreFile(text));
  }

  /** True when the engine leaves this context path (slash-separated, relative) out of the build context. */
  excludes(path: string): boolean {
    let ancestors: number[] | null = null;
    const parts = path.split('/');
    for (let k = 1; k < parts.length; k++)
      ancestors = this.ancestorMatches(parts.slice(0, k).join('/'), ancestors);
    return this.excludesWithin(path, ancestors);
  }

  /**
   * The walker's form of `excludes`: `ancestors` are the patterns that matched a parent directory (as
   * returned by `ancestorMatches` for the parent), so each path is tested only against the patterns that
   * can match it.
   */
  excludesWithin(path: string, ancestors: readonly number[] | null): boolean {
    const inherited = ancestors ?? [];
    let matched = false;
    let a = 0;
    for (const i of this.index.candidates(path, inherited)) {
      const p = this.patterns[i]!;
      while (a < inherited.length && inherited[a]! < i) a++;
      if (p.exclusion !== matched) continue;
      if (inherited[a] === i || p.test(path)) matched = !p.exclusion;
    }
    return matched;
  }

  /** The patterns (indices, ascending) that match this directory or one of its parents (`ancestors`: the parent's). */
  ancestorMatches(dir: string, ancestors: readonly number[] | null): number[] {
    const inherited = ancestors ?? [];
    const out: number[] = [];
    let a = 0;
    for (const i of this.index.candidates(dir, inherited)) {
      while (a < inherited.length && inherited[a]! < i) a++;
      if (inherited[a] === i || this.patterns[i]!.test(dir)) out.push(i);
    }
    return out;
  }

  /**
   * True when the engine does not enter this excluded directory: it skips it unless a `!` pattern starts
   * with the directory's path (`!docs/keep.txt` keeps `docs` open; a `!` pattern starting with `**` does not keep
   * `web/node_modules` open). Both builders of the engine behave so, and the engine tests check it.
   */
  canSkipDirectory(dir: string): boolean {
    if (!this.hasExclusions) return true;
    const prefix = `${dir}/`;
    return !this.kept.some((kept) => kept.startsWith(prefix));
  }
}
