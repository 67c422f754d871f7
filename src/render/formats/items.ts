// What the formats other systems read (GitLab Code Quality, JUnit, checkstyle, GitHub workflow commands) report:
// the findings and the broken budgets of a report, as one list, each with a place in a file. Pure.
import type { Budget, FailOn, Finding, Report, Severity } from '../../core/report.js';
import { reachesFailOn } from '../../core/report.js';
import { budgetFigures } from '../summary.js';

/** A rule as the formats list it (a lint rule or an image-content rule). */
export interface RuleInfo {
  id: string;
  name: string;
  severity: Severity;
  summary: string;
}

export interface FormatContext {
  failOn: FailOn;
  /**
   * The file a finding without one is placed on (content findings, budgets): the Dockerfile the run judged,
   * or the default `Dockerfile`, so that a reader that needs a path has the one the image comes from.
   */
  dockerfile: string;
  /** The rules the run checked: JUnit lists each as a test case, findings or not. */
  rules: readonly RuleInfo[];
}

export interface Item {
  kind: 'finding' | 'budget';
  /** The rule id (`IG001`) or the budget's name (`max-size`). */
  id: string;
  /** The rule's name, or `budget`. */
  name: string;
  severity: Severity;
  message: string;
  fix: string | null;
  /** The finding's own file, or null (content findings, budgets). */
  file: string | null;
  line: number | null;
  /** What the finding costs or saves, when known. */
  bytes: number | null;
  /** True when this item fails the run: a finding at or above fail-on, or a broken budget. */
  fails: boolean;
}

export function budgetMessage(b: Budget): string {
  const f = budgetFigures(b);
  return `Budget ${b.name} broken: ${f.actual} against a limit of ${f.limit}`;
}

const findingItem = (f: Finding, failOn: FailOn): Item => ({
  kind: 'finding',
  id: f.rule,
  name: f.name,
  severity: f.severity,
  message: f.message,
  fix: f.fix,
  file: f.file,
  line: f.line,
  bytes: f.bytes,
  fails: reachesFailOn(f.severity, failOn),
});

const budgetItem = (b: Budget): Item => ({
  kind: 'budget',
  id: b.name,
  name: 'budget',
  severity: 'error',
  message: budgetMessage(b),
  fix: null,
  file: null,
  line: null,
  bytes: null,
  fails: true,
});

/** Every finding, then every broken budget (a budget that held is no finding). */
export function itemsOf(report: Report, failOn: FailOn): Item[] {
  return [
    ...report.findings.map((f) => findingItem(f, failOn)),
    ...report.budgets.filter((b) => !b.passed).map(budgetItem),
  ];
}

/** Rules whose findings are about security rather than size or build time. */
export const SECURITY_RULES: ReadonlySet<string> = new Set(['IG010', 'IG104']);

/** The message with its fix, as one text. */
export const withFix = (item: Item): string =>
  item.fix ? `${item.message}\nFix: ${item.fix}` : item.message;
