// The registry image of the bench (`node scripts/bench.mjs --figure registry`): the 1 GiB bench image's
// Dockerfile built once more without the cache (new random bytes, so that no layer of it is in the engine but
// busybox's), pushed to the local registry (gzip layers, as `docker push` writes them) and copied there with
// zstd layers (skopeo), then removed from the engine, so that a `docker pull` of it really downloads, unpacks
// and registers every layer. Kept in the registry by tag: later runs reuse it.
//
// IG_BENCH_REGISTRY (default 127.0.0.1:5000) and IG_BENCH_REGISTRY_REPO (default image-guard-bench/gen) name it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_IMAGES, DOCKER, dockerfile } from './images.mjs';

const REGISTRY = process.env.IG_BENCH_REGISTRY ?? '127.0.0.1:5000';
const REPO = process.env.IG_BENCH_REGISTRY_REPO ?? 'image-guard-bench/gen';
// Bump with images.mjs's GENERATION.
const GENERATION = 'v1';

export const REGISTRY_IMAGE = {
  registry: REGISTRY,
  repo: REPO,
  gzip: `${REGISTRY}/${REPO}:1g-registry-${GENERATION}`,
  zstd: `${REGISTRY}/${REPO}:1g-registry-zstd-${GENERATION}`,
};

const ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The image manifest of `ref` in the registry, or null. */
export async function registryManifest(ref) {
  const [, name, tag] = /^[^/]+\/(.+):([^:]+)$/.exec(ref);
  const res = await fetch(`http://${REGISTRY}/v2/${name}/manifests/${tag}`, { headers: { accept: ACCEPT } });
  return res.ok ? res.json() : null;
}

/** `http://…/v2/NAME/blobs/DIGEST` of each layer of `ref`, oldest first. */
export async function layerUrls(ref) {
  const [, name] = /^[^/]+\/(.+):[^:]+$/.exec(ref);
  const manifest = await registryManifest(ref);
  return manifest.layers.map((l) => `http://${REGISTRY}/v2/${name}/blobs/${l.digest}`);
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

export async function ensureRegistryImages(log) {
  if (!(await registryManifest(REGISTRY_IMAGE.gzip))) {
    const dir = mkdtempSync(join(tmpdir(), 'ig-bench-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), dockerfile(BENCH_IMAGES[1].scale));
      log(`building and pushing ${REGISTRY_IMAGE.gzip} (once; later runs reuse it)`);
      run(DOCKER, ['build', '-q', '--no-cache', '-t', REGISTRY_IMAGE.gzip, dir], { DOCKER_BUILDKIT: '0' });
      run(DOCKER, ['push', '-q', REGISTRY_IMAGE.gzip]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const zstd = await registryManifest(REGISTRY_IMAGE.zstd);
  if (!zstd?.layers.every((l) => l.mediaType.endsWith('+zstd'))) {
    // Through an OCI layout: a registry-to-registry copy reuses the gzip blobs the registry already has.
    log(`copying ${REGISTRY_IMAGE.gzip} to ${REGISTRY_IMAGE.zstd} with zstd layers (once)`);
    const dir = mkdtempSync(join(tmpdir(), 'ig-bench-oci-'));
    try {
      const tls = ['--src-tls-verify=false', '--dest-tls-verify=false'];
      const zstdFlags = ['--dest-compress-format', 'zstd', '--dest-compress'];
      run('skopeo', [
        'copy',
        '-q',
        ...tls.slice(0, 1),
        ...zstdFlags,
        `docker://${REGISTRY_IMAGE.gzip}`,
        `oci:${dir}/layout:z`,
      ]);
      run('skopeo', [
        'copy',
        '-q',
        ...tls.slice(1),
        `oci:${dir}/layout:z`,
        `docker://${REGISTRY_IMAGE.zstd}`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  dropLocal();
}

/** The registry image out of the engine, so that the next pull is a real one. */
export function dropLocal() {
  spawnSync(DOCKER, ['image', 'rm', '-f', REGISTRY_IMAGE.gzip], { stdio: 'ignore' });
}

if (import.meta.url === `file://${process.argv[1]}`)
  await ensureRegistryImages((m) => process.stderr.write(`bench: ${m}\n`));
