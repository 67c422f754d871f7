// An image the engine knows → ImageData. With files, or on the containerd image store (whose history sizes
// are disk usage, not layer contents), the export (`docker save`) is read in one streaming pass. Without
// files on the classic store, inspect + history are enough: no export, well under a second.

import { UserError } from '../core/errors.js';
import type { HistoryEntry, ImageData } from '../image/model.js';
import { readSaveStream } from '../image/save-archive.js';
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
}

export async function readEngineImage(ref: string, opts: ReadEngineOptions): Promise<ImageData> {
  const engine = opts.engine ?? connectEngine(process.env, opts.engineTimeout ?? null);
  const image = await findImage(engine, ref, opts.pull);
  const diffIds = image.RootFS?.Layers ?? [];
  const containerd = await engine.isContainerdStore();
  if (opts.files || containerd) {
    const stream = await engine.exportImage(image.Id);
    try {
      const progress = opts.onProgress;
      const data = await readSaveStream(stream, {
        ref,
        files: opts.files,
        count: opts.count,
        select: ref,
        onProgress: progress && ((bytes) => progress(bytes, image.Size)),
      });
      if (data.config.diffIds.join() !== diffIds.join() && !containerd) {
        throw new UserError(
          `the export of ${ref} does not match its inspect (the image changed while reading?): run again`,
        );
      }
      // On the classic store the engine's own layer sizes are the contract (they sum to `docker image
      // inspect` Size). They are not always the content formula: layers BuildKit committed on engine 20.10
      // go through the naive diff path, which counts tar member sizes only, without symlink targets.
      const layerSizes = containerd
        ? data.layerSizes
        : sizesFromHistory(await engine.history(image.Id), data);
      return { ...data, ref, id: image.Id, layerSizes };
    } finally {
      stream.destroy();
    }
  }
  const items = await engine.history(image.Id);
  const { history, layerSizes } = historyFromEngine(items, diffIds.length);
  return { ref, id: image.Id, config: { diffIds, history }, layerSizes, layers: null };
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
