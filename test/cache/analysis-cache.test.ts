import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageAnalysis } from '../../src/analysis/analyze.js';
import { AnalysisCache, cacheDir, cacheKey, packIndex, unpackIndex } from '../../src/cache/analysis-cache.js';
import { codeFingerprint, setCodeEntry } from '../../src/cache/code-fingerprint.js';

const analysis = (ref: string, id = 'sha256:aa'): ImageAnalysis => ({
  image: {
    ref,
    id,
    size: 1234,
    layers: [{ index: 0, diffId: 'sha256:d0', createdBy: 'COPY . /', size: 1234, empty: false }],
    files: {
      totalBytes: 1234,
      wastedBytes: 0,
      efficiency: 1,
      fileCount: 1,
      largest: [{ path: '/a', size: 1234, layer: 0 }],
      wasted: [],
    },
  },
  findings: [
    {
      rule: 'IG101',
      name: 'x',
      severity: 'warning',
      message: 'm',
      file: null,
      line: null,
      fix: null,
      bytes: 1,
    },
  ],
});

const parts = { id: 'sha256:aa', diffIds: ['sha256:d0'], code: '0.1.0+abc', files: true, count: true };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ig-cache-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cacheDir', () => {
  it('follows IMAGE_GUARD_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(cacheDir({ IMAGE_GUARD_CACHE_DIR: '/x', XDG_CACHE_HOME: '/y' })).toBe('/x');
    expect(cacheDir({ XDG_CACHE_HOME: '/y' })).toBe('/y/image-guard');
    expect(cacheDir({ IMAGE_GUARD_CACHE_DIR: '' })).toBe(join(homedir(), '.cache', 'image-guard'));
    expect(cacheDir({})).toBe(join(homedir(), '.cache', 'image-guard'));
  });
  it('is off with IMAGE_GUARD_CACHE_DIR=off', () => {
    expect(cacheDir({ IMAGE_GUARD_CACHE_DIR: 'off', XDG_CACHE_HOME: '/y' })).toBeNull();
  });
});

describe('cacheKey', () => {
  it('changes with every part it is made of', () => {
    const base = cacheKey(parts);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...parts })).toBe(base);
    expect(cacheKey({ ...parts, id: 'sha256:bb' })).not.toBe(base);
    expect(cacheKey({ ...parts, diffIds: ['sha256:d1'] })).not.toBe(base);
    expect(cacheKey({ ...parts, diffIds: [] })).not.toBe(base);
    expect(cacheKey({ ...parts, code: '0.1.1+abc' })).not.toBe(base);
    expect(cacheKey({ ...parts, files: false })).not.toBe(base);
    expect(cacheKey({ ...parts, count: false })).not.toBe(base);
  });
});

describe('codeFingerprint', () => {
  it('is the version and a hash of a bundle, and null for TypeScript sources', () => {
    const bundle = join(dir, 'cli.js');
    writeFileSync(bundle, 'console.log(1)');
    const a = codeFingerprint(`file://${bundle}`);
    expect(a).toMatch(/^\d+\.\d+\.\d+.*\+[0-9a-f]{16}$/);
    writeFileSync(bundle, 'console.log(2)');
    expect(codeFingerprint(`file://${bundle}`)).not.toBe(a);
    expect(codeFingerprint(`file://${join(dir, 'x.ts')}`)).toBeNull();
    expect(codeFingerprint(`file://${join(dir, 'missing.js')}`)).toBeNull();
  });

  it('fingerprints the entry a bundle names, whichever chunk asks', () => {
    expect(codeFingerprint()).toBeNull(); // the TypeScript sources
    const entry = join(dir, 'cli.js');
    writeFileSync(entry, 'import "./chunks/chunk-AAAA.js"');
    setCodeEntry(`file://${entry}`);
    const a = codeFingerprint();
    expect(a).toBe(codeFingerprint(`file://${entry}`));
    expect(a).not.toBeNull();
    // a changed chunk has a new name, so the entry that imports it changes
    writeFileSync(entry, 'import "./chunks/chunk-BBBB.js"');
    setCodeEntry(`file://${entry}`);
    expect(codeFingerprint()).not.toBe(a);
  });
});

