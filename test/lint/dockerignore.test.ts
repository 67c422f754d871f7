import { describe, expect, it } from 'vitest';
import { memoryTree, walkContext } from '../../src/lint/context.js';
import { cleanPath, IgnoreMatcher, readIgnoreFile } from '../../src/lint/dockerignore.js';

describe('readIgnoreFile', () => {
  it('drops column-1 comments and blank lines, keeps an indented #', () => {
    expect(readIgnoreFile('# c\n\n  # kept\n  x  \n')).toEqual(['# kept', 'x']);
  });
  it('cleans patterns and drops a leading slash (also after !)', () => {
    expect(readIgnoreFile('/build/\n! /dist\n./a/../b\nx//y\r\n')).toEqual(['build', '!dist', 'b', 'x/y']);
    expect(readIgnoreFile('\ufeffa\n')).toEqual(['a']);
  });
});

describe('cleanPath', () => {
  it.each([
    ['a/b/../c', 'a/c'],
    ['./a/', 'a'],
    ['../a', '../a'],
    ['/a/../..', '/'],
    ['', '.'],
  ])('%s → %s', (input, out) => expect(cleanPath(input)).toBe(out));
});

describe('IgnoreMatcher.excludes', () => {
  const table: [string, string, boolean][] = [
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/a/b.js', true],
    ['node_modules', 'web/node_modules', false],
    ['**/node_modules', 'web/node_modules/a.js', true],
    ['**/node_modules', 'node_modules', true],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/a.md', false],
    ['*.md', 'README.MD', false],
    ['*', '.env', true],
    ['.*', '.git/HEAD', true],
    ['?.txt', 'a.txt', true],
    ['?.txt', 'ab.txt', false],
    ['[ab].log', 'b.log', true],
    ['[ab].log', 'c.log', false],
    ['docs/**', 'docs', false],
    ['docs/**', 'docs/a/b', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['foo**', 'foobar', true],
    ['foo**', 'foo/bar', true],
    ['**foo', 'xfoo', true],
    ['*/temp*', 'x/temp1', true],
    ['*/temp*', 'x/y/temp2', false],
    ['*/temp*', 'tempdir/z', false],
    ['a.b', 'axb', false],
    ['a+b', 'a+b', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
  ];
  for (const [pattern, path, excluded] of table) {
    it(`${pattern} ${excluded ? 'excludes' : 'keeps'} ${path}`, () => {
      expect(IgnoreMatcher.fromText(pattern).excludes(path)).toBe(excluded);
    });
  }

  it('the last matching line wins', () => {
    const m = IgnoreMatcher.fromText('*.md\n!README.md\nREADME.md\n');
    expect(m.excludes('README.md')).toBe(true);
    expect(IgnoreMatcher.fromText('*.md\n!README.md\n').excludes('README.md')).toBe(false);
  });
});

describe('walkContext', () => {
  it('lists what reaches the engine and the heavy paths with their bytes', () => {
    const info = walkContext(
      memoryTree({
        'app.py': 10,
        '.git/HEAD': 5,
        '.git/objects/x': 100,
        'web/node_modules/a.js': 7,
        'docs/keep.txt': 1,
        'docs/a.md': 1,
      }),
      '.git\ndocs\n!docs/keep.txt\n',
      '.dockerignore',
    );
    expect(info.files.sort()).toEqual(['app.py', 'docs/keep.txt', 'web/node_modules/a.js']);
    expect(info.heavy).toEqual([{ path: 'web/node_modules', bytes: 7 }]);
    expect(info.dirs.has('docs')).toBe(true);
  });

  it('does not enter an excluded directory that no ! pattern opens', () => {
    const listed: string[] = [];
    const tree = memoryTree({ 'big/a': 1, 'big/b/c': 1, keep: 1 });
    const spy = {
      list: (d: string) => {
        listed.push(d);
        return tree.list(d);
      },
      size: tree.size,
    };
    walkContext(spy, 'big\n!**/c\n', '.dockerignore');
    expect(listed).not.toContain('big');
  });

  it('knows .git exists and counts it when nothing excludes it', () => {
    const info = walkContext(memoryTree({ '.git/HEAD': 3, 'a.py': 1 }), null, null);
    expect(info.heavy).toEqual([{ path: '.git', bytes: 3 }]);
    expect(info.ignoreFile).toBeNull();
  });
});
