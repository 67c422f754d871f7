// `registry:REF` read with no engine at all, against real registries: the report must be the one the engine
// gives for the same image (its id aside on the containerd store, which names images by manifest or index
// digest, and its compressed sizes, exact from the manifest here, computed on the engine's export there). Gzip
// and zstd layers, an index with two platforms, basic auth and the token flow on registries of the test's own,
// a blob that fails its digest, and a connection dropped half way through a blob.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { registryClient } from '../../src/registry/registry-client.js';
import { runCli } from '../support/cli-io.js';
import {
  BUSYBOX,
  build,
  docker,
  ENGINE,
  engineAvailable,
  REGISTRY,
  removeImages,
} from '../support/engine.js';
import {
  startBlobProxy,
  startRegistry,
  TEST_PASSWORD,
  TEST_USER,
  type TestRegistry,
} from '../support/registry-server.js';

const run = promisify(execFile);
const registryUp = await fetch(`http://${REGISTRY}/v2/`, { signal: AbortSignal.timeout(2000) }).then(
  (r) => r.ok,
  () => false,
);
let skopeo = true;
try {
  await run('skopeo', ['--version']);
} catch {
  skopeo = false;
}

process.env.IMAGE_GUARD_CACHE_DIR = 'off';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

interface Manifest {
  mediaType?: string;
  manifests?: { digest: string; platform?: { os: string; architecture: string } }[];
  config?: { digest: string };
  layers?: { digest: string; size: number; mediaType: string }[];
}

/** The image manifest (through an index, skipping attestations), its bytes and media type. */
async function imageManifest(
  host: string,
  name: string,
  reference: string,
): Promise<{ manifest: Manifest; bytes: Buffer; mediaType: string; digest: string }> {
  const res = await fetch(`http://${host}/v2/${name}/manifests/${reference}`, {
    headers: { accept: ACCEPT },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
  if (manifest.manifests) {
    const image = manifest.manifests.find((m) => m.platform?.os === 'linux')!;
    return imageManifest(host, name, image.digest);
  }
  const { createHash } = await import('node:crypto');
  return {
    manifest,
    bytes,
    mediaType: res.headers.get('content-type')!,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
  };
}

/** `image-guard analyze REF --format json` in process: the report, or the one-line error. */
async function analyze(ref: string, ...flags: string[]): Promise<Report> {
  const r = await runCli(['analyze', ref, '--format', 'json', '--fail-on', 'never', ...flags]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

async function analyzeFails(ref: string, ...flags: string[]): Promise<string> {
  const r = await runCli(['analyze', ref, '--format', 'json', ...flags]);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).not.toMatch(/\n\s+at /);
  return r.err;
}

/** The report without what legitimately differs between where the image was read from. */
function comparable(report: Report): Omit<Report, 'head'> & { head: object } {
  const { ref: _ref, id: _id, compressed: _compressed, ...head } = report.head!;
  return { ...report, head };
}

/** The engine must not be asked: a DOCKER_HOST where nothing answers, while `read` runs. */
async function withoutEngine<T>(read: () => Promise<T>): Promise<T> {
  const saved = process.env.DOCKER_HOST;
  process.env.DOCKER_HOST = 'unix:///nonexistent/image-guard-test.sock';
  try {
    return await read();
  } finally {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  }
}

/** A docker config folder: `auths` for `host`, or a credential store (a script on PATH) that answers for it. */
function dockerConfig(host: string, kind: 'auths' | 'helper' | 'none'): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ig-docker-config-'));
  const auth = Buffer.from(`${TEST_USER}:${TEST_PASSWORD}`).toString('base64');
  if (kind === 'auths')
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [host]: { auth } } }));
  if (kind === 'helper') {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ credsStore: 'igtest', auths: { [host]: {} } }));
    const script = join(dir, 'docker-credential-igtest');
    writeFileSync(
      script,
      `#!/bin/sh\nread server\n[ "$1" = get ] && [ "$server" = "${host}" ] || exit 1\necho '{"ServerURL":"${host}","Username":"${TEST_USER}","Secret":"${TEST_PASSWORD}"}'\n`,
    );
    chmodSync(script, 0o755);
  }
  return { dir, path: `${dir}:${process.env.PATH}` };
}

