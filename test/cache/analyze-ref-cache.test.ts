// analyzeRef with the cache, on a stand-in engine: a hit costs an inspect and nothing else.

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeRef } from '../../src/app/image-source.js';
import { AnalysisCache } from '../../src/cache/analysis-cache.js';
import type { EngineHistoryItem, EngineImage } from '../../src/engine/docker-engine.js';
import { StandInEngine } from '../support/stand-in-engine.js';
import { dockerSaveArchive, type FixtureImage, layerTar, sha256 } from '../support/tar-fixtures.js';

async function engine(present = true): Promise<StandInEngine> {
  const img: FixtureImage = {
    repoTag: 'app:pr',
    layers: [
      await layerTar([{ path: 'bin/busybox', size: 1000 }]),
      await layerTar([
        { path: 'bin/busybox', size: 300 },
        { path: 'app/id_rsa', content: Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\nxx\n') },
      ]),
    ],
    history: [{ created_by: 'ADD rootfs /' }, { created_by: 'RUN /bin/sh -c make # buildkit' }],
  };
  const archive = await dockerSaveArchive(img, { layout: 'legacy' });
  const image: EngineImage = {
    Id: 'sha256:feed',
    Size: 1340,
    RootFS: { Layers: img.layers.map((l) => sha256(l)) },
  };
  const rows: EngineHistoryItem[] = [
    { Id: 'sha256:feed', Created: 1, CreatedBy: 'RUN /bin/sh -c make # buildkit', Size: 340, Comment: '' },
    { Id: '<missing>', Created: 0, CreatedBy: 'ADD rootfs /', Size: 1000, Comment: '' },
  ];
  return new StandInEngine(archive, image, rows, false, present);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ig-cache-ref-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('analyzeRef with a cache', () => {
  it('exports once; the second analysis is the same and costs an inspect only', async () => {
    const e = await engine();
    const cache = new AnalysisCache(dir);
    const first = await analyzeRef('app:pr', { files: true, cache, engine: e });
    expect(first.image.files?.wastedBytes).toBe(1000);
    expect(first.findings.length).toBeGreaterThan(0);
    expect(e.calls.filter((c) => c.startsWith('export'))).toHaveLength(1);
    e.calls = [];
    const second = await analyzeRef('app:pr', { files: true, cache, engine: e });
    expect(e.calls).toEqual(['inspect app:pr']);
    expect(second).toEqual(first);
    // Another name for the same image: the same analysis, under that name.
    const byId = await analyzeRef('sha256:feed', { files: true, cache, engine: e });
    expect(byId).toEqual({ ...first, image: { ...first.image, ref: 'sha256:feed' } });
  });

  it('keeps analyses with and without files apart', async () => {
    const e = await engine();
    const cache = new AnalysisCache(dir);
    const withFiles = await analyzeRef('app:pr', { files: true, cache, engine: e });
    const without = await analyzeRef('app:pr', { files: false, cache, engine: e });
    expect(without.image.files).toBeNull();
    expect(withFiles.image.files).not.toBeNull();
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('misses when the image id or a layer changed', async () => {
    const e = await engine();
    const cache = new AnalysisCache(dir);
    await analyzeRef('app:pr', { files: false, cache, engine: e });
    e.image = { ...e.image, Id: 'sha256:beef' };
    e.calls = [];
    await analyzeRef('app:pr', { files: false, cache, engine: e });
    expect(e.calls).toEqual(['inspect app:pr', 'inspect app:pr', 'history sha256:beef']);
    e.image = { ...e.image, RootFS: { Layers: [...(e.image.RootFS?.Layers ?? []), 'sha256:extra'] } };
    e.calls = [];
    await analyzeRef('app:pr', { files: false, cache, engine: e });
    expect(e.calls).toEqual(['inspect app:pr', 'inspect app:pr', 'history sha256:beef']);
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('reads again when the entry is corrupt, and repairs it', async () => {
    const e = await engine();
    const cache = new AnalysisCache(dir);
    const first = await analyzeRef('app:pr', { files: true, cache, engine: e });
    const [name] = readdirSync(dir);
    writeFileSync(join(dir, name!), '{"format":1,');
    e.calls = [];
    expect(await analyzeRef('app:pr', { files: true, cache, engine: e })).toEqual(first);
    expect(e.calls).toContain('export sha256:feed');
    e.calls = [];
    await analyzeRef('app:pr', { files: true, cache, engine: e });
    expect(e.calls).toEqual(['inspect app:pr']);
  });

  it('stores an image it had to pull, under the key the next inspect finds', async () => {
    const e = await engine(false);
    const cache = new AnalysisCache(dir);
    await analyzeRef('app:pr', { files: false, cache, engine: e });
    expect(e.calls).toContain('pull app:pr');
    e.calls = [];
    await analyzeRef('app:pr', { files: false, cache, engine: e });
    expect(e.calls).toEqual(['inspect app:pr']);
  });

  it('null: no cache, every analysis reads', async () => {
    const e = await engine();
    await analyzeRef('app:pr', { files: true, cache: null, engine: e });
    await analyzeRef('app:pr', { files: true, cache: null, engine: e });
    expect(e.calls.filter((c) => c.startsWith('export'))).toHaveLength(2);
  });
});
