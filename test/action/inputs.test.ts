import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  actionSettings,
  getInputs,
  INPUT_NAMES,
  inputVariable,
  writtenInputs,
} from '../../src/action/inputs.js';
import { UserError } from '../../src/core/errors.js';

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

/** The environment the runner gives the Action for these `with:` values, plus action.yml's defaults as if written. */
function runnerEnv(inputs: Record<string, string>): NodeJS.ProcessEnv {
  const defaults = Object.fromEntries(
    Object.entries(action.inputs).flatMap(([name, i]) =>
      i.default === undefined ? [] : [[name, i.default]],
    ),
  );
  return Object.fromEntries(
    Object.entries({ ...defaults, ...inputs }).map(([name, value]) => [inputVariable(name), value]),
  );
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

const workspaceWith = (config: string | null) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-guard-ws-'));
  if (config !== null) writeFileSync(join(dir, '.image-guard.yml'), config);
  return dir;
};

describe('inputVariable', () => {
  it('names variables as @actions/core does: upper case, spaces to _, hyphens kept', () => {
    expect(inputVariable('build-args')).toBe('INPUT_BUILD-ARGS');
    expect(inputVariable('max-size')).toBe('INPUT_MAX-SIZE');
    expect(inputVariable('some input')).toBe('INPUT_SOME_INPUT');
  });

  it('covers every input of action.yml', () => {
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(action.inputs).sort());
  });
});

describe('getInputs', () => {
  it('gives the defaults when the runner passes only action.yml defaults', () => {
    expect(getInputs(runnerEnv({}))).toMatchObject({
      dockerfile: 'Dockerfile',
      context: '.',
      target: null,
      'build-args': [],
      image: null,
      'base-image': null,
      'base-source': 'auto',
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
      'pull-size': true,
      comment: true,
      'comment-key': null,
      'pull-bandwidth': 100_000_000,
      'build-time': 'cached',
      'startup-probe': null,
      'startup-runs': 3,
      'startup-timeout': 60,
    });
  });

  it('gives the same values with no INPUT_ variables at all (run outside a runner), but for the token', () => {
    const { 'github-token': _a, ...bare } = getInputs({});
    const { 'github-token': token, ...withDefaults } = getInputs(runnerEnv({}));
    expect(bare).toEqual(withDefaults);
    expect(token).toBe('${{ github.token }}');
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
        ignore: 'IG101, ig008\nIG104',
        config: 'ci/image-guard.yml',
        files: 'false',
        'cache-probe': 'TRUE',
        comment: 'False',
        'comment-key': 'app-runtime',
        'github-token': '  ghs_token  ',
        'pull-bandwidth': '1Gbit/s',
        'build-time': 'fresh',
        'startup-probe': 'cmd:curl -fsS localhost:8000/health',
        'startup-runs': '5',
        'startup-timeout': '2.5s',
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
      ignore: ['IG101', 'IG008', 'IG104'],
      config: 'ci/image-guard.yml',
      files: false,
      'cache-probe': true,
      comment: false,
      'comment-key': 'app-runtime',
      'github-token': 'ghs_token',
      'pull-bandwidth': 1e9,
      'build-time': 'fresh',
      'startup-probe': { kind: 'cmd', command: 'curl -fsS localhost:8000/health' },
      'startup-runs': 5,
      'startup-timeout': 2.5,
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

  it('reports every bad input at once, in one line', () => {
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
        'pull-bandwidth': 'fast',
        'build-time': 'warm',
        'startup-probe': '8000',
        'startup-runs': '0',
        'startup-timeout': 'forever',
      }),
    );
    expect(message.split('; ')).toEqual([
      'bad inputs: build-args "OK=1\\nNOT_AN_ASSIGNMENT\\n=value" has the line "NOT_AN_ASSIGNMENT": write KEY=VALUE, one a line',
      'max-size "big" is not a size (write 250MB, 1.2GiB or bytes)',
      'max-increase "5 percent" is neither a size nor a percentage (write 10MB or 5%)',
      'max-wasted "-1MB" is not a size (write 250MB, 1.2GiB or bytes)',
      'min-efficiency "1.5" must be a number from 0 to 1 (e.g. 0.95)',
      'max-layers "3.5" must be a whole number',
      'fail-on "fatal" must be error, warning, info or never',
      'ignore "IG101, <script>" holds the unknown rule id "<SCRIPT>": rule ids are IG000–IG018 and IG101–IG105',
      'files "yes" must be true or false',
      'cache-probe "on" must be true or false',
      'comment "0" must be true or false',
      'pull-bandwidth "fast" is not a speed (write 100Mbit/s, 1Gbit/s or 12.5MB/s)',
      'build-time "warm" must be cached or fresh',
      'startup-probe "8000" must be port:PORT (e.g. port:8000) or cmd:COMMAND (e.g. cmd:test -f /tmp/ready)',
      'startup-runs "0" must be a whole number from 1 to 20',
      'startup-timeout "forever" must be seconds, more than 0 and at most 3600 (e.g. 60 or 2.5s)',
    ]);
  });

  it('refuses a base-image that is no image reference, before docker could read it as a flag', () => {
    expect(badInputs(runnerEnv({ 'base-image': '--help' }))).toMatch(
      /^bad inputs: base-image "--help" is not an image reference: it has a repository name/,
    );
    expect(getInputs(runnerEnv({ 'base-image': 'localhost:5000/app:main' }))['base-image']).toBe(
      'localhost:5000/app:main',
    );
  });

  it('base-source: auto, registry or engine', () => {
    expect(getInputs(runnerEnv({ 'base-source': 'Registry' }))['base-source']).toBe('registry');
    expect(badInputs(runnerEnv({ 'base-source': 'pull' }))).toMatch(
      /^bad inputs: base-source "pull" must be auto, registry or engine/,
    );
  });

  it('rejects an id-shaped rule id that names no rule, as the config file does', () => {
    expect(badInputs(runnerEnv({ ignore: 'IG999' }))).toMatch(/unknown rule id "IG999"/);
  });
});

