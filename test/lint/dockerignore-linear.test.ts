// Issue 15, item 10: .dockerignore patterns are matched in linear time. moby compiles each pattern to a Go
// regexp (RE2: linear); JavaScript's RegExp backtracks, and `**/**/**/**/x*y` took 20 s. The cases below
// are moby/patternmatcher's own table (TestMatches), run through both of image-guard's matchers: the RegExp
// form (used when at most one piece of a pattern repeats) and the linear one (used otherwise).
import { describe, expect, it } from 'vitest';
import { compilePattern, IgnoreMatcher } from '../../src/lint/dockerignore.js';

/** moby's MatchesOrParentMatches through a compiled pattern: the path or one of its parent directories. */
function matches(pattern: string, path: string, linear: boolean): boolean {
  const clean = new IgnoreMatcher([pattern]).patterns[0]!.pattern;
  const test = compilePattern(clean, { linear });
  const parts = path.split('/');
  return test(path) || parts.slice(1).some((_, k) => test(parts.slice(0, k + 1).join('/')));
}

// moby/patternmatcher patternmatcher_test.go, TestMatches (texts with a trailing `/` left out: a context walk
// never produces them), and the non-Windows cases.
const MOBY: [string, string, boolean][] = [
  ['**', 'file', true],
  ['**/', 'file', true],
  ['**', 'dir/file', true],
  ['**/', 'dir/file', true],
  ['**/**', 'dir/file', true],
  ['dir/**', 'dir/file', true],
  ['dir/**', 'dir/dir2/file', true],
  ['**/dir', 'dir', true],
  ['**/dir', 'dir/file', true],
  ['**/dir2/*', 'dir/dir2/file', true],
  ['**/dir2/**', 'dir/dir2/dir3/file', true],
  ['**file', 'file', true],
  ['**file', 'dir/file', true],
  ['**/file', 'dir/file', true],
  ['**file', 'dir/dir/file', true],
  ['**/file', 'dir/dir/file', true],
  ['**/file*', 'dir/dir/file', true],
  ['**/file*', 'dir/dir/file.txt', true],
  ['**/file*txt', 'dir/dir/file.txt', true],
  ['**/file*.txt', 'dir/dir/file.txt', true],
  ['**/file*.txt*', 'dir/dir/file.txt', true],
  ['**/**/*.txt', 'dir/dir/file.txt', true],
  ['**/**/*.txt2', 'dir/dir/file.txt', false],
  ['**/*.txt', 'file.txt', true],
  ['**/**/*.txt', 'file.txt', true],
  ['a**/*.txt', 'a/file.txt', true],
  ['a**/*.txt', 'a/dir/file.txt', true],
  ['a**/*.txt', 'a/dir/dir/file.txt', true],
  ['a/*.txt', 'a/dir/file.txt', false],
  ['a/*.txt', 'a/file.txt', true],
  ['a/*.txt**', 'a/file.txt', true],
  ['a[b-d]e', 'ae', false],
  ['a[b-d]e', 'ace', true],
  ['a[b-d]e', 'aae', false],
  ['a[^b-d]e', 'aze', true],
  ['.*', '.foo', true],
  ['.*', 'foo', false],
  ['abc.def', 'abcdef', false],
  ['abc.def', 'abc.def', true],
  ['abc.def', 'abcZdef', false],
  ['abc?def', 'abcZdef', true],
  ['abc?def', 'abcdef', false],
  ['a\\\\', 'a\\', true],
  ['**/foo/bar', 'foo/bar', true],
  ['**/foo/bar', 'dir/foo/bar', true],
  ['**/foo/bar', 'dir/dir2/foo/bar', true],
  ['abc/**', 'abc', false],
  ['abc/**', 'abc/def', true],
  ['abc/**', 'abc/def/ghi', true],
  ['**/.foo', '.foo', true],
  ['**/.foo', 'bar.foo', false],
  ['a(b)c/def', 'a(b)c/def', true],
  ['a(b)c/def', 'a(b)c/xyz', false],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
  [
    'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl',
    'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl',
    true,
  ],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  ['a\\*b', 'a*b', true],
  ['a\\', 'a', false],
];

