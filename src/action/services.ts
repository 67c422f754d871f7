// The Action's reach into the core and the engine, gathered so that main.ts reads as the flow it is.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImageAnalysis } from '../analysis/analyze.js';
import type { Finding } from '../core/report.js';
import type { ActionEvent } from '../github/event.js';
import { mergeConfig, type ParsedInputs } from './inputs.js';

export interface Services {
  analyze(ref: string, options: { files: boolean; pullSize?: boolean }): Promise<ImageAnalysis>;
  lint(
    dockerfile: string,
    options: { context: string; target?: string; configPath: string | null; workspace: string },
  ): Promise<Finding[]>;
  mergeConfigFile(inputs: ParsedInputs, workspace: string): Promise<ParsedInputs>;
  event(env: NodeJS.ProcessEnv): ActionEvent;
}

export async function defaultServices(): Promise<Services> {
  const { analyzeRef } = await import('../cli/image-source.js');
  const { lintDockerfileAt } = await import('../lint/index.js');
  const { loadConfig } = await import('../config/config.js');
  const { readEvent } = await import('../github/event.js');
  return {
    analyze: (ref, options) => analyzeRef(ref, options),
    async lint(dockerfile, options) {
      const config = await loadConfig(configPathOf(options.configPath, options.workspace), options.workspace);
      return lintDockerfileAt(dockerfile, { context: options.context, target: options.target, config });
    },
    async mergeConfigFile(inputs, workspace) {
      const path = configPathOf(inputs.config, workspace);
      if (!path) return inputs;
      return mergeConfig(inputs, await loadConfig(path, workspace), path);
    },
    event: readEvent,
  };
}

function configPathOf(configInput: string | null, workspace: string): string | null {
  if (configInput) return resolve(workspace, configInput);
  const fallback = resolve(workspace, '.image-guard.yml');
  return existsSync(fallback) ? fallback : null;
}
