// The report of a run, built once: every measured figure goes in, the contract's Report comes out complete,
// with `passed` decided last from what it holds, and frozen with what the renderers show beside it. Pure; the
// application layer (src/app/compare.ts) gathers the figures, and nothing sets a field afterwards.
import { deepFreeze } from '../core/freeze.js';
import type { JudgedImage } from '../core/judged.js';
import {
  type CacheProbe,
  decidePassed,
  type FailOn,
  type Finding,
  type Image,
  type PolicyReport,
  type Report,
} from '../core/report.js';
import { TOOL_NAME, VERSION } from '../core/version.js';
import { type BudgetLimits, checkBudgets } from './budgets.js';
import { compareImages } from './compare.js';
import { buildCosts, type CostsInput } from './costs.js';
import type { ImageExplore } from './explore.js';
import { DEFAULT_DIFF_LIMITS, diffFilesystems } from './file-diff.js';
import type { FileIndex } from './file-index.js';
import { diffPackages } from './package-diff.js';

export interface ReportInput {
  head: Image | null;
  base: Image | null;
  baseUnavailable?: string | null;
  /** Dockerfile findings and the head image's content findings, already under the config's policy. */
  findings: Finding[];
  limits?: BudgetLimits;
  failOn: FailOn;
  /** The stage judged as the final image, when a Dockerfile was linted; absent when none was. */
  judged?: JudgedImage | null;
  /** The final filesystems of base and head (kept with their analyses): the file-level diff. */
  fileIndexes?: { base: FileIndex | undefined; head: FileIndex | undefined };
  /** What the costs table needs besides the two images; absent: no costs (`analyze`, `lint`). */
  costs?: Omit<CostsInput, 'head' | 'base'>;
  /** What the Action's cache probe measured, when it ran. */
  cacheProbe?: CacheProbe | null;
  /** What the HTML report explores of each image (absent without files). */
  explore?: { head?: ImageExplore | null; base?: ImageExplore | null };
  /** Short names of head and base for the renderers' columns (the commits' short SHAs in the Action). */
  labels?: { headLabel?: string; baseLabel?: string };
  /** Whose config judged the change and what the PR changes of it, when the base's config was read. */
  policy?: PolicyReport;
}

/** A run's report and what the renderers show beside it. Frozen: it is only ever read. */
export interface RunReport {
  /** The JSON report (contract v1), complete. */
  readonly report: Readonly<Report>;
  /** Budgets that were set but could not be judged, with the reason (shown as "not checked"). */
  readonly unchecked: readonly string[];
  readonly explore: { readonly head: ImageExplore | null; readonly base: ImageExplore | null };
  readonly labels: { readonly headLabel?: string; readonly baseLabel?: string };
}

/** Puts every part of the report together, decides whether the run passed, and freezes the lot. */
export function buildReport(input: ReportInput): RunReport {
  const { head, base } = input;
  const comparison = head && base ? compareImages(base, head) : null;
  const { budgets, unchecked } = head
    ? checkBudgets(head, comparison?.delta ?? null, input.limits ?? {})
    : { budgets: [], unchecked: [] };
  const indexes = input.fileIndexes;
  const diff =
    head && base && indexes?.base && indexes.head
      ? diffFilesystems(indexes.base, indexes.head, DEFAULT_DIFF_LIMITS, {
          base: base.packages,
          head: head.packages,
        })
      : undefined;
  // Both images' packages, or no package diff: a side read without its files has none to compare.
  const packages = head?.packages && base?.packages ? diffPackages(base.packages, head.packages) : undefined;
  const costs = head && input.costs ? buildCosts({ ...input.costs, head, base }) : undefined;
  const findings = input.findings;
  // Last, from everything above: the budgets and the findings are what fail a run.
  const passed = decidePassed(findings, budgets, input.failOn);
  const report: Report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    head,
    base,
    baseUnavailable: input.baseUnavailable ?? null,
    delta: comparison?.delta ?? null,
    layers: comparison?.rows ?? [],
    findings,
    budgets,
    passed,
    ...(input.judged !== undefined ? { judged: input.judged } : {}),
    ...(diff ? { diff } : {}),
    ...(packages ? { packages } : {}),
    ...(costs ? { costs } : {}),
    ...(input.cacheProbe ? { cacheProbe: input.cacheProbe } : {}),
    ...(input.policy ? { policy: input.policy } : {}),
  };
  return deepFreeze({
    report,
    unchecked,
    explore: { head: input.explore?.head ?? null, base: base ? (input.explore?.base ?? null) : null },
    labels: { ...input.labels },
  });
}
