// The same Dockerfiles built on both engines (the classic 20.10 store and Docker 26's containerd store, with
// BuildKit through buildx as runners build) must give the same analysis: the same files, the same wasted bytes
// and the same sizes, counted the classic way (a layer's uncompressed content), whatever `docker image inspect`
// says on the containerd store. One known difference is asserted exactly: engine 20.10 commits BuildKit's layers
// through its naive diff, which counts tar members' sizes and leaves symlink targets out, and on the classic
// store image-guard keeps the engine's own layer sizes (they sum to `docker image inspect` Size there).
// Runs once, in the `engine` project (vitest.config.ts), talking to both engines.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image as ImageAnalysis, Report } from '../../src/core/report.js';
import { runCli as cli } from '../support/cli-io.js';
import {
  BUSYBOX,
  build,
  DOCKER,
  ENGINE,
  engineAvailable,
  type LayerContent,
  layerContents,
  MODERN_DOCKER_HOST,
  removeImages,
  uniqueTag,
} from '../support/engine.js';

const modernAnswers = (() => {
  try {
    execFileSync(DOCKER, ['info'], {
      stdio: 'ignore',
      timeout: 20_000,
      env: { ...process.env, DOCKER_HOST: MODERN_DOCKER_HOST },
    });
    return true;
  } catch {
    return false;
  }
})();
const wanted = (process.env.IG_ENGINES ?? 'classic modern').split(/\s+/);
if (process.env.CI === 'true' && wanted.includes('modern') && !modernAnswers) {
  throw new Error(`CI=true: the modern engine does not answer at ${MODERN_DOCKER_HOST}`);
}

const DOCKERFILES: Record<string, string> = {
  // Waste of every kind: a whiteout, a removed directory, an overwritten file; a symlink and a hard link.
  waste: `FROM ${BUSYBOX}
RUN head -c 300000 /dev/urandom > /big
RUN rm /big
RUN mkdir -p /d/sub && head -c 5000 /dev/urandom > /d/a && head -c 7000 /dev/urandom > /d/sub/b
RUN rm -rf /d && mkdir /d && head -c 10 /dev/urandom > /d/c
ENV PHASE=two
RUN head -c 2000 /dev/urandom > /f && ln -s /f /link
RUN head -c 500 /dev/urandom > /f
RUN printf 0123456789 > /g && ln /g /g2
`,
  // No symlinks in the built layers: COPY from a build stage, files overwritten and removed across stages.
  stages: `FROM ${BUSYBOX} AS build
RUN mkdir /out && head -c 40000 /dev/urandom > /out/lib.so && seq 1 5000 > /out/list.txt
FROM ${BUSYBOX}
COPY --from=build /out /opt/app
RUN head -c 1000 /dev/urandom > /opt/app/list.txt && rm /opt/app/lib.so
WORKDIR /opt/app
`,
};

type Engine = 'classic' | 'modern';
const hostEnv = (engine: Engine): Record<string, string> =>
  engine === 'modern' ? { DOCKER_HOST: MODERN_DOCKER_HOST } : ENGINE.host ? { DOCKER_HOST: ENGINE.host } : {};

/** Runs `fn` with DOCKER_HOST pointing at `engine` (the CLI runs in-process and reads it when it connects). */
async function on<T>(engine: Engine, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.DOCKER_HOST;
  const env = hostEnv(engine);
  if (env.DOCKER_HOST) process.env.DOCKER_HOST = env.DOCKER_HOST;
  else delete process.env.DOCKER_HOST;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  }
}

async function analyze(ref: string): Promise<ImageAnalysis> {
  const r = await cli(['analyze', ref, '--format', 'json', '--fail-on', 'never', '--no-pull-size']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as Report).head!;
}

describe.skipIf(!engineAvailable || ENGINE.containerdStore || !modernAnswers || !wanted.includes('modern'))(
  'the same images on both engines',
  () => {
    const tags: Record<string, string> = {};
    const savedCache = process.env.IMAGE_GUARD_CACHE_DIR;
    beforeAll(() => {
      // Each analysis from the engine, not from a cache filled by the other engine.
      process.env.IMAGE_GUARD_CACHE_DIR = 'off';
    });
    afterAll(async () => {
      if (savedCache === undefined) delete process.env.IMAGE_GUARD_CACHE_DIR;
      else process.env.IMAGE_GUARD_CACHE_DIR = savedCache;
      for (const engine of ['classic', 'modern'] as const) {
        await on(engine, () => removeImages(...Object.values(tags)));
      }
    });

    for (const [name, dockerfile] of Object.entries(DOCKERFILES)) {
      it(`${name}: the same files, wasted bytes and sizes`, async () => {
        const tag = uniqueTag(`both-${name}`);
        tags[name] = tag;
        const got = {} as Record<Engine, { head: ImageAnalysis; content: LayerContent[] }>;
        for (const engine of ['classic', 'modern'] as const) {
          await on(engine, () => build(tag, dockerfile, 'buildkit'));
          const head = await on(engine, () => analyze(tag));
          got[engine] = { head, content: await layerContents(tag, hostEnv(engine)) };
        }
        const { classic, modern } = got;

        // The files: everything but the bytes' identity (the random bytes differ between two builds).
        expect(modern.head.files!.wastedBytes).toBe(classic.head.files!.wastedBytes);
        expect(modern.head.files!.totalBytes).toBe(classic.head.files!.totalBytes);
        expect(modern.head.files!.efficiency).toBe(classic.head.files!.efficiency);
        const wasted = (h: ImageAnalysis) => h.files!.wasted.map((w) => [w.path, w.bytes]);
        expect(wasted(modern.head)).toEqual(wasted(classic.head));
        expect(wasted(classic.head).length).toBeGreaterThan(0);
        const largest = (h: ImageAnalysis) => h.files!.largest.map((f) => [f.path, f.size]);
        expect(largest(modern.head)).toEqual(largest(classic.head));

        // The layers: the same steps, and each layer's content the same on both engines (counted by tar).
        const steps = (h: ImageAnalysis) => h.layers.map((l) => [l.createdBy, l.empty]);
        expect(steps(modern.head)).toEqual(steps(classic.head));
        expect(modern.content).toEqual(classic.content);
        const sizes = (h: ImageAnalysis) => h.layers.filter((l) => !l.empty).map((l) => l.size);
        // The containerd store: each layer's content, files and symlink targets.
        expect(sizes(modern.head)).toEqual(modern.content.map((c) => c.fileBytes + c.linkBytes));
        // The classic store: the engine's figures, which leave symlink targets out of BuildKit's layers (all
        // but the imported base layer).
        expect(sizes(classic.head)).toEqual(
          classic.content.map((c, k) => c.fileBytes + (k === 0 ? c.linkBytes : 0)),
        );
        const builtLinks = classic.content.slice(1).reduce((a, c) => a + c.linkBytes, 0);
        expect(modern.head.size - classic.head.size).toBe(builtLinks);
        if (name === 'stages') {
          expect(builtLinks).toBe(0);
          expect(modern.head.size).toBe(classic.head.size);
        } else {
          expect(builtLinks).toBe('/f'.length);
        }
      });
    }
  },
);
