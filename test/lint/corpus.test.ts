// Dockerfiles shaped like real projects' (each written for this repository, not copied), with the findings a
// careful reviewer expects written in the file's header and judged by hand:
//   # corpus: <the kind of project it stands for>
//   # expect: IG010@3 IG016@3      (rule@line, or `none`)
// The test fails on a crash, on a finding not expected and on an expected finding missing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';

const DIR = join(import.meta.dirname, 'corpus');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.Dockerfile'))
  .sort();

function header(text: string, key: string): string | null {
  const m = new RegExp(`^# ${key}: (.+)$`, 'm').exec(text);
  return m ? m[1]!.trim() : null;
}

describe('corpus of real-world shapes', () => {
  it('has files, each saying what it stands for and what it expects', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(DIR, f), 'utf8');
      expect(header(text, 'corpus'), f).not.toBeNull();
      expect(header(text, 'expect'), f).toMatch(/^(none|(IG\d{3}@\d+)( IG\d{3}@\d+)*)$/);
    }
  });

  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(DIR, f), 'utf8');
      const expected = header(text, 'expect')!;
      const want = expected === 'none' ? [] : expected.split(' ').sort();
      const got = lint(text, null, { file: f })
        .map((x) => `${x.rule}@${x.line}`)
        .sort();
      expect(got).toEqual(want);
    });
  }
});
