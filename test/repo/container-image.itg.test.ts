// image-guard's own image (the Dockerfile at the repository's root), on each engine: it builds on a local
// stand-in for node:24-slim (scripts/bases.sh node), passes image-guard's own lint and analysis with no finding
// at all (--fail-on info), and inside it `lint` reads a mounted Dockerfile, `analyze` and `compare` reach the
// host's engine through the mounted socket, and `analyze` reads a mounted archive.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import {
  buildCommand,
  DOCKER,
  docker,
  ENGINE,
  engineAvailable,
  removeImages,
  uniqueTag,
} from '../support/engine.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const NODE_BASE = process.env.IG_NODE_IMAGE ?? 'image-guard-fixture/node:24-slim';
const socket = ENGINE.host ? ENGINE.host.replace(/^unix:\/\//, '') : '/var/run/docker.sock';

/** `docker run --rm` of the image with `args`, its exit status and output (a non-zero exit is no error here). */
async function inside(image: string, runArgs: string[], args: string[]) {
  try {
    const r = await run(DOCKER, ['run', '--rm', '--network', 'none', ...runArgs, image, ...args], {
      env: process.env,
      maxBuffer: 64 << 20,
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: e.stdout ?? '', err: e.stderr ?? '' };
  }
}

describe.skipIf(!engineAvailable)(`image-guard's own image (${ENGINE.name} engine)`, () => {
  const image = uniqueTag('self');
  const dir = mkdtempSync(join(tmpdir(), 'ig-self-image-'));
  // The socket's group, so that the image's user (node, not root) may use it.
  const withSocket = () => [
    '-v',
    `${socket}:/var/run/docker.sock`,
    '--group-add',
    String(statSync(socket).gid),
  ];

  beforeAll(async () => {
    await run('bash', [join(root, 'scripts/bases.sh'), 'node'], { env: process.env });
    const cmd = buildCommand('buildkit', ['-q', '--build-arg', `NODE_IMAGE=${NODE_BASE}`, '-t', image, root]);
    await docker(cmd.args, cmd.env);
  }, 900_000);
  afterAll(async () => {
    await removeImages(image);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs as a user without root, the bundle only', async () => {
    expect(await docker(['image', 'inspect', '-f', '{{.Config.User}}', image])).toBe('node');
    const version = await inside(image, [], ['--version']);
    expect(version.out.trim()).toMatch(/^image-guard \d+\.\d+\.\d+/);
    const listing = await inside(image, ['--entrypoint', 'ls'], ['-R', '/opt/image-guard']);
    expect(listing.out).not.toMatch(/\bsrc\b|node_modules|\.ts\b/);
  });

  it('lints a mounted Dockerfile: its own with no finding, a bad one failing', async () => {
    const own = await inside(
      image,
      ['-v', `${root}/Dockerfile:/work/Dockerfile:ro`, '-v', `${root}/.dockerignore:/work/.dockerignore:ro`],
      ['lint', 'Dockerfile', '--fail-on', 'info'],
    );
    expect(own.code, own.err).toBe(0);
    expect(own.out).toContain('Dockerfile: no findings');
    // the source copied before the dependencies are installed: IG009, an error
    const bad = join(dir, 'bad');
    mkdirSync(bad, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(
      join(bad, 'Dockerfile'),
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
    );
    writeFileSync(join(bad, 'requirements.txt'), 'flask\n');
    const badRun = await inside(
      image,
      ['-v', `${bad}:/work:ro`],
      ['lint', 'Dockerfile', '--format', 'junit'],
    );
    expect(badRun.code, badRun.err).toBe(1);
    expect(badRun.out).toMatch(/<testcase name="IG009 cache-order"[^>]*>\s*<failure type="error"/);
  });

  it('analyzes itself through the mounted socket with no finding, and compares with its base', async () => {
    const self = await inside(image, withSocket(), [
      'analyze',
      image,
      '--fail-on',
      'info',
      '--format',
      'json',
      '--no-pull-size',
    ]);
    expect(self.code, self.err).toBe(0);
    const report = JSON.parse(self.out) as Report;
    expect(report.findings).toEqual([]);
    expect(report.head?.ref).toBe(image);
    const compared = await inside(image, withSocket(), [
      'compare',
      '--head',
      image,
      '--base',
      NODE_BASE,
      '--format',
      'json',
      '--no-pull-size',
    ]);
    expect(compared.code, compared.err).toBe(0);
    const delta = (JSON.parse(compared.out) as Report).delta!;
    expect(delta.size).toBeGreaterThan(0);
    // the bundle is a few MB: everything else is the base's
    expect(delta.size).toBeLessThan(20_000_000);
  });

  it('analyzes a mounted archive, with no engine', async () => {
    await docker(['save', '-o', join(dir, 'self.tar'), image]);
    // readable by the image's user
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'self.tar'), 0o644);
    const r = await inside(
      image,
      ['-v', `${dir}:/data:ro`],
      ['analyze', 'docker-archive:/data/self.tar', '--format', 'json', '--fail-on', 'info', '--no-pull-size'],
    );
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as Report).findings).toEqual([]);
  });
});
