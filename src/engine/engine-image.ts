// An image the engine knows → ImageData. With files, or on the containerd image store (whose history sizes
// are disk usage, not layer contents), the export (`docker save`) is read in one streaming pass. Without
// files on the classic store, inspect + history are enough: no export, well under a second.

import { UserError } from '../core/errors.js';
import { configDigest, parseImageConfig } from '../image/image-config.js';
import type { HistoryEntry, ImageData } from '../image/model.js';
import {
  fromSummaries,
  KnownLayerMismatch,
  type KnownLayers,
  type KnownMember,
  type LayerRead,
  type LayerStore,
  type LayerTally,
  readSaveStream,
  type StoredLayer,
  tallyOf,
} from '../image/save-archive.js';
import {
  connectEngine,
  type DockerEngine,
  type EngineHistoryItem,
  type EngineImage,
  notFound,
} from './docker-engine.js';

export interface ReadEngineOptions {
  files: boolean;
  /**
   * Count each layer's compressed size on the export (when there is one: with files, or on the containerd
   * store); default false.
   */
  count?: boolean;
  /** Pull the image when the engine does not have it. */
  pull: boolean;
  /** The engine to use; connectEngine() by default. */
  engine?: DockerEngine;
  /** The `engine-timeout` setting the default engine is connected with (null or absent: not set). */
  engineTimeout?: number | null;
  /** While the export is read: bytes so far, and about how many to expect (the image's inspect Size). */
  onProgress?: (bytesRead: number, approxTotal: number) => void;
  /**
   * Layers analyzed before: an image whose layers are all there (and its config) is not exported at all; with
   * some there, the export's members holding them are drained unread. What is read is stored after.
   */
  store?: LayerStore;
  /** Bytes of layers read and skipped, once known. */
  onTally?: (tally: LayerTally) => void;
  /** Writes to the store still running when the image is returned: the caller awaits them before it ends. */
  writes?: Promise<unknown>[];
}

export async function readEngineImage(ref: string, opts: ReadEngineOptions): Promise<ImageData> {
  const engine = opts.engine ?? connectEngine(process.env, opts.engineTimeout ?? null);
  const image = await findImage(engine, ref, opts.pull);
  const diffIds = image.RootFS?.Layers ?? [];
  const containerd = await engine.isContainerdStore();
  if (opts.files || containerd) {
    const store = opts.store;
    // Unless every layer is there, the export starts at once: the engine takes a while before its first byte
    // (it writes the layers out first), time enough to load the stored layers.
    let early: ReturnType<DockerEngine['exportImage']> | null = null;
    if (!store || !(await hasAll(store, image.Id, diffIds))) {
      early = engine.exportImage(image.Id);
      early.catch(() => undefined);
    }
    const stored = store ? await storedLayers(store, diffIds) : new Map<string, StoredLayer>();
    if (store && !early) {
      const all = await fromStore(store, image.Id, diffIds, stored, containerd, opts);
      if (all) {
        const layerSizes = containerd
          ? all.layerSizes
          : sizesFromHistory(await engine.history(image.Id), all);
        return { ...all, ref, layerSizes };
      }
    }
    let reads: LayerRead[] = [];
    let configBytes: Buffer | null = null;
    const exportAndRead = async (known: KnownLayers | undefined) => {
      const started = early;
      early = null;
      const stream = await (started ?? engine.exportImage(image.Id));
      try {
        const progress = opts.onProgress;
        return await readSaveStream(stream, {
          ref,
          files: opts.files,
          count: opts.count,
          select: ref,
          onProgress: progress && ((bytes) => progress(bytes, image.Size)),
          ...(known ? { known } : {}),
          onLayers: (layers, config) => {
            reads = layers;
            configBytes = config;
          },
        });
      } finally {
        stream.destroy();
      }
    };
    const known = store && stored.size > 0 ? knownLayers(store, diffIds, stored) : undefined;
    let data: ImageData;
    try {
      data = await exportAndRead(known);
    } catch (error) {
      // A member taken for a known layer by its size was another: read the image again, every layer.
      if (!(error instanceof KnownLayerMismatch)) throw error;
      data = await exportAndRead(undefined);
    }
    if (data.config.diffIds.join() !== diffIds.join() && !containerd) {
      throw new UserError(
        `the export of ${ref} does not match its inspect (the image changed while reading?): run again`,
      );
    }
    // On the classic store the engine's own layer sizes are the contract (they sum to `docker image
    // inspect` Size). They are not always the content formula: layers BuildKit committed on engine 20.10
    // go through the naive diff path, which counts tar member sizes only, without symlink targets.
    const layerSizes = containerd ? data.layerSizes : sizesFromHistory(await engine.history(image.Id), data);
    opts.onTally?.(tallyOf(reads));
    if (store && configBytes) {
      const writing = storeReads(store, image.Id, data.config.diffIds, reads, configBytes);
      if (opts.writes) opts.writes.push(writing);
      else await writing;
    }
    return { ...data, ref, id: image.Id, layerSizes };
  }
  const items = await engine.history(image.Id);
  const { history, layerSizes } = historyFromEngine(items, diffIds.length);
  return { ref, id: image.Id, config: { diffIds, history }, layerSizes, layers: null };
}

