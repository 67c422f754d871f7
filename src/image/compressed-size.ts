// What a layer weighs on the wire: the bytes of its tar compressed the way a push compresses it, counted while
// the uncompressed tar streams past an analysis that reads it anyway. Nothing compressed is kept: each
// compressor's output is counted and dropped.
//
// gzip: `docker push` (moby's distribution/push_v2.go `compress`) writes layers with Go's `gzip.NewWriter`,
// i.e. gzip.DefaultCompression, which Go's compress/flate maps to level 6. Node's zlib at level 6 (the same
// level, window 15, memLevel 8) is a different deflate implementation, so its output is close to, not equal
// to, what a push stores; the engine tests measure how close. zstd: level 3, the zstd library's default and
// what BuildKit's `compression=zstd` asks for by default. Node has a zstd encoder from 22.15/23.8 on
// (`zlib.createZstdCompress`; the Action's Node 24 has it); without one the zstd figure is null.

import { once } from 'node:events';
import * as zlib from 'node:zlib';

export const GZIP_LEVEL = 6;
export const ZSTD_LEVEL = 3;

export interface CompressedSizes {
  /** Bytes of the gzip stream (level 6) of everything written. */
  gzip: number;
  /** Bytes of the zstd frame (level 3); null when this Node has no zstd encoder. */
  zstd: number | null;
}

export interface CompressedCounter {
  /**
   * Feeds uncompressed bytes. Resolves when the compressors can take more (await it for backpressure; not
   * awaiting is allowed, the bytes are then buffered inside zlib).
   */
  write(chunk: Uint8Array): Promise<void>;
  /** Ends the streams and resolves with the byte counts. Call once, after the last write. */
  finish(): Promise<CompressedSizes>;
  /** Drops the compressors without counting (the layer could not be read). */
  abort(): void;
}

type ZstdFactory = (options: { params: Record<number, number> }) => zlib.Gzip;

function zstdFactory(): ZstdFactory | null {
  const create = (zlib as unknown as { createZstdCompress?: ZstdFactory }).createZstdCompress;
  return typeof create === 'function' ? create : null;
}

/** True when this Node can count zstd bytes (Node ≥ 22.15 / 23.8: the Action's Node 24 can, Node 20 cannot). */
export function zstdAvailable(): boolean {
  return zstdFactory() !== null;
}

interface Counted {
  stream: zlib.Gzip;
  bytes: number;
  done: Promise<void>;
}

function counted(stream: zlib.Gzip): Counted {
  const c: Counted = { stream, bytes: 0, done: Promise.resolve() };
  stream.on('data', (out: Buffer) => {
    c.bytes += out.length;
  });
  c.done = new Promise<void>((resolve, reject) => {
    stream.once('end', resolve);
    stream.once('error', reject);
  });
  // An aborted counter's streams may still report an error; it is not the caller's concern any more.
  c.done.catch(() => undefined);
  return c;
}

/**
 * A counter for one layer: `write()` every chunk of the uncompressed tar, then `finish()`. Options: `zstd:
 * false` skips zstd even where Node has it (half the CPU).
 */
export function createCompressedCounter(options: { zstd?: boolean } = {}): CompressedCounter {
  const gzip = counted(zlib.createGzip({ level: GZIP_LEVEL }));
  const zstdCreate = options.zstd === false ? null : zstdFactory();
  const zstd = zstdCreate
    ? counted(
        zstdCreate({
          params: { [(zlib.constants as Record<string, number>).ZSTD_c_compressionLevel!]: ZSTD_LEVEL },
        }),
      )
    : null;
  const streams = zstd ? [gzip, zstd] : [gzip];
  let finished = false;

  return {
    async write(chunk) {
      if (finished) throw new Error('compressed-size: write after finish');
      if (chunk.length === 0) return;
      const waits: Promise<unknown>[] = [];
      for (const s of streams) {
        if (!s.stream.write(chunk)) waits.push(once(s.stream, 'drain'));
      }
      if (waits.length) await Promise.all(waits);
    },
    async finish() {
      finished = true;
      for (const s of streams) s.stream.end();
      await Promise.all(streams.map((s) => s.done));
      return { gzip: gzip.bytes, zstd: zstd ? zstd.bytes : null };
    },
    abort() {
      finished = true;
      for (const s of streams) s.stream.destroy();
    },
  };
}

/**
 * Passes `chunks` through unchanged and counts their compressed sizes on the way: the shape a reader that
 * already iterates a layer's uncompressed chunks can wrap in one line. `sizes` resolves when the iteration
 * ends (also when the consumer stops early: then it counts what was read); it rejects when the source does.
 */
export function tapCompressed(
  chunks: AsyncIterable<Uint8Array>,
  options: { zstd?: boolean } = {},
): { chunks: AsyncIterable<Uint8Array>; sizes: Promise<CompressedSizes> } {
  let settle!: { resolve: (s: CompressedSizes) => void; reject: (e: unknown) => void };
  const sizes = new Promise<CompressedSizes>((resolve, reject) => {
    settle = { resolve, reject };
  });
  sizes.catch(() => undefined);
  async function* pass(): AsyncGenerator<Uint8Array> {
    const counter = createCompressedCounter(options);
    let failed = false;
    try {
      for await (const chunk of chunks) {
        await counter.write(chunk);
        yield chunk;
      }
    } catch (error) {
      failed = true;
      counter.abort();
      settle.reject(error);
      throw error;
    } finally {
      if (!failed) counter.finish().then(settle.resolve, settle.reject);
    }
  }
  return { chunks: pass(), sizes };
}

/** The compressed sizes of a whole stream of uncompressed chunks. */
export async function compressedSizeOf(
  chunks: AsyncIterable<Uint8Array>,
  options: { zstd?: boolean } = {},
): Promise<CompressedSizes> {
  const counter = createCompressedCounter(options);
  try {
    for await (const chunk of chunks) await counter.write(chunk);
  } catch (error) {
    counter.abort();
    throw error;
  }
  return counter.finish();
}
