// The build inputs (secrets, SSH, caches, contexts, builder, …) to the options of `docker buildx build`, checked
// up front with every problem in one line, and every secret value masked before anything else is logged.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import type { Settings } from '../config/settings.js';
import { UserError } from '../core/errors.js';
import type { BuildOptions } from '../engine/docker-cli.js';

export interface ActionBuild {
  /** Options for the head image's build: these export the build cache (`cache-to`). */
  head: BuildOptions;
  /** Options for the base image's and the cache probe's builds: the same, without exporting the cache. */
  other: BuildOptions;
  /** Every secret value: masked in the log, redacted from anything published. */
  secretValues: string[];
}

export function actionBuild(settings: Settings, env: NodeJS.ProcessEnv, workspace: string): ActionBuild {
  const secretValues = settings.secrets.map((s) => s.value);
  const problems: string[] = [];
  const secretEnvs = settings['secret-envs'].map(({ id, value: name }) => {
    const value = env[name];
    if (value === undefined || value === '')
      problems.push(
        `secret-envs: ${name} (secret ${id}) is not set in this step's environment: set it under env:`,
      );
    else secretValues.push(value);
    return { id, env: name };
  });
  const secretFiles = settings['secret-files'].map(({ id, value }) => {
    const path = resolve(workspace, value);
    const file = secretFile(path);
    if (file === null)
      problems.push(
        `secret-files: ${JSON.stringify(value)} (secret ${id}) is not a file: give the path of an existing file`,
      );
    else if (file.text !== null) secretValues.push(file.text.replace(/\r?\n$/, ''));
    return { id, path };
  });
  // Masked before anything else is printed: from here on the runner hides them in everything the step prints.
  for (const value of secretValues) maskSecret(value);
  if (problems.length > 0) throw new UserError(`bad inputs: ${problems.join('; ')}`);
  const head: BuildOptions = {
    secrets: settings.secrets,
    secretFiles,
    secretEnvs,
    ssh: settings.ssh,
    cacheFrom: settings['cache-from'],
    cacheTo: settings['cache-to'],
    buildContexts: settings['build-contexts'],
    platform: settings.platform,
    builder: settings.builder,
    network: settings.network,
    pull: settings.pull,
    labels: settings.labels,
    provenance: settings.provenance,
    sbom: settings.sbom,
  };
  return { head, other: { ...head, cacheTo: [] }, secretValues };
}

/** Masks a value, and each line of a value that spans lines (the runner matches line by line). */
function maskSecret(value: string): void {
  if (value === '') return;
  core.setSecret(value);
  for (const line of value.split(/\r?\n/)) if (line.trim() !== '' && line !== value) core.setSecret(line);
}

/**
 * Null when `path` is no regular file; else its text, to be masked too, or null text for a large or binary
 * file (a key is small text).
 */
function secretFile(path: string): { text: string | null } | null {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    size = stat.size;
  } catch {
    return null;
  }
  if (size > SECRET_FILE_MASK_LIMIT) return { text: null };
  try {
    const text = readFileSync(path, 'utf8');
    return { text: text.includes('\u0000') || text.includes('\uFFFD') ? null : text };
  } catch {
    return { text: null };
  }
}
const SECRET_FILE_MASK_LIMIT = 64 * 1024;
