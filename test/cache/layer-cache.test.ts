import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CachedLayer, LayerCache, layerKey } from '../../src/cache/layer-cache.js';
import type { LayerSummary } from '../../src/image/model.js';

const DIFF = `sha256:${'d'.repeat(64)}`;
const parts = { code: '1.0.0+abc', files: true, count: true };

function summary(n = 3): LayerSummary {
  const entries: LayerSummary['entries'] = [
    { path: 'etc', kind: 'dir', size: 0 },
    { path: 'etc/passwd', kind: 'file', size: 120 },
    { path: 'root/.ssh/id_rsa', kind: 'file', size: 1679, secret: 'private-key' },
    { path: 'usr/bin/sh', kind: 'symlink', size: 0, linkTarget: '/bin/busybox' },
    { path: 'usr/bin/ash', kind: 'hardlink', size: 0, linkTarget: 'bin/busybox' },
    { path: 'dev/null', kind: 'other', size: 0 },
    { path: 'données/ünïcode.txt', kind: 'file', size: 7 },
  ];
  for (let i = 0; i < n; i++) entries.push({ path: `data/dir${i % 7}/file${i}`, kind: 'file', size: i });
  return {
    entries,
    whiteouts: ['var/cache/apt', 'tmp/x'],
    opaqueDirs: ['opt/app'],
    size: 4242,
    compressed: { gzip: 1000, zstd: 900 },
    packageFiles: new Map([
      ['var/lib/dpkg/status', Buffer.from('Package: busybox\nVersion: 1.36\n\n')],
      ['var/lib/dpkg/info/busybox.list', Buffer.alloc(0)],
    ]),
  };
}

const layer = (s = summary()): CachedLayer => ({ diffId: DIFF, summary: s, blob: null, tarBytes: 10240 });

