// `.image-guard.yml` (or --config FILE / the `config` input): the settings the table in settings.ts marks as
// config keys, plus `severity:` overrides per rule. Every key is optional; a key the file does not set is left to
// the default. Values go through the same parsers as inputs and flags, and every bad one is reported at once.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { formatBytes } from '../core/size.js';
import {
  isKnownRuleId,
  KNOWN_RULES_HINT,
  parseFileValue,
  SETTING_NAMES,
  type SettingName,
  type Settings,
  specOf,
} from './settings.js';

export type SeverityOverride = 'error' | 'warning' | 'info' | 'off';

export interface ImageGuardConfig {
  /** The file read, or null when there was none. */
  path: string | null;
  /** The settings the file sets, parsed; a key it does not set is absent. */
  settings: Partial<Settings>;
  /** Rule ids to skip, upper-case: what the lint engine and the content findings leave out. */
  ignore: string[];
  /** Per-rule severity: error | warning | info | off. */
  severity: Record<string, SeverityOverride>;
}

export const CONFIG_FILE = '.image-guard.yml';

/** A config file is a few hundred bytes; far beyond that it is not one (and would cost memory to parse). */
const MAX_CONFIG_BYTES = 64 * 1024;

/** The keys a config file may hold: the settings marked `config` in the table, and `severity`. */
const CONFIG_KEYS: readonly string[] = [...SETTING_NAMES.filter((name) => specOf(name).config), 'severity'];

export function emptyConfig(): ImageGuardConfig {
  return { path: null, settings: {}, ignore: [], severity: {} };
}

const SEVERITY_LEVELS = ['error', 'warning', 'info', 'off'];

/** Validates a parsed YAML document into the typed config. `where` names the file in messages. */
export function configFromObject(doc: unknown, where: string): ImageGuardConfig {
  const config = emptyConfig();
  if (doc === null || doc === undefined) return config;
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(
      `${where}: write a mapping of keys (${CONFIG_KEYS.join(', ')}), not ${Array.isArray(doc) ? 'a list' : typeof doc}`,
    );
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (key === 'severity') {
      config.severity = severityOverrides(value, problems);
      continue;
    }
    if (!CONFIG_KEYS.includes(key)) {
      problems.push(`unknown key "${key}": the keys are ${CONFIG_KEYS.join(', ')}`);
      continue;
    }
    const parsed = parseFileValue(key as SettingName, value);
    if ('problem' in parsed) problems.push(`${key} ${JSON.stringify(value)} ${parsed.problem}`);
    else (config.settings as Record<string, unknown>)[key] = parsed.value;
  }
  if (problems.length > 0) throw new UserError(`${where}: ${problems.join('; ')}`);
  config.ignore = config.settings.ignore ?? [];
  return config;
}

function severityOverrides(value: unknown, problems: string[]): Record<string, SeverityOverride> {
  const out: Record<string, SeverityOverride> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('severity: write a mapping of rule id to error, warning, info or off, like `IG007: off`');
    return out;
  }
  for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
    const rule = id.trim().toUpperCase();
    if (!isKnownRuleId(rule)) {
      problems.push(`severity: unknown rule id "${id}": ${KNOWN_RULES_HINT}`);
      continue;
    }
    // YAML reads a bare `off` as the string "off", and `no`/`false` as booleans: accept false as off
    const l = level === false ? 'off' : typeof level === 'string' ? level.trim().toLowerCase() : level;
    if (typeof l !== 'string' || !SEVERITY_LEVELS.includes(l)) {
      problems.push(`severity: ${id}: write error, warning, info or off (got ${JSON.stringify(level)})`);
      continue;
    }
    out[rule] = l as SeverityOverride;
  }
  return out;
}

/**
 * Loads the config: `path` when given (it must exist), else `.image-guard.yml` in `cwd` when present, else the
 * empty config. Only a regular file of at most MAX_CONFIG_BYTES is read (a FIFO would block, a huge file would
 * cost gigabytes to parse).
 */
export async function loadConfig(path: string | null, cwd: string): Promise<ImageGuardConfig> {
  const file = path === null ? join(cwd, CONFIG_FILE) : resolve(cwd, path);
  const shown = path ?? CONFIG_FILE;
  let text: string;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new UserError(`config ${shown} is a directory: give the path of a YAML file`);
    if (!st.isFile())
      throw new UserError(`config ${shown} is not a regular file: give the path of a YAML file`);
    if (st.size > MAX_CONFIG_BYTES)
      throw new UserError(
        `config ${shown} is ${formatBytes(st.size)}: config files are read up to ${formatBytes(MAX_CONFIG_BYTES)}; give the path of an .image-guard.yml`,
      );
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (path === null) return emptyConfig();
    throw new UserError(`config ${shown} not found: give the path of an existing .image-guard.yml`);
  }
  const config = configFromObject(await parseYaml(text, `config ${shown}`), `config ${shown}`);
  config.path = file;
  return config;
}

async function parseYaml(text: string, where: string): Promise<unknown> {
  // Loaded only when there is a file to read. In a split bundle the CommonJS-shaped module may arrive as
  // `default` alone: take the namespace from there when it does.
  const mod = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  const { parse, YAMLParseError } = mod.YAMLParseError ? mod : (mod.default ?? mod);
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new UserError(
        `${where}${line ? `:${line}` : ''} is not valid YAML: ${error.message.split('\n')[0]}`,
      );
    }
    if (error instanceof RangeError)
      throw new UserError(`${where} is nested too deeply to be a config file: write a flat mapping of keys`);
    throw error;
  }
}
