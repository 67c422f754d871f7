// What a Dockerfile finding costs in the image that was built from it: the bytes its instruction left that the
// fix would have kept out, measured in the head's own file index (no image is read again, and a cached
// analysis gives the same figures). A finding is first tied to the layer its instruction made (the final
// image's RUN/COPY/ADD steps matched, newest first, with the image's history); where that is not certain (an
// instruction recorded otherwise, a stage that is not the final image, no Dockerfile) nothing is measured.
//   IG005        package indexes and caches (/var/lib/apt/lists, /var/cache/apt, apk, dnf, yum) in its layer;
//   IG004        pip and uv caches (any `.cache/pip`, `.cache/uv`, or the cache directory named) in its layer;
//   IG008, IG012 in the layer of the whole-context COPY, the context's heavy paths (.git, node_modules, …)
//                the ignore file lets through, under the COPY's destination;
//   IG013        npm's development-only packages (`"dev": true` in the package-lock.json an earlier COPY put
//                in the install's WORKDIR) under its node_modules, in its layer;
//   IG001, IG011 the installed packages of the build tools the final image's RUNs install (from Image.packages,
//                only those owning files of those RUNs' layers when the file index knows owners).
// Pure.
import type { Finding, FindingMeasure, Image, ImageLayer, Package } from '../core/report.js';
import type { FinalStep, FinalSteps } from '../lint/final-steps.js';
import { ecosystemOf, toolingPackages } from '../lint/tooling-packages.js';
import { comparePaths, type FileIndex } from './file-index.js';
import { normalizeInstruction } from './layers.js';

export interface FindingBytesInput {
  findings: readonly Finding[];
  /** The final image's steps as the lint read them; null or absent: no Dockerfile, nothing is measured. */
  steps: FinalSteps | null | undefined;
  /** The head image (its layers' history, its packages). */
  image: Image;
  /** The head's final filesystem; absent without files: nothing is measured. */
  fileIndex: FileIndex | undefined;
}

/** Package indexes and caches an OS package manager leaves (IG005). */
export const PACKAGE_CACHE_PATHS = [
  '/var/lib/apt/lists',
  '/var/cache/apt',
  '/var/cache/apk',
  '/etc/apk/cache',
  '/var/cache/dnf',
  '/var/cache/yum',
  '/var/cache/libdnf5',
];

/** Instructions that make no layer (or none worth matching): skipped while history is matched with steps. */
const NO_LAYER = new Set([
  'ARG',
  'ENV',
  'LABEL',
  'WORKDIR',
  'USER',
  'EXPOSE',
  'CMD',
  'ENTRYPOINT',
  'VOLUME',
  'SHELL',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'ONBUILD',
  'MAINTAINER',
]);

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The head layer each step made, by line: steps and history walked together from the newest, history entries
 * of instructions that make no layer skipped. The walk stops at the first RUN/COPY/ADD entry that is not the
 * step's (the image was built otherwise, or recorded the instruction otherwise): older steps get no layer. A
 * step whose text cannot be told (`recorded` null) is matched by keyword to keep the walk going, and is not
 * listed.
 */
export function layersOfSteps(
  layers: readonly ImageLayer[],
  steps: readonly FinalStep[],
): Map<number, number> {
  const out = new Map<number, number>();
  let j = layers.length - 1;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    let matched = false;
    while (j >= 0 && !matched) {
      const layer = layers[j]!;
      // the legacy builder's no-op entries under a SHELL of the Dockerfile's: `/bin/sh -e -c #(nop)  ENV A=1`
      const text = normalizeInstruction(layer.createdBy).replace(/^.*?#\(nop\)\s*/, '');
      const kind = /^([A-Z]+)\b/.exec(text)?.[1] ?? '';
      if (
        step.recorded === null ? kind === step.keyword : step.recorded.some((r) => squash(r) === squash(text))
      ) {
        if (step.recorded !== null) out.set(step.line, layer.index);
        matched = true;
      } else if (!NO_LAYER.has(kind) && !(layer.empty && text === '')) {
        return out;
      }
      j--;
    }
    if (!matched) return out;
  }
  return out;
}

