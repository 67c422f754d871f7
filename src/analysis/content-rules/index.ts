import type { Finding } from '../../core/report.js';
import { pipCacheInImage } from './IG101-pip-cache-in-image.js';
import { osCacheInImage } from './IG102-os-cache-in-image.js';
import { vcsInImage } from './IG103-vcs-in-image.js';
import { secretInImage } from './IG104-secret-in-image.js';
import { toolchainInImage } from './IG105-toolchain-in-image.js';
import { type ContentContext, type ContentRule, toFinding } from './rule.js';

/** The image-content rules, in catalogue order. */
export const contentRules: readonly ContentRule[] = [
  pipCacheInImage,
  osCacheInImage,
  vcsInImage,
  secretInImage,
  toolchainInImage,
];

export function checkContent(ctx: ContentContext): Finding[] {
  return contentRules.flatMap((rule) => rule.check(ctx).map((hit) => toFinding(rule, hit)));
}
