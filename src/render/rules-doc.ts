// docs/rules.md, rendered from the rule registries (scripts/gen-docs.mjs writes it, and
// test/render/rules-doc.test.ts fails when the committed file differs).
import type { ContentRule } from '../analysis/content-rules/rule.js';
import { FIXES } from '../lint/fix/index.js';
import type { Rule } from '../lint/rule.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRulesMarkdown(rules: readonly Rule[], contentRules: readonly ContentRule[]): string {
  const out: string[] = [
    '<!-- Generated from src/lint/rules/index.ts and src/analysis/content-rules/index.ts by `node scripts/gen-docs.mjs`: do not edit by hand. -->',
    '# Dockerfile rules',
    '',
    '`image-guard lint` (and `compare --dockerfile`, and the Action) judge the Dockerfile with these rules.',
    'Silence one for an instruction with `# image-guard ignore=IG004,IG007` on the line above it, for the',
    'whole file with `# image-guard ignore-file=IG016`, or in `.image-guard.yml` with `ignore:` and',
    '`severity:` (`error`, `warning`, `info` or `off` per rule id).',
    '',
    ...rulesTable(rules),
    '',
    ...fixesSection(),
  ];
  const section = (r: Rule | ContentRule) =>
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
  rules.forEach(section);
  out.push(
    '# Image-content rules',
    '',
    '`analyze`, `compare` and the Action judge the final filesystem of the image itself with these rules (not',
    'with `--no-files` / `files: false`). Silence them in `.image-guard.yml` with `ignore:` and `severity:`, or',
    'with the `ignore` input or flag.',
    '',
    ...rulesTable(contentRules),
    '',
  );
  contentRules.forEach(section);
  return out.join('\n');
}

/** Which rules `lint --fix` fixes, and how (from the fixer's own table). */
function fixesSection(): string[] {
  return [
    '## Mechanical fixes',
    '',
    '`image-guard lint --fix` makes the fixes below when their effect is certain, and lists every other finding',
    'as left for a person, with why ([the CLI](cli.md#fixing-lint---fix)). A fix that cannot be made safely (a',
    'command built from variables, an archive ADD unpacks, a lockfile that is not copied where npm runs, an',
    'ignore-file entry the build reads) is not made.',
    '',
    '| rule | what `--fix` does |',
    '|---|---|',
    ...Object.entries(FIXES).map(([id, f]) => `| ${id} | ${cell(f.does)} |`),
    '',
    'On a pull request the Action posts the same fixes as suggestions in a review, on the lines the diff shows',
    '([review suggestions](inputs.md#review-suggestions)); the reviewer commits one with a click. The review',
    "image-guard posts for a PR that adds the bundled example's `Dockerfile.single`, as a reviewer sees it",
    '(`npm run screenshot -- --review`, from the recorded request):',
    '',
    '<img src="images/pr-suggestion.png" width="640" alt="A review image-guard posted: on each fixable line of the Dockerfile, the finding, its fix, and a Suggested change with a Commit suggestion button">',
    '',
  ];
}

function rulesTable(
  rules: readonly { id: string; name: string; severity: string; summary: string }[],
): string[] {
  return [
    '| id | name | severity | fires when |',
    '|---|---|---|---|',
    ...rules.map((r) => `| ${r.id} | ${r.name} | ${r.severity} | ${cell(r.summary)} |`),
  ];
}
