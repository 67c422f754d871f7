// "Fix first": the Dockerfile findings whose cost was measured in the built image (Finding.measured), biggest
// first, each with what fixing it saves: `IG005 line 10: 95.4 MB of /var/lib/apt/lists in layer 2`. Findings
// that point at the same bytes (IG008 and IG012 at one COPY) are one item. Nothing measured, nothing listed.
import type { Finding, FindingMeasure } from '../core/report.js';
import { formatBytes } from '../core/size.js';
import { escapeMarkdown, inlineCode } from './markdown-escape.js';

/** Items the list shows at most. */
export const FIX_FIRST_LIMIT = 5;

export interface FixFirstItem {
  rules: string[];
  line: number | null;
  bytes: number;
  measured: FindingMeasure;
}

/** Measured findings with bytes, biggest first, those naming the same bytes merged; at most `limit`. */
export function fixFirst(findings: readonly Finding[], limit = FIX_FIRST_LIMIT): FixFirstItem[] {
  const items = new Map<string, FixFirstItem>();
  for (const f of findings) {
    if (!f.measured || !f.bytes || f.bytes <= 0) continue;
    const key = JSON.stringify([f.line, f.bytes, f.measured]);
    const known = items.get(key);
    if (known) known.rules.push(f.rule);
    else items.set(key, { rules: [f.rule], line: f.line, bytes: f.bytes, measured: f.measured });
  }
  return [...items.values()]
    .sort((a, b) => b.bytes - a.bytes || (a.line ?? 0) - (b.line ?? 0))
    .slice(0, limit);
}

/** Up to `max` names, then `and N more`. */
function some(names: readonly string[], max: number, code: (s: string) => string): string {
  const shown = names.slice(0, max).map(code).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/**
 * `95.4 MB of /var/lib/apt/lists in layer 2`, `215 MB of build tooling packages (gcc-12, cpp-12 and 9 more)`;
 * `code` wraps each path or package name (inline code in Markdown, as is in text).
 */
export function costPhrase(bytes: number, m: FindingMeasure, code: (s: string) => string = (s) => s): string {
  const size = formatBytes(bytes);
  if (m.packages?.length) {
    const names = m.packages.map((p) => p.slice(p.indexOf(':') + 1));
    return `${size} of build tooling packages (${some(names, 3, code)})`;
  }
  const where = m.layer === null ? '' : ` in layer ${m.layer}`;
  return m.paths.length ? `${size} of ${some(m.paths, 2, code)}${where}` : `${size}${where}`;
}

/** `IG005 line 10: 95.4 MB of /var/lib/apt/lists in layer 2` (plain text, for the terminal and logs). */
export function fixFirstLine(item: FixFirstItem): string {
  const where = item.line === null ? '' : ` line ${item.line}`;
  return `${item.rules.join(', ')}${where}: ${costPhrase(item.bytes, item.measured)}`;
}

/** The PR comment's and job summary's section; no lines when nothing was measured. */
export function fixFirstMarkdown(findings: readonly Finding[]): string[] {
  const items = fixFirst(findings);
  if (items.length === 0) return [];
  return [
    '**Fix first**: what the findings cost in this image, measured',
    '',
    ...items.map((item) => {
      const where = item.line === null ? '' : ` line ${item.line}`;
      const phrase = costPhrase(item.bytes, item.measured, (s) => inlineCode(s, 100));
      return `- ${escapeMarkdown(item.rules.join(', '))}${where}: ${phrase}`;
    }),
    '',
  ];
}