async function withEnv<T>(vars: Record<string, string>, read: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await read();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function copy(from: string, to: string, ...flags: string[]): Promise<void> {
  await run('skopeo', [
    'copy',
    '-q',
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    ...flags,
    `docker://${from}`,
    `docker://${to}`,
  ]);
}

describe.skipIf(!engineAvailable || !registryUp || !skopeo)('registry: images, read with no engine', () => {
  const name = `ig-registry/registry-image`;
  const tag = `${ENGINE.name}-${process.pid}-${Date.now().toString(36)}`;
  const remote = `${REGISTRY}/${name}:${tag}`;
  let engineReport: Report;
  let registryReport: Report;

  beforeAll(async () => {
    // Text, random bytes (over a few hundred KiB, so that a blob comes in many chunks), an overwrite and a
    // deletion (a whiteout): the file-level figures have something to agree on.
    await build(
      remote,
      `FROM ${BUSYBOX}
RUN seq 1 300000 > /numbers.txt && mkdir -p /data && head -c 100000 /dev/urandom > /data/old.bin
RUN head -c 1500000 /dev/urandom > /random.bin && rm /data/old.bin && seq 1 1000 > /numbers.txt
`,
      'buildkit',
    );
    await docker(['push', remote]);
    engineReport = await analyze(remote);
    registryReport = await withoutEngine(() => analyze(`registry:${remote}`));
  });
  afterAll(async () => {
    await removeImages(remote);
  });

  it('gzip layers: the same report as the engine gives, its id the config digest, sizes from the manifest', async () => {
    const r = await registryClient().compressedSize(remote);
    if (!r.ok) throw new Error(r.why);
    expect(registryReport.head!.ref).toBe(`registry:${remote}`);
    expect(registryReport.head!.id).toBe(r.configDigest);
    // The classic store's image ID is the config digest; the containerd store's the manifest's or the index's.
    expect([r.configDigest, r.manifestDigest, r.indexDigest]).toContain(engineReport.head!.id);
    if (!ENGINE.containerdStore) expect(registryReport.head!.id).toBe(engineReport.head!.id);
    expect(registryReport.head!.compressed).toEqual(r.compressed);
    expect(registryReport.head!.files!.fileCount).toBeGreaterThan(3);
    expect(registryReport.head!.files!.wastedBytes).toBeGreaterThan(100_000);
    expect(comparable(registryReport)).toEqual(comparable(engineReport));
  });

  it('zstd layers: the same report, the zstd sizes from the manifest', async () => {
    const zstd = `${remote}-zstd`;
    // Through an OCI layout: a registry-to-registry copy would reuse the gzip blobs the registry has.
    const layout = mkdtempSync(join(tmpdir(), 'ig-zstd-'));
    try {
      await run('skopeo', [
        'copy',
        '-q',
        '--src-tls-verify=false',
        '--dest-compress-format',
        'zstd',
        '--dest-compress',
        `docker://${remote}`,
        `oci:${layout}:z`,
      ]);
      await run('skopeo', ['copy', '-q', '--dest-tls-verify=false', `oci:${layout}:z`, `docker://${zstd}`]);
    } finally {
      rmSync(layout, { recursive: true, force: true });
    }
    const { manifest } = await imageManifest(REGISTRY, name, `${tag}-zstd`);
    expect(manifest.layers!.every((l) => l.mediaType.endsWith('+zstd'))).toBe(true);
    const report = await withoutEngine(() => analyze(`registry:${zstd}`));
    expect(report.head!.compressed).toMatchObject({ gzip: null, source: 'registry' });
    expect(report.head!.compressed!.zstd).toBe(manifest.layers!.reduce((n, l) => n + l.size, 0));
    // skopeo writes an OCI config when the engine pushed a Docker one: the same layers under another id.
    expect(report.head!.id).toBe(manifest.config!.digest);
    expect(comparable(report)).toEqual(comparable(engineReport));
  });

  it('an index with two platforms: the runner’s is read, --platform picks another, a missing one is named', async () => {
    const amd64 = await imageManifest(REGISTRY, name, tag);
    // Another image in the same repository, listed as the arm64 one.
    await copy(`${REGISTRY}/${BUSYBOX}`, `${REGISTRY}/${name}:${tag}-other`).catch(async () => {
      await docker(['tag', BUSYBOX, `${REGISTRY}/${name}:${tag}-other`]);
      await docker(['push', `${REGISTRY}/${name}:${tag}-other`]);
      await removeImages(`${REGISTRY}/${name}:${tag}-other`);
    });
    const other = await imageManifest(REGISTRY, name, `${tag}-other`);
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: other.mediaType,
          digest: other.digest,
          size: other.bytes.length,
          platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
        },
        {
          mediaType: amd64.mediaType,
          digest: amd64.digest,
          size: amd64.bytes.length,
          platform: { os: 'linux', architecture: process.arch === 'arm64' ? 's390x' : 'amd64' },
        },
      ],
    };
    const put = await fetch(`http://${REGISTRY}/v2/${name}/manifests/${tag}-multi`, {
      method: 'PUT',
      headers: { 'content-type': index.mediaType },
      body: JSON.stringify(index),
    });
    expect(put.status).toBe(201);
    const multi = `registry:${REGISTRY}/${name}:${tag}-multi`;
    if (process.arch === 'x64') {
      const report = await withoutEngine(() => analyze(multi));
      expect(comparable(report)).toEqual(comparable(registryReport));
      expect(report.head!.id).toBe(registryReport.head!.id);
    }
    const arm = await withoutEngine(() => analyze(multi, '--platform', 'linux/arm64'));
    expect(arm.head!.id).toBe(other.manifest.config!.digest);
    const err = await analyzeFails(multi, '--platform', 'linux/riscv64');
    expect(err).toMatch(/has no linux\/riscv64 image \(it has linux\/arm64\/v8, linux\/(amd64|s390x)\)/);
  });

  describe('a repository that needs credentials', () => {
    let basic: TestRegistry;
    let token: TestRegistry;
    beforeAll(async () => {
      [basic, token] = await Promise.all([startRegistry('basic'), startRegistry('token')]);
      const creds = ['--dest-creds', `${TEST_USER}:${TEST_PASSWORD}`];
      await copy(remote, `${basic.host}/${name}:private`, ...creds);
      await copy(remote, `${token.host}/${name}:private`, ...creds);
    });
    afterAll(async () => {
      await basic?.stop();
      await token?.stop();
    });

    it('basic auth: refused without a login, read with docker config auths or a credential helper', async () => {
      const ref = `registry:${basic.host}/${name}:private`;
      const none = dockerConfig(basic.host, 'none');
      const err = await withEnv({ DOCKER_CONFIG: none.dir }, () => analyzeFails(ref));
      expect(err).toBe(`image-guard: error: ${basic.host} wants a login (docker login ${basic.host})\n`);
      for (const kind of ['auths', 'helper'] as const) {
        const config = dockerConfig(basic.host, kind);
        const report = await withEnv({ DOCKER_CONFIG: config.dir, PATH: config.path }, () =>
          withoutEngine(() => analyze(ref)),
        );
        expect(comparable(report), kind).toEqual(comparable(registryReport));
        rmSync(config.dir, { recursive: true, force: true });
      }
      rmSync(none.dir, { recursive: true, force: true });
    });

    it('the bearer-token flow: the credentials go to the token server, never into a message', async () => {
      const ref = `registry:${token.host}/${name}:private`;
      const none = dockerConfig(token.host, 'none');
      const err = await withEnv({ DOCKER_CONFIG: none.dir }, () => analyzeFails(ref));
      expect(err).toBe(
        `image-guard: error: ${token.host}'s token service answered HTTP 401: log in with docker login\n`,
      );
      const config = dockerConfig(token.host, 'auths');
      token.tokenRequests.length = 0;
      const report = await withEnv({ DOCKER_CONFIG: config.dir }, () => withoutEngine(() => analyze(ref)));
      expect(comparable(report)).toEqual(comparable(registryReport));
      expect(token.tokenRequests).toEqual([
        `GET /token?service=ig-test&scope=repository%3A${encodeURIComponent(name)}%3Apull with credentials`,
      ]);
      expect(JSON.stringify(report)).not.toContain(TEST_PASSWORD);
      rmSync(config.dir, { recursive: true, force: true });
      rmSync(none.dir, { recursive: true, force: true });
    });
  });

  it('compare: a registry base shares the layers it has in common with the engine head, nothing cached', async () => {
    // The same image on both sides: every layer of the base is one the head's export hands over.
    const { manifest } = await imageManifest(REGISTRY, name, tag);
    const proxy = await startBlobProxy(REGISTRY, 'none', 'corrupt');
    try {
      const r = await runCli([
        'compare',
        '--head',
        remote,
        '--base',
        `registry:${proxy.host}/${name}:${tag}`,
        '--format',
        'json',
        '--fail-on',
        'never',
      ]);
      expect(r.code, r.err).toBe(0);
      const report = JSON.parse(r.out) as Report;
      const layerGets = proxy.requests.filter((q) => manifest.layers!.some((l) => q.endsWith(l.digest)));
      expect(layerGets).toEqual([]);
      const { ref: _ref, id: _id, compressed: _compressed, ...base } = report.base!;
      expect(base).toEqual(comparable(registryReport).head);
      expect(report.delta).toMatchObject({ size: 0, layers: 0 });
    } finally {
      await proxy.stop();
    }
  });

  it('a blob that fails its digest: one line naming it, no report', async () => {
    const { manifest } = await imageManifest(REGISTRY, name, tag);
    const biggest = [...manifest.layers!].sort((a, b) => b.size - a.size)[0]!;
    const proxy = await startBlobProxy(REGISTRY, biggest.digest, 'corrupt');
    try {
      const err = await withoutEngine(() => analyzeFails(`registry:${proxy.host}/${name}:${tag}`));
      expect(err).toMatch(
        new RegExp(
          `^image-guard: error: the blob ${biggest.digest} from ${proxy.host} failed its digest check \\(its bytes hash to sha256:[0-9a-f]{64}\\): .*; try again\\n$`,
        ),
      );
    } finally {
      await proxy.stop();
    }
  });

  it('a connection dropped half way through a blob: resumed where it stopped, the same report', async () => {
    const { manifest } = await imageManifest(REGISTRY, name, tag);
    const biggest = [...manifest.layers!].sort((a, b) => b.size - a.size)[0]!;
    const proxy = await startBlobProxy(REGISTRY, biggest.digest, 'drop');
    try {
      const report = await withoutEngine(() => analyze(`registry:${proxy.host}/${name}:${tag}`));
      expect(comparable(report)).toEqual(comparable(registryReport));
      const blobGets = proxy.requests.filter((q) => q.includes(biggest.digest));
      // Resumed from what had arrived when the connection dropped (at most half the blob).
      expect(blobGets).toHaveLength(2);
      expect(blobGets[0]).toBe(`GET /v2/${name}/blobs/${biggest.digest}`);
      const from = Number(/ range=bytes=(\d+)-$/.exec(blobGets[1]!)?.[1]);
      expect(from).toBeGreaterThan(0);
      expect(from).toBeLessThanOrEqual(Math.floor(biggest.size / 2));
    } finally {
      await proxy.stop();
    }
  });
});
