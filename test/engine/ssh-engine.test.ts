// DOCKER_HOST=ssh://: the modem dials `docker system dial-stdio` over ssh2 and speaks HTTP on that channel. The
// stand-in is an ssh server of the test's own (ssh2's Server, on 127.0.0.1) whose dial-stdio is a connection
// to the stand-in engine's socket: requests arrive, and a redirect is refused here as over a socket or TCP (the
// modem's own transport would have sent the second GET from this machine, outside the ssh connection).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { buildDist } from '../../scripts/build.mjs';
import { connectEngine } from '../../src/engine/docker-engine.js';
import { countingPort, FakeEngine, json } from '../support/fake-engine.js';

const tmp = mkdtempSync(join(tmpdir(), 'ig-ssh-engine-'));
let fake: FakeEngine;
let server: ssh2.Server;
let port = 0;
const commands: string[] = [];

beforeAll(async () => {
  fake = await new FakeEngine(join(tmp, 'engine.sock'), (_req, res) => json(res, 404, {})).start();
  const hostKey = ssh2.utils.generateKeyPairSync('ed25519');
  server = new ssh2.Server({ hostKeys: [hostKey.private] }, (client) => {
    client.on('authentication', (ctx) => (ctx.username === 'me' ? ctx.accept() : ctx.reject()));
    client.on('error', () => {});
    client.on('session', (acceptSession) => {
      acceptSession().on('exec', (accept, reject, info) => {
        commands.push(info.command);
        if (info.command !== 'docker system dial-stdio') return reject();
        const channel = accept();
        const engine = connect(fake.socket!);
        engine.on('error', () => channel.close());
        channel.pipe(engine).pipe(channel);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.close();
  await fake.stop();
  rmSync(tmp, { recursive: true, force: true });
});

it('sends requests through docker system dial-stdio and refuses a redirect', async () => {
  const host = `ssh://me@127.0.0.1:${port}`;
  const engine = connectEngine({ DOCKER_HOST: host, IMAGE_GUARD_ENGINE_TIMEOUT: '5' });
  expect(await engine.inspect('localhost:5000/app:1')).toBeNull();
  expect(fake.requests).toEqual(['GET /images/localhost:5000/app:1/json']);
  expect(commands).toEqual(['docker system dial-stdio']);

  const target = await countingPort();
  try {
    fake.handler = (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/images/x/json` });
      res.end();
    };
    const error = await engine.history('app:1').catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `the Docker engine at ${host} answered GET /images/app:1/history with a redirect (HTTP 302), which image-guard does not follow: does DOCKER_HOST point at a Docker engine?`,
    );
    await sleep(50);
    expect(target.connections()).toBe(0);
  } finally {
    target.close();
  }
}, 30_000);

it('works through the bundle, whose ssh agent is a chunk imported at the first connection', async () => {
  // Inside node_modules, so that the build resolves the same packages as the repository.
  const out = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', `ig-ssh-${process.pid}`);
  mkdirSync(out, { recursive: true });
  try {
    await buildDist(out, join(import.meta.dirname, '..', '..'));
    fake.requests.length = 0;
    fake.handler = (_req, res) => json(res, 500, { message: 'the stand-in has no images' });
    const stderr = await new Promise<string>((resolve) => {
      const env = { ...process.env, DOCKER_HOST: `ssh://me@127.0.0.1:${port}`, IMAGE_GUARD_CACHE_DIR: 'off' };
      execFile(
        process.execPath,
        [join(out, 'cli.js'), 'analyze', 'app:1'],
        { env, timeout: 20_000 },
        (_e, _o, err) => resolve(err),
      );
    });
    expect(stderr).toBe(
      `image-guard: error: the Docker engine at ssh://me@127.0.0.1:${port} could not inspect app:1: the stand-in has no images\n`,
    );
    expect(fake.requests).toEqual(['GET /images/app:1/json']);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 60_000);
