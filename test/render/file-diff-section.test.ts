import { describe, expect, it } from 'vitest';
import type { DirectoryChange, FileDiff } from '../../src/core/report.js';
import { shortDirectoryList } from '../../src/render/summary.js';

const t = (bytes: number) => ({ files: bytes > 0 ? 1 : 0, bytes });
/** A listed directory that gained `added` bytes and lost `removed`. */
const dir = (path: string, added: number, removed: number): DirectoryChange => ({
  path,
  wholly: null,
  net: added - removed,
  added: t(added),
  removed: t(removed),
  grown: t(0),
  shrunk: t(0),
  largest: [],
});
const diff = (directories: DirectoryChange[]): FileDiff => ({
  added: t(0),
  removed: t(0),
  grown: t(0),
  shrunk: t(0),
  net: 0,
  base: t(0),
  head: t(0),
  directories,
  files: [],
  largest: [],
  limits: { directories: 20, files: 20, largest: 20, filesPerDirectory: 5 },
});
const paths = (ds: DirectoryChange[]) => ds.map((d) => d.path);

describe('shortDirectoryList (the comment and the text output)', () => {
  it('leaves out a directory that only sums up listed directories inside it', () => {
    const d = diff([
      dir('/usr', 0, 336),
      dir('/usr/libexec/gcc', 0, 105),
      dir('/var/lib/apt/lists', 0, 95),
      dir('/usr/lib/x86_64-linux-gnu', 0, 84),
      dir('/usr/bin', 0, 67),
      dir('/usr/lib/x86_64-linux-gnu/perl', 0, 25),
    ]);
    // /usr: 105 + 84 + 67 of 336 are listed inside it; /usr/lib/x86_64-linux-gnu keeps 59 of its own 84.
    expect(paths(shortDirectoryList(d, 10))).toEqual([
      '/usr/libexec/gcc',
      '/var/lib/apt/lists',
      '/usr/lib/x86_64-linux-gnu',
      '/usr/bin',
      '/usr/lib/x86_64-linux-gnu/perl',
    ]);
  });

  it('keeps a directory whose listed subdirectories hold less than half of it', () => {
    const d = diff([dir('/srv', 0, 100), dir('/srv/a', 0, 30), dir('/srv/a/b', 0, 20)]);
    expect(paths(shortDirectoryList(d, 10))).toEqual(['/srv', '/srv/a/b']);
  });

  it('gives the last place to the biggest growth when the cut would show only removals', () => {
    const d = diff([
      dir('/a', 0, 90),
      dir('/b', 0, 80),
      dir('/c', 0, 70),
      dir('/opt/venv', 10, 0),
      dir('/d', 5, 0),
    ]);
    expect(paths(shortDirectoryList(d, 3))).toEqual(['/a', '/b', '/opt/venv']);
    expect(paths(shortDirectoryList(d, 4))).toEqual(['/a', '/b', '/c', '/opt/venv']);
    expect(paths(shortDirectoryList(d, 0))).toEqual([]);
  });

  it('and the last place to the biggest removal when it would show only growth', () => {
    const d = diff([dir('/a', 90, 0), dir('/b', 80, 0), dir('/gone', 0, 3)]);
    expect(paths(shortDirectoryList(d, 2))).toEqual(['/a', '/gone']);
  });
});
