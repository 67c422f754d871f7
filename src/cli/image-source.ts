// Where an <IMAGE> argument is read from: an archive (no engine needed) or the engine.
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