describe('LayerCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ig-layer-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const files = (suffix: string) => readdirSync(dir).filter((n) => n.endsWith(suffix));

  it('gives back exactly the layer it stored: entries, links, hints, whiteouts, sizes and package-file bodies', async () => {
    const cache = new LayerCache(dir);
    const stored = layer(summary(500));
    await cache.put(stored, parts);
    const back = await cache.get(DIFF, parts);
    expect(back).toEqual(stored);
    // a plain layer without files or counts too
    const bare: LayerSummary = { entries: [], whiteouts: [], opaqueDirs: [], size: 0 };
    const other = `sha256:${'e'.repeat(64)}`;
    await cache.put({ diffId: other, summary: bare, blob: 'sha256:ff', tarBytes: null }, parts);
    expect(await cache.get(other, parts)).toEqual({
      diffId: other,
      summary: bare,
      blob: 'sha256:ff',
      tarBytes: null,
    });
  });

  it('keys entries by diff ID, code fingerprint, files and whether sizes were counted', async () => {
    const cache = new LayerCache(dir);
    await cache.put(layer(), parts);
    expect(await cache.get(DIFF, parts)).not.toBeNull();
    expect(await cache.get(DIFF, { ...parts, code: '1.0.0+def' })).toBeNull();
    expect(await cache.get(DIFF, { ...parts, count: false })).toBeNull();
    expect(await cache.get(DIFF, { ...parts, files: false })).toBeNull();
    expect(await cache.get(`sha256:${'a'.repeat(64)}`, parts)).toBeNull();
    const keys = new Set([
      layerKey(DIFF, parts),
      layerKey(DIFF, { ...parts, count: false }),
      layerKey(DIFF, { ...parts, code: 'x' }),
      layerKey(DIFF, { ...parts, files: false }),
    ]);
    expect(keys.size).toBe(4);
  });

  it('takes a corrupt, truncated, edited or foreign entry for a miss', async () => {
    const cache = new LayerCache(dir);
    await cache.put(layer(), parts);
    const [name] = files('.igl');
    const path = join(dir, name!);
    const good = readFileSync(path);
    // one byte changed in the compressed body: the checksum no longer holds
    const edited = Buffer.from(good);
    edited[edited.length - 10] = edited[edited.length - 10]! ^ 0xff;
    writeFileSync(path, edited);
    expect(await cache.get(DIFF, parts)).toBeNull();
    writeFileSync(path, good.subarray(0, good.length >> 1));
    expect(await cache.get(DIFF, parts)).toBeNull();
    writeFileSync(path, '{"not":"an entry"}');
    expect(await cache.get(DIFF, parts)).toBeNull();
    // another layer's entry (valid in itself) under this key
    const other = `sha256:${'b'.repeat(64)}`;
    await cache.put({ ...layer(), diffId: other }, parts);
    const otherFile = join(dir, `${layerKey(other, parts)}.igl`);
    writeFileSync(path, readFileSync(otherFile));
    expect(await cache.get(DIFF, parts)).toBeNull();
    // and the good bytes are a hit again
    writeFileSync(path, good);
    expect(await cache.get(DIFF, parts)).toEqual(layer());
  });

  it('does not store a layer whose package files the image budget cut short', async () => {
    const cache = new LayerCache(dir);
    await cache.put(layer({ ...summary(), packageFilesDropped: 2 }), parts);
    expect(await cache.get(DIFF, parts)).toBeNull();
  });

  it('stays within its bound in bytes, dropping the least recently used entries first', async () => {
    const probe = new LayerCache(join(dir, 'probe'));
    await probe.put(layer(summary(2000)), parts);
    const [one] = readdirSync(join(dir, 'probe'));
    const entrySize = statSync(join(dir, 'probe', one!)).size;
    const cache = new LayerCache(dir, { maxBytes: entrySize * 3 + entrySize / 2 });
    const diff = (i: number) => `sha256:${String(i).padStart(64, '0')}`;
    for (let i = 0; i < 3; i++) {
      await cache.put({ ...layer(summary(2000)), diffId: diff(i) }, parts);
      const file = join(dir, `${layerKey(diff(i), parts)}.igl`);
      const t = new Date(Date.now() - (10 - i) * 60_000);
      utimesSync(file, t, t);
    }
    // layer 0 is used (and so made recent); layer 1 is now the least recently used
    expect(await cache.get(diff(0), parts)).not.toBeNull();
    await cache.put({ ...layer(summary(2000)), diffId: diff(3) }, parts);
    expect(files('.igl')).toHaveLength(3);
    expect(await cache.get(diff(1), parts)).toBeNull();
    for (const i of [0, 2, 3]) expect(await cache.get(diff(i), parts)).not.toBeNull();
  });

  it('writes atomically: no temporary file stays, and a stale one from a crash is swept', async () => {
    const cache = new LayerCache(dir);
    const stale = join(dir, `${layerKey(DIFF, parts)}.igl.1234.abcd.tmp`);
    await cache.put(layer(), parts);
    writeFileSync(stale, 'half an entry');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, old, old);
    const fresh = join(dir, 'another.igl.99.ef.tmp');
    writeFileSync(fresh, 'being written');
    await cache.put({ ...layer(), diffId: `sha256:${'c'.repeat(64)}` }, parts);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual(['another.igl.99.ef.tmp']);
    expect(await cache.get(DIFF, parts)).toEqual(layer());
  });

  it('says nothing is cached when its folder cannot be written', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const cache = new LayerCache(join(file, 'layers'));
    await expect(cache.put(layer(), parts)).resolves.toBeUndefined();
    expect(await cache.get(DIFF, parts)).toBeNull();
    expect(await cache.alias('a/layer.tar')).toBeNull();
  });

  it('keeps archive members and image configs by name, and refuses edited ones', async () => {
    const cache = new LayerCache(dir);
    expect(await cache.alias('abc/layer.tar')).toBeNull();
    await cache.setAlias('abc/layer.tar', DIFF);
    expect(await cache.alias('abc/layer.tar')).toBe(DIFF);
    expect(await cache.alias('abd/layer.tar')).toBeNull();
    const config = Buffer.from('{"rootfs":{"diff_ids":[]}}');
    await cache.setImageConfig('sha256:1d', config);
    expect(await cache.imageConfig('sha256:1d')).toEqual(config);
    expect(await cache.imageConfig('sha256:2d')).toBeNull();
    const [name] = files('.igi');
    const path = join(dir, name!);
    const bytes = readFileSync(path);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    writeFileSync(path, bytes);
    expect(await cache.imageConfig('sha256:1d')).toBeNull();
  });
});
