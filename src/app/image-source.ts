// Where an <IMAGE> argument is read from: an archive or a registry (no engine needed) or the engine, and the one
// place analyses are cached. An engine image is looked up by `docker image inspect` alone (id and layer
// diffIds), so a hit costs no export; a registry image by its manifest and config (two small requests), so a
// hit downloads no layer; archives are read every time (reading a file is what the cache would save).

import { analyzeImage, type ImageAnalysis } from '../analysis/analyze.js';
import { AnalysisCache, cacheDir, cacheKey } from '../cache/analysis-cache.js';
import { codeFingerprint } from '../cache/code-fingerprint.js';
import { registrySource } from '../core/image-ref.js';
import { VERSION } from '../core/version.js';
import { connectEngine, type DockerEngine } from '../engine/docker-engine.js';
import { readEngineImage } from '../engine/engine-image.js';
import { isArchiveRef, readArchiveRef } from '../image/archive-ref.js';
import type { ImageData, LayerSummary } from '../image/model.js';
import type { Platform } from '../registry/registry-client.js';
import type { SharedLayers } from '../registry/registry-image.js';

export async function loadImage(
  ref: string,
  options: {
    files: boolean;
    count?: boolean;
    onProgress?: (bytesRead: number, total: number) => void;
    engine?: DockerEngine;
    engineTimeout?: number | null;
  },
): Promise<ImageData> {
  if (isArchiveRef(ref)) return readArchiveRef(ref, options);
  return readEngineImage(ref, {
    files: options.files,
    count: options.count,
    pull: true,
    onProgress: options.onProgress,
    engine: options.engine,
    engineTimeout: options.engineTimeout,
  });
}

export interface AnalyzeRefOptions {
  files: boolean;
  /**
   * Compressed sizes (pull size and time) counted on the layers as they are read: gzip 6 and zstd 3 of every
   * compressible byte of a plain layer, the CPU-bound part of an analysis (a compressed layer weighs its own
   * bytes). Default true; false: `--no-pull-size`.
   */
  pullSize?: boolean;
  onProgress?: (bytesRead: number, total: number) => void;
  /**
   * The analysis cache; by default the folder of `cacheDir()` (off with `IMAGE_GUARD_CACHE_DIR=off`). null
   * turns it off for this call.
   */
  cache?: AnalysisCache | null;
  /** The engine to use; connectEngine() by default. */
  engine?: DockerEngine;
  /** The `engine-timeout` setting the engine is connected with (null or absent: not set). */
  engineTimeout?: number | null;
  /** `registry:` images: the platform to read from an index (`os/arch[/variant]`); default the runner's. */
  platform?: string | null;
  /** `registry:` images: where credentials are looked up (DOCKER_CONFIG, GITHUB_TOKEN); default process.env. */
  registryEnv?: NodeJS.ProcessEnv;
  /** `registry:` images: layers already read (or being read) in this run, shared between base and head. */
  shared?: SharedLayers;
  /** What is worth saying about an image that is not an error; default a line on stderr. */
  onNote?: (note: string) => void;
}

/** Reads and analyzes one image: what the CLI and the Action call for base and head alike. */
export async function analyzeRef(ref: string, options: AnalyzeRefOptions): Promise<ImageAnalysis> {
  const cache = options.cache === undefined ? defaultCache() : options.cache;
  const load = { ...options, count: options.pullSize !== false };
  const remote = registrySource(ref);
  if (remote !== null) return analyzeRegistryRef(ref, remote, options, cache);
  if (isArchiveRef(ref) || (!cache && !(options.shared && options.files)))
    return analyzeImage(await loadImage(ref, load));

  const engine = options.engine ?? connectEngine(process.env, options.engineTimeout ?? null);
  const code = cacheCode();
  const keyOf = (id: string, diffIds: readonly string[]) =>
    cacheKey({ id, diffIds, code, files: options.files, count: load.count });
  // Not found locally: readEngineImage pulls it (or says it is missing), and the result is stored after.
  const found = await engine.inspect(ref);
  const key = found && cache ? keyOf(found.Id, found.RootFS?.Layers ?? []) : undefined;
  if (key && cache) {
    const hit = await cache.get(key, ref);
    if (hit) return hit;
  }
  const offered = offerLayers(options, found?.RootFS?.Layers ?? []);
  let data: ImageData;
  try {
    data = await loadImage(ref, { ...load, engine });
  } catch (error) {
    offered?.settle(null);
    throw error;
  }
  offered?.settle(data);
  const analysis = analyzeImage(data);
  await cache?.put(
    key ??
      keyOf(
        analysis.image.id,
        analysis.image.layers.flatMap((l) => l.diffId ?? []),
      ),
    analysis,
  );
  return analysis;
}

