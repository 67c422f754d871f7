// The layer cache against the real engines and the test registry: an image read from cached layers (all of them,
// or all but a new top layer) gives exactly the analysis a cold full read gives (sizes, waste, file index,
// packages, explore data, findings), with fewer layers read: none exported when all are known, no blob fetched.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageAnalysis } from '../../src/analysis/analyze.js';
import { analyzeRef } from '../../src/app/image-source.js';
import { AnalysisCache } from '../../src/cache/analysis-cache.js';
import { LayerCache } from '../../src/cache/layer-cache.js';
import { connectEngine, type DockerEngine } from '../../src/engine/docker-engine.js';
import type { LayerTally } from '../../src/image/save-archive.js';
import {
  BUSYBOX,
  build,
  docker,
  ENGINE,
  engineAvailable,
  REGISTRY,
  removeImages,
} from '../support/engine.js';

const registryUp = await fetch(`http://${REGISTRY}/v2/`, { signal: AbortSignal.timeout(2000) }).then(
  (r) => r.ok,
  () => false,
);

/** The real engine, counting its exports. */
function countingEngine(): DockerEngine & { exports: number } {
  const real = connectEngine();
  const counted = {
    address: real.address,
    exports: 0,
    inspect: (ref: string) => real.inspect(ref),
    history: (ref: string) => real.history(ref),
    pull: (ref: string) => real.pull(ref),
    isContainerdStore: () => real.isContainerdStore(),
    exportImage: (ref: string) => {
      counted.exports++;
      return real.exportImage(ref);
    },
  };
  return counted;
}

// A dpkg database (packages), a private key (a finding), an overwrite and a deletion (waste, whiteouts), links.
const BASE = `FROM ${BUSYBOX}
RUN mkdir -p /var/lib/dpkg /app && printf 'Package: demo\\nStatus: install ok installed\\nVersion: 1.2-3\\nArchitecture: amd64\\n\\n' > /var/lib/dpkg/status && seq 1 20000 > /app/numbers.txt && head -c 50000 /dev/urandom > /app/old.bin
RUN printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\\nxx\\n' > /app/id_rsa && rm /app/old.bin && ln -s /app/numbers.txt /app/link && seq 1 100 > /app/numbers.txt
`;
const HEAD = (base: string) => `FROM ${base}\nRUN seq 1 500 > /app/numbers.txt && echo new > /app/new.txt\n`;

describe.skipIf(!engineAvailable)('layer cache: cached layers give the report of a cold read', () => {
  const run = `${ENGINE.name}-${process.pid}-${Date.now().toString(36)}`;
  const base = `image-guard-layer-cache/base:${run}`;
  const head = `image-guard-layer-cache/head:${run}`;
  const remoteBase = `${REGISTRY}/image-guard-layer-cache/base:${run}`;
  const remoteHead = `${REGISTRY}/image-guard-layer-cache/head:${run}`;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ig-layer-cache-itg-'));
    await build(base, BASE, 'buildkit');
    await build(head, HEAD(base), 'buildkit');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await removeImages(head, base, remoteHead, remoteBase);
  });

  /** One analysis with the caches of folder `name` (a fresh analysis cache each time: only layers are reused). */
  async function cached(
    ref: string,
    name: string,
    engine: DockerEngine,
  ): Promise<{ analysis: ImageAnalysis; tally: LayerTally | undefined }> {
    let tally: LayerTally | undefined;
    const analysis = await analyzeRef(ref, {
      files: true,
      cache: new AnalysisCache(mkdtempSync(join(dir, 'analysis-'))),
      layerCache: new LayerCache(join(dir, name)),
      engine,
      onTally: (t) => {
        tally = t;
      },
    });
    return { analysis, tally };
  }
  const cold = (ref: string) =>
    analyzeRef(ref, { files: true, cache: null, layerCache: null, engine: connectEngine() });

  it('engine images: a head that changes only the top layer reads that layer; all cached, no export', async () => {
    const engine = countingEngine();
    const first = await cached(base, 'engine', engine);
    const baseLayers = first.analysis.image.layers.length;
    expect(first.tally).toMatchObject({ readLayers: baseLayers, skippedLayers: 0 });

    const some = await cached(head, 'engine', engine);
    expect(engine.exports).toBe(2);
    expect(some.tally).toMatchObject({ readLayers: 1, skippedLayers: baseLayers });
    expect(some.tally!.skippedBytes).toBeGreaterThan(100_000);
    const expected = await cold(head);
    expect(some.analysis).toEqual(expected);
    // the report has something to agree on
    expect(expected.image.packages?.map((p) => p.name)).toContain('demo');
    expect(expected.findings.some((f) => f.rule === 'IG104')).toBe(true);
    expect(expected.image.files!.wastedBytes).toBeGreaterThan(50_000);

    const all = await cached(head, 'engine', engine);
    expect(engine.exports).toBe(2);
    expect(all.tally).toMatchObject({ readLayers: 0, skippedLayers: baseLayers + 1 });
    expect(all.analysis).toEqual(expected);
    // and the base, all of its layers known, is its cold self
    const baseAgain = await cached(base, 'engine', engine);
    expect(engine.exports).toBe(2);
    expect(baseAgain.analysis).toEqual(await cold(base));
  });

  it.skipIf(!registryUp)(
    'registry images: cached blobs are not fetched, and the report is the same',
    async () => {
      await docker(['tag', base, remoteBase]);
      await docker(['tag', head, remoteHead]);
      await docker(['push', remoteBase]);
      await docker(['push', remoteHead]);
      const engine = countingEngine();
      const first = await cached(`registry:${remoteBase}`, 'registry', engine);
      const baseLayers = first.analysis.image.layers.length;
      expect(first.tally).toMatchObject({ readLayers: baseLayers, skippedLayers: 0 });

      const some = await cached(`registry:${remoteHead}`, 'registry', engine);
      expect(some.tally).toMatchObject({ readLayers: 1, skippedLayers: baseLayers });
      const expected = await cold(`registry:${remoteHead}`);
      expect(some.analysis).toEqual(expected);
      expect(expected.image.packages?.map((p) => p.name)).toContain('demo');

      const all = await cached(`registry:${remoteHead}`, 'registry', engine);
      expect(all.tally).toMatchObject({ readLayers: 0, readBytes: 0, skippedLayers: baseLayers + 1 });
      expect(all.analysis).toEqual(expected);
      expect(engine.exports).toBe(0);
    },
  );
});
