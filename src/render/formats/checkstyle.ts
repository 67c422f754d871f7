// Checkstyle XML (the report format of checkstyle's XMLLogger, read by Jenkins' warnings-ng, reviewdog, Sonar and
// others): one <file> per file, one <error> per finding or broken budget, its source `image-guard.<rule>`.
import type { Report, Severity } from '../../core/report.js';
import { type FormatContext, itemsOf, withFix } from './items.js';
import { buildXml, type XmlNode } from './xml.js';

/** Checkstyle's severities: ignore, info, warning, error. */
const SEVERITY: Record<Severity, 'error' | 'warning' | 'info'> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
};

export function renderCheckstyle(report: Report, ctx: FormatContext): string {
  const files = new Map<string, XmlNode[]>();
  for (const item of itemsOf(report, ctx.failOn)) {
    const name = item.file ?? ctx.dockerfile;
    const errors = files.get(name) ?? [];
    errors.push({
      // a finding without a line (image content, budgets) is placed on the file's first line, as SARIF's is
      '@line': Math.max(1, item.line ?? 1),
      '@severity': SEVERITY[item.severity],
      '@message': item.kind === 'budget' ? item.message : `${item.id} ${item.name}: ${withFix(item)}`,
      '@source': item.kind === 'budget' ? `image-guard.budget.${item.id}` : `image-guard.${item.id}`,
    });
    files.set(name, errors);
  }
  const file = [...files].map(([name, errors]) => ({ '@name': name, error: errors }));
  return buildXml({ checkstyle: { '@version': '4.3', ...(file.length > 0 ? { file } : {}) } });
}
