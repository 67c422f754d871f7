// The rules table of docs/rules.md, rendered from the registry (scripts/gen-rules-doc.mjs writes it, and
// test/lint/rules-doc.test.ts fails when the committed file differs).
import type { Rule } from './rule.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRulesMarkdown(rules: readonly Rule[]): string {
  const out: string[] = [
    '<!-- Generated from src/lint/rules/index.ts by `node scripts/gen-rules-doc.mjs`: do not edit by hand. -->',
    '# Dockerfile rules',
    '',
    '`image-guard lint` (and `compare --dockerfile`, and the Action) judge the Dockerfile with these rules.',
    'Silence one for an instruction with `# image-guard ignore=IG004,IG007` on the line above it, for the',
    'whole file with `# image-guard ignore-file=IG016`, or in `.image-guard.yml` with `ignore:` and',
    '`severity:` (`error`, `warning`, `info` or `off` per rule id).',
    '',
    '| id | name | severity | fires when |',
    '|---|---|---|---|',
    ...rules.map((r) => `| ${r.id} | ${r.name} | ${r.severity} | ${cell(r.summary)} |`),
    '',
  ];
  for (const r of rules) {
    out.push(
      `## ${r.id} ${r.name}`,
      '',
      `**Severity:** ${r.severity}`,
      '',
      cell(r.summary),
      '',
      `Why: ${cell(r.rationale)}`,
      '',
      `Fix: ${cell(r.fix)}`,
      '',
    );
  }
  return out.join('\n');
}
