// A generated image with packages of four ecosystems over six layers: packages upgraded, removed and added,
// files of a package deleted by a later layer, a merged-/usr symlink, a hard link, nested node_modules. The
// image goes through the real readers (a `docker save` archive read as a stream) and the analysis; what the
// packages must be is worked out here on its own: the test applies its layers to a plain map of paths and sums,
// for each package, the sizes of the files the test knows it installed.
import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../../src/analysis/analyze.js';
import type { Package } from '../../../src/core/report.js';
import { readSaveStream } from '../../../src/image/save-archive.js';
import { chunked, dockerSaveArchive, type FixtureEntry, layerTar } from '../../support/tar-fixtures.js';

type Op =
  | { file: string; content?: string; size?: number }
  | { dir: string }
  | { symlink: string; target: string }
  | { link: string; target: string }
  | { whiteout: string };

/** The final filesystem as the test sees it: regular files by path, each with its inode. */
class Model {
  readonly files = new Map<string, { size: number; inode: number }>();
  #inodes = 0;

  apply(ops: Op[]): void {
    for (const op of ops) {
      if ('whiteout' in op) this.#remove(op.whiteout);
      else if ('file' in op) {
        this.#remove(op.file);
        this.files.set(op.file, {
          size: Buffer.byteLength(op.content ?? '') || (op.size ?? 0),
          inode: ++this.#inodes,
        });
      } else if ('link' in op) {
        this.#remove(op.link);
        this.files.set(op.link, { ...this.files.get(op.target)! });
      } else if ('symlink' in op) this.#remove(op.symlink);
    }
  }

  /** Bytes of those of `paths` still there, each inode once. */
  bytes(paths: string[]): number {
    const seen = new Set<number>();
    let sum = 0;
    for (const path of paths) {
      const f = this.files.get(path);
      if (!f || seen.has(f.inode)) continue;
      seen.add(f.inode);
      sum += f.size;
    }
    return sum;
  }

  #remove(path: string): void {
    for (const key of [...this.files.keys()])
      if (key === path || key.startsWith(`${path}/`)) this.files.delete(key);
  }
}

function tarEntries(ops: Op[]): FixtureEntry[] {
  return ops.map((op) => {
    if ('whiteout' in op) {
      const slash = op.whiteout.lastIndexOf('/');
      return { path: `${op.whiteout.slice(0, slash + 1)}.wh.${op.whiteout.slice(slash + 1)}` };
    }
    if ('file' in op)
      return op.content !== undefined
        ? { path: op.file, content: op.content }
        : { path: op.file, size: op.size };
    if ('dir' in op) return { path: `${op.dir}/`, type: 'dir' };
    if ('link' in op) return { path: op.link, type: 'link', target: op.target };
    return { path: op.symlink, type: 'symlink', target: op.target };
  });
}

const stanza = (name: string, version: string, extra = '') =>
  `Package: ${name}\nStatus: install ok installed\nPriority: optional\nInstalled-Size: 100\nArchitecture: amd64\n${extra}Version: ${version}\nDescription: ${name}\n the ${name} package\n .\n more\n`;
const list = (...paths: string[]) => `/.\n/usr\n/usr/lib\n${paths.map((p) => `/${p}\n`).join('')}`;
const json = (value: unknown) => JSON.stringify(value, null, 2);
const SITE = 'usr/local/lib/python3.13/site-packages';
const record = (paths: string[]) => `${paths.map((p) => `${p},sha256=x,1`).join('\n')}\n`;
const nm = 'app/node_modules';

