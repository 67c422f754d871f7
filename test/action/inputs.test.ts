import { describe, expect, it } from 'vitest';
import {
  ACTION_DEFAULTS,
  getInputs,
  INPUT_NAMES,
  inputVariable,
  mergeConfig,
  type ParsedInputs,
} from '../../src/action/inputs.js';
import { UserError } from '../../src/core/errors.js';

/** The environment the runner gives the Action for these `with:` values, plus action.yml's defaults. */
function runnerEnv(inputs: Record<string, string>, { defaults = true } = {}): NodeJS.ProcessEnv {
  const all = { ...(defaults ? ACTION_DEFAULTS : {}), ...inputs };
  return Object.fromEntries(Object.entries(all).map(([name, value]) => [inputVariable(name), value]));
}

const badInputs = (env: NodeJS.ProcessEnv): string => {
  try {
    getInputs(env);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('getInputs accepted bad inputs');
};

describe('inputVariable', () => {
  it('names variables as @actions/core does: upper case, spaces to _, hyphens kept', () => {
    expect(inputVariable('build-args')).toBe('INPUT_BUILD-ARGS');
    expect(inputVariable('max-size')).toBe('INPUT_MAX-SIZE');
    expect(inputVariable('github-token')).toBe('INPUT_GITHUB-TOKEN');
    expect(inputVariable('some input')).toBe('INPUT_SOME_INPUT');
  });

  it('covers every input of action.yml', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(action.inputs).sort());
    const defaults = Object.fromEntries(
      Object.entries(action.inputs)
        .filter(([name, input]) => input.default !== undefined && name !== 'github-token')
        .map(([name, input]) => [name, input.default]),
    );
    expect(ACTION_DEFAULTS).toEqual(defaults);
  });
});

describe('getInputs', () => {
  it('gives the defaults when the runner passes only action.yml defaults', () => {
    const inputs = getInputs(runnerEnv({}));
    expect(inputs).toMatchObject({
      dockerfile: 'Dockerfile',
      context: '.',
      target: null,
      'build-args': [],
      image: null,
      'base-image': null,
      'base-ref': null,
      'max-size': null,
      'max-increase': null,
      'max-wasted': null,
      'min-efficiency': null,
      'max-layers': null,
      'fail-on': 'error',
      ignore: [],
      config: null,
      files: true,
      'cache-probe': false,
      comment: true,
      'comment-key': null,
      'github-token': '',
    });
    expect([...inputs.explicit]).toEqual([]);
  });

  it('gives the same defaults with no INPUT_ variables at all (run outside a runner)', () => {
    const { explicit: _a, ...bare } = getInputs({});
    const { explicit: _b, ...withDefaults } = getInputs(runnerEnv({}));
    expect(bare).toEqual(withDefaults);
  });

  it('reads every input', () => {
    const inputs = getInputs(
      runnerEnv({
        dockerfile: 'docker/app.Dockerfile',
        context: 'app',
        target: 'runtime',
        'build-args': 'NODE_VERSION=24\n\n  GREETING=hello world = yes  \n',
        image: 'shop:pr-7',
        'base-image': 'ghcr.io/octo-org/shop:main',
        'base-ref': 'origin/main',
        'max-size': '1.2GiB',
        'max-increase': '5%',
        'max-wasted': '20 MB',
        'min-efficiency': '0.95',
        'max-layers': '12',
        'fail-on': 'Warning',
        ignore: 'IG101, dl3008\nIG104',
        config: 'ci/image-guard.yml',
        files: 'false',
        'cache-probe': 'TRUE',
        comment: 'False',
        'comment-key': 'app-runtime',
        'github-token': '  ghs_token  ',
      }),
    );
    expect(inputs).toMatchObject({
      dockerfile: 'docker/app.Dockerfile',
      context: 'app',
      target: 'runtime',
      'build-args': ['NODE_VERSION=24', 'GREETING=hello world = yes'],
      image: 'shop:pr-7',
      'base-image': 'ghcr.io/octo-org/shop:main',
      'base-ref': 'origin/main',
      'max-size': Math.round(1.2 * 1024 ** 3),
      'max-increase': { percent: 5 },
      'max-wasted': 20_000_000,
      'min-efficiency': 0.95,
      'max-layers': 12,
      'fail-on': 'warning',
      ignore: ['IG101', 'DL3008', 'IG104'],
      config: 'ci/image-guard.yml',
      files: false,
      'cache-probe': true,
      comment: false,
      'comment-key': 'app-runtime',
      'github-token': 'ghs_token',
    });
    expect(getInputs(runnerEnv({ 'max-increase': '10MB' }))['max-increase']).toEqual({ bytes: 10_000_000 });
  });

  it('reads hyphenated names with the hyphen, not an underscore', () => {
    expect(getInputs({ 'INPUT_MAX-SIZE': '250MB' })['max-size']).toBe(250_000_000);
    expect(getInputs({ 'INPUT_BUILD-ARGS': 'A=1' })['build-args']).toEqual(['A=1']);
    expect(getInputs({ INPUT_MAX_SIZE: '250MB', INPUT_BUILD_ARGS: 'A=1' })).toMatchObject({
      'max-size': null,
      'build-args': [],
    });
  });

  it('reports every bad input at once, in one UserError', () => {
    expect(badInputs(runnerEnv({ 'max-size': '12QB', 'fail-on': 'fatal' }))).toBe(
      'bad inputs: max-size "12QB" is not a size (write 250MB, 1.2GiB or bytes); fail-on "fatal" must be error, warning, info or never',
    );
    const message = badInputs(
      runnerEnv({
        'build-args': 'OK=1\nNOT_AN_ASSIGNMENT\n=value',
        'max-size': 'big',
        'max-increase': '5 percent',
        'max-wasted': '-1MB',
        'min-efficiency': '1.5',
        'max-layers': '3.5',
        'fail-on': 'fatal',
        ignore: 'IG101, <script>',
        files: 'yes',
        'cache-probe': 'on',
        comment: '0',
      }),
    );
    expect(message.split('; ')).toEqual([
      'bad inputs: build-args line "NOT_AN_ASSIGNMENT" must be KEY=VALUE',
      'build-args line "=value" must be KEY=VALUE',
      'max-size "big" is not a size (write 250MB, 1.2GiB or bytes)',
      'max-increase "5 percent" is neither a size nor a percentage (write 10MB or 5%)',
      'max-wasted "-1MB" is not a size (write 250MB, 1.2GiB or bytes)',
      'min-efficiency "1.5" must be a number from 0 to 1',
      'max-layers "3.5" must be a whole number',
      'fail-on "fatal" must be error, warning, info or never',
      'ignore "<SCRIPT>" is not a rule id (like IG104)',
      'files "yes" must be true or false',
      'cache-probe "on" must be true or false',
      'comment "0" must be true or false',
    ]);
    expect(message).not.toContain('\n');
  });

  it('counts as explicit only what differs from the action.yml default', () => {
    const inputs = getInputs(runnerEnv({ 'fail-on': 'error', 'max-size': '1GB', files: 'false' }));
    expect([...inputs.explicit].sort()).toEqual(['files', 'max-size']);
  });
});

