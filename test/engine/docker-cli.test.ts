// The docker CLI adapter with a stand-in `docker` that records its arguments: whatever a workflow writes (a
// context, a tag, a reference that starts with a dash) reaches docker as a value, never as a flag.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildxArgs, dockerCli } from '../../src/engine/docker-cli.js';

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

it('buildx: every build input as its flag, secret values only in the environment, attestations off', () => {
  const { args, env } = buildxArgs({
    dockerfile: '/w/Dockerfile',
    context: '/w',
    target: 'runtime',
    buildArgs: ['A=1'],
    tag: 'image-guard-head:1',
    noCache: true,
    options: {
      builder: 'remote',
      secrets: [{ id: 'token', value: 'v@lue with spaces' }],
      secretFiles: [{ id: 'npmrc', path: '/home/u/.npmrc' }],
      secretEnvs: [{ id: 'gh', env: 'GH_TOKEN' }],
      ssh: ['default'],
      cacheFrom: ['type=gha'],
      cacheTo: ['type=gha,mode=max'],
      buildContexts: ['shared=../shared'],
      platform: 'linux/arm64',
      network: 'host',
      pull: true,
      labels: ['a=b'],
    },
  });
  expect(args).toEqual([
    'buildx',
    'build',
    '--builder=remote',
    '--load',
    '--file=/w/Dockerfile',
    '--tag=image-guard-head:1',
    '--target=runtime',
    '--platform=linux/arm64',
    '--build-arg=A=1',
    '--label=a=b',
    '--secret=id=token,env=IMAGE_GUARD_BUILD_SECRET_0',
    '--secret=id=npmrc,src=/home/u/.npmrc',
    '--secret=id=gh,env=GH_TOKEN',
    '--ssh=default',
    '--cache-from=type=gha',
    '--cache-to=type=gha,mode=max',
    '--build-context=shared=../shared',
    '--network=host',
    '--pull',
    '--provenance=false',
    '--sbom=false',
    '--no-cache',
    '--',
    '/w',
  ]);
  expect(env).toEqual({ IMAGE_GUARD_BUILD_SECRET_0: 'v@lue with spaces' });
  expect(args.join(' ')).not.toContain('v@lue');
});
