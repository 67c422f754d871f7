import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { largestFiles, mergeLayers } from '../../src/analysis/filesystem.js';
import { imageData, layer } from './helpers.js';

/** Merges layers numbered 0..n-1 and returns total, wasted and the wasted map as plain data. */
function merge(...layers: ReturnType<typeof layer>[]) {
  const fs = mergeLayers(
    layers,
    layers.map((_, i) => i),
  );
  const wasted = Object.fromEntries(
    [...fs.wasted].map(([p, w]) => [p, { bytes: w.bytes, layers: [...w.layers].sort() }]),
  );
  return { total: fs.totalBytes, wastedBytes: fs.wastedBytes, wasted, fs };
}

describe('deep paths', () => {
  // 30,000 levels: well past the call stack a recursive walk of the tree gets.
  const deep = `${'d/'.repeat(30_000)}f`;

  it.each([
    ['a whiteout', '-d'],
    ['an opaque directory', 'd/*'],
  ])('%s over a path thousands of levels deep hides it without recursing', (_name, spec) => {
    const r = merge(layer(`${deep}:9`), layer(spec));
    expect(r.wastedBytes).toBe(9);
    expect(r.wasted[`/${deep}`]).toEqual({ bytes: 9, layers: [0, 1] });
  });

  it('a file over a deep directory hides what is below it', () => {
    const r = merge(layer(`${deep}:9`), layer('d:1'));
    expect(r.wastedBytes).toBe(9);
    expect(largestFiles(r.fs.root).largest).toEqual([{ path: '/d', size: 1, layer: 1 }]);
  });
});

describe('wasted bytes', () => {
  it('a file written again in a later layer wastes the earlier version', () => {
    const r = merge(layer('app/', 'app/a:100'), layer('app/a:30'));
    expect(r.total).toBe(130);
    expect(r.wastedBytes).toBe(100);
    expect(r.wasted).toEqual({ '/app/a': { bytes: 100, layers: [0, 1] } });
  });

  it('the same content written again (chmod, touch) is still waste', () => {
    const r = merge(layer('a:50'), layer('a:50'), layer('a:50'));
    expect(r.wastedBytes).toBe(100);
    expect(r.wasted['/a']).toEqual({ bytes: 100, layers: [0, 1, 2] });
  });

  it('a whiteout deletes a file of a lower layer', () => {
    const r = merge(layer('tmp/', 'tmp/big:1000', 'keep:1'), layer('-tmp/big'));
    expect(r.wastedBytes).toBe(1000);
    expect(r.wasted['/tmp/big']?.layers).toEqual([0, 1]);
  });

  it('a whiteout of a directory deletes everything below it', () => {
    const r = merge(layer('d/', 'd/x:5', 'd/sub/', 'd/sub/y:7', 'other:3'), layer('-d'));
    expect(r.wastedBytes).toBe(12);
    expect(Object.keys(r.wasted).sort()).toEqual(['/d/sub/y', '/d/x']);
    expect(largestFiles(r.fs.root).fileCount).toBe(1);
  });

  it('a whiteout of a path that does not exist changes nothing', () => {
    expect(merge(layer('a:5'), layer('-b', '-a/c')).wastedBytes).toBe(0);
  });

  it('an opaque directory hides what lower layers had in it, not what its own layer adds', () => {
    const r = merge(layer('d/', 'd/old:40', 'd/s/', 'd/s/deep:2'), layer('d/', 'd/*', 'd/new:9'));
    expect(r.wastedBytes).toBe(42);
    const { largest } = largestFiles(r.fs.root);
    expect(largest.map((f) => f.path)).toEqual(['/d/new']);
  });

  it('an opaque marker before the entries of the same layer still keeps them', () => {
    const r = merge(layer('d/', 'd/a:1'), layer('d/*', 'd/', 'd/a:2'));
    expect(r.wastedBytes).toBe(1);
    expect(largestFiles(r.fs.root).largest).toEqual([{ path: '/d/a', size: 2, layer: 1 }]);
  });

  it('a directory replaced by a file wastes everything that was below it', () => {
    const r = merge(layer('d/', 'd/x:5', 'd/y:7'), layer('d:1'));
    expect(r.wastedBytes).toBe(12);
    expect(largestFiles(r.fs.root).largest).toEqual([{ path: '/d', size: 1, layer: 1 }]);
  });

  it('a file replaced by a directory (an ancestor of a new path) is waste', () => {
    const r = merge(layer('a:10'), layer('a/', 'a/b:3'));
    expect(r.wastedBytes).toBe(10);
    const r2 = merge(layer('a:10'), layer('a/b:3'));
    expect(r2.wastedBytes).toBe(10);
    expect(largestFiles(r2.fs.root).largest.map((f) => f.path)).toEqual(['/a/b']);
  });

  it('a symlink replacing a file wastes the file; symlinks themselves hold no file bytes', () => {
    const r = merge(layer('bin/', 'bin/tool:200'), layer('bin/tool->/usr/bin/tool'));
    expect(r.wastedBytes).toBe(200);
    expect(r.total).toBe(200);
  });

  it('hard links count no bytes of their own', () => {
    const r = merge(layer('a:100', 'b=>a'), layer('b:1'));
    expect(r.total).toBe(101);
    expect(r.wastedBytes).toBe(0);
    expect(largestFiles(r.fs.root).fileCount).toBe(2);
  });

  it('a directory entry over a directory merges, hiding nothing', () => {
    expect(merge(layer('d/', 'd/a:4'), layer('d/', 'd/b:4')).wastedBytes).toBe(0);
  });

  it('a path deleted and written again counts the deleted version once', () => {
    const r = merge(layer('f:8'), layer('-f'), layer('f:2'));
    expect(r.wastedBytes).toBe(8);
    expect(r.wasted['/f']).toEqual({ bytes: 8, layers: [0, 1] });
  });

  it('long paths survive whole', () => {
    const long = `${'x'.repeat(120)}/${'y'.repeat(150)}`;
    const r = merge(layer(`${long}:9`), layer(`${long}:1`));
    expect(Object.keys(r.wasted)).toEqual([`/${long}`]);
  });
});

