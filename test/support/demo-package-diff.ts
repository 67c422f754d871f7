// The package diff of the bundled demo (examples/python-api: the single-stage "before" with build-essential,
// the multi-stage "after"), held to what the images themselves say: dpkg-query inside each image for the
// installed Debian packages, Debian's own `dpkg --compare-versions` on this machine for upgrade or downgrade, and
// for each removed package the bytes of its files as lstat measures them inside the base image
// (test/support/package-bytes.ts, the yardstick test/analysis/packages.itg.test.ts uses too). The removed
// bytes must add up with "Where the bytes went": a directory's owner is a removed package, owning no more bytes
// than that package weighed. test/examples/python-api.itg.test.ts builds the two images (on both engines) and
// calls these checks.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { runCli } from './cli-io.js';
import { docker } from './engine.js';
import { debBytesInside } from './package-bytes.js';

const run = promisify(execFile);

/** Installed Debian packages of an image: name → version, as dpkg-query reports them. */
async function dpkgPackages(ref: string): Promise<Map<string, string>> {
  const out = await docker([
    'run',
    '--rm',
    '--entrypoint',
    'dpkg-query',
    ref,
    '-W',
    '-f',
    '${db:Status-Status}\\t${Package}\\t${Version}\\n',
  ]);
  const unpacked = new Set([
    'installed',
    'unpacked',
    'half-installed',
    'half-configured',
    'triggers-awaited',
    'triggers-pending',
  ]);
  const map = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [status, name, version] = line.split('\t');
    if (name && version && unpacked.has(status!)) map.set(name, version);
  }
  return map;
}

/** `dpkg --compare-versions` of this machine: -1, 0 or 1. */
async function dpkgCompare(a: string, b: string): Promise<number> {
  const is = (op: string) =>
    run('dpkg', ['--compare-versions', a, op, b]).then(
      () => true,
      () => false,
    );
  if (await is('lt')) return -1;
  return (await is('eq')) ? 0 : 1;
}

/** Installed Debian packages' bytes inside an image, measured there (test/support/package-bytes.ts). */
export const packageBytesInside = debBytesInside;

/**
 * The package diff of BEFORE → AFTER (the demo's single- and multi-stage images): build-essential's packages
 * removed, with the bytes the base image's files weigh, adding up with "Where the bytes went".
 */
export async function checkDemoPackageDiff(BEFORE: string, AFTER: string): Promise<void> {
  const r = await runCli([
    'compare',
    '--head',
    AFTER,
    '--base',
    BEFORE,
    '--format',
    'json',
    '--fail-on',
    'never',
  ]);
  expect(r.err).toBe('');
  const report = JSON.parse(r.out) as Report;
  const [before, after, baseBytes] = await Promise.all([
    dpkgPackages(BEFORE),
    dpkgPackages(AFTER),
    packageBytesInside(BEFORE),
  ]);

  // Every Debian package of the single-stage image, its version as dpkg-query says and its bytes as its files
  // weigh inside the image.
  const listed = report.base!.packages!.filter((p) => p.ecosystem === 'deb');
  expect(Object.fromEntries(listed.map((p) => [p.name, [p.version, p.bytes]]))).toEqual(
    Object.fromEntries([...before].map(([name, version]) => [name, [version, baseBytes[name]]])),
  );

  // The Debian part of the diff, worked out from dpkg-query and dpkg's own version order.
  const expected: [string, string, string | null, string | null][] = [];
  for (const [name, version] of before) {
    const now = after.get(name);
    if (now === undefined) expected.push([name, 'removed', version, null]);
    else if (now !== version) {
      const order = await dpkgCompare(version, now);
      if (order !== 0) expected.push([name, order < 0 ? 'upgraded' : 'downgraded', version, now]);
    }
  }
  for (const [name, version] of after) if (!before.has(name)) expected.push([name, 'added', null, version]);
  const byName = (x: unknown[], y: unknown[]) => String(x[0]).localeCompare(String(y[0]));
  const debChanges = report.packages!.changes.filter((c) => c.ecosystem === 'deb');
  expect(
    debChanges
      .filter((c) => c.change !== 'changed')
      .map((c) => [c.name, c.change, c.baseVersion, c.headVersion])
      .sort(byName),
  ).toEqual(expected.sort(byName));

  // build-essential and what it pulled in are gone, each with what its files weighed in the base.
  const removed = debChanges.filter((c) => c.change === 'removed');
  const names = removed.map((c) => c.name);
  for (const name of ['build-essential', 'libc6-dev', 'make', 'binutils']) expect(names).toContain(name);
  expect(names.filter((n) => /^(gcc|cpp)-\d+(-x86-64-linux-gnu)?$/.test(n)).length).toBeGreaterThanOrEqual(2);
  for (const c of removed) {
    expect([c.name, c.baseBytes]).toEqual([c.name, baseBytes[c.name]]);
    expect(c.delta).toBe(0 - baseBytes[c.name]!);
  }

  // They add up with "Where the bytes went": no more than the removed files weigh, and each directory's
  // owner (the toolchain's) a removed package owning no more bytes than that package weighed.
  const diff = report.diff!;
  const removedBytes = removed.reduce((n, c) => n + (c.baseBytes ?? 0), 0);
  expect(removedBytes).toBeLessThanOrEqual(diff.removed.bytes + diff.shrunk.bytes);
  const owned = diff.directories.filter((d) => d.owner && d.net < 0);
  expect(owned.length).toBeGreaterThan(0);
  for (const d of owned) {
    const pkg = removed.find((c) => c.name === d.owner!.name);
    expect(pkg, `${d.path} (${d.owner!.name})`).toBeDefined();
    expect(d.owner!.bytes).toBeLessThanOrEqual(pkg!.baseBytes!);
  }
  expect(owned.some((d) => /^(libgcc|libstdc\+\+|gcc|cpp|g\+\+)-\d+/.test(d.owner!.name))).toBe(true);
}
