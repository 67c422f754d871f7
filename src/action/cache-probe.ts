// The empirical side of the cache-order rule (IG009): copy what the build context sends, change one source
// file the way a typical commit does, rebuild, and see which layers the engine had to build again.
import { appendFile, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import type { CacheProbe, Image } from '../core/report.js';
import type { BuildOptions, DockerCli } from '../engine/docker-cli.js';
import { readContext } from '../lint/context.js';
import { isManifest } from '../lint/rules/IG009-cache-order.js';

const SOURCE =
  /\.(py|js|mjs|cjs|ts|tsx|jsx|go|rb|java|kt|rs|php|cs|c|cc|cpp|h|hpp|swift|scala|ex|exs|sh|html|css|vue|svelte)$/i;

/**
 * The file a typical commit changes: a source file that reaches the engine, that is not a dependency
 * manifest nor the Dockerfile; shallow paths first, then by name, so the choice is stable.
 */
export function pickProbeFile(files: readonly string[]): string | null {
  const candidates = files.filter((f) => {
    const name = basename(f);
    return (
      !isManifest(f) &&
      !/^(Dockerfile|Containerfile)(\..*)?$|\.dockerignore$/i.test(name) &&
      !f.startsWith('.')
    );
  });
  const byDepth = (a: string, b: string) => a.split('/').length - b.split('/').length || a.localeCompare(b);
  const sources = candidates.filter((f) => SOURCE.test(f)).sort(byDepth);
  return sources[0] ?? candidates.sort(byDepth)[0] ?? null;
}

/** Which layers of `probe` are not those of `head`: the ones the rebuild could not take from the cache. */
export function missedLayers(head: Image, probe: Image): CacheProbe['missed'] {
  const headLayers = head.layers.filter((l) => !l.empty);
  return probe.layers
    .filter((l) => !l.empty)
    .filter((l, i) => headLayers[i]?.diffId !== l.diffId)
    .map((l) => ({ index: l.index, createdBy: l.createdBy, size: l.size }));
}

export interface ProbeRequest {
  docker: DockerCli;
  dockerfile: string;
  context: string;
  target: string | null;
  buildArgs: string[];
  /** The build inputs, as the base build takes them (no cache export). */
  options?: BuildOptions;
  tag: string;
  head: Image;
  load(ref: string): Promise<Image>;
}

export async function runCacheProbe(request: ProbeRequest): Promise<CacheProbe> {
  const context = readContext(request.context, request.dockerfile);
  const file = pickProbeFile(context.files);
  if (!file)
    return {
      changedFile: null,
      missed: [],
      missedBytes: 0,
      seconds: 0,
      note: 'no source file in the build context to change',
    };
  const scratch = await mkdtemp(join(tmpdir(), 'image-guard-probe-'));
  try {
    // Only what the engine would receive is copied: the ignore file already left the rest out.
    for (const f of context.files) {
      await mkdir(join(scratch, dirname(f)), { recursive: true });
      await cp(join(request.context, f), join(scratch, f), { verbatimSymlinks: true });
    }
    if (context.ignoreFile)
      await cp(context.ignoreFile, join(scratch, relative(request.context, context.ignoreFile)));
    await appendFile(join(scratch, file), '\n');
    const built = await request.docker.build({
      dockerfile: request.dockerfile,
      context: scratch,
      target: request.target,
      buildArgs: request.buildArgs,
      tag: request.tag,
      ...(request.options ? { options: request.options } : {}),
    });
    if (!built.ok) {
      return {
        changedFile: file,
        missed: [],
        missedBytes: 0,
        seconds: built.seconds,
        note: 'the probe build failed',
      };
    }
    const probe = await request.load(request.tag);
    const missed = missedLayers(request.head, probe);
    return {
      changedFile: file,
      missed,
      missedBytes: missed.reduce((sum, l) => sum + l.size, 0),
      seconds: Math.round(built.seconds * 10) / 10,
      note: null,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await request.docker.removeImage(request.tag);
  }
}
