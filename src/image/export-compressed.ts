// Compressed layer sizes of an engine image, counted on the `docker save` stream the analysis reads anyway:
// the export is tapped on its way to the reader (no second export, no extra copy kept), each uncompressed
// layer member is hashed (its sha256 is the layer's diffId) and fed to a compressed-size counter.
//
// A bridge until the readers count while they summarize each layer (LayerSummary.compressed, filled by
// `tapCompressed` around the decompressed chunks in layer-summary.ts): analyses that already carry
// `image.compressed` skip it. It understands the outer archive only as far as it must: ustar headers, sizes
// in octal or base-256, members stored uncompressed (the classic store's layer.tar). Layers the engine hands
// out compressed (the containerd store) are not counted here, and the image then has no computed size.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ImageAnalysis } from '../analysis/analyze.js';
import { cacheDir } from '../cache/analysis-cache.js';
import { connectEngine, type DockerEngine } from '../engine/docker-engine.js';
import { isArchiveRef } from './archive-ref.js';
import {
  type CompressedCounter,
  type CompressedSizes,
  createCompressedCounter,
  GZIP_LEVEL,
  ZSTD_LEVEL,
} from './compressed-size.js';

const BLOCK = 512;
/** Smaller members are metadata (VERSION, json), never a layer worth counting. */
const MIN_LAYER = 1024;

interface Member {
  remaining: number;
  padding: number;
  sink: { hash: ReturnType<typeof createHash>; counter: CompressedCounter } | null;
  sniffed: boolean;
}

/** A push parser of the outer archive: feed it the export's chunks, then `end()` for diffId → sizes. */
export function exportLayerCounter(): {
  feed(chunk: Uint8Array): Promise<void>;
  end(): Promise<Map<string, CompressedSizes>>;
  abort(): void;
} {
  const sizes = new Map<string, CompressedSizes>();
  const pending: Promise<void>[] = [];
  let header = Buffer.alloc(0);
  let member: Member | null = null;
  let skip = 0;

  const close = (m: Member) => {
    if (!m.sink) return;
    const { hash, counter } = m.sink;
    pending.push(
      counter.finish().then((s) => {
        sizes.set(`sha256:${hash.digest('hex')}`, s);
      }),
    );
  };

  async function feed(chunk: Uint8Array): Promise<void> {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (buf.length > 0) {
      if (skip > 0) {
        const n = Math.min(skip, buf.length);
        skip -= n;
        buf = buf.subarray(n);
        continue;
      }
      if (member) {
        const n = Math.min(member.remaining, buf.length);
        const part = buf.subarray(0, n);
        if (!member.sniffed && member.sink) {
          member.sniffed = true;
          // gzip or zstd members are already compressed (and their sha256 is no diffId): not counted here.
          if (
            (part[0] === 0x1f && part[1] === 0x8b) ||
            (part.length >= 4 && part.readUInt32LE(0) === 0xfd2fb528)
          ) {
            member.sink.counter.abort();
            member.sink = null;
          }
        }
        if (member.sink) {
          member.sink.hash.update(part);
          await member.sink.counter.write(part);
        }
        member.remaining -= n;
        buf = buf.subarray(n);
        if (member.remaining === 0) {
          close(member);
          skip = member.padding;
          member = null;
        }
        continue;
      }
      const need = BLOCK - header.length;
      header = Buffer.concat([header, buf.subarray(0, need)]);
      buf = buf.subarray(Math.min(need, buf.length));
      if (header.length < BLOCK) break;
      const block = header;
      header = Buffer.alloc(0);
      if (block.every((b) => b === 0)) continue;
      const size = sizeOf(block);
      const type = String.fromCharCode(block[156]!);
      const name = block.toString('latin1', 0, 100).replace(/\0.*$/s, '');
      const regular = type === '0' || type === '\0';
      const layer = regular && size >= MIN_LAYER && !/(\.json|\/json|VERSION|repositories)$/.test(name);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (size === 0) continue;
      member = {
        remaining: size,
        padding,
        sniffed: false,
        sink: layer ? { hash: createHash('sha256'), counter: createCompressedCounter() } : null,
      };
    }
  }

  return {
    feed,
    async end() {
      await Promise.all(pending);
      return sizes;
    },
    /** Drops the member in progress, if any (the finished ones stay counted). */
    abort() {
      member?.sink?.counter.abort();
      if (member) member.sink = null;
    },
  };
}

