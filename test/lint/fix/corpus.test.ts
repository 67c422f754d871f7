// `lint --fix` over every Dockerfile of the lint corpus (test/lint/corpus/): the result parses, the findings
// it says it fixed are gone, no finding appears that was not there, and a second run changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import { parseDockerfile } from '../../../src/lint/parse.js';
import { runFix } from './support.js';

const DIR = join(import.meta.dirname, '..', 'corpus');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.Dockerfile'))
  .sort();

const rules = (findings: readonly { rule: string }[]) => findings.map((f) => f.rule).sort();

describe('lint --fix on the corpus', () => {
  let fixedAny = 0;
  for (const f of files) {
    it(f, () => {
      const code = readFileSync(join(DIR, f), 'utf8');
      const before = lint(code, null, { file: 'Dockerfile' });
      const r = runFix({ code });
      fixedAny += r.fixed.length;
      expect(parseDockerfile(r.text).problems).toEqual(parseDockerfile(code).problems);
      const after = lint(r.text, null, { file: 'Dockerfile' });
      expect(after).toEqual(r.findings);
      // what is left is exactly what was there minus what was fixed, rule by rule
      const gone = rules(r.fixed.map((x) => x.finding));
      const expected = rules(before);
      for (const rule of gone) expected.splice(expected.indexOf(rule), 1);
      expect(rules(after)).toEqual(expected);
      expect(rules(r.left.map((l) => l.finding))).toEqual(expected);
      const second = runFix({ code: r.text });
      expect(second.text).toBe(r.text);
      expect(second.fixed).toEqual([]);
    });
  }
  it('fixes something in the corpus', () => {
    expect(fixedAny).toBeGreaterThanOrEqual(8);
  });
});