describe('actionSettings: inputs over the config file over the defaults', () => {
  it('an input written as its default still wins over the file (the runner passes no default for it)', async () => {
    const ws = workspaceWith('fail-on: warning\nmax-size: 100MB\nignore: [IG103]\nfiles: false\n');
    const { settings, explicit } = await actionSettings(
      runnerEnv({ 'fail-on': 'error', ignore: 'IG101' }),
      ws,
    );
    expect(settings['fail-on']).toBe('error');
    expect(settings.ignore).toEqual(['IG101']);
    expect(settings['max-size']).toBe(100_000_000);
    expect(settings.files).toBe(false);
    expect([...explicit].sort()).toEqual([
      'base-source',
      'comment',
      'context',
      'dockerfile',
      'fail-on',
      'github-token',
      'history-branch',
      'history-limit',
      'ignore',
      'suggestions',
    ]);
  });

  it('the file fills what the workflow left unset', async () => {
    const ws = workspaceWith('fail-on: warning\nstartup-runs: 5\npull-bandwidth: 1Gbit/s\n');
    const { settings, config } = await actionSettings(runnerEnv({}), ws);
    expect(settings).toMatchObject({ 'fail-on': 'warning', 'startup-runs': 5, 'pull-bandwidth': 1e9 });
    expect(config.path).toBe(join(ws, '.image-guard.yml'));
  });

  it('reads the file the config input names, relative to the workspace', async () => {
    const ws = workspaceWith(null);
    writeFileSync(join(ws, 'ig.yml'), 'max-layers: 7\n');
    expect((await actionSettings(runnerEnv({ config: 'ig.yml' }), ws)).settings['max-layers']).toBe(7);
  });

  it('reports bad inputs before it reads the file', async () => {
    const ws = workspaceWith('fail-on: fatal\n');
    await expect(actionSettings(runnerEnv({ 'max-size': 'big' }), ws)).rejects.toThrow(
      /^bad inputs: max-size "big"/,
    );
    await expect(actionSettings(runnerEnv({}), ws)).rejects.toThrow(
      'config .image-guard.yml: fail-on "fatal" must be error, warning, info or never',
    );
  });

  it('never reads a config file outside the workspace, named or linked', async () => {
    const ws = workspaceWith(null);
    const outside = join(ws, '..', `outside-${Date.now()}.yml`);
    writeFileSync(outside, 'fail-on: never\n');
    await expect(actionSettings(runnerEnv({ config: outside }), ws)).rejects.toThrow(
      /^config ".*" resolves outside the workspace: give a path inside the repository$/,
    );
    const { symlinkSync } = await import('node:fs');
    symlinkSync(outside, join(ws, '.image-guard.yml'));
    await expect(actionSettings(runnerEnv({}), ws)).rejects.toThrow(
      /^config ".image-guard.yml" resolves outside/,
    );
  });

  it('writtenInputs leaves out what the runner left empty', () => {
    expect(writtenInputs({ 'INPUT_MAX-SIZE': '  ', 'INPUT_FAIL-ON': ' error ' })).toEqual({
      'fail-on': { text: 'error', shown: 'fail-on' },
    });
  });
});
