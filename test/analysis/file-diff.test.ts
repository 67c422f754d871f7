import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { DEFAULT_DIFF_LIMITS, diffFilesystems } from '../../src/analysis/file-diff.js';
import { comparePaths, type FileIndex } from '../../src/analysis/file-index.js';
import type { LayerSummary } from '../../src/image/model.js';
import { imageData, layer } from './helpers.js';

const digest = (name: string) => `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`;

/** The file index of an image made of these layers; a layer is named so that base and head can share it. */
function index(...layers: { name: string; summary: LayerSummary }[]): FileIndex {
  const data = imageData(
    layers.map((l) => ({ createdBy: `RUN ${l.name}`, summary: l.summary, diffId: digest(l.name) })),
  );
  const { fileIndex } = analyzeImage(data);
  if (!fileIndex) throw new Error('no file index');
  return fileIndex;
}
const L = (name: string, ...specs: Parameters<typeof layer>) => ({ name, summary: layer(...specs) });

/** path → bytes of an index, as a plain object. */
const filesOf = (ix: FileIndex) => Object.fromEntries(ix.paths.map((p, i) => [p, ix.sizes[i]]));

describe('the file index of the final filesystem', () => {
  it('lists regular files and hard links in path order, with the top layer of each', () => {
    const ix = index(L('os', 'a-b:1', 'a/', 'a/b:2', 'a/c->b', 'a/d/', 'z:3'), L('app', 'a/b:5', 'a/e:4'));
    expect(ix.paths).toEqual(['a/b', 'a/e', 'a-b', 'z']);
    expect(ix.sizes).toEqual([5, 4, 1, 3]);
    expect(ix.layers).toEqual([1, 1, 0, 0]);
    expect(ix.diffIds).toEqual([digest('os'), digest('app')]);
  });

  it('counts a hard-linked inode once, at the first of its paths', () => {
    const ix = index(L('os', 'd/', 'd/z:100', 'd/a=>d/z', 'd/m=>d/z'));
    expect(filesOf(ix)).toEqual({ 'd/a': 100, 'd/m': 0, 'd/z': 0 });
  });

  it('a hard link whose target a later layer deletes keeps the bytes', () => {
    const ix = index(L('os', 'a:100', 'b=>a'), L('rm', '-a'));
    expect(filesOf(ix)).toEqual({ b: 100 });
  });

  it('a path of a hard link written again leaves the inode (copy-up breaks the link)', () => {
    const ix = index(L('os', 'a:100', 'b=>a'), L('edit', 'a:7'));
    expect(filesOf(ix)).toEqual({ a: 7, b: 100 });
  });

  it('whiteouts, opaque directories and a directory replaced by a file take their files out', () => {
    const ix = index(
      L('os', 'x/', 'x/1:1', 'o/', 'o/old:2', 'r/', 'r/s/', 'r/s/t:3', 'keep:4'),
      L('change', '-x', 'o/*', 'o/new:5', 'r:6'),
    );
    expect(filesOf(ix)).toEqual({ keep: 4, 'o/new': 5, r: 6 });
  });
});

describe('comparePaths', () => {
  it('orders segment by segment, as a sorted tree walk does', () => {
    const paths = ['a-b', 'a/b', 'a', 'a!', 'a/b/c', 'ab', 'a/a-', 'a/a/z', 'é', 'Z'];
    const sorted = [...paths].sort(comparePaths);
    expect(sorted).toEqual(['Z', 'a', 'a/a/z', 'a/a-', 'a/b', 'a/b/c', 'a!', 'a-b', 'ab', 'é']);
  });
});

