// Issue 23: .dockerignore matching costs one lookup per path, not one test per pattern. The matcher indexes
// the patterns by their fixed leading text and tests a path only against those it can match; the result must
// be the one of testing every pattern in order (moby/patternmatcher's rule: the last matching line decides, a
// parent directory's match counts), which the reference below does, pattern by pattern.
import { describe, expect, it } from 'vitest';
import { walkContext } from '../../src/lint/context.js';
import { compilePattern, fixedPrefix, IgnoreMatcher } from '../../src/lint/dockerignore.js';

/** Every pattern tested in order against the path and its parents: what the engine's matcher does. */
function reference(lines: readonly string[], path: string): boolean {
  const patterns = new IgnoreMatcher(lines).patterns.map((p) => ({ ...p, test: compilePattern(p.pattern) }));
  const parts = path.split('/');
  const parents = parts.slice(1).map((_, k) => parts.slice(0, k + 1).join('/'));
  let matched = false;
  for (const p of patterns) {
    if (p.test(path) || parents.some((parent) => p.test(parent))) matched = !p.exclusion;
  }
  return matched;
}

/** A small deterministic generator (mulberry32), so a failure is the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fixedPrefix', () => {
  it('is the text before the first wildcard or escape, and empty for a ** suffix match', () => {
    expect(fixedPrefix('pattern12/**/*.tmp')).toBe('pattern12/');
    expect(fixedPrefix('docs/keep.txt')).toBe('docs/keep.txt');
    expect(fixedPrefix('a/b?c')).toBe('a/b');
    expect(fixedPrefix('a[bc]')).toBe('a');
    expect(fixedPrefix('a\\*b')).toBe('a');
    expect(fixedPrefix('*.md')).toBe('');
    expect(fixedPrefix('**foo')).toBe('');
    expect(fixedPrefix('**/node_modules')).toBe('');
  });
});

describe('the prefix index gives what testing every pattern gives', () => {
  const PIECES = ['a', 'b', 'ab', 'a/', 'b/', '/', '*', '**', '**/', '?', '[ab]', '[^a]', '\\*', '.', 'x'];
  const PATHS = ['a', 'b', 'ab', 'a/b', 'a/a', 'b/a', 'a/b/a', 'ab/b', 'a/ab/b/x', 'x', 'a*b', 'b/b/b', '.a'];
  const rnd = random(23);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  for (let round = 0; round < 300; round++) {
    const lines = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => {
      const pattern = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(PIECES)).join('');
      return rnd() < 0.3 ? `!${pattern}` : pattern;
    });
    it(`#${round}: ${JSON.stringify(lines)}`, () => {
      const matcher = new IgnoreMatcher(lines);
      for (const path of PATHS) {
        expect([path, matcher.excludes(path)]).toEqual([path, reference(lines, path)]);
      }
    });
  }

  it('the walker (parents matched once, inherited) agrees with it too', () => {
    const tree: Record<string, string[]> = {
      '': ['a', 'b', 'ab', 'x'],
      a: ['b', 'a', 'ab'],
      'a/ab': ['b'],
      'a/ab/b': ['x'],
      b: ['a', 'b'],
      'b/b': ['b'],
    };
    const isDir = (p: string) => p in tree;
    const all: string[] = [];
    const collect = (dir: string) => {
      for (const n of tree[dir] ?? []) {
        const p = dir === '' ? n : `${dir}/${n}`;
        if (isDir(p)) collect(p);
        else all.push(p);
      }
    };
    collect('');
    const source = {
      list: (dir: string) =>
        (tree[dir] ?? []).map((name) => ({ name, dir: isDir(dir === '' ? name : `${dir}/${name}`) })),
      size: () => 1,
    };
    const rounds = random(7);
    for (let round = 0; round < 200; round++) {
      const lines = Array.from({ length: 1 + Math.floor(rounds() * 6) }, () => {
        const pattern = Array.from(
          { length: 1 + Math.floor(rounds() * 3) },
          () => PIECES[Math.floor(rounds() * PIECES.length)]!,
        ).join('');
        return rounds() < 0.3 ? `!${pattern}` : pattern;
      });
      const got = walkContext(source, lines.join('\n'), '.dockerignore').files;
      // the walker skips a directory no `!` pattern reopens: only files it did reach can be compared
      for (const f of got) expect([lines, f, reference(lines, f)]).toEqual([lines, f, false]);
      const m = new IgnoreMatcher(lines);
      for (const f of all) expect([lines, f, m.excludes(f)]).toEqual([lines, f, reference(lines, f)]);
    }
  });
});

describe('the cost grows with the paths, not with their product with the patterns', () => {
  it('45,000 patterns keyed by their leading text: each path is tested against the few that can match', () => {
    const lines = [...Array.from({ length: 45_000 }, (_, n) => `pattern${n}/**/*.tmp`), '*.log', '!keep.log'];
    const matcher = new IgnoreMatcher(lines);
    let tests = 0;
    for (const p of matcher.patterns) {
      const test = p.test;
      p.test = (path) => {
        tests++;
        return test(path);
      };
    }
    const paths = [
      ...Array.from({ length: 1_000 }, (_, n) => `pattern${n * 40}/sub/file${n}.${n % 2 ? 'tmp' : 'py'}`),
      ...Array.from({ length: 10 }, (_, n) => `top${n}.log`),
    ];
    const excluded = paths.filter((p) => matcher.excludes(p));
    expect(excluded).toHaveLength(500 + 10);
    expect(matcher.excludes('keep.log')).toBe(false);
    // every pattern for every path would be 45 million tests; the path and its two parents against the
    // patterns of its own prefix and the two wildcard-led ones is at most 3 x 3 a path
    expect(tests).toBeLessThanOrEqual(9 * (paths.length + 1));
  });
});
