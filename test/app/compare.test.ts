// The comparison returns the run's report built once (issue 19): complete (judged, diff, costs, the cache
// probe in it), frozen all the way down, so that a field set after it returns throws, and with every finding
// under the one resolved `ignore` list.
import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import type { RunReport } from '../../src/analysis/report.js';
import { type ComparePorts, runAnalysis, runComparison } from '../../src/app/compare.js';
import { emptyConfig, type ImageGuardConfig } from '../../src/config/config.js';
import { resolveSettings, type SettingName, type Written } from '../../src/config/settings.js';
import type { CacheProbe, Finding, Report } from '../../src/core/report.js';
import { imageData, layer } from '../analysis/helpers.js';

const OS = { createdBy: 'ADD rootfs.tar /', summary: layer('bin/sh:1000'), diffId: 'sha256:os' };
const images: Record<string, ReturnType<typeof imageData>> = {
  'base:1': imageData([OS, { createdBy: 'RUN build v1', summary: layer('app/a:1000') }], 'base:1'),
  'head:1': imageData(
    [OS, { createdBy: 'RUN build v2', summary: layer('app/a:5000', '.git/', '.git/pack:2000') }],
    'head:1',
  ),
};

const probe: CacheProbe = { changedFile: 'app.py', missed: [], missedBytes: 0, seconds: 1, note: null };
const dockerfileFinding: Finding = {
  rule: 'IG010',
  name: 'non-root',
  severity: 'warning',
  message: 'runs as root',
  file: '/repo/Dockerfile',
  line: 1,
  fix: null,
  bytes: null,
};

function ports(seen: { lintConfig?: ImageGuardConfig } = {}): ComparePorts {
  return {
    analyze: async (ref) => analyzeImage(images[ref]!),
    registry: () => {
      throw new Error('no registry is named');
    },
    containers: () => undefined,
    lint: async (_path, options) => {
      seen.lintConfig = options.config;
      return {
        findings: [dockerfileFinding],
        judged: { stage: null, index: 0, line: 1, reason: 'last stage' },
      };
    },
    cacheProbe: async () => probe,
  };
}

const settingsOf = (written: Partial<Record<SettingName, string>> = {}) =>
  resolveSettings(
    Object.fromEntries(
      Object.entries(written).map(([k, text]) => [k, { text, shown: k } satisfies Written]),
    ) as Partial<Record<SettingName, Written>>,
  ).settings;

const compare = (config: ImageGuardConfig = emptyConfig(), seen = {}) =>
  runComparison(
    {
      head: { ref: 'head:1', label: 'abc1234' },
      base: { ref: 'base:1', label: 'def5678' },
      dockerfile: { path: '/repo/Dockerfile', context: '/repo', target: null },
      settings: settingsOf({ 'max-size': '1MB', 'fail-on': 'error' }),
      config,
      root: '/repo',
    },
    ports(seen),
  );

/** Every object in `value` is frozen; returns how many there were. */
function frozenObjects(value: unknown, path = 'result'): number {
  if (typeof value !== 'object' || value === null) return 0;
  expect(Object.isFrozen(value), `${path} is frozen`).toBe(true);
  let count = 1;
  for (const [key, child] of Object.entries(value)) count += frozenObjects(child, `${path}.${key}`);
  return count;
}

/** Setting any field of the report, present or not, and any nested one, throws. */
function expectNoFieldCanBeSet(result: RunReport): void {
  // The types say readonly; what is tested here is that a write that gets past them still fails.
  const report = result.report as Report;
  const fieldsOfReport = result.report as unknown as Record<string, unknown>;
  const fields: (keyof Report)[] = [
    'schemaVersion',
    'tool',
    'head',
    'base',
    'baseUnavailable',
    'delta',
    'layers',
    'findings',
    'budgets',
    'passed',
    'judged',
    'cacheProbe',
    'costs',
    'diff',
  ];
  for (const field of fields) {
    expect(() => {
      fieldsOfReport[field] = null;
    }, field).toThrow(TypeError);
  }
  expect(() => {
    report.findings.push(dockerfileFinding);
  }).toThrow(TypeError);
  expect(() => {
    report.head!.size = 0;
  }).toThrow(TypeError);
  expect(() => {
    (result.unchecked as string[]).push('x');
  }).toThrow(TypeError);
}

describe('runComparison', () => {
  it('returns the report complete: judged, diff, costs and the cache probe are in it', async () => {
    const { report, explore, labels } = await compare();
    expect(Object.keys(report)).toEqual([
      'schemaVersion',
      'tool',
      'head',
      'base',
      'baseUnavailable',
      'delta',
      'layers',
      'findings',
      'budgets',
      'passed',
      'judged',
      'diff',
      'costs',
      'cacheProbe',
    ]);
    expect(report.judged).toEqual({ stage: null, index: 0, line: 1, reason: 'last stage' });
    expect(report.cacheProbe).toEqual(probe);
    expect(report.diff?.net).toBe(6000);
    expect(report.costs?.head.size).toBe(report.head!.size);
    expect(explore.head).not.toBeNull();
    expect(explore.base).not.toBeNull();
    expect(labels).toEqual({ headLabel: 'abc1234', baseLabel: 'def5678' });
    // Decided from everything in it: the IG103 warning does not reach fail-on error, the budget holds.
    expect(report.findings.map((f) => f.rule).sort()).toEqual(['IG010', 'IG103']);
    expect(report.budgets).toEqual([expect.objectContaining({ name: 'max-size', passed: true })]);
    expect(report.passed).toBe(true);
  });

  it('is frozen all the way down: no field can be set after it returns', async () => {
    const result = await compare();
    expect(frozenObjects(result)).toBeGreaterThan(50);
    expectNoFieldCanBeSet(result);
  });

  it('judges every finding by the one resolved ignore list, the config’s', async () => {
    const seen: { lintConfig?: ImageGuardConfig } = {};
    const config = { ...emptyConfig(), ignore: ['IG103', 'IG010'] };
    const { report } = await compare(config, seen);
    // The content rule is dropped here; the Dockerfile's rules are the linter's to drop, with the same config.
    expect(report.findings.map((f) => f.rule)).toEqual(['IG010']);
    expect(seen.lintConfig).toBe(config);
  });
});

describe('runAnalysis', () => {
  it('returns one image’s report, frozen all the way down', async () => {
    const result = await runAnalysis('head:1', settingsOf({ 'max-layers': '1' }), emptyConfig(), ports());
    expect(result.report.base).toBeNull();
    expect(result.report.budgets).toEqual([expect.objectContaining({ name: 'max-layers', passed: false })]);
    expect(result.report.passed).toBe(false);
    expect(result.report).not.toHaveProperty('costs');
    frozenObjects(result);
    expectNoFieldCanBeSet(result);
  });
});
