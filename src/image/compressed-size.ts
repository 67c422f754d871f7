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
const ZSTD_LEVEL = 3;

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
  options: { chunkSize?: number; params: Record<number, number> },
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

/**
 * zlib's output buffer for `n` input bytes: each one filled is a round trip to the main thread (at the default
 * 16 KiB, one per 16 KiB of output), and each is allocated whole. A unit's output fits one; a block's output
 * takes at most eight.
 */
const outputChunk = (n: number): number => Math.min(1024 * 1024, Math.max(64 * 1024, n + (n >> 6) + 1024));

const deflateRaw = (block: Buffer, dictionary: Buffer | undefined, last: boolean): Promise<number> =>
  new Promise((resolve, reject) => {
    zlib.deflateRaw(
      block,
      {
        level: GZIP_LEVEL,
        // Few output buffers per block: each one filled is a round trip to the main thread.
        chunkSize: outputChunk(block.length),
        ...(dictionary ? { dictionary } : {}),
        // Not the last block: a sync flush ends it on a byte boundary, as a block boundary of a stream would.
        finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      },
      (error, out) => (error ? reject(error) : resolve(last ? out.length : out.length - 4)),
    );
  });

/**
 * Incompressible bytes (random data; what is already compressed: .gz, .zip, .jar, .whl, .png, .jpg, .woff2)
 * are deflate's slowest input (zlib level 6 runs at ~28 MB/s on them, against ~200 MB/s on text) and its
 * output for them is known in advance: stored blocks, 5 bytes of header per 16 KiB (zlib ends a block every
 * 16 Ki symbols at memLevel 8). So each block is looked at in units of UNIT bytes; a unit whose first PROBE_BYTES
 * bytes look random (order-0 entropy of at least PROBE_BITS per byte, counted in JavaScript: ~60 µs) is
 * compressed with brotli quality 0 (native, ~600 MB/s on such data, and it finds repeats and skewed byte
 * counts as deflate does); only a unit that brotli too cannot shrink by 1% is counted as stored. Every other
 * unit goes through deflate at level 6 as before, primed with the 32 KiB before it.
 */
export const UNIT_BYTES = 256 * 1024;
export const PROBE_BYTES = 16 * 1024;
const PROBE_BITS = 7.9;
const INCOMPRESSIBLE = 0.99;
const STORED_BLOCK = 16 * 1024;
const STORED_HEADER = 5;

/** What deflate writes for `n` bytes it cannot compress: stored blocks of 16 KiB with a 5-byte header each. */
export const storedSize = (n: number): number => n + STORED_HEADER * Math.ceil(n / STORED_BLOCK);

function looksRandom(bytes: Uint8Array): boolean {
  const counts = new Uint32Array(256);
  for (let i = 0; i < bytes.length; i++) counts[bytes[i]!]!++;
  let bits = 0;
  for (let b = 0; b < 256; b++) {
    const c = counts[b]!;
    if (c) bits -= c * Math.log2(c / bytes.length);
  }
  return bits / bytes.length >= PROBE_BITS;
}

/**
 * Which units of `block` deflate cannot compress (see UNIT_BYTES). The candidates go through one brotli stream
 * per block, flushed after each unit (its output since the last flush is the unit's size): an encoder made
 * per unit costs the main thread ~0.8 ms in set-up, against ~0.2 ms per flush.
 */
export async function incompressibleUnits(block: Buffer): Promise<boolean[]> {
  const units = Math.ceil(block.length / UNIT_BYTES);
  const stored = new Array<boolean>(units).fill(false);
  let encoder: zlib.BrotliCompress | null = null;
  let out = 0;
  let failure: Error | null = null;
  try {
    for (let u = 0; u < units; u++) {
      const unit = block.subarray(u * UNIT_BYTES, (u + 1) * UNIT_BYTES);
      if (unit.length < 2 * PROBE_BYTES || !looksRandom(unit.subarray(0, PROBE_BYTES))) continue;
      if (!encoder) {
        encoder = zlib.createBrotliCompress({
          chunkSize: outputChunk(UNIT_BYTES),
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 0, [zlib.constants.BROTLI_PARAM_LGWIN]: 16 },
        });
        encoder.on('data', (chunk: Buffer) => {
          out += chunk.length;
        });
        encoder.on('error', (error: Error) => {
          failure = error;
        });
      }
      const before = out;
      const e: zlib.BrotliCompress = encoder;
      e.write(unit);
      await new Promise<void>((resolve) => e.flush(zlib.constants.BROTLI_OPERATION_FLUSH, () => resolve()));
      if (failure) throw failure;
      stored[u] = out - before >= INCOMPRESSIBLE * unit.length;
    }
  } finally {
    encoder?.destroy();
  }
  return stored;
}

/**
 * The gzip body bytes of one block of a layer (`dictionary`: the 32 KiB before it; `last`: the layer ends
 * with it): runs of incompressible units are counted as stored, the rest deflated at level 6.
 */
async function gzipBlockSize(block: Buffer, dictionary: Buffer | undefined, last: boolean): Promise<number> {
  const stored = await incompressibleUnits(block);
  const jobs: Promise<number>[] = [];
  let start = 0;
  while (start < stored.length) {
    let end = start + 1;
    while (end < stored.length && stored[end] === stored[start]) end++;
    const from = start * UNIT_BYTES;
    const to = Math.min(end * UNIT_BYTES, block.length);
    if (stored[start]) jobs.push(Promise.resolve(storedSize(to - from)));
    else {
      // a run that starts inside the block has the unit before it (256 KiB ≥ the 32 KiB window)
      const before = from === 0 ? dictionary : block.subarray(from - WINDOW, from);
      jobs.push(deflateRaw(block.subarray(from, to), before, last && to === block.length));
    }
    start = end;
  }
  // A layer that ends in stored units still needs deflate's final (empty) block.
  if (jobs.length === 0 || (last && stored[stored.length - 1]))
    jobs.push(deflateRaw(Buffer.alloc(0), undefined, last));
  return (await Promise.all(jobs)).reduce((a, b) => a + b, 0);
}

const zstdSize = (f: ZstdOneShot, block: Buffer): Promise<number> =>
  new Promise((resolve, reject) => {
    const level = (zlib.constants as Record<string, number>).ZSTD_c_compressionLevel!;
    f(block, { chunkSize: outputChunk(block.length), params: { [level]: ZSTD_LEVEL } }, (error, out) =>
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
      gzipBlockSize(block, dictionary, last),
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
export function tapCompressed<T extends Uint8Array>(
  chunks: AsyncIterable<T>,
  options: { zstd?: boolean } = {},
): { chunks: AsyncIterable<T>; sizes: Promise<CompressedSizes> } {
  let settle!: { resolve: (s: CompressedSizes) => void; reject: (e: unknown) => void };
  const sizes = new Promise<CompressedSizes>((resolve, reject) => {
    settle = { resolve, reject };
  });
  sizes.catch(() => undefined);
  async function* pass(): AsyncGenerator<T> {
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
