import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules/index.js';
import { renderRulesMarkdown } from '../../src/lint/rules-doc.js';

it('docs/rules.md is what the registry renders (run `node scripts/gen-rules-doc.mjs`)', () => {
  expect(readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')).toBe(
    renderRulesMarkdown(RULES),
  );
});

it('every rule has a name, a summary, a rationale and a fix', () => {
  for (const r of RULES) {
    expect(r.id).toMatch(/^IG0\d\d$/);
    expect(r.name).toMatch(/^[a-z][a-z0-9-]+$/);
    for (const text of [r.summary, r.rationale, r.fix]) expect(text.length).toBeGreaterThan(15);
  }
});
