// diffPackages on hand-made package lists: every expected change is written out by hand, and the totals are
// checked against sums taken straight from the lists.
import { describe, expect, it } from 'vitest';
import { diffPackages } from '../../src/analysis/package-diff.js';
import { buildReport } from '../../src/analysis/report.js';
import type { Image, Package, PackageChange } from '../../src/core/report.js';

const DPKG = '/var/lib/dpkg/status';
const deb = (name: string, version: string, bytes: number): Package => ({
  ecosystem: 'deb',
  name,
  version,
  location: DPKG,
  bytes,
  bytesFrom: 'files',
});
const npm = (path: string, name: string, version: string, bytes: number): Package => ({
  ecosystem: 'npm',
  name,
  version,
  location: `${path}/node_modules/${name}/package.json`,
  bytes,
  bytesFrom: 'files',
});
const py = (site: string, name: string, version: string, bytes: number): Package => ({
  ecosystem: 'python',
  name,
  version,
  location: `${site}/${name}-${version}.dist-info/METADATA`,
  bytes,
  bytesFrom: 'files',
});
const sum = (list: Package[]) => list.reduce((n, p) => n + p.bytes, 0);
/** The fields a reader compares, one tuple per change. */
const rows = (changes: PackageChange[]) =>
  changes.map((c) => [c.name, c.change, c.baseVersion, c.headVersion, c.delta]);

describe('diffPackages', () => {
  it('names what was added, removed, upgraded, downgraded and changed in bytes, biggest change first', () => {
    const base = [
      deb('gcc-12', '12.2.0-14', 70_000_000),
      deb('cpp-12', '12.2.0-14', 30_000_000),
      deb('libc6', '2.36-9+deb12u3', 12_000_000),
      deb('openssl', '3.0.11-1~deb12u2', 2_000_000),
      deb('tzdata', '2024a-0+deb12u1', 1_500_000),
      deb('bash', '5.2.15-2+b2', 7_000_000),
    ];
    const head = [
      deb('libc6', '2.36-9+deb12u4', 12_100_000),
      deb('openssl', '3.0.11-1~deb12u1', 1_900_000),
      deb('tzdata', '2024a-0+deb12u1', 1_000_000),
      deb('bash', '5.2.15-2+b2', 7_000_000),
      deb('curl', '7.88.1-10+deb12u5', 500_000),
    ];
    const d = diffPackages(base, head);
    expect(rows(d.changes)).toEqual([
      ['gcc-12', 'removed', '12.2.0-14', null, -70_000_000],
      ['cpp-12', 'removed', '12.2.0-14', null, -30_000_000],
      ['curl', 'added', null, '7.88.1-10+deb12u5', 500_000],
      ['tzdata', 'changed', '2024a-0+deb12u1', '2024a-0+deb12u1', -500_000],
      ['libc6', 'upgraded', '2.36-9+deb12u3', '2.36-9+deb12u4', 100_000],
      ['openssl', 'downgraded', '3.0.11-1~deb12u2', '3.0.11-1~deb12u1', -100_000],
    ]);
    expect(d).toMatchObject({ added: 1, removed: 2, upgraded: 1, downgraded: 1, changed: 1 });
    // Unchanged packages add nothing: the net is the two lists' totals apart.
    expect(d.net).toBe(sum(head) - sum(base));
    expect(d.changes[0]).toEqual({
      ecosystem: 'deb',
      name: 'gcc-12',
      change: 'removed',
      baseVersion: '12.2.0-14',
      headVersion: null,
      baseBytes: 70_000_000,
      headBytes: null,
      delta: -70_000_000,
      location: DPKG,
    });
  });

  it("judges upgrade and downgrade by the ecosystem's order, not the strings'", () => {
    // As strings "1.0" < "1.0~rc1"; in Debian's order the release candidate comes first.
    const d = diffPackages([deb('tool', '1.0~rc1', 10)], [deb('tool', '1.0', 10)]);
    expect(rows(d.changes)).toEqual([['tool', 'upgraded', '1.0~rc1', '1.0', 0]]);
    // As strings "10.0.0" < "9.0.0"; semver knows better.
    const n = diffPackages([npm('/app', 'x', '9.0.0', 5)], [npm('/app', 'x', '10.0.0', 5)]);
    expect(n.changes[0]?.change).toBe('upgraded');
  });

  it('keeps the same npm name at nested paths apart', () => {
    const base = [
      npm('/app', 'lodash', '4.17.21', 1_400_000),
      npm('/app/node_modules/a', 'lodash', '3.10.1', 900_000),
    ];
    const head = [
      npm('/app', 'lodash', '4.17.21', 1_400_000),
      npm('/app/node_modules/a', 'lodash', '4.17.20', 1_300_000),
    ];
    const d = diffPackages(base, head);
    expect(rows(d.changes)).toEqual([['lodash', 'upgraded', '3.10.1', '4.17.20', 400_000]]);
    expect(d.changes[0]?.location).toBe('/app/node_modules/a/node_modules/lodash/package.json');
  });

  it('keeps a venv and the system site-packages apart, and follows a dist-info renamed by its version', () => {
    const system = '/usr/lib/python3/dist-packages';
    const venv = '/opt/venv/lib/python3.11/site-packages';
    const base = [
      py(system, 'requests', '2.28.1', 400),
      py(venv, 'requests', '2.31.0', 500),
      py(venv, 'Flask', '2.3.0', 300),
    ];
    const head = [
      py(system, 'requests', '2.28.1', 400),
      py(venv, 'requests', '2.32.3', 520),
      py(venv, 'flask', '3.0.0', 310),
    ];
    const d = diffPackages(base, head);
    expect(rows(d.changes)).toEqual([
      ['requests', 'upgraded', '2.31.0', '2.32.3', 20],
      ['flask', 'upgraded', '2.3.0', '3.0.0', 10],
    ]);
    expect(d.changes[0]?.location).toBe(`${venv}/requests-2.32.3.dist-info/METADATA`);
  });

  it('keeps a multi-arch name with its architecture apart', () => {
    const base = [deb('libc6:amd64', '2.36-9', 12_000), deb('libc6:i386', '2.36-9', 11_000)];
    const head = [deb('libc6:amd64', '2.36-9', 12_000)];
    expect(rows(diffPackages(base, head).changes)).toEqual([
      ['libc6:i386', 'removed', '2.36-9', null, -11_000],
    ]);
  });

  it('pairs several records of one name: equal versions first, the rest in version order', () => {
    const kernel = (version: string, bytes: number): Package => ({
      ecosystem: 'rpm',
      name: 'kernel-core',
      version,
      location: '/var/lib/rpm/rpmdb.sqlite',
      bytes,
      bytesFrom: 'declared',
    });
    const d = diffPackages(
      [kernel('5.14.0-10.el9', 100), kernel('5.14.0-9.el9', 90)],
      [kernel('5.14.0-10.el9', 100), kernel('5.14.0-11.el9', 110), kernel('5.14.0-12.el9', 120)],
    );
    expect(rows(d.changes)).toEqual([
      ['kernel-core', 'added', null, '5.14.0-12.el9', 120],
      ['kernel-core', 'upgraded', '5.14.0-9.el9', '5.14.0-11.el9', 20],
    ]);
  });

  it('orders equal byte changes by name, and lists nothing for identical lists', () => {
    const d = diffPackages([], [deb('b', '1', 5), deb('a', '1', 5), deb('c', '1', 7)]);
    expect(d.changes.map((c) => c.name)).toEqual(['c', 'a', 'b']);
    expect(diffPackages([deb('a', '1', 5)], [deb('a', '1', 5)])).toEqual({
      added: 0,
      removed: 0,
      upgraded: 0,
      downgraded: 0,
      changed: 0,
      net: 0,
      changes: [],
    });
  });
});

