// Settings as the CLI and the Action both resolve them: what the user wrote (flags or inputs), then the config
// file, then the defaults. Which config file: on a pull request (the Action) or `compare --base-ref` (the CLI),
// with `policy-from: base` (the default), the one at the base commit, read from git: the PR being judged does
// not write the rules it is judged by. The PR's own file is read too, and every difference is reported.
// Elsewhere: `config` when written, else `.image-guard.yml` in `dir` when present.
import {
  CONFIG_FILE,
  CONFIG_MAX_BYTES,
  configFromText,
  type ImageGuardConfig,
  loadConfig,
} from '../config/config.js';
import {
  resolveSettings,
  SETTING_NAMES,
  type SettingName,
  type Settings,
  specOf,
  type Written,
} from '../config/settings.js';
import { UserError } from '../core/errors.js';
import type { PolicyChange, PolicyReport } from '../core/report.js';
import { type BaseCommit, gitPath } from './base-commit.js';
import { addedInlineIgnores } from './policy.js';

export interface LoadedSettings {
  settings: Settings;
  /** The config file that judged the run, with `ignore` as resolved (the written list, else the file's). */
  config: ImageGuardConfig;
  /** The settings the user wrote. */
  explicit: ReadonlySet<SettingName>;
  /** Whose config judged the run and what the PR changes of it, when the base commit's was read. */
  policy?: PolicyReport;
}

/**
 * The base commit whose config judges the run, given the settings the user wrote (inputs or flags, no file
 * yet); null: the config in `dir` judges (not a pull request, or `policy-from: head`).
 */
export type BaseFor = (written: Settings) => Promise<BaseCommit | null>;

export interface PolicyOptions {
  baseFor?: BaseFor;
  /** The Dockerfile the run lints (absolute), given the settings; its inline ignores the base lacks are listed. */
  dockerfile?: (settings: Settings) => string | null;
}

export async function loadSettings(
  written: Partial<Record<SettingName, Written>>,
  dir: string,
  what: string,
  options: PolicyOptions = {},
): Promise<LoadedSettings> {
  // Bad inputs or flags are reported before the file is read: they are all in one place, the user's command.
  const { settings: first } = resolveSettings(written, {}, what);
  const head = await loadConfig(first.config, dir);
  const base = options.baseFor && first['policy-from'] === 'base' ? await options.baseFor(first) : null;
  const governing = base ? await basePolicy(base, first.config, dir, head) : null;
  const config = governing?.config ?? head;
  const { settings, explicit } = resolveSettings(written, config.settings, what);
  const result: LoadedSettings = { settings, config: { ...config, ignore: settings.ignore }, explicit };
  if (base && governing) {
    const dockerfile = options.dockerfile?.(settings) ?? null;
    const { from, file, baseCommit, note } = governing.policy;
    result.policy = {
      from,
      file,
      baseCommit,
      changes: policyChanges(governing, head, explicit),
      addedIgnores: dockerfile ? await addedInlineIgnores(base, dockerfile, dir) : [],
      note,
    };
  }
  return result;
}

interface Governing {
  /** The config that judges: the base's, or the PR's when the base has none or an unreadable one. */
  config: ImageGuardConfig;
  /** The base's config (empty when it has none). */
  base: ImageGuardConfig;
  policy: Omit<PolicyReport, 'changes'>;
}

/** The config file at the base commit, as the policy; the PR's when the base has none (or none it can read). */
async function basePolicy(
  base: BaseCommit,
  written: string | null,
  dir: string,
  head: ImageGuardConfig,
): Promise<Governing> {
  const path = gitPath(written ?? CONFIG_FILE, dir);
  const where = `config ${path} at the base commit ${base.label}`;
  const policy = { file: path, baseCommit: base.label, addedIgnores: [], note: null };
  const empty: ImageGuardConfig = { path: null, settings: {}, ignore: [], severity: {}, written: {} };
  const file = await base.read(path, CONFIG_MAX_BYTES);
  if (file.kind === 'missing')
    return { config: head, base: empty, policy: { ...policy, from: 'head (no base config)' } };
  if (file.kind === 'refused') {
    const note = `${where} is ${file.why}, not read`;
    return { config: head, base: empty, policy: { ...policy, from: 'head (base config invalid)', note } };
  }
  try {
    const config = await configFromText(file.text, where);
    return {
      config: { ...config, path: `${path} (${base.label})` },
      base: config,
      policy: { ...policy, from: 'base' },
    };
  } catch (error) {
    // A base whose config is broken would judge nothing, and no PR could fix it: the PR's judges, and says so.
    if (!(error instanceof UserError)) throw error;
    return {
      config: head,
      base: empty,
      policy: { ...policy, from: 'head (base config invalid)', note: error.message },
    };
  }
}

/** The config keys, in the table's order, then `severity`. */
const POLICY_KEYS: readonly SettingName[] = SETTING_NAMES.filter((name) => specOf(name).config);

/** Every key the PR's config sets otherwise than the base's, with which value applied. */
function policyChanges(
  governing: Governing,
  head: ImageGuardConfig,
  explicit: ReadonlySet<SettingName>,
): PolicyChange[] {
  const base = governing.base;
  const fromFile = governing.policy.from === 'base' ? 'base' : 'head';
  const changes: PolicyChange[] = [];
  for (const key of POLICY_KEYS) {
    const b = key in base.settings ? JSON.stringify(base.settings[key]) : null;
    const h = key in head.settings ? JSON.stringify(head.settings[key]) : null;
    if (b === h) continue;
    changes.push({
      key,
      base: b === null ? null : (base.written?.[key] ?? b),
      head: h === null ? null : (head.written?.[key] ?? h),
      applies: explicit.has(key) ? 'input' : fromFile,
    });
  }
  const rules = [...new Set([...Object.keys(base.severity), ...Object.keys(head.severity)])].sort();
  for (const rule of rules) {
    const b = base.severity[rule] ?? null;
    const h = head.severity[rule] ?? null;
    if (b !== h) changes.push({ key: `severity.${rule}`, base: b, head: h, applies: fromFile });
  }
  return changes;
}
