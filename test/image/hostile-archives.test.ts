// Archives written by an attacker or a broken tool. Each one ends in one clear UserError line (or
// is read), never an unexpected exception ("Cannot read properties", "Maximum call stack"), a memory
// blow-up or a line of megabytes.

import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readSaveStream } from '../../src/image/save-archive.js';
import {
  archiveOf,
  chunked,
  imageConfig,
  layerTar,
  type Member,
  ociBlobs,
  sha256,
} from '../support/tar-fixtures.js';

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

async function failure(archive: Buffer): Promise<Error> {
  const result = await readSaveStream(chunked(archive, 65536), {
    ref: 'docker-archive:x.tar',
    files: true,
  }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!result) throw new Error('expected a failure');
  return result;
}

function expectUserLine(error: Error, message: RegExp): void {
  expect(error).toBeInstanceOf(UserError);
  expect(error.message).toMatch(message);
  expect(error.message).not.toMatch(/Cannot read properties|Maximum call stack|undefined|null/);
  expect(error.message).not.toContain('\n');
  expect(error.message.length).toBeLessThan(1000);
}

async function dockerArchive(manifest: unknown): Promise<Buffer> {
  const layer = await layerTar([{ path: 'a', content: 'x' }]);
  const config = imageConfig({ layers: [layer] });
  return archiveOf([
    { path: 'layer.tar', content: layer },
    { path: 'config.json', content: config },
    { path: 'manifest.json', content: json(manifest) },
  ]);
}

async function ociArchive(index: unknown, extra: Member[] = []): Promise<Buffer> {
  return archiveOf([
    { path: 'oci-layout', content: json({ imageLayoutVersion: '1.0.0' }) },
    { path: 'index.json', content: json(index) },
    ...extra,
  ]);
}

describe('manifest.json that is JSON but not a manifest (item 6)', () => {
  it.each([
    ['[null]', [null]],
    ['[1]', [1]],
    ['["x"]', ['x']],
    ['Layers: [1, 2]', [{ Config: 'config.json', Layers: [1, 2] }]],
    ['Layers: [null]', [{ Config: 'config.json', Layers: [null] }]],
    ['Config: 5', [{ Config: 5, Layers: ['layer.tar'] }]],
    ['RepoTags: "x" with two images', [{ RepoTags: 'x' }, { RepoTags: [1] }]],
  ])('%s is a clear error', async (_name, manifest) => {
    expectUserLine(await failure(await dockerArchive(manifest)), /docker-archive:x\.tar/);
  });
});

describe('index.json whose entries are not descriptors (item 6)', () => {
  it.each([
    ['manifests: [null]', { manifests: [null] }],
    ['manifests: [1, "x"]', { manifests: [1, 'x'] }],
    ['manifests: [[]]', { manifests: [[]] }],
    ['a digest that is not a string', { manifests: [{ digest: 5 }] }],
    [
      'a media type that is not a string',
      { manifests: [{ mediaType: {}, digest: `sha256:${'a'.repeat(64)}` }] },
    ],
    ['null', null],
  ])('%s is a clear error', async (_name, index) => {
    expectUserLine(await failure(await ociArchive(index)), /index|image|manifest/);
  });

  it('a manifest whose layers are not descriptors is a clear error', async () => {
    const { blobs } = ociBlobs({ layers: [await layerTar([{ path: 'a', content: 'x' }])] });
    const config = [...blobs.values()][0]!;
    const manifest = json({ config: { digest: sha256(config) }, layers: [null, 1] });
    const index = { manifests: [{ digest: sha256(manifest) }] };
    const error = await failure(
      await ociArchive(index, [
        { path: `blobs/sha256/${sha256(manifest).slice(7)}`, content: manifest },
        { path: `blobs/sha256/${sha256(config).slice(7)}`, content: config },
      ]),
    );
    expectUserLine(error, /manifest blobs\/sha256\/\w+ in .* lists an entry that is not a descriptor object/);
  });
});

describe('bounds on what an archive makes us hold and say (item 8)', () => {
  const digest = (i: number) => `sha256:${i.toString(16).padStart(64, '0')}`;

  it('an index fanning out to 100,000 manifests is refused in one short line', async () => {
    const manifests = Array.from({ length: 100_000 }, (_, i) => ({ digest: digest(i) }));
    const error = await failure(await ociArchive({ manifests }));
    expectUserLine(error, /lists more than 1000 image manifests: copy only the image to analyze/);
  });

  it('several images name at most ten of them in the error line', async () => {
    const manifests = Array.from({ length: 500 }, (_, i) => ({
      digest: digest(i),
      annotations: { 'org.opencontainers.image.ref.name': `${'n'.repeat(5000)}${i}` },
    }));
    const error = await failure(await ociArchive({ manifests }));
    expectUserLine(error, /holds 500 images \(n+…; .*; and 490 more\) and image-guard reads one/);
  });

  it('indexes nested deeper than 4 are refused', async () => {
    const blobs: Member[] = [];
    let inner: unknown = { manifests: [{ digest: digest(1) }] };
    for (let level = 0; level < 6; level++) {
      const bytes = json(inner);
      blobs.push({ path: `blobs/sha256/${sha256(bytes).slice(7)}`, content: bytes });
      inner = {
        manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: sha256(bytes) }],
      };
    }
    expectUserLine(await failure(await ociArchive(inner, blobs)), /nests image indexes more than 4 deep/);
  });

  it('an index pointing 1,000 times at nested indexes is refused', async () => {
    const nested = json({ manifests: [{ digest: digest(1) }] });
    const entry = { mediaType: 'application/vnd.oci.image.index.v1+json', digest: sha256(nested) };
    const index = { manifests: Array.from({ length: 1000 }, () => entry) };
    const blobs = [{ path: `blobs/sha256/${sha256(nested).slice(7)}`, content: nested }];
    expectUserLine(await failure(await ociArchive(index, blobs)), /more than 100 image indexes/);
  });

  it('JSON members are held up to 64 MiB in all, not 15 MiB each times any number', async () => {
    const big = Buffer.alloc(15 * 1024 * 1024, 0x20);
    big[0] = 0x7b;
    big[big.length - 1] = 0x7d;
    const members = Array.from({ length: 5 }, (_, i) => ({ path: `blob${i}.json`, content: big }));
    const error = await failure(await archiveOf(members));
    expectUserLine(error, /holds more than 64 MiB of JSON members: it is not an image export/);
  }, 30_000);

  it('a manifest.json over 16 MiB is not held, and named in one line', async () => {
    const big = Buffer.alloc(17 * 1024 * 1024, 0x20);
    big[0] = 0x5b;
    big[big.length - 1] = 0x5d;
    const error = await failure(await archiveOf([{ path: 'manifest.json', content: big }]));
    expectUserLine(error, /manifest\.json/);
    expect(error.message).toMatch(/16 MiB/);
  }, 30_000);
});
