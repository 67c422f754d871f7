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
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
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

function escapeRegex(ch: string): string {
  return /[.+()|{}$^]/.test(ch) ? `\\${ch}` : ch;
}

/** Compiles one cleaned pattern to a predicate over slash paths (the engine's regexp translation). */
export function compilePattern(pattern: string): (path: string) => boolean {
  if (pattern.startsWith('**') && !/[*?[\]\\]/.test(pattern.slice(2))) {
    // the engine's suffixMatch: `**foo` matches `barfoo`; `**/foo` matches `foo` and `a/foo`
    const suffix = pattern.slice(2);
    return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
  }
  let re = '^';
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
          if (!regexNeeded && re === '^') {
            re += '.*';
            regexNeeded = true;
          } else if (!regexNeeded) {
            exactPrefix = true;
          } else re += '.*';
        } else {
          re += '(.*/)?';
          regexNeeded = true;
        }
      } else {
        re += '[^/]*';
        regexNeeded = true;
      }
    } else if (ch === '?') {
      re += '[^/]';
      regexNeeded = true;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        const next = chars[++i]!;
        re += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`;
        regexNeeded = true;
      } else re += '\\\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      regexNeeded = true;
    } else re += escapeRegex(ch);
  }
  if (exactPrefix) {
    // `foo/**`: a prefix match on `foo/` (the engine's prefixMatch), which `foo` itself does not satisfy
    const prefix = pattern.slice(0, -2);
    return (path) => path.startsWith(prefix);
  }
  if (!regexNeeded) return (path) => path === pattern;
  let compiled: RegExp;
  try {
    compiled = new RegExp(`${re}$`, 'u');
  } catch {
    return () => false;
  }
  return (path) => compiled.test(path);
}

export class IgnoreMatcher {
  readonly patterns: IgnorePattern[];
  readonly hasExclusions: boolean;

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
  }

  static fromText(text: string): IgnoreMatcher {
    return new IgnoreMatcher(readIgnoreFile(text));
  }

  /** True when the engine leaves this context path (slash-separated, relative) out of the build context. */
  excludes(path: string): boolean {
    const parents: string[] = [];
    const parts = path.split('/');
    for (let k = 1; k < parts.length; k++) parents.push(parts.slice(0, k).join('/'));
    let matched = false;
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let match = p.test(path);
      if (!match) match = parents.some((parent) => p.test(parent));
      if (match) matched = !p.exclusion;
    }
    return matched;
  }

  /**
   * The walker's form of `excludes`: `ancestors[i]` says whether pattern i matched a parent directory (as
   * returned by `ancestorMatches` for the parent), so each path costs one test per pattern.
   */
  excludesWithin(path: string, ancestors: readonly boolean[] | null): boolean {
    let matched = false;
    for (let i = 0; i < this.patterns.length; i++) {
      const p = this.patterns[i]!;
      if (p.exclusion !== matched) continue;
      if (ancestors?.[i] || p.test(path)) matched = !p.exclusion;
    }
    return matched;
  }

  /** Per pattern: does it match this directory or one of its parents (`ancestors` for the parent). */
  ancestorMatches(dir: string, ancestors: readonly boolean[] | null): boolean[] {
    return this.patterns.map((p, i) => (ancestors !== null && ancestors[i]!) || p.test(dir));
  }

  /**
   * True when the engine does not enter this excluded directory: it skips it unless a `!` pattern starts
   * with the directory's path (`!docs/keep.txt` keeps `docs` open; a `!` pattern starting with `**` does not keep
   * `web/node_modules` open). Both builders of the engine behave so, and the engine tests check it.
   */
  canSkipDirectory(dir: string): boolean {
    if (!this.hasExclusions) return true;
    const prefix = `${dir}/`;
    return !this.patterns.some((p) => p.exclusion && `${p.pattern}/`.startsWith(prefix));
  }
}
