// The Action's one input boundary: every input read once, typed, checked up front, and every bad one reported
// together, so a user fixes their workflow in one round instead of one error per run.
import { parseBandwidth } from '../core/bandwidth.js';
import { UserError } from '../core/errors.js';
import type { FailOn } from '../core/report.js';
import { type Increase, parseIncrease, parseSize } from '../core/size.js';
import { parseStartupProbe, STARTUP_PROBE_HINT, type StartupProbe } from '../startup/startup-probe.js';

export interface Inputs {
  dockerfile: string;
  context: string;
  target: string | null;
  /** `KEY=VALUE` lines, each passed as one `--build-arg`. */
  'build-args': string[];
  image: string | null;
  'base-image': string | null;
  'base-ref': string | null;
  /** Bytes. */
  'max-size': number | null;
  'max-increase': Increase | null;
  /** Bytes. */
  'max-wasted': number | null;
  /** 0..1. */
  'min-efficiency': number | null;
  'max-layers': number | null;
  'fail-on': FailOn;
  /** Rule ids, upper-case. */
  ignore: string[];
  config: string | null;
  files: boolean;
  'cache-probe': boolean;
  /** Count compressed layer sizes (pull size and time); costs gzip and zstd of every byte. */
  'pull-size': boolean;
  comment: boolean;
  'comment-key': string | null;
  'github-token': string;
  /** Bits per second for the guide's pull-time estimate. */
  'pull-bandwidth': number;
  /** `fresh`: both images are built with --no-cache, so that their build times compare. */
  'build-time': 'cached' | 'fresh';
  'startup-probe': StartupProbe | null;
  'startup-runs': number;
  /** Seconds per run. */
  'startup-timeout': number;
}

export type InputName = keyof Inputs;

export const INPUT_NAMES: readonly InputName[] = [
  'dockerfile',
  'context',
  'target',
  'build-args',
  'image',
  'base-image',
  'base-ref',
  'max-size',
  'max-increase',
  'max-wasted',
  'min-efficiency',
  'max-layers',
  'fail-on',
  'ignore',
  'config',
  'files',
  'cache-probe',
  'pull-size',
  'comment',
  'comment-key',
  'github-token',
  'pull-bandwidth',
  'build-time',
  'startup-probe',
  'startup-runs',
  'startup-timeout',
];

/**
 * The defaults action.yml declares. The runner passes a default as if the user had written it, so a value equal
 * to its default cannot be told from an absent one: both leave the config file free to set the key.
 */
export const ACTION_DEFAULTS: Partial<Record<InputName, string>> = {
  dockerfile: 'Dockerfile',
  context: '.',
  'fail-on': 'error',
  files: 'true',
  'cache-probe': 'false',
  'pull-size': 'true',
  comment: 'true',
  'pull-bandwidth': '100Mbit/s',
  'build-time': 'cached',
  'startup-runs': '3',
  'startup-timeout': '60',
};

/** The environment variable the runner sets for an input, named exactly as @actions/core looks it up. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The raw text of an input, trimmed as `core.getInput` trims it; '' when unset. */
export function rawInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[inputVariable(name)] ?? '').trim();
}

