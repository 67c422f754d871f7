// FROM's image references as the rules see them: the one parser's parts (src/core/image-ref.ts), and the
// Docker Official Image they name, which IG002/IG003/IG014 judge by.
import {
  officialImageOf,
  parseImageRef as parseReference,
  type ImageRef as Reference,
} from '../core/image-ref.js';

export interface ImageRef extends Reference {
  /** The Docker Official Image's name (`python`) when the reference is one, through any registry prefix. */
  official: string | null;
}

export function parseImageRef(text: string): ImageRef {
  const ref = parseReference(text);
  return { ...ref, official: officialImageOf(ref) };
}
