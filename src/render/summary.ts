import { type Budget, type FailOn, type Report, reachesFailOn } from '../core/report.js';
import { formatBytes } from '../core/size.js';
import { percent } from './bars.js';

/** A budget's figures in its own unit. */
export function budgetFigures(b: Budget): { limit: string; actual: string } {
  const show = (n: number): string => {
    switch (b.unit) {
      case 'ratio':
        return percent(n);
      case 'percent':
        return `${Math.round(n * 100) / 100}%`;
      case 'layers':
        return String(n);
      default:
        return formatBytes(n);
    }
  };
  return { limit: show(b.limit), actual: show(b.actual) };
}

/** One line saying why the run failed, or that it passed. */
export function statusLine(report: Report, failOn: FailOn): string {
  if (report.passed) return 'passed';
  const reasons: string[] = [];
  for (const b of report.budgets.filter((x) => !x.passed)) {
    const f = budgetFigures(b);
    reasons.push(`${b.name} ${f.actual} (limit ${f.limit})`);
  }
  const failing = report.findings.filter((f) => reachesFailOn(f.severity, failOn));
  if (failing.length) {
    const bySeverity = (s: string) => failing.filter((f) => f.severity === s).length;
    const parts = (['error', 'warning', 'info'] as const)
      .map((s) => [s, bySeverity(s)] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`);
    reasons.push(parts.join(', '));
  }
  return `failed: ${reasons.join('; ')}`;
}
