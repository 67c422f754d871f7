// Where the engine is, as the docker CLI finds it: DOCKER_HOST, else the context named by DOCKER_CONTEXT or by
// config.json's currentContext (from the CLI's context store), else the default socket. The store is written
// by the real docker CLI where there is one (`docker context create` needs no engine), and by hand for TLS.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEngine } from '../../src/engine/docker-engine.js';
import { engineAddress, engineEndpoint } from '../../src/engine/engine-endpoint.js';
import { modemOptions } from '../../src/engine/engine-modem.js';
import { FakeEngine, json } from '../support/fake-engine.js';

const tmp = mkdtempSync(join(tmpdir(), 'ig-endpoint-'));
const DOCKER = ['/usr/local/bin/docker', '/usr/bin/docker'].find((path) => existsSync(path));
let fake: FakeEngine;

beforeAll(async () => {
  fake = await new FakeEngine(join(tmp, 'engine.sock'), (_req, res) => json(res, 404, {})).start();
});
afterAll(async () => {
  await fake.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh docker config folder with the contexts the real CLI created in it. */
function configWith(name: string, contexts: Record<string, string>, use?: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [context, host] of Object.entries(contexts)) {
    execFileSync(DOCKER!, ['context', 'create', context, '--docker', `host=${host}`], {
      env: { PATH: process.env.PATH, HOME: tmp, DOCKER_CONFIG: dir },
      stdio: 'ignore',
    });
  }
  if (use) {
    execFileSync(DOCKER!, ['context', 'use', use], {
      env: { PATH: process.env.PATH, HOME: tmp, DOCKER_CONFIG: dir },
      stdio: 'ignore',
    });
  }
  return dir;
}

describe.skipIf(DOCKER === undefined)('contexts written by the docker CLI', () => {
  it('DOCKER_CONTEXT names the context whose endpoint requests go to', async () => {
    const config = configWith('named', { 'ig-fake': fake.host, other: 'tcp://127.0.0.1:9' });
    const engine = connectEngine({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'ig-fake' });
    expect(engine.address).toBe(fake.host);
    fake.requests.length = 0;
    expect(await engine.inspect('app:1')).toBeNull();
    expect(fake.requests).toEqual(['GET /images/app:1/json']);
    expect(engineAddress({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'other' })).toBe('tcp://127.0.0.1:9');
  });

  it('currentContext in config.json (docker context use) when DOCKER_CONTEXT is not set', async () => {
    const config = configWith('used', { 'ig-fake': fake.host }, 'ig-fake');
    expect(engineEndpoint({ DOCKER_CONFIG: config })).toMatchObject({
      address: fake.host,
      context: 'ig-fake',
      target: { kind: 'socket', socketPath: fake.socket },
    });
    fake.requests.length = 0;
    await connectEngine({ DOCKER_CONFIG: config }).inspect('app:2');
    expect(fake.requests).toEqual(['GET /images/app:2/json']);
  });

  it('DOCKER_HOST wins over any context, and the context named default is DOCKER_HOST or the socket', () => {
    const config = configWith('both', { 'ig-fake': fake.host }, 'ig-fake');
    const env = { DOCKER_CONFIG: config, DOCKER_CONTEXT: 'ig-fake', DOCKER_HOST: 'tcp://127.0.0.1:9' };
    expect(engineAddress(env)).toBe('tcp://127.0.0.1:9');
    expect(engineAddress({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'default' })).toMatch(
      /^unix:\/\/.*docker\.sock$/,
    );
  });

  it('a context that does not exist is one line saying where it was looked for', () => {
    const config = configWith('missing', { 'ig-fake': fake.host });
    expect(() => connectEngine({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'nope' })).toThrow(
      `cannot use the docker context "nope" (DOCKER_CONTEXT): it is not in ${join(config, 'contexts')}; docker context ls lists the contexts`,
    );
  });
});

describe('a context store as the docker CLI lays it out', () => {
  const store = (name: string, endpoint: object, tls?: Record<string, string>) => {
    const config = join(tmp, `hand-${name}`);
    const id = createHash('sha256').update(name).digest('hex');
    mkdirSync(join(config, 'contexts', 'meta', id), { recursive: true });
    writeFileSync(
      join(config, 'contexts', 'meta', id, 'meta.json'),
      JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: endpoint } }),
    );
    if (tls) {
      mkdirSync(join(config, 'contexts', 'tls', id, 'docker'), { recursive: true });
      for (const [file, text] of Object.entries(tls)) {
        writeFileSync(join(config, 'contexts', 'tls', id, 'docker', file), text);
      }
    }
    return config;
  };

  it('takes the TLS material of the context, and SkipTLSVerify; not DOCKER_TLS_VERIFY or DOCKER_CERT_PATH', () => {
    const config = store(
      'remote',
      { Host: 'tcp://10.0.0.1:2376', SkipTLSVerify: false },
      { 'ca.pem': 'CA', 'cert.pem': 'CERT', 'key.pem': 'KEY' },
    );
    const env = { DOCKER_CONFIG: config, DOCKER_CONTEXT: 'remote', DOCKER_CERT_PATH: join(tmp, 'none') };
    const { target } = engineEndpoint(env);
    expect(target).toEqual({
      kind: 'tcp',
      host: '10.0.0.1',
      port: 2376,
      tls: { ca: Buffer.from('CA'), cert: Buffer.from('CERT'), key: Buffer.from('KEY') },
    });
    const options = modemOptions(engineEndpoint(env), env);
    expect(options).toMatchObject({ protocol: 'https', host: '10.0.0.1', port: 2376, agent: undefined });

    const skip = store('skip', { Host: 'tcp://10.0.0.2:2375', SkipTLSVerify: true });
    const endpoint = engineEndpoint({ DOCKER_CONFIG: skip, DOCKER_CONTEXT: 'skip' });
    expect(endpoint.target).toEqual({ kind: 'tcp', host: '10.0.0.2', port: 2375, tls: { skipVerify: true } });
    const agent = modemOptions(endpoint, {}).agent as unknown as {
      options: { rejectUnauthorized?: boolean };
    };
    expect(agent.options.rejectUnauthorized).toBe(false);
    expect(modemOptions(endpoint, {}).protocol).toBe('https');

    const plain = store('plain', { Host: 'tcp://10.0.0.3:2375', SkipTLSVerify: false });
    expect(engineEndpoint({ DOCKER_CONFIG: plain, DOCKER_CONTEXT: 'plain', DOCKER_TLS_VERIFY: '1' })).toEqual(
      {
        address: 'tcp://10.0.0.3:2375',
        context: 'plain',
        target: { kind: 'tcp', host: '10.0.0.3', port: 2375, tls: null },
      },
    );
  });

  it('ssh endpoints, and a host the context store holds that is not one', () => {
    const ssh = store('over-ssh', { Host: 'ssh://me@build-host:2222', SkipTLSVerify: false });
    expect(engineEndpoint({ DOCKER_CONFIG: ssh, DOCKER_CONTEXT: 'over-ssh' }).target).toEqual({
      kind: 'ssh',
      host: 'build-host',
      port: 2222,
      username: 'me',
    });
    const bad = store('bad', { Host: 'ftp://x', SkipTLSVerify: false });
    expect(() => engineEndpoint({ DOCKER_CONFIG: bad, DOCKER_CONTEXT: 'bad' })).toThrow(
      'cannot use the docker context "bad" (DOCKER_CONTEXT): its host "ftp://x" is not usable (the scheme ftp: is not unix, npipe, tcp, http, https or ssh); docker context inspect shows it',
    );
  });
});
