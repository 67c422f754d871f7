// The engine adapter against engines that are hostile or broken (issue 15, items 2, 6 and 9): a stand-in
// engine on a unix socket of the test's own answers with redirects, HTML, garbage, silence or a stalled export.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyzer } from '../../src/app/ports.js';
import { type CliIO, main } from '../../src/cli/main.js';
import { UserError } from '../../src/core/errors.js';
import { connectEngine, type DockerEngine, engineStallSeconds } from '../../src/engine/docker-engine.js';
import { engineTarget } from '../../src/engine/engine-endpoint.js';
import { readEngineImage } from '../../src/engine/engine-image.js';
import { apiPath } from '../../src/engine/engine-request.js';
import { countingPort, FakeEngine, json } from '../support/fake-engine.js';

const tmp = mkdtempSync(join(tmpdir(), 'ig-hostile-engine-'));
const ID = `sha256:${'a'.repeat(64)}`;
const image = { Id: ID, Size: 1000, RootFS: { Layers: [`sha256:${'b'.repeat(64)}`] } };
let fake: FakeEngine;
let engine: DockerEngine;

beforeAll(async () => {
  fake = await new FakeEngine(join(tmp, 'engine.sock'), (_req, res) => json(res, 404, {})).start();
});
afterAll(async () => {
  await fake.stop();
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  fake.requests.length = 0;
});

const connect = (seconds = 0.4) =>
  connectEngine({ DOCKER_HOST: fake.host, IMAGE_GUARD_ENGINE_TIMEOUT: String(seconds) });

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).not.toContain('\n');
  return error as Error;
}

describe('references reach the Engine API only after the reference parser accepted them', () => {
  it('refuses ../ paths and queries before any request, for every call', async () => {
    engine = connect();
    for (const ref of ['../../127.0.0.1:9/x?', '../../info?', 'app/../../info', 'app:1#x', 'APP']) {
      for (const call of [
        () => engine.inspect(ref),
        () => engine.history(ref),
        () => engine.exportImage(ref),
        () => engine.pull(ref),
      ]) {
        const error = await failure(call());
        expect(error.message).toMatch(
          /is not an image reference: it .*; nothing was sent to the Docker engine$/,
        );
      }
    }
    expect(fake.requests).toEqual([]);
  });

  it('encodes each part of a path', () => {
    expect(apiPath('/images/{}/json', 'localhost:5000/org/app:1')).toBe(
      '/images/localhost:5000/org/app:1/json',
    );
    expect(apiPath('/images/{}/json', 'a?b#c/%2e%2e')).toBe('/images/a%3Fb%23c/%252e%252e/json');
    expect(apiPath('/images/{}/get', `app@${ID}`)).toBe(`/images/app@${ID}/get`);
  });

  it('does not use an image id the engine made up', async () => {
    fake.handler = (_req, res) => json(res, 200, { ...image, Id: '../../info?' });
    const error = await failure(readEngineImage('app:1', { files: true, pull: false, engine: connect() }));
    expect(error.message).toMatch(
      /answered GET \/images\/app:1\/json with an image without an id of the form/,
    );
    expect(fake.requests).toEqual(['GET /images/app:1/json']);
  });
});

