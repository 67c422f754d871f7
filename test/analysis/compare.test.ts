import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../src/analysis/budgets.js';
import { alignLayers, compareImages } from '../../src/analysis/compare.js';
import { normalizeInstruction } from '../../src/analysis/layers.js';
import type { Image, ImageLayer } from '../../src/core/report.js';

const L = (
  createdBy: string,
  size: number,
  diffId: string | null = null,
  empty = false,
): Omit<ImageLayer, 'index'> => ({
  createdBy,
  size,
  diffId: empty ? null : (diffId ?? `sha256:${createdBy}`),
  empty,
});
const layers = (...ls: Omit<ImageLayer, 'index'>[]): ImageLayer[] => ls.map((l, index) => ({ ...l, index }));
const image = (ls: ImageLayer[], files: Image['files'] = null): Image => ({
  ref: 'x',
  id: 'sha256:x',
  size: ls.reduce((s, l) => s + l.size, 0),
  layers: ls,
  files,
});
const shape = (rows: ReturnType<typeof alignLayers>) => rows.map((r) => [r.status, r.base, r.head]);

describe('normalizeInstruction', () => {
  it.each([
    [
      '/bin/sh -c #(nop) COPY file:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef in /app ',
      'COPY file:… in /app',
    ],
    ['/bin/sh -c #(nop)  ENV A=1', 'ENV A=1'],
    ['/bin/sh -c apt-get update', 'RUN apt-get update'],
    ['|2 A=1 B=x /bin/sh -c make', 'RUN make'],
    ['RUN /bin/sh -c pip install x # buildkit', 'RUN pip install x'],
    ['COPY . . # buildkit', 'COPY . .'],
    ['RUN |1 V=2 /bin/sh -c echo $V # buildkit', 'RUN echo $V'],
  ])('%s → %s', (raw, want) => {
    expect(normalizeInstruction(raw)).toBe(want);
  });
});

describe('alignLayers', () => {
  const base = layers(
    L('ADD rootfs', 100, 'sha256:os'),
    L('RUN pip install a', 50, 'sha256:p1'),
    L('COPY . .', 5, 'sha256:c1'),
  );

  it('identical diffIds are same, an edited RUN is changed', () => {
    const head = layers(
      L('ADD rootfs', 100, 'sha256:os'),
      L('RUN pip install a b', 70, 'sha256:p2'),
      L('COPY . .', 5, 'sha256:c2'),
    );
    const rows = alignLayers(base, head);
    expect(shape(rows)).toEqual([
      ['same', 0, 0],
      ['changed', 1, 1],
      ['changed', 2, 2],
    ]);
    expect(rows[1]).toMatchObject({
      baseSize: 50,
      headSize: 70,
      delta: 20,
      createdBy: 'RUN pip install a b',
    });
  });

  it('a RUN inserted before an edited RUN is added, and the edited one still pairs with its twin', () => {
    const head = layers(
      L('ADD rootfs', 100, 'sha256:os'),
      L('RUN apt-get install -y gcc', 300, 'sha256:gcc'),
      L('RUN pip install a --no-cache-dir', 40, 'sha256:p3'),
      L('COPY . .', 5, 'sha256:c1'),
    );
    expect(shape(alignLayers(base, head))).toEqual([
      ['same', 0, 0],
      ['added', null, 1],
      ['changed', 1, 2],
      ['same', 2, 3],
    ]);
  });

  it('a removed layer is removed, and layers of different kinds never pair', () => {
    const head = layers(L('ADD rootfs', 100, 'sha256:os'), L('COPY app/ app/', 3, 'sha256:c9'));
    expect(shape(alignLayers(base, head))).toEqual([
      ['same', 0, 0],
      ['removed', 1, null],
      ['changed', 2, 1],
    ]);
    const other = layers(L('ADD rootfs', 100, 'sha256:os'), L('USER app', 1, 'sha256:u'));
    expect(shape(alignLayers(base, other))).toEqual([
      ['same', 0, 0],
      ['removed', 1, null],
      ['removed', 2, null],
      ['added', null, 1],
    ]);
  });

  it('empty layers are not aligned but keep their indexes out of the way', () => {
    const head = layers(
      L('ADD rootfs', 100, 'sha256:os'),
      L('ENV A=1', 0, null, true),
      L('RUN pip install a', 50, 'sha256:p1'),
    );
    expect(shape(alignLayers(base, head))).toEqual([
      ['same', 0, 0],
      ['same', 1, 2],
      ['removed', 2, null],
    ]);
  });

  it('layers of the same kind pair up in a gap even when their words differ', () => {
    const head = layers(L('ADD other', 10, 'sha256:zz'));
    expect(shape(alignLayers(base, head))).toEqual([
      ['changed', 0, 0],
      ['removed', 1, null],
      ['removed', 2, null],
    ]);
  });
});

