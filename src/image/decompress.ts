// Layers and archives arrive plain, gzip or zstd; the bytes say which (media types and file names lie or are
// absent). Decoding streams chunk by chunk: node:zlib for gzip, Node's own zstd where it has one (Node 24,
// the Action's runtime), else fzstd, a small pure-JS streaming decoder.

import { pipeline, Readable, type Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import { Decompress as FzstdDecompress } from 'fzstd';

export type Compression = 'none' | 'gzip' | 'zstd';

const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
// Large output chunks: each zlib chunk is one round trip to the thread pool and one parser write.
const DECODED_CHUNK = 256 * 1024;
// Decoded bytes buffered ahead of the tar parser, so that decoding (in the thread pool) overlaps parsing.
const DECODED_AHEAD = 4 * 1024 * 1024;

export function detectCompression(head: Uint8Array): Compression {
  if (startsWith(head, GZIP_MAGIC)) return 'gzip';
  if (startsWith(head, ZSTD_MAGIC)) return 'zstd';
  return 'none';
}

function startsWith(head: Uint8Array, magic: number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

/** The first bytes of a stream, read without losing them: `rest` yields everything, those bytes included. */
export async function peek(
  source: AsyncIterable<Uint8Array>,
  bytes: number,
): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = toBuffer(next.value);
    seen.push(chunk);
    length += chunk.length;
  }
  const head = seen.length === 1 ? seen[0]! : Buffer.concat(seen);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  return { head, rest: rest() };
}

export function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * The plain bytes of a possibly compressed stream, with the compression found from its magic bytes.
 * A truncated or corrupt compressed stream makes the iteration throw.
 */
export async function decompressed(
  source: AsyncIterable<Uint8Array>,
): Promise<{ compression: Compression; chunks: AsyncIterable<Buffer> }> {
  const { head, rest } = await peek(source, 4);
  const compression = detectCompression(head);
  if (compression === 'none') return { compression, chunks: rest };
  if (compression === 'zstd' && !nativeZstd) return { compression, chunks: fzstdChunks(rest) };
  const decoder =
    compression === 'gzip'
      ? zlib.createGunzip({ chunkSize: DECODED_CHUNK, highWaterMark: DECODED_AHEAD } as zlib.ZlibOptions)
      : nativeZstd!({ chunkSize: DECODED_CHUNK, highWaterMark: DECODED_AHEAD } as zlib.ZlibOptions);
  // pipeline() destroys every stage when one fails, so the consumer's iteration throws the cause.
  const out = pipeline(Readable.from(rest, { objectMode: false }), decoder, () => {});
  return { compression, chunks: out as AsyncIterable<Buffer> };
}

// fzstd decodes a whole input chunk at once; feeding it slices and yielding what each slice gave keeps the
// decoded bytes in flight bounded (for ordinary ratios) and lets the consumer set the pace.
const FZSTD_SLICE = 64 * 1024;

export async function* fzstdChunks(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const out: Buffer[] = [];
  const decoder = new FzstdDecompress((data) => {
    if (data.length > 0) out.push(toBuffer(data));
  });
  const push = (chunk: Uint8Array, final?: boolean) => {
    try {
      decoder.push(chunk, final);
    } catch (error) {
      throw zstdError(error);
    }
  };
  for await (const chunk of source) {
    for (let i = 0; i < chunk.length; i += FZSTD_SLICE) {
      push(chunk.subarray(i, i + FZSTD_SLICE));
      while (out.length > 0) yield out.shift()!;
    }
  }
  push(new Uint8Array(0), true);
  while (out.length > 0) yield out.shift()!;
}

type ZstdFactory = (options?: zlib.ZlibOptions) => Transform;

export const nativeZstd: ZstdFactory | undefined = (zlib as unknown as { createZstdDecompress?: ZstdFactory })
  .createZstdDecompress;

function zstdError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`zstd: ${message}`);
}
