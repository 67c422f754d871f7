// The tar reader on its own: header shapes (ustar prefix, pax, GNU long names, base-256 sizes, old-style
// directories), the three ways to take a body, and every malformed input it must refuse.

import { describe, expect, it } from 'vitest';
import { readTar, type TarEntry, TarFormatError } from '../../src/image/tar-reader.js';
import { chunked, hugePaxMember, layerTar, rawHeader, rawMember } from '../support/tar-fixtures.js';

const END = Buffer.alloc(1024);

/** A header with its checksum recomputed after `edit`. */
function edited(header: Buffer, edit: (b: Buffer) => void): Buffer {
  const b = Buffer.from(header);
  edit(b);
  b.write('        ', 148);
  let sum = 0;
  for (const x of b) sum += x;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return b;
}

function paxRecords(fields: Record<string, string>): Buffer {
  let out = '';
  for (const [k, v] of Object.entries(fields)) {
    const rest = Buffer.byteLength(` ${k}=${v}\n`);
    let len = rest + 1;
    while (String(len).length + rest !== len) len = String(len).length + rest;
    out += `${len} ${k}=${v}\n`;
  }
  return Buffer.from(out);
}

async function entries(tar: Buffer, chunk = 7919): Promise<TarEntry[]> {
  const seen: TarEntry[] = [];
  await readTar(chunked(tar, chunk), {
    header(entry) {
      seen.push(entry);
      return false;
    },
  });
  return seen;
}

async function failure(tar: Buffer, chunk = 7919): Promise<TarFormatError> {
  try {
    await entries(tar, chunk);
  } catch (error) {
    expect(error).toBeInstanceOf(TarFormatError);
    return error as TarFormatError;
  }
  throw new Error('expected a failure');
}

