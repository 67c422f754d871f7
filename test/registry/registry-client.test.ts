import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compressedFromManifest,
  parseReference,
  pickPlatform,
  registryClient,
} from '../../src/registry/registry-client.js';

const GZ = 'application/vnd.oci.image.layer.v1.tar+gzip';
const ZS = 'application/vnd.oci.image.layer.v1.tar+zstd';
const d = (c: string) => `sha256:${c.repeat(64)}`;

function manifest(layers: { mediaType: string; size: number }[]) {
  return {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: d('c'), size: 100 },
    layers: layers.map((l, i) => ({ ...l, digest: d(String(i)) })),
  };
}

/** A registry with a token service: anonymous pull tokens, an index with amd64 and arm64, an arm-only index. */
function fakeRegistry(): { server: Server; requests: string[] } {
  const requests: string[] = [];
  const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url!, 'http://x');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/token') {
      if (url.searchParams.get('scope') !== 'repository:org/app:pull') return json(res, 400, {});
      return json(res, 200, { token: 'anon-token' });
    }
    if (req.headers.authorization !== 'Bearer anon-token') {
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="fake",scope="repository:org/app:pull"`,
      });
      return res.end();
    }
    const p = url.pathname;
    if (p === '/v2/org/app/manifests/multi')
      return json(res, 200, {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          { digest: d('a'), platform: { os: 'linux', architecture: 'amd64' } },
          { digest: d('b'), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
          { digest: d('e'), platform: { os: 'unknown', architecture: 'unknown' } },
        ],
      });
    if (p === '/v2/org/app/manifests/armonly')
      return json(res, 200, {
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
        manifests: [{ digest: d('b'), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }],
      });
    if (p === `/v2/org/app/manifests/${d('a')}`)
      return json(
        res,
        200,
        manifest([
          { mediaType: GZ, size: 1000 },
          { mediaType: GZ, size: 234 },
        ]),
      );
    if (p === `/v2/org/app/blobs/${d('c')}`)
      return json(res, 200, { rootfs: { diff_ids: [d('1'), d('2')] } });
    return json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
  });
  return { server, requests };
}

describe('parseReference', () => {
  it('splits references as the docker CLI does, with plain HTTP for loopback registries', () => {
    expect(parseReference('busybox')).toMatchObject({
      registry: 'docker.io',
      baseUrl: 'https://registry-1.docker.io',
      name: 'library/busybox',
      reference: 'latest',
    });
    expect(parseReference('ghcr.io/org/app:main')).toMatchObject({
      baseUrl: 'https://ghcr.io',
      name: 'org/app',
      reference: 'main',
    });
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(parseReference(`localhost:5000/a/b@${digest}`)).toMatchObject({
      baseUrl: 'http://localhost:5000',
      name: 'a/b',
      reference: digest,
    });
    expect(parseReference('localhost:5000/a/b@sha256:abc')).toBeNull();
    expect(parseReference('127.0.0.1:5000/x')?.baseUrl).toBe('http://127.0.0.1:5000');
    expect(parseReference('Upper/Case')).toBeNull();
    expect(parseReference('has space')).toBeNull();
  });
});

describe('pickPlatform and compressedFromManifest', () => {
  it('picks os/architecture, preferring the same variant', () => {
    const ms = [
      { digest: 'v6', platform: { os: 'linux', architecture: 'arm', variant: 'v6' } },
      { digest: 'v7', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
    ];
    expect(pickPlatform(ms, { os: 'linux', architecture: 'arm', variant: 'v7' })?.digest).toBe('v7');
    expect(pickPlatform(ms, { os: 'linux', architecture: 'amd64' })).toBeNull();
  });

  it('totals per compression only when every layer is stored that way', () => {
    const gz = compressedFromManifest(
      [
        { mediaType: GZ, size: 10 },
        { mediaType: GZ, size: 5 },
      ],
      [d('1'), d('2')],
    );
    expect(gz).toEqual({
      gzip: 15,
      zstd: null,
      source: 'registry',
      layers: [
        { diffId: d('1'), gzip: 10, zstd: null },
        { diffId: d('2'), gzip: 5, zstd: null },
      ],
    });
    expect(compressedFromManifest([{ mediaType: ZS, size: 7 }], null)).toMatchObject({
      gzip: null,
      zstd: 7,
      layers: [],
    });
  });
});

describe('registryClient against a stand-in registry', () => {
  let reg: ReturnType<typeof fakeRegistry>;
  let host: string;
  let silent: ReturnType<typeof createTcpServer>;
  let silentHost: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    reg = fakeRegistry();
    await new Promise<void>((r) => reg.server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(reg.server.address() as { port: number }).port}`;
    // Accepts connections and never answers.
    silent = createTcpServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    silentHost = `127.0.0.1:${(silent.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
    await new Promise((r) => reg.server.close(r));
  });

  const client = registryClient({
    platform: { os: 'linux', architecture: 'amd64' },
    env: { DOCKER_CONFIG: '/nonexistent' },
  });

  it('anonymous token, index → amd64 manifest → layer sizes mapped to diff_ids by the config', async () => {
    const r = await client.compressedSize(`${host}/org/app:multi`);
    expect(r).toEqual({
      ok: true,
      configDigest: d('c'),
      manifestDigest: null,
      compressed: {
        gzip: 1234,
        zstd: null,
        source: 'registry',
        layers: [
          { diffId: d('1'), gzip: 1000, zstd: null },
          { diffId: d('2'), gzip: 234, zstd: null },
        ],
      },
    });
    expect(reg.requests.some((q) => q.startsWith('GET /token?service=fake&scope='))).toBe(true);
    expect(reg.requests.filter((q) => q.includes('/blobs/')).every((q) => q.endsWith(d('c')))).toBe(true);
  });

  it('a manifest list without the runner platform says which platforms it has', async () => {
    const r = await client.compressedSize(`${host}/org/app:armonly`);
    expect(r).toEqual({
      ok: false,
      why: `the manifest list of ${host}/org/app:armonly has no linux/amd64 image (it has linux/arm64/v8)`,
    });
  });

  it('an unknown tag is a reason, not a throw', async () => {
    const r = await client.compressedSize(`${host}/org/app:nope`);
    expect(r).toEqual({ ok: false, why: `${host} has no org/app:nope (HTTP 404)` });
  });

  it('a registry that does not answer: a reason within the timeout', async () => {
    const started = Date.now();
    const r = await registryClient({ timeoutMs: 300 }).compressedSize(`${silentHost}/org/app:1`);
    expect(r).toEqual({ ok: false, why: `${silentHost} did not answer within 0.3 s` });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('nothing listening: a reason', async () => {
    const closed = createTcpServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const r = await registryClient({ timeoutMs: 1000 }).compressedSize(`127.0.0.1:${port}/org/app:1`);
    expect(r).toEqual({ ok: false, why: `127.0.0.1:${port} could not be reached (ECONNREFUSED)` });
  });
});