/** Whether every layer and the config look stored (a stat each): then the image may need no export. */
async function hasAll(store: LayerStore, id: string, diffIds: readonly string[]): Promise<boolean> {
  if (diffIds.length === 0) return false;
  const found = await Promise.all(diffIds.map((d) => store.has(d).catch(() => false)));
  return found.every(Boolean) && (await store.imageConfig(id).catch(() => null)) !== null;
}

/** The stored layers among `diffIds`, by diffId. */
async function storedLayers(
  store: LayerStore,
  diffIds: readonly string[],
): Promise<Map<string, StoredLayer>> {
  const unique = [...new Set(diffIds)];
  const found = await Promise.all(unique.map((d) => store.get(d).catch(() => null)));
  const stored = new Map<string, StoredLayer>();
  unique.forEach((d, i) => {
    const layer = found[i];
    if (layer) stored.set(d, layer);
  });
  return stored;
}

/**
 * The image from the store alone, when every layer and the config are there: no export. A layer read from a
 * compressed blob (the containerd store's) stands only for the same store's export, a plain one for the
 * classic store's, so that the compressed sizes are those a read would count.
 */
async function fromStore(
  store: LayerStore,
  id: string,
  diffIds: readonly string[],
  stored: Map<string, StoredLayer>,
  containerd: boolean,
  opts: ReadEngineOptions,
): Promise<ImageData | null> {
  if (diffIds.length === 0) return null;
  const layers = diffIds.map((d) => stored.get(d));
  const fits = (l: StoredLayer | undefined): l is StoredLayer =>
    l !== undefined && (!store.count || (l.blob !== null) === containerd);
  if (!layers.every(fits)) return null;
  const configBytes = await store.imageConfig(id).catch(() => null);
  if (!configBytes) return null;
  let config: ImageData['config'];
  try {
    config = parseImageConfig(configBytes, `the stored config of ${id}`);
  } catch {
    return null;
  }
  if (config.diffIds.join() !== diffIds.join()) return null;
  if (!containerd && configDigest(configBytes) !== id) return null;
  const summaries = (layers as StoredLayer[]).map((l) => l.summary);
  opts.onTally?.({
    readBytes: 0,
    readLayers: 0,
    skippedBytes: (layers as StoredLayer[]).reduce((n, l) => n + (l.tarBytes ?? l.summary.size), 0),
    skippedLayers: layers.length,
  });
  return { ref: '', id, config, ...fromSummaries(summaries, { files: opts.files, count: opts.count }) };
}

/**
 * Which export members hold stored layers: a blob named by its diffId, a member read before (an alias: the
 * classic store's `<v1 id>/layer.tar` of a layer below the top keeps its name from image to image), else a
 * plain `layer.tar` of a stored layer's exact size, which its SHA-256 confirms.
 */
function knownLayers(
  store: LayerStore,
  diffIds: readonly string[],
  stored: Map<string, StoredLayer>,
): KnownLayers {
  const wanted = new Set(diffIds);
  const usable = (diffId: string, blob: string | null): KnownMember | null => {
    const layer = stored.get(diffId);
    if (!layer || !wanted.has(diffId)) return null;
    if (store.count && layer.blob !== blob) return null;
    return { diffId, summary: layer.summary };
  };
  return {
    async lookup(path, size) {
      const digest = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(path)?.[1];
      if (digest && stored.has(`sha256:${digest}`)) return usable(`sha256:${digest}`, null);
      const alias = await store.alias(path).catch(() => null);
      if (alias) {
        const blob = digest !== undefined && `sha256:${digest}` !== alias ? `sha256:${digest}` : null;
        const named = usable(alias, blob);
        if (named) return named;
      }
      if (digest || !path.endsWith('layer.tar')) return null;
      const candidates = new Map<string, StoredLayer['summary']>();
      for (const [diffId, layer] of stored) {
        if (layer.tarBytes === size && layer.blob === null) candidates.set(diffId, layer.summary);
      }
      return candidates.size > 0 ? { candidates } : null;
    },
  };
}

/**
 * What the export taught: the layers read, the members that held them, the config. Layers are packed one at a
 * time: packing them all at once would hold every layer's stored form in memory together.
 */
