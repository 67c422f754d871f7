// Against the real engine (20.10, classic overlay2 store) and the local registry: images built FROM the
// busybox fixture base with both builders, read through every path, checked against the engine's own
// numbers and against each other.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { connectEngine } from '../../src/engine/docker-engine.js';
import { isContainerdStore, readEngineImage } from '../../src/engine/engine-image.js';
import { readArchiveRef } from '../../src/image/archive-ref.js';
import { mapHistory } from '../../src/image/image-config.js';
import type { ImageData } from '../../src/image/model.js';

const DOCKER = '/usr/bin/docker';
const BASE = 'image-guard-fixture/busybox:1';
const REGISTRY = '127.0.0.1:5000';
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
const docker = (...args: string[]) => run(DOCKER, args);

const suffix = randomBytes(4).toString('hex');
const work = mkdtempSync(join(tmpdir(), 'ig-itg-'));
const created: string[] = [];

// Sizes of what the Dockerfile adds, by construction.
const BIG = 300 * 1024;
const DATA = 'some data for COPY\n'.repeat(100);
const DOCKERFILE = `FROM ${BASE}
RUN mkdir -p /app /data && dd if=/dev/zero of=/app/big bs=1024 count=300 2>/dev/null && ln /app/big /app/big.hard && ln -s /app/big /app/link && echo a > /data/a
ENV FOO=bar
COPY data.txt /app/data.txt
RUN rm /app/big.hard /bin/vi && rm -rf /data && mkdir /data && echo bb > /data/b
WORKDIR /app
LABEL org.example=1
CMD ["/bin/sh"]
`;

function build(builder: 'buildkit' | 'legacy'): string {
  const tag = `ig-itg-${suffix}/${builder}:1`;
  run(DOCKER, ['build', '-q', '-t', tag, work], { DOCKER_BUILDKIT: builder === 'buildkit' ? '1' : '0' });
  created.push(tag);
  return tag;
}

