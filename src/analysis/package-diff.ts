// The package diff, base → head: which installed packages were added, removed, upgraded, downgraded or changed
// in bytes, and by how many bytes each. Pure: two package lists in, the report's PackageDiff out.
import type { Package, PackageChange, PackageDiff, PackageEcosystem } from '../core/report.js';
import { compareVersions } from './package-version.js';

/**
 * What makes two records the same installed package on both sides: the ecosystem, the name (Python's
 * normalized as PEP 503 does: `Typing_Extensions` is `typing-extensions`) and where it is installed. npm can
 * hold one name at several nested `node_modules` paths, Python one distribution in a venv and in the system
 * site-packages, gems in several gem directories: each install is a package of its own. A name that carries
 * its architecture (`libc6:i386`) is one of its own as well.
 */
export function packageKey(pkg: Pick<Package, 'ecosystem' | 'name' | 'location'>): string {
  const name = pkg.ecosystem === 'python' ? pkg.name.toLowerCase().replace(/[-_.]+/g, '-') : pkg.name;
  return `${pkg.ecosystem}\u0000${name}\u0000${installKey(pkg.ecosystem, pkg.location)}`;
}

/**
 * The part of a record's location that stays when the package's version changes: Python's
 * `…/site-packages/flask-3.0.0.dist-info/METADATA` and a gem's `…/specifications/rake-13.0.6.gemspec` name
 * their version, so the directory holding them stands for the install; the other ecosystems' records
 * (`/var/lib/dpkg/status`, `/lib/apk/db/installed`, `…/node_modules/a/package.json`) do not.
 */
function installKey(ecosystem: PackageEcosystem, location: string): string {
  const parent = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
  if (ecosystem === 'python') {
    const segments = location.split('/');
    const meta = segments.findLastIndex((s) => /\.(dist|egg)-info$/i.test(s));
    return meta >= 0 ? segments.slice(0, meta).join('/') : parent(location);
  }
  if (ecosystem === 'gem') return parent(location);
  return location;
}

/** Packages added, removed, upgraded, downgraded (by each ecosystem's version order) or changed in bytes. */
export function diffPackages(base: readonly Package[], head: readonly Package[]): PackageDiff {
  const groups = new Map<string, { base: Package[]; head: Package[] }>();
  const group = (p: Package) => {
    const key = packageKey(p);
    let g = groups.get(key);
    if (!g) {
      g = { base: [], head: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const p of base) group(p).base.push(p);
  for (const p of head) group(p).head.push(p);

  const changes: PackageChange[] = [];
  for (const g of groups.values()) {
    for (const [b, h] of pair(g.base, g.head)) {
      const change = changeOf(b, h);
      if (change) changes.push(change);
    }
  }
  changes.sort(
    (x, y) =>
      Math.abs(y.delta) - Math.abs(x.delta) ||
      byString(x.name, y.name) ||
      byString(x.ecosystem, y.ecosystem) ||
      byString(x.location, y.location) ||
      byString(x.change, y.change),
  );
  const count = (kind: PackageChange['change']) => changes.filter((c) => c.change === kind).length;
  return {
    added: count('added'),
    removed: count('removed'),
    upgraded: count('upgraded'),
    downgraded: count('downgraded'),
    changed: count('changed'),
    net: changes.reduce((n, c) => n + c.delta, 0),
    changes,
  };
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pairs the records of one package on both sides. Almost always one each; when a side has several (rpm's
 * kernels, a dpkg name installed for two architectures), equal versions pair first, then the rest in version
 * order, and what is left over was added or removed.
 */
function pair(base: Package[], head: Package[]): [Package | null, Package | null][] {
  if (base.length <= 1 && head.length <= 1) return [[base[0] ?? null, head[0] ?? null]];
  const out: [Package | null, Package | null][] = [];
  const restHead = [...head];
  const restBase: Package[] = [];
  for (const b of base) {
    const i = restHead.findIndex((h) => h.version === b.version);
    if (i >= 0) out.push([b, restHead.splice(i, 1)[0]!]);
    else restBase.push(b);
  }
  const ecosystem = (base[0] ?? head[0])!.ecosystem;
  const order = (x: Package, y: Package) => compareVersions(ecosystem, x.version, y.version);
  restBase.sort(order);
  restHead.sort(order);
  for (let i = 0; i < Math.max(restBase.length, restHead.length); i++) {
    out.push([restBase[i] ?? null, restHead[i] ?? null]);
  }
  return out;
}

function changeOf(b: Package | null, h: Package | null): PackageChange | null {
  const p = (h ?? b)!;
  let change: PackageChange['change'];
  if (!b) change = 'added';
  else if (!h) change = 'removed';
  else {
    const order = compareVersions(p.ecosystem, b.version, h.version);
    if (order < 0) change = 'upgraded';
    else if (order > 0) change = 'downgraded';
    else if (b.bytes !== h.bytes) change = 'changed';
    else return null;
  }
  return {
    ecosystem: p.ecosystem,
    name: p.name,
    change,
    baseVersion: b?.version ?? null,
    headVersion: h?.version ?? null,
    baseBytes: b?.bytes ?? null,
    headBytes: h?.bytes ?? null,
    delta: (h?.bytes ?? 0) - (b?.bytes ?? 0),
    location: p.location,
  };
}
