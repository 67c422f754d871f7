// The file-level diff's cost (issue 14), measured in one run against the code it was added to: two generated
// `docker save` archives of about 110,000 paths each (a shared OS layer of 100,000 files and one layer of
// 10,000 files each of its own, with whiteouts, an opaque directory and hard links), analyzed and compared by
// two CLI bundles built at the start: BEFORE (a git revision, default main) and AFTER (the working tree).
// Runs alternate between the two so that a busy machine weighs on both alike; each figure is the median wall
// wall and CPU (user + system) time and the largest peak RSS (GNU time), and each ratio AFTER / BEFORE is the
// median of the rounds' ratios. On a busy machine the CPU time is the steadier figure.
//
//   node scripts/bench/file-diff.mjs [--before REV] [--runs N] [--dir DIR]
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pack } from 'tar-stream';
import { buildDist } from '../build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const BEFORE = opt('--before', 'main');
const RUNS = Math.max(1, Number(opt('--runs', '3')));
const DIR = opt('--dir', '/tmp/image-guard-bench-file-diff');
const log = (m) => process.stderr.write(`bench: ${m}\n`);

/** Writes a layer tar from a generator of tar-stream headers (a `body` string for files). */
async function layer(path, entries) {
  const p = pack();
  const done = new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('finish', resolve);
    out.on('error', reject);
    p.pipe(out);
  });
  for (const e of entries) {
    const { body, ...header } = e;
    await new Promise((resolve, reject) => {
      p.entry({ mode: 0o644, mtime: new Date(0), ...header }, body ?? undefined, (err) =>
        err ? reject(err) : resolve(),
      );
    });
  }
  p.finalize();
  await done;
  return `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
}

const text = (n) => `${'file contents '.repeat(1 + (n % 40))}\n`;

function* osLayer() {
  // 100 top directories × 10 subdirectories × 100 files = 100,000 files.
  for (let a = 0; a < 100; a++) {
    yield { name: `usr/share/pkg${a}`, type: 'directory', mode: 0o755 };
    for (let b = 0; b < 10; b++) {
      yield { name: `usr/share/pkg${a}/d${b}`, type: 'directory', mode: 0o755 };
      for (let c = 0; c < 100; c++) yield { name: `usr/share/pkg${a}/d${b}/f${c}`, body: text(a + b + c) };
    }
  }
  yield { name: 'opt/old', type: 'directory', mode: 0o755 };
  for (let c = 0; c < 100; c++) yield { name: `opt/old/f${c}`, body: text(c) };
}

/** 10,000 files of the side's own, a whiteout, an opaque directory and hard links. */
function* ownLayer(side) {
  const top = side === 'base' ? 'usr/lib/gcc' : 'opt/venv/lib';
  for (let a = 0; a < 100; a++) {
    yield { name: `${top}/m${a}`, type: 'directory', mode: 0o755 };
    for (let c = 0; c < 100; c++) yield { name: `${top}/m${a}/f${c}`, body: text(a * 7 + c) };
  }
  yield { name: `${top}/m0/link`, type: 'link', linkname: `${top}/m0/f0` };
  yield { name: 'usr/share/pkg1/.wh.d1', body: '' };
  if (side === 'head') {
    yield { name: 'opt/old/.wh..wh..opq', body: '' };
    yield { name: 'opt/old/new', body: text(3) };
  }
}

async function archive(side) {
  const out = join(DIR, `${side}.tar`);
  if (existsSync(out)) return out;
  const work = join(DIR, `${side}-parts`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'l0'), { recursive: true });
  mkdirSync(join(work, 'l1'), { recursive: true });
  const d0 = await layer(join(work, 'l0', 'layer.tar'), osLayer());
  const d1 = await layer(join(work, 'l1', 'layer.tar'), ownLayer(side));
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [d0, d1] },
    history: [{ created_by: 'ADD os.tar /' }, { created_by: `RUN make ${side}` }],
  });
  const configName = `${createHash('sha256').update(config).digest('hex')}.json`;
  writeFileSync(join(work, configName), config);
  writeFileSync(
    join(work, 'manifest.json'),
    JSON.stringify([{ Config: configName, RepoTags: null, Layers: ['l0/layer.tar', 'l1/layer.tar'] }]),
  );
  execFileSync('tar', ['-cf', out, '-C', work, 'manifest.json', configName, 'l0', 'l1']);
  rmSync(work, { recursive: true, force: true });
  return out;
}

/** The CLI bundle of a revision (its src/ from git) and of the working tree. */
async function bundles() {
  const before = join(DIR, 'before');
  const src = join(DIR, 'before-src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  execFileSync('sh', [
    '-c',
    `git -C "$0" archive "$1" src package.json tsconfig.json | tar -x -C "$2"`,
    ROOT,
    BEFORE,
    src,
  ]);
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  await buildDist(before, src);
  const after = join(DIR, 'after');
  await buildDist(after, ROOT);
  return { before: join(before, 'cli.js'), after: join(after, 'cli.js') };
}

function timed(argv) {
  const rssFile = join(DIR, `.rss-${process.pid}`);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, ...argv], {
      env: { ...process.env, IMAGE_GUARD_CACHE_DIR: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const [rss, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ');
      if (code !== 0 && code !== 1) reject(new Error(`${argv.join(' ')} exited ${code}: ${err.slice(-400)}`));
      else resolve({ seconds, rssKb: Number(rss), cpu: Number(user) + Number(sys) });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

mkdirSync(DIR, { recursive: true });
log(`archives in ${DIR}`);
const base = await archive('base');
const head = await archive('head');
log(`bundles: before = ${BEFORE}, after = working tree`);
const cli = await bundles();
const node = process.execPath;
const cases = [
  [
    'analyze head, --no-pull-size',
    (c) => [node, c, 'analyze', `docker-archive:${head}`, '--no-pull-size', '--format', 'json'],
  ],
  ['analyze head', (c) => [node, c, 'analyze', `docker-archive:${head}`, '--format', 'json']],
  [
    'compare base → head, --no-pull-size',
    (c) => [
      node,
      c,
      'compare',
      '--base',
      `docker-archive:${base}`,
      '--head',
      `docker-archive:${head}`,
      '--no-pull-size',
      '--format',
      'json',
    ],
  ],
];
const rows = [];
for (const [label, argv] of cases) {
  const runs = { before: [], after: [] };
  for (let r = 0; r < RUNS; r++) {
    // Alternate which goes first, so that neither always runs on a warmer cache.
    const order = r % 2 ? ['after', 'before'] : ['before', 'after'];
    for (const which of order) runs[which].push(await timed(argv(cli[which])));
  }
  const ratio = median(runs.after.map((a, i) => a.seconds / runs.before[i].seconds));
  const cpuRatio = median(runs.after.map((a, i) => a.cpu / runs.before[i].cpu));
  const fig = (xs) =>
    `${median(xs.map((x) => x.seconds)).toFixed(2)} s (CPU ${median(xs.map((x) => x.cpu)).toFixed(2)} s), ${(Math.max(...xs.map((x) => x.rssKb)) / 1024).toFixed(0)} MB`;
  rows.push(
    `| ${label} | ${fig(runs.before)} | ${fig(runs.after)} | ${ratio.toFixed(2)}x (CPU ${cpuRatio.toFixed(2)}x) |`,
  );
  log(
    `${label}: before ${fig(runs.before)}; after ${fig(runs.after)}; ratio ${ratio.toFixed(2)}x, CPU ${cpuRatio.toFixed(2)}x`,
  );
}
const out = JSON.parse(
  execFileSync(
    node,
    [
      cli.after,
      'compare',
      '--base',
      `docker-archive:${base}`,
      '--head',
      `docker-archive:${head}`,
      '--no-pull-size',
      '--format',
      'json',
      '--fail-on',
      'never',
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, IMAGE_GUARD_CACHE_DIR: 'off' },
    },
  ),
);
const files = (s) => `${out.diff[s].files} files`;
process.stdout.write(
  [
    `paths: base ${out.base.files.fileCount}, head ${out.head.files.fileCount}; diff: ${files('added')} added, ${files('removed')} removed, ${files('grown')} grown, ${files('shrunk')} shrunk`,
    '',
    `| figure (${RUNS} runs each, alternating) | before (${BEFORE}) | after | after / before |`,
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
