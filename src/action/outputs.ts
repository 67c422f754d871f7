import * as core from '@actions/core';
import { type Finding, type Report, severityRank } from '../core/report.js';

/**
 * One annotation per error and warning on its Dockerfile line, most severe first: the runner shows at most
 * ten of each kind per step and drops the rest silently.
 */
export function annotate(findings: readonly Finding[], dockerfile: string): void {
  const shown = findings
    .filter((f) => f.severity !== 'info')
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.line ?? 0) - (b.line ?? 0));
  for (const f of shown) {
    const title = `${f.rule} ${f.name}`;
    const message = f.fix ? `${f.message}\nFix: ${f.fix}` : f.message;
    const props: core.AnnotationProperties = { title, file: f.file ?? dockerfile };
    if (f.line) props.startLine = f.line;
    if (f.severity === 'error') core.error(message, props);
    else core.warning(message, props);
  }
}

export function setOutputs(
  report: Report | null,
  files: {
    passed: boolean;
    reportFile: string;
    commentFile: string;
    commentUrl: string;
    htmlFile?: string;
    /** The findings counted elsewhere (every image's, in the `reports:` mode). */
    findings?: number;
  },
): void {
  const head = report?.head ?? null;
  const base = report?.base ?? null;
  const set = (name: string, value: string | number | null | undefined) => core.setOutput(name, value ?? '');
  set('size', head?.size);
  set('base-size', base?.size);
  set('size-delta', report?.delta?.size);
  set('size-delta-percent', report?.delta?.percent);
  set('layers', head ? head.layers.filter((l) => !l.empty).length : null);
  set('efficiency', head?.files?.efficiency);
  set('wasted-bytes', head?.files?.wastedBytes);
  set('findings', files.findings ?? report?.findings.length ?? 0);
  set('passed', String(files.passed));
  set('report-file', files.reportFile);
  set('comment-file', files.commentFile);
  set('comment-url', files.commentUrl);
  set('report-html', files.htmlFile);
}
