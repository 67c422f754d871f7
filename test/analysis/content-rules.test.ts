import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { imageData, layer } from './helpers.js';

function findings(...layers: ReturnType<typeof layer>[]) {
  return analyzeImage(
    imageData(layers.map((summary, i) => ({ createdBy: `RUN /bin/sh -c step${i} # buildkit`, summary }))),
  ).findings;
}
const ids = (fs: ReturnType<typeof findings>) => fs.map((f) => f.rule);

describe('IG101 pip-cache-in-image', () => {
  it('fires for pip and uv caches with files, with their bytes', () => {
    const f = findings(
      layer('root/.cache/pip/http/a:300', 'root/.cache/pip/http/b:200', 'app/.cache/uv/x:7'),
    );
    expect(f.map((x) => [x.rule, x.bytes])).toEqual([
      ['IG101', 500],
      ['IG101', 7],
    ]);
    expect(f[0]?.message).toContain('/root/.cache/pip');
    expect(f[0]?.message).toContain('layer 0');
  });
  it.each([
    ['an empty cache dir', layer('root/.cache/pip/')],
    ['a cache removed later', layer('root/.cache/pip/a:9')],
    ['a pip dir that is not a cache', layer('usr/lib/python3/site-packages/pip/__init__.py:9')],
  ])('stays quiet for %s', (_, l) => {
    const extra = _ === 'a cache removed later' ? [layer('-root/.cache')] : [];
    expect(ids(findings(l, ...extra))).not.toContain('IG101');
  });
});

describe('IG102 os-cache-in-image', () => {
  it('fires for apt lists beyond lock and partial/, and for the apk cache', () => {
    const f = findings(
      layer(
        'var/lib/apt/lists/lock:0',
        'var/lib/apt/lists/deb_Packages:4000',
        'var/cache/apk/APKINDEX.tar.gz:90',
      ),
    );
    expect(f.map((x) => [x.rule, x.bytes])).toEqual([
      ['IG102', 4000],
      ['IG102', 90],
    ]);
  });
  it('stays quiet for lock and partial/ only, and for removed lists', () => {
    expect(ids(findings(layer('var/lib/apt/lists/lock:0', 'var/lib/apt/lists/partial/')))).toEqual([]);
    expect(
      ids(findings(layer('var/lib/apt/lists/x:5'), layer('var/lib/apt/lists/*', 'var/lib/apt/lists/'))),
    ).toEqual([]);
  });
});

describe('IG103 vcs-in-image', () => {
  it('fires once per repository with its bytes', () => {
    const f = findings(
      layer('app/.git/HEAD:20', 'app/.git/objects/pack/p:1000', 'app/.git/modules/sub/.git/HEAD:3'),
    );
    expect(f.map((x) => [x.rule, x.bytes])).toEqual([['IG103', 1023]]);
  });
  it('stays quiet for .gitignore and .github', () => {
    expect(findings(layer('app/.gitignore:3', 'app/.github/workflows/ci.yml:30'))).toEqual([]);
  });
});

describe('IG104 secret-in-image', () => {
  it.each([
    ['app/.env', undefined],
    ['app/.env.production', undefined],
    ['root/.ssh/id_rsa', undefined],
    ['root/.ssh/id_ed25519', undefined],
    ['etc/ssl/private/server.key', 'private-key'],
    ['root/.npmrc', 'npm-token'],
    ['root/.aws/credentials', undefined],
    ['root/.docker/config.json', 'docker-auths'],
  ] as const)('fires for %s, naming it without its value', (path, secret) => {
    const f = findings(layer({ path, size: 64, secret: secret as never }));
    expect(ids(f)).toEqual(['IG104']);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.message).toContain(`/${path}`);
  });
  it.each([
    ['app/.env.example', undefined],
    ['app/.env.sample', undefined],
    ['root/.ssh/id_rsa.pub', undefined],
    ['root/.npmrc', undefined],
    ['root/.docker/config.json', undefined],
    ['app/config.json', undefined],
  ] as const)('stays quiet for %s', (path, secret) => {
    expect(ids(findings(layer({ path, size: 64, secret: secret as never })))).toEqual([]);
  });
  it('stays quiet when a later layer deleted the secret', () => {
    expect(ids(findings(layer('app/.env:10'), layer('-app/.env')))).toEqual([]);
  });
});

describe('IG105 toolchain-in-image', () => {
  it('fires once, naming every compiler tool found', () => {
    const f = findings(
      layer('usr/bin/gcc-12:900', 'usr/bin/gcc->gcc-12', 'usr/bin/make:200', 'usr/local/bin/clang:5'),
    );
    expect(ids(f)).toEqual(['IG105']);
    expect(f[0]?.message).toContain('/usr/bin/gcc');
    expect(f[0]?.message).toContain('/usr/bin/make');
    expect(f[0]?.message).toContain('/usr/local/bin/clang');
    expect(f[0]?.bytes).toBe(205);
  });
  it('stays quiet for other places and names', () => {
    expect(findings(layer('usr/lib/gcc/x:9', 'opt/bin/make:3', 'usr/bin/makepkg:4'))).toEqual([]);
  });
});