beforeAll(() => {
  try {
    docker('info');
  } catch {
    run('bash', ['scripts/engine.sh', '--registry']);
  }
  run('bash', ['scripts/engine.sh', '--registry']);
  run('bash', ['scripts/bases.sh']);
  writeFileSync(join(work, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(work, 'data.txt'), DATA);
});

afterAll(() => {
  for (const tag of created) {
    try {
      docker('rmi', '-f', tag);
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
});

function inspectSize(ref: string): number {
  return Number(docker('image', 'inspect', '--format', '{{.Size}}', ref));
}

/** The engine's history sizes, oldest first, one per config history entry. */
async function historySizes(ref: string): Promise<number[]> {
  const items = await connectEngine().history(ref);
  return items.reverse().map((i) => i.Size);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** What must be equal whichever way an image was read. */
function comparable(data: ImageData) {
  return { diffIds: data.config.diffIds, layers: data.layers };
}

describe.each(['buildkit', 'legacy'] as const)('an image built with %s', (builder) => {
  let tag: string;
  let exported: ImageData;
  beforeAll(async () => {
    tag = build(builder);
    exported = await readEngineImage(tag, { files: true, pull: false });
  });

  it('is on the classic store here', async () => {
    expect(await isContainerdStore()).toBe(false);
  });

  it('sums to the engine size, layer by layer equal to docker history', async () => {
    expect(exported.id).toBe(docker('image', 'inspect', '--format', '{{.Id}}', tag));
    expect(sum(exported.layerSizes!)).toBe(inspectSize(tag));
    const sizes = await historySizes(tag);
    const mapped = mapHistory(exported.config);
    expect(mapped).toHaveLength(sizes.length);
    for (const row of mapped) {
      expect(sizes[row.index]).toBe(row.layer === null ? 0 : exported.layerSizes![row.layer]);
    }
  });

  it('computes from the contents what the engine counts', () => {
    // The engine's number for each layer, from the content: regular-file bytes (hard links once) plus symlink
    // targets, except for layers BuildKit committed on 20.10 (naive diff: tar member sizes, no symlinks).
    exported.layers!.forEach((layer, k) => {
      const fileBytes = sum(layer.entries.filter((e) => e.kind === 'file').map((e) => e.size));
      const linkBytes = sum(
        layer.entries.filter((e) => e.kind === 'symlink').map((e) => Buffer.byteLength(e.linkTarget!)),
      );
      expect(layer.size).toBe(fileBytes + linkBytes);
      const engineCounts = builder === 'buildkit' && k > 0 ? fileBytes : fileBytes + linkBytes;
      expect({ k, size: exported.layerSizes![k] }).toEqual({ k, size: engineCounts });
    });
  });

  it('has the exact sizes the Dockerfile constructs', () => {
    const mapped = mapHistory(exported.config).filter((r) => !r.empty);
    // base layer, RUN, COPY, RUN (+ WORKDIR with BuildKit, which makes an empty layer)
    expect(mapped).toHaveLength(builder === 'buildkit' ? 5 : 4);
    const content = exported.layers!.map((l) => l.size);
    expect(content.slice(1)).toEqual([
      BIG + 2 + '/app/big'.length,
      DATA.length,
      3,
      ...(builder === 'buildkit' ? [0] : []),
    ]);
    expect(exported.layerSizes![1]).toBe(BIG + 2 + (builder === 'legacy' ? '/app/big'.length : 0));
    const run1 = exported.layers![1]!;
    const big = run1.entries.find((e) => e.path === 'app/big')!;
    const hard = run1.entries.find((e) => e.path === 'app/big.hard')!;
    expect([big.kind, big.size]).toEqual(['file', BIG]);
    expect([hard.kind, hard.size, hard.linkTarget]).toEqual(['hardlink', 0, 'app/big']);
    const run2 = exported.layers![3]!;
    expect(run2.whiteouts.sort()).toEqual(['app/big.hard', 'bin/vi']);
    expect(run2.opaqueDirs).toEqual(['data']);
    // BuildKit's RUN also records /etc, where it mounts hosts and resolv.conf.
    const touched = ['app', 'bin', 'data', 'data/b', ...(builder === 'buildkit' ? ['etc'] : [])];
    expect(run2.entries.map((e) => e.path).sort()).toEqual(touched);
  });

  it('maps history for this builder shape', () => {
    const mapped = mapHistory(exported.config);
    const layers = mapped.filter((r) => !r.empty).map((r) => r.createdBy);
    expect(layers[0]).toBe('');
    expect(mapped[0]!.comment).toBe('Imported from -');
    if (builder === 'buildkit') {
      expect(layers[1]).toMatch(/^RUN \/bin\/sh -c mkdir -p \/app .* # buildkit$/);
      expect(layers[2]).toBe('COPY data.txt /app/data.txt # buildkit');
      expect(layers[4]).toBe('WORKDIR /app');
      expect(mapped.filter((r) => r.empty).map((r) => r.createdBy)).toEqual([
        'ENV FOO=bar',
        'LABEL org.example=1',
        'CMD ["/bin/sh"]',
      ]);
    } else {
      expect(layers[1]).toMatch(/^\/bin\/sh -c mkdir -p \/app /);
      expect(layers[2]).toMatch(/^\/bin\/sh -c #\(nop\) COPY file:[0-9a-f]+ in \/app\/data.txt $/);
      expect(mapped.filter((r) => r.empty).map((r) => r.createdBy)).toEqual([
        '/bin/sh -c #(nop)  ENV FOO=bar',
        '/bin/sh -c #(nop) WORKDIR /app',
        '/bin/sh -c #(nop)  LABEL org.example=1',
        '/bin/sh -c #(nop)  CMD ["/bin/sh"]',
      ]);
    }
  });

  it('reads the same without files, from inspect and history only', async () => {
    const meta = await readEngineImage(tag, { files: false, pull: false });
    expect(meta.layers).toBeNull();
    expect(meta.id).toBe(exported.id);
    expect(meta.layerSizes).toEqual(exported.layerSizes);
    expect(meta.config.diffIds).toEqual(exported.config.diffIds);
    expect(meta.config.history.map((h) => [h.createdBy, h.emptyLayer])).toEqual(
      exported.config.history.map((h) => [h.createdBy, h.emptyLayer]),
    );
  });

  it('reads the same from docker save, skopeo oci-archive (gzip, zstd) and oci: folders', async () => {
    const dir = mkdtempSync(join(work, `${builder}-`));
    docker('save', '-o', join(dir, 'save.tar'), tag);
    const daemon = `docker-daemon:${tag}`;
    run('skopeo', ['copy', '-q', daemon, `oci-archive:${dir}/gz.tar`]);
    run('skopeo', ['copy', '-q', '--dest-compress-format', 'zstd', daemon, `oci-archive:${dir}/zst.tar`]);
    run('skopeo', ['copy', '-q', daemon, `oci:${dir}/layout`]);
    run('skopeo', ['copy', '-q', daemon, `docker-archive:${dir}/skopeo-save.tar`]);
    const expected = comparable(exported);
    for (const spec of [
      `docker-archive:${dir}/save.tar`,
      `docker-archive:${dir}/skopeo-save.tar`,
      `oci-archive:${dir}/gz.tar`,
      `oci-archive:${dir}/zst.tar`,
      `oci:${dir}/layout`,
    ]) {
      const data = await readArchiveRef(spec, { files: true });
      expect({ spec, ...comparable(data) }).toEqual({ spec, ...expected });
      expect(data.layerSizes).toEqual(exported.layers!.map((l) => l.size));
      const sizesOnly = await readArchiveRef(spec, { files: false });
      expect(sizesOnly.layerSizes).toEqual(data.layerSizes);
    }
    const legacySave = await readArchiveRef(`docker-archive:${dir}/save.tar`, { files: false });
    expect(legacySave.id).toBe(exported.id);

    // Compressed sizes: plain layers are counted (the same tar bytes give the same figures wherever they come
    // from); a compressed blob weighs its own bytes, which is what a push of that archive stores.
    const counted = await readEngineImage(tag, { files: true, pull: false, count: true });
    const engineSizes = counted.layerCompressed!;
    expect(engineSizes).toHaveLength(exported.config.diffIds.length);
    expect(engineSizes.every((c) => c !== null && c.gzip > 0)).toBe(true);
    const blobBytes = (layout: string) => {
      const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
      const blob = (d: string) => join(layout, 'blobs', ...d.split(':'));
      const manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest), 'utf8'));
      return (manifest.layers as { digest: string; size: number }[]).map((l) => {
        expect(statSync(blob(l.digest)).size).toBe(l.size);
        return l.size;
      });
    };
    for (const [spec, files] of [
      [`docker-archive:${dir}/save.tar`, true],
      [`docker-archive:${dir}/skopeo-save.tar`, false],
    ] as const) {
      const data = await readArchiveRef(spec, { files, count: true });
      expect({ spec, sizes: data.layerCompressed }).toEqual({ spec, sizes: engineSizes });
    }
    const gz = await readArchiveRef(`oci:${dir}/layout`, { files: false, count: true });
    expect(gz.layerCompressed!.map((c) => c!.gzip)).toEqual(blobBytes(`${dir}/layout`));
    expect(gz.layerCompressed!.every((c) => c!.zstd === null)).toBe(true);
    const gzArchive = await readArchiveRef(`oci-archive:${dir}/gz.tar`, { files: true, count: true });
    expect(gzArchive.layerCompressed).toEqual(gz.layerCompressed);
    run('skopeo', ['copy', '-q', `oci-archive:${dir}/zst.tar`, `oci:${dir}/zst-layout`]);
    const zst = await readArchiveRef(`oci-archive:${dir}/zst.tar`, { files: true, count: true });
    expect(zst.layerCompressed!.map((c) => c!.zstd)).toEqual(blobBytes(`${dir}/zst-layout`));
    // the gzip figure of a zstd blob is counted on its plain tar: the engine's figure exactly
    expect(zst.layerCompressed!.map((c) => c!.gzip)).toEqual(engineSizes.map((c) => c!.gzip));
    // and nothing is counted unless asked
    expect(
      (await readArchiveRef(`oci-archive:${dir}/gz.tar`, { files: true })).layerCompressed,
    ).toBeUndefined();
  });

  it('reads the same after a push to the registry and a pull back', async () => {
    const remote = `${REGISTRY}/ig-itg-${suffix}-${builder}:1`;
    docker('tag', tag, remote);
    created.push(remote);
    docker('push', '-q', remote);
    // Remove the local image entirely so that the pull registers its layers anew.
    docker('rmi', remote, tag);
    expect(() => docker('image', 'inspect', remote)).toThrow();
    const pulled = await readEngineImage(remote, { files: true, pull: true });
    expect(pulled.ref).toBe(remote);
    expect(comparable(pulled)).toEqual(comparable(exported));
    // The layers are the same layers in the store (BuildKit's cache keeps its own), so the same sizes.
    expect(pulled.layerSizes).toEqual(exported.layerSizes);
    expect(docker('image', 'inspect', '--format', '{{.Id}}', remote)).toBe(exported.id);
  });
});

describe('engine errors', () => {
  it('says an unknown image is not found', async () => {
    const error = await readEngineImage(`ig-itg-${suffix}/none:1`, { files: false, pull: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^image ig-itg-${suffix}/none:1 not found in the Docker engine at unix://.*: build or pull it first$`,
      ),
    );
  });

  it('says a pull that fails why', async () => {
    const error = await readEngineImage(`${REGISTRY}/ig-itg-${suffix}/absent:1`, {
      files: false,
      pull: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^(cannot pull|the Docker engine at .* could not pull)/);
  });
});
