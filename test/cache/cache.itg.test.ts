// The analysis cache against the real engine: a second analysis of an image is read from the cache (no export)
// and gives the identical report, through the CLI as users run it.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRef } from '../../src/app/image-source.js';
import { AnalysisCache } from '../../src/cache/analysis-cache.js';
import { main } from '../../src/cli/main.js';
import { connectEngine, type DockerEngine } from '../../src/engine/docker-engine.js';
import { BUSYBOX, build, engineAvailable, removeImages, uniqueTag } from '../support/engine.js';

/** Runs `image-guard ARGS` in-process and returns its exit status and what it printed. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(args, { stdout, stderr });
  return { code, out, err };
}

/** The real engine, counting its exports. */
function countingEngine(): DockerEngine & { exports: number } {
  const real = connectEngine();
  const counted = {
    address: real.address,
    exports: 0,
    inspect: (ref: string) => real.inspect(ref),
    history: (ref: string) => real.history(ref),
    pull: (ref: string) => real.pull(ref),
    isContainerdStore: () => real.isContainerdStore(),
    exportImage: (ref: string) => {
      counted.exports++;
      return real.exportImage(ref);
    },
  };
  return counted;
}

describe.skipIf(!engineAvailable)('analysis cache on the real engine', () => {
  const tag = uniqueTag('cache');
  const other = uniqueTag('cache-other');
  let dir: string;
  const saved = process.env.IMAGE_GUARD_CACHE_DIR;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ig-cache-itg-'));
    await build(
      tag,
      `FROM ${BUSYBOX}\nRUN head -c 100000 /dev/urandom > /big && mkdir /d && echo x > /d/a\nRUN rm /big\n`,
      'buildkit',
    );
    await build(other, `FROM ${tag}\nRUN echo y > /d/b\n`, 'buildkit');
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.IMAGE_GUARD_CACHE_DIR;
    else process.env.IMAGE_GUARD_CACHE_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
    await removeImages(other, tag);
  });

  it('a second analysis comes from the cache without an export', async () => {
    const cache = new AnalysisCache(join(dir, 'api'));
    const engine = countingEngine();
    const first = await analyzeRef(tag, { files: true, cache, engine });
    expect(engine.exports).toBe(1);
    expect(first.image.files?.wastedBytes).toBe(100_000);
    const second = await analyzeRef(tag, { files: true, cache, engine });
    expect(engine.exports).toBe(1);
    expect(second).toEqual(first);
    // A different image (one more layer) is its own entry.
    await analyzeRef(other, { files: true, cache, engine });
    expect(engine.exports).toBe(2);
  });

  it('the CLI gives the identical report from the cache, for analyze and compare', async () => {
    process.env.IMAGE_GUARD_CACHE_DIR = join(dir, 'cli');
    const analyze = ['analyze', tag, '--format', 'json', '--fail-on', 'never'];
    const first = await cli(analyze);
    expect(first.code).toBe(0);
    const entries = () => readdirSync(join(dir, 'cli')).length;
    const afterFirst = entries();
    expect(afterFirst).toBeGreaterThanOrEqual(1);
    const second = await cli(analyze);
    expect(second).toEqual(first);
    expect(entries()).toBe(afterFirst);

    const compare = ['compare', '--base', tag, '--head', other, '--format', 'json', '--fail-on', 'never'];
    const firstCompare = await cli(compare);
    expect(firstCompare.code).toBe(0);
    const afterCompare = entries();
    expect(afterCompare).toBeGreaterThan(afterFirst);
    expect(await cli(compare)).toEqual(firstCompare);
    expect(entries()).toBe(afterCompare);

    process.env.IMAGE_GUARD_CACHE_DIR = 'off';
    expect(await cli(analyze)).toEqual(first);
    expect(JSON.parse(first.out).head.compressed).toBeDefined();
    expect(entries()).toBe(afterCompare);
  });
});