describe('readTar headers', () => {
  it('joins the ustar prefix to the name', async () => {
    const h = edited(rawHeader({ name: 'file.txt', type: '0' }), (b) => b.write('some/long/prefix', 345));
    expect((await entries(Buffer.concat([h, END])))[0]).toEqual({
      path: 'some/long/prefix/file.txt',
      type: 'File',
      size: 0,
    });
  });

  it('takes path, linkpath and size from a pax header, for the next member only', async () => {
    const long = `${'d'.repeat(150)}/${'n'.repeat(120)}`;
    const tar = Buffer.concat([
      rawMember(
        { name: 'PaxHeader/x', type: 'x' },
        paxRecords({ path: long, linkpath: 'ü/target', comment: 'x=y' }),
      ),
      rawMember({ name: 'short', type: '2', linkname: 'ignored' }),
      rawMember({ name: 'PaxHeader/y', type: 'x' }, paxRecords({ size: '3' })),
      rawHeader({ name: 'sized', type: '0', size: 0 }),
      Buffer.from('abc'.padEnd(512, '\0')),
      rawMember({ name: 'plain', type: '0' }, Buffer.from('12')),
      END,
    ]);
    expect(await entries(tar)).toEqual([
      { path: long, type: 'SymbolicLink', size: 0, linkpath: 'ü/target' },
      { path: 'sized', type: 'File', size: 3 },
      { path: 'plain', type: 'File', size: 2 },
    ]);
  });

  it('reads GNU long names and long link targets, and skips global pax headers', async () => {
    const name = `x/${'n'.repeat(300)}`;
    const target = `t/${'l'.repeat(200)}`;
    const tar = Buffer.concat([
      rawMember({ name: 'pax_global_header', type: 'g' }, paxRecords({ path: 'not-this', comment: 'c' })),
      rawMember({ name: '././@LongLink', type: 'K' }, Buffer.from(`${target}\0`)),
      rawMember({ name: '././@LongLink', type: 'L' }, Buffer.from(`${name}\0`)),
      rawMember({ name: 'cut', type: '1', linkname: 'cut' }),
      rawMember({ name: 'next', type: '5' }),
      END,
    ]);
    expect(await entries(tar, 1)).toEqual([
      { path: name, type: 'Link', size: 0, linkpath: target },
      { path: 'next', type: 'Directory', size: 0 },
    ]);
  });

  it('reads base-256 sizes', async () => {
    const size = 600;
    const h = edited(rawHeader({ name: 'big', type: '0' }), (b) => {
      b.fill(0, 124, 136);
      b[124] = 0x80;
      b.writeUIntBE(size, 130, 6);
    });
    const tar = Buffer.concat([h, Buffer.alloc(1024, 0x61), END]);
    expect(await entries(tar)).toEqual([{ path: 'big', type: 'File', size }]);
  });

  it('takes an old-style file named with a slash as a directory, and skips a body a directory should not have', async () => {
    const oldDir = edited(rawHeader({ name: 'olddir/', type: '0' }), (b) => {
      b[156] = 0;
    });
    const dirWithSize = rawMember({ name: 'd', type: '5' }, Buffer.alloc(700, 1));
    // The body written for the directory is not a member: the reader must not take it for one.
    const dirEntries = await entries(Buffer.concat([oldDir, rawMember({ name: 'f', type: '0' }), END]));
    expect(dirEntries.map((e) => [e.path, e.type])).toEqual([
      ['olddir/', 'Directory'],
      ['f', 'File'],
    ]);
    const withBody = await failure(
      Buffer.concat([dirWithSize, rawMember({ name: 'after', type: '0' }), END]),
    );
    expect(withBody.message).toMatch(/checksum/);
  });

  it('accepts a checksum summed over signed bytes', async () => {
    const h = Buffer.from(rawHeader({ name: 'é', type: '0' }));
    h.write('        ', 148);
    let sum = 0;
    for (const x of h) sum += x > 127 ? x - 256 : x;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    expect((await entries(Buffer.concat([h, END])))[0]?.path).toBe('é');
  });

  it('reports members of types it does not know, with their size, and skips their bodies', async () => {
    const tar = Buffer.concat([
      rawMember({ name: 'sparse', type: 'S' }, Buffer.alloc(600, 1)),
      rawMember({ name: 'odd', type: 'Z' }, Buffer.alloc(10, 1)),
      rawMember({ name: 'f', type: '0' }),
      END,
    ]);
    expect(await entries(tar)).toEqual([
      { path: 'sparse', type: 'SparseFile', size: 600 },
      { path: 'odd', type: 'Unsupported', size: 10 },
      { path: 'f', type: 'File', size: 0 },
    ]);
  });

  it('ends at the end marker, and accepts a single zero block before the end of the stream', async () => {
    const one = Buffer.concat([rawMember({ name: 'a', type: '0' }), Buffer.alloc(512)]);
    expect(await entries(one)).toHaveLength(1);
    const afterEnd = Buffer.concat([
      rawMember({ name: 'a', type: '0' }),
      END,
      rawMember({ name: 'b', type: '0' }),
    ]);
    expect(await entries(afterEnd)).toHaveLength(1);
  });
});

describe('readTar bodies', () => {
  const files = () =>
    layerTar([
      { path: 'a', content: 'x'.repeat(70_000) },
      { path: 'b', content: 'hello' },
      { path: 'c', content: 'y'.repeat(1500) },
    ]);

  it('gives the first bytes asked for, however the stream is chunked', async () => {
    const tar = await files();
    for (const chunk of [1, 511, 512, 513, 65536, tar.length]) {
      const heads: string[] = [];
      await readTar(chunked(tar, chunk), {
        header: () => 1000,
        head: (entry, bytes) => heads.push(`${entry.path}:${bytes.length}:${bytes.toString('latin1', 0, 1)}`),
      });
      expect(heads).toEqual(['a:1000:x', 'b:5:h', 'c:1000:y']);
    }
  });

  it('streams a body, and skips what a consumer leaves unread', async () => {
    const tar = await files();
    for (const chunk of [1, 777, 65536]) {
      const got: Record<string, number> = {};
      await readTar(chunked(tar, chunk), {
        header: (entry) => entry.path !== 'c',
        async body(entry, content) {
          let n = 0;
          for await (const part of content) {
            n += part.length;
            if (entry.path === 'a' && n >= 100) break;
          }
          got[entry.path] = n;
        },
      });
      expect(got.b).toBe(5);
      expect(got.a).toBeGreaterThanOrEqual(100);
      expect(got.a).toBeLessThan(70_000);
    }
  });

  it('stops at a consumer that fails, and closes the source', async () => {
    const tar = await files();
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; i < tar.length; i += 100) yield tar.subarray(i, i + 100);
      } finally {
        closed = true;
      }
    }
    await expect(
      readTar(source(), {
        header: () => true,
        async body() {
          throw new Error('consumer failed');
        },
      }),
    ).rejects.toThrow('consumer failed');
    expect(closed).toBe(true);
  });
});

