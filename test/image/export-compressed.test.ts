import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ImageAnalysis } from '../../src/analysis/analyze.js';
import { GZIP_LEVEL } from '../../src/image/compressed-size.js';
import { tapExport, withCountedSizes } from '../../src/image/export-compressed.js';
import { chunked, dockerSaveArchive, layerTar, sha256 } from '../support/tar-fixtures.js';

async function layers(): Promise<Buffer[]> {
  return [
    await layerTar([{ path: 'bin/tool', content: randomBytes(40_000) }]),
    await layerTar([{ path: 'etc/text', content: Buffer.from('config line\n'.repeat(5000)) }]),
  ];
}

async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

describe('tapExport', () => {
  for (const layout of ['legacy', 'oci'] as const) {
    it(`counts each uncompressed layer of a docker save (${layout}) by diffId, passing the bytes on unchanged`, async () => {
      const ls = await layers();
      const archive = await dockerSaveArchive({ layers: ls }, { layout });
      const tap = tapExport(chunked(archive, 3001));
      expect((await drain(tap.stream)).equals(archive)).toBe(true);
      const sizes = await tap.sizes;
      for (const l of ls)
        expect(sizes?.get(sha256(l))?.gzip).toBe(zlib.gzipSync(l, { level: GZIP_LEVEL }).length);
    });
  }

  it('layers the engine hands out compressed are not counted', async () => {
    const ls = await layers();
    const archive = await dockerSaveArchive({ layers: ls }, { layout: 'oci', compress: 'gzip' });
    const tap = tapExport(chunked(archive));
    await drain(tap.stream);
    const sizes = await tap.sizes;
    for (const l of ls) expect(sizes?.has(sha256(l))).toBe(false);
  });

  it('withCountedSizes fills image.compressed only when every layer was counted', () => {
    const analysis = {
      image: {
        ref: 'x',
        id: 'sha256:1',
        size: 3,
        files: null,
        layers: [
          { index: 0, diffId: 'sha256:a', createdBy: '', size: 1, empty: false },
          { index: 1, diffId: null, createdBy: 'ENV', size: 0, empty: true },
          { index: 2, diffId: 'sha256:b', createdBy: '', size: 2, empty: false },
        ],
      },
      findings: [],
    } satisfies ImageAnalysis;
    const both = new Map([
      ['sha256:a', { gzip: 10, zstd: null }],
      ['sha256:b', { gzip: 20, zstd: null }],
    ]);
    expect(withCountedSizes(analysis, both).image.compressed).toEqual({
      gzip: 30,
      zstd: null,
      source: 'computed',
      layers: [
        { diffId: 'sha256:a', gzip: 10, zstd: null },
        { diffId: 'sha256:b', gzip: 20, zstd: null },
      ],
    });
    expect(withCountedSizes(analysis, new Map([['sha256:a', { gzip: 1, zstd: null }]]))).toBe(analysis);
    expect(withCountedSizes(analysis, null)).toBe(analysis);
  });
});

describe('layerSizeStore', () => {
  it('keeps sizes by diffId; a miss or a foreign file is null', async () => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { layerSizeStore } = await import('../../src/image/export-compressed.js');
    const dir = await mkdtemp(join(tmpdir(), 'ig-sizes-'));
    try {
      const store = layerSizeStore(join(dir, 'layers'));
      const id = `sha256:${'a'.repeat(64)}`;
      expect(await store.get(id)).toBeNull();
      await store.put(id, { gzip: 123, zstd: null });
      expect(await store.get(id)).toEqual({ gzip: 123, zstd: null });
      await writeFile(join(dir, 'layers', `${'b'.repeat(64)}.json`), '{"gzip": "x"}');
      expect(await store.get(`sha256:${'b'.repeat(64)}`)).toBeNull();
      expect(await store.get('../../etc/passwd')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('analyzeCounted', () => {
  it('an analysis from the cache gets its sizes from one export, then from the store; failures cost only the sizes', async () => {
    const { analyzeCounted, layerSizeStore } = await import('../../src/image/export-compressed.js');
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { Readable } = await import('node:stream');
    const ls = await layers();
    const archive = await dockerSaveArchive({ layers: ls }, { layout: 'legacy' });
    const cached: ImageAnalysis = {
      image: {
        ref: 'app:pr',
        id: 'sha256:1',
        size: 1,
        files: null,
        layers: ls.map((l, index) => ({
          index,
          diffId: sha256(l),
          createdBy: 'RUN x',
          size: l.length,
          empty: false,
        })),
      },
      findings: [],
    };
    let exports = 0;
    const engine = (fail: boolean) =>
      ({
        address: 'unix:///fake',
        inspect: async () => null,
        history: async () => [],
        pull: async () => undefined,
        isContainerdStore: async () => false,
        exportImage: async () => {
          exports++;
          if (fail) throw new Error('engine gone');
          return Readable.from([archive]);
        },
      }) as import('../../src/engine/docker-engine.js').DockerEngine;
    const fromCache = async () => cached; // a cache hit: the analysis exports nothing
    const dir = await mkdtemp(join(tmpdir(), 'ig-counted-'));
    try {
      const store = layerSizeStore(dir);
      const first = await analyzeCounted(fromCache, 'app:pr', { files: true }, store, engine(false));
      expect(exports).toBe(1);
      expect(first.image.compressed?.gzip).toBe(
        ls.reduce((n, l) => n + zlib.gzipSync(l, { level: GZIP_LEVEL }).length, 0),
      );
      const second = await analyzeCounted(fromCache, 'app:pr', { files: true }, store, engine(true));
      expect(exports).toBe(1);
      expect(second.image.compressed).toEqual(first.image.compressed);
      const none = await analyzeCounted(
        fromCache,
        'app:pr',
        { files: true },
        layerSizeStore(join(dir, 'empty')),
        engine(true),
      );
      expect(none).toBe(cached);
      const layersOnly = await analyzeCounted(fromCache, 'app:pr', { files: false }, null, engine(false));
      expect(layersOnly).toBe(cached);
      expect(exports).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
