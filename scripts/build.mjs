// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) in one build, with their chunks in dist/chunks/.
// Each entry loads what it imports at start; what the code imports on demand is a chunk of its own: the Action parses the artifact client (the Azure blob client and a zip writer, 40% of its
// bytes) only when it uploads, and `lint` loads the Dockerfile rules without the engine client, the registry
// client or the renderers. Node parses every byte of a file it loads, so this is what makes both start sooner.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * A plugin that gives the `require(request)` calls of one bundled module (`importer`) a stand-in of ours
 * (`contents`, named `path(request)` in the bundle), and fails the build when that module is bundled but no
 * longer makes one of those calls, rather than let what the stand-in kept out into the bundle unnoticed.
 */
function standIn({ name, importer, requests, path, contents, missing }) {
  const filter = new RegExp(`^(${requests.map((r) => r.replace(/[./]/g, '\\$&')).join('|')})$`);
  return {
    name,
    setup(build) {
      let loaded = false;
      const used = new Set();
      build.onStart(() => {
        loaded = false;
        used.clear();
      });
      build.onLoad({ filter: importer }, () => {
        loaded = true;
        return undefined;
      });
      build.onResolve({ filter }, (args) => {
        if (!importer.test(args.importer)) return undefined;
        used.add(args.path);
        // A path of no folder of this machine's: the bundle names it, and must be the same in every checkout.
        return { path: path(args.path), namespace: name, pluginData: dirname(args.importer) };
      });
      build.onLoad({ filter: /.*/, namespace: name }, (args) => ({
        contents: contents(args.path),
        resolveDir: args.pluginData,
        loader: 'js',
      }));
      build.onEnd((result) => {
        if (result.errors.length === 0 && loaded && used.size !== requests.length) {
          throw new Error(`${missing}: see ${name} in scripts/build.mjs`);
        }
      });
    },
  };
}

/**
 * docker-modem requires its ssh agent, and with it ssh2, when it is loaded itself: 0.6 MB of the engine chunk
 * to parse and 60-100 ms to run at every engine's first request, for the few whose engine is ssh://. Its
 * `require('./ssh')` is given a stand-in that hands the modem an agent at once and imports the real one (a
 * chunk of its own, with ssh2) when that agent first connects.
 */
const lazyModemSsh = standIn({
  name: 'lazy-modem-ssh',
  importer: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/,
  requests: ['./ssh'],
  path: () => 'docker-modem/lib/ssh.js',
  contents: () => `
        const { Agent } = require('node:http');
        module.exports = function (options) {
          const agent = new Agent();
          agent.createConnection = function (connection, done) {
            import('docker-modem/lib/ssh.js').then(
              (ssh) => (ssh.default ?? ssh)(options).createConnection(connection, done),
              done,
            );
          };
          return agent;
        };`,
  missing: "docker-modem's lib/modem.js no longer requires './ssh'",
});

/**
 * dockerode requires its BuildKit session code (grpc-js, proto-loader and protobufjs: 0.84 MB bundled) when it
 * is loaded, for `buildImage` with a session, which image-guard never calls: it builds with the user's docker
 * CLI and talks to the engine through `docker.modem`. Its `require('./session')` and `require('./buildkit')`
 * get a stand-in that says so if ever called.
 */
const noDockerodeSession = standIn({
  name: 'no-dockerode-session',
  importer: /[\\/]dockerode[\\/]lib[\\/]docker\.js$/,
  requests: ['./session', './buildkit'],
  path: (request) => `dockerode/lib/${request.slice(2)}.js`,
  contents: (path) => `module.exports = function () {
        throw new Error('${path}: BuildKit sessions of dockerode are not bundled in image-guard');
      };`,
  missing: "dockerode's lib/docker.js no longer requires './session' and './buildkit'",
});

/**
 * dockerode requires tar-fs and @balena/dockerignore (with tar-stream, bl and readable-stream: 0.15 MB bundled)
 * when it is loaded, to pack a build context for `buildImage`, and docker-modem requires its HttpDuplex (over
 * readable-stream) for a container's stdin; image-guard does neither through them. Parsing them was not only
 * start-up: a bigger heap at the first request made V8 run ten times as many full collections while an image
 * streamed (docs/performance.md). They get a stand-in that says so if ever called.
 */
const noBuildContext = standIn({
  name: 'no-dockerode-build-context',
  importer: /[\\/](dockerode[\\/]lib[\\/]util|docker-modem[\\/]lib[\\/]modem)\.js$/,
  requests: ['tar-fs', '@balena/dockerignore', './http_duplex'],
  path: (request) => `image-guard-stand-in/${request.replace(/^\.\//, 'docker-modem/')}.js`,
  contents: (path) => `function notBundled() {
        throw new Error('${path}: not bundled in image-guard, which neither builds nor attaches through dockerode');
      }
      module.exports = notBundled;
      module.exports.pack = notBundled;`,
  missing:
    "dockerode's lib/util.js no longer requires 'tar-fs' and '@balena/dockerignore', or docker-modem's lib/modem.js './http_duplex'",
});

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (ssh2 and others) call require() and read __dirname; give ESM both.
  banner: {
    js: [
      "import { createRequire as __igCreateRequire } from 'node:module';",
      "import { fileURLToPath as __igFileURLToPath } from 'node:url';",
      "import { dirname as __igDirname } from 'node:path';",
      'const require = __igCreateRequire(import.meta.url);',
      'const __filename = __igFileURLToPath(import.meta.url);',
      'const __dirname = __igDirname(__filename);',
      // Deprecation warnings of bundled libraries are not the user's to act on, and must not come before the
      // error line (DEP0169 url.parse from the old engine client on Node 24; DEP0005 new Buffer() in tunnel,
      // which @actions/http-client uses behind an authenticated proxy). Set before any module's code runs.
      'process.noDeprecation = true;',
    ].join(' '),
  },
  // Native, optional accelerators of ssh2 (only used for ssh:// DOCKER_HOST); it falls back without them.
  external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
  plugins: [lazyModemSsh, noDockerodeSession, noBuildContext],
};

/**
 * Both programs in one build: `<outdir>/index.js` (the Action, from `<root>/src/index.ts`) and `<outdir>/cli.js`
 * (the CLI, from `<root>/src/cli.ts`), with their chunks in `<outdir>/chunks/`, so that what both bundle (the
 * analysis, the engine and registry clients, the renderers) is in dist/ once. Each entry statically imports
 * only the chunks of code it reaches statically, so neither loads more at start than when built alone. A
 * chunk's name hashes its contents and the chunks it imports, so each entry's bytes change whenever any of
 * its own code does (the analysis cache's fingerprint reads the entry alone) and not when only the other
 * program's code does.
 */
export async function buildDist(outdir = 'dist', root = '.') {
  for (const old of ['chunks', 'action-chunks', 'cli-chunks'])
    rmSync(join(outdir, old), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { index: join(root, 'src/index.ts'), cli: join(root, 'src/cli.ts') },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  // The shebang goes on the CLI's entry alone.
  const entry = join(outdir, 'cli.js');
  writeFileSync(entry, `#!/usr/bin/env node\n${readFileSync(entry, 'utf8')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildDist();
}
