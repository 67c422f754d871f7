// Packages of real images against what the image itself says: dpkg-query for the Debian packages, Python's
// importlib.metadata for distributions, a walk of node_modules for npm, and for each package the bytes of its
// files as lstat measures them inside a container (test/support/package-bytes.ts: regular files only, a symlinked
// directory on the way followed, a hard-linked inode once, a file listed by two packages counted for the first,
// OS packages first).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { runCli as cli } from '../support/cli-io.js';
import { buildCommand, docker, ENGINE, engineAvailable, removeImages } from '../support/engine.js';
import { packagesInside } from '../support/package-bytes.js';

const PYTHON_BASE = 'image-guard-fixture/python:3.13-slim';
const SITE = 'usr/local/lib/python3.13/dist-packages';

async function analyze(ref: string): Promise<Report> {
  const r = await cli(['analyze', ref, '--format', 'json', '--fail-on', 'never']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Report;
}

function rows(report: Report, ecosystem: string): [string, string, number][] {
  return report
    .head!.packages!.filter((p) => p.ecosystem === ecosystem)
    .map((p) => [p.name, p.version, p.bytes] as [string, string, number])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const CONTEXT: Record<string, string> = {
  'site/tinylib/__init__.py': 'from .core import answer\n',
  'site/tinylib/core.py': `def answer():\n    return ${'4'.repeat(2000)}\n`,
  'site/tinylib-0.3.0.dist-info/METADATA':
    'Metadata-Version: 2.1\nName: tinylib\nVersion: 0.3.0\nSummary: x\n',
  'site/tinylib-0.3.0.dist-info/INSTALLER': 'pip\n',
  'site/tinylib-0.3.0.dist-info/RECORD': [
    'tinylib/__init__.py,sha256=x,25',
    'tinylib/core.py,sha256=x,2031',
    'tinylib-0.3.0.dist-info/METADATA,sha256=x,60',
    'tinylib-0.3.0.dist-info/INSTALLER,sha256=x,4',
    'tinylib-0.3.0.dist-info/RECORD,,',
    '../../../bin/tinylib,sha256=x,40',
    '',
  ].join('\n'),
  'bin/tinylib': '#!/usr/bin/python3\nimport tinylib\nprint(1)\n',
  'app/node_modules/express/package.json': JSON.stringify({ name: 'express', version: '4.18.2' }),
  'app/node_modules/express/index.js': `module.exports = ${'1'.repeat(3000)};\n`,
  'app/node_modules/express/lib/router.js': 'x'.repeat(777),
  'app/node_modules/express/node_modules/debug/package.json': JSON.stringify({
    name: 'debug',
    version: '2.6.9',
  }),
  'app/node_modules/express/node_modules/debug/index.js': 'd'.repeat(1234),
  'app/node_modules/@scope/util/package.json': JSON.stringify({ name: '@scope/util', version: '0.1.0' }),
  'app/node_modules/@scope/util/util.js': 'u'.repeat(555),
  'app/node_modules/.package-lock.json': '{}',
};

// Files added (a wheel-like install, node_modules), a Debian package removed (no conffiles: gone from status),
// one purged (netbase: its conffiles go too), files of installed packages deleted in a later layer.
const DOCKERFILE = `FROM ${PYTHON_BASE}
COPY site/ /${SITE}/
COPY bin/ /usr/local/bin/
COPY app/ /app/
RUN dpkg --remove --force-depends python3-setuptools-whl && dpkg --purge --force-depends netbase
RUN rm -rf /usr/share/doc/tzdata /usr/share/zoneinfo/Europe /app/node_modules/express/lib/router.js
`;

describe.skipIf(!engineAvailable)('packages against what the image says', () => {
  const tag = `ig-packages/pkgs:${ENGINE.name}-${process.pid}-${Date.now().toString(36)}`;
  afterAll(async () => {
    await removeImages(tag);
  });

  it('a build on the Debian python base: dpkg, Python and npm packages with their bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-packages-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
      for (const [path, content] of Object.entries(CONTEXT)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      const cmd = buildCommand('buildkit', ['-q', '-t', tag, dir]);
      await docker(cmd.args, cmd.env);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const [report, expected] = await Promise.all([analyze(tag), packagesInside(tag)]);
    expect(report.head!.packagesNote ?? null).toBeNull();
    expect(rows(report, 'deb')).toEqual(expected.deb);
    expect(rows(report, 'python')).toEqual(expected.python);
    expect(rows(report, 'npm')).toEqual(expected.npm);
    const names = expected.deb.map((r) => r[0]);
    expect(names).not.toContain('python3-setuptools-whl');
    expect(names).not.toContain('netbase');
    expect(names).toContain('tzdata');
    expect(rows(report, 'npm').map((r) => r[0])).toEqual(['@scope/util', 'debug', 'express']);
    expect(rows(report, 'python').find((r) => r[0] === 'tinylib')?.[2]).toBeGreaterThan(2000);
    // analyze --format text counts them in its overview.
    const text = await cli(['analyze', tag, '--format', 'text', '--fail-on', 'never']);
    expect(text.out).toMatch(new RegExp(`^packages +${report.head!.packages!.length}$`, 'm'));
    // The list is sorted by ecosystem, name, location.
    const keys = report.head!.packages!.map((p) => `${p.ecosystem}\0${p.name}\0${p.location}`);
    expect(keys).toEqual([...keys].sort());
  });
});
