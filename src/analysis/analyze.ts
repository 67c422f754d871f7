import type { CompressedSize, FileStats, Finding, Image, ImageLayer } from '../core/report.js';
import type { ImageData, LayerSummary } from '../image/model.js';
import { checkContent } from './content-rules/index.js';
import { exploreTree, type ImageExplore, LayerChangeCollector } from './explore.js';
import { type FileIndex, fileIndexOf } from './file-index.js';
import { biggestWasters, findPath, largestFiles, type MergedFilesystem, mergeLayers } from './filesystem.js';
import { imageLayers, nonEmptyIndexes, normalizeInstruction } from './layers.js';
import { type LinkTarget, RPM_DATABASES, readPackages } from './packages/index.js';

export interface ImageAnalysis {
  image: Image;
  /** IG101–IG105 on the final filesystem; empty without files. */
  findings: Finding[];
  /** What the HTML report explores (the final filesystem as a tree, each layer's changes); absent without files. */
  explore?: ImageExplore;
  /**
   * The final filesystem's files, for a file-level diff against another image; absent without files (and in
   * cache entries written before it was kept).
   */
  fileIndex?: FileIndex;
}

const shorten = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function describeLayer(layers: readonly ImageLayer[], index: number): string {
  const instruction = normalizeInstruction(layers[index]?.createdBy ?? '');
  return instruction ? `layer ${index} (\`${shorten(instruction, 60)}\`)` : `layer ${index}`;
}

/** From what a reader handed over to the contract's Image and the content findings. Pure. */
export function analyzeImage(data: ImageData): ImageAnalysis {
  const layers = imageLayers(data);
  const size = layers.reduce((sum, l) => sum + l.size, 0);
  const compressed = computedCompressed(data);
  const extra = compressed ? { compressed } : {};
  if (!data.layers) {
    return { image: { ref: data.ref, id: data.id, size, layers, files: null, ...extra }, findings: [] };
  }
  const indexes = nonEmptyIndexes(layers);
  const changes = new LayerChangeCollector();
  const fs = mergeLayers(data.layers, indexes, changes);
  const { fileCount, largest } = largestFiles(fs.root);
  const files: FileStats = {
    totalBytes: fs.totalBytes,
    wastedBytes: fs.wastedBytes,
    efficiency: fs.totalBytes === 0 ? 1 : 1 - fs.wastedBytes / fs.totalBytes,
    fileCount,
    largest,
    wasted: biggestWasters(fs),
  };
  const findings = checkContent({ root: fs.root, describeLayer: (i) => describeLayer(layers, i) });
  const explore: ImageExplore = { ...exploreTree(fs), layers: changes.result(indexes) };
  const fileIndex = fileIndexOf(
    fs,
    layers.map((l) => l.diffId),
  );
  let packages = {};
  if (data.layers.some((l) => l.packageFiles)) {
    const reading = readPackages(topPackageFiles(data.layers, indexes, fs), fileIndex, {
      linkTarget: linkTargets(data.layers, indexes, fs),
      dropped: data.layers.reduce((n, l) => n + (l.packageFilesDropped ?? 0), 0),
      rpmDatabase: RPM_DATABASES.find((path) => findPath(fs.root, path)?.kind === 'file') ?? null,
      rpmWal:
        RPM_DATABASES.map((path) => `${path}-wal`).find((path) => (findPath(fs.root, path)?.size ?? 0) > 0) ??
        null,
    });
    fileIndex.owners = reading.owners;
    packages = { packages: reading.packages, ...(reading.note ? { packagesNote: reading.note } : {}) };
  }
  return {
    image: { ref: data.ref, id: data.id, size, layers, files, ...extra, ...packages },
    findings,
    fileIndex,
    explore,
  };
}

/**
 * The package files of the final filesystem: of each kept body, the one from the layer whose version of the path
 * is on top (a path deleted, or replaced by something other than a file, is gone).
 */
function topPackageFiles(
  layers: readonly LayerSummary[],
  indexes: readonly number[],
  fs: MergedFilesystem,
): Map<string, Buffer> {
  const top = new Map<string, Buffer>();
  layers.forEach((layer, i) => {
    for (const [path, body] of layer.packageFiles ?? []) {
      const node = findPath(fs.root, path);
      if (node?.kind === 'file' && node.layer === (indexes[i] ?? i)) top.set(path, body);
    }
  });
  return top;
}

/** Symlink targets of the final filesystem, for following the directories of listed paths (made on first use). */
function linkTargets(
  layers: readonly LayerSummary[],
  indexes: readonly number[],
  fs: MergedFilesystem,
): LinkTarget {
  let links: Map<string, { target: string; layer: number }> | null = null;
  return (path) => {
    if (links === null) {
      links = new Map();
      for (let i = 0; i < layers.length; i++) {
        for (const entry of layers[i]!.entries) {
          if (entry.kind === 'symlink')
            links.set(entry.path, { target: entry.linkTarget ?? '', layer: indexes[i] ?? i });
        }
      }
    }
    const link = links.get(path);
    if (!link) return undefined;
    const node = findPath(fs.root, path);
    return node?.kind === 'symlink' && node.layer === link.layer ? link.target : undefined;
  };
}

/** The compressed sizes a reader counted, when it counted every layer. */
function computedCompressed(data: ImageData): CompressedSize | null {
  const counted = data.layerCompressed ?? data.layers?.map((l) => l.compressed ?? null) ?? null;
  const diffIds = data.config.diffIds;
  if (!counted?.length || counted.length !== diffIds.length || counted.some((c) => !c)) return null;
  const all = counted as { gzip: number; zstd: number | null }[];
  return {
    gzip: all.reduce((n, c) => n + c.gzip, 0),
    zstd: all.every((c) => c.zstd !== null) ? all.reduce((n, c) => n + c.zstd!, 0) : null,
    source: 'computed',
    layers: all.map((c, i) => ({ diffId: diffIds[i]!, gzip: c.gzip, zstd: c.zstd })),
  };
}
