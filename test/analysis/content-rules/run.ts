// The whole content-rule pass (analyzeImage) on an image made of generated layers, as every rule's test runs it.
import { analyzeImage } from '../../../src/analysis/analyze.js';
import { imageData, type layer } from '../helpers.js';

export function findings(...layers: ReturnType<typeof layer>[]) {
  return analyzeImage(
    imageData(layers.map((summary, i) => ({ createdBy: `RUN /bin/sh -c step${i} # buildkit`, summary }))),
  ).findings;
}
export const ids = (fs: ReturnType<typeof findings>) => fs.map((f) => f.rule);
