// What the config (and the `ignore` input or flag) says about findings that do not come from the Dockerfile
// linter: the image-content rules. The lint engine applies the same policy to Dockerfile findings itself, with
// inline ignores, because it knows the lines; this is the one place for the others.
import type { SeverityOverride } from '../config/config.js';
import type { Finding } from '../core/report.js';

export interface FindingPolicy {
  ignore: readonly string[];
  severity: Readonly<Record<string, SeverityOverride>>;
}

export function applyPolicy(findings: readonly Finding[], policy: FindingPolicy): Finding[] {
  const ignored = new Set(policy.ignore);
  const out: Finding[] = [];
  for (const f of findings) {
    const override = policy.severity[f.rule];
    if (ignored.has(f.rule) || override === 'off') continue;
    out.push(override ? { ...f, severity: override } : f);
  }
  return out;
}