export interface ParsedInputs extends Inputs {
  /** Inputs the workflow set to something other than their action.yml default; these win over the config file. */
  readonly explicit: ReadonlySet<InputName>;
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
const SIZE_HINT = 'is not a size (write 250MB, 1.2GiB or bytes)';

type Problems = string[];

const quote = (text: string) => JSON.stringify(text);

/** Parsers shared by the inputs and the config file: text in, value out, or a problem pushed. */
const parse = {
  size(name: string, text: string, problems: Problems): number | null {
    if (text === '') return null;
    const bytes = parseSize(text);
    if (bytes === null) problems.push(`${name} ${quote(text)} ${SIZE_HINT}`);
    return bytes;
  },
  increase(name: string, text: string, problems: Problems): Increase | null {
    if (text === '') return null;
    const increase = parseIncrease(text);
    if (increase === null)
      problems.push(`${name} ${quote(text)} is neither a size nor a percentage (write 10MB or 5%)`);
    return increase;
  },
  efficiency(name: string, text: string, problems: Problems): number | null {
    if (text === '') return null;
    const value = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= 0 && value <= 1)) {
      problems.push(`${name} ${quote(text)} must be a number from 0 to 1`);
      return null;
    }
    return value;
  },
  count(name: string, text: string, problems: Problems): number | null {
    if (text === '') return null;
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      problems.push(`${name} ${quote(text)} must be a whole number`);
      return null;
    }
    return Number(text);
  },
  failOn(name: string, text: string, problems: Problems): FailOn {
    const value = (text || 'error').toLowerCase();
    if ((FAIL_ON as readonly string[]).includes(value)) return value as FailOn;
    problems.push(`${name} ${quote(text)} must be error, warning, info or never`);
    return 'error';
  },
  boolean(name: string, text: string, fallback: boolean, problems: Problems): boolean {
    if (text === '') return fallback;
    if (TRUE.includes(text)) return true;
    if (FALSE.includes(text)) return false;
    problems.push(`${name} ${quote(text)} must be true or false`);
    return fallback;
  },
  ruleIds(name: string, text: string, problems: Problems): string[] {
    const ids = text
      .split(/[\s,]+/)
      .map((id) => id.trim().toUpperCase())
      .filter(Boolean);
    for (const id of ids) {
      if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id))
        problems.push(`${name} ${quote(id)} is not a rule id (like IG104)`);
    }
    return ids;
  },
  bandwidth(name: string, text: string, problems: Problems): number {
    if (text === '') return 100_000_000;
    const bits = parseBandwidth(text);
    if (bits === null)
      problems.push(`${name} ${quote(text)} is not a speed (write 100Mbit/s, 1Gbit/s or 12.5MB/s)`);
    return bits ?? 100_000_000;
  },
  buildTime(name: string, text: string, problems: Problems): 'cached' | 'fresh' {
    const value = (text || 'cached').toLowerCase();
    if (value === 'cached' || value === 'fresh') return value;
    problems.push(`${name} ${quote(text)} must be cached or fresh`);
    return 'cached';
  },
  startupProbe(name: string, text: string, problems: Problems): StartupProbe | null {
    if (text === '') return null;
    const probe = parseStartupProbe(text);
    if (!probe) problems.push(`${name} ${quote(text)} ${STARTUP_PROBE_HINT}`);
    return probe;
  },
  runs(name: string, text: string, problems: Problems): number {
    if (text === '') return 3;
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 20) {
      problems.push(`${name} ${quote(text)} must be a whole number from 1 to 20`);
      return 3;
    }
    return Number(text);
  },
  seconds(name: string, text: string, problems: Problems): number {
    if (text === '') return 60;
    const m = /^(\d+(?:\.\d+)?|\.\d+)\s*s?$/.exec(text);
    const n = m ? Number(m[1]) : Number.NaN;
    if (!(n > 0 && n <= 3600)) {
      problems.push(`${name} ${quote(text)} must be seconds, more than 0 and at most 3600 (e.g. 60 or 2.5s)`);
      return 60;
    }
    return n;
  },
  buildArgs(name: string, text: string, problems: Problems): string[] {
    const lines = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    for (const line of lines) {
      if (!/^[^=\s]+=/.test(line)) problems.push(`${name} line ${quote(line)} must be KEY=VALUE`);
    }
    return lines;
  },
};

function failWith(problems: Problems): never {
  throw new UserError(`bad inputs: ${problems.join('; ')}`);
}

/**
 * Every input, typed and checked, from `INPUT_*` variables (default: this process's environment). Throws one
 * UserError listing every bad input: `bad inputs: max-size "12QB" is not a size …; fail-on "fatal" must be …`.
 * The CLI and main prefix it with `image-guard: error: `.
 */
