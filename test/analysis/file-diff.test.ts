import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { DEFAULT_DIFF_LIMITS, diffFilesystems } from '../../src/analysis/file-diff.js';
import { comparePaths, type FileIndex } from '../../src/analysis/file-index.js';
import type { FileDiff, Package } from '../../src/core/report.js';
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
    // /usr/lib is gone whole: one unit, listed where it stops being a chain of single subdirectories, and
    // nothing inside it (not /usr/lib/gcc/x86/12/plugin); the same for the new /opt. /usr/bin keeps /usr/bin/sh.
    expect(d.directories.map((x) => [x.path, x.net, x.wholly])).toEqual([
      ['/usr/lib/gcc/x86/12', -550, 'removed'],
      ['/opt/venv/lib', 220, 'added'],
      ['/usr/bin', -70, null],
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

  it('lists a directory and one inside it when neither holds half of the other, and no more inside a unit', () => {
    const base = index(
      os,
      L('b', 'usr/lib/', 'usr/lib/x/', 'usr/lib/x/a:30', 'usr/lib/x/b:20', 'usr/lib/y:60', 'usr/z:120'),
    );
    const d = diffFilesystems(base, index(os));
    expect(d.directories.map((x) => [x.path, x.net, x.wholly])).toEqual([
      ['/usr', -230, null],
      ['/usr/lib', -110, 'removed'],
    ]);
    expect(d.directories[0]!.largest.map((f) => f.path)).toEqual([
      '/usr/z',
      '/usr/lib/y',
      '/usr/lib/x/a',
      '/usr/lib/x/b',
    ]);
  });

  it('a directory that changed only in part is not a unit', () => {
    const base = index(
      os,
      L(
        'b',
        'srv/',
        'srv/keep:1',
        'srv/a/',
        'srv/a/1:40',
        'srv/a/2:40',
        'srv/b/',
        'srv/b/1:30',
        'srv/b/2:30',
      ),
    );
    const head = index(os, L('h', 'srv/', 'srv/keep:1', 'srv/a/', 'srv/a/1:90', 'srv/a/2:5'));
    const d = diffFilesystems(base, head);
    // /srv keeps a file, so it is no unit; /srv/a holds 85 of its 145 bytes of churn, so it is not listed.
    expect(d.directories.map((x) => [x.path, x.net, x.wholly])).toEqual([
      ['/srv/a', 15, null],
      ['/srv/b', -60, 'removed'],
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

  // mulberry32: a seeded generator whose low bits are as random as its high ones (an LCG's `% n` is not, and
  // left hard links out of every round).
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
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
        // A link to itself is no layer docker can apply (the path is removed before it is linked).
        if (target && target.split(':')[0] !== p) specs.push(`${p}=>${target.split(':')[0]}`);
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

describe('the package that owns a directory', () => {
  const pkg = (name: string, version = '1'): Package => ({
    ecosystem: 'deb',
    name,
    version,
    location: '/var/lib/dpkg/status',
    bytes: 0,
    bytesFrom: 'files',
  });
  /** A file index written out by hand: path, bytes and the index of its owner in `packages` (-1 none). */
  const byHand = (files: [string, number, number][]): FileIndex => {
    const sorted = [...files].sort((a, b) => comparePaths(a[0], b[0]));
    return {
      paths: sorted.map((f) => f[0]),
      sizes: sorted.map((f) => f[1]),
      layers: sorted.map(() => 0),
      diffIds: [null],
      owners: sorted.map((f) => f[2]),
    };
  };
  const ownersOf = (d: FileDiff) => Object.fromEntries(d.directories.map((x) => [x.path, x.owner]));

  it('names the package owning over half of the churn, removed bytes by the base, added by the head', () => {
    const basePackages = [pkg('bash'), pkg('gcc-12'), pkg('libgcc-12-dev')];
    const headPackages = [pkg('bash'), pkg('python3-venv')];
    const base = byHand([
      ['bin/bash', 10, 0],
      ['usr/lib/gcc/x86/12/cc1', 300, 1],
      ['usr/lib/gcc/x86/12/lto1', 200, 1],
      ['usr/lib/gcc/x86/12/plugin/p.so', 50, 2],
    ]);
    const head = byHand([
      ['bin/bash', 10, 0],
      ['opt/venv/lib/a.so', 120, -1],
      ['opt/venv/lib/b.py', 100, 1],
    ]);
    const d = diffFilesystems(base, head, DEFAULT_DIFF_LIMITS, { base: basePackages, head: headPackages });
    expect(ownersOf(d)).toEqual({
      // 300 + 200 of 550 bytes are gcc-12's.
      '/usr/lib/gcc/x86/12': { ecosystem: 'deb', name: 'gcc-12', bytes: 500 },
      // 100 of 220 bytes: not over half.
      '/opt/venv/lib': null,
    });
  });

  it("counts an upgrade's old files (base) and new files (head) for the one package", () => {
    const base = byHand([
      ['usr/lib/py/a', 40, 0],
      ['usr/lib/py/b', 30, 0],
      ['usr/lib/py/c', 20, 1],
      ['usr/lib/py/d', 25, 0],
    ]);
    const head = byHand([
      ['usr/lib/py/a', 60, 1],
      ['usr/lib/py/c', 20, 0],
      ['usr/lib/py/d', 15, 1],
      ['usr/lib/py/e', 35, 2],
    ]);
    const d = diffFilesystems(base, head, DEFAULT_DIFF_LIMITS, {
      base: [pkg('python3.11', '3.11.2'), pkg('other')],
      head: [pkg('other'), pkg('python3.11', '3.11.4'), pkg('extra')],
    });
    // Churn: a grown 20 (head: python3.11), b removed 30 (base: python3.11), d shrunk 10 (base: python3.11),
    // e added 35 (head: extra); c is the same size and no change. python3.11 owns 60 of 95.
    expect(ownersOf(d)).toEqual({ '/usr/lib/py': { ecosystem: 'deb', name: 'python3.11', bytes: 60 } });
  });

  it('exactly half is not most, and without packages or owners no directory names one', () => {
    const base = byHand([['srv/a', 50, 0]]);
    const head = byHand([['srv/b', 50, 0]]);
    const split = diffFilesystems(base, head, DEFAULT_DIFF_LIMITS, { base: [pkg('x')], head: [pkg('y')] });
    expect(ownersOf(split)).toEqual({ '/srv': null });
    expect('owner' in diffFilesystems(base, head).directories[0]!).toBe(false);
    const { owners: _, ...unowned } = head;
    const one = diffFilesystems(base, unowned, DEFAULT_DIFF_LIMITS, { base: [pkg('x')], head: [pkg('y')] });
    expect('owner' in one.directories[0]!).toBe(false);
  });
});
