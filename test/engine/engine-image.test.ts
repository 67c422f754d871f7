// readEngineImage against a stand-in engine: which path reads what, on the classic and the containerd store.

import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import type { EngineHistoryItem, EngineImage } from '../../src/engine/docker-engine.js';
import { readEngineImage } from '../../src/engine/engine-image.js';
import { StandInEngine } from '../support/stand-in-engine.js';
import { dockerSaveArchive, type FixtureImage, layerTar, sha256 } from '../support/tar-fixtures.js';

async function fixture(): Promise<FixtureImage> {
  return {
    repoTag: 'app:pr',
    layers: [
      await layerTar([
        { path: 'bin/busybox', size: 1000 },
        { path: 'bin/sh', type: 'symlink', target: 'busybox' },
      ]),
      await layerTar([
        { path: 'app/x', size: 500 },
        { path: 'app/l', type: 'symlink', target: 'x' },
      ]),
    ],
    history: [
      { created_by: '', comment: 'Imported from -' },
      { created_by: 'ENV A=1', empty_layer: true, comment: 'buildkit.dockerfile.v0' },
      { created_by: 'RUN /bin/sh -c make # buildkit', comment: 'buildkit.dockerfile.v0' },
    ],
  };
}

async function engine(opts: { containerd: boolean; present?: boolean }) {
  const img = await fixture();
  const archive = await dockerSaveArchive(img, { layout: 'legacy' });
  const image: EngineImage = {
    Id: 'sha256:feed',
    Size: 1507,
    RootFS: { Layers: img.layers.map((l) => sha256(l)) },
  };
  // What a classic store reports for a BuildKit-committed layer: file bytes only (500, not 501).
  const rows: EngineHistoryItem[] = [
    {
      Id: 'sha256:feed',
      Created: 2,
      CreatedBy: 'RUN /bin/sh -c make # buildkit',
      Size: 500,
      Comment: 'buildkit.dockerfile.v0',
    },
    { Id: '<missing>', Created: 1, CreatedBy: 'ENV A=1', Size: 0, Comment: 'buildkit.dockerfile.v0' },
    { Id: '<missing>', Created: 0, CreatedBy: '', Size: 1007, Comment: 'Imported from -' },
  ];
  return new StandInEngine(archive, image, rows, opts.containerd, opts.present ?? true);
}

describe('readEngineImage', () => {
  it('classic store without files: inspect and history only', async () => {
    const e = await engine({ containerd: false });
    const data = await readEngineImage('app:pr', { files: false, pull: false, engine: e });
    expect(e.calls).toEqual(['inspect app:pr', 'history sha256:feed']);
    expect(data).toMatchObject({ ref: 'app:pr', id: 'sha256:feed', layers: null, layerSizes: [1007, 500] });
    expect(data.config.history.map((h) => h.emptyLayer)).toEqual([false, true, false]);
  });

  it('classic store with files: the export for contents, the engine history for sizes', async () => {
    const e = await engine({ containerd: false });
    const progress: number[] = [];
    const data = await readEngineImage('app:pr', {
      files: true,
      pull: false,
      engine: e,
      onProgress: (bytes, total) => {
        progress.push(bytes);
        expect(total).toBe(1507);
      },
    });
    expect(e.calls).toEqual(['inspect app:pr', 'export sha256:feed', 'history sha256:feed']);
    expect(data.layerSizes).toEqual([1007, 500]);
    expect(data.layers!.map((l) => l.size)).toEqual([1007, 501]);
    expect(data.id).toBe('sha256:feed');
    expect(progress.length).toBeGreaterThan(1);
  });

  it('containerd store: the export is read for sizes even without files', async () => {
    const e = await engine({ containerd: true });
    const data = await readEngineImage('app:pr', { files: false, pull: false, engine: e });
    expect(e.calls).toEqual(['inspect app:pr', 'export sha256:feed']);
    expect(data.layers).toBeNull();
    expect(data.layerSizes).toEqual([1007, 501]);
  });

  it('pulls a missing image only when asked', async () => {
    const e = await engine({ containerd: false, present: false });
    await expect(readEngineImage('app:pr', { files: false, pull: false, engine: e })).rejects.toThrow(
      new UserError(
        'image app:pr not found in the Docker engine at unix:///fake.sock: build or pull it first',
      ),
    );
    const data = await readEngineImage('app:pr', { files: false, pull: true, engine: e });
    expect(e.calls).toEqual([
      'inspect app:pr',
      'inspect app:pr',
      'pull app:pr',
      'inspect app:pr',
      'history sha256:feed',
    ]);
    expect(data.layerSizes).toEqual([1007, 500]);
  });
});
