// The formats other systems read, by name. Each takes the report of any command (lint, analyze, compare).
import type { Report } from '../../core/report.js';
import { renderCheckstyle } from './checkstyle.js';
import { renderGithub } from './github.js';
import { renderGitlab } from './gitlab.js';
import type { FormatContext } from './items.js';
import { renderJunit } from './junit.js';

export type { FormatContext, RuleInfo } from './items.js';

const RENDER: Record<string, (report: Report, ctx: FormatContext) => string> = {
  gitlab: renderGitlab,
  junit: renderJunit,
  checkstyle: renderCheckstyle,
  github: renderGithub,
};

/** The names of the formats, as `--format` takes them (src/config/settings.ts lists the same, checked by a test). */
export const INTERCHANGE_FORMATS = Object.keys(RENDER);

export function renderInterchange(format: string, report: Report, ctx: FormatContext): string {
  const render = RENDER[format];
  if (!render) throw new Error(`no renderer for --format ${format}`);
  return render(report, ctx);
}
