import { describe, expect, it } from 'vitest';
import { missedLayers, pickProbeFile } from '../../src/action/cache-probe.js';
import type { Image } from '../../src/core/report.js';

describe('pickProbeFile', () => {
  it.each([
    [['requirements.txt', 'app/main.py', 'README.md', 'Dockerfile'], 'app/main.py'],
    [['pyproject.toml', 'uv.lock', 'src/pkg/deep/x.py', 'src/a.py'], 'src/a.py'],
    [['package.json', 'package-lock.json', 'index.js'], 'index.js'],
    [['requirements.txt', 'README.md', 'Dockerfile'], 'README.md'],
    [['requirements.txt', 'Dockerfile', '.dockerignore', '.env'], null],
  ])('%j → %s', (files, want) => {
    expect(pickProbeFile(files)).toBe(want);
  });
});

describe('missedLayers', () => {
  const img = (...ids: (string | null)[]): Image => ({
    ref: 'x',
    id: 'sha256:x',
    size: 0,
    files: null,
    layers: ids.map((diffId, index) => ({
      index,
      diffId,
      createdBy: `step ${index}`,
      size: 10 * (index + 1),
      empty: diffId === null,
    })),
  });
  it('lists the layers whose content changed, empty ones aside', () => {
    expect(missedLayers(img('a', null, 'b', 'c'), img('a', null, 'b', 'z'))).toEqual([
      { index: 3, createdBy: 'step 3', size: 40 },
    ]);
    expect(missedLayers(img('a', 'b'), img('a', 'b'))).toEqual([]);
    expect(missedLayers(img('a', 'b'), img('a', 'x', 'y')).map((l) => l.index)).toEqual([1, 2]);
  });
});