/** The first position in `paths` (path order) not before `path`. */
function lowerBound(paths: readonly string[], path: string): number {
  let lo = 0;
  let hi = paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePaths(paths[mid]!, path) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bytes of the files of `layer` (their version on top comes from it) at or below each prefix (absolute
 * paths), and the prefixes that hold any; a file under two prefixes counts once. In path order a directory's
 * files follow it without a gap, so each prefix is a binary search and a run of paths.
 */
export function bytesInLayer(
  index: FileIndex,
  layer: number,
  prefixes: readonly string[],
): { bytes: number; paths: string[] } {
  const counted = new Set<number>();
  let bytes = 0;
  const paths: string[] = [];
  for (const prefix of prefixes) {
    const p = prefix.replace(/^\/+/, '').replace(/\/+$/, '');
    let here = 0;
    for (let i = p === '' ? 0 : lowerBound(index.paths, p); i < index.paths.length; i++) {
      const path = index.paths[i]!;
      if (p !== '' && path !== p && !path.startsWith(`${p}/`)) break;
      if (index.layers[i] !== layer || counted.has(i)) continue;
      counted.add(i);
      here += index.sizes[i]!;
    }
    if (here > 0 && !paths.includes(`/${p}`)) paths.push(`/${p}`);
    bytes += here;
  }
  return { bytes, paths };
}

/** pip's and uv's caches in a layer: every `…/.cache/pip` and `…/.cache/uv` it holds, and the directories named. */
function cachesInLayer(
  index: FileIndex,
  layer: number,
  named: readonly string[],
): { bytes: number; paths: string[] } {
  const roots = new Set(named.map((d) => d.replace(/\/+$/, '')));
  for (let i = 0; i < index.paths.length; i++) {
    if (index.layers[i] !== layer) continue;
    const path = index.paths[i]!;
    if (!path.includes('.cache/')) continue;
    const m = /^(?:.*\/)?\.cache\/(?:pip|uv)(?=\/)/.exec(path);
    if (m) roots.add(`/${m[0]}`);
  }
  return bytesInLayer(index, layer, [...roots].sort());
}

function tooling(
  steps: readonly FinalStep[],
  layerOf: ReadonlyMap<number, number>,
  image: Image,
  index: FileIndex,
): { bytes: number; packages: Package[] } | null {
  const packages = image.packages;
  const installs = steps.filter((s) => s.tooling.length > 0);
  if (!packages || installs.length === 0) return null;
  const layers = new Set<number>();
  for (const s of installs) {
    const layer = layerOf.get(s.line);
    if (layer === undefined) return null;
    layers.add(layer);
  }
  // With owners known, only packages that own a file of those layers: a tool the base already had costs nothing.
  let installed: Set<number> | null = null;
  if (index.owners) {
    installed = new Set();
    for (let i = 0; i < index.paths.length; i++)
      if (index.owners[i]! >= 0 && layers.has(index.layers[i]!)) installed.add(index.owners[i]!);
  }
  const tests = installs.flatMap((s) =>
    s.tooling.flatMap((t) =>
      t.packages.map((p) => ({ eco: ecosystemOf(t.manager), test: toolingPackages(t.manager, p) })),
    ),
  );
  const chosen = packages.filter(
    (p, k) =>
      (installed === null || installed.has(k)) && tests.some((t) => t.eco === p.ecosystem && t.test(p.name)),
  );
  // No package database of the tools' manager in the image (the tools came another way, or a stand-in installed
  // them): nothing can be told, so nothing is claimed.
  if (chosen.length === 0 && !packages.some((p) => tests.some((t) => t.eco === p.ecosystem))) return null;
  return { bytes: chosen.reduce((n, p) => n + p.bytes, 0), packages: chosen };
}

/** Findings with `bytes` and `measured` set where their cost in the head image could be measured. */
export function measureFindings(input: FindingBytesInput): Finding[] {
  const { steps, image, fileIndex: index } = input;
  if (!steps || !index || steps.steps.length === 0) return [...input.findings];
  const layerOf = layersOfSteps(image.layers, steps.steps);
  const stepAt = new Map(steps.steps.map((s) => [s.line, s]));
  let toolingCost: ReturnType<typeof tooling> | undefined;
  return input.findings.map((f) => {
    if (f.line === null || f.file === null) return f;
    const step = stepAt.get(f.line);
    const layer = layerOf.get(f.line);
    let measure: { bytes: number; measured: FindingMeasure } | null = null;
    if (f.rule === 'IG001' || f.rule === 'IG011') {
      toolingCost ??= tooling(steps.steps, layerOf, image, index);
      if (toolingCost)
        measure = {
          bytes: toolingCost.bytes,
          measured: {
            layer: null,
            paths: [],
            packages: toolingCost.packages
              .slice()
              .sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1))
              .map((p) => `${p.ecosystem}:${p.name}`),
          },
        };
    } else if (step && layer !== undefined) {
      let found: { bytes: number; paths: string[] } | null = null;
      if (f.rule === 'IG005' && step.keyword === 'RUN')
        found = bytesInLayer(index, layer, PACKAGE_CACHE_PATHS);
      else if (f.rule === 'IG004' && step.keyword === 'RUN')
        found = cachesInLayer(index, layer, step.cacheDirs);
      else if (
        (f.rule === 'IG008' || f.rule === 'IG012') &&
        step.wholeContext &&
        step.destination &&
        steps.heavy.length
      )
        found = bytesInLayer(
          index,
          layer,
          steps.heavy.map((h) => `${step.destination!.replace(/\/+$/, '')}/${h.path}`),
        );
      else if (f.rule === 'IG013' && step.npm?.devPaths?.length)
        found = bytesInLayer(
          index,
          layer,
          step.npm.devPaths.map((p) => `${step.npm!.workdir.replace(/\/+$/, '')}/${p}`),
        );
      if (found) measure = { bytes: found.bytes, measured: { layer, paths: found.paths } };
    }
    return measure ? { ...f, ...measure } : f;
  });
}
