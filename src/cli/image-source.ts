// Where an <IMAGE> argument is read from: an archive (no engine needed) or the engine.

import { analyzeImage, type ImageAnalysis } from '../analysis/analyze.js';
import { readEngineImage } from '../engine/engine-image.js';
import { isArchiveRef, readArchiveRef } from '../image/archive-ref.js';
import type { ImageData } from '../image/model.js';

export async function loadImage(
  ref: string,
  options: { files: boolean; onProgress?: (bytesRead: number, total: number) => void },
): Promise<ImageData> {
  if (isArchiveRef(ref)) return readArchiveRef(ref, options);
  return readEngineImage(ref, { files: options.files, pull: true, onProgress: options.onProgress });
}

export interface AnalyzeRefOptions {
  files: boolean;
  onProgress?: (bytesRead: number, total: number) => void;
}

/** Reads and analyzes one image: what the CLI and the Action call for base and head alike. */
export async function analyzeRef(ref: string, options: AnalyzeRefOptions): Promise<ImageAnalysis> {
  return analyzeImage(await loadImage(ref, options));
}