// What each package installed (paths of regular files, as the test wrote them), to sum against the model.
const OWNED = {
  bash: ['usr/bin/bash', 'usr/share/doc/bash/copyright'],
  libfoo1: ['usr/lib/libfoo.so.1', 'usr/lib/libfoo-hard.so'],
  libfoo2: ['usr/lib/libfoo.so.2', 'usr/lib/libfoo-2-hard.so'],
  newpkg: ['usr/bin/newtool'],
  musl: ['lib/ld-musl-x86_64.so.1', 'lib/libc.musl-x86_64.so.1'],
  busybox: ['bin-apk/busybox'],
  requests: [
    `${SITE}/requests/__init__.py`,
    `${SITE}/requests/api.py`,
    `${SITE}/requests-2.32.3.dist-info/METADATA`,
    `${SITE}/requests-2.32.3.dist-info/RECORD`,
    `${SITE}/requests-2.32.3.dist-info/INSTALLER`,
    'usr/local/bin/requests-cli',
  ],
  // RECORD does not list itself here: the dist-info directory is the package's all the same.
  certifi: [
    `${SITE}/certifi/core.py`,
    `${SITE}/certifi-2024.2.2.dist-info/METADATA`,
    `${SITE}/certifi-2024.2.2.dist-info/RECORD`,
  ],
  express: [
    `${nm}/express/package.json`,
    `${nm}/express/index.js`,
    `${nm}/express/lib/router.js`,
    `${nm}/express/lib/package.json`,
  ],
  debug: [`${nm}/express/node_modules/debug/package.json`, `${nm}/express/node_modules/debug/src/index.js`],
  typesNode: [`${nm}/@types/node/package.json`, `${nm}/@types/node/index.d.ts`],
  leftPad: [`${nm}/left-pad/package.json`, `${nm}/left-pad/index.js`],
};

