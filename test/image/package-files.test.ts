import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { summarizeLayer } from '../../src/image/layer-summary.js';
import { isPackageFile, packageFileBudget } from '../../src/image/package-files.js';
import { imageData } from '../analysis/helpers.js';
import { chunked, layerTar } from '../support/tar-fixtures.js';

const check = (path: string) => isPackageFile(path, path.slice(path.lastIndexOf('/') + 1));

describe('isPackageFile', () => {
  it.each([
    'var/lib/dpkg/status',
    'var/lib/dpkg/info/bash.list',
    'var/lib/dpkg/info/libc6:amd64.list',
    'var/lib/dpkg/status.d/base-files',
    'var/lib/dpkg/status.d/base-files.md5sums',
    'lib/apk/db/installed',
    'var/lib/rpm/rpmdb.sqlite',
    'usr/lib/sysimage/rpm/rpmdb.sqlite',
    'usr/local/lib/python3.13/site-packages/requests-2.32.3.dist-info/METADATA',
    'usr/local/lib/python3.13/site-packages/requests-2.32.3.dist-info/RECORD',
    'usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO',
    'usr/lib/python3/dist-packages/six-1.16.0.egg-info/installed-files.txt',
    'usr/lib/python3/dist-packages/distro-1.0.egg-info',
    'app/node_modules/express/package.json',
    'node_modules/express/package.json',
    'app/node_modules/@types/node/package.json',
    'app/node_modules/a/node_modules/b/package.json',
    'usr/local/bundle/specifications/rake-13.1.0.gemspec',
  ])('keeps %s', (path) => expect(check(path)).toBe(true));

  it.each([
    'status',
    'etc/status',
    'var/lib/dpkg/status-old',
    'var/lib/dpkg/info/bash.md5sums',
    'var/lib/dpkg/info/sub/x.list',
    'var/lib/dpkg/status.d/sub/x',
    'lib/apk/db/installed.bak',
    'var/lib/rpm/Packages',
    'var/lib/rpm/rpmdb.sqlite-wal',
    'tmp/rpmdb.sqlite',
    'x/METADATA',
    'x/foo.dist-info/WHEEL',
    'x/PKG-INFO',
    'package.json',
    'app/package.json',
    'app/node_modules/.package-lock.json',
    'app/node_modules/express/lib/package.json',
    'app/node_modules/.bin/package.json',
    'usr/local/bundle/gems/rake-13.1.0/rake.gemspec',
  ])('skips %s', (path) => expect(check(path)).toBe(false));
});

describe('summarizeLayer keeps package files', () => {
  const status = `Package: a\nStatus: install ok installed\nVersion: 1\n\n${'Package: filler\nVersion: 0\nStatus: install ok not-installed\n\n'.repeat(3000)}`;
  const entries = [
    { path: 'var/lib/dpkg/status', content: status },
    { path: 'var/lib/dpkg/info/a.list', content: '/usr/bin/a\n' },
    { path: 'usr/bin/a', size: 70_000 },
    { path: 'node_modules/x/package.json', content: '{"name":"x","version":"1.0.0"}' },
  ];

  it('keeps whole bodies of package files only, across chunk boundaries, and still peeks for secrets', async () => {
    const tar = await layerTar([
      ...entries,
      { path: 'root/.ssh/id_rsa', content: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n' },
    ]);
    const summary = await summarizeLayer(chunked(tar, 1009), { name: 'L' });
    expect([...summary.packageFiles!.keys()]).toEqual([
      'var/lib/dpkg/status',
      'var/lib/dpkg/info/a.list',
      'node_modules/x/package.json',
    ]);
    expect(summary.packageFiles!.get('var/lib/dpkg/status')!.toString()).toBe(status);
    expect(status.length).toBeGreaterThan(64 * 1024);
    expect(summary.packageFilesDropped).toBeUndefined();
    expect(summary.entries.find((e) => e.path === 'root/.ssh/id_rsa')!.secret).toBe('private-key');
  });

  it('keeps an empty package file empty, and the next file body to itself', async () => {
    const tar = await layerTar([
      { path: 'node_modules/empty/package.json', content: '' },
      { path: 'etc/motd', content: 'hello' },
      { path: 'node_modules/x/package.json', content: '{"name":"x","version":"1.0.0"}' },
    ]);
    const summary = await summarizeLayer(chunked(tar), { name: 'L' });
    expect(Object.fromEntries([...summary.packageFiles!].map(([k, v]) => [k, v.toString()]))).toEqual({
      'node_modules/empty/package.json': '',
      'node_modules/x/package.json': '{"name":"x","version":"1.0.0"}',
    });
  });

  it('drops what does not fit the budget shared by the layers of an image, and the analysis says so', async () => {
    const budget = packageFileBudget(status.length + 20);
    const first = await summarizeLayer(chunked(await layerTar(entries)), {
      name: 'L0',
      packageFiles: budget,
    });
    // The list (11 bytes) fits, the package.json (30) does not; the next layer has nothing left.
    expect([...first.packageFiles!.keys()]).toEqual(['var/lib/dpkg/status', 'var/lib/dpkg/info/a.list']);
    expect(first.packageFilesDropped).toBe(1);
    const second = await summarizeLayer(
      chunked(
        await layerTar([{ path: 'node_modules/y/package.json', content: '{"name":"y","version":"2.0.0"}' }]),
      ),
      { name: 'L1', packageFiles: budget },
    );
    expect(second.packageFiles!.size).toBe(0);
    expect(second.packageFilesDropped).toBe(1);
    const { image } = analyzeImage(
      imageData([
        { createdBy: 'RUN apt-get install a', summary: first },
        { createdBy: 'RUN npm ci', summary: second },
      ]),
    );
    expect(image.packages).toEqual([
      {
        ecosystem: 'deb',
        name: 'a',
        version: '1',
        location: '/var/lib/dpkg/status',
        bytes: 70_000,
        bytesFrom: 'files',
      },
    ]);
    expect(image.packagesNote).toMatch(/^2 package database files were not read .*packages may be missing/);
  });

  it('keeps nothing without files', async () => {
    const summary = await summarizeLayer(chunked(await layerTar(entries)), { name: 'L', files: false });
    expect(summary.packageFiles).toBeUndefined();
  });
});
