import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { compressedSizeOf } from '../../src/image/compressed-size.js';
import { summarizeLayer } from '../../src/image/layer-summary.js';
import {
  chunked,
  type FixtureEntry,
  gzip,
  hugePaxMember,
  layerTar,
  rawMember,
  zstd,
} from '../support/tar-fixtures.js';

async function summarize(entries: FixtureEntry[], opts: { chunk?: number; files?: boolean } = {}) {
  const tar = await layerTar(entries);
  return summarizeLayer(chunked(tar, opts.chunk), { name: 'L1', files: opts.files });
}

async function failure(buf: Buffer): Promise<UserError> {
  const error = await summarizeLayer(chunked(buf), { name: 'sha256:abc' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('summarizeLayer', () => {
  it('lists members with normalized paths and sizes the layer as the classic store does', async () => {
    const s = await summarize([
      { path: './', type: 'dir' },
      { path: './usr/', type: 'dir' },
      { path: './usr/bin/tool', size: 1000 },
      { path: 'usr//lib/./a.so', size: 3000 },
      { path: 'usr/bin/sh', type: 'symlink', target: 'busybox' },
      { path: 'usr/bin/hard', type: 'link', target: 'usr/bin/tool' },
      { path: 'dev/null', type: 'char' },
      { path: 'run/fifo', type: 'fifo' },
      { path: 'empty', size: 0 },
    ]);
    expect(s.entries).toEqual([
      { path: 'usr', kind: 'dir', size: 0 },
      { path: 'usr/bin/tool', kind: 'file', size: 1000 },
      { path: 'usr/lib/a.so', kind: 'file', size: 3000 },
      { path: 'usr/bin/sh', kind: 'symlink', size: 0, linkTarget: 'busybox' },
      { path: 'usr/bin/hard', kind: 'hardlink', size: 0, linkTarget: 'usr/bin/tool' },
      { path: 'dev/null', kind: 'other', size: 0 },
      { path: 'run/fifo', kind: 'other', size: 0 },
      { path: 'empty', kind: 'file', size: 0 },
    ]);
    // 1000 + 3000 + len('busybox'); the hard link and the devices add nothing.
    expect(s.size).toBe(4007);
    expect(s.whiteouts).toEqual([]);
    expect(s.opaqueDirs).toEqual([]);
  });

  it('counts symlink targets in UTF-8 bytes', async () => {
    const s = await summarize([{ path: 'l', type: 'symlink', target: 'é/ü', pax: true }]);
    expect(s.size).toBe(5);
  });

  it('takes whiteouts and opaque markers out of the entries', async () => {
    const s = await summarize([
      { path: 'etc/', type: 'dir' },
      { path: 'etc/.wh.passwd', size: 0 },
      { path: '.wh.top', size: 0 },
      { path: 'var/cache/.wh..wh..opq', size: 0 },
      { path: 'var/cache/new', size: 10 },
      { path: '.wh..wh..opq', size: 0 },
      { path: 'a/.wh..wh..plnk', type: 'dir' },
      { path: 'a/b/.wh..dotfile', size: 0 },
    ]);
    expect(s.whiteouts).toEqual(['etc/passwd', 'top', 'a/b/.dotfile']);
    expect(s.opaqueDirs).toEqual(['var/cache', '']);
    expect(s.entries.map((e) => e.path)).toEqual(['etc', 'var/cache/new']);
    expect(s.size).toBe(10);
  });

  it('takes whiteouts that moby writes with a Linkname (shared overlayfs whiteout inode)', async () => {
    const long = `var/lib/${'x'.repeat(120)}`;
    const s = await summarize([
      { path: 'app/.wh.big.hard' },
      { path: 'bin/.wh.vi', target: 'app/.wh.big.hard' },
      { path: `${long}/.wh.gone`, target: 'app/.wh.big.hard', pax: true },
      { path: 'data/.wh..wh..opq', target: 'app/.wh.big.hard' },
      { path: 'after', size: 3 },
    ]);
    expect(s.whiteouts).toEqual(['app/big.hard', 'bin/vi', `${long}/gone`]);
    expect(s.opaqueDirs).toEqual(['data']);
    expect(s.entries).toEqual([{ path: 'after', kind: 'file', size: 3 }]);
    expect(s.size).toBe(3);
  });

  it('reads names longer than 100 bytes from pax and GNU long-name headers', async () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(150)}`;
    const longTarget = `${'t'.repeat(130)}/target`;
    const s = await summarize([
      { path: `pax/${long}`, size: 5, pax: true },
      { path: `gnu/${long}`, size: 7, gnuLongName: true },
      { path: `gnu/link-${'x'.repeat(110)}`, type: 'symlink', target: longTarget, gnuLongName: true },
      { path: `ustar/${'p'.repeat(90)}/${'n'.repeat(90)}`, size: 11 },
    ]);
    expect(s.entries.map((e) => [e.path, e.size])).toEqual([
      [`pax/${long}`, 5],
      [`gnu/${long}`, 7],
      [`gnu/link-${'x'.repeat(110)}`, 0],
      [`ustar/${'p'.repeat(90)}/${'n'.repeat(90)}`, 11],
    ]);
    expect(s.entries[2]!.linkTarget).toBe(longTarget);
    expect(s.size).toBe(5 + 7 + longTarget.length + 11);
  });

  it('reads gzip and zstd layers the same as plain ones, in any chunking', async () => {
    const tar = await layerTar([
      { path: 'a', size: 70_000 },
      { path: 'b/c', content: 'hello' },
      { path: 'b/.wh.d' },
    ]);
    for (const body of [tar, gzip(tar), zstd(tar)]) {
      for (const chunk of [1, 513, 65536]) {
        const s = await summarizeLayer(chunked(body, chunk), { name: 'x' });
        expect(s.size).toBe(70_005);
        expect(s.whiteouts).toEqual(['b/d']);
        expect(s.entries.map((e) => e.path)).toEqual(['a', 'b/c']);
      }
    }
  });

  it('reads an empty layer (end marker only)', async () => {
    for (const body of [Buffer.alloc(1024), gzip(Buffer.alloc(1024))]) {
      const s = await summarizeLayer(chunked(body), { name: 'x' });
      expect(s).toEqual({ entries: [], whiteouts: [], opaqueDirs: [], size: 0, packageFiles: new Map() });
    }
  });

  it('reads past what follows the end marker without keeping it', async () => {
    const tar = Buffer.concat([await layerTar([{ path: 'a', size: 10 }]), Buffer.alloc(8 << 20, 0x5a)]);
    const s = await summarizeLayer(chunked(tar, 65536), { name: 'x' });
    expect(s.size).toBe(10);
    expect(s.entries).toHaveLength(1);
  });

  it('computes only the size with files: false', async () => {
    const s = await summarize(
      [{ path: 'a', size: 9 }, { path: '.wh.b' }, { path: 'l', type: 'symlink', target: '/abs' }],
      { files: false },
    );
    expect(s).toEqual({ entries: [], whiteouts: [], opaqueDirs: [], size: 13 });
  });

  describe('secret hints', () => {
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    it('flags private keys, npm tokens and docker credentials without keeping them', async () => {
      const s = await summarize(
        [
          { path: 'root/.ssh/id', content: key },
          { path: 'srv/bundle.pem', content: `${'x'.repeat(40_000)}-----BEGIN RSA PRIVATE KEY-----\nAAA` },
          { path: 'srv/public.pem', content: '-----BEGIN PUBLIC KEY-----\nAAA\n-----END PUBLIC KEY-----\n' },
          { path: 'srv/late.pem', content: `${'x'.repeat(70_000)}-----BEGIN PRIVATE KEY-----\n` },
          { path: 'app/.npmrc', content: '//registry.npmjs.org/:_authToken=npm_abc\n' },
          { path: 'app/other/.npmrc', content: 'registry=https://example.org\n' },
          { path: 'root/.docker/config.json', content: '{"auths":{"r.example":{"auth":"dXNlcjpwdw=="}}}' },
          { path: 'home/u/.docker/config.json', content: '{"auths":{"r.example":{}},"credsStore":"pass"}' },
          { path: 'x/.docker/config.json', content: '{"auths":{"r":{"identitytoken":"tok"}}}' },
        ],
        { chunk: 4096 },
      );
      expect(s.entries.map((e) => [e.path, e.secret])).toEqual([
        ['root/.ssh/id', 'private-key'],
        ['srv/bundle.pem', 'private-key'],
        ['srv/public.pem', undefined],
        ['srv/late.pem', undefined],
        ['app/.npmrc', 'npm-token'],
        ['app/other/.npmrc', undefined],
        ['root/.docker/config.json', 'docker-auths'],
        ['home/u/.docker/config.json', undefined],
        ['x/.docker/config.json', 'docker-auths'],
      ]);
      expect(JSON.stringify(s)).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
      expect(JSON.stringify(s)).not.toContain('npm_abc');
    });

    it('finds a key header split across chunks', async () => {
      for (let chunk = 500; chunk < 560; chunk += 3) {
        const s = await summarize([{ path: 'k', content: `${'y'.repeat(1000)}${key}` }], { chunk });
        expect(s.entries[0]!.secret).toBe('private-key');
      }
    });
  });

  describe('hostile or broken input is a UserError naming the layer', () => {
    it.each([
      ['a ../ path', [{ path: '../etc/passwd', content: 'x' }], /sha256:abc.*leaves the image root/],
      ['a ../ inside a path', [{ path: 'a/../../x', content: 'x' }], /leaves the image root/],
      ['a hard link out of the root', [{ path: 'h', type: 'link', target: '../../etc/shadow' }], /leaves/],
      [
        'a symlink whose relative target escapes',
        [{ path: 'a/b/l', type: 'symlink', target: '../../../etc' }],
        /points outside/,
      ],
      ['a whiteout of ..', [{ path: 'a/.wh...', content: '' }], /names no file/],
    ] as [string, FixtureEntry[], RegExp][])('%s', async (_name, entries, message) => {
      const error = await failure(await layerTar(entries));
      expect(error.message).toMatch(/^layer sha256:abc has a hostile tar entry/);
      expect(error.message).toMatch(message);
    });

    it('reads absolute member names and the root entry under the root, as Kaniko writes them and moby applies them', async () => {
      for (const root of ['/', './', '.']) {
        const s = await summarize([
          { raw: rawMember({ name: root, type: '5' }) },
          { raw: rawMember({ name: '/etc/', type: '5' }) },
          { raw: rawMember({ name: '/etc/passwd', type: '0' }, Buffer.from('root:x:0:0\n')) },
          { raw: rawMember({ name: '//usr/../../bin/sh', type: '0' }, Buffer.from('#!')) },
          { raw: rawMember({ name: '/etc/.wh.shadow', type: '0' }) },
        ]);
        expect(s.entries.map((e) => [e.path, e.kind, e.size])).toEqual([
          ['etc', 'dir', 0],
          ['etc/passwd', 'file', 11],
          ['bin/sh', 'file', 2],
        ]);
        expect(s.whiteouts).toEqual(['etc/shadow']);
        expect(s.size).toBe(13);
      }
    });

    it('accepts absolute symlink targets and relative ones that stay inside', async () => {
      const s = await summarize([
        { path: 'bin/sh', type: 'symlink', target: '/bin/busybox' },
        { path: 'a/b/l', type: 'symlink', target: '../../c' },
        { path: 'h', type: 'link', target: '/a/b/l' },
      ]);
      expect(s.size).toBe('/bin/busybox'.length + '../../c'.length);
    });

    it('refuses a pax header over the limit without buffering it', async () => {
      const error = await failure(await layerTar([{ raw: hugePaxMember(2 * 1024 * 1024) }]));
      expect(error.message).toMatch(/ExtendedHeader header of \d+ bytes .* over the limit of 1048576 bytes/);
    });

    it('refuses a GNU long name over the limit', async () => {
      const tar = await layerTar([
        { raw: rawMember({ name: '././@LongLink', type: 'L' }, Buffer.alloc(2 << 20, 0x61)) },
      ]);
      expect((await failure(tar)).message).toMatch(/NextFileHasLongPath header .* over the limit/);
    });

    it('says a non-tar layer is not a tar', async () => {
      const error = await failure(Buffer.from('{"this":"is json, not a layer"}'.repeat(40)));
      expect(error.message).toMatch(/^layer sha256:abc is not a tar archive/);
      expect((await failure(gzip(Buffer.from('plain text'.repeat(100))))).message).toMatch(
        /is not a tar archive/,
      );
    });

    it('says a truncated layer is truncated, plain, gzip or zstd', async () => {
      const tar = await layerTar([
        { path: 'a', size: 5000 },
        { path: 'b', size: 5000 },
      ]);
      const gz = gzip(tar);
      const zs = zstd(tar);
      const cuts = [
        tar.subarray(0, 3000),
        tar.subarray(0, 512 * 11),
        tar.subarray(0, 512 * 12),
        tar.subarray(0, 512 * 13),
        gz.subarray(0, gz.length - 9),
        zs.subarray(0, zs.length >> 1),
      ];
      for (const cut of cuts) {
        const error = await failure(cut);
        expect(error.message).toMatch(/^layer sha256:abc is truncated or corrupt/);
      }
    });

    it('says a corrupt header is corrupt', async () => {
      const tar = await layerTar([
        { path: 'a', size: 512 },
        { path: 'b', size: 10 },
      ]);
      tar.writeUInt8(tar[1034]! ^ 0xff, 1034);
      expect((await failure(tar)).message).toMatch(/truncated or corrupt \(.*checksum/);
    });
  });
});

describe('summarizeLayer with count', () => {
  const entries: FixtureEntry[] = [
    { path: 'app/', type: 'dir' },
    { path: 'app/random.bin', content: randomBytes(400_000) },
    { path: 'app/text.txt', content: 'a line of text\n'.repeat(30_000) },
  ];

  it('counts a plain layer as a push would compress it, in the same pass as the summary', async () => {
    const tar = await layerTar(entries);
    const want = await compressedSizeOf(chunked(tar, 65_536));
    for (const chunk of [512, 7919, tar.length]) {
      const s = await summarizeLayer(chunked(tar, chunk), { name: 'L', count: true });
      expect(s.compressed).toEqual(want);
      expect(s.entries.map((e) => e.path)).toEqual(['app', 'app/random.bin', 'app/text.txt']);
    }
    // within the deflate variance of one zlib stream of the whole tar
    expect(Math.abs(want.gzip - gzipSync(tar, { level: 6 }).length)).toBeLessThan(64);
    // without files too, and not at all unless asked
    expect((await summarizeLayer(chunked(tar), { name: 'L', count: true, files: false })).compressed).toEqual(
      want,
    );
    expect((await summarizeLayer(chunked(tar), { name: 'L' })).compressed).toBeUndefined();
  });

  it('a gzip blob weighs its own bytes; a zstd blob too, with its gzip figure counted on the plain tar', async () => {
    const tar = await layerTar(entries);
    const gz = gzip(tar);
    expect((await summarizeLayer(chunked(gz), { name: 'L', count: true })).compressed).toEqual({
      gzip: gz.length,
      zstd: null,
    });
    const zst = zstd(tar);
    const plainGzip = (await compressedSizeOf(chunked(tar), { zstd: false })).gzip;
    expect((await summarizeLayer(chunked(zst), { name: 'L', count: true })).compressed).toEqual({
      gzip: plainGzip,
      zstd: zst.length,
    });
  });

  it('a layer that cannot be read fails as before, with nothing counted left pending', async () => {
    const tar = await layerTar(entries);
    const error = await summarizeLayer(chunked(tar.subarray(0, 300_000)), { name: 'L', count: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/layer L is truncated or corrupt/);
  });
});
