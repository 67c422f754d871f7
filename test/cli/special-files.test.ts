// Issue 15, item 9: files that never end or never start. A device (/dev/zero) as an archive, a FIFO as an
// archive, a .dockerignore, a config or a Dockerfile: each is refused with one line before a byte is read,
// instead of hanging. Each case has a short timeout of its own, so a hang fails the test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'ig-special-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function project(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.13-slim\nCOPY . /app\nUSER 1000\n');
  return dir;
}
const fifo = (path: string) => execFileSync('mkfifo', [path]);

async function refused(args: string[], message: RegExp): Promise<void> {
  const run = await runCli(args);
  expect(run.code).toBe(2);
  expect(run.out).toBe('');
  expect(run.err).toMatch(/^image-guard: error: [^\n]*\n$/);
  expect(run.err).toMatch(message);
}

describe('files that are not regular files', () => {
  it('docker-archive:/dev/zero and oci-archive:/dev/null', { timeout: 5000 }, async () => {
    await refused(
      ['analyze', 'docker-archive:/dev/zero'],
      /\/dev\/zero is a character device, not a regular file: docker-archive: takes a tar file/,
    );
    await refused(
      ['analyze', 'oci-archive:/dev/null'],
      /\/dev\/null is a character device, not a regular file/,
    );
  });

  it('a FIFO as an archive', { timeout: 5000 }, async () => {
    const dir = project('archive');
    fifo(join(dir, 'image.tar'));
    await refused(['analyze', `docker-archive:${dir}/image.tar`], /image\.tar is a FIFO, not a regular file/);
  });

  it('a FIFO as .dockerignore or <Dockerfile>.dockerignore', { timeout: 5000 }, async () => {
    const dir = project('ignore');
    fifo(join(dir, '.dockerignore'));
    await refused(
      ['lint', join(dir, 'Dockerfile')],
      /\.dockerignore is a FIFO, not a regular file: an ignore file must be a plain text file$/m,
    );
    const beside = project('ignore-beside');
    fifo(join(beside, 'Dockerfile.dockerignore'));
    await refused(['lint', join(beside, 'Dockerfile')], /Dockerfile\.dockerignore is a FIFO/);
  });

  it('a directory or a huge file as .dockerignore', { timeout: 5000 }, async () => {
    const dir = project('ignore-dir');
    mkdirSync(join(dir, '.dockerignore'));
    await refused(['lint', join(dir, 'Dockerfile')], /\.dockerignore is a directory, not a regular file/);
    const big = project('ignore-big');
    writeFileSync(join(big, '.dockerignore'), 'x\n'.repeat(600_000));
    await refused(
      ['lint', join(big, 'Dockerfile')],
      /is 1200000 bytes: image-guard reads ignore files up to 1048576 bytes/,
    );
  });

  it('a FIFO as --config, .image-guard.yml or the Dockerfile', { timeout: 5000 }, async () => {
    const dir = project('config');
    fifo(join(dir, 'config.yml'));
    await refused(
      ['lint', join(dir, 'Dockerfile'), '--config', join(dir, 'config.yml')],
      /config .*config\.yml is not a regular file/,
    );
    fifo(join(dir, 'Dockerfile.fifo'));
    await refused(['lint', join(dir, 'Dockerfile.fifo')], /Dockerfile\.fifo is not a regular file/);
  });

  it('still reads a regular .dockerignore', { timeout: 5000 }, async () => {
    const dir = project('plain');
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n');
    const run = await runCli(['lint', join(dir, 'Dockerfile'), '--format', 'json', '--fail-on', 'never']);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
  });
});
