// An ESLint-RuleTester-like table runner: each case goes through the whole engine (parser, stage graph,
// registry, ignores) and only the findings of the rule under test are compared, by id and line.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/report.js';
import { memoryTree, walkContext } from '../../src/lint/context.js';
import { lint } from '../../src/lint/engine.js';

export interface Case {
  /** Dockerfile text. */
  code: string;
  name?: string;
  /** Context listing (`{ 'src/app.py': 10, 'empty/': 0 }`); absent: no context. */
  context?: Record<string, number>;
  /** .dockerignore text (only with `context`); null or absent: no ignore file. */
  dockerignore?: string | null;
  target?: string;
}

export interface InvalidCase extends Case {
  /** The lines the rule reports, in order. */
  lines: number[];
  /** A substring every message must contain. */
  message?: string;
  /** A substring every finding's fix advice must contain. */
  fix?: string;
  /** A substring no finding's fix advice may contain. */
  notFix?: string;
  bytes?: number | null;
}

export function lintCase(c: Case): Finding[] {
  const context = c.context
    ? walkContext(
        memoryTree(c.context),
        c.dockerignore ?? null,
        c.dockerignore == null ? null : '.dockerignore',
      )
    : null;
  return lint(c.code, context, { file: 'Dockerfile', target: c.target });
}

function title(c: Case): string {
  return c.name ?? c.code.replace(/\n/g, ' ⏎ ').slice(0, 100);
}

export function ruleTester(
  ruleId: string,
  table: { valid: (Case | string)[]; invalid: InvalidCase[] },
): void {
  describe(ruleId, () => {
    describe('valid (near misses)', () => {
      for (const raw of table.valid) {
        const c = typeof raw === 'string' ? { code: raw } : raw;
        it(title(c), () => {
          const found = lintCase(c).filter((f) => f.rule === ruleId);
          expect(found.map((f) => `${f.line}: ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid (fires)', () => {
      for (const c of table.invalid) {
        it(title(c), () => {
          const found = lintCase(c).filter((f) => f.rule === ruleId);
          expect(found.map((f) => f.line)).toEqual(c.lines);
          for (const f of found) {
            expect(f.message.length).toBeGreaterThan(20);
            if (c.message) expect(f.message).toContain(c.message);
            if (c.fix) expect(f.fix).toContain(c.fix);
            if (c.notFix) expect(f.fix).not.toContain(c.notFix);
            if (c.bytes !== undefined) expect(f.bytes).toBe(c.bytes);
          }
        });
      }
    });
  });
}

/** Joins lines into Dockerfile text. */
export const df = (...lines: string[]): string => `${lines.join('\n')}\n`;
