// Where an <IMAGE> argument is read from: an archive (no engine needed) or the engine.
import { readEngineImage } from '../engine/engine-image.js';
import { readArchiveRef } from '../image/archive-ref.js';
import type { ImageData } from '../image/model.js';

const ARCHIVE = /^(docker-archive|oci-archive|oci):/;

export function isArchiveRef(ref: string): boolean {
  return ARCHIVE.test(ref);
}

export async function loadImage(ref: string, options: { files: boolean }): Promise<ImageData> {
  if (isArchiveRef(ref)) return readArchiveRef(ref, options);
  return readEngineImage(ref, { files: options.files, pull: true });
}
