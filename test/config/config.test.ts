import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromObject, emptyConfig, loadConfig } from '../../src/config/config.js';
import { UserError } from '../../src/core/errors.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ig-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('is the empty config when there is no .image-guard.yml', async () => {
    expect(await loadConfig(null, dir)).toEqual(emptyConfig());
  });

  it('reads .image-guard.yml from cwd with every key', async () => {
    const d = join(dir, 'full');
    mkdirSync(d);
    writeFileSync(
      join(d, '.image-guard.yml'),
      [
        'ignore: IG004, ig007',
        'fail-on: warning',
        'max-size: 250MB',
        'max-increase: 5%',
        'max-wasted: 1.5GiB',
        'min-efficiency: 0.9',
        'max-layers: 20',
        'files: false',
        'severity:',
        '  IG016: off',
        '  IG009: warning',
        '  ig012: error',
      ].join('\n'),
    );
    expect(await loadConfig(null, d)).toEqual({
      path: join(d, '.image-guard.yml'),
      ignore: ['IG004', 'IG007'],
      failOn: 'warning',
      severity: { IG016: 'off', IG009: 'warning', IG012: 'error' },
      maxSize: 250_000_000,
      maxIncrease: { percent: 5 },
      maxWasted: Math.round(1.5 * 1024 ** 3),
      minEfficiency: 0.9,
      maxLayers: 20,
      files: false,
    });
  });

  it('reads an explicit path relative to cwd, and lists and numbers', async () => {
    writeFileSync(
      join(dir, 'c.yml'),
      'ignore:\n  - IG101\n  - IG014\nmax-size: 1048576\nmax-increase: 10MB\n',
    );
    const c = await loadConfig('c.yml', dir);
    expect(c.ignore).toEqual(['IG101', 'IG014']);
    expect(c.maxSize).toBe(1048576);
    expect(c.maxIncrease).toEqual({ bytes: 10_000_000 });
  });

  it('an empty file is the empty config', async () => {
    writeFileSync(join(dir, 'empty.yml'), '# nothing\n');
    expect({ ...(await loadConfig('empty.yml', dir)), path: null }).toEqual(emptyConfig());
  });

  const bad: [string, string, RegExp][] = [
    ['unknown key', 'fail_on: warning\n', /unknown key "fail_on": the keys are ignore, fail-on/],
    ['bad fail-on', 'fail-on: loud\n', /fail-on: write one of error, warning, info, never/],
    ['bad rule id', 'ignore: IG999\n', /unknown rule id "IG999"/],
    ['bad size', 'max-size: huge\n', /max-size: write a size like 250MB/],
    ['bad increase', 'max-increase: lots\n', /max-increase: write a size like 10MB or a percentage/],
    ['bad efficiency', 'min-efficiency: 2\n', /min-efficiency: write a number from 0 to 1/],
    ['bad layers', 'max-layers: 2.5\n', /max-layers: write a whole number/],
    ['bad files', 'files: maybe\n', /files: write true or false/],
    ['bad severity level', 'severity:\n  IG004: loud\n', /IG004: write error, warning, info or off/],
    ['severity not a map', 'severity: off\n', /severity: write a mapping/],
    ['not a mapping', '- a\n- b\n', /write a mapping of keys/],
    ['invalid YAML', 'ignore: [IG004\n', /is not valid YAML/],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name} with one line saying what to write`, async () => {
      const f = `bad-${name.replace(/\W+/g, '-')}.yml`;
      writeFileSync(join(dir, f), text);
      const error = await loadConfig(f, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    });
  }

  it('a missing explicit file or a directory is a UserError', async () => {
    await expect(loadConfig('nope.yml', dir)).rejects.toThrow(/config nope.yml not found/);
    mkdirSync(join(dir, 'adir.yml'));
    await expect(loadConfig('adir.yml', dir)).rejects.toThrow(/is a directory/);
  });
});

describe('configFromObject', () => {
  it('accepts YAML false as off for a severity', () => {
    expect(configFromObject({ severity: { IG007: false } }, 'x').severity).toEqual({ IG007: 'off' });
  });
  it('treats null values as unset', () => {
    expect(configFromObject({ 'max-size': null }, 'x').maxSize).toBeNull();
  });
});