describe('an engine that is not one', () => {
  it('redirects: not followed, one line, over a unix socket and over TCP', async () => {
    // docker-modem's own transport followed each of these: a second GET to the named host (over TCP even from a
    // unix socket), errors of that request unhandled, and a Location of another scheme thrown inside its
    // answer's handler, the call never returning.
    const target = await countingPort();
    const tcp = await new FakeEngine(null, fake.handler).start();
    try {
      for (const engineAt of [fake, tcp]) {
        for (const status of [301, 302, 303, 307, 308]) {
          for (const location of [
            `http://127.0.0.1:${target.port}/images/x/json`,
            `https://127.0.0.1:${target.port}/images/x/json`,
            `//127.0.0.1:${target.port}/images/x/json`,
            '/images/x/json',
            'ftp://127.0.0.1/x',
          ]) {
            engineAt.handler = (_req, res) => {
              res.writeHead(status, { location });
              res.end();
            };
            const error = await failure(
              connectEngine({ DOCKER_HOST: engineAt.host, IMAGE_GUARD_ENGINE_TIMEOUT: '2' }).inspect('app:1'),
            );
            expect(error.message).toBe(
              `the Docker engine at ${engineAt.host} answered GET /images/app:1/json with a redirect (HTTP ${status}), which image-guard does not follow: does DOCKER_HOST point at a Docker engine?`,
            );
          }
        }
      }
      // A stream is refused the same way.
      tcp.handler = (_req, res) => {
        res.writeHead(302, { location: `http://127.0.0.1:${target.port}/images/x/get` });
        res.end();
      };
      const error = await failure(connectEngine({ DOCKER_HOST: tcp.host }).exportImage('app:1'));
      expect(error.message).toContain('answered GET /images/app:1/get with a redirect (HTTP 302)');
      await sleep(50);
      expect(target.connections()).toBe(0);
      // Each redirect was asked once, at the engine: none went back to it either.
      expect(tcp.requests.every((line) => line.startsWith('GET /images/app:1/'))).toBe(true);
      expect(tcp.requests).toHaveLength(5 * 5 + 1);
    } finally {
      target.close();
      await tcp.stop();
    }
  });

  it('sends the encoded path as it is over TCP too', async () => {
    const tcp = await new FakeEngine(null, (_req, res) => json(res, 404, {})).start();
    try {
      const engineAt = connectEngine({ DOCKER_HOST: tcp.host });
      expect(await engineAt.inspect(`localhost:5000/org/app@${ID}`)).toBeNull();
      expect(await engineAt.inspect('localhost:5000/org/app:1')).toBeNull();
      expect(tcp.requests).toEqual([
        `GET /images/localhost:5000/org/app@${ID}/json`,
        'GET /images/localhost:5000/org/app:1/json',
      ]);
    } finally {
      await tcp.stop();
    }
  });

  it('answers HTML or garbage: one line quoting its start', async () => {
    fake.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><body>${'x'.repeat(10_000)}\n\u001b[31m</body></html>`);
    };
    let error = await failure(connect().inspect('app:1'));
    expect(error.message).toMatch(
      /^the Docker engine at unix:\/\/.* answered GET \/images\/app:1\/json with text\/html \("<!doctype html><html><body>x+…"\), not the Engine API's JSON: does DOCKER_HOST point at a Docker engine\?$/,
    );
    expect(error.message.length).toBeLessThan(300);

    fake.handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>Bad Gateway</h1>');
    };
    error = await failure(connect().isContainerdStore());
    expect(error.message).toContain(
      'answered GET /info with HTTP 500 with text/html ("<h1>Bad Gateway</h1>")',
    );

    fake.handler = (_req, res) => {
      res.writeHead(200);
      res.end(Buffer.from([0, 1, 2, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0xff, 0x41]));
    };
    error = await failure(connect().history('app:1'));
    expect(error.message).toContain('with no content type ("[31m A")');

    fake.handler = (_req, res) => json(res, 200, [{ nothing: 1 }]);
    error = await failure(connect().history('app:1'));
    expect(error.message).toContain('with a history that is not a list of rows');

    fake.handler = (_req, res) => json(res, 200, { message: 'not an image' });
    error = await failure(connect().inspect('app:1'));
    expect(error.message).toContain('with an image without an id');

    fake.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>export</html>');
    };
    error = await failure(connect().exportImage('app:1'));
    expect(error.message).toContain('answered GET /images/app:1/get with text/html ("<html>export</html>")');
  });

  it('says what the engine said for an error status, on one line', async () => {
    fake.handler = (_req, res) => json(res, 500, { message: 'disk full\nsecond line' });
    const error = await failure(connect().history('app:1'));
    expect(error.message).toBe(
      `the Docker engine at ${fake.host} could not read the history of app:1: disk full second line`,
    );
  });
});

describe('an engine that stops talking', () => {
  it('accepts and never answers: the request ends after the timeout, saying what was asked', async () => {
    fake.handler = () => {};
    const started = Date.now();
    const error = await failure(connect(0.3).inspect('app:1'));
    const took = Date.now() - started;
    expect(error.message).toBe(
      `the Docker engine at ${fake.host} did not answer GET /images/app:1/json within 300 ms; check the engine (docker info), or raise engine-timeout (the input, --engine-timeout or the config key; seconds, default 120)`,
    );
    expect(took).toBeGreaterThanOrEqual(280);
    expect(took).toBeLessThan(3000);
  });

  it('stops half way through an answer', async () => {
    fake.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"Id":');
    };
    const error = await failure(connect(0.3).inspect('app:1'));
    expect(error.message).toContain(
      'stopped sending its answer to GET /images/app:1/json: no data for 300 ms',
    );
  });

  it('stalls an export half way: the watchdog ends it and says how much came', async () => {
    fake.handler = (req, res) => {
      if (req.url === '/info') return json(res, 200, { DriverStatus: [] });
      if (req.url?.endsWith('/json')) return json(res, 200, image);
      res.writeHead(200, { 'content-type': 'application/x-tar' });
      res.write(Buffer.alloc(512 * 40));
    };
    const started = Date.now();
    const error = await failure(readEngineImage('app:1', { files: true, pull: false, engine: connect(0.3) }));
    expect(error.message).toBe(
      `the Docker engine at ${fake.host} stalled while it sent the export of ${ID} (docker save): no data for 300 ms after 20480 bytes; check the engine (docker info), or raise engine-timeout (the input, --engine-timeout or the config key; seconds, default 120)`,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('counts only the time the reader waits for the engine: a slow reader of a slow export is no stall', async () => {
    fake.handler = async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-tar' });
      for (let i = 0; i < 4; i++) {
        res.write(Buffer.alloc(64 * 1024, i));
        await sleep(150);
      }
      res.end();
    };
    const stream = await connect(0.3).exportImage('app:1');
    let bytes = 0;
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      await sleep(400); // longer than the stall limit, spent by the reader
    }
    expect(bytes).toBe(4 * 64 * 1024);
  });

  it('closes the connection as soon as the reader gives up', async () => {
    let closed = 0;
    fake.handler = (req, res) => {
      req.socket.on('close', () => {
        closed = Date.now();
      });
      res.writeHead(200, { 'content-type': 'application/x-tar' });
      res.write(Buffer.alloc(4096));
    };
    const stream = await connect(30).exportImage('app:1');
    for await (const _ of stream) break; // the reader stops after one chunk, e.g. on a corrupt archive
    const stopped = Date.now();
    await sleep(200);
    expect(closed).toBeGreaterThanOrEqual(stopped);
    expect(closed - stopped).toBeLessThan(200);
  });

  it('reads the stall limit from IMAGE_GUARD_ENGINE_TIMEOUT and refuses nonsense', () => {
    expect(() => connectEngine({ DOCKER_HOST: fake.host, IMAGE_GUARD_ENGINE_TIMEOUT: 'soon' })).toThrow(
      'IMAGE_GUARD_ENGINE_TIMEOUT="soon" is not a number of seconds above 0',
    );
  });

  it('the engine-timeout setting (input, flag, config key) wins over IMAGE_GUARD_ENGINE_TIMEOUT', async () => {
    fake.handler = () => {};
    const started = Date.now();
    const engine = connectEngine({ DOCKER_HOST: fake.host, IMAGE_GUARD_ENGINE_TIMEOUT: '60' }, 0.3);
    expect((await failure(engine.inspect('app:1'))).message).toContain('within 300 ms');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(fake.requests).toEqual([expect.stringMatching(/^GET .*\/images\/app:1\/json$/)]);
    expect(engineStallSeconds({ IMAGE_GUARD_ENGINE_TIMEOUT: '60' }, 0.3)).toBe(0.3);
    expect(engineStallSeconds({ IMAGE_GUARD_ENGINE_TIMEOUT: '60' })).toBe(60);
    expect(engineStallSeconds({})).toBe(120);
    // Nothing is left behind for the next connection: the setting is an argument, not a global.
    expect(engineStallSeconds({ IMAGE_GUARD_ENGINE_TIMEOUT: '60' }, null)).toBe(60);
  });

  it('`analyze --engine-timeout` reaches the engine, and so does the config key', async () => {
    fake.handler = () => {};
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = fake.host;
    const cwd = process.cwd();
    const dir = mkdtempSync(join(tmp, 'cfg-'));
    try {
      const run = async (argv: string[]) => {
        let err = '';
        const sink = (write: (s: string) => void) => ({
          write: (s: string) => {
            write(s);
            return true;
          },
          isTTY: false,
        });
        const code = await main(argv, {
          stdout: sink(() => {}),
          stderr: sink((s) => {
            err += s;
          }),
        } as unknown as CliIO);
        return { code, err };
      };
      const started = Date.now();
      const flag = await run(['analyze', 'app:1', '--engine-timeout', '0.3', '--format', 'json']);
      expect(flag.code).toBe(2);
      expect(flag.err).toMatch(
        /did not answer GET \/images\/app:1\/json within 300 ms; .*raise engine-timeout/,
      );
      writeFileSync(join(dir, '.image-guard.yml'), 'engine-timeout: 0.4s\n');
      process.chdir(dir);
      const key = await run(['analyze', 'app:1', '--format', 'json']);
      expect(key.err).toContain('within 400 ms');
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await run(['analyze', 'app:1', '--engine-timeout', 'soon'])).err).toBe(
        'image-guard: error: bad flags: --engine-timeout "soon" must be seconds, more than 0 and at most 3600 (e.g. 60 or 2.5s)\n',
      );
    } finally {
      process.chdir(cwd);
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });
});

describe('the engine-timeout setting reaches the engine through the ports', () => {
  it("runAnalyzer's engine gives up on a silent engine after the setting, not IMAGE_GUARD_ENGINE_TIMEOUT", async () => {
    fake.handler = () => {};
    const saved = { host: process.env.DOCKER_HOST, timeout: process.env.IMAGE_GUARD_ENGINE_TIMEOUT };
    process.env.DOCKER_HOST = fake.host;
    process.env.IMAGE_GUARD_ENGINE_TIMEOUT = '60';
    try {
      const started = Date.now();
      const analyze = runAnalyzer(undefined, 0.3);
      const error = await failure(analyze('app:1', { files: true, pullSize: false }));
      expect(error.message).toMatch(/did not answer GET \/images\/app:1\/json within 300 ms/);
      expect(Date.now() - started).toBeLessThan(3000);
      // Without the setting the environment's 60 s would hold: the same port with 0.5 says 500 ms.
      expect(
        (await failure(runAnalyzer(undefined, 0.5)('app:1', { files: true, pullSize: false }))).message,
      ).toContain('within 500 ms');
    } finally {
      for (const [name, value] of [
        ['DOCKER_HOST', saved.host],
        ['IMAGE_GUARD_ENGINE_TIMEOUT', saved.timeout],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('DOCKER_HOST', () => {
  it('is read like the docker CLI reads it', () => {
    expect(engineTarget('unix:///run/docker.sock')).toEqual({
      kind: 'socket',
      socketPath: '/run/docker.sock',
    });
    expect(engineTarget('tcp://10.0.0.1:2375', {})).toEqual({
      kind: 'tcp',
      host: '10.0.0.1',
      port: 2375,
      tls: null,
    });
    expect(engineTarget('tcp://[::1]:2376', {})).toMatchObject({ host: '::1', port: 2376, tls: {} });
    expect(engineTarget('10.0.0.1:2375', { DOCKER_TLS_VERIFY: '1' })).toMatchObject({ tls: {} });
    expect(engineTarget('ssh://me@build-host')).toEqual({
      kind: 'ssh',
      host: 'build-host',
      port: 22,
      username: 'me',
    });
    expect(() => engineTarget('ftp://x')).toThrow(/^cannot use DOCKER_HOST="ftp:\/\/x" \(the scheme ftp:/);
    expect(() => engineTarget('unix://')).toThrow('no socket path');
  });
});