describe('diffFilesystems', () => {
  const os = L('os', 'usr/', 'usr/bin/', 'usr/bin/sh:10', 'etc/', 'etc/conf:5');

  it('totals what was added, removed, grown and shrunk, and the net change', () => {
    const base = index(os, L('b1', 'app/', 'app/old:100', 'app/big:50', 'app/small:40', 'app/same:9'));
    const head = index(os, L('h1', 'app/', 'app/new:70', 'app/big:80', 'app/small:15', 'app/same:9'));
    const d = diffFilesystems(base, head);
    expect(d.added).toEqual({ files: 1, bytes: 70 });
    expect(d.removed).toEqual({ files: 1, bytes: 100 });
    expect(d.grown).toEqual({ files: 1, bytes: 30 });
    expect(d.shrunk).toEqual({ files: 1, bytes: 25 });
    expect(d.base).toEqual({ files: 6, bytes: 214 });
    expect(d.head).toEqual({ files: 6, bytes: 189 });
    expect(d.net).toBe(189 - 214);
    expect(d.files.map((f) => [f.path, f.change, f.delta])).toEqual([
      ['/app/old', 'removed', -100],
      ['/app/new', 'added', 70],
      ['/app/big', 'grown', 30],
      ['/app/small', 'shrunk', -25],
    ]);
    expect(d.limits).toEqual(DEFAULT_DIFF_LIMITS);
  });

  it('identical images differ in nothing', () => {
    const a = index(os, L('app', 'app/', 'app/x:3'));
    const d = diffFilesystems(a, index(os, L('app', 'app/', 'app/x:3')));
    expect([d.added, d.removed, d.grown, d.shrunk]).toEqual(Array(4).fill({ files: 0, bytes: 0 }));
    expect(d.directories).toEqual([]);
    expect(d.files).toEqual([]);
    expect(d.largest).toEqual([]);
  });

  it('a directory replaced by a file: its files removed, the file added', () => {
    const base = index(os, L('b', 'data/', 'data/a:10', 'data/sub/', 'data/sub/b:20'));
    const head = index(os, L('h', 'data:7'));
    const d = diffFilesystems(base, head);
    expect(d.removed).toEqual({ files: 2, bytes: 30 });
    expect(d.added).toEqual({ files: 1, bytes: 7 });
    expect(d.net).toBe(-23);
  });

  it('hard links weigh once on each side', () => {
    const base = index(os, L('b', 'lib/', 'lib/a:100', 'lib/b=>lib/a'));
    const head = index(os, L('h', 'lib/', 'lib/a:100', 'lib/b=>lib/a', 'lib/c=>lib/a'));
    const d = diffFilesystems(base, head);
    expect(d.base.bytes - d.head.bytes).toBe(0);
    expect(d.added).toEqual({ files: 1, bytes: 0 });
    expect(d.net).toBe(0);
  });

  it('sums directories as du does, leaves out the ones that only wrap a subdirectory, and the root', () => {
    const base = index(
      os,
      L(
        'tools',
        'usr/lib/',
        'usr/lib/gcc/',
        'usr/lib/gcc/x86/',
        'usr/lib/gcc/x86/12/',
        'usr/lib/gcc/x86/12/cc1:300',
        'usr/lib/gcc/x86/12/lto1:200',
        'usr/lib/gcc/x86/12/plugin/',
        'usr/lib/gcc/x86/12/plugin/p.so:50',
        'usr/bin/gcc:40',
        'usr/bin/make:30',
      ),
    );
    const head = index(
      os,
      L('venv', 'opt/', 'opt/venv/', 'opt/venv/lib/', 'opt/venv/lib/a.so:120', 'opt/venv/lib/b.py:100'),
    );
    const d = diffFilesystems(base, head);
    // /usr (89% in /usr/lib), /usr/lib, /usr/lib/gcc and /usr/lib/gcc/x86 only wrap a subdirectory.
    expect(d.directories.map((x) => [x.path, x.net])).toEqual([
      ['/usr/lib/gcc/x86/12', -550],
      ['/opt/venv/lib', 220],
      ['/usr/bin', -70],
      ['/usr/lib/gcc/x86/12/plugin', -50],
    ]);
    const gcc = d.directories[0]!;
    expect(gcc.removed).toEqual({ files: 3, bytes: 550 });
    expect(gcc.largest.map((f) => f.path)).toEqual([
      '/usr/lib/gcc/x86/12/cc1',
      '/usr/lib/gcc/x86/12/lto1',
      '/usr/lib/gcc/x86/12/plugin/p.so',
    ]);
    expect(d.directories[1]!.added).toEqual({ files: 2, bytes: 220 });
  });

  it('lists a directory and a subdirectory of it when neither holds half of the other', () => {
    const base = index(
      os,
      L('b', 'usr/lib/', 'usr/lib/x/', 'usr/lib/x/a:30', 'usr/lib/x/b:20', 'usr/lib/y:60', 'usr/z:120'),
    );
    const d = diffFilesystems(base, index(os));
    expect(d.directories.map((x) => [x.path, x.net])).toEqual([
      ['/usr', -230],
      ['/usr/lib', -110],
      ['/usr/lib/x', -50],
    ]);
    expect(d.directories[0]!.largest.map((f) => f.path)).toEqual([
      '/usr/z',
      '/usr/lib/y',
      '/usr/lib/x/a',
      '/usr/lib/x/b',
    ]);
  });

  it('the root is listed only when nothing below it changed', () => {
    const d = diffFilesystems(index(os), index(os, L('h', 'top:5')));
    expect(d.directories.map((x) => [x.path, x.net])).toEqual([['/', 5]]);
  });

  it('largest: what the PR added, grew, or wrote in a layer the base lacks, by head size', () => {
    const base = index(
      os,
      L('deps', 'app/', 'app/lib.so:500'),
      L('code-1', 'app/', 'app/main.py:30', 'app/data:60'),
    );
    const head = index(
      os,
      L('deps', 'app/', 'app/lib.so:500'),
      L('code-2', 'app/', 'app/main.py:30', 'app/data:80', 'app/extra:10'),
    );
    const d = diffFilesystems(base, head);
    expect(d.largest.map((f) => [f.path, f.change, f.layerChanged])).toEqual([
      ['/app/data', 'grown', true],
      ['/app/main.py', 'same-size', true],
      ['/app/extra', 'added', true],
    ]);
    // A same-size file is no change: only `largest` names it.
    expect(d.files.map((f) => f.path)).toEqual(['/app/data', '/app/extra']);
    expect(d.largest.every((f) => f.layer === 2)).toBe(true);
  });

  it('cuts every list to its limit, never the totals', () => {
    const many = Array.from({ length: 50 }, (_, i) => `d${i % 7}/f${i}:${i + 1}`);
    const dirs = Array.from({ length: 7 }, (_, i) => `d${i}/`);
    const d = diffFilesystems(index(os), index(os, L('h', ...dirs, ...many)), {
      directories: 3,
      files: 4,
      largest: 2,
      filesPerDirectory: 1,
    });
    expect(d.added).toEqual({ files: 50, bytes: (50 * 51) / 2 });
    expect(d.directories).toHaveLength(3);
    expect(d.files.map((f) => f.delta)).toEqual([50, 49, 48, 47]);
    expect(d.largest).toHaveLength(2);
    expect(d.directories.every((x) => x.largest.length === 1)).toBe(true);
  });
});

