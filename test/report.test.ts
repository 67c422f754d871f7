import { describe, expect, it } from 'vitest';
import { decidePassed, type Finding, reachesFailOn } from '../src/core/report.js';

const finding = (severity: Finding['severity']): Finding => ({
  rule: 'IG999',
  name: 'x',
  severity,
  message: 'm',
  file: null,
  line: null,
  fix: null,
  bytes: null,
});

describe('fail-on', () => {
  it.each([
    ['error', 'error', true],
    ['warning', 'error', false],
    ['warning', 'warning', true],
    ['error', 'info', true],
    ['info', 'warning', false],
    ['error', 'never', false],
  ] as const)('%s at fail-on %s fails: %s', (severity, failOn, fails) => {
    expect(reachesFailOn(severity, failOn)).toBe(fails);
  });

  it('a broken budget fails whatever fail-on says', () => {
    expect(
      decidePassed([], [{ name: 'max-size', limit: 1, actual: 2, passed: false, unit: 'bytes' }], 'never'),
    ).toBe(false);
    expect(decidePassed([finding('warning')], [], 'error')).toBe(true);
  });
});
