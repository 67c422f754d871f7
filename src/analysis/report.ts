import { decidePassed, type FailOn, type Finding, type Image, type Report } from '../core/report.js';
import { TOOL_NAME, VERSION } from '../core/version.js';
import { type BudgetLimits, checkBudgets } from './budgets.js';
import { compareImages } from './compare.js';

export interface ReportInput {
  head: Image | null;
  base: Image | null;
  baseUnavailable?: string | null;
  /** Dockerfile findings and the head image's content findings, already filtered by ignores. */
  findings: Finding[];
  limits?: BudgetLimits;
  failOn: FailOn;
}

export interface BuiltReport {
  report: Report;
  /** Budgets that were set but could not be judged, with the reason. */
  unchecked: string[];
}

/** Puts the pieces together into the contract's Report and decides whether the run passed. Pure. */
export function buildReport(input: ReportInput): BuiltReport {
  const comparison = input.head && input.base ? compareImages(input.base, input.head) : null;
  const { budgets, unchecked } = input.head
    ? checkBudgets(input.head, comparison?.delta ?? null, input.limits ?? {})
    : { budgets: [], unchecked: [] };
  const report: Report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    head: input.head,
    base: input.base,
    baseUnavailable: input.baseUnavailable ?? null,
    delta: comparison?.delta ?? null,
    layers: comparison?.rows ?? [],
    findings: input.findings,
    budgets,
    passed: decidePassed(input.findings, budgets, input.failOn),
  };
  return { report, unchecked };
}
