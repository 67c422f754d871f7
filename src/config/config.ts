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
  /** Each key the file sets, as written (a list joined with `, `): what a change of policy shows. */
  written?: Record<string, string>;
}

export const CONFIG_FILE = '.image-guard.yml';

/** A config file is a few hundred bytes; far beyond that it is not one (and would cost memory to parse). */
const MAX_CONFIG_BYTES = 64 * 1024;

/** The keys a config file may hold: the settings marked `config` in the table, and `severity`. */
const CONFIG_KEYS: readonly string[] = [...SETTING_NAMES.filter((name) => specOf(name).config), 'severity'];

export function emptyConfig(): ImageGuardConfig {
  return { path: null, settings: {}, ignore: [], severity: {} };
}

/** Bytes a config file may have. */
export const CONFIG_MAX_BYTES = MAX_CONFIG_BYTES;

const SEVERITY_LEVELS = ['error', 'warning', 'info', 'off'];

/**
 * Validates a parsed YAML document into the typed config. `where` names the file in messages; `keyLines` gives
 * the line of each top-level key, when known. A key that is no setting's name is never quoted (a file given by
 * mistake, /etc/shadow say, has secrets for keys): it is named by its line, with the key it may be a typo of.
 */
export function configFromObject(
  doc: unknown,
  where: string,
  keyLines: ReadonlyMap<string, number> = new Map(),
): ImageGuardConfig {
  const config = emptyConfig();
  if (doc === null || doc === undefined) return config;
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(
      `${where}: write a mapping of keys (${CONFIG_KEYS.join(', ')}), not ${Array.isArray(doc) ? 'a list' : typeof doc}`,
    );
  }
  const problems: string[] = [];
  const unknown: string[] = [];
  const written: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    // An unknown key is refused whatever its value: `max-sise:` with nothing after it is a typo all the same.
    if (!CONFIG_KEYS.includes(key)) {
      unknown.push(unknownKey(key, keyLines.get(key)));
      continue;
    }
    if (value === null || value === undefined) continue;
    if (key === 'severity') {
      config.severity = severityOverrides(value, problems);
      continue;
    }
    const parsed = parseFileValue(key as SettingName, value);
    if ('problem' in parsed) problems.push(`${key} ${JSON.stringify(value)} ${parsed.problem}`);
    else {
      (config.settings as Record<string, unknown>)[key] = parsed.value;
      written[key] = Array.isArray(value) ? value.join(', ') : String(value).trim();
    }
  }
  config.written = written;
  if (unknown.length > 0) problems.push(`${unknown.join(', ')}: the keys are ${CONFIG_KEYS.join(', ')}`);
  if (problems.length > 0) throw new UserError(`${where}: ${problems.join('; ')}`);
  config.ignore = config.settings.ignore ?? [];
  return config;
}

/** The problem of a key that is no config key: quoted only when it is a setting's name, never otherwise. */
function unknownKey(key: string, line: number | undefined): string {
  const at = line === undefined ? '' : ` at line ${line}`;
  if ((SETTING_NAMES as readonly string[]).includes(key))
    return `"${key}"${at} is an input and a flag, not a config key`;
  const near = CONFIG_KEYS.find((k) => editDistance(k, key.trim().toLowerCase()) <= 2);
  return `unknown key${at} (not shown${near ? `; did you mean ${near}?` : ''})`;
}

/** Levenshtein distance, for keys of a few dozen characters (longer ones are no typo of a key). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || b.length > 64) return Number.POSITIVE_INFINITY;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
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
      // quoted only when it is shaped like a rule id: a key of a file given by mistake may be a secret
      const shown = /^IG\d{1,4}$/.test(rule) ? ` "${id}"` : ' (not shown)';
      problems.push(`severity: unknown rule id${shown}: ${KNOWN_RULES_HINT}`);
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
  const config = await configFromText(text, `config ${shown}`);
  config.path = file;
  return config;
}

/**
 * A config file's text (read from git, say) to the typed config; `where` names it in every message
 * (`config .image-guard.yml at the base commit 3f2a9c1`). The same bound as a file on disk.
 */
export async function configFromText(text: string, where: string): Promise<ImageGuardConfig> {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_CONFIG_BYTES)
    throw new UserError(
      `${where} is ${formatBytes(bytes)}: config files are read up to ${formatBytes(MAX_CONFIG_BYTES)}`,
    );
  const { value, keyLines } = await parseYaml(text, where);
  return configFromObject(value, where, keyLines);
}

/** Aliases a config file may expand: it needs none, and a "billion laughs" file expands to gigabytes. */
const MAX_ALIAS_COUNT = 100;

/**
 * The YAML document as plain values, with the line of each top-level key. Every problem is one line naming the
 * file and never quoting it: the parser's own warnings (an unresolved `!!js/function` tag, say) would print
 * the file's lines to stderr, so they are silenced and refused here instead.
 */
async function parseYaml(
  text: string,
  where: string,
): Promise<{ value: unknown; keyLines: Map<string, number> }> {
  // Loaded only when there is a file to read. In a split bundle the CommonJS-shaped module may arrive as
  // `default` alone: take the namespace from there when it does.
  const mod = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  const { parseDocument, LineCounter, isMap, isScalar } = (mod as { parseDocument?: unknown }).parseDocument
    ? mod
    : (mod.default ?? mod);
  const lineCounter = new LineCounter();
  const lineOf = (pos: number | undefined) => (pos === undefined ? undefined : lineCounter.linePos(pos).line);
  const at = (line: number | undefined) => `${where}${line ? `:${line}` : ''}`;
  try {
    const doc = parseDocument(text, { lineCounter, logLevel: 'silent', prettyErrors: false });
    const error = doc.errors[0];
    if (error)
      throw new UserError(`${at(lineOf(error.pos[0]))} is not valid YAML: ${firstLine(error.message)}`);
    const warning = doc.warnings[0];
    if (warning) {
      const line = lineOf(warning.pos[0]);
      throw new UserError(
        warning.code === 'TAG_RESOLVE_FAILED'
          ? `${at(line)} has a YAML tag (!!…) this reader does not know: a config file holds plain text, numbers, true/false and lists; remove the tag`
          : `${at(line)} is not plain YAML (${warning.code}): write a flat mapping of keys`,
      );
    }
    const keyLines = new Map<string, number>();
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = pair.key;
        const line = isScalar(key) ? lineOf(key.range?.[0]) : undefined;
        if (isScalar(key) && line !== undefined) keyLines.set(String(key.value), line);
      }
    }
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), keyLines };
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      throw new UserError(
        `${where} expands its YAML aliases (*name) beyond ${MAX_ALIAS_COUNT}: a config file needs none; write the values out`,
      );
    if (error instanceof RangeError)
      throw new UserError(`${where} is nested too deeply to be a config file: write a flat mapping of keys`);
    throw error;
  }
}

/** A parser message's first line, without the position it repeats (the file's line is given already). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}
