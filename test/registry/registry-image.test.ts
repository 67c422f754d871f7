// openRegistryImage against a stand-in registry serving generated layers: the image read from its blobs is the
// one the same layers make as an OCI archive; a stalled blob is resumed after the silence timeout; a foreign
// layer is reported and left out; a blob longer than its manifest says, or of an unknown media type, is refused;
// layers shared within a run are read once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import type { LayerSummary } from '../../src/image/model.js';
import { readSaveStream } from '../../src/image/save-archive.js';
import { openRegistryImage } from '../../src/registry/registry-image.js';
import { chunked, gzip, imageConfig, layerTar, ociLayout, sha256 } from '../support/tar-fixtures.js';

const GZ = 'application/vnd.oci.image.layer.v1.tar+gzip';
const PLATFORM = { os: 'linux', architecture: 'amd64' };
const ENV = { DOCKER_CONFIG: '/nonexistent' };
const BASIC = `Basic ${Buffer.from('user:pw').toString('base64')}`;

/** A docker config folder with `auths` for `host` (user:pw). */
function basicAuthConfig(host: string): { dir: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ig-docker-config-'));
  const auth = Buffer.from('user:pw').toString('base64');
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [host]: { auth } } }));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Served {
  manifest: Buffer;
  blobs: Map<string, Buffer>;
  /** Blob digests whose first answer stops sending half way (the connection stays open). */
  stall: Set<string>;
  /** Blob digests served with extra bytes past their end. */
  longer: Set<string>;
  requests: string[];
}

function standIn(served: Served): Server {
  const stalled = new Set<string>();
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const range = req.headers.range;
    served.requests.push(`${req.url}${range ? ` ${range}` : ''}`);
    const p = req.url!;
    if (p.startsWith('/v2/org/app/manifests/')) {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      return res.end(served.manifest);
    }
    const digest = p.slice(p.lastIndexOf('/') + 1);
    let blob = served.blobs.get(digest);
    if (!blob) {
      res.writeHead(404);
      return res.end();
    }
    if (served.longer.has(digest)) blob = Buffer.concat([blob, Buffer.from('trailing bytes')]);
    const from = range ? Number(/bytes=(\d+)-/.exec(range)![1]) : 0;
    res.writeHead(range ? 206 : 200, {
      'content-length': String(blob.length - from),
      ...(range ? { 'content-range': `bytes ${from}-${blob.length - 1}/${blob.length}` } : {}),
    });
    if (served.stall.has(digest) && !stalled.has(digest)) {
      stalled.add(digest);
      res.write(blob.subarray(0, blob.length >> 1)); // and then nothing
      return;
    }
    res.end(blob.subarray(from));
  });
}

async function fixture() {
  const big = Buffer.alloc(600_000);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
  const layers = [
    await layerTar([
      { path: 'etc/', type: 'dir' },
      { path: 'etc/os-release', content: 'ID=test\n' },
      { path: 'bin/sh', type: 'symlink', target: 'busybox' },
    ]),
    await layerTar([{ path: 'data/big.bin', content: big }]),
    await layerTar([
      { path: 'etc/.wh.os-release', content: '' },
      { path: 'app.txt', content: 'v1\n' },
    ]),
  ];
  const config = imageConfig({ layers });
  const blobs = layers.map((l) => gzip(l));
  const manifestOf = (extra: object[] = [], mediaTypes: string[] = blobs.map(() => GZ)) =>
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: sha256(config),
          size: config.length,
        },
        layers: [
          ...blobs.map((b, i) => ({ mediaType: mediaTypes[i], digest: sha256(b), size: b.length })),
          ...extra,
        ],
      }),
    );
  return { layers, config, blobs, manifestOf };
}

