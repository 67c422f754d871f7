// GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`): an annotation per finding and
// per broken budget for people who run the CLI in a step of their own. The runner reads each line of the log
// that starts with `::`, so everything taken from the Dockerfile or the image is escaped as the runner's
// toolkit escapes it: `%`, CR and LF in the message; those and `:` and `,` in a property's value.
import type { Report, Severity } from '../../core/report.js';
import { statusLine } from '../summary.js';
import { type FormatContext, itemsOf, withFix } from './items.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

export const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderGithub(report: Report, ctx: FormatContext): string {
  const lines = itemsOf(report, ctx.failOn).map((item) => {
    const props: [string, string][] = [];
    if (item.file !== null) props.push(['file', item.file]);
    if (item.file !== null && item.line !== null) props.push(['line', String(item.line)]);
    props.push([
      'title',
      item.kind === 'budget' ? `image-guard budget ${item.id}` : `${item.id} ${item.name}`,
    ]);
    const properties = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
    return `::${COMMAND[item.severity]} ${properties}::${escapeData(withFix(item))}`;
  });
  // The last line, plain text in the log: a status made of counts only, with nothing the runner could read as a command.
  lines.push(`image-guard: ${statusLine(report, ctx.failOn)}`);
  return `${lines.join('\n')}\n`;
}
