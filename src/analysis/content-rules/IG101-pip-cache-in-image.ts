import { formatBytes } from '../../core/size.js';
import { pathOf, walk } from '../filesystem.js';
import { type ContentRule, tally } from './rule.js';

export const IG101: ContentRule = {
  id: 'IG101',
  name: 'pip-cache-in-image',
  severity: 'warning',
  summary: 'A `.cache/pip` or `.cache/uv` directory with files is in the final filesystem (bytes reported).',
  rationale:
    'A download cache only speeds up the next install on the same machine; in an image it is never read again, and every node that pulls the image downloads and stores it.',
  fix: 'Install with `pip install --no-cache-dir` / `uv sync --no-cache`, or keep the cache out of the layer with `RUN --mount=type=cache,target=/root/.cache/pip …`.',
  check(ctx) {
    const hits = [];
    for (const node of walk(ctx.root)) {
      if ((node.name !== 'pip' && node.name !== 'uv') || node.parent?.name !== '.cache') continue;
      if (node.kind !== 'dir' && node.kind !== null) continue;
      const t = tally(node);
      if (t.files === 0) continue;
      const where = t.layers.map((l) => ctx.describeLayer(l)).join(', ');
      hits.push({
        message: `\`${pathOf(node)}\` holds ${formatBytes(t.bytes)} in ${t.files} files of ${node.name}'s download cache, written by ${where}: it only makes the image bigger.`,
        bytes: t.bytes,
      });
    }
    return hits;
  },
};
