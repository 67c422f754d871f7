import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { isArchiveRef, parseArchiveRef, readArchiveRef } from '../../src/image/archive-ref.js';
import {
  dockerSaveArchive,
  type FixtureImage,
  imageConfig,
  layerTar,
  ociLayout,
  sha256,
  writeOciDir,
} from '../support/tar-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ig-archive-ref-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function image(): Promise<FixtureImage> {
  return {
    repoTag: 'app:pr',
    layers: [
      await layerTar([
        { path: 'bin/busybox', size: 3000 },
        { path: 'bin/ls', type: 'symlink', target: 'busybox' },
      ]),
      await layerTar([{ path: 'srv/data', size: 12_345 }, { path: 'bin/.wh.ls' }]),
    ],
  };
}

const SIZES = [3007, 12_345];

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('readArchiveRef', () => {
  it('parses the archive forms and leaves engine refs alone', () => {
    expect(parseArchiveRef('docker-archive:/tmp/a.tar')).toEqual({
      kind: 'docker-archive',
      path: '/tmp/a.tar',
    });
    expect(parseArchiveRef('oci-archive:b.tar')).toEqual({ kind: 'oci-archive', path: 'b.tar' });
    expect(parseArchiveRef('oci:dir')).toEqual({ kind: 'oci', path: 'dir' });
    expect(isArchiveRef('app:pr')).toBe(false);
    expect(isArchiveRef('localhost:5000/app:1')).toBe(false);
  });

  it('reads docker-archive:, oci-archive: (gzip, zstd) and oci: to the same summaries', async () => {
    const img = await image();
    writeFileSync(join(dir, 'legacy.tar'), await dockerSaveArchive(img, { layout: 'legacy' }));
    writeFileSync(
      join(dir, 'oci-save.tar'),
      await dockerSaveArchive(img, { layout: 'oci', order: 'reversed' }),
    );
    writeFileSync(join(dir, 'gz.tar'), await ociLayout(img, { compress: 'gzip' }));
    writeFileSync(join(dir, 'zst.tar'), await ociLayout(img, { compress: 'zstd' }));
    writeOciDir(join(dir, 'layout'), img, { compress: 'zstd' });
    const specs = [
      `docker-archive:${dir}/legacy.tar`,
      `docker-archive:${dir}/oci-save.tar`,
      `oci-archive:${dir}/gz.tar`,
      `oci-archive:${dir}/zst.tar`,
      `oci:${dir}/layout`,
    ];
    const results = [];
    for (const spec of specs) {
      const data = await readArchiveRef(spec, { files: true });
      expect(data.ref).toBe(spec);
      expect(data.id).toBe(sha256(imageConfig(img)));
      expect(data.layerSizes).toEqual(SIZES);
      results.push(data.layers);
      const noFiles = await readArchiveRef(spec, { files: false });
      expect(noFiles.layers).toBeNull();
      expect(noFiles.layerSizes).toEqual(SIZES);
    }
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]![1]!.whiteouts).toEqual(['bin/ls']);
  });

  it('picks one image by a trailing :NAME', async () => {
    const img = await image();
    writeFileSync(join(dir, 'named.tar'), await ociLayout(img, { refName: 'v1' }));
    const data = await readArchiveRef(`oci-archive:${dir}/named.tar:v1`, { files: false });
    expect(data.layerSizes).toEqual(SIZES);
  });

  it('says what is missing', async () => {
    expect(await rejection(readArchiveRef(`docker-archive:${dir}/nope.tar`, { files: true }))).toBe(
      `no such file: ${dir}/nope.tar (from docker-archive:${dir}/nope.tar); check the path`,
    );
    expect(await rejection(readArchiveRef(`oci:${dir}/nowhere`, { files: true }))).toMatch(/^no such folder/);
    expect(await rejection(readArchiveRef(`oci:${dir}/legacy.tar`, { files: true }))).toMatch(
      /is not a folder/,
    );
    expect(await rejection(readArchiveRef(`oci-archive:${dir}`, { files: true }))).toMatch(/is a folder/);
    expect(await rejection(readArchiveRef(`oci:${dir}`, { files: true }))).toMatch(/has no index.json/);
  });

  it('says which blob of an oci: folder is missing', async () => {
    const img = await image();
    const layout = join(dir, 'broken');
    writeOciDir(layout, img);
    rmSync(join(layout, 'blobs', 'sha256', sha256(img.layers[1]!).slice(7)));
    expect(await rejection(readArchiveRef(`oci:${layout}`, { files: true }))).toMatch(
      /lacks the layer blobs\/sha256\/[0-9a-f]{64} its manifest points at/,
    );
  });
});
