import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_BYTES,
  compressedSizeOf,
  createCompressedCounter,
  GZIP_LEVEL,
  tapCompressed,
  zstdAvailable,
} from '../../src/image/compressed-size.js';

async function* chunksOf(buf: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

// Half random (incompressible), half text (very compressible): a layer's usual mix.
const sample = Buffer.concat([randomBytes(300_000), Buffer.from('hello layer\n'.repeat(40_000))]);

describe('createCompressedCounter', () => {
  it('below one block: exactly the bytes zlib makes at level 6, however the input is chunked', async () => {
    const expected = zlib.gzipSync(sample, { level: GZIP_LEVEL }).length;
    for (const size of [1, 4096, 65_536, sample.length]) {
      const chunked = size === 1 ? sample.subarray(0, 5000) : sample;
      const want = size === 1 ? zlib.gzipSync(chunked, { level: GZIP_LEVEL }).length : expected;
      const sizes = await compressedSizeOf(chunksOf(chunked, size));
      expect(sizes.gzip).toBe(want);
    }
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
    expect((await tap.sizes).gzip).toBe(zlib.gzipSync(sample, { level: GZIP_LEVEL }).length);
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
