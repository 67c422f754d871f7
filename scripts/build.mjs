// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) for Node 24, one self-contained ESM file each.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (dockerode, ssh2's optional parts) call require(); give ESM one.
  banner: {
    js: "import { createRequire as __igCreateRequire } from 'node:module'; const require = __igCreateRequire(import.meta.url);",
  },
  // Native, optional accelerators of ssh2 (only used for ssh:// DOCKER_HOST); it falls back without them.
  external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});
