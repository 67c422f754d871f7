import type { CompressedSize, FileStats, Finding, Image, ImageLayer } from '../core/report.js';
import type { ImageData } from '../image/model.js';
import { checkContent } from './content-rules/index.js';
import { exploreTree, type ImageExplore, LayerChangeCollector } from './explore.js';
import { type FileIndex, fileIndexOf } from './file-index.js';
import { biggestWasters, largestFiles, mergeLayers } from './filesystem.js';
import { imageLayers, nonEmptyIndexes, normalizeInstruction } from './layers.js';

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
  return {
    image: { ref: data.ref, id: data.id, size, layers, files, ...extra },
    findings,
    fileIndex,
    explore,
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