/**
 * The layers an engine export is about to hand over, offered to the other side of the run (a `registry:`
 * image with layers in common reads them from here instead of downloading them). Settled when the export is
 * read: a layer it did not yield (or a failed read) is withdrawn, and the other side reads it itself.
 */
function offerLayers(
  options: AnalyzeRefOptions,
  diffIds: readonly string[],
): { settle(data: ImageData | null): void } | null {
  const shared = options.shared;
  if (!shared || !options.files || diffIds.length === 0) return null;
  const offered = new Map<
    string,
    { promise: Promise<LayerSummary>; resolve(s: LayerSummary): void; reject(): void }
  >();
  for (const diffId of new Set(diffIds)) {
    if (shared.has(diffId)) continue;
    let resolve!: (s: LayerSummary) => void;
    let reject!: () => void;
    const promise = new Promise<LayerSummary>((ok, fail) => {
      resolve = ok;
      reject = () => fail(new Error('withdrawn'));
    });
    promise.catch(() => undefined);
    shared.set(diffId, promise);
    offered.set(diffId, { promise, resolve, reject });
  }
  return {
    settle(data) {
      for (const [diffId, offer] of offered) {
        const summary = data?.layers?.[data.config.diffIds.indexOf(diffId)];
        if (summary) offer.resolve(summary);
        else {
          if (shared.get(diffId) === offer.promise) shared.delete(diffId);
          offer.reject();
        }
      }
    },
  };
}

/**
 * A `registry:` image: resolved first (manifest and config), so that a cached analysis costs no layer; its
 * compressed sizes are the manifest's, exact, whether the analysis was read or cached.
 */
async function analyzeRegistryRef(
  ref: string,
  remote: string,
  options: AnalyzeRefOptions,
  cache: AnalysisCache | null,
): Promise<ImageAnalysis> {
  const { openRegistryImage } = await import('../registry/registry-image.js');
  const image = await openRegistryImage(remote, {
    ...(options.platform ? { platform: platformOf(options.platform) } : {}),
    ...(options.registryEnv ? { env: options.registryEnv } : {}),
  });
  const withSizes = (analysis: ImageAnalysis): ImageAnalysis => ({
    ...analysis,
    image: { ...analysis.image, compressed: image.compressed },
  });
  // The pull size comes from the manifest: nothing is counted while the layers stream past.
  const key = cache
    ? cacheKey({
        id: image.configDigest,
        diffIds: image.config.diffIds,
        code: cacheCode(),
        files: options.files,
        count: false,
      })
    : undefined;
  if (cache && key) {
    const hit = await cache.get(key, ref);
    if (hit) return withSizes(hit);
  }
  const data = await image.read(ref, {
    files: options.files,
    onProgress: options.onProgress,
    onNote: options.onNote ?? ((note) => process.stderr.write(`image-guard: note: ${note}\n`)),
    ...(options.shared ? { shared: options.shared } : {}),
  });
  const analysis = withSizes(analyzeImage(data));
  if (cache && key) await cache.put(key, analysis);
  return analysis;
}

function platformOf(text: string): Platform {
  const [os, architecture, variant] = text.split('/');
  return { os: os!, architecture: architecture!, ...(variant ? { variant } : {}) };
}

/** The cache at `cacheDir()`, when on. From TypeScript sources only when a folder is named explicitly. */
function defaultCache(env: NodeJS.ProcessEnv = process.env): AnalysisCache | null {
  const dir = cacheDir(env);
  if (!dir) return null;
  if (codeFingerprint() === null && !env.IMAGE_GUARD_CACHE_DIR) return null;
  return new AnalysisCache(dir);
}

function cacheCode(): string {
  return codeFingerprint() ?? `${VERSION}+sources`;
}
