import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CONTENT_RULES } from '../../src/analysis/content-rules/index.js';
import { RULES } from '../../src/lint/rules/index.js';
import { renderRulesMarkdown } from '../../src/render/rules-doc.js';

it('docs/rules.md is what the registry renders, with every rule (run `node scripts/gen-docs.mjs`)', () => {
  const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
  expect(doc).toBe(renderRulesMarkdown(RULES, CONTENT_RULES));
  for (const r of [...RULES, ...CONTENT_RULES])
    expect(doc).toContain(`| ${r.id} | ${r.name} | ${r.severity} |`);
});

it('every rule has a name, a summary, a rationale and a fix', () => {
  for (const r of [...RULES, ...CONTENT_RULES]) {
    expect(r.id).toMatch(/^IG[01]\d\d$/);
    expect(r.name).toMatch(/^[a-z][a-z0-9-]+$/);
    for (const text of [r.summary, r.rationale, r.fix]) expect(text.length).toBeGreaterThan(15);
  }
});
