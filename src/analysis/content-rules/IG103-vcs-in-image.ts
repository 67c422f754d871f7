import { formatBytes } from '../../core/size.js';
import { pathOf, walk } from '../filesystem.js';
import { type ContentRule, tally } from './rule.js';

export const IG103: ContentRule = {
  id: 'IG103',
  name: 'vcs-in-image',
  severity: 'warning',
  summary: 'A `.git` directory is in the final filesystem (bytes reported).',
  rationale:
    "A repository's history is often larger than the code it tracks, is never used at run time, and can hold removed secrets and internal names.",
  fix: 'Add `.git` to .dockerignore, or copy only what the app needs (`COPY app/ app/`) instead of the whole context.',
  check(ctx) {
    const hits = [];
    for (const node of walk(ctx.root)) {
      if (node.name !== '.git' || (node.kind !== 'dir' && node.kind !== null)) continue;
      // A repository inside another .git (submodules' modules/) is part of the outer one's bytes.
      let nested = false;
      for (let p = node.parent; p; p = p.parent) if (p.name === '.git') nested = true;
      if (nested) continue;
      const t = tally(node);
      const where = t.layers.length ? `, from ${t.layers.map((l) => ctx.describeLayer(l)).join(', ')}` : '';
      hits.push({
        message: `\`${pathOf(node)}\` is a git directory in the image: ${formatBytes(t.bytes)} of history (${t.files} files)${where}.`,
        bytes: t.bytes,
      });
    }
    return hits;
  },
};
