import type { FileStats, Finding, Image, ImageLayer } from '../core/report.js';
import type { ImageData } from '../image/model.js';
import { checkContent } from './content-rules/index.js';
import { biggestWasters, largestFiles, mergeLayers } from './filesystem.js';
import { imageLayers, nonEmptyIndexes, normalizeInstruction } from './layers.js';

export interface ImageAnalysis {
  image: Image;
  /** IG101–IG105 on the final filesystem; empty without files. */
  findings: Finding[];
}

const shorten = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function describeLayer(layers: readonly ImageLayer[], index: number): string {
  const instruction = normalizeInstruction(layers[index]?.createdBy ?? '');
  return instruction ? `layer ${index} (\`${shorten(instruction, 60)}\`)` : `layer ${index}`;
}

/** From what a reader handed over to the contract's Image and the content findings. Pure. */
export function analyzeImage(data: ImageData): ImageAnalysis {
  const layers = imageLayers(data);
  const size = layers.reduce((sum, l) => sum + l.size, 0);
  if (!data.layers) {
    return { image: { ref: data.ref, id: data.id, size, layers, files: null }, findings: [] };
  }
  const fs = mergeLayers(data.layers, nonEmptyIndexes(layers));
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
  return { image: { ref: data.ref, id: data.id, size, layers, files }, findings };
}
