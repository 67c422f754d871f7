// Layers an engine export hands over are offered to the other side of the run (a registry: image with layers
// in common), and withdrawn when the export fails, so that the other side reads them itself.
import { describe, expect, it } from 'vitest';
import { analyzeRef } from '../../src/app/image-source.js';
import type { EngineImage } from '../../src/engine/docker-engine.js';
import type { LayerSummary } from '../../src/image/model.js';
import { StandInEngine } from '../support/stand-in-engine.js';
import { dockerSaveArchive, type FixtureImage, layerTar, sha256 } from '../support/tar-fixtures.js';

async function engine(archive?: Buffer): Promise<{ e: StandInEngine; diffIds: string[] }> {
  const img: FixtureImage = {
    repoTag: 'app:pr',
    layers: [
      await layerTar([{ path: 'bin/busybox', size: 1000 }]),
      await layerTar([{ path: 'app/main.py', content: 'print(1)\n' }]),
    ],
  };
  const diffIds = img.layers.map((l) => sha256(l));
  const image: EngineImage = { Id: 'sha256:feed', Size: 1009, RootFS: { Layers: diffIds } };
  const rows = [
    { Id: 'sha256:feed', Created: 1, CreatedBy: 'step 1', Size: 9, Comment: '' },
    { Id: '<missing>', Created: 0, CreatedBy: 'step 0', Size: 1000, Comment: '' },
  ];
  const e = new StandInEngine(archive ?? (await dockerSaveArchive(img, { layout: 'legacy' })), image, rows);
  return { e, diffIds };
}

describe('analyzeRef offers the layers of an engine export to the rest of the run', () => {
  it('each layer the export yields, as its summary; one the other side already reads is left to it', async () => {
    const { e, diffIds } = await engine();
    const theirs = Promise.resolve({ entries: [], whiteouts: [], opaqueDirs: [], size: 7 } as LayerSummary);
    const shared = new Map([[diffIds[0]!, theirs]]);
    await analyzeRef('app:pr', { files: true, cache: null, engine: e, shared });
    expect(shared.get(diffIds[0]!)).toBe(theirs);
    const mine = await shared.get(diffIds[1]!);
    expect(mine?.entries.map((x) => x.path)).toEqual(['app/main.py']);
  });

  it('an export that fails withdraws its offers', async () => {
    const { e, diffIds } = await engine(Buffer.from('not a tar at all, and far too short'));
    const shared = new Map<string, Promise<LayerSummary>>();
    const offered: Promise<LayerSummary>[] = [];
    const set = shared.set.bind(shared);
    shared.set = (k, v) => {
      offered.push(v);
      return set(k, v);
    };
    await expect(analyzeRef('app:pr', { files: true, cache: null, engine: e, shared })).rejects.toThrow();
    expect(offered).toHaveLength(diffIds.length);
    for (const p of offered) await expect(p).rejects.toThrow('withdrawn');
    expect(shared.size).toBe(0);
  });

  it('without files nothing is offered (the summaries would have no files)', async () => {
    const { e } = await engine();
    const shared = new Map<string, Promise<LayerSummary>>();
    await analyzeRef('app:pr', { files: false, cache: null, engine: e, shared });
    expect(shared.size).toBe(0);
  });
});