async function storeReads(
  store: LayerStore,
  id: string,
  diffIds: readonly string[],
  reads: readonly LayerRead[],
  configBytes: Buffer,
): Promise<void> {
  const small: Promise<void>[] = [store.setImageConfig(id, configBytes)];
  const done = new Set<string>();
  const layers: [string, LayerRead][] = [];
  reads.forEach((read, i) => {
    const diffId = diffIds[i];
    if (!diffId) return;
    if (read.path !== `blobs/sha256/${diffId.slice('sha256:'.length)}`)
      small.push(store.setAlias(read.path, diffId));
    if (read.skipped || done.has(diffId)) return;
    if (store.count && read.blob === 'unknown') return;
    done.add(diffId);
    layers.push([diffId, read]);
  });
  for (const [diffId, read] of layers) {
    await store
      .put(diffId, {
        summary: read.summary,
        blob: read.blob,
        tarBytes: read.blob === null ? read.bytes : null,
      })
      .catch(() => undefined);
  }
  await Promise.all(small.map((w) => w.catch(() => undefined)));
}

export async function isContainerdStore(engine: DockerEngine = connectEngine()): Promise<boolean> {
  return engine.isContainerdStore();
}

/**
 * The engine's history rows line up one to one with the config's history (same steps, newest first), so the
 * config's exact `empty_layer` flags pick the rows whose sizes are layer sizes.
 */
function sizesFromHistory(items: EngineHistoryItem[], data: ImageData): number[] | null {
  const rows = [...items].reverse();
  if (rows.length !== data.config.history.length) return data.layerSizes;
  const sizes = rows.filter((_, i) => !data.config.history[i]!.emptyLayer).map((r) => r.Size);
  return sizes.length === data.config.diffIds.length ? sizes : data.layerSizes;
}

async function findImage(engine: DockerEngine, ref: string, pull: boolean): Promise<EngineImage> {
  const found = await engine.inspect(ref);
  if (found) return found;
  if (!pull) throw notFound(ref, engine.address);
  await engine.pull(ref);
  const pulled = await engine.inspect(ref);
  if (!pulled) throw notFound(ref, engine.address);
  return pulled;
}

type LayerClass = 'layer' | 'maybe' | 'empty';

/**
 * Whether a history line's instruction makes a layer, for both builders' shapes. The engine's history API
 * drops the config's `empty_layer` flag, so it is inferred: legacy builder lines are `/bin/sh -c #(nop) X`
 * for metadata-only steps, `/bin/sh -c #(nop) COPY|ADD …` and `/bin/sh -c …` (RUN, possibly after
 * `|N ARG=…`) for layers; BuildKit lines start with the instruction (`RUN … # buildkit`, `COPY …`).
 */
export function classifyInstruction(createdBy: string): LayerClass {
  const line = createdBy.trim();
  if (line === '') return 'maybe';
  const nop = /#\(nop\)\s*(\w+)/.exec(line);
  if (nop) return /^(ADD|COPY|WORKDIR)$/i.test(nop[1]!) ? 'layer' : 'empty';
  const first = /^([A-Z]+)\s/.exec(line)?.[1];
  if (first && first !== 'ADD' && first !== 'COPY' && first !== 'RUN' && first !== 'WORKDIR') {
    return /^(ENV|CMD|ENTRYPOINT|LABEL|EXPOSE|USER|ARG|VOLUME|STOPSIGNAL|HEALTHCHECK|SHELL|ONBUILD|MAINTAINER)$/.test(
      first,
    )
      ? 'empty'
      : 'maybe';
  }
  return 'layer';
}

/**
 * The engine's history (newest first) → config-shaped history (oldest first, with `emptyLayer`) and the
 * classic store's layer sizes. Entries with Size > 0 made a layer for certain; then layer-making
 * instructions, then unclear ones, oldest first, until as many layers as RootFS.Layers are found.
 */
export function historyFromEngine(
  items: EngineHistoryItem[],
  layerCount: number,
): { history: HistoryEntry[]; layerSizes: number[] } {
  const rows = [...items].reverse();
  const makes = rows.map((r) => r.Size > 0);
  let count = makes.filter(Boolean).length;
  for (const wanted of ['layer', 'maybe'] as const) {
    rows.forEach((row, i) => {
      if (count < layerCount && !makes[i] && classifyInstruction(row.CreatedBy) === wanted) {
        makes[i] = true;
        count++;
      }
    });
  }
  const history: HistoryEntry[] = rows.map((row, i) => {
    const entry: HistoryEntry = { createdBy: row.CreatedBy, emptyLayer: !makes[i] };
    if (row.Comment) entry.comment = row.Comment;
    return entry;
  });
  const layerSizes = rows.filter((_, i) => makes[i]).map((r) => r.Size);
  while (layerSizes.length < layerCount) layerSizes.push(0);
  return { history, layerSizes: layerSizes.slice(0, layerCount) };
}