const LAYERS: Op[][] = [
  // 0: a Debian base, merged /usr.
  [
    { symlink: 'bin', target: 'usr/bin' },
    { dir: 'usr/bin' },
    { file: 'usr/bin/bash', size: 1000 },
    { file: 'usr/share/doc/bash/copyright', size: 50 },
    { file: 'usr/lib/libfoo.so.1', size: 300 },
    { link: 'usr/lib/libfoo-hard.so', target: 'usr/lib/libfoo.so.1' },
    { file: 'usr/bin/oldtool', size: 400 },
    { file: 'etc/hostname', size: 10 },
    {
      file: 'var/lib/dpkg/status',
      content: [
        stanza('bash', '5.2.15-2+b2', 'Essential: yes\n'),
        stanza('libfoo1', '1.0-1', 'Multi-Arch: same\n'),
        stanza('oldpkg', '1.0'),
        stanza('tzdata', '2024a-0'),
      ].join('\n'),
    },
    // dpkg before usrmerge lists /bin/bash: it is found through the /bin symlink.
    {
      file: 'var/lib/dpkg/info/bash.list',
      content: list('bin/bash', 'usr/share/doc/bash', 'usr/share/doc/bash/copyright'),
    },
    {
      file: 'var/lib/dpkg/info/libfoo1:amd64.list',
      content: list('usr/lib/libfoo.so.1', 'usr/lib/libfoo-hard.so'),
    },
    { file: 'var/lib/dpkg/info/oldpkg.list', content: list('usr/bin/oldtool') },
  ],
  // 1: apt-get: libfoo1 upgraded, oldpkg removed, newpkg added.
  [
    { whiteout: 'usr/lib/libfoo.so.1' },
    { whiteout: 'usr/lib/libfoo-hard.so' },
    { whiteout: 'usr/bin/oldtool' },
    { whiteout: 'var/lib/dpkg/info/oldpkg.list' },
    { file: 'usr/lib/libfoo.so.2', size: 700 },
    { link: 'usr/lib/libfoo-2-hard.so', target: 'usr/lib/libfoo.so.2' },
    { file: 'usr/bin/newtool', size: 250 },
    {
      file: 'var/lib/dpkg/status',
      content: [
        stanza('bash', '5.2.15-2+b2'),
        stanza('libfoo1', '2.0-1', 'Multi-Arch: same\n'),
        stanza('newpkg', '3.0'),
        stanza('tzdata', '2024a-0'),
        'Package: vim-tiny\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 2:9.0\n',
      ].join('\n'),
    },
    {
      file: 'var/lib/dpkg/info/libfoo1:amd64.list',
      content: list('usr/lib/libfoo.so.2', 'usr/lib/libfoo-2-hard.so'),
    },
    { file: 'var/lib/dpkg/info/newpkg.list', content: list('usr/bin/newtool') },
  ],
  // 2: an apk database.
  [
    { file: 'lib/ld-musl-x86_64.so.1', size: 600 },
    { file: 'lib/libc.musl-x86_64.so.1', size: 20 },
    { file: 'bin-apk/busybox', size: 800 },
    {
      file: 'lib/apk/db/installed',
      content:
        'C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\nS:1\nI:4096\nF:lib\nR:ld-musl-x86_64.so.1\na:0:0:755\nZ:Q1x=\nR:libc.musl-x86_64.so.1\n\n' +
        'C:Q1def=\nP:busybox\nV:1.36.1-r15\nA:x86_64\nI:8192\nF:bin-apk\nR:busybox\n\n',
    },
  ],
  // 3: pip install requests==2.31.0 certifi six (six as an egg-info).
  [
    { file: `${SITE}/requests/__init__.py`, size: 90 },
    { file: `${SITE}/requests/api.py`, size: 900 },
    { file: `${SITE}/requests/old_module.py`, size: 333 },
    {
      file: `${SITE}/requests-2.31.0.dist-info/METADATA`,
      content: 'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n',
    },
    {
      file: `${SITE}/requests-2.31.0.dist-info/RECORD`,
      content: record([
        'requests/__init__.py',
        'requests/api.py',
        'requests/old_module.py',
        'requests-2.31.0.dist-info/METADATA',
      ]),
    },
    { file: `${SITE}/certifi/core.py`, size: 70 },
    {
      file: `${SITE}/certifi-2024.2.2.dist-info/METADATA`,
      content: 'Metadata-Version: 2.1\nName: certifi\nVersion: 2024.2.2\n',
    },
    {
      file: `${SITE}/certifi-2024.2.2.dist-info/RECORD`,
      content: record(['certifi/core.py', 'certifi-2024.2.2.dist-info/METADATA']),
    },
    { file: `${SITE}/six.py`, size: 3000 },
    {
      file: `${SITE}/six-1.16.0.egg-info/PKG-INFO`,
      content: 'Metadata-Version: 1.2\nName: six\nVersion: 1.16.0\n',
    },
  ],
  // 4: npm ci: nested and scoped packages.
  [
    { file: `${nm}/.package-lock.json`, size: 40 },
    { file: `${nm}/express/package.json`, content: json({ name: 'express', version: '4.18.2' }) },
    { file: `${nm}/express/index.js`, size: 120 },
    { file: `${nm}/express/lib/router.js`, size: 300 },
    {
      file: `${nm}/express/node_modules/debug/package.json`,
      content: json({ name: 'debug', version: '2.6.9' }),
    },
    { file: `${nm}/express/node_modules/debug/src/index.js`, size: 80 },
    { file: `${nm}/@types/node/package.json`, content: json({ name: '@types/node', version: '20.11.5' }) },
    { file: `${nm}/@types/node/index.d.ts`, size: 500 },
    // Not a package manifest: a package.json deeper in a package.
    { file: `${nm}/express/lib/package.json`, content: json({ name: 'not-a-package', version: '0.0.0' }) },
  ],
  // 5: requests upgraded, six removed, a file of a dpkg and an npm package deleted, left-pad added.
  [
    { whiteout: `${SITE}/requests-2.31.0.dist-info` },
    { whiteout: `${SITE}/requests/old_module.py` },
    { file: `${SITE}/requests/__init__.py`, size: 95 },
    {
      file: `${SITE}/requests-2.32.3.dist-info/METADATA`,
      content: 'Metadata-Version: 2.1\nName: requests\nVersion: 2.32.3\n',
    },
    { file: `${SITE}/requests-2.32.3.dist-info/INSTALLER`, content: 'pip\n' },
    {
      file: `${SITE}/requests-2.32.3.dist-info/RECORD`,
      content: record([
        'requests/__init__.py',
        'requests/api.py',
        'requests-2.32.3.dist-info/METADATA',
        'requests-2.32.3.dist-info/RECORD',
        'requests-2.32.3.dist-info/INSTALLER',
        '../../../bin/requests-cli',
      ]),
    },
    { file: 'usr/local/bin/requests-cli', size: 210 },
    { whiteout: `${SITE}/six-1.16.0.egg-info` },
    { whiteout: `${SITE}/six.py` },
    { whiteout: 'usr/share/doc/bash/copyright' },
    { whiteout: `${nm}/express/lib/router.js` },
    { file: `${nm}/left-pad/package.json`, content: json({ name: 'left-pad', version: '1.3.0' }) },
    { file: `${nm}/left-pad/index.js`, size: 60 },
  ],
];