describe('analyzeImage', () => {
  it('maps layers to history with empty entries in between, and files to their layer index', () => {
    const data = imageData([
      { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', summary: layer('bin/', 'bin/sh:1000') },
      { createdBy: '/bin/sh -c #(nop)  ENV A=1', empty: true },
      {
        createdBy: 'RUN /bin/sh -c dd if=/dev/zero of=/big bs=1 count=500 # buildkit',
        summary: layer('big:500'),
      },
      { createdBy: 'RUN /bin/sh -c rm /big # buildkit', summary: layer('-big') },
      { createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', empty: true },
    ]);
    const { image } = analyzeImage(data);
    expect(image.layers.map((l) => [l.index, l.empty, l.size])).toEqual([
      [0, false, 1000],
      [1, true, 0],
      [2, false, 500],
      [3, false, 0],
      [4, true, 0],
    ]);
    expect(image.layers[2]?.diffId).toBe(data.config.diffIds[1]);
    expect(image.size).toBe(1500);
    expect(image.files).toEqual({
      totalBytes: 1500,
      wastedBytes: 500,
      efficiency: 1 - 500 / 1500,
      fileCount: 1,
      largest: [{ path: '/bin/sh', size: 1000, layer: 0 }],
      wasted: [{ path: '/big', bytes: 500, layers: [2, 3] }],
    });
  });

  it('an image with no files is fully efficient', () => {
    const { image } = analyzeImage(imageData([{ createdBy: 'x', summary: layer('d/') }]));
    expect(image.files?.efficiency).toBe(1);
  });

  it('keeps the 20 largest files, biggest first, and the 20 biggest wasters', () => {
    const files = Array.from({ length: 30 }, (_, i) => `f${String(i).padStart(2, '0')}:${i + 1}`);
    const { image } = analyzeImage(
      imageData([
        { createdBy: 'a', summary: layer(...files) },
        { createdBy: 'b', summary: layer(...files.map((f) => `${f.split(':')[0]}:1`)) },
      ]),
    );
    expect(image.files?.largest).toHaveLength(20);
    expect(image.files?.largest[0]).toEqual({ path: '/f00', size: 1, layer: 1 });
    expect(image.files?.wasted).toHaveLength(20);
    expect(image.files?.wasted[0]).toEqual({ path: '/f29', bytes: 30, layers: [0, 1] });
    expect(image.files?.wasted[19]?.path).toBe('/f10');
  });

  it('without layer contents, sizes come from the engine and files is null', () => {
    const { image, findings } = analyzeImage(
      imageData([
        { createdBy: 'a', size: 10 },
        { createdBy: 'b', empty: true },
        { createdBy: 'c', size: 5 },
      ]),
    );
    expect(image.size).toBe(15);
    expect(image.files).toBeNull();
    expect(findings).toEqual([]);
  });

  it('a config with fewer history entries than layers still lists every layer', () => {
    const data = imageData([{ createdBy: 'only', summary: layer('a:1') }]);
    data.config.diffIds.push('sha256:extra');
    data.layers!.push(layer('b:2'));
    const { image } = analyzeImage(data);
    expect(image.layers.map((l) => [l.createdBy, l.size, l.diffId])).toEqual([
      ['only', 1, data.config.diffIds[0]],
      ['', 2, 'sha256:extra'],
    ]);
  });
});

describe('one layer replacing its own paths (siblings looked up through the remembered directory)', () => {
  it('a directory turned into a file and back again within one layer', () => {
    const r = merge(layer('d/', 'd/x:5', 'd/y:6', 'd:9', 'd/z:4', 'd/w:2'));
    expect(r.total).toBe(26);
    expect(r.wasted).toEqual({
      '/d/x': { bytes: 5, layers: [0] },
      '/d/y': { bytes: 6, layers: [0] },
      '/d': { bytes: 9, layers: [0] },
    });
    expect(largestFiles(r.fs.root).largest.map((f) => f.path)).toEqual(['/d/z', '/d/w']);
  });

  it('an ancestor replaced while a deeper directory was remembered', () => {
    const r = merge(layer('a/b/c:1', 'a/b/d:2', 'a:3', 'a/b/e:4'), layer('a/b/f:5', 'a/b/f:6'));
    expect(r.wasted).toEqual({
      '/a/b/c': { bytes: 1, layers: [0] },
      '/a/b/d': { bytes: 2, layers: [0] },
      '/a': { bytes: 3, layers: [0] },
      '/a/b/f': { bytes: 5, layers: [1] },
    });
    expect(largestFiles(r.fs.root)).toMatchObject({ fileCount: 2 });
  });

  it('siblings in different directories with the same prefix are not confused', () => {
    const r = merge(layer('ab/x:1', 'a/y:2', 'ab/z:3', 'a/b:4'));
    expect(
      largestFiles(r.fs.root)
        .largest.map((f) => f.path)
        .sort(),
    ).toEqual(['/a/b', '/a/y', '/ab/x', '/ab/z']);
    expect(r.wastedBytes).toBe(0);
  });
});