function sizeOf(block: Buffer): number {
  if (block[124]! & 0x80) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + block[i]!;
    return n;
  }
  const text = block
    .toString('latin1', 124, 136)
    .replace(/[\0 ]+$/g, '')
    .trim();
  return text ? Number.parseInt(text, 8) : 0;
}

/** The stream passed on unchanged, and the sizes once it has been read to its end. */
export function tapExport(source: AsyncIterable<Uint8Array>): {
  stream: Readable;
  sizes: Promise<Map<string, CompressedSizes> | null>;
} {
  const counter = exportLayerCounter();
  let settle!: (m: Map<string, CompressedSizes> | null) => void;
  const sizes = new Promise<Map<string, CompressedSizes> | null>((r) => {
    settle = r;
  });
  async function* pass(): AsyncGenerator<Uint8Array> {
    let failed = false;
    try {
      for await (const chunk of source) {
        await counter.feed(chunk);
        yield chunk;
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // A reader may stop at the end-of-archive marker: the members it read through are counted all the same;
      // a member cut short is dropped.
      counter.abort();
      if (failed) settle(null);
      else counter.end().then(settle, () => settle(null));
    }
  }
  return { stream: Readable.from(pass(), { objectMode: false }), sizes };
}

/**
 * An engine whose exports are tapped; `sizes()` is what the last export counted (null when nothing was
 * exported, e.g. an analysis from the cache or a layers-only read from history).
 */
export function countingEngine(engine: DockerEngine): {
  engine: DockerEngine;
  sizes(): Promise<Map<string, CompressedSizes> | null>;
} {
  let last: Promise<Map<string, CompressedSizes> | null> = Promise.resolve(null);
  const wrapped: DockerEngine = {
    get address() {
      return engine.address;
    },
    inspect: (ref) => engine.inspect(ref),
    history: (ref) => engine.history(ref),
    pull: (ref) => engine.pull(ref),
    isContainerdStore: () => engine.isContainerdStore(),
    async exportImage(ref) {
      const tapped = tapExport(await engine.exportImage(ref));
      last = tapped.sizes;
      return tapped.stream;
    },
  };
  return { engine: wrapped, sizes: () => last };
}

/** Puts counted sizes on an analysis that has none, when every layer was counted. */
export function withCountedSizes(
  analysis: ImageAnalysis,
  sizes: Map<string, CompressedSizes> | null,
): ImageAnalysis {
  if (analysis.image.compressed || !sizes) return analysis;
  const diffIds = nonEmptyDiffIds(analysis);
  const counted = diffIds.map((d) => sizes.get(d));
  if (diffIds.length === 0 || counted.some((c) => !c)) return analysis;
  const all = counted as CompressedSizes[];
  return {
    ...analysis,
    image: {
      ...analysis.image,
      compressed: {
        gzip: all.reduce((n, c) => n + c.gzip, 0),
        zstd: all.every((c) => c.zstd !== null) ? all.reduce((n, c) => n + c.zstd!, 0) : null,
        source: 'computed',
        layers: all.map((c, i) => ({ diffId: diffIds[i]!, gzip: c.gzip, zstd: c.zstd })),
      },
    },
  };
}

/** Counted layer sizes kept by diffId beside the analysis cache, so that a cached analysis still has them. */
export interface LayerSizeStore {
  get(diffId: string): Promise<CompressedSizes | null>;
  put(diffId: string, sizes: CompressedSizes): Promise<void>;
}

/** A folder of `<diffId hex>.json` files; whatever fails is a miss, never an error. */
export function layerSizeStore(dir: string): LayerSizeStore {
  const file = (diffId: string) => join(dir, `${diffId.replace(/^sha256:/, '')}.json`);
  return {
    async get(diffId) {
      if (!/^sha256:[0-9a-f]{64}$/.test(diffId)) return null;
      try {
        const v = JSON.parse(await readFile(file(diffId), 'utf8')) as Partial<CompressedSizes> & {
          gzipLevel?: number;
        };
        if (typeof v.gzip !== 'number' || v.gzipLevel !== GZIP_LEVEL) return null;
        return { gzip: v.gzip, zstd: typeof v.zstd === 'number' ? v.zstd : null };
      } catch {
        return null;
      }
    },
    async put(diffId, sizes) {
      if (!/^sha256:[0-9a-f]{64}$/.test(diffId)) return;
      try {
        await mkdir(dir, { recursive: true });
        const tmp = `${file(diffId)}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ ...sizes, gzipLevel: GZIP_LEVEL, zstdLevel: ZSTD_LEVEL }));
        await rename(tmp, file(diffId));
      } catch {
        // a convenience: a full disk or a read-only home only costs a recount next time
      }
    },
  };
}

/** `compressed-layers/` inside the analysis cache's folder (which only manages its own `<key>.json` files). */
export function defaultLayerSizeStore(env: NodeJS.ProcessEnv = process.env): LayerSizeStore | null {
  const dir = cacheDir(env);
  return dir ? layerSizeStore(join(dir, 'compressed-layers')) : null;
}

const nonEmptyDiffIds = (analysis: ImageAnalysis): string[] =>
  analysis.image.layers.filter((l) => !l.empty).flatMap((l) => (l.diffId ? [l.diffId] : []));

/**
 * `analyze(ref)` with the engine's export tapped: the analysis, with `image.compressed` when the layers were
 * counted. An analysis that came from the cache (no export this time) takes the sizes stored when its layers
 * were last counted, or, with files asked for, the one export the cache saved is made for the count alone. An
 * archive or a layers-only read has no computed size from here.
 */
export async function analyzeCounted<O extends { files: boolean; pullSize?: boolean }>(
  analyze: (ref: string, options: O & { engine?: DockerEngine }) => Promise<ImageAnalysis>,
  ref: string,
  options: O,
  store: LayerSizeStore | null = defaultLayerSizeStore(),
  engine?: DockerEngine,
): Promise<ImageAnalysis> {
  // `pullSize: false` (--no-pull-size): counting is gzip and zstd of every byte, the CPU-bound part.
  if (isArchiveRef(ref) || options.pullSize === false) return analyze(ref, options);
  const base = engine ?? connectEngine();
  const counting = countingEngine(base);
  const analysis = await analyze(ref, { ...options, engine: counting.engine });
  if (analysis.image.compressed) return analysis;
  let sizes = await counting.sizes();
  const diffIds = nonEmptyDiffIds(analysis);
  if (!sizes && store && diffIds.length) {
    const stored = await Promise.all(diffIds.map((d) => store.get(d)));
    if (stored.every(Boolean)) sizes = new Map(diffIds.map((d, i) => [d, stored[i]!]));
  }
  if (!sizes && options.files && diffIds.length) {
    // From the cache: count on the export the cache spared (only the count reads it). A failure here costs
    // the pull figures, never the analysis.
    try {
      const tapped = tapExport(await base.exportImage(analysis.image.id));
      try {
        for await (const _ of tapped.stream) {
          // drained: the tap counts
        }
      } finally {
        tapped.stream.destroy();
      }
      sizes = await tapped.sizes;
    } catch {
      sizes = null;
    }
  }
  if (sizes && store)
    await Promise.all(diffIds.flatMap((d) => (sizes.has(d) ? [store.put(d, sizes.get(d)!)] : [])));
  return withCountedSizes(analysis, sizes);
}
