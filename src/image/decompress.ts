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

function toBuffer(chunk: Uint8Array): Buffer {
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

// fzstd decodes all it is given at once, and a few bytes of zstd can stand for megabytes (an RLE block is
// four bytes for 128 KiB): fed a 64 KiB slice of a bomb it once made 2 GB before the first was handed on.
// So the input is cut at the format's own boundaries (frame headers, blocks, checksums, skippable frames), and
// each feed holds blocks that can make at most FZSTD_FEED decoded bytes; what a feed made is handed on before
// the next. Windows are bounded as the reference decoder bounds them by default, since fzstd allocates the
// whole window up front.
const FZSTD_FEED = 1024 * 1024;
/** zstd's own default limit (`--memory=128MB`): a frame asking for more is refused, as `zstd -d` refuses it. */
const MAX_ZSTD_WINDOW = 128 * 1024 * 1024;
const MAX_BLOCK = 128 * 1024;
const ZSTD_FRAME = 0xfd2fb528;
const SKIPPABLE_FRAME = 0x184d2a50;

type FramerState =
  | { at: 'frame' }
  | { at: 'block'; checksum: boolean }
  | { at: 'checksum' }
  | { at: 'skip'; left: number };

/** The next whole unit of a zstd stream at `pos`: its length and the most it decodes to; null when incomplete. */
function nextUnit(
  buf: Buffer,
  pos: number,
  state: FramerState,
): { length: number; decoded: number; state: FramerState } | null {
  const avail = buf.length - pos;
  switch (state.at) {
    case 'frame': {
      if (avail < 4) return null;
      const magic = buf.readUInt32LE(pos);
      if ((magic & 0xfffffff0) >>> 0 === SKIPPABLE_FRAME) {
        if (avail < 8) return null;
        return { length: 8, decoded: 0, state: { at: 'skip', left: buf.readUInt32LE(pos + 4) } };
      }
      if (magic !== ZSTD_FRAME) throw new Error('zstd: not a zstd frame where one should start');
      if (avail < 5) return null;
      const fhd = buf[pos + 4]!;
      if (fhd & 8) throw new Error('zstd: reserved bit set in a frame header');
      const single = (fhd >> 5) & 1;
      const fcsFlag = fhd >> 6;
      const dictBytes = [0, 1, 2, 4][fhd & 3]!;
      const fcsBytes = fcsFlag === 0 ? single : 1 << fcsFlag;
      const length = 5 + (single ? 0 : 1) + dictBytes + fcsBytes;
      if (avail < length) return null;
      let window: number;
      if (single) {
        const at = pos + 5 + dictBytes;
        window =
          fcsBytes === 1
            ? buf[at]!
            : fcsBytes === 2
              ? buf.readUInt16LE(at) + 256
              : fcsBytes === 4
                ? buf.readUInt32LE(at)
                : Number(buf.readBigUInt64LE(at));
      } else {
        const wd = buf[pos + 5]!;
        const base = 2 ** (10 + (wd >> 3));
        window = base + (base / 8) * (wd & 7);
      }
      if (window > MAX_ZSTD_WINDOW) {
        throw new Error(
          `zstd: a frame needs a ${Math.ceil(window / 1024 / 1024)} MiB window; image-guard decodes windows up to ${MAX_ZSTD_WINDOW / 1024 / 1024} MiB, zstd's own default limit`,
        );
      }
      return { length, decoded: 0, state: { at: 'block', checksum: ((fhd >> 2) & 1) === 1 } };
    }
    case 'block': {
      if (avail < 3) return null;
      const header = buf[pos]! | (buf[pos + 1]! << 8) | (buf[pos + 2]! << 16);
      const type = (header >> 1) & 3;
      const size = header >>> 3;
      if (type === 3) throw new Error('zstd: a block of the reserved type');
      if (size > MAX_BLOCK) throw new Error(`zstd: a block of ${size} bytes, over the format's 128 KiB`);
      const length = 3 + (type === 1 ? 1 : size);
      if (avail < length) return null;
      const last = (header & 1) === 1;
      const next: FramerState = !last ? state : state.checksum ? { at: 'checksum' } : { at: 'frame' };
      return { length, decoded: type === 2 ? MAX_BLOCK : size, state: next };
    }
    case 'checksum':
      return avail < 4 ? null : { length: 4, decoded: 0, state: { at: 'frame' } };
    case 'skip': {
      if (state.left === 0) return nextUnit(buf, pos, { at: 'frame' });
      const length = Math.min(state.left, avail);
      return length === 0 ? null : { length, decoded: 0, state: { at: 'skip', left: state.left - length } };
    }
  }
}

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
  let pending: Buffer = Buffer.alloc(0);
  let state: FramerState = { at: 'frame' };
  for await (const chunk of source) {
    pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let fed = 0;
    let at = 0;
    let bound = 0;
    for (;;) {
      const unit = nextUnit(pending, at, state);
      if (unit === null) break;
      state = unit.state;
      at += unit.length;
      bound += unit.decoded;
      if (bound >= FZSTD_FEED) {
        push(pending.subarray(fed, at));
        fed = at;
        bound = 0;
        while (out.length > 0) yield out.shift()!;
      }
    }
    if (at > fed) push(pending.subarray(fed, at));
    while (out.length > 0) yield out.shift()!;
    // What is left is less than one unit (a block is at most 128 KiB): copied, so the chunk can go.
    pending = Buffer.from(pending.subarray(at));
  }
  push(pending, true);
  while (out.length > 0) yield out.shift()!;
}

type ZstdFactory = (options?: zlib.ZlibOptions) => Transform;

const nativeZstd: ZstdFactory | undefined = (zlib as unknown as { createZstdDecompress?: ZstdFactory })
  .createZstdDecompress;

function zstdError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`zstd: ${message}`);
}
