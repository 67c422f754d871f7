// analyzeRef with the cache, on a stand-in engine: a hit costs an inspect and nothing else.

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeRef } from '../../src/app/image-source.js';
import { AnalysisCache } from '../../src/cache/analysis-cache.js';
import type { EngineHistoryItem, EngineImage } from '../../src/engine/docker-engine.js';
import type { LayerTally } from '../../src/image/save-archive.js';
import { StandInEngine } from '../support/stand-in-engine.js';
import {
  dockerSaveArchive,
  type FixtureImage,
  imageConfig,
  layerTar,
  sha256,
} from '../support/tar-fixtures.js';

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
const jsonEntries = () => readdirSync(dir).filter((n) => n.endsWith('.json'));

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
    expect(jsonEntries()).toHaveLength(2);
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
    expect(jsonEntries()).toHaveLength(3);
  });

  it('reads again when the entry is corrupt, and repairs it', async () => {
    const e = await engine();
    const cache = new AnalysisCache(dir);
    const first = await analyzeRef('app:pr', { files: true, cache, engine: e });
    const [name] = jsonEntries();
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

/** An engine holding one image of these layers, its id the config digest as on the classic store. */
async function engineOf(layers: Buffer[], layout: 'legacy' | 'oci' = 'legacy'): Promise<StandInEngine> {
  const img: FixtureImage = { repoTag: 'app:pr', layers };
  const archive = await dockerSaveArchive(img, { layout });
  const image: EngineImage = {
    Id: sha256(imageConfig(img)),
    Size: 0,
    RootFS: { Layers: layers.map((l) => sha256(l)) },
  };
  const rows: EngineHistoryItem[] = layers
    .map((_, i) => ({
      Id: '<missing>',
      Created: i,
      CreatedBy: `/bin/sh -c step ${i}`,
      Size: 0,
      Comment: '',
    }))
    .reverse();
  return new StandInEngine(archive, image, rows, false, true);
}

describe('analyzeRef with the layer cache', () => {
  const tallied = async (e: StandInEngine, cache: AnalysisCache | null) => {
    let tally: LayerTally | undefined;
    const analysis = await analyzeRef('app:pr', {
      files: true,
      cache,
      engine: e,
      onTally: (t) => {
        tally = t;
      },
    });
    return { analysis, tally };
  };
  const layers = async () => [
    await layerTar([
      { path: 'bin/busybox', size: 1000 },
      { path: 'var/lib/dpkg/status', content: Buffer.from('Package: busybox\nVersion: 1.36.1-9\n\n') },
    ]),
    await layerTar([
      { path: 'bin/busybox', size: 300 },
      { path: 'app/id_rsa', content: Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\nxx\n') },
    ]),
    await layerTar([{ path: 'app/new', size: 20 }]),
    // the same tar length as the layer above, other bytes
    await layerTar([{ path: 'app/neW', size: 20 }]),
  ];

  it('reads only the layers it does not know, and the report is that of a full read', async () => {
    const [l0, l1, l2, l3] = await layers();
    const cache = new AnalysisCache(dir);
    await tallied(await engineOf([l0!, l1!]), cache);
    for (const [head, read, skipped] of [
      [[l0!, l1!, l2!], 1, 2], // a new top layer: the members of the layers below keep their names
      [[l3!, l0!, l1!, l2!], 1, 3], // every layer moved: members found by their size and hash
    ] as const) {
      const e = await engineOf([...head]);
      const { analysis, tally } = await tallied(e, cache);
      expect(e.calls.filter((c) => c.startsWith('export'))).toHaveLength(1);
      expect(tally).toMatchObject({ readLayers: read, skippedLayers: skipped });
      const cold = await analyzeRef('app:pr', {
        files: true,
        cache: null,
        engine: await engineOf([...head]),
      });
      expect(analysis).toEqual(cold);
      expect(analysis.image.packages?.length).toBeGreaterThan(0);
      expect(analysis.findings.some((f) => f.rule === 'IG104')).toBe(true);
    }
  });

  it('a large member taken for a known layer by its size, but another, has the image read again', async () => {
    const big = 17 * 1024 * 1024;
    const a = await layerTar([{ path: 'data/a.bin', size: big }]);
    const b = await layerTar([{ path: 'data/b.bin', size: big }]);
    expect(a.length).toBe(b.length);
    const cache = new AnalysisCache(dir);
    await tallied(await engineOf([a]), cache);
    // `b`, first in the export, has a's size: hashed, it is not `a`, too large to have been kept: read again
    const e = await engineOf([b, a]);
    const { analysis, tally } = await tallied(e, cache);
    expect(e.calls.filter((c) => c.startsWith('export'))).toHaveLength(2);
    expect(tally).toMatchObject({ readLayers: 2, skippedLayers: 0 });
    const cold = await analyzeRef('app:pr', { files: true, cache: null, engine: await engineOf([b, a]) });
    expect(analysis).toEqual(cold);
  });

  it('an image whose layers and config are all known is not exported at all', async () => {
    const [l0, l1] = await layers();
    const cache = new AnalysisCache(dir);
    const first = await tallied(await engineOf([l0!, l1!], 'oci'), cache);
    for (const name of jsonEntries()) rmSync(join(dir, name));
    const e = await engineOf([l0!, l1!], 'oci');
    const again = await tallied(e, cache);
    expect(e.calls.some((c) => c.startsWith('export'))).toBe(false);
    expect(again.tally).toMatchObject({ readLayers: 0, skippedLayers: 2 });
    expect(again.analysis).toEqual(first.analysis);
  });

  it('null: the layer cache is off, every layer is read', async () => {
    const [l0, l1, l2] = await layers();
    const cache = new AnalysisCache(dir);
    await analyzeRef('app:pr', { files: true, cache, layerCache: null, engine: await engineOf([l0!, l1!]) });
    const { tally } = await (async () => {
      let t: LayerTally | undefined;
      await analyzeRef('app:pr', {
        files: true,
        cache,
        engine: await engineOf([l0!, l1!, l2!]),
        onTally: (x) => {
          t = x;
        },
      });
      return { tally: t };
    })();
    expect(tally).toMatchObject({ readLayers: 3, skippedLayers: 0 });
  });
});
