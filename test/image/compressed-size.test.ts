import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_BYTES,
  compressedSizeOf,
  createCompressedCounter,
  GZIP_LEVEL,
  incompressibleUnits,
  PROBE_BYTES,
  storedSize,
  tapCompressed,
  UNIT_BYTES,
  zstdAvailable,
} from '../../src/image/compressed-size.js';

async function* chunksOf(buf: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

// Half random (incompressible), half text (very compressible): a layer's usual mix.
const sample = Buffer.concat([randomBytes(300_000), Buffer.from('hello layer\n'.repeat(40_000))]);
// Compressible throughout (deflate runs on every byte, none is counted as stored).
const text = Buffer.from(
  Array.from({ length: 30_000 }, (_, i) => `line ${i}: ${(i * 7919).toString(36)} and some words\n`).join(''),
);
const gzipLength = (b: Buffer) => zlib.gzipSync(b, { level: GZIP_LEVEL }).length;

describe('createCompressedCounter', () => {
  it('below one block of compressible bytes: exactly what zlib makes at level 6, however it is chunked', async () => {
    expect(text.length).toBeGreaterThan(3 * UNIT_BYTES);
    for (const size of [1, 4096, 65_536, text.length]) {
      const chunked = size === 1 ? text.subarray(0, 5000) : text;
      const sizes = await compressedSizeOf(chunksOf(chunked, size));
      expect(sizes.gzip).toBe(gzipLength(chunked));
    }
  });

  it('random bytes are counted as deflate stores them, within a few bytes, however they are chunked', async () => {
    const random = randomBytes(3 * UNIT_BYTES + 1000);
    expect(storedSize(random.length)).toBeGreaterThan(random.length);
    expect(Math.abs(storedSize(random.length) + 20 - gzipLength(random))).toBeLessThan(8);
    for (const size of [4096, 65_536, random.length]) {
      const sizes = await compressedSizeOf(chunksOf(random, size));
      expect(Math.abs(sizes.gzip - gzipLength(random))).toBeLessThan(8);
    }
    // random and text mixed inside one unit
    const sizes = await compressedSizeOf(chunksOf(sample, 10_000));
    expect(Math.abs(sizes.gzip - gzipLength(sample))).toBeLessThan(16);
  });

  it('only units that neither byte counts nor brotli can shrink are counted as stored, not deflated', async () => {
    const repeats = Buffer.concat(
      Array.from({ length: 8 }, () => randomBytes(16 * 1024)).flatMap((b) => [b, b]),
    );
    const block = Buffer.concat([
      randomBytes(UNIT_BYTES),
      text.subarray(0, UNIT_BYTES),
      repeats,
      randomBytes(1000),
    ]);
    // random, text, random-looking but repeating, and a tail too short to look at
    expect(await incompressibleUnits(block)).toEqual([true, false, false, false]);
  });

  it('bytes that look random one by one but repeat are compressed, not counted as stored', async () => {
    // Every 16 KiB probe has the byte counts of random data; deflate's window still finds the repeats.
    const repeated = Buffer.concat(
      Array.from({ length: 48 }, () => randomBytes(16 * 1024)).flatMap((b) => [b, b]),
    );
    const want = gzipLength(repeated);
    expect(want).toBeLessThan(0.6 * repeated.length);
    const sizes = await compressedSizeOf(chunksOf(repeated, 65_536));
    expect(Math.abs(sizes.gzip - want) / want).toBeLessThan(0.001);
    // and bytes with random-looking probes but a skewed rest
    const skewed = Buffer.concat([randomBytes(PROBE_BYTES), Buffer.from('abcd'.repeat(UNIT_BYTES))]);
    const s2 = await compressedSizeOf(chunksOf(skewed, 65_536));
    expect(Math.abs(s2.gzip - gzipLength(skewed)) / gzipLength(skewed)).toBeLessThan(0.001);
  });

  it('counts zstd where Node has an encoder, and says null where it has none', async () => {
    const sizes = await compressedSizeOf(chunksOf(sample, 65_536));
    if (zstdAvailable()) {
      const z = zlib as unknown as { zstdCompressSync: (b: Buffer) => Buffer };
      // Same library and level 3 (its default): within a few bytes of the one-shot frame (the streamed
      // frame may not record the content size in its header).
      expect(Math.abs(sizes.zstd! - z.zstdCompressSync(sample).length)).toBeLessThan(16);
    } else {
      expect(sizes.zstd).toBeNull();
    }
    expect((await compressedSizeOf(chunksOf(sample, 65_536), { zstd: false })).zstd).toBeNull();
  });

  it('a layer of several blocks, compressed in parallel, is within 0.2% of one stream', async () => {
    // Text and random runs, 25 MB: three 8 MiB blocks and a rest. Measured: gzip −0.05%, zstd −0.001%.
    const parts: Buffer[] = [];
    for (let i = 0; i < 40; i++)
      parts.push(
        i % 3
          ? Buffer.from(`line ${i} of some text ${'x'.repeat(i)}\n`.repeat(20_000))
          : randomBytes(300_000),
      );
    const big = Buffer.concat(parts);
    expect(big.length).toBeGreaterThan(3 * BLOCK_BYTES);
    const sizes = await compressedSizeOf(chunksOf(big, 65_536));
    const stream = zlib.gzipSync(big, { level: GZIP_LEVEL }).length;
    expect(Math.abs(sizes.gzip - stream) / stream).toBeLessThan(0.002);
    if (zstdAvailable()) {
      const z = (zlib as unknown as { zstdCompressSync: (b: Buffer) => Buffer }).zstdCompressSync(big).length;
      expect(Math.abs(sizes.zstd! - z) / z).toBeLessThan(0.002);
    }
  });

  it('an empty layer still has a gzip header and trailer', async () => {
    const counter = createCompressedCounter();
    expect((await counter.finish()).gzip).toBe(zlib.gzipSync(Buffer.alloc(0)).length);
  });

  it('refuses writes after finish, and abort leaves nothing pending', async () => {
    const counter = createCompressedCounter();
    await counter.write(Buffer.from('x'));
    await counter.finish();
    await expect(counter.write(Buffer.from('y'))).rejects.toThrow(/after finish/);
    const aborted = createCompressedCounter();
    await aborted.write(randomBytes(10_000));
    aborted.abort();
  });
});

describe('tapCompressed', () => {
  it('passes the chunks through unchanged and counts them on the way', async () => {
    const tap = tapCompressed(chunksOf(sample, 10_000));
    const seen: Buffer[] = [];
    for await (const chunk of tap.chunks) seen.push(Buffer.from(chunk));
    expect(Buffer.concat(seen).equals(sample)).toBe(true);
    expect(Math.abs((await tap.sizes).gzip - gzipLength(sample))).toBeLessThan(16);
  });

  it('a consumer that stops early gets the count of what it read', async () => {
    const tap = tapCompressed(chunksOf(sample, 10_000));
    for await (const _ of tap.chunks) break;
    const first = sample.subarray(0, 10_000);
    expect((await tap.sizes).gzip).toBe(zlib.gzipSync(first, { level: GZIP_LEVEL }).length);
  });

  it('a failing source rejects the sizes too', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('abc');
      throw new Error('truncated');
    }
    const tap = tapCompressed(broken());
    await expect(
      (async () => {
        for await (const _ of tap.chunks) {
          // reading
        }
      })(),
    ).rejects.toThrow('truncated');
    await expect(tap.sizes).rejects.toThrow('truncated');
  });
});
