// `.image-guard.yml` (or --config FILE): the same keys as the Action's inputs, plus `severity:` overrides per
// rule. Every key is optional; a value that is not set is null so callers can layer flags and inputs over it.
// A bad key or value is a UserError whose one line says what to write.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import type { FailOn, Severity } from '../core/report.js';
import { type Increase, parseIncrease, parseSize } from '../core/size.js';

export type SeverityOverride = Severity | 'off';

export interface ImageGuardConfig {
  /** The file read, or null when there was none. */
  path: string | null;
  /** Rule ids to skip, upper-case. */
  ignore: string[];
  failOn: FailOn | null;
  /** Per-rule severity: error | warning | info | off. */
  severity: Record<string, SeverityOverride>;
  maxSize: number | null;
  maxIncrease: Increase | null;
  maxWasted: number | null;
  minEfficiency: number | null;
  maxLayers: number | null;
  files: boolean | null;
}

export const CONFIG_FILE = '.image-guard.yml';

/** Every rule id of the catalogue: Dockerfile rules IG000–IG017 and image-content rules IG101–IG105. */
export const KNOWN_RULE_IDS: readonly string[] = [
  ...Array.from({ length: 18 }, (_, i) => `IG${String(i).padStart(3, '0')}`),
  'IG101',
  'IG102',
  'IG103',
  'IG104',
  'IG105',
];

const KEYS = [
  'ignore',
  'fail-on',
  'max-size',
  'max-increase',
  'max-wasted',
  'min-efficiency',
  'max-layers',
  'files',
  'severity',
];

export function emptyConfig(): ImageGuardConfig {
  return {
    path: null,
    ignore: [],
    failOn: null,
    severity: {},
    maxSize: null,
    maxIncrease: null,
    maxWasted: null,
    minEfficiency: null,
    maxLayers: null,
    files: null,
  };
}

/** Rule ids from `IG004, IG007`, a newline-separated list, or a YAML list. */
export function parseRuleList(value: unknown, where: string): string[] {
  const items: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/[,\n]/)
      : [value];
  const ids: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string')
      throw new UserError(`${where}: write rule ids like \`IG004, IG007\` (got ${JSON.stringify(item)})`);
    const id = item.trim().toUpperCase();
    if (id === '') continue;
    if (!KNOWN_RULE_IDS.includes(id)) {
      throw new UserError(
        `${where}: unknown rule id "${item.trim()}": rule ids are IG000–IG017 and IG101–IG105`,
      );
    }
    ids.push(id);
  }
  return ids;
}

export function parseFailOn(value: unknown, where: string): FailOn {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (v === 'error' || v === 'warning' || v === 'info' || v === 'never') return v;
  throw new UserError(`${where}: write one of error, warning, info, never (got ${JSON.stringify(value)})`);
}

function sizeValue(value: unknown, where: string): number {
  const n =
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
      ? value
      : typeof value === 'string'
        ? parseSize(value)
        : null;
  if (n === null)
    throw new UserError(
      `${where}: write a size like 250MB, 1.2GiB or a number of bytes (got ${JSON.stringify(value)})`,
    );
  return n;
}

/** Validates a parsed YAML document into the typed config. `where` names the file in messages. */
export function configFromObject(doc: unknown, where: string): ImageGuardConfig {
  const config = emptyConfig();
  if (doc === null || doc === undefined) return config;
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(
      `${where}: write a mapping of keys (${KEYS.join(', ')}), not ${Array.isArray(doc) ? 'a list' : typeof doc}`,
    );
  }
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const at = `${where}: ${key}`;
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'ignore':
        config.ignore = parseRuleList(value, at);
        break;
      case 'fail-on':
        config.failOn = parseFailOn(value, at);
        break;
      case 'max-size':
        config.maxSize = sizeValue(value, at);
        break;
      case 'max-wasted':
        config.maxWasted = sizeValue(value, at);
        break;
      case 'max-increase': {
        const inc =
          typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
            ? { bytes: value }
            : typeof value === 'string'
              ? parseIncrease(value)
              : null;
        if (!inc)
          throw new UserError(
            `${at}: write a size like 10MB or a percentage like 5% (got ${JSON.stringify(value)})`,
          );
        config.maxIncrease = inc;
        break;
      }
      case 'min-efficiency': {
        const n =
          typeof value === 'number'
            ? value
            : typeof value === 'string' && value.trim() !== ''
              ? Number(value)
              : Number.NaN;
        if (!Number.isFinite(n) || n < 0 || n > 1)
          throw new UserError(`${at}: write a number from 0 to 1, like 0.95 (got ${JSON.stringify(value)})`);
        config.minEfficiency = n;
        break;
      }
      case 'max-layers': {
        const n =
          typeof value === 'number'
            ? value
            : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
              ? Number(value)
              : Number.NaN;
        if (!Number.isSafeInteger(n) || n < 0)
          throw new UserError(
            `${at}: write a whole number of layers, like 20 (got ${JSON.stringify(value)})`,
          );
        config.maxLayers = n;
        break;
      }
      case 'files': {
        if (typeof value === 'boolean') config.files = value;
        else if (value === 'true' || value === 'false') config.files = value === 'true';
        else throw new UserError(`${at}: write true or false (got ${JSON.stringify(value)})`);
        break;
      }
      case 'severity': {
        if (typeof value !== 'object' || Array.isArray(value)) {
          throw new UserError(
            `${at}: write a mapping of rule id to error, warning, info or off, like \`IG007: off\``,
          );
        }
        for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
          const [rule] = parseRuleList(id, `${at}`);
          // YAML reads a bare `off` as the string "off", and `no`/`false` as booleans: accept false as off
          const l = level === false ? 'off' : typeof level === 'string' ? level.trim().toLowerCase() : level;
          if (l !== 'error' && l !== 'warning' && l !== 'info' && l !== 'off') {
            throw new UserError(
              `${at}: ${id}: write error, warning, info or off (got ${JSON.stringify(level)})`,
            );
          }
          config.severity[rule!] = l;
        }
        break;
      }
      default:
        throw new UserError(`${where}: unknown key "${key}": the keys are ${KEYS.join(', ')}`);
    }
  }
  return config;
}

/**
 * Loads the config: `path` when given (it must exist), else `.image-guard.yml` in `cwd` when present, else the
 * empty config.
 */
export async function loadConfig(path: string | null, cwd: string): Promise<ImageGuardConfig> {
  const file = path === null ? join(cwd, CONFIG_FILE) : resolve(cwd, path);
  const shown = path ?? CONFIG_FILE;
  let text: string;
  try {
    if ((await stat(file)).isDirectory())
      throw new UserError(`config ${shown} is a directory: give the path of a YAML file`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (path === null) return emptyConfig();
    throw new UserError(`config ${shown} not found: give the path of an existing .image-guard.yml`);
  }
  const { parse, YAMLParseError } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new UserError(
        `config ${shown}${line ? `:${line}` : ''} is not valid YAML: ${error.message.split('\n')[0]}`,
      );
    }
    throw error;
  }
  const config = configFromObject(doc, `config ${shown}`);
  config.path = file;
  return config;
}
