// The Action's one input boundary: every input read once from the `INPUT_*` variables the runner sets, then
// resolved with the config file through the table of settings (src/config/settings.ts), every bad one reported
// together, so a user fixes their workflow in one round instead of one error per run.
import { type LoadedSettings, loadSettings, type PolicyOptions } from '../app/load-settings.js';
import { CONFIG_FILE } from '../config/config.js';
import {
  resolveSettings,
  SETTING_NAMES,
  type SettingName,
  type Settings,
  specOf,
  type Written,
} from '../config/settings.js';
import { insideWorkspace } from './workspace.js';

/** The settings that are inputs of action.yml, in its order. */
export const INPUT_NAMES: readonly SettingName[] = SETTING_NAMES.filter((name) => specOf(name).input);

/** The environment variable the runner sets for an input, named exactly as @actions/core looks it up. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** What the workflow wrote for each input (`with:`), as the settings table takes it; unset inputs are absent. */
export function writtenInputs(env: NodeJS.ProcessEnv = process.env): Partial<Record<SettingName, Written>> {
  const written: Partial<Record<SettingName, Written>> = {};
  for (const name of INPUT_NAMES) {
    const text = (env[inputVariable(name)] ?? '').trim();
    if (text !== '') written[name] = { text, shown: name };
  }
  return written;
}

/** The inputs alone, typed and checked, without a config file: `bad inputs: max-size "12QB" is not a size …`. */
export function getInputs(env: NodeJS.ProcessEnv = process.env): Settings {
  return resolveSettings(writtenInputs(env)).settings;
}

/** The inputs over the config file (the `config` input, else `.image-guard.yml` in the workspace) over the defaults. */
export async function actionSettings(
  env: NodeJS.ProcessEnv,
  workspace: string,
  /** On a pull request: the base commit, whose config file judges it (policy-from: base). */
  policy: PolicyOptions = {},
): Promise<LoadedSettings> {
  const written = writtenInputs(env);
  // A config file outside the workspace (an input, or .image-guard.yml as a symlink) is never read.
  insideWorkspace(workspace, written.config?.text ?? CONFIG_FILE, 'config');
  return loadSettings(written, workspace, 'bad inputs', policy);
}