describe('mergeConfig', () => {
  const base = (inputs: Record<string, string> = {}): ParsedInputs => getInputs(runnerEnv(inputs));
  // What loadConfig() returns for a file that sets nothing.
  const nothing = {
    ignore: [],
    failOn: null,
    maxSize: null,
    maxIncrease: null,
    maxWasted: null,
    minEfficiency: null,
    maxLayers: null,
    files: null,
  };

  it('puts the config file under the inputs: explicit inputs win, the file fills the rest', () => {
    const merged = mergeConfig(base({ 'max-size': '300MB', 'fail-on': 'never', ignore: 'IG101' }), {
      ...nothing,
      maxSize: 100_000_000,
      maxIncrease: { percent: 5 },
      maxWasted: 1_000_000,
      minEfficiency: 0.9,
      maxLayers: 10,
      failOn: 'warning',
      ignore: ['IG103'],
      files: false,
    });
    expect(merged).toMatchObject({
      'max-size': 300_000_000,
      'fail-on': 'never',
      ignore: ['IG101'],
      'max-increase': { percent: 5 },
      'max-wasted': 1_000_000,
      'min-efficiency': 0.9,
      'max-layers': 10,
      files: false,
    });
    expect(merged.explicit).toEqual(new Set(['max-size', 'fail-on', 'ignore']));
  });

  it('lets the file override an input left at its action.yml default', () => {
    expect(
      mergeConfig(base(), { ...nothing, failOn: 'warning', files: false, ignore: ['IG104'] }),
    ).toMatchObject({
      'fail-on': 'warning',
      files: false,
      ignore: ['IG104'],
    });
  });

  it('changes nothing for a file that sets nothing', () => {
    const inputs = base({ 'max-size': '1GB' });
    const { explicit: _a, ...merged } = mergeConfig(inputs, nothing);
    const { explicit: _b, ...before } = inputs;
    expect(merged).toEqual(before);
    expect(mergeConfig(inputs, null)).toBe(inputs);
  });

  it('takes what loadConfig() reads from a real .image-guard.yml', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadConfig } = await import('../../src/config/config.js');
    const dir = mkdtempSync(join(tmpdir(), 'image-guard-config-'));
    writeFileSync(
      join(dir, '.image-guard.yml'),
      'max-size: 250MB\nmax-increase: 5%\nfail-on: warning\nignore: [IG101]\nfiles: false\nseverity:\n  IG007: off\n',
    );
    const config = await loadConfig(null, dir);
    const merged = mergeConfig(base({ 'fail-on': 'never' }), config, '.image-guard.yml');
    expect(merged).toMatchObject({
      'max-size': 250_000_000,
      'max-increase': { percent: 5 },
      'fail-on': 'never',
      ignore: ['IG101'],
      files: false,
    });
  });

  it('reports every bad value at once, naming the file', () => {
    expect(() =>
      mergeConfig(
        base(),
        { ...nothing, maxSize: -1, failOn: 'fatal' as never, minEfficiency: 2 },
        '.image-guard.yml',
      ),
    ).toThrow(
      new UserError(
        'bad .image-guard.yml: max-size -1 is not a size (write 250MB, 1.2GiB or bytes); min-efficiency 2 must be a number from 0 to 1; fail-on "fatal" must be error, warning, info or never',
      ),
    );
  });
});
