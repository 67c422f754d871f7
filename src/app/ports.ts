// The real implementations of the comparison's ports, each module loaded only when a run needs it: an `analyze`
// of an archive loads no engine client, a run without a registry reference no registry client.
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