describe('AnalysisCache', () => {
  it('misses, then gives back what was stored under the ref asked for', async () => {
    const cache = new AnalysisCache(join(dir, 'nested', 'cache'));
    const key = cacheKey(parts);
    expect(await cache.get(key, 'app:1')).toBeNull();
    await cache.put(key, analysis('app:1'));
    const hit = await cache.get(key, 'registry/app@sha256:aa');
    expect(hit).toEqual(analysis('registry/app@sha256:aa'));
    // The ref the user typed is not stored.
    const stored = readFileSync(join(dir, 'nested', 'cache', `${key}.json`), 'utf8');
    expect(stored).not.toContain('app:1');
  });

  it('leaves no temporary file behind', async () => {
    const cache = new AnalysisCache(dir);
    await cache.put(cacheKey(parts), analysis('a'));
    expect(readdirSync(dir)).toEqual([`${cacheKey(parts)}.json`]);
  });

  it('takes a corrupt, truncated, foreign or misplaced entry as a miss', async () => {
    const cache = new AnalysisCache(dir);
    const key = cacheKey(parts);
    const file = join(dir, `${key}.json`);
    await cache.put(key, analysis('a'));
    const good = readFileSync(file, 'utf8');
    for (const bad of [
      '',
      good.slice(0, good.length / 2),
      'null',
      '[]',
      JSON.stringify({ ...JSON.parse(good), format: 99 }),
      JSON.stringify({ ...JSON.parse(good), key: 'other' }),
      JSON.stringify({ ...JSON.parse(good), findings: 'x' }),
      JSON.stringify({ ...JSON.parse(good), image: { id: 1 } }),
    ]) {
      writeFileSync(file, bad);
      expect(await cache.get(key, 'a')).toBeNull();
    }
    // An entry copied under another key's name is not that key's analysis.
    const other = cacheKey({ ...parts, id: 'sha256:bb' });
    writeFileSync(join(dir, `${other}.json`), good);
    expect(await cache.get(other, 'a')).toBeNull();
  });

  it('takes an entry that is valid JSON but was edited as a miss', async () => {
    const cache = new AnalysisCache(dir);
    const key = cacheKey(parts);
    const file = join(dir, `${key}.json`);
    await cache.put(key, analysis('a'));
    const good = JSON.parse(readFileSync(file, 'utf8'));
    expect(await cache.get(key, 'a')).not.toBeNull();
    const edits = [
      { ...good, image: { ...good.image, size: 1 } },
      { ...good, findings: [] },
      { ...good, image: { ...good.image, files: null } },
      { ...good, sum: undefined },
    ];
    for (const edited of edits) {
      writeFileSync(file, JSON.stringify(edited));
      expect(await cache.get(key, 'a')).toBeNull();
    }
    // The same text written back is still a hit: the checksum is of the content, not of the file's bytes.
    writeFileSync(file, JSON.stringify(good, null, 2));
    expect(await cache.get(key, 'a')).toEqual(analysis('a'));
  });

  it('does not fail when the folder cannot be written', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'not a folder');
    const cache = new AnalysisCache(join(blocker, 'cache'));
    await expect(cache.put(cacheKey(parts), analysis('a'))).resolves.toBeUndefined();
    expect(await cache.get(cacheKey(parts), 'a')).toBeNull();
  });

  it('keeps the most recently used entries beyond its bound', async () => {
    const cache = new AnalysisCache(dir, { maxEntries: 3 });
    const keys = ['1', '2', '3'].map((n) => cacheKey({ ...parts, id: `sha256:${n}` }));
    for (const [i, key] of keys.entries()) {
      await cache.put(key, analysis('a', `sha256:${i}`));
      const t = new Date(Date.now() - (10 - i) * 60_000);
      utimesSync(join(dir, `${key}.json`), t, t);
    }
    // Using the oldest makes it the newest.
    expect(await cache.get(keys[0]!, 'a')).not.toBeNull();
    const fourth = cacheKey({ ...parts, id: 'sha256:4' });
    await cache.put(fourth, analysis('a', 'sha256:4'));
    expect(readdirSync(dir).sort()).toEqual([keys[0], keys[2], fourth].map((k) => `${k}.json`).sort());
    expect(await cache.get(keys[1]!, 'a')).toBeNull();
  });

  it('removes temporary files a crashed run left long ago, not a running one', async () => {
    const cache = new AnalysisCache(dir);
    const old = join(dir, `${cacheKey(parts)}.json.1.aa.tmp`);
    const fresh = join(dir, `${cacheKey(parts)}.json.2.bb.tmp`);
    writeFileSync(old, '{');
    writeFileSync(fresh, '{');
    const t = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, t, t);
    await cache.put(cacheKey(parts), analysis('a'));
    expect(readdirSync(dir).sort()).toEqual(
      [`${cacheKey(parts)}.json`, `${cacheKey(parts)}.json.2.bb.tmp`].sort(),
    );
  });
});

