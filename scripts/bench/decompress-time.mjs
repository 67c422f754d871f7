// Decompresses every gzip or zstd file under a folder and throws the bytes away: the decoding cost of the
// compressed layers of an archive, with what image-guard decodes them with (Node's zlib for gzip; Node's own
// zstd where it has one, else fzstd). `node scripts/bench/decompress-time.mjs DIR`
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { Decompress } from 'fzstd';

const CHUNK = { chunkSize: 256 * 1024 };

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

async function magic(path) {
  for await (const chunk of createReadStream(path, { start: 0, end: 3 })) return chunk;
  return Buffer.alloc(0);
}

async function fzstd(path) {
  const d = new Decompress(() => {});
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) d.push(chunk);
  d.push(new Uint8Array(0), true);
}

let bytes = 0;
for (const path of files(process.argv[2])) {
  const head = await magic(path);
  if (head.length < 4) continue;
  if (head[0] === 0x1f && head[1] === 0x8b) {
    await pipeline(createReadStream(path), zlib.createGunzip(CHUNK), async (source) => {
      for await (const c of source) bytes += c.length;
    });
  } else if (head.readUInt32LE(0) === 0xfd2fb528) {
    if (zlib.createZstdDecompress) {
      await pipeline(createReadStream(path), zlib.createZstdDecompress(CHUNK), async (source) => {
        for await (const c of source) bytes += c.length;
      });
    } else await fzstd(path);
  }
}
process.stderr.write(`decoded ${bytes} bytes\n`);
