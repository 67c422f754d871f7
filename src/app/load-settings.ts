// Settings as the CLI and the Action both resolve them: what the user wrote (flags or inputs), then the config
// file (`config` when written, else `.image-guard.yml` in `dir` when present), then the defaults.
import { type ImageGuardConfig, loadConfig } from '../config/config.js';
import { resolveSettings, type SettingName, type Settings, type Written } from '../config/settings.js';

export interface LoadedSettings {
  settings: Settings;
  /** The config file read, with `ignore` as resolved (the written list, else the file's). */
  config: ImageGuardConfig;
  /** The settings the user wrote. */
  explicit: ReadonlySet<SettingName>;
}

export async function loadSettings(
  written: Partial<Record<SettingName, Written>>,
  dir: string,
  what: string,
): Promise<LoadedSettings> {
  // Bad inputs or flags are reported before the file is read: they are all in one place, the user's command.
  const { settings: first } = resolveSettings(written, {}, what);
  const config = await loadConfig(first.config, dir);
  const { settings, explicit } = resolveSettings(written, config.settings, what);
  return { settings, config: { ...config, ignore: settings.ignore }, explicit };
}
