import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../../src/config/config.js';
import { lint } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { df } from './rule-tester.js';

const ids = (text: string, opts: Parameters<typeof lint>[2] = {}) =>
  lint(text, null, opts).map((f) => `${f.line} ${f.rule}`);

describe('inline ignores', () => {
  const base = ['FROM python:3.13-slim', 'ENV PYTHONUNBUFFERED=1', 'USER app'];
  it('silences the listed rules for the instruction right below', () => {
    const text = df(...base, '# image-guard ignore=IG004,IG007', 'RUN pip install a', 'RUN pip install b');
    expect(ids(text)).toEqual(['6 IG004', '6 IG007']);
    const text2 = df(...base, 'RUN pip install a', '# image-guard ignore=IG004, IG007', 'RUN pip install b');
    expect(ids(text2)).toEqual(['4 IG004']);
  });
  it('accepts stacked comments directly above, not across a blank line', () => {
    expect(
      ids(df(...base, '# image-guard ignore=IG004', '# why: vendored wheels', 'RUN pip install a')),
    ).toEqual([]);
    expect(ids(df(...base, '# image-guard ignore=IG004', '', 'RUN pip install a'))).toEqual(['6 IG004']);
  });
  it('ignore-file silences a rule anywhere', () => {
    expect(
      ids(df('FROM python:3.13-slim', 'USER app', 'RUN echo', '# image-guard ignore-file=IG016')),
    ).toEqual([]);
    expect(ids(df('FROM python:3.13-slim', 'USER app'))).toEqual(['1 IG016']);
  });
  it('does not silence other rules or other instructions', () => {
    expect(ids(df(...base, '# image-guard ignore=IG005', 'RUN pip install a'))).toEqual(['5 IG004']);
  });
});

describe('config', () => {
  const text = df('FROM python:3.13-slim', 'RUN pip install a', 'RUN pip install b');
  it('ignore drops rules; severity overrides change or switch them off', () => {
    const config = {
      ...emptyConfig(),
      ignore: ['IG016'],
      severity: { IG004: 'error', IG007: 'off' } as const,
    };
    const found = lint(text, null, { config });
    expect(found.map((f) => `${f.line} ${f.rule} ${f.severity}`)).toEqual([
      '1 IG010 warning',
      '2 IG004 error',
      '3 IG004 error',
    ]);
  });
});

describe('findings', () => {
  it('are sorted by line, then rule, and carry file, fix and bytes', () => {
    const found = lint(df('FROM python:3.13', 'RUN pip install a'), null, { file: 'app/Dockerfile' });
    expect(found.map((f) => `${f.line} ${f.rule}`)).toEqual(['1 IG002', '1 IG010', '1 IG016', '2 IG004']);
    for (const f of found) {
      expect(f.file).toBe('app/Dockerfile');
      expect(f.fix).toBeTruthy();
      expect(f.bytes).toBeNull();
      expect(RULES.find((r) => r.id === f.rule)!.name).toBe(f.name);
    }
  });
  it('a file without FROM runs only IG000', () => {
    expect(ids('RUN pip install x\n')).toEqual(['1 IG000']);
  });
  it('--target limits the rules to the stages the target needs', () => {
    const text = df(
      'FROM python:3.13 AS dev',
      'RUN apt-get update',
      'FROM python:3.13-slim AS prod',
      'USER app',
      'ENV PYTHONUNBUFFERED=1',
    );
    expect(ids(text)).toEqual([]);
    expect(ids(text, { target: 'dev' })).toEqual(['1 IG002', '1 IG010', '1 IG016', '2 IG006']);
  });
  it('the registry lists every catalogue rule once, in order', () => {
    expect(RULES.map((r) => r.id)).toEqual(
      Array.from({ length: 19 }, (_, i) => `IG${String(i).padStart(3, '0')}`),
    );
  });
  it('survives hostile input without throwing', () => {
    for (const t of [
      '\u0000\u0001',
      'FROM',
      'FROM a\nRUN ["',
      'FROM a\nCOPY --from=',
      'FROM a AS\n',
      '\\\n\\\n',
      'FROM a\nRUN <<',
      'FROM a\nUSER',
    ]) {
      expect(() => lint(t, null)).not.toThrow();
    }
  });
});
