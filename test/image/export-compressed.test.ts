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