// More of the engine's semantics, some of which a backtracking-free rewrite could easily get wrong.
const MORE: [string, string, boolean][] = [
  ['*/*/*.py', 'a/b/c.py', true],
  ['*/*/*.py', 'a/c.py', false],
  ['**/a/**/b', 'a/b', true],
  ['**/a/**/b', 'x/a/y/z/b', true],
  ['**/a/**/b', 'x/ay/b', false],
  ['a**b', 'ab', true],
  ['a**b', 'a/x/b', true],
  ['a**b', 'axb', false],
  ['?*?', 'ab', true],
  ['?*?', 'a', false],
  ['*?*/x', 'abc/x', true],
  ['[]a]x', ']x', true],
  ['[^]a]x', 'bx', true],
  ['[^]a]x', ']x', false],
  ['[a-c]*[x-z]', 'b/q/y', false],
  ['[a-c]*[x-z]', 'bqqy', true],
  ['[a-c]/[x-z]', 'b/y', true],
  ['x[', 'x[', false],
  ['é*ü', 'éaü', true],
  ['?', '😀', true],
  ['*/**/*', 'a/b', true],
  ['*/**/*', 'a', false],
];

describe('moby/patternmatcher cases, both matchers', () => {
  for (const [pattern, path, expected] of [...MOBY, ...MORE]) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      expect(matches(pattern, path, false)).toBe(expected);
      expect(matches(pattern, path, true)).toBe(expected);
    });
  }
});

describe('the linear matcher agrees with the RegExp form', () => {
  it('on random patterns and paths', () => {
    let seed = 15;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['a', 'b', '/', '*', '?', '**/', '**', '[ab]', '[^a]'];
    const letters = ['a', 'b', 'c', '/'];
    for (let k = 0; k < 3000; k++) {
      let pattern = '';
      for (let j = 1 + random(6); j > 0; j--) pattern += pieces[random(pieces.length)];
      const clean = new IgnoreMatcher([pattern]).patterns[0]?.pattern;
      if (!clean) continue;
      const regex = compilePattern(clean);
      const linear = compilePattern(clean, { linear: true });
      for (let p = 0; p < 8; p++) {
        let path = '';
        for (let j = 1 + random(8); j > 0; j--) path += letters[random(letters.length)];
        if (regex(path) !== linear(path))
          throw new Error(`${clean} on ${path}: ${regex(path)} vs ${linear(path)}`);
      }
    }
  });
});

describe('time', () => {
  // One test of a pattern against one deep path that almost matches: with the RegExp form both took from
  // seconds to over a minute (four levels: 0.3 s at 60 levels of path, growing as the fourth power; ten
  // levels: over 60 s at 40). Linear: about a millisecond per level of path, cold.
  const time = (pattern: string, path: string): { ms: number; matched: boolean } => {
    const test = compilePattern(new IgnoreMatcher([pattern]).patterns[0]!.pattern);
    const started = performance.now();
    const matched = test(path);
    return { ms: performance.now() - started, matched };
  };

  it('**/**/**/**/x*y over a 150-level path: milliseconds', () => {
    const run = time('**/**/**/**/x*y', `${'x/'.repeat(150)}${'x'.repeat(20)}z`);
    expect(run.matched).toBe(false);
    expect(run.ms).toBeLessThan(250);
    expect(time('**/**/**/**/x*y', `${'x/'.repeat(150)}xy`).matched).toBe(true);
  });

  it('a ten-level pattern over a 60-level path: milliseconds', () => {
    const pattern = `${'**/a*/'.repeat(10)}x*y`;
    const run = time(pattern, `${'a/'.repeat(60)}${'x'.repeat(30)}z`);
    expect(run.matched).toBe(false);
    expect(run.ms).toBeLessThan(250);
    expect(time(pattern, `${'a/'.repeat(60)}xy`).matched).toBe(true);
    expect(time(pattern, `${'a/'.repeat(9)}xy`).matched).toBe(false);
  });
});
