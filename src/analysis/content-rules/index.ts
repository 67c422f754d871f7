import type { Finding } from '../../core/report.js';
import { IG101 } from './IG101-pip-cache-in-image.js';
import { IG102 } from './IG102-os-cache-in-image.js';
import { IG103 } from './IG103-vcs-in-image.js';
import { IG104 } from './IG104-secret-in-image.js';
import { IG105 } from './IG105-toolchain-in-image.js';
import { type ContentContext, type ContentRule, toFinding } from './rule.js';

/** The image-content rules, in catalogue order. */
export const CONTENT_RULES: readonly ContentRule[] = [IG101, IG102, IG103, IG104, IG105];

export function checkContent(ctx: ContentContext): Finding[] {
  return CONTENT_RULES.flatMap((rule) => rule.check(ctx).map((hit) => toFinding(rule, hit)));
}