describe('the file index in an entry (issue 14: the file-level diff needs no second export)', () => {
  const fileIndex = {
    paths: ['a/b', 'a/b/c', 'a/bc', 'a-b', 'é/\n\tx'],
    sizes: [1, 2, 3, 0, 2 ** 40],
    layers: [0, 2, 2, 0, 1],
    diffIds: ['sha256:d0', null, 'sha256:d2'],
  };

  it('comes back as it was stored', async () => {
    const cache = new AnalysisCache(dir);
    const key = cacheKey(parts);
    await cache.put(key, { ...analysis('a'), fileIndex });
    const hit = await cache.get(key, 'b');
    expect(hit?.fileIndex).toEqual(fileIndex);
    expect(hit?.image.ref).toBe('b');
  });

  it('packs and unpacks the same index, and refuses a damaged one', () => {
    expect(unpackIndex(packIndex(fileIndex))).toEqual(fileIndex);
    const inconsistent = gzipSync(
      JSON.stringify({ shared: [5], rest: ['x'], sizes: [1], layers: [0], diffIds: [null] }),
    );
    expect(unpackIndex(inconsistent.toString('base64'))).toBeNull();
    expect(unpackIndex('not base64 gzip')).toBeNull();
  });

  it('an entry whose index was edited (even with a valid one) is a miss', async () => {
    const cache = new AnalysisCache(dir);
    const key = cacheKey(parts);
    const file = join(dir, `${key}.json`);
    await cache.put(key, { ...analysis('a'), fileIndex });
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(
      file,
      JSON.stringify({ ...entry, fileIndex: packIndex({ ...fileIndex, sizes: [9, 9, 9, 9, 9] }) }),
    );
    expect(await cache.get(key, 'a')).toBeNull();
  });

  it('an analysis without files is stored without an index', async () => {
    const cache = new AnalysisCache(dir);
    const key = cacheKey(parts);
    await cache.put(key, analysis('a'));
    const hit = await cache.get(key, 'a');
    expect(hit).not.toBeNull();
    expect(hit?.fileIndex).toBeUndefined();
  });
});

describe('packages and their owners in an entry (issue 21)', () => {
  const packages = [
    {
      ecosystem: 'deb',
      name: 'bash',
      version: '5.2',
      location: '/var/lib/dpkg/status',
      bytes: 3,
      bytesFrom: 'files',
    },
    {
      ecosystem: 'npm',
      name: 'x',
      version: '1.0.0',
      location: '/node_modules/x/package.json',
      bytes: 1,
      bytesFrom: 'files',
    },
  ] as const;
  const withPackages = (): ImageAnalysis => {
    const base = analysis('a');
    return {
      ...base,
      image: { ...base.image, packages: packages.map((p) => ({ ...p })), packagesNote: 'a note' },
      fileIndex: {
        paths: ['node_modules/x/index.js', 'usr/bin/bash', 'usr/bin/other'],
        sizes: [1, 3, 5],
        layers: [0, 0, 0],
        diffIds: ['sha256:d0'],
        owners: [1, 0, -1],
      },
    };
  };

  it('come back as they were stored', async () => {
    const cache = new AnalysisCache(dir);
    const key = cacheKey(parts);
    const stored = withPackages();
    await cache.put(key, stored);
    const hit = await cache.get(key, 'a');
    expect(hit?.image.packages).toEqual(stored.image.packages);
    expect(hit?.image.packagesNote).toBe('a note');
    expect(hit?.fileIndex).toEqual(stored.fileIndex);
  });

  it('an index whose owners do not fit (wrong length, past the packages, below -1) is refused or a miss', async () => {
    const index = withPackages().fileIndex!;
    expect(unpackIndex(packIndex({ ...index, owners: [0, 0] }))).toBeNull();
    expect(unpackIndex(packIndex({ ...index, owners: [0, -2, 0] }))).toBeNull();
    const cache = new AnalysisCache(dir);
    const key = cacheKey(parts);
    const stored = withPackages();
    stored.fileIndex!.owners = [2, 0, -1];
    await cache.put(key, stored);
    expect(await cache.get(key, 'a')).toBeNull();
  });
});
