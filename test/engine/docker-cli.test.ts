// The docker CLI adapter with a stand-in `docker` that records its arguments: whatever a workflow writes (a
// context, a tag, a reference that starts with a dash) reaches docker as a value, never as a flag.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { dockerCli } from '../../src/engine/docker-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ig-docker-cli-'));
const log = join(dir, 'argv');
const fake = join(dir, 'docker');
// `buildx version` fails: the classic `docker build` path.
writeFileSync(
  fake,
  `#!/bin/sh\n[ "$1" = buildx ] && exit 1\nprintf '%s\\n' "$*" >> ${JSON.stringify(log)}\nexit 0\n`,
);
chmodSync(fake, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const calls = () => readFileSync(log, 'utf8').trim().split('\n');

it('passes values joined to their flags and positionals after --', async () => {
  const docker = dockerCli(fake);
  const built = await docker.build({
    dockerfile: '-f',
    context: '--help',
    target: '--no-cache',
    buildArgs: ['A=--x'],
    tag: 'image-guard-head:1',
    noCache: false,
  });
  expect(built.ok).toBe(true);
  await docker.pull('--help');
  await docker.imageExists('--version');
  await docker.removeImage('-x');
  await docker.containers!.run('--privileged', { 'image-guard.probe': '1' });
  expect(calls()).toEqual([
    'build --file=-f --tag=image-guard-head:1 --target=--no-cache --build-arg=A=--x -- --help',
    'pull -- --help',
    'image inspect --format {{.Id}} -- --version',
    'image rm -f -- -x',
    'run -d --label image-guard.probe=1 -- --privileged',
  ]);
});
