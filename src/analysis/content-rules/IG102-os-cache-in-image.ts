import { formatBytes } from '../../core/size.js';
import { findPath } from '../filesystem.js';
import { type ContentRule, tally } from './rule.js';

export const IG102: ContentRule = {
  id: 'IG102',
  name: 'os-cache-in-image',
  severity: 'warning',
  summary:
    '/var/lib/apt/lists holds files other than `lock` and `partial/`, or /var/cache/apk holds files (bytes reported).',
  rationale:
    'Package lists and caches are only needed while installing; left in a layer they add megabytes that every pull transfers and that go stale at once.',
  fix: 'End the installing RUN with `rm -rf /var/lib/apt/lists/*` (apt) or use `apk add --no-cache` (apk), in the same RUN as the install.',
  check(ctx) {
    const hits = [];
    const lists = findPath(ctx.root, 'var/lib/apt/lists');
    if (lists) {
      const t = tally(lists, (rel) => rel !== 'lock' && rel !== 'partial' && !rel.startsWith('partial/'));
      if (t.files > 0) {
        const where = t.layers.map((l) => ctx.describeLayer(l)).join(', ');
        hits.push({
          message: `\`/var/lib/apt/lists\` holds ${formatBytes(t.bytes)} of package indexes (${t.files} files) left by ${where}.`,
          bytes: t.bytes,
        });
      }
    }
    const apk = findPath(ctx.root, 'var/cache/apk');
    if (apk) {
      const t = tally(apk);
      if (t.files > 0) {
        const where = t.layers.map((l) => ctx.describeLayer(l)).join(', ');
        hits.push({
          message: `\`/var/cache/apk\` holds ${formatBytes(t.bytes)} of cached packages (${t.files} files) left by ${where}.`,
          bytes: t.bytes,
        });
      }
    }
    return hits;
  },
};
