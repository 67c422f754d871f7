import { describe, expect, it } from 'vitest';
import { ACTION_DEFAULTS, getInputs, inputVariable } from '../../src/action/inputs.js';

const env = (inputs: Record<string, string>) =>
  Object.fromEntries(
    Object.entries({ ...ACTION_DEFAULTS, ...inputs }).map(([name, value]) => [inputVariable(name), value]),
  );

describe("the guide's inputs", () => {
  it('defaults: 100 Mbit/s, cached builds, no start-up probe, 3 runs of at most 60 s', () => {
    expect(getInputs(env({}))).toMatchObject({
      'pull-bandwidth': 100_000_000,
      'build-time': 'cached',
      'startup-probe': null,
      'startup-runs': 3,
      'startup-timeout': 60,
    });
  });

  it('takes what users write', () => {
    expect(
      getInputs(
        env({
          'pull-bandwidth': '1Gbit/s',
          'build-time': 'fresh',
          'startup-probe': 'cmd:curl -fsS localhost:8000/health',
          'startup-runs': '5',
          'startup-timeout': '2.5s',
        }),
      ),
    ).toMatchObject({
      'pull-bandwidth': 1e9,
      'build-time': 'fresh',
      'startup-probe': { kind: 'cmd', command: 'curl -fsS localhost:8000/health' },
      'startup-runs': 5,
      'startup-timeout': 2.5,
    });
  });

  it('reports every bad one at once, with the others', () => {
    const bad = env({
      'pull-bandwidth': 'fast',
      'build-time': 'warm',
      'startup-probe': '8000',
      'startup-runs': '0',
      'startup-timeout': 'forever',
      'max-size': '12QB',
    });
    expect(() => getInputs(bad)).toThrow(
      /max-size "12QB".*pull-bandwidth "fast" is not a speed.*build-time "warm" must be cached or fresh.*startup-probe "8000" must be port:PORT.*startup-runs "0" must be a whole number from 1 to 20.*startup-timeout "forever" must be seconds/,
    );
  });
});
