import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { UserError } from '../../src/core/errors.js';
import { compressedSizeOf } from '../../src/image/compressed-size.js';
import { mapHistory } from '../../src/image/image-config.js';
import { readSaveStream } from '../../src/image/save-archive.js';
import {
  archiveOf,
  chunked,
  dockerSaveArchive,
  type FixtureImage,
  gzip,
  imageConfig,
  layerTar,
  ociBlobs,
  ociLayout,
  sha256,
} from '../support/tar-fixtures.js';

async function fixtureImage(): Promise<FixtureImage> {
  const base = await layerTar([
    { path: 'bin/', type: 'dir' },
    { path: 'bin/busybox', size: 2000 },
    { path: 'bin/sh', type: 'symlink', target: 'busybox' },
  ]);
  const app = await layerTar([
    { path: 'app/', type: 'dir' },
    { path: 'app/big', size: 100_000 },
    { path: 'app/.wh.old' },
    { path: 'etc/.wh..wh..opq' },
  ]);
  const hard = await layerTar([
    { path: 'x', size: 50 },
    { path: 'y', type: 'link', target: 'x' },
  ]);
  return {
    repoTag: 'app:pr',
    layers: [base, app, hard],
    history: [
      { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
      { created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
      { created_by: 'RUN /bin/sh -c make # buildkit', comment: 'buildkit.dockerfile.v0' },
      { created_by: 'ENV A=1', comment: 'buildkit.dockerfile.v0', empty_layer: true },
      { created_by: 'COPY x y / # buildkit', comment: 'buildkit.dockerfile.v0' },
    ],
  };
}

const EXPECTED_SIZES = [2000 + 'busybox'.length, 100_000, 50];

async function read(archive: Buffer, files = true, chunk = 65536) {
  return readSaveStream(chunked(archive, chunk), { ref: 'docker-archive:test.tar', files });
}

async function failure(archive: Buffer): Promise<string> {
  const error = await read(archive).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('readSaveStream', () => {
  it('counts compressed sizes when asked, per layer in diffId order, with or without files', async () => {
    const image = await fixtureImage();
    const want = await Promise.all(image.layers.map((l) => compressedSizeOf(chunked(l))));
    for (const layout of ['legacy', 'oci'] as const) {
      for (const order of ['natural', 'reversed'] as const) {
        const archive = await dockerSaveArchive(image, { layout, order });
        for (const files of [true, false]) {
          const data = await readSaveStream(chunked(archive, 3001), { ref: 'x', files, count: true });
          expect({ layout, order, files, sizes: data.layerCompressed }).toEqual({
            layout,
            order,
            files,
            sizes: want,
          });
          const compressed = analyzeImage(data).image.compressed!;
          expect(compressed.source).toBe('computed');
          expect(compressed.gzip).toBe(want.reduce((n, c) => n + c.gzip, 0));
          expect(compressed.layers.map((l) => l.diffId)).toEqual(data.config.diffIds);
        }
      }
    }
    const uncounted = await read(await dockerSaveArchive(image, { layout: 'legacy' }));
    expect(uncounted.layerCompressed).toBeUndefined();
    expect(analyzeImage(uncounted).image.compressed).toBeUndefined();
  });

  it.each([
    ['legacy', 'natural'],
    ['legacy', 'reversed'],
    ['legacy', 'metadata-last'],
    ['oci', 'natural'],
    ['oci', 'reversed'],
    ['oci', 'metadata-last'],
  ] as const)('reads a docker save archive, %s layout, %s member order', async (layout, order) => {
    const image = await fixtureImage();
    const data = await read(await dockerSaveArchive(image, { layout, order }), true, 3001);
    const config = imageConfig(image);
    expect(data.id).toBe(sha256(config));
    expect(data.ref).toBe('docker-archive:test.tar');
    expect(data.config.diffIds).toEqual(image.layers.map((l) => sha256(l)));
    expect(data.layerSizes).toEqual(EXPECTED_SIZES);
    expect(data.layers!.map((l) => l.size)).toEqual(EXPECTED_SIZES);
    expect(data.layers![1]!.whiteouts).toEqual(['app/old']);
    expect(data.layers![1]!.opaqueDirs).toEqual(['etc']);
    expect(data.layers![2]!.entries).toEqual([
      { path: 'x', kind: 'file', size: 50 },
      { path: 'y', kind: 'hardlink', size: 0, linkTarget: 'x' },
    ]);
  });

  it.each(['gzip', 'zstd', undefined] as const)(
    'reads an OCI layout archive (skopeo), layers %s',
    async (compress) => {
      const image = await fixtureImage();
      for (const order of ['natural', 'reversed'] as const) {
        const data = await read(await ociLayout(image, { compress, order }));
        expect(data.layerSizes).toEqual(EXPECTED_SIZES);
        expect(data.config.diffIds).toEqual(image.layers.map((l) => sha256(l)));
        expect(data.layers![0]!.entries.map((e) => e.path)).toEqual(['bin', 'bin/busybox', 'bin/sh']);
      }
    },
  );

  it('reads a gzip-compressed docker save', async () => {
    const data = await read(gzip(await dockerSaveArchive(await fixtureImage(), { layout: 'legacy' })));
    expect(data.layerSizes).toEqual(EXPECTED_SIZES);
  });

  it('follows the symlink docker save writes for a repeated layer', async () => {
    const same = await layerTar([{ path: 'f', size: 10 }]);
    const other = await layerTar([{ path: 'g', size: 20 }]);
    const image = { layers: [same, other, same] };
    const archive = await dockerSaveArchive(image, { layout: 'legacy' });
    const data = await read(archive);
    expect(data.layerSizes).toEqual([10, 20, 10]);
    expect(data.layers![2]!.entries[0]!.path).toBe('f');
  });

  it('computes sizes without file lists when files is false', async () => {
    const data = await read(await dockerSaveArchive(await fixtureImage(), { layout: 'oci' }), false);
    expect(data.layers).toBeNull();
    expect(data.layerSizes).toEqual(EXPECTED_SIZES);
  });

  it('maps history to diff_ids, skipping empty_layer entries', async () => {
    const image = await fixtureImage();
    const data = await read(await dockerSaveArchive(image, { layout: 'legacy' }));
    const ids = image.layers.map((l) => sha256(l));
    expect(mapHistory(data.config).map((h) => [h.index, h.diffId, h.empty, h.layer])).toEqual([
      [0, ids[0], false, 0],
      [1, null, true, null],
      [2, ids[1], false, 1],
      [3, null, true, null],
      [4, ids[2], false, 2],
    ]);
    expect(mapHistory(data.config)[2]!.comment).toBe('buildkit.dockerfile.v0');
  });

  it('maps an image without history to unnamed layers', () => {
    expect(
      mapHistory({ diffIds: ['sha256:a', 'sha256:b'], history: [{ createdBy: 'x', emptyLayer: false }] }),
    ).toEqual([
      { index: 0, diffId: 'sha256:a', createdBy: 'x', empty: false, layer: 0 },
      { index: 1, diffId: 'sha256:b', createdBy: '', empty: false, layer: 1 },
    ]);
  });

  describe('bad archives', () => {
    it('a truncated archive', async () => {
      const archive = await dockerSaveArchive(await fixtureImage(), { layout: 'legacy' });
      for (const cut of [archive.length >> 1, archive.length - 2048, 10_000]) {
        expect(await failure(archive.subarray(0, cut))).toMatch(/truncated or corrupt/);
      }
    });

    it('not a tar at all', async () => {
      expect(await failure(Buffer.from('hello '.repeat(200)))).toMatch(
        /^docker-archive:test.tar is not a tar archive/,
      );
    });

    it('a tar that is no image', async () => {
      expect(await failure(await archiveOf([{ path: 'README', content: Buffer.from('hi') }]))).toMatch(
        /neither a docker save archive nor an OCI image layout/,
      );
    });

    it('a manifest pointing at a missing layer', async () => {
      const image = await fixtureImage();
      const layout = ociBlobs(image, 'gzip');
      const members = [...layout.blobs]
        .filter(([hex]) => hex !== layout.layerHexes[1])
        .map(([hex, content]) => ({ path: `blobs/sha256/${hex}`, content }));
      members.push({ path: 'index.json', content: layout.index });
      expect(await failure(await archiveOf(members))).toMatch(
        new RegExp(`lacks the layer blobs/sha256/${layout.layerHexes[1]}`),
      );
    });

    it('a layer that is not a tar', async () => {
      const image = { layers: [Buffer.from('\x7fELF not a tar, just bytes '.repeat(50))] };
      const message = await failure(await dockerSaveArchive(image, { layout: 'legacy' }));
      expect(message).toMatch(/layer .*layer.tar in docker-archive:test.tar is not a tar archive/);
    });

    it('an unknown layer media type', async () => {
      const image = await fixtureImage();
      const layout = ociBlobs(image);
      const manifestHex = [...layout.blobs.keys()].find((h) =>
        layout.blobs.get(h)!.includes('image.manifest.v1'),
      )!;
      const manifest = JSON.parse(layout.blobs.get(manifestHex)!.toString());
      manifest.layers[0].mediaType = 'application/vnd.example.layer.v1+squashfs';
      const fixed = Buffer.from(JSON.stringify(manifest));
      const members = [...layout.blobs]
        .filter(([hex]) => hex !== manifestHex)
        .map(([hex, content]) => ({ path: `blobs/sha256/${hex}`, content }));
      members.push({ path: `blobs/sha256/${sha256(fixed).slice(7)}`, content: fixed });
      const index = JSON.parse(layout.index.toString());
      index.manifests[0].digest = sha256(fixed);
      members.push({ path: 'index.json', content: Buffer.from(JSON.stringify(index)) });
      expect(await failure(await archiveOf(members))).toMatch(
        /unknown media type application\/vnd.example.layer.v1\+squashfs/,
      );
    });

    it('several images without a choice', async () => {
      const one = await dockerSaveArchive(
        { layers: [await layerTar([{ path: 'a', size: 1 }])] },
        { layout: 'legacy' },
      );
      // Two manifest entries pointing at the same config: what `docker save a b` writes, shape-wise.
      const manifest = [
        { Config: 'c.json', RepoTags: ['a:1'], Layers: [] },
        { Config: 'c.json', RepoTags: ['b:2'], Layers: [] },
      ];
      const archive = await archiveOf([
        { path: 'manifest.json', content: Buffer.from(JSON.stringify(manifest)) },
      ]);
      expect(await failure(archive)).toMatch(/holds 2 images \(a:1; b:2\) and image-guard reads one/);
      expect(one.length).toBeGreaterThan(0);
    });
  });
});
