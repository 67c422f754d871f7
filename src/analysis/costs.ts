// What a change costs, base beside head: image size, build time, pull size and time, start-up
// time, for base and head. Pure: the figures are measured elsewhere (builds by the docker CLI adapter,
// compressed sizes by the registry client or while the layers were read, start-up by the probe) and only put
// side by side here, with a note wherever a change would mislead.

import type {
  BuildFigures,
  CompressedSize,
  Costs,
  Image,
  ImageCosts,
  StartupFigures,
} from '../core/report.js';

/** 100 Mbit/s: the default of `pull-bandwidth`. */
export const DEFAULT_PULL_BANDWIDTH = 100_000_000;

/**
 * Estimated seconds to pull `bytes` at `bitsPerSecond`: bytes × 8 / bandwidth. Transfer only: no registry
 * round trips, no decompression or extraction, layers one after another on one link.
 */
export function pullSeconds(bytes: number, bitsPerSecond: number): number {
  return (bytes * 8) / bitsPerSecond;
}

export interface CostsInput {
  base: Image | null;
  head: Image;
  /** Bits per second. */
  pullBandwidth: number;
  builds?: { base?: BuildFigures | null; head?: BuildFigures | null };
  startup?: { base?: StartupFigures | null; head?: StartupFigures | null };
  /** Why an image has no compressed size (a registry that did not answer, a platform missing from the index). */
  pullWhy?: { base?: string | null; head?: string | null };
  /** Why the images were not timed as built (e.g. the head was given with `image`). */
  buildWhy?: string | null;
  /** More to say about the pull figures (a registry that did not answer while computed sizes stood in). */
  pullNotes?: string[];
}

/** The bytes a pull transfers: the layers as the registry stores them, gzip unless only zstd is known. */
function pullOf(c: CompressedSize | null | undefined, bandwidth: number): ImageCosts['pull'] {
  if (!c) return null;
  const compression = c.gzip !== null ? 'gzip' : c.zstd !== null ? 'zstd' : null;
  if (!compression) return null;
  const bytes = (compression === 'gzip' ? c.gzip : c.zstd)!;
  return { bytes, seconds: pullSeconds(bytes, bandwidth), compression, source: c.source };
}

/**
 * Compressed bytes of the head's layers whose diffId the base does not have (each layer once): what a node
 * holding the base still pulls. null when the head's per-layer sizes are not known.
 */
export function pullAfterBase(head: Image, base: Image, compression: 'gzip' | 'zstd'): number | null {
  const layers = head.compressed?.layers;
  if (!layers || layers.length === 0) return null;
  const have = new Set(base.layers.flatMap((l) => (l.diffId ? [l.diffId] : [])));
  for (const l of base.compressed?.layers ?? []) have.add(l.diffId);
  let bytes = 0;
  const counted = new Set<string>();
  for (const l of layers) {
    if (have.has(l.diffId) || counted.has(l.diffId)) continue;
    counted.add(l.diffId);
    const size = compression === 'gzip' ? l.gzip : l.zstd;
    if (size === null) return null;
    bytes += size;
  }
  return bytes;
}

const CACHE_WORDS: Record<BuildFigures['cache'], string> = {
  all: 'entirely from the cache',
  partial: 'partly from the cache',
  none: 'without the cache',
  unknown: 'with unknown cache use',
};

function buildNote(base: BuildFigures | null, head: BuildFigures | null, why: string | null): string | null {
  if (!base && !head) return why ?? 'not built by this run: no build time';
  if (!base) return why ?? 'the base image was not built by this run: no build time to compare';
  if (!head) return why ?? 'the head image was not built by this run: no build time to compare';
  const cached = (['base', 'head'] as const).filter((side) => {
    const b = side === 'base' ? base : head;
    return b.cache === 'all' || b.cache === 'partial';
  });
  if (cached.length === 0) return null;
  const which = cached
    .map((side) => `the ${side} build ran ${CACHE_WORDS[(side === 'base' ? base : head).cache]}`)
    .join(' and ');
  return `${which}: its time is not a build time, so no change is shown (build-time: fresh builds both without the cache)`;
}

function startupNote(base: StartupFigures | null, head: StartupFigures | null): string | null {
  if (!base && !head) return 'no startup-probe was given';
  const failed = [
    ...(base && base.medianSeconds === null ? [`base: ${base.note ?? 'not ready'}`] : []),
    ...(head && head.medianSeconds === null ? [`head: ${head.note ?? 'not ready'}`] : []),
  ];
  if (failed.length) return failed.join('; ');
  if (!base) return 'no base image to start';
  const partial = [
    ...(base.note ? [`base: ${base.note}`] : []),
    ...(head?.note ? [`head: ${head.note}`] : []),
  ];
  return partial.length ? partial.join('; ') : null;
}

/**
 * The costs table. Each row's note, when not null, says why the row shows no base → head change (or why a
 * figure is missing); renderers show the note instead of a change.
 */
export function buildCosts(input: CostsInput): Costs {
  const bw = input.pullBandwidth;
  const headBuild = input.builds?.head ?? null;
  const baseBuild = input.builds?.base ?? null;
  const headStart = input.startup?.head ?? null;
  const baseStart = input.startup?.base ?? null;
  const head: ImageCosts = {
    size: input.head.size,
    build: headBuild,
    pull: pullOf(input.head.compressed, bw),
    startup: headStart,
  };
  const base: ImageCosts | null = input.base
    ? {
        size: input.base.size,
        build: baseBuild,
        pull: pullOf(input.base.compressed, bw),
        startup: baseStart,
      }
    : null;

  let after: Costs['headPullAfterBase'] = null;
  if (input.base && head.pull) {
    const bytes = pullAfterBase(input.head, input.base, head.pull.compression);
    if (bytes !== null) after = { bytes, seconds: pullSeconds(bytes, bw) };
  }

  const pullNotes: string[] = [];
  if (!head.pull)
    pullNotes.push(`head: ${input.pullWhy?.head ?? 'compressed size not known (layers not read)'}`);
  if (input.base && !base?.pull)
    pullNotes.push(`base: ${input.pullWhy?.base ?? 'compressed size not known (layers not read)'}`);
  if (base?.pull && head.pull && base.pull.compression !== head.pull.compression)
    pullNotes.push(`base is ${base.pull.compression}, head is ${head.pull.compression}: not comparable`);
  pullNotes.push(...(input.pullNotes ?? []));

  return {
    pullBandwidth: bw,
    base,
    head,
    headPullAfterBase: after,
    notes: {
      build: input.base || headBuild ? buildNote(baseBuild, headBuild, input.buildWhy ?? null) : null,
      pull: pullNotes.length ? pullNotes.join('; ') : null,
      startup: startupNote(input.base ? baseStart : null, headStart),
    },
  };
}
