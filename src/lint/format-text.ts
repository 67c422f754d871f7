// `Dockerfile:12 warning IG004 pip-cache: …` with the fix indented under it; colour only on a terminal.

import { describeJudged, type JudgedImage } from '../core/judged.js';
import type { Finding } from '../core/report.js';
import { escapeTerminal as esc } from '../core/terminal-escape.js';

const COLOURS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' } as const;
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

export function formatText(
  findings: readonly Finding[],
  opts: { colour: boolean; file: string; judged?: JudgedImage | null },
): string {
  const paint = (code: string, s: string) => (opts.colour ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  for (const f of findings) {
    const where = `${esc(f.file ?? opts.file)}${f.line !== null ? `:${f.line}` : ''}`;
    lines.push(`${where} ${paint(COLOURS[f.severity], f.severity)} ${f.rule} ${f.name}: ${esc(f.message)}`);
    if (f.fix) lines.push(paint(DIM, `  fix: ${esc(f.fix)}`));
  }
  if (opts.judged) lines.push(paint(DIM, `judged as the final image: ${esc(describeJudged(opts.judged))}`));
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  if (findings.length === 0) lines.push(`${esc(opts.file)}: no findings`);
  else {
    const parts = (['error', 'warning', 'info'] as const).map(
      (s) => `${count(s)} ${s}${count(s) === 1 ? '' : 's'}`,
    );
    lines.push(`${findings.length} finding${findings.length === 1 ? '' : 's'} (${parts.join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}
