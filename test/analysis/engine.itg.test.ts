import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { runCli as cli } from '../support/cli-io.js';
import {
  BUSYBOX,
  type Builder,
  build,
  contentSizes,
  docker,
  ENGINE,
  engineAvailable,
  inspectSize,
  legacyBuilderTested,
  removeImages,
  uniqueTag,
} from '../support/engine.js';

async function analyze(ref: string, ...flags: string[]): Promise<Report> {
  const r = await cli(['analyze', ref, '--format', 'json', '--fail-on', 'never', ...flags]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Report;
}

// Waste built on purpose, byte for byte: a 300,000-byte file deleted by a whiteout, a directory of
// 5,000 + 7,000 bytes hidden by an opaque directory, a 2,000-byte file overwritten. Symlinks and hard links
// add no file bytes.
const WASTE = `FROM ${BUSYBOX}
RUN head -c 300000 /dev/urandom > /big
RUN rm /big
RUN mkdir -p /d/sub && head -c 5000 /dev/urandom > /d/a && head -c 7000 /dev/urandom > /d/sub/b
RUN rm -rf /d && mkdir /d && head -c 10 /dev/urandom > /d/c
ENV PHASE=two
RUN head -c 2000 /dev/urandom > /f && ln -s /f /link
RUN head -c 500 /dev/urandom > /f
RUN printf 0123456789 > /g && ln /g /g2
`;
const WASTED = 300_000 + 5_000 + 7_000 + 2_000;

describe.skipIf(!engineAvailable)('analysis against the real engine', () => {
  const tags: string[] = [];
  let baseBytes = 0;

  beforeAll(async () => {
    const base = await analyze(BUSYBOX);
    baseBytes = base.head!.files!.totalBytes;
  });
  afterAll(async () => {
    await removeImages(...tags);
  });

  for (const builder of ['buildkit', 'legacy'] as Builder[]) {
    // On the classic store the engine's own figures are the contract: `docker image inspect` Size and
    // `docker history`. On the containerd store those count compressed blobs and unpacked snapshots, so the
    // layers' content, counted by GNU tar on `docker save`, is what the sizes are held to.
    const against = ENGINE.containerdStore ? 'the layer tars' : 'docker image inspect';
    it.skipIf(builder === 'legacy' && !legacyBuilderTested)(
      `${builder}: size equals ${against}, waste is exact`,
      async () => {
        const tag = uniqueTag(`waste-${builder}`);
        tags.push(tag);
        await build(tag, WASTE, builder);
        const report = await analyze(tag);
        const head = report.head!;
        const content = ENGINE.containerdStore ? await contentSizes(tag) : null;
        expect(head.size).toBe(content ? content.reduce((a, b) => a + b, 0) : await inspectSize(tag));
        expect(head.id).toBe(await docker(['image', 'inspect', '--format', '{{.Id}}', tag]));
        expect(head.files!.wastedBytes).toBe(WASTED);
        expect(head.files!.totalBytes).toBe(baseBytes + 300_000 + 12_000 + 10 + 2_000 + 500 + 10);
        expect(head.files!.efficiency).toBeCloseTo(1 - WASTED / head.files!.totalBytes, 12);
        const wasted = Object.fromEntries(head.files!.wasted.map((w) => [w.path, w.bytes]));
        expect(wasted).toEqual({ '/big': 300_000, '/d/sub/b': 7_000, '/d/a': 5_000, '/f': 2_000 });
        const nonEmpty = head.layers.filter((l) => !l.empty);
        expect(nonEmpty).toHaveLength(8);
        expect(head.layers.find((l) => l.createdBy.includes('PHASE=two'))?.empty).toBe(true);
        if (content) {
          expect(nonEmpty.map((l) => l.size)).toEqual(content);
        } else {
          // Per-layer sizes agree with docker history (the classic store's own figures).
          const history = (
            await docker(['history', '--no-trunc', '--format', '{{.Size}}', '--human=false', tag])
          )
            .split('\n')
            .map(Number)
            .reverse();
          expect(head.layers.map((l) => l.size)).toEqual(history);
        }
        // Without files: no export, same sizes.
        const quick = await analyze(tag, '--no-files');
        expect(quick.head!.size).toBe(head.size);
        expect(quick.head!.layers.map((l) => [l.size, l.empty, l.diffId])).toEqual(
          head.layers.map((l) => [l.size, l.empty, l.diffId]),
        );
        expect(quick.head!.files).toBeNull();
        // Compressed sizes are counted on the export unless asked not to.
        expect(head.compressed?.gzip).toBeGreaterThan(0);
        const plain = await analyze(tag, '--no-pull-size');
        expect(plain.head!.compressed ?? null).toBeNull();
        expect(plain.head!.files).toEqual(head.files);
      },
    );
  }
});