describe('readTar refuses', () => {
  it('a pax header over the limit, from its header alone', async () => {
    const header = Buffer.concat([hugePaxMember(2 << 20)]).subarray(0, 512);
    const error = await failure(header);
    expect(error.message).toMatch(
      /^a ExtendedHeader header of \d+ bytes for "PaxHeader" is over the limit of 1048576 bytes$/,
    );
  });

  it('a meta header over a lower limit', async () => {
    const tar = Buffer.concat([hugePaxMember(3000), END]);
    await expect(readTar(chunked(tar), { header: () => false }, { maxMetaEntrySize: 1024 })).rejects.toThrow(
      /ExtendedHeader header of \d+ bytes .* over the limit of 1024 bytes/,
    );
  });

  it('a link without a target, a member without a name, a file with a target and a body', async () => {
    expect((await failure(Buffer.concat([rawMember({ name: 'l', type: '2' }), END]))).message).toBe(
      'linkpath required',
    );
    expect((await failure(Buffer.concat([rawMember({ name: '', type: '0' }), END]))).message).toBe(
      'path is required',
    );
    const withTarget = rawMember({ name: 'f', type: '0', linkname: 'x' }, Buffer.from('body'));
    expect((await failure(Buffer.concat([withTarget, END]))).message).toBe('linkpath forbidden');
    // Empty, it is moby's shared whiteout inode: taken without the link.
    const whiteout = rawMember({ name: '.wh.f', type: '0', linkname: '.wh.g' });
    expect(await entries(Buffer.concat([whiteout, END]))).toEqual([{ path: '.wh.f', type: 'File', size: 0 }]);
  });

  it('a size field that is not a number, and a negative base-256 size', async () => {
    const bad = edited(rawHeader({ name: 'f', type: '0' }), (b) => b.write('12x4567\0', 124));
    expect((await failure(Buffer.concat([bad, END]))).message).toMatch(/size field/);
    const negative = edited(rawHeader({ name: 'f', type: '0' }), (b) => {
      b.fill(0xff, 124, 136);
    });
    expect((await failure(Buffer.concat([negative, END]))).message).toMatch(/negative/);
  });

  it('a stream cut anywhere: in a header, a body, a pax header, or before the end marker', async () => {
    const tar = Buffer.concat([
      rawMember({ name: 'PaxHeader', type: 'x' }, paxRecords({ path: 'p'.repeat(200) })),
      rawMember({ name: 'f', type: '0' }, Buffer.alloc(1000, 1)),
      END,
    ]);
    for (const cut of [100, 512, 700, 1024, 1500, 2048, 2500, 2560]) {
      const error = await failure(tar.subarray(0, cut), 300);
      expect(error.message).toMatch(/Truncated|end-of-archive/);
      expect(error.notTar).toBe(cut < 1024);
    }
    for (const want of [true, 10] as const) {
      await expect(
        readTar(chunked(tar.subarray(0, 2000), 300), {
          header: () => want,
          head: () => {},
          async body(_e, content) {
            for await (const _ of content) {
              // read all there is
            }
          },
        }),
      ).rejects.toThrow(/Truncated/);
    }
  });

  it('a corrupt header, and bytes that are no tar at all', async () => {
    const tar = await layerTar([
      { path: 'a', size: 10 },
      { path: 'b', size: 10 },
    ]);
    tar.writeUInt8(tar.readUInt8(1024 + 3) ^ 0xff, 1024 + 3);
    const error = await failure(tar);
    expect(error.message).toBe('checksum failure');
    expect(error.notTar).toBe(false);
    const notTar = await failure(Buffer.from('{"json": true}'.repeat(100)));
    expect(notTar.notTar).toBe(true);
    expect((await failure(Buffer.alloc(0))).notTar).toBe(true);
  });
});
