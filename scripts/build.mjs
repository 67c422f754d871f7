// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) for Node 24, one self-contained ESM file each.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (dockerode, ssh2) call require() and read __dirname; give ESM both.
  banner: {
    js: [
      "import { createRequire as __igCreateRequire } from 'node:module';",
      "import { fileURLToPath as __igFileURLToPath } from 'node:url';",
      "import { dirname as __igDirname } from 'node:path';",
      'const require = __igCreateRequire(import.meta.url);',
      'const __filename = __igFileURLToPath(import.meta.url);',
      'const __dirname = __igDirname(__filename);',
    ].join(' '),
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
