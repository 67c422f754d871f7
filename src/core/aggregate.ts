// Several images' reports in one: the Action's `reports:` mode reads the JSON reports a matrix of image jobs
// wrote, checks that they belong together (one image-guard version, one commit, one report per comment key),
// and sums them up here. Pure: the files are read by src/action/aggregate.ts.
import { UserError } from './errors.js';
import type { Delta, FailOn, Report, ReportAction, Severity } from './report.js';
import { TOOL_NAME } from './version.js';

/** Findings counted by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** The aggregate JSON report (the `report-file` output of the `reports:` mode): one row per image. */
export interface AggregateReport {
  schemaVersion: 1;
  kind: 'aggregate';
  tool: { name: 'image-guard'; version: string };
  /** The commit every report is of: the pull request's head on a PR, else GITHUB_SHA. */
  commit: string;
  /** The aggregate comment's key (`comment-key`, else `aggregate`). */
  key: string;
  /** True when every image passed. */
  passed: boolean;
  /** All images' findings, by severity. */
  findings: SeverityCounts;
  /** One per report, ordered by key. */
  images: AggregateImage[];
}

export interface AggregateImage {
  /** The image's comment key, from its report. */
  key: string;
  /** How the image's own comment named it. */
  title: string;
  /** The report file, as the workspace names it. */
  file: string;
  passed: boolean;
  /** `passed`, or `failed: ` and why (the budgets broken, the findings that reach fail-on). */
  status: string;
  failOn: FailOn;
  /** The head image's size in bytes; null for a report without one. */
  size: number | null;
  baseSize: number | null;
  delta: Delta | null;
  /** Why the image has no base, from its report. */
  baseUnavailable: string | null;
  /** What a `docker pull` of the head transfers, when it was measured. */
  pull: { bytes: number; compression: 'gzip' | 'zstd' } | null;
  findings: SeverityCounts;
}

/** A report read from a file, checked to be an image-guard report written by the Action. */
export interface LoadedReport {
  /** As the workspace names it (`reports/api.json`). */
  file: string;
  report: Report & { action: ReportAction };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A report file's text to a report, or one line naming the file: not JSON, not an image-guard report, or one
 * without the Action's stamp (a CLI report carries no commit to check).
 */
export function parseReportFile(file: string, text: string): LoadedReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const tool = isObject(value) && isObject(value.tool) ? value.tool : null;
  if (
    !isObject(value) ||
    value.schemaVersion !== 1 ||
    tool?.name !== TOOL_NAME ||
    typeof tool.version !== 'string' ||
    !Array.isArray(value.findings) ||
    !Array.isArray(value.budgets) ||
    typeof value.passed !== 'boolean'
  )
    throw new UserError(
      `${file} is not an image-guard report (schemaVersion 1, tool.name image-guard, findings, budgets, passed): give reports only the report-file of image-guard's image jobs`,
    );
  const action = value.action;
  if (
    !isObject(action) ||
    typeof action.commit !== 'string' ||
    typeof action.key !== 'string' ||
    typeof action.title !== 'string' ||
    !['error', 'warning', 'info', 'never'].includes(action.failOn as string)
  )
    throw new UserError(
      `${file} has no action.commit and action.key: only reports the image-guard Action wrote (its report-file output) can be put in one comment, not the CLI's`,
    );
  return { file, report: value as unknown as LoadedReport['report'] };
}

/** `1.4` of `1.4.2`: reports are read by the same major and minor version; patches never change the report. */
export function minorOf(version: string): string {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}` : version;
}

const short = (sha: string) => sha.slice(0, 7);

/**
 * Reports that do not belong in one comment are refused, the first problem in one line naming the file: another
 * image-guard major.minor than this one, another commit than the run's, a comment key given twice.
 */
export function checkReports(
  reports: readonly LoadedReport[],
  run: { commit: string; version: string },
): void {
  const seen = new Map<string, string>();
  for (const { file, report } of reports) {
    const version = report.tool.version;
    if (minorOf(version) !== minorOf(run.version))
      throw new UserError(
        `${file} was written by image-guard ${version} and this is ${run.version}: reports are put together only by the same major.minor version; use one version of the Action in every job of the workflow`,
      );
    if (report.action.commit !== run.commit)
      throw new UserError(
        `${file} is a report of commit ${short(report.action.commit)}, and this run is of ${short(run.commit)}: download the reports the image jobs of this same workflow run uploaded`,
      );
    const other = seen.get(report.action.key);
    if (other !== undefined)
      throw new UserError(
        `${other} and ${file} are both of comment key ${JSON.stringify(report.action.key)}: give each image job its own comment-key`,
      );
    seen.set(report.action.key, file);
  }
}

/** Findings counted by severity. */
export function countSeverities(findings: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The reports, ordered by key, and what the aggregate report says of each. */
export function buildAggregate(
  reports: readonly LoadedReport[],
  run: { commit: string; key: string; version: string; status: (r: Report, failOn: FailOn) => string },
): { aggregate: AggregateReport; ordered: LoadedReport[] } {
  const ordered = [...reports].sort((a, b) =>
    a.report.action.key < b.report.action.key ? -1 : a.report.action.key > b.report.action.key ? 1 : 0,
  );
  const images = ordered.map(({ file, report }): AggregateImage => {
    const failOn = report.action.failOn;
    const pull = report.costs?.head.pull ?? null;
    const gzip = report.head?.compressed?.gzip ?? null;
    return {
      key: report.action.key,
      title: report.action.title,
      file,
      passed: report.passed,
      status: run.status(report, failOn),
      failOn,
      size: report.head?.size ?? null,
      baseSize: report.base?.size ?? null,
      delta: report.delta,
      baseUnavailable: report.baseUnavailable,
      pull: pull
        ? { bytes: pull.bytes, compression: pull.compression }
        : gzip !== null
          ? { bytes: gzip, compression: 'gzip' }
          : null,
      findings: countSeverities(report.findings),
    };
  });
  const findings = countSeverities(ordered.flatMap((r) => r.report.findings));
  return {
    ordered,
    aggregate: {
      schemaVersion: 1,
      kind: 'aggregate',
      tool: { name: TOOL_NAME, version: run.version },
      commit: run.commit,
      key: run.key,
      passed: images.every((i) => i.passed),
      findings,
      images,
    },
  };
}