describe('compareImages', () => {
  it('gives size, percent, layer and waste deltas', () => {
    const files = (wastedBytes: number) => ({
      totalBytes: 1,
      wastedBytes,
      efficiency: 1,
      fileCount: 0,
      largest: [],
      wasted: [],
    });
    const b = image(layers(L('a', 200), L('b', 0, null, true)), files(10));
    const h = image(layers(L('a', 200), L('c', 50)), files(4));
    expect(compareImages(b, h).delta).toEqual({ size: 50, percent: 25, layers: 1, wastedBytes: -6 });
    expect(compareImages(image([]), h).delta.percent).toBeNull();
    expect(compareImages(b, image(h.layers)).delta.wastedBytes).toBeNull();
  });
});

describe('checkBudgets', () => {
  const files = {
    totalBytes: 1000,
    wastedBytes: 200,
    efficiency: 0.8,
    fileCount: 3,
    largest: [],
    wasted: [],
  };
  const head = image(layers(L('a', 600), L('b', 0, null, true), L('c', 400)), files);
  const delta = { size: 100, percent: 11.11, layers: 0, wastedBytes: 0 };

  it('judges each budget that is set, at its edge', () => {
    const { budgets, unchecked } = checkBudgets(head, delta, {
      maxSize: 1000,
      maxIncrease: { bytes: 99 },
      maxWasted: 200,
      minEfficiency: 0.81,
      maxLayers: 2,
    });
    expect(budgets).toEqual([
      { name: 'max-size', limit: 1000, actual: 1000, passed: true, unit: 'bytes' },
      { name: 'max-increase', limit: 99, actual: 100, passed: false, unit: 'bytes' },
      { name: 'max-wasted', limit: 200, actual: 200, passed: true, unit: 'bytes' },
      { name: 'min-efficiency', limit: 0.81, actual: 0.8, passed: false, unit: 'ratio' },
      { name: 'max-layers', limit: 2, actual: 2, passed: true, unit: 'layers' },
    ]);
    expect(unchecked).toEqual([]);
  });

  it('a percentage increase is judged in percent', () => {
    expect(checkBudgets(head, delta, { maxIncrease: { percent: 10 } }).budgets).toEqual([
      { name: 'max-increase', limit: 10, actual: 11.11, passed: false, unit: 'percent' },
    ]);
  });

  it('a budget that cannot be judged is reported, not failed', () => {
    const r = checkBudgets(image(head.layers), null, {
      maxIncrease: { percent: 1 },
      maxWasted: 1,
      minEfficiency: 0.5,
    });
    expect(r.budgets).toEqual([]);
    expect(r.unchecked).toHaveLength(3);
  });
});

describe('alignLayers, ties', () => {
  it('between instructions that share no words, the closer size pairs up', () => {
    const base = layers(
      L('ADD rootfs', 100, 'sha256:os'),
      L('COPY . .', 14_000, 'sha256:c1'),
      L('RUN pip install -r r.txt', 8_000_000, 'sha256:p'),
    );
    const head = layers(
      L('ADD rootfs', 100, 'sha256:os'),
      L('COPY /opt/venv /opt/venv', 10_000_000, 'sha256:v'),
      L('COPY app/ app/', 7_000, 'sha256:a'),
    );
    expect(shape(alignLayers(base, head))).toEqual([
      ['same', 0, 0],
      ['added', null, 1],
      ['changed', 1, 2],
      ['removed', 2, null],
    ]);
  });
});
