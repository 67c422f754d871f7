// An image read straight from its registry, with no engine: the manifest for the platform (picked from an
// index), the config blob, then each layer blob streamed through the same layer reader as an archive's
// (src/image/layer-summary.ts), its digest checked as it is read. What `docker pull` + `docker save` would hand
// over, without unpacking or re-packing anything: the compressed blobs are read once, as they arrive.
// Foreign (non-distributable) layers, which registries do not serve, are reported and read as empty.

import { UserError } from '../core/errors.js';
import type { CompressedSize } from '../core/report.js';
import { configDigest, parseImageConfig } from '../image/image-config.js';
import { summarizeLayer } from '../image/layer-summary.js';
import type { ImageConfigInfo, ImageData, LayerSummary } from '../image/model.js';
import { fromSummaries, type LayerStore, type LayerTally } from '../image/save-archive.js';
import {
  compressedFromManifest,
  type Descriptor,
  type Platform,
  parseReference,
  RegistryError,
  resolveImage,
  runnerPlatform,
  Session,
} from './registry-client.js';

export interface RegistryImageOptions {
  /** Default: the runner's own. */
  platform?: Platform;
  /** Where the docker CLI's config (DOCKER_CONFIG) and GITHUB_TOKEN are read; default process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * Per request: until the answer's head, and the longest silence while a blob streams (then it is resumed).
   * Default IMAGE_GUARD_REGISTRY_TIMEOUT seconds, else 60 s.
   */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface ReadLayersOptions {
  files: boolean;
  /** Bytes of layer blobs read so far, of the total the manifest lists. */
  onProgress?: (bytesRead: number, total: number) => void;
  /** What a reader says about the image that is not an error (a foreign layer left out). */
  onNote?: (note: string) => void;
  /**
   * Layers shared within one run (head and base, both read with the same `files`): a layer with the same diffId
   * is read once, by whichever side asks first, and its summary handed to the other.
   */
  shared?: SharedLayers;
  /** Layer blobs read at the same time; default 2. */
  concurrency?: number;
  /** Layers analyzed before (the layer cache, without compressed sizes): their blobs are not fetched. */
  store?: LayerStore;
  /** Bytes of layer blobs read and skipped, once known. */
  onTally?: (tally: LayerTally) => void;
  /** Writes to the store still running when the image is returned: the caller awaits them before it ends. */
  writes?: Promise<unknown>[];
}

/** diffId → the summary being read (or read), for one run. */
export type SharedLayers = Map<string, Promise<LayerSummary>>;

/** The image a registry reference names, resolved (two small requests), its layers not yet read. */
export interface RegistryImage {
  /** `sha256:` digest of the config: the image ID on the classic store. */
  configDigest: string;
  /** The manifest's digest (the image ID on the containerd store), and the index's when the tag names one. */
  manifestDigest: string | null;
  indexDigest?: string;
  config: ImageConfigInfo;
  /** Exact compressed sizes, from the manifest: what a pull transfers. */
  compressed: CompressedSize;
  /** Reads every layer blob; `ref` is how the image is named in ImageData and messages. */
  read(ref: string, options: ReadLayersOptions): Promise<ImageData>;
}

const LAYER_TYPES = new Set([
  'application/vnd.oci.image.layer.v1.tar',
  'application/vnd.oci.image.layer.v1.tar+gzip',
  'application/vnd.oci.image.layer.v1.tar+zstd',
  'application/vnd.docker.image.rootfs.diff.tar',
  'application/vnd.docker.image.rootfs.diff.tar.gzip',
  'application/vnd.docker.image.rootfs.diff.tar.zstd',
]);
const FOREIGN = /nondistributable|foreign/;
const CONFIG_TYPES = new Set([
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.container.image.v1+json',
]);
const DEFAULT_TIMEOUT_SECONDS = 60;

export async function openRegistryImage(
  ref: string,
  options: RegistryImageOptions = {},
): Promise<RegistryImage> {
  const parsed = parseReference(ref);
  if (!parsed) throw new UserError(`${ref} is not an image reference: write registry:NAME[:TAG][@DIGEST]`);
  const env = options.env ?? process.env;
  const session = new Session(parsed, options.fetch ?? fetch, options.timeoutMs ?? timeoutOf(env), env);
  const platform = options.platform ?? runnerPlatform();
  try {
    const resolved = await resolveImage(session, ref, platform, true);
    const manifest = resolved.manifest;
    const configDescriptor = manifest.config!;
    if (configDescriptor.mediaType && !CONFIG_TYPES.has(configDescriptor.mediaType)) {
      throw new UserError(
        `${ref} is an artifact (config ${configDescriptor.mediaType.slice(0, 80)}), not a container image`,
      );
    }
    const layers = manifest.layers!;
    for (const layer of layers) {
      if (!layer.digest || (!LAYER_TYPES.has(layer.mediaType ?? '') && !FOREIGN.test(layer.mediaType ?? '')))
        throw new UserError(
          `${ref} has a layer of unknown media type ${(layer.mediaType ?? '(none)').slice(0, 80)}: not a container image image-guard reads`,
        );
    }
    const configBytes = await session.blob(configDescriptor.digest!, 16 * 1024 * 1024);
    const id = configDigest(configBytes);
    const config = parseImageConfig(configBytes, `the config of ${ref}`);
    if (config.diffIds.length !== layers.length) {
      throw new UserError(
        `${ref}: the manifest lists ${layers.length} layers but the config has ${config.diffIds.length} diff_ids`,
      );
    }
    return {
      configDigest: id,
      manifestDigest: resolved.manifestDigest,
      ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
      config,
      compressed: compressedFromManifest(layers, config.diffIds),
      read: (shownAs, readOptions) =>
        readLayers(session, layers, config, shownAs, readOptions).then((summaries) => ({
          ref: shownAs,
          id,
          config,
          ...fromSummaries(summaries, { files: readOptions.files }),
        })),
    };
  } catch (error) {
    throw asUserError(error);
  }
}

function timeoutOf(env: NodeJS.ProcessEnv): number {
  const text = env.IMAGE_GUARD_REGISTRY_TIMEOUT;
  if (text === undefined || text === '') return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    throw new UserError(
      `IMAGE_GUARD_REGISTRY_TIMEOUT=${JSON.stringify(text.slice(0, 40))} is not a number of seconds above 0`,
    );
  }
  return seconds * 1000;
}

