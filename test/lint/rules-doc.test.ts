import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CONTENT_RULES } from '../../src/analysis/content-rules/index.js';
import { RULES } from '../../src/lint/rules/index.js';
import { renderReadmeRules, renderRulesMarkdown, replaceReadmeRules } from '../../src/lint/rules-doc.js';

it('docs/rules.md is what the registry renders (run `node scripts/gen-docs.mjs`)', () => {
  expect(readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')).toBe(
    renderRulesMarkdown(RULES, CONTENT_RULES),
  );
});

it("the README's rules tables are what the registries render (run `node scripts/gen-docs.mjs`)", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(readme).toBe(replaceReadmeRules(readme, renderReadmeRules(RULES, CONTENT_RULES)));
  for (const r of [...RULES, ...CONTENT_RULES])
    expect(readme).toContain(`| ${r.id} | ${r.name} | ${r.severity} |`);
});

it('every rule has a name, a summary, a rationale and a fix', () => {
  for (const r of [...RULES, ...CONTENT_RULES]) {
    expect(r.id).toMatch(/^IG[01]\d\d$/);
    expect(r.name).toMatch(/^[a-z][a-z0-9-]+$/);
    for (const text of [r.summary, r.rationale, r.fix]) expect(text.length).toBeGreaterThan(15);
  }
});
