// Against the real engine and the local registry: images built FROM the busybox fixture base, read through
// every path, checked against the engine's own numbers and against each other. On the classic store (20.10,
// overlay2) with both builders, checked against `docker image inspect` and `docker history`; on the containerd
// store (Docker 26) with BuildKit, whose inspect and history count compressed blobs and snapshots, checked
// against the layer tars' content counted by GNU tar.

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
import {
  BUSYBOX as BASE,
  buildCommand,
  contentSizes,
  DOCKER,
  ENGINE,
  engineAvailable,
  legacyBuilderTested,
  REGISTRY,
} from '../support/engine.js';

const containerd = ENGINE.containerdStore;
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
  const cmd = buildCommand(builder, ['-q', '-t', tag, work]);
  run(DOCKER, cmd.args, cmd.env);
  created.push(tag);
  return tag;
}

beforeAll(() => {
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

describe.skipIf(!engineAvailable).each(['buildkit', 'legacy'] as const)(
  'an image built with %s',
  (builder) => {
    if (builder === 'legacy' && !legacyBuilderTested) {
      // The legacy builder's shape is tested on the classic store; runners build with BuildKit.
      it.skip('is tested on the classic store only', () => undefined);
      return;
    }
    let tag: string;
    let exported: ImageData;
    beforeAll(async () => {
      tag = build(builder);
      exported = await readEngineImage(tag, { files: true, pull: false });
    });

    it(`is on the ${containerd ? 'containerd' : 'classic'} store, as docker info says`, async () => {
      expect(await isContainerdStore()).toBe(containerd);
      // The engine-modern project exists to test the containerd store; the default engine may be either.
      if (ENGINE.name === 'modern') expect(containerd).toBe(true);
    });

    it.skipIf(containerd)('sums to the engine size, layer by layer equal to docker history', async () => {
      expect(exported.id).toBe(docker('image', 'inspect', '--format', '{{.Id}}', tag));
      expect(sum(exported.layerSizes!)).toBe(inspectSize(tag));
      const sizes = await historySizes(tag);
      const mapped = mapHistory(exported.config);
      expect(mapped).toHaveLength(sizes.length);
      for (const row of mapped) {
        expect(sizes[row.index]).toBe(row.layer === null ? 0 : exported.layerSizes![row.layer]);
      }
    });

    it.runIf(containerd)(
      'counts each layer as its tar holds it, whatever inspect and history say',
      async () => {
        expect(exported.id).toBe(docker('image', 'inspect', '--format', '{{.Id}}', tag));
        expect(exported.layerSizes).toEqual(await contentSizes(tag));
        // The history rows still line up with the config's, one to one.
        const mapped = mapHistory(exported.config);
        expect(mapped).toHaveLength((await historySizes(tag)).length);
      },
    );

    it('computes from the contents what the engine counts', () => {
      // The engine's number for each layer, from the content: regular-file bytes (hard links once) plus symlink
      // targets, except for layers BuildKit committed on 20.10's classic store (naive diff: tar member sizes, no
      // symlinks). On the containerd store image-guard counts the content itself: the same formula throughout.
      exported.layers!.forEach((layer, k) => {
        const fileBytes = sum(layer.entries.filter((e) => e.kind === 'file').map((e) => e.size));
        const linkBytes = sum(
          layer.entries.filter((e) => e.kind === 'symlink').map((e) => Buffer.byteLength(e.linkTarget!)),
        );
        expect(layer.size).toBe(fileBytes + linkBytes);
        const engineCounts =
          !containerd && builder === 'buildkit' && k > 0 ? fileBytes : fileBytes + linkBytes;
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
      const countsLinks = containerd || builder === 'legacy';
      expect(exported.layerSizes![1]).toBe(BIG + 2 + (countsLinks ? '/app/big'.length : 0));
      const run1 = exported.layers![1]!;
      const big = run1.entries.find((e) => e.path === 'app/big')!;
      const hard = run1.entries.find((e) => e.path === 'app/big.hard')!;
      expect([big.kind, big.size]).toEqual(['file', BIG]);
      expect([hard.kind, hard.size, hard.linkTarget]).toEqual(['hardlink', 0, 'app/big']);
      const run2 = exported.layers![3]!;
      if (containerd) {
        // containerd's differ writes `rm -rf /data && mkdir /data` as a whiteout for each removed child; the
        // overlay2 driver as an opaque directory. Both mean the same lower files are gone.
        expect(run2.whiteouts.sort()).toEqual(['app/big.hard', 'bin/vi', 'data/a']);
        expect(run2.opaqueDirs).toEqual([]);
      } else {
        expect(run2.whiteouts.sort()).toEqual(['app/big.hard', 'bin/vi']);
        expect(run2.opaqueDirs).toEqual(['data']);
      }
      // BuildKit's RUN on the classic store also records /etc, where it mounts hosts and resolv.conf.
      const touched = [
        'app',
        'bin',
        'data',
        'data/b',
        ...(builder === 'buildkit' && !containerd ? ['etc'] : []),
      ];
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
      // skopeo's docker-daemon: transport cannot read from the containerd store ("reference does not exist"):
      // there the copies start from the engine's own `docker save`.
      const daemon = containerd ? `docker-archive:${dir}/save.tar` : `docker-daemon:${tag}`;
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
      const engineSave = await readArchiveRef(`docker-archive:${dir}/save.tar`, { files: false });
      if (containerd) {
        // The containerd store's image ID is the digest of the image's index (or manifest); an archive's id is
        // its config's digest, as the classic store's image ID is: the config named by the save's manifest.json.
        const configPath = JSON.parse(run('tar', ['-xOf', join(dir, 'save.tar'), 'manifest.json']))[0].Config;
        expect(engineSave.id).toBe(`sha256:${configPath.split('/').at(-1)}`);
        expect(engineSave.id).not.toBe(exported.id);
      } else {
        expect(engineSave.id).toBe(exported.id);
      }

      // Compressed sizes: plain layers are counted (the same tar bytes give the same figures wherever they come
      // from); a compressed blob weighs its own bytes, which is what a push of that archive stores.
      const counted = await readEngineImage(tag, { files: true, pull: false, count: true });
      const engineSizes = counted.layerCompressed!;
      expect(engineSizes).toHaveLength(exported.config.diffIds.length);
      expect(engineSizes.every((c) => c !== null && c.gzip > 0)).toBe(true);
      const blobBytes = (layout: string) => {
        const blob = (d: string) => join(layout, 'blobs', ...d.split(':'));
        // An index (the containerd store's images are, with BuildKit's attestations beside the image) leads to
        // the image's own manifest: the one whose platform is not `unknown/unknown`.
        let node = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
        while (node.manifests) {
          const entries = node.manifests as { digest: string; platform?: { os: string } }[];
          const image = entries.filter((m) => m.platform?.os !== 'unknown');
          expect(image).toHaveLength(1);
          node = JSON.parse(readFileSync(blob(image[0]!.digest), 'utf8'));
        }
        return (node.layers as { digest: string; size: number }[]).map((l) => {
          expect(statSync(blob(l.digest)).size).toBe(l.size);
          return l.size;
        });
      };
      // What the engine's export carries, and the same layers written plain by skopeo, then counted.
      const fromSave = await readArchiveRef(`docker-archive:${dir}/save.tar`, { files: true, count: true });
      expect(fromSave.layerCompressed).toEqual(engineSizes);
      const plain = await readArchiveRef(`docker-archive:${dir}/skopeo-save.tar`, {
        files: false,
        count: true,
      });
      if (containerd) {
        // The containerd store hands out its gzip blobs as they are: the sizes are theirs, byte for byte (the
        // blobs a push sends), not a count on the plain tar.
        const saved = join(dir, 'save');
        run('mkdir', [saved]);
        run('tar', ['-C', saved, '-xf', join(dir, 'save.tar')]);
        expect(engineSizes.map((c) => c!.gzip)).toEqual(blobBytes(saved));
      } else {
        expect(plain.layerCompressed).toEqual(engineSizes);
      }
      const gz = await readArchiveRef(`oci:${dir}/layout`, { files: false, count: true });
      expect(gz.layerCompressed!.map((c) => c!.gzip)).toEqual(blobBytes(`${dir}/layout`));
      expect(gz.layerCompressed!.every((c) => c!.zstd === null)).toBe(true);
      const gzArchive = await readArchiveRef(`oci-archive:${dir}/gz.tar`, { files: true, count: true });
      expect(gzArchive.layerCompressed).toEqual(gz.layerCompressed);
      run('skopeo', ['copy', '-q', `oci-archive:${dir}/zst.tar`, `oci:${dir}/zst-layout`]);
      const zst = await readArchiveRef(`oci-archive:${dir}/zst.tar`, { files: true, count: true });
      expect(zst.layerCompressed!.map((c) => c!.zstd)).toEqual(blobBytes(`${dir}/zst-layout`));
      // the gzip figure of a zstd blob is counted on its plain tar: the figure of the plain layers exactly
      expect(zst.layerCompressed!.map((c) => c!.gzip)).toEqual(plain.layerCompressed!.map((c) => c!.gzip));
      // and nothing is counted unless asked
      expect(
        (await readArchiveRef(`oci-archive:${dir}/gz.tar`, { files: true })).layerCompressed,
      ).toBeUndefined();
    });

    it('reads the same after a push to the registry and a pull back', async () => {
      const remote = `${REGISTRY}/ig-itg-${suffix}-${ENGINE.name}-${builder}:1`;
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
  },
);

describe.skipIf(!engineAvailable)('engine errors', () => {
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
