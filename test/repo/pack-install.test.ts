// The CLI as a user gets it: `npm pack` of this repository, installed into an empty prefix with nothing else
// (offline: the bundle carries every module it runs, so the package has no dependencies to fetch), then the
// installed `image-guard` command run from an empty folder. The CLI is built from the sources into the package's
// own dist/ first, so the test holds on a fresh clone, before `npm run build` (CI builds after the tests) and
// whatever the committed dist/ says. The Action's dist/index.js is not built here: the command does not use it.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error scripts/build.mjs is plain JavaScript without types
import { buildDist } from '../../scripts/build.mjs';
import { dockerSaveArchive, layerTar } from '../support/tar-fixtures.js';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
  dependencies?: Record<string, string>;
};

let work: string;
let bin: string;
const tarballFiles: string[] = [];

/** The environment of a clean machine's shell: no npm settings inherited from an `npm test` around us. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && !key.startsWith('VITEST')) env[key] = value;
  return { ...env, HOME: join(work, 'home'), npm_config_cache: join(work, 'npm-cache'), NO_COLOR: '1' };
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd,
    env: cleanEnv(),
    encoding: 'utf8',
  });
}

function run(args: string[]) {
  const result = spawnSync(bin, args, { cwd: join(work, 'empty'), env: cleanEnv(), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'image-guard-pack-'));
  for (const dir of ['pkg', 'prefix', 'empty', 'home']) mkdirSync(join(work, dir));
  const stage = join(work, 'pkg');
  // What `npm pack` reads: package.json and the files it lists (dist/ is built below).
  copyFileSync(join(root, 'package.json'), join(stage, 'package.json'));
  for (const file of pkg.files.filter((f) => !f.startsWith('dist'))) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(join(root, file), join(stage, file));
  }
  await buildDist(join(stage, 'dist'), root);

  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], stage)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const tarball = join(work, packed[0]!.filename);
  tarballFiles.push(...packed[0]!.files.map((f) => f.path));

  npm(['install', '--global', '--offline', '--prefix', join(work, 'prefix'), tarball], work);
  bin = join(work, 'prefix', 'bin', 'image-guard');
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the package from npm pack, installed into an empty prefix', () => {
  it('has no dependencies to install: the CLI bundle carries its own modules', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('holds the CLI with its chunks, the licence and the docs, and no sources or tests', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/cli.js',
        'LICENSE',
        'README.md',
        'CHANGELOG.md',
        'action.yml',
      ]),
    );
    expect(tarballFiles.some((f) => f.startsWith('dist/chunks/'))).toBe(true);
    expect(tarballFiles.filter((f) => /^(src|test|scripts|node_modules)\//.test(f))).toEqual([]);
  });

  it('puts an image-guard command on the prefix and nothing beside the package', () => {
    expect(existsSync(bin)).toBe(true);
    const installed = join(work, 'prefix', 'lib', 'node_modules', pkg.name);
    expect(existsSync(join(installed, 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('--version prints the package version', () => {
    const result = run(['--version']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout.trim()).toBe(`image-guard ${pkg.version}`);
  });

  it('lint reports the findings of a Dockerfile, with their lines, and exits 1 on an error', () => {
    const dockerfile = join(work, 'empty', 'Dockerfile');
    writeFileSync(dockerfile, 'FROM python:3.13\nCOPY . .\nRUN pip install -r requirements.txt\n');
    const result = run(['lint', dockerfile, '--format', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { rule: string; line: number }[] };
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'IG002', line: 1 }),
        expect.objectContaining({ rule: 'IG009', line: 3 }),
      ]),
    );
  });

  it('analyze reads a docker-archive with no engine', async () => {
    const layers = [
      await layerTar([
        { path: 'bin/', type: 'dir' },
        { path: 'bin/app', content: 'x'.repeat(5000) },
        { path: 'etc/config', content: 'a=1\n' },
      ]),
      await layerTar([{ path: 'etc/config', content: 'a=2\n' }]),
    ];
    const archive = join(work, 'empty', 'image.tar');
    writeFileSync(archive, await dockerSaveArchive({ layers, repoTag: 'fixture/app:1' }, { layout: 'oci' }));

    const json = run(['analyze', `docker-archive:${archive}`, '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as {
      tool: { version: string };
      head: { size: number; layers: unknown[]; files: { wastedBytes: number } };
    };
    expect(report.tool.version).toBe(pkg.version);
    expect(report.head.size).toBe(5008);
    expect(report.head.layers).toHaveLength(2);
    expect(report.head.files.wastedBytes).toBe(4);

    const text = run(['analyze', `docker-archive:${archive}`]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^size\s+5\.01 kB$/m);
    expect(text.stdout).toMatch(/^wasted\s+4 B$/m);
    // Two runs of the installed CLI, each a Node start-up: more than the default 5 s on a loaded machine.
  }, 60_000);
});
