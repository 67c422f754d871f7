// Issue 15, item 8: zstd under Node 20 goes through fzstd, which decodes all it is fed at once. A bomb (a
// few KiB of RLE blocks standing for gigabytes) once made 2.1 GB; now the input is fed block by block, a
// bounded amount of output at a time. The decoder runs in a child process so that its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fzstdChunks } from '../../src/image/decompress.js';
import { zstd } from '../support/tar-fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'ig-zstd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A zstd frame of `blocks` RLE blocks of 128 KiB each (4 bytes apiece), with a 128 KiB window. */
function rleBomb(blocks: number, byte = 0x41): Buffer {
  const header = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, (17 - 10) << 3]);
  const body = Buffer.alloc(blocks * 4);
  for (let i = 0; i < blocks; i++) {
    const last = i === blocks - 1 ? 1 : 0;
    const h = ((128 * 1024) << 3) | (1 << 1) | last;
    body.writeUIntLE(h, i * 4, 3);
    body[i * 4 + 3] = byte;
  }
  return Buffer.concat([header, body]);
}

async function decode(input: Buffer[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  async function* source() {
    yield* input;
  }
  for await (const chunk of fzstdChunks(source())) parts.push(chunk);
  return Buffer.concat(parts);
}

const child = `
import { createReadStream } from 'node:fs';
import { fzstdChunks } from ${JSON.stringify(join(import.meta.dirname, '../../src/image/decompress.ts'))};
let bytes = 0, largest = 0, ok = true;
for await (const chunk of fzstdChunks(createReadStream(process.argv[2], { highWaterMark: 1 << 20 }))) {
  bytes += chunk.length;
  largest = Math.max(largest, chunk.length);
  if (chunk[0] !== 0x41 || chunk[chunk.length - 1] !== 0x41) ok = false;
}
console.log(JSON.stringify({ bytes, largest, ok, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
`;

describe('the fzstd fallback', () => {
  it('decodes a 2 GiB bomb of 64 KiB with bounded memory', () => {
    const file = join(tmp, 'bomb.zst');
    const bomb = rleBomb(16 * 1024);
    expect(bomb.length).toBe(6 + 64 * 1024);
    writeFileSync(file, bomb);
    writeFileSync(join(tmp, 'child.mts'), child);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(tmp, 'child.mts'), file], {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ bytes: 2 * 1024 ** 3, ok: true });
    expect(result.largest).toBeLessThanOrEqual(1024 * 1024);
    // Node and tsx alone take 60-90 MiB here; the 2 GiB of output must not show.
    expect(result.maxRssMiB).toBeLessThan(250);
  }, 180_000);

  it('decodes what it is fed in any slicing, frames, checksums and skippable frames included', async () => {
    // Two frames from the zstd CLI (checksummed, compressed and raw blocks), a skippable frame between them.
    const text = Buffer.from(
      Array.from({ length: 20_000 }, (_, i) => `line ${i * 7919} of the layer\n`).join(''),
    );
    const noise = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) >>> 24));
    const skippable = Buffer.concat([
      Buffer.from([0x5a, 0x2a, 0x4d, 0x18, 5, 0, 0, 0]),
      Buffer.from('hello'),
    ]);
    const plain = Buffer.concat([text, noise, Buffer.alloc(1 << 20)]);
    const stream = Buffer.concat([
      zstd(text),
      skippable,
      zstd(Buffer.concat([noise, Buffer.alloc(1 << 20)])),
    ]);
    const whole = await decode([stream]);
    expect(whole.equals(plain)).toBe(true);
    for (const size of [13, 4096, 100_000]) {
      const slices: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) slices.push(stream.subarray(i, i + size));
      expect((await decode(slices)).equals(plain)).toBe(true);
    }
  });

  it('refuses a window over 128 MiB, a reserved block and a truncated stream', async () => {
    // Single segment, 8-byte frame content size of 4 GiB: the window is the content size.
    const huge = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0x41]);
    await expect(decode([huge])).rejects.toThrow(
      'zstd: a frame needs a 4096 MiB window; image-guard decodes windows up to 128 MiB',
    );
    const reserved = Buffer.concat([rleBomb(1).subarray(0, 6), Buffer.from([0x07, 0, 0])]);
    await expect(decode([reserved])).rejects.toThrow('zstd: a block of the reserved type');
    await expect(decode([rleBomb(4).subarray(0, 12)])).rejects.toThrow(/^zstd: /);
  });
});
