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

import { availableParallelism } from 'node:os';
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
   * Feeds uncompressed bytes. Resolves when the compressors can take more (await it for backpressure: at most
   * one block per core is in flight). The chunk must not be changed afterwards.
   */
  write(chunk: Uint8Array): Promise<void>;
  /** Ends the streams and resolves with the byte counts. Call once, after the last write. */
  finish(): Promise<CompressedSizes>;
  /** Drops the compressors without counting (the layer could not be read). */
  abort(): void;
}

type ZstdOneShot = (
  buf: Buffer,
  options: { params: Record<number, number> },
  cb: (e: Error | null, out: Buffer) => void,
) => void;

function zstdOneShot(): ZstdOneShot | null {
  const f = (zlib as unknown as { zstdCompress?: ZstdOneShot }).zstdCompress;
  return typeof f === 'function' ? f : null;
}

/** True when this Node can count zstd bytes (Node ≥ 22.15 / 23.8: the Action's Node 24 can, Node 20 cannot). */
export function zstdAvailable(): boolean {
  return zstdOneShot() !== null;
}

/**
 * A layer is compressed in blocks of this size on zlib's thread pool, several at once (as pigz does): a single
 * deflate stream runs on one core at ~25 MB/s, which would make compression the slowest part of an analysis.
 * Each gzip block is primed with the 32 KiB before it (the deflate window), so matches across block ends are
 * kept and the total is within a few bytes per block of one stream's (exactly equal below one block). zstd
 * blocks are independent frames (Node takes no raw-content dictionary): a few bytes of frame per block and
 * the matches its window could have made across block ends, well under 1% at 8 MiB blocks.
 */
export const BLOCK_BYTES = 8 * 1024 * 1024;
const WINDOW = 32 * 1024;
/** gzip's header (10 bytes, no name) and trailer (CRC-32 and length). */
const GZIP_FRAME = 18;

const deflateRaw = (block: Buffer, dictionary: Buffer | undefined, last: boolean): Promise<number> =>
  new Promise((resolve, reject) => {
    zlib.deflateRaw(
      block,
      {
        level: GZIP_LEVEL,
        ...(dictionary ? { dictionary } : {}),
        // Not the last block: a sync flush ends it on a byte boundary, as a block boundary of a stream would.
        finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      },
      (error, out) => (error ? reject(error) : resolve(last ? out.length : out.length - 4)),
    );
  });

const zstdSize = (f: ZstdOneShot, block: Buffer): Promise<number> =>
  new Promise((resolve, reject) => {
    const level = (zlib.constants as Record<string, number>).ZSTD_c_compressionLevel!;
    f(block, { params: { [level]: ZSTD_LEVEL } }, (error, out) =>
      error ? reject(error) : resolve(out.length),
    );
  });

/**
 * A counter for one layer: `write()` every chunk of the uncompressed tar, then `finish()`. Options: `zstd:
 * false` skips zstd even where Node has it (half the CPU).
 */
export function createCompressedCounter(options: { zstd?: boolean } = {}): CompressedCounter {
  const zstd = options.zstd === false ? null : zstdOneShot();
  const parallel = Math.max(2, availableParallelism());
  let parts: Buffer[] = [];
  let buffered = 0;
  let previousTail: Buffer | undefined;
  let gzipBytes = GZIP_FRAME;
  let zstdBytes = 0;
  let finished = false;
  let aborted = false;
  let failure: unknown = null;
  const inflight = new Set<Promise<void>>();

  const dispatch = (block: Buffer, last: boolean) => {
    const dictionary = previousTail;
    previousTail = block.length >= WINDOW ? Buffer.from(block.subarray(block.length - WINDOW)) : undefined;
    const job = Promise.all([
      deflateRaw(block, dictionary, last),
      zstd && block.length > 0 ? zstdSize(zstd, block) : Promise.resolve(0),
    ]).then(
      ([g, z]) => {
        gzipBytes += g;
        zstdBytes += z;
      },
      (error: unknown) => {
        failure ??= error;
      },
    );
    inflight.add(job);
    job.finally(() => inflight.delete(job));
  };

  const take = (n: number): Buffer => {
    const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    const block = all.subarray(0, n);
    const rest = all.subarray(n);
    parts = rest.length ? [rest] : [];
    buffered = rest.length;
    return block;
  };

  return {
    async write(chunk) {
      if (finished) throw new Error('compressed-size: write after finish');
      if (chunk.length === 0 || aborted) return;
      // Kept by reference until its block is cut (a copy): streams hand over fresh buffers.
      parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      buffered += chunk.length;
      while (buffered >= BLOCK_BYTES) {
        dispatch(take(BLOCK_BYTES), false);
        while (inflight.size >= parallel) await Promise.race(inflight);
      }
      if (failure) throw failure;
    },
    async finish() {
      if (finished) throw new Error('compressed-size: finish called twice');
      finished = true;
      dispatch(take(buffered), true);
      while (inflight.size) await Promise.race(inflight);
      if (failure) throw failure;
      if (zstd && zstdBytes === 0) zstdBytes = (await zstdSize(zstd, Buffer.alloc(0))) ?? 0;
      return { gzip: gzipBytes, zstd: zstd ? zstdBytes : null };
    },
    abort() {
      finished = true;
      aborted = true;
      parts = [];
      buffered = 0;
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