function asUserError(error: unknown): unknown {
  return error instanceof RegistryError ? new UserError(error.message) : error;
}

async function readLayers(
  session: Session,
  layers: Descriptor[],
  config: ImageConfigInfo,
  shownAs: string,
  options: ReadLayersOptions,
): Promise<LayerSummary[]> {
  const total = layers.reduce((n, l) => n + (l.size ?? 0), 0);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const keyOf = (index: number) => config.diffIds[index]!;
  const tally: LayerTally = { readBytes: 0, readLayers: 0, skippedBytes: 0, skippedLayers: 0 };
  const store = options.store;
  const stored = new Map<string, LayerSummary>();
  if (store) {
    const unique = [...new Set(config.diffIds)];
    const found = await Promise.all(unique.map((d) => store.get(d).catch(() => null)));
    unique.forEach((d, i) => {
      const layer = found[i];
      if (layer) stored.set(d, layer.summary);
    });
  }
  const writes: Promise<unknown>[] = [];
  const readFresh = (layer: Descriptor, index: number): Promise<LayerSummary> => {
    const key = keyOf(index);
    const cached = stored.get(key);
    if (cached) {
      progress(layer.size ?? 0);
      tally.skippedBytes += layer.size ?? 0;
      tally.skippedLayers++;
      return Promise.resolve(cached);
    }
    const foreign = FOREIGN.test(layer.mediaType ?? '');
    const reading = foreign
      ? foreignLayer(layer, index, shownAs, options)
      : readBlob(session, layer, index, shownAs, options.files, progress).then((summary) => {
          tally.readBytes += layer.size ?? 0;
          tally.readLayers++;
          if (store) {
            const write = store
              .put(key, { summary, blob: layer.digest ?? null, tarBytes: null })
              .catch(() => undefined);
            (options.writes ?? writes).push(write);
          }
          return summary;
        });
    options.shared?.set(key, reading);
    // A failure is this side's to report; the other side reads the layer itself when it asks.
    reading.catch(() => {
      if (options.shared?.get(key) === reading) options.shared.delete(key);
    });
    return reading;
  };
  const readOne = (layer: Descriptor, index: number): Promise<LayerSummary> => {
    const known = options.shared?.get(keyOf(index));
    if (!known) return readFresh(layer, index);
    // Read (or being read) by the other side of the run: its summary, or this side reads it after all.
    return known.then(
      (summary) => {
        progress(layer.size ?? 0);
        tally.skippedBytes += layer.size ?? 0;
        tally.skippedLayers++;
        return summary;
      },
      () => readFresh(layer, index),
    );
  };
  const out: LayerSummary[] = new Array(layers.length);
  const left = layers.map((_, i) => i);
  // Layers nobody else is reading first: a shared one may only be ready when the other side's export ends.
  const pick = (): number => {
    const own = left.findIndex((i) => !options.shared?.has(keyOf(i)));
    return left.splice(Math.max(own, 0), 1)[0]!;
  };
  let failed = false;
  const worker = async () => {
    while (left.length > 0 && !failed) {
      const index = pick();
      try {
        out[index] = await readOne(layers[index]!, index);
      } catch (error) {
        failed = true; // no further layer is started
        throw error;
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 2, layers.length));
  await Promise.all(Array.from({ length: workers }, worker));
  await Promise.all(writes);
  options.onTally?.(tally);
  return out;
}

async function foreignLayer(
  layer: Descriptor,
  index: number,
  shownAs: string,
  options: ReadLayersOptions,
): Promise<LayerSummary> {
  options.onNote?.(
    `${shownAs}: layer ${index} (${layer.digest?.slice(0, 19)}) is a foreign layer, which registries do not serve: it is left out (0 bytes, no files)`,
  );
  return { entries: [], whiteouts: [], opaqueDirs: [], size: 0 };
}

async function readBlob(
  session: Session,
  layer: Descriptor,
  index: number,
  shownAs: string,
  files: boolean,
  progress: (bytes: number) => void,
): Promise<LayerSummary> {
  const digest = layer.digest!;
  const blob = session.blobStream(digest, layer.size)[Symbol.asyncIterator]();
  // The layer reader may stop before the blob's end (the tar's end marker); the rest is read after it, so
  // that the digest is always checked. `return` is left to this function.
  let blobError: unknown = null;
  const source: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        try {
          const r = await blob.next();
          if (!r.done) progress(r.value.length);
          return r;
        } catch (error) {
          blobError = error;
          throw error;
        }
      },
      return: async () => ({ done: true, value: undefined }),
    }),
  };
  const drain = async () => {
    for (let r = await blob.next(); !r.done; r = await blob.next()) progress(r.value.length);
  };
  let summary: LayerSummary;
  try {
    summary = await summarizeLayer(source, {
      name: `${index} (${digest.slice(0, 19)}) of ${shownAs}`,
      files,
    });
  } catch (error) {
    // The blob's own failure (its digest, the connection) is the cause, not what the layer reader made of it.
    if (blobError) throw asUserError(blobError);
    // A corrupt blob usually breaks the decoder first: its digest is the cause worth naming.
    try {
      await drain();
    } catch (cause) {
      await blob.return?.(undefined);
      throw asUserError(cause);
    }
    throw error;
  }
  try {
    await drain();
  } catch (error) {
    await blob.return?.(undefined);
    throw asUserError(error);
  }
  return summary;
}
