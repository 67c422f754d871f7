// The real implementations of the comparison's ports, each module loaded only when a run needs it: an `analyze`
// of an archive loads no engine client, a run without a registry reference no registry client.
import type { LayerSummary } from '../image/model.js';
import type { ComparePorts } from './compare.js';

export const realPorts: ComparePorts = {
  analyze: async (ref, options) => (await import('./image-source.js')).analyzeRef(ref, options),
  registry: async () => (await import('../registry/registry-client.js')).registryClient(),
  containers: async () => (await import('../engine/docker-cli.js')).dockerCli().containers,
  lint: async (path, options) =>
    (await import('../lint/index.js')).lintDockerfileResult(path, {
      ...options,
      target: options.target ?? undefined,
      platform: options.platform ?? undefined,
    }),
};

/**
 * `analyze` for one run: base and head read from registries share the layers they have in common (read once,
 * even with nothing cached). `registryEnv`: where registry credentials are looked up (default process.env);
 * `engineTimeout`: the `engine-timeout` setting the engine is connected with (null: not set).
 */
export function runAnalyzer(
  registryEnv?: NodeJS.ProcessEnv,
  engineTimeout: number | null = null,
): ComparePorts['analyze'] {
  const shared = new Map<string, Promise<LayerSummary>>();
  return async (ref, options) =>
    (await import('./image-source.js')).analyzeRef(ref, {
      ...options,
      shared,
      engineTimeout,
      ...(registryEnv ? { registryEnv } : {}),
    });
}