export function getInputs(env: NodeJS.ProcessEnv = process.env): ParsedInputs {
  const raw = (name: InputName) => rawInput(name, env);
  const text = (name: InputName) => raw(name) || null;
  const problems: Problems = [];

  const inputs: Inputs = {
    dockerfile: raw('dockerfile') || 'Dockerfile',
    context: raw('context') || '.',
    target: text('target'),
    'build-args': parse.buildArgs('build-args', raw('build-args'), problems),
    image: text('image'),
    'base-image': text('base-image'),
    'base-ref': text('base-ref'),
    'max-size': parse.size('max-size', raw('max-size'), problems),
    'max-increase': parse.increase('max-increase', raw('max-increase'), problems),
    'max-wasted': parse.size('max-wasted', raw('max-wasted'), problems),
    'min-efficiency': parse.efficiency('min-efficiency', raw('min-efficiency'), problems),
    'max-layers': parse.count('max-layers', raw('max-layers'), problems),
    'fail-on': parse.failOn('fail-on', raw('fail-on'), problems),
    ignore: parse.ruleIds('ignore', raw('ignore'), problems),
    config: text('config'),
    files: parse.boolean('files', raw('files'), true, problems),
    'cache-probe': parse.boolean('cache-probe', raw('cache-probe'), false, problems),
    'pull-size': parse.boolean('pull-size', raw('pull-size'), true, problems),
    comment: parse.boolean('comment', raw('comment'), true, problems),
    'comment-key': text('comment-key'),
    'github-token': raw('github-token'),
    'pull-bandwidth': parse.bandwidth('pull-bandwidth', raw('pull-bandwidth'), problems),
    'build-time': parse.buildTime('build-time', raw('build-time'), problems),
    'startup-probe': parse.startupProbe('startup-probe', raw('startup-probe'), problems),
    'startup-runs': parse.runs('startup-runs', raw('startup-runs'), problems),
    'startup-timeout': parse.seconds('startup-timeout', raw('startup-timeout'), problems),
  };
  if (problems.length > 0) failWith(problems);

  const explicit = new Set(
    INPUT_NAMES.filter((name) => {
      const value = raw(name);
      return value !== '' && value !== ACTION_DEFAULTS[name];
    }),
  );
  return { ...inputs, explicit };
}

/**
 * What a config file (`.image-guard.yml`) may set that is also an input, as `loadConfig()` in src/config returns
 * it: values already parsed and checked, null (or an empty ignore list) where the file says nothing. Declared
 * here with only the keys the merge reads, so that the two modules meet at this shape and not at each other;
 * `ImageGuardConfig` fits it as it is. Severity overrides are the lint engine's and are not merged here.
 */
export interface FileConfigLike {
  ignore?: readonly string[] | null;
  failOn?: FailOn | null;
  maxSize?: number | null;
  maxIncrease?: Increase | null;
  maxWasted?: number | null;
  minEfficiency?: number | null;
  maxLayers?: number | null;
  files?: boolean | null;
}

const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * The config file under the inputs: an input the workflow set explicitly keeps its value, any other input takes
 * the file's value when the file sets one. The file's values are checked again (they may come from anywhere
 * that fits the type) and every bad one is reported at once: `bad <source>: …`.
 */
export function mergeConfig(
  inputs: ParsedInputs,
  fileConfig: FileConfigLike | null,
  source = 'config file',
): ParsedInputs {
  if (!fileConfig) return inputs;
  const problems: Problems = [];
  const merged: ParsedInputs = { ...inputs };
  const fromFile = <K extends InputName>(
    key: K,
    value: Inputs[K] | null | undefined,
    ok: boolean,
    why: string,
  ) => {
    if (value === null || value === undefined || inputs.explicit.has(key)) return;
    if (ok) merged[key] = value as ParsedInputs[K];
    else problems.push(`${key} ${JSON.stringify(value)} ${why}`);
  };
  const c = fileConfig;
  fromFile('max-size', c.maxSize, isSize(c.maxSize), SIZE_HINT);
  fromFile('max-wasted', c.maxWasted, isSize(c.maxWasted), SIZE_HINT);
  fromFile(
    'max-increase',
    c.maxIncrease,
    !!c.maxIncrease && ('bytes' in c.maxIncrease ? isSize(c.maxIncrease.bytes) : c.maxIncrease.percent >= 0),
    'is neither a size nor a percentage (write 10MB or 5%)',
  );
  fromFile(
    'min-efficiency',
    c.minEfficiency,
    typeof c.minEfficiency === 'number' && c.minEfficiency >= 0 && c.minEfficiency <= 1,
    'must be a number from 0 to 1',
  );
  fromFile('max-layers', c.maxLayers, isSize(c.maxLayers), 'must be a whole number');
  fromFile(
    'fail-on',
    c.failOn,
    FAIL_ON.includes(c.failOn as FailOn),
    'must be error, warning, info or never',
  );
  fromFile('files', c.files, typeof c.files === 'boolean', 'must be true or false');
  if (c.ignore && c.ignore.length > 0) fromFile('ignore', [...c.ignore], true, '');
  if (problems.length > 0) throw new UserError(`bad ${source}: ${problems.join('; ')}`);
  return merged;
}