describe('the report', () => {
  const image = (id: string, packages?: Package[] | null): Image => ({
    ref: `img:${id}`,
    id: `sha256:${id.padEnd(64, '0')}`,
    size: 100,
    layers: [],
    files: null,
    ...(packages !== undefined ? { packages } : {}),
  });
  const build = (base: Image | null, head: Image) =>
    buildReport({ head, base, findings: [], failOn: 'error' }).report;

  it('holds the package diff when both images have their packages', () => {
    const report = build(
      image('b', [deb('gcc-12', '12.2.0-14', 70)]),
      image('h', [deb('curl', '7.88.1', 5)]),
    );
    expect(report.packages).toEqual(
      diffPackages([deb('gcc-12', '12.2.0-14', 70)], [deb('curl', '7.88.1', 5)]),
    );
    expect(report.packages?.net).toBe(5 - 70);
    expect(Object.isFrozen(report.packages?.changes[0])).toBe(true);
  });

  it('has none without a base or when either side was read without its packages', () => {
    const some = [deb('a', '1', 1)];
    expect('packages' in build(null, image('h', some))).toBe(false);
    expect('packages' in build(image('b', null), image('h', some))).toBe(false);
    expect('packages' in build(image('b', some), image('h'))).toBe(false);
    // Two images without a package at all still compare: nothing changed.
    expect(build(image('b', []), image('h', [])).packages?.changes).toEqual([]);
  });
});