describe('openRegistryImage on a stand-in registry', () => {
  let server: Server;
  let host: string;
  let f: Awaited<ReturnType<typeof fixture>>;
  const served: Served = {
    manifest: Buffer.alloc(0),
    blobs: new Map(),
    stall: new Set(),
    longer: new Set(),
    requests: [],
  };

  beforeAll(async () => {
    f = await fixture();
    served.blobs.set(sha256(f.config), f.config);
    for (const b of f.blobs) served.blobs.set(sha256(b), b);
    server = standIn(served);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const open = (timeoutMs = 5000) =>
    openRegistryImage(`${host}/org/app:1`, { platform: PLATFORM, env: ENV, timeoutMs });

  it('reads what the same layers make as an OCI archive, with the manifest’s sizes', async () => {
    served.manifest = f.manifestOf();
    const image = await open();
    const data = await image.read('registry:x', { files: true });
    const archive = await ociLayout({ layers: f.layers }, { compress: 'gzip' });
    const expected = await readSaveStream(chunked(archive), { ref: 'registry:x', files: true });
    expect(analyzeImage(data)).toEqual(analyzeImage(expected));
    expect(data.id).toBe(sha256(f.config));
    expect(image.compressed.layers.map((l) => l.gzip)).toEqual(f.blobs.map((b) => b.length));
  });

  it('a blob that goes silent half way is resumed after the timeout, from where it stopped', async () => {
    served.manifest = f.manifestOf();
    const digest = sha256(f.blobs[1]!);
    served.stall.add(digest);
    served.requests.length = 0;
    const data = await (await open(300)).read('registry:x', { files: true });
    expect(data.layers![1]!.entries.map((e) => e.path)).toEqual(['data/big.bin']);
    const gets = served.requests.filter((q) => q.includes(digest));
    expect(gets).toEqual([
      `/v2/org/app/blobs/${digest}`,
      `/v2/org/app/blobs/${digest} bytes=${f.blobs[1]!.length >> 1}-`,
    ]);
    served.stall.clear();
  });

  it('a foreign layer is reported and left out; an unknown media type is refused', async () => {
    const foreign = {
      mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
      digest: sha256('foreign'),
      size: 10,
      urls: ['https://example.invalid/layer'],
    };
    const config = JSON.parse(f.config.toString());
    config.rootfs.diff_ids.push(sha256('foreign-diff'));
    const withForeign = Buffer.from(JSON.stringify(config));
    served.blobs.set(sha256(withForeign), withForeign);
    const m = JSON.parse(f.manifestOf([foreign]).toString());
    m.config.digest = sha256(withForeign);
    m.config.size = withForeign.length;
    served.manifest = Buffer.from(JSON.stringify(m));
    const notes: string[] = [];
    const data = await (await open()).read('registry:x', { files: true, onNote: (n) => notes.push(n) });
    expect(data.layers![3]).toEqual({ entries: [], whiteouts: [], opaqueDirs: [], size: 0 });
    expect(notes).toEqual([
      `registry:x: layer 3 (${foreign.digest.slice(0, 19)}) is a foreign layer, which registries do not serve: it is left out (0 bytes, no files)`,
    ]);

    served.manifest = f.manifestOf([], [GZ, 'application/vnd.example.helm.chart', GZ]);
    await expect(open()).rejects.toThrow(
      `${host}/org/app:1 has a layer of unknown media type application/vnd.example.helm.chart: not a container image image-guard reads`,
    );
  });

  it('a blob longer than its manifest says is refused', async () => {
    served.manifest = f.manifestOf();
    const digest = sha256(f.blobs[0]!);
    served.longer.add(digest);
    await expect((await open()).read('registry:x', { files: true })).rejects.toThrow(
      `the blob ${digest} from ${host} is longer than the ${f.blobs[0]!.length} bytes its manifest says: refusing it`,
    );
    served.longer.clear();
    // A blob the other worker had already started is read to its end in the background.
    await new Promise((r) => setTimeout(r, 200));
  });

  it('a blob redirected to a storage host: followed, without the registry’s credentials', async () => {
    const digest = sha256(f.blobs[0]!);
    const seen: (string | undefined)[] = [];
    const storage = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end(f.blobs[0]);
    });
    await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r));
    const port = (storage.address() as { port: number }).port;
    const { dir, done } = basicAuthConfig(host);
    const plain = server.listeners('request')[0] as (req: IncomingMessage, res: ServerResponse) => void;
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.headers.authorization !== BASIC) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="stand-in"' });
        return res.end();
      }
      if (req.url === `/v2/org/app/blobs/${digest}`) {
        res.writeHead(307, { location: `http://localhost:${port}/storage/${digest}?signed=1` });
        return res.end();
      }
      plain(req, res);
    });
    try {
      served.manifest = f.manifestOf();
      const image = await openRegistryImage(`${host}/org/app:1`, {
        platform: PLATFORM,
        env: { DOCKER_CONFIG: dir },
      });
      const data = await image.read('registry:x', { files: true });
      expect(data.layers![0]!.entries.map((e) => e.path)).toContain('etc/os-release');
      expect(seen).toEqual([undefined]);
    } finally {
      server.removeAllListeners('request');
      server.on('request', plain);
      storage.closeAllConnections();
      await new Promise((r) => storage.close(r));
      done();
    }
  });

  it('layers shared within a run are read once', async () => {
    served.manifest = f.manifestOf();
    served.requests.length = 0;
    const shared = new Map<string, Promise<LayerSummary>>();
    const image = await open();
    const [a, b] = await Promise.all([
      image.read('registry:a', { files: true, shared }),
      image.read('registry:b', { files: true, shared }),
    ]);
    expect(b.layers).toEqual(a.layers);
    for (const blob of f.blobs) {
      expect(served.requests.filter((q) => q.endsWith(sha256(blob)))).toHaveLength(1);
    }
  });
});
