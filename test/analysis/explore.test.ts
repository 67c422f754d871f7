import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { exploreTree, LayerChangeCollector, type TreeNode } from '../../src/analysis/explore.js';
import { mergeLayers } from '../../src/analysis/filesystem.js';
import type { LayerSummary } from '../../src/image/model.js';
import { imageData, layer } from './helpers.js';

function explore(layers: LayerSummary[], maxNodes?: number) {
  const indexes = layers.map((_, i) => i);
  const changes = new LayerChangeCollector(3);
  const fs = mergeLayers(layers, indexes, changes);
  return { ...exploreTree(fs, maxNodes), layers: changes.result(indexes), fs };
}

/** The node at `/a/b` of a tree. */
function at(tree: TreeNode, path: string): TreeNode | undefined {
  let node: TreeNode | undefined = tree;
  for (const part of path.split('/').slice(1)) node = node?.[6]?.find((c) => c[0] === part);
  return node;
}

/** Every node of a tree (the root left out) and the folded rows. */
function count(tree: TreeNode): { nodes: number; folded: number } {
  let nodes = 0;
  let folded = 0;
  const stack = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    folded += n[7]?.[0] ?? 0;
    for (const c of n[6] ?? []) {
      nodes++;
      stack.push(c);
    }
  }
  return { nodes, folded };
}

describe('what each layer added, changed and deleted', () => {
  it('tells new paths, paths written again, whiteouts and opaque directories apart', () => {
    const r = explore([
      layer('app/', 'app/a:100', 'app/b:50', 'etc/', 'etc/c:7', 'old/', 'old/x:3', 'old/y:4'),
      layer('app/', 'app/a:30', 'app/new:5', '-app/b', 'old/*', 'old/z:1'),
      layer('app->/srv'),
    ]);
    expect(r.layers[0]).toMatchObject({
      layer: 0,
      added: { count: 5, bytes: 164 },
      changed: { count: 0, bytes: 0 },
      deleted: { count: 0, bytes: 0 },
    });
    expect(r.layers[1]).toMatchObject({
      added: { count: 2, bytes: 6 },
      changed: { count: 1, bytes: 30 },
      deleted: { count: 3, bytes: 57 },
    });
    expect(r.layers[1]!.top.deleted).toEqual([
      ['/app/b', 50],
      ['/old/*', 7],
    ]);
    // A symlink over a directory changes it and takes away what was below (a, new).
    expect(r.layers[2]).toMatchObject({ changed: { count: 1, bytes: 0 }, added: { count: 0 } });
    // The top list keeps the largest paths, biggest first, within its limit (3 here).
    expect(r.layers[0]!.top.added).toEqual([
      ['/app/a', 100],
      ['/app/b', 50],
      ['/etc/c', 7],
    ]);
  });

  it('gives a layer without changes zero totals', () => {
    const r = explore([layer('a:1'), layer()]);
    expect(r.layers[1]).toMatchObject({ layer: 1, added: { count: 0, bytes: 0 }, top: { added: [] } });
  });
});

describe('the final filesystem as a tree', () => {
  it('sums bytes, files and wasted bytes per directory; a deleted path that wasted bytes stays as gone', () => {
    const r = explore([
      layer('app/', 'app/a:100', 'app/b:50', 'lib/', 'lib/l:9'),
      layer('app/a:30', '-app/b'),
    ]);
    expect(r.tree[1]).toBe(39);
    expect(r.tree[2]).toBe(2);
    expect(r.tree[3]).toBe(r.fs.wastedBytes);
    expect(at(r.tree, '/app')?.slice(1, 4)).toEqual([30, 1, 150]);
    expect(at(r.tree, '/app/a')?.slice(1, 6)).toEqual([30, 1, 100, 1, 'f']);
    expect(at(r.tree, '/app/b')?.slice(1, 6)).toEqual([0, 0, 50, 1, 'x']);
    // Heaviest first (by bytes or wasted bytes).
    expect(r.tree[6]!.map((c) => c[0])).toEqual(['app', 'lib']);
  });

  it('agrees with the analysis on the file count and the wasted bytes', () => {
    const data = imageData([
      { createdBy: 'COPY a', summary: layer('a/', 'a/x:5', 'a/y=>a/x', 'b:7') },
      { createdBy: 'ENV X=1', empty: true },
      { createdBy: 'COPY b', summary: layer('b:2', 'c->a/x') },
    ]);
    const analysis = analyzeImage(data);
    expect(analysis.explore?.tree[2]).toBe(3);
    expect(analysis.explore?.tree[2]).toBe(analysis.image.files?.fileCount);
    expect(analysis.explore?.tree[3]).toBe(7);
    expect(analysis.explore?.tree[3]).toBe(analysis.image.files?.wastedBytes);
    expect(analysis.explore?.layers.map((l) => l.layer)).toEqual([0, 2]);
    expect(analysis.explore?.layers.map((l) => l.layer)).toEqual(
      analysis.image.layers.filter((l) => !l.empty).map((l) => l.index),
    );
  });

  it('keeps at most maxNodes nodes and folds the rest of a directory into one row with its totals', () => {
    const files = Array.from({ length: 500 }, (_, i) => `d/f${i}:${i + 1}`);
    const r = explore([layer('d/', ...files, 'big:100000')], 50);
    const c = count(r.tree);
    expect(c.nodes).toBeLessThanOrEqual(50);
    expect(c.nodes + c.folded).toBe(502);
    const d = at(r.tree, '/d')!;
    // The kept files are the largest; the folded row carries what was left out, so totals still add up.
    expect(d[6]![0]![0]).toBe('f499');
    const keptBytes = d[6]!.reduce((n, f) => n + f[1], 0);
    expect(keptBytes + d[7]![1]).toBe(d[1]);
    expect(d[6]!.length + d[7]![0]).toBe(500);
    expect(r.nodes).toBe(502);
  });

  it('walks a path thousands of levels deep without recursing', () => {
    const deep = `${'d/'.repeat(20_000)}f`;
    const r = explore([layer(`${deep}:9`), layer(`${deep}:1`)]);
    expect(r.tree[1]).toBe(1);
    expect(r.tree[3]).toBe(9);
  });
});
