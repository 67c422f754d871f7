// GitLab Code Quality: the subset of the Code Climate issue format GitLab documents (description, check_name,
// fingerprint, severity, location.path, location.lines.begin), a JSON array. GitLab tells a merge request's new
// and fixed findings apart by fingerprint, so the fingerprint leaves out what moves when unrelated lines change
// (the line number, the figures in a message) and keeps what names the problem: the check, the file, the
// message's words, and which of several alike it is.
import { createHash } from 'node:crypto';
import type { Report, Severity } from '../../core/report.js';
import { type FormatContext, type Item, itemsOf, SECURITY_RULES, withFix } from './items.js';

/** Code Climate's severities, of which GitLab shows info, minor, major, critical and blocker. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical'> = {
  info: 'info',
  warning: 'minor',
  error: 'major',
};

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  content: { body: string };
  categories: string[];
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical';
  location: { path: string; lines: { begin: number } };
}

/** Code Climate's categories: Security, Performance for what costs bytes (budgets among them), Style else. */
function category(item: Item): 'Security' | 'Performance' | 'Style' {
  if (item.kind === 'finding' && SECURITY_RULES.has(item.id)) return 'Security';
  return item.kind === 'budget' || item.bytes !== null ? 'Performance' : 'Style';
}

export function renderGitlab(report: Report, ctx: FormatContext): string {
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = itemsOf(report, ctx.failOn).map((item) => {
    const checkName = item.kind === 'budget' ? `image-guard/budget/${item.id}` : `image-guard/${item.id}`;
    const path = item.file ?? ctx.dockerfile;
    // Figures change from run to run (bytes, sizes, counts): the words of the message stay.
    const words = item.kind === 'budget' ? '' : item.message.replace(/\d[\d.,]*/g, '#');
    const key = JSON.stringify([checkName, path, words]);
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return {
      type: 'issue',
      check_name: checkName,
      description: item.kind === 'budget' ? item.message : `${item.id} ${item.name}: ${item.message}`,
      content: { body: withFix(item) },
      categories: [category(item)],
      fingerprint: createHash('sha256').update(`${key}#${nth}`).digest('hex'),
      severity: item.kind === 'budget' ? 'critical' : SEVERITY[item.severity],
      location: { path, lines: { begin: Math.max(1, item.line ?? 1) } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