describe('packages of a generated image', async () => {
  const model = new Model();
  for (const ops of LAYERS) model.apply(ops);
  const archive = await dockerSaveArchive(
    { layers: await Promise.all(LAYERS.map((ops) => layerTar(tarEntries(ops)))), repoTag: 'pkgs:test' },
    { layout: 'legacy' },
  );
  const data = await readSaveStream(chunked(archive, 4093), { ref: 'docker-archive:pkgs.tar', files: true });
  const analysis = analyzeImage(data);
  const packages = analysis.image.packages!;

  const pkg = (
    ecosystem: Package['ecosystem'],
    name: string,
    version: string,
    location: string,
    owned: string[] | number,
  ): Package =>
    typeof owned === 'number'
      ? { ecosystem, name, version, location, bytes: owned, bytesFrom: 'declared' }
      : { ecosystem, name, version, location, bytes: model.bytes(owned), bytesFrom: 'files' };

  it('lists every package on top, with its bytes in the final filesystem, sorted by ecosystem, name, location', () => {
    const status = '/var/lib/dpkg/status';
    const expected = [
      pkg('apk', 'busybox', '1.36.1-r15', '/lib/apk/db/installed', OWNED.busybox),
      pkg('apk', 'musl', '1.2.4-r2', '/lib/apk/db/installed', OWNED.musl),
      pkg('deb', 'bash', '5.2.15-2+b2', status, OWNED.bash),
      pkg('deb', 'libfoo1', '2.0-1', status, OWNED.libfoo2),
      pkg('deb', 'newpkg', '3.0', status, OWNED.newpkg),
      pkg('deb', 'tzdata', '2024a-0', status, 100 * 1024),
      pkg('npm', '@types/node', '20.11.5', `/${nm}/@types/node/package.json`, OWNED.typesNode),
      pkg('npm', 'debug', '2.6.9', `/${nm}/express/node_modules/debug/package.json`, OWNED.debug),
      pkg('npm', 'express', '4.18.2', `/${nm}/express/package.json`, OWNED.express),
      pkg('npm', 'left-pad', '1.3.0', `/${nm}/left-pad/package.json`, OWNED.leftPad),
      pkg('python', 'certifi', '2024.2.2', `/${SITE}/certifi-2024.2.2.dist-info/METADATA`, OWNED.certifi),
      pkg('python', 'requests', '2.32.3', `/${SITE}/requests-2.32.3.dist-info/METADATA`, OWNED.requests),
    ];
    expect(packages).toEqual(expected);
    expect(analysis.image.packagesNote).toBeUndefined();
    // The figures that make the cases: a hard link once, deleted files gone, the upgrade's old files gone.
    expect(packages.find((p) => p.name === 'libfoo1')!.bytes).toBe(700);
    expect(packages.find((p) => p.name === 'bash')!.bytes).toBe(1000);
    expect(packages.find((p) => p.name === 'express')!.bytes).toBe(
      Buffer.byteLength(json({ name: 'express', version: '4.18.2' })) +
        120 +
        Buffer.byteLength(json({ name: 'not-a-package', version: '0.0.0' })),
    );
  });

  it('gives each file of the index at most one owner, and the owners add up to each package bytes', () => {
    const index = analysis.fileIndex!;
    expect(index.owners).toHaveLength(index.paths.length);
    const ownerOf = (path: string) => {
      const at = index.paths.indexOf(path);
      expect(at).toBeGreaterThanOrEqual(0);
      const owner = index.owners![at]!;
      return owner < 0 ? null : packages[owner]!.name;
    };
    expect(ownerOf('usr/bin/bash')).toBe('bash');
    expect(ownerOf('usr/lib/libfoo-2-hard.so')).toBe('libfoo1');
    expect(ownerOf(`${nm}/express/node_modules/debug/src/index.js`)).toBe('debug');
    expect(ownerOf(`${nm}/express/lib/package.json`)).toBe('express');
    expect(ownerOf('usr/local/bin/requests-cli')).toBe('requests');
    expect(ownerOf(`${nm}/.package-lock.json`)).toBeNull();
    expect(ownerOf('etc/hostname')).toBeNull();
    const sums = new Array<number>(packages.length).fill(0);
    index.owners!.forEach((owner, at) => {
      if (owner >= 0) sums[owner]! += index.sizes[at]!;
    });
    packages.forEach((p, i) => {
      if (p.bytesFrom === 'files') expect(sums[i], p.name).toBe(p.bytes);
    });
  });

  it('has no packages without files (--no-files)', async () => {
    const layersOnly = await readSaveStream(chunked(archive, 65536), {
      ref: 'docker-archive:pkgs.tar',
      files: false,
    });
    const { image, fileIndex } = analyzeImage(layersOnly);
    expect(image.packages).toBeUndefined();
    expect(fileIndex).toBeUndefined();
  });
});