describe('diffFilesystems against a naive model (random layers)', () => {
  // The naive model: a Map from path to {kind, bytes, inode}, layers applied with string prefixes only.
  type Node = { kind: 'file' | 'dir' | 'link'; size: number; inode: object | null };
  function naive(layers: LayerSummary[]): Map<string, number> {
    const fs = new Map<string, Node>();
    const dropUnder = (dir: string) => {
      for (const p of [...fs.keys()]) if (p.startsWith(`${dir}/`)) fs.delete(p);
    };
    for (const l of layers) {
      for (const d of l.opaqueDirs) dropUnder(d);
      for (const w of l.whiteouts) {
        fs.delete(w);
        dropUnder(w);
      }
      for (const e of l.entries) {
        const parts = e.path.split('/');
        for (let k = 1; k < parts.length; k++) {
          const up = parts.slice(0, k).join('/');
          if (fs.get(up)?.kind !== 'dir') fs.set(up, { kind: 'dir', size: 0, inode: null });
        }
        if (e.kind === 'dir') {
          if (fs.get(e.path)?.kind !== 'dir') fs.set(e.path, { kind: 'dir', size: 0, inode: null });
          continue;
        }
        dropUnder(e.path);
        if (e.kind === 'hardlink') {
          const target = fs.get(e.linkTarget!);
          if (target?.kind === 'file' || target?.kind === 'link') {
            target.inode ??= { size: target.size };
            fs.set(e.path, { kind: 'link', size: 0, inode: target.inode });
          } else fs.set(e.path, { kind: 'link', size: 0, inode: null });
        } else fs.set(e.path, { kind: 'file', size: e.size, inode: null });
      }
    }
    const out = new Map<string, number>();
    const seen = new Set<object>();
    for (const p of [...fs.keys()].sort(comparePaths)) {
      const n = fs.get(p)!;
      if (n.kind === 'dir') continue;
      let size = n.size;
      if (n.inode) {
        size = seen.has(n.inode) ? 0 : (n.inode as { size: number }).size;
        seen.add(n.inode);
      }
      out.set(p, size);
    }
    return out;
  }

  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const names = ['a', 'b', 'a-b', 'c'];
  const randomPath = () => Array.from({ length: 1 + rand(3) }, () => names[rand(names.length)]).join('/');
  function randomLayer(): string[] {
    const specs: string[] = [];
    for (let k = 0; k < 1 + rand(8); k++) {
      const p = randomPath();
      const r = rand(10);
      if (r < 5) specs.push(`${p}:${rand(100)}`);
      else if (r < 6) specs.push(`${p}/`);
      else if (r < 7) specs.push(`-${p}`);
      else if (r < 8) specs.push(`${p}/*`);
      else {
        const target = specs.find((s) => /:\d+$/.test(s) && !s.startsWith('-'));
        if (target) specs.push(`${p}=>${target.split(':')[0]}`);
      }
    }
    return specs;
  }

  it('totals agree with the naive model on 300 random pairs', () => {
    for (let round = 0; round < 300; round++) {
      const shared = randomLayer();
      const b = [shared, randomLayer()];
      const h = [shared, randomLayer(), randomLayer()];
      const baseFiles = naive(b.map((s) => layer(...s)));
      const headFiles = naive(h.map((s) => layer(...s)));
      const expected = { added: 0, removed: 0, grown: 0, shrunk: 0, addedFiles: 0, removedFiles: 0 };
      for (const [p, size] of headFiles) {
        const was = baseFiles.get(p);
        if (was === undefined) {
          expected.added += size;
          expected.addedFiles++;
        } else if (size > was) expected.grown += size - was;
        else expected.shrunk += was - size;
      }
      for (const [p, size] of baseFiles) {
        if (!headFiles.has(p)) {
          expected.removed += size;
          expected.removedFiles++;
        }
      }
      const d = diffFilesystems(
        index(...b.map((s, k) => L(k === 0 ? 'shared' : `b${k}`, ...s))),
        index(...h.map((s, k) => L(k === 0 ? 'shared' : `h${k}`, ...s))),
      );
      const got = {
        added: d.added.bytes,
        removed: d.removed.bytes,
        grown: d.grown.bytes,
        shrunk: d.shrunk.bytes,
        addedFiles: d.added.files,
        removedFiles: d.removed.files,
      };
      expect(got, JSON.stringify({ b, h })).toEqual(expected);
      expect(d.net).toBe(d.added.bytes + d.grown.bytes - d.removed.bytes - d.shrunk.bytes);
    }
  });
});
