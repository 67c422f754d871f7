import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configFromObject, emptyConfig, loadConfig } from '../../src/config/config.js';
import { UserError } from '../../src/core/errors.js';

/** Nine levels of nine aliases each: 9^9 strings once expanded ("billion laughs"). */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\n`;
}

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
      severity: { IG016: 'off', IG009: 'warning', IG012: 'error' },
      settings: {
        ignore: ['IG004', 'IG007'],
        'fail-on': 'warning',
        'max-size': 250_000_000,
        'max-increase': { percent: 5 },
        'max-wasted': Math.round(1.5 * 1024 ** 3),
        'min-efficiency': 0.9,
        'max-layers': 20,
        files: false,
      },
      written: {
        ignore: 'IG004, ig007',
        'fail-on': 'warning',
        'max-size': '250MB',
        'max-increase': '5%',
        'max-wasted': '1.5GiB',
        'min-efficiency': '0.9',
        'max-layers': '20',
        files: 'false',
      },
    });
  });

  it('reads an explicit path relative to cwd, and lists and numbers', async () => {
    writeFileSync(
      join(dir, 'c.yml'),
      'ignore:\n  - IG101\n  - IG014\nmax-size: 1048576\nmax-increase: 10MB\n',
    );
    const c = await loadConfig('c.yml', dir);
    expect(c.ignore).toEqual(['IG101', 'IG014']);
    expect(c.settings['max-size']).toBe(1048576);
    expect(c.settings['max-increase']).toEqual({ bytes: 10_000_000 });
  });

  it('an empty file is the empty config', async () => {
    writeFileSync(join(dir, 'empty.yml'), '# nothing\n');
    expect({ ...(await loadConfig('empty.yml', dir)), path: null }).toEqual(emptyConfig());
  });

  const bad: [string, string, RegExp][] = [
    [
      'unknown key',
      'fail_on: warning\n',
      /unknown key at line 1 \(not shown; did you mean fail-on\?\): the keys are max-size, max-increase/,
    ],
    ['bad fail-on', 'fail-on: loud\n', /fail-on "loud" must be error, warning, info or never/],
    ['bad rule id', 'ignore: IG999\n', /unknown rule id "IG999"/],
    ['bad size', 'max-size: huge\n', /max-size "huge" is not a size \(write 250MB/],
    ['bad increase', 'max-increase: lots\n', /max-increase "lots" is neither a size nor a percentage/],
    ['bad efficiency', 'min-efficiency: 2\n', /min-efficiency 2 must be a number from 0 to 1/],
    ['bad layers', 'max-layers: 2.5\n', /max-layers 2.5 must be a whole number/],
    ['bad files', 'files: maybe\n', /files "maybe" must be true or false/],
    [
      'a key that is no config key',
      'dockerfile: x\n',
      /"dockerfile" at line 1 is an input and a flag, not a config key/,
    ],
    [
      'an unknown key with no value',
      'max-sise:\nfail-on: never\n',
      /unknown key at line 1 \(not shown; did you mean max-size\?\)/,
    ],
    [
      'a mapping where a value goes',
      'max-size:\n  a: 1\n',
      /max-size \{"a":1\} must be text, a number or true\/false/,
    ],
    ['nesting too deep', `x: ${'['.repeat(20_000)}\n`, /not valid YAML|nested too deeply/],
    ['bad severity level', 'severity:\n  IG004: loud\n', /IG004: write error, warning, info or off/],
    ['severity not a map', 'severity: off\n', /severity: write a mapping/],
    ['not a mapping', '- a\n- b\n', /write a mapping of keys/],
    ['invalid YAML', 'ignore: [IG004\n', /is not valid YAML/],
    [
      'a YAML alias bomb',
      aliasBomb(),
      /expands its YAML aliases \(\*name\) beyond 100: a config file needs none/,
    ],
    [
      'a !!js/function tag',
      'max-size: !!js/function "function(){}"\n',
      /:1 has a YAML tag \(!!…\) this reader does not know/,
    ],
    [
      'a !!python tag',
      'fail-on: warning\nignore: !!python/object/apply:os.system ["id"]\n',
      /:2 has a YAML tag/,
    ],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name} with one line saying what to write`, async () => {
      const f = `bad-${name.replace(/\W+/g, '-')}.yml`;
      writeFileSync(join(dir, f), text);
      const warnings = vi.spyOn(process, 'emitWarning');
      const error = await loadConfig(f, dir).catch((e: unknown) => e);
      // nothing else is printed: the YAML parser's warnings would quote the file's lines on stderr
      expect(warnings).not.toHaveBeenCalled();
      warnings.mockRestore();
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    });
  }

  it('a file that is no config (an /etc/shadow shape) is refused without quoting a line of it', async () => {
    const hash = '$y$j9T$Sx0WzKq1b2c3d4e5f6g7h8$i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6A7B8C9';
    writeFileSync(join(dir, 'shadow'), `root:${hash}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`);
    const error = (await loadConfig('shadow', dir).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      /^config shadow: unknown key at line 1 \(not shown\), unknown key at line 2/,
    );
    for (const secret of ['root', 'daemon', '$y$', '19000', 'i9j0k1'])
      expect(error.message).not.toContain(secret);
  });

  it('a severity key that is no rule id is not quoted; one shaped like a rule id is', async () => {
    expect(() => configFromObject({ severity: { hunter2: 'off' } }, 'x')).toThrow(
      /^x: severity: unknown rule id \(not shown\): rule ids are/,
    );
    expect(() => configFromObject({ severity: { IG999: 'off' } }, 'x')).toThrow(/unknown rule id "IG999"/);
  });

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
  it('treats null values of config keys as unset, and refuses unknown keys whatever their value', () => {
    expect(configFromObject({ 'max-size': null }, 'x').settings).toEqual({});
    expect(() => configFromObject({ 'max-sise': null }, 'x')).toThrow(
      /unknown key \(not shown; did you mean max-size\?\)/,
    );
  });
  it('reports every bad value at once', () => {
    expect(() =>
      configFromObject({ 'max-size': -1, 'fail-on': 'fatal', 'min-efficiency': 2 }, 'config x.yml'),
    ).toThrow(
      new UserError(
        'config x.yml: max-size -1 is not a size (write 250MB, 1.2GiB or bytes); fail-on "fatal" must be error, warning, info or never; min-efficiency 2 must be a number from 0 to 1 (e.g. 0.95)',
      ),
    );
  });
  it('takes the settings the table marks as config keys, parsed like inputs', () => {
    expect(
      configFromObject(
        {
          'pull-size': false,
          'pull-bandwidth': '1Gbit/s',
          'startup-probe': 'port:8000',
          'startup-runs': 5,
          'build-time': 'fresh',
          'cache-probe': true,
        },
        'x',
      ).settings,
    ).toEqual({
      'pull-size': false,
      'pull-bandwidth': 1e9,
      'startup-probe': { kind: 'port', port: 8000 },
      'startup-runs': 5,
      'build-time': 'fresh',
      'cache-probe': true,
    });
  });
});

describe('loadConfig bounds', () => {
  it('reads a regular file only, and one of at most 64 KiB, saying which bound', async () => {
    const big = join(dir, 'big.yml');
    writeFileSync(big, `# ${'x'.repeat(70 * 1024)}\n`);
    await expect(loadConfig('big.yml', dir)).rejects.toThrow(
      /config big.yml is 71\.7 kB: config files are read up to 65\.5 kB/,
    );
    await expect(loadConfig('/dev/zero', dir)).rejects.toThrow(/config \/dev\/zero is not a regular file/);
  });
  it('does not block on a FIFO', async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(dir, 'fifo.yml')]);
    await expect(loadConfig('fifo.yml', dir)).rejects.toThrow(/is not a regular file/);
  });
});
