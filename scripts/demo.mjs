// `npm run demo`: image-guard's main job on the bundled example (examples/python-api: a Python API cut down by
// a multi-stage build): build the single-stage and the multi-stage image, time both builds, then compare them with
// the CLI and write the reports to a folder named at the end.
//
//   node scripts/demo.mjs [--fresh] [--out DIR]
//     --fresh    build without the engine's cache, so that the build times are the real ones
//     --out DIR  where the reports go (default: demo-output/ in the repository)
//
// The base is the real python:3.13-slim when the engine has it or can pull it; otherwise a local stand-in
// built from Debian's packages (scripts/bases.sh python), passed as --build-arg PYTHON_IMAGE.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exampleDir = 'examples/python-api';
const officialBase = 'python:3.13-slim';
const localBase = process.env.IG_PYTHON_IMAGE || 'image-guard-fixture/python:3.13-slim';
// The images' repository (IG_DEMO_IMAGE), so that runs sharing an engine can keep apart.
const demoImage = process.env.IG_DEMO_IMAGE || 'image-guard-demo/python-api';
// The CLI under demonstration: the committed bundle, or another build of it (IG_DEMO_CLI=/path/to/cli.js).
const cliPath = path.resolve(repo, process.env.IG_DEMO_CLI || 'dist/cli.js');
const pullTimeoutMs = Number(process.env.IG_DEMO_PULL_TIMEOUT_MS || 30_000);
const builds = [
  {
    key: 'single',
    label: 'single-stage',
    dockerfile: 'Dockerfile.single',
    tag: `${demoImage}:single`,
  },
  {
    key: 'multi',
    label: 'multi-stage',
    dockerfile: 'Dockerfile.multi',
    tag: `${demoImage}:multi`,
  },
];

class DemoError extends Error {}

const say = (line) => process.stderr.write(`demo: ${line}\n`);

function parseArgs(argv) {
  const options = { fresh: false, out: path.join(repo, 'demo-output') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--fresh') options.fresh = true;
    else if (arg === '--out' && argv[i + 1]) options.out = path.resolve(argv[++i]);
    else if (arg.startsWith('--out=')) options.out = path.resolve(arg.slice('--out='.length));
    else throw new DemoError(`unknown argument '${arg}' (expected --fresh, --out DIR)`);
  }
  return options;
}

function runSync(bin, args, options = {}) {
  const result = spawnSync(bin, args, { encoding: 'utf8', cwd: repo, ...options });
  return {
    status: result.error ? null : result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
  };
}

function clientVersion(bin) {
  const match = /version (\d+)\.([\w.+~-]*)/.exec(runSync(bin, ['--version']).stdout);
  return match ? { major: Number(match[1]), text: `${match[1]}.${match[2].replace(/,$/, '')}` } : null;
}

// BuildKit is what the Dockerfiles need (RUN --mount). A client with the buildx plugin uses it by default;
// clients before 23 have it built in behind DOCKER_BUILDKIT=1; a newer client without buildx only has the
// legacy builder, so then Debian's 20.10 client at /usr/bin/docker is used, when there is one.
function findDockerClient() {
  const env = { ...process.env, DOCKER_BUILDKIT: '1' };
  if (runSync('docker', ['buildx', 'version']).status === 0) {
    return { bin: 'docker', env, describe: 'docker with buildx (BuildKit)' };
  }
  const onPath = clientVersion('docker');
  if (onPath && onPath.major < 23) {
    return { bin: 'docker', env, describe: `docker ${onPath.text}, DOCKER_BUILDKIT=1` };
  }
  const debian = clientVersion('/usr/bin/docker');
  if (debian && debian.major < 23) {
    return { bin: '/usr/bin/docker', env, describe: `/usr/bin/docker ${debian.text}, DOCKER_BUILDKIT=1` };
  }
  if (onPath === null && debian === null) {
    throw new DemoError('no docker client: install Docker (Debian: apt-get install docker.io)');
  }
  throw new DemoError(
    "no docker client with BuildKit: install the buildx plugin, or Debian's docker.io (its client has BuildKit built in)",
  );
}

function ensureEngine(docker) {
  if (runSync(docker.bin, ['info'], { env: docker.env }).status === 0) return;
  say('no engine answers: starting one (scripts/engine.sh)');
  const result = spawnSync('bash', [path.join(repo, 'scripts/engine.sh')], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new DemoError('no Docker engine (scripts/engine.sh failed, see above)');
}

function imageExists(docker, ref) {
  return runSync(docker.bin, ['image', 'inspect', ref], { env: docker.env }).status === 0;
}

// On the containerd image store (Docker 29's default, scripts/engine-modern.sh here) `docker image inspect`
// Size is the stored content, not the layers' uncompressed size that image-guard and the classic store count.
function containerdStore(docker) {
  const result = runSync(docker.bin, ['info', '--format', '{{json .DriverStatus}}'], { env: docker.env });
  return result.status === 0 && result.stdout.includes('io.containerd.snapshotter');
}

function imageSize(docker, ref) {
  const result = runSync(docker.bin, ['image', 'inspect', '--format', '{{.Size}}', ref], { env: docker.env });
  if (result.status !== 0)
    throw new DemoError(`docker image inspect ${ref} failed: ${firstLine(result.stderr)}`);
  return Number(result.stdout.trim());
}

function firstLine(text) {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? ''
  );
}

function pickBase(docker) {
  if (imageExists(docker, officialBase)) {
    say(`base: ${officialBase} (already in the engine)`);
    return { image: officialBase, note: 'official image, already present' };
  }
  say(`base: trying docker pull ${officialBase} (at most ${Math.round(pullTimeoutMs / 1000)} s) …`);
  const pull = runSync(docker.bin, ['pull', '--quiet', officialBase], {
    env: docker.env,
    timeout: pullTimeoutMs,
    killSignal: 'SIGKILL',
  });
  if (pull.status === 0) {
    say(`base: ${officialBase} (pulled)`);
    return { image: officialBase, note: 'official image, pulled' };
  }
  const why =
    pull.status === null ? `no answer within ${Math.round(pullTimeoutMs / 1000)} s` : firstLine(pull.stderr);
  say(`base: ${officialBase} cannot be pulled (${why})`);
  if (!imageExists(docker, localBase)) {
    say(`base: building the local stand-in ${localBase} from Debian's packages (once, about a minute) …`);
  }
  const result = spawnSync('bash', [path.join(repo, 'scripts/bases.sh'), 'python'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, IG_PYTHON_IMAGE: localBase },
  });
  if (result.status !== 0) throw new DemoError(`could not build the local base ${localBase} (see above)`);
  say(`base: ${localBase} (local stand-in: Debian minbase + Debian's Python)`);
  return { image: localBase, note: `local stand-in; ${officialBase} could not be pulled: ${why}` };
}

// Builds one image with plain progress into a log file, echoing each step as it starts, and tells how much of
// it the engine's cache served: a cached build's time is no build time. The reading of the log is
// the one src/action/build-cache.ts does for the Action (RUN steps judged; CACHED / Using cache); the demo
// runs without a bundle of it, so it keeps this copy.
function build(docker, spec, base, options) {
  const log = path.join(options.out, `build-${spec.key}.log`);
  const args = [
    'build',
    '--progress=plain',
    '--file',
    path.join(exampleDir, spec.dockerfile),
    '--build-arg',
    `PYTHON_IMAGE=${base}`,
    '--tag',
    spec.tag,
    ...(options.fresh ? ['--no-cache'] : []),
    exampleDir,
  ];
  say(`building ${spec.label} image ${spec.tag} (${exampleDir}/${spec.dockerfile}) …`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const out = createWriteStream(log);
    out.write(`$ ${docker.bin} ${args.join(' ')}\n`);
    const child = spawn(docker.bin, args, { cwd: repo, env: docker.env, stdio: ['ignore', 'pipe', 'pipe'] });
    // BuildKit step number → name, for the RUN steps: they are the build's work (WORKDIR even reads CACHED
    // under --no-cache on engine 20.10, and FROM / COPY cost next to nothing here).
    const steps = new Map();
    const seen = new Set();
    const cached = new Set();
    let pending = '';
    const onData = (chunk) => {
      out.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const start = /^#(\d+) \[([^\]]+)\] (.*)$/.exec(line);
        if (start && !/^FROM /.test(start[3]) && !start[2].startsWith('internal') && !seen.has(start[1])) {
          seen.add(start[1]);
          if (/^RUN /.test(start[3])) steps.set(start[1], start[3]);
          const text = `[${start[2]}] ${start[3].replace(/\s+/g, ' ')}`;
          say(`  ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`);
        }
        const hit = /^#(\d+) CACHED/.exec(line);
        if (hit) cached.add(hit[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => reject(new DemoError(`could not run ${docker.bin}: ${error.message}`)));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      out.end();
      if (code !== 0) {
        reject(new DemoError(`docker build of ${spec.dockerfile} failed (exit ${code}): see ${log}`));
        return;
      }
      const hits = [...steps.keys()].filter((id) => cached.has(id)).length;
      const cache = hits === 0 ? 'none' : hits === steps.size ? 'all' : 'partial';
      resolve({ seconds, cache, steps: steps.size, cachedSteps: hits, log });
    });
  });
}

function formatBytes(bytes) {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

function percent(from, to) {
  if (!from) return '';
  const change = ((to - from) / from) * 100;
  return `${change > 0 ? '+' : ''}${Math.round(change)}%`;
}

// Runs the CLI, its report on stdout; 0 (passed) and 1 (a budget or finding failed) are both reports.
function cli(args) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw new DemoError(`could not run ${cliPath}: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(cliPath)) throw new DemoError(`${cliPath} is missing: run npm run build`);
  mkdirSync(options.out, { recursive: true });

  const docker = findDockerClient();
  say(`docker: ${docker.describe}`);
  ensureEngine(docker);
  const base = pickBase(docker);

  const measured = {};
  const inspectNote = containerdStore(docker)
    ? ' (docker image inspect: stored content on the containerd store)'
    : '';
  for (const spec of builds) {
    const result = await build(docker, spec, base.image, options);
    const size = imageSize(docker, spec.tag);
    measured[spec.key] = { ...spec, ...result, size };
    const cacheNote = { none: '', partial: ', partly from cache', all: ', all from cache' }[result.cache];
    say(`  built in ${result.seconds.toFixed(1)} s${cacheNote}: ${formatBytes(size)}${inspectNote}`);
  }

  const single = measured.single;
  const multi = measured.multi;
  writeFileSync(
    path.join(options.out, 'measurements.json'),
    `${JSON.stringify(
      {
        base: { image: base.image, note: base.note },
        builder: docker.describe,
        fresh: options.fresh,
        builds: Object.fromEntries(
          Object.values(measured).map((m) => [
            m.key,
            {
              image: m.tag,
              dockerfile: `${exampleDir}/${m.dockerfile}`,
              size: m.size,
              buildSeconds: Number(m.seconds.toFixed(2)),
              cache: m.cache,
              runSteps: m.steps,
              cachedRunSteps: m.cachedSteps,
            },
          ]),
        ),
      },
      null,
      2,
    )}\n`,
  );

  // What the linter says about the "before" (the "after" is linted by compare --dockerfile below).
  const lintArgs = ['lint', `${exampleDir}/Dockerfile.single`, '--context', exampleDir];
  say(`image-guard ${lintArgs.join(' ')}`);
  const lint = cli(lintArgs);
  if (lint.status !== 0 && lint.status !== 1) {
    throw new DemoError(`image-guard lint failed (exit ${lint.status}), see its error above`);
  }
  process.stdout.write(`${lint.stdout}\n`);
  writeFileSync(path.join(options.out, 'lint-single.txt'), lint.stdout);

  // The review of suggestions the Action would post on a PR that adds the "before", as its request body
  // (scripts/suggestion-request.mjs; the picture of it: npm run screenshot -- --review).
  const recorded = spawnSync(
    process.execPath,
    [path.join(repo, 'scripts/suggestion-request.mjs'), '--out', path.join(options.out, 'review.json')],
    { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (recorded.status !== 0) throw new DemoError('recording the review of suggestions failed, see above');

  // The costs table: build times as measured above (with how much the cache served), pull sizes computed
  // while the CLI reads the layers, start-up measured by the CLI (the example listens on 8000).
  const buildFlag = (m) =>
    `${m.seconds.toFixed(2)}/${options.fresh ? 'fresh' : { none: 'uncached', partial: 'partly-cached', all: 'cached' }[m.cache]}`;
  const compareArgs = [
    'compare',
    '--base',
    single.tag,
    '--head',
    multi.tag,
    '--dockerfile',
    `${exampleDir}/Dockerfile.multi`,
    '--context',
    exampleDir,
    '--base-build-time',
    buildFlag(single),
    '--head-build-time',
    buildFlag(multi),
    '--startup-probe',
    'port:8000',
    '--startup-runs',
    '3',
    '--startup-timeout',
    '60',
  ];
  say(`image-guard ${compareArgs.join(' ')} --format text`);
  const text = cli([...compareArgs, '--format', 'text']);
  if (text.status !== 0 && text.status !== 1) {
    throw new DemoError(`image-guard compare failed (exit ${text.status}), see its error above`);
  }
  process.stdout.write(text.stdout);
  writeFileSync(path.join(options.out, 'report.txt'), text.stdout);
  for (const [format, file] of [
    ['json', 'report.json'],
    ['markdown', 'report.md'],
  ]) {
    say(`image-guard compare … --format ${format} > ${path.join(path.relative(repo, options.out), file)}`);
    const report = cli([...compareArgs, '--format', format]);
    if (report.status !== 0 && report.status !== 1) {
      throw new DemoError(`image-guard compare --format ${format} failed (exit ${report.status}), see above`);
    }
    writeFileSync(path.join(options.out, file), report.stdout);
    if (format === 'markdown') {
      // The Action posts this very Markdown as its sticky PR comment (and writes it to the job summary).
      const comment = `<!-- image-guard:examples/python-api/Dockerfile.multi -->\n${report.stdout}`;
      writeFileSync(path.join(options.out, 'comment.md'), comment);
      process.stdout.write(
        `\nThe PR comment the Action would post for this change (${path.relative(repo, path.join(options.out, 'comment.md'))}):\n\n`,
      );
      process.stdout.write(`${comment.replace(/^/gm, '  | ')}\n`);
    }
  }

  // The costs table, every figure measured here, from the JSON report.
  const json = JSON.parse(readFileSync(path.join(options.out, 'report.json'), 'utf8'));
  const costs = json.costs;
  const seconds = (s) =>
    s === null || s === undefined ? '–' : s < 1 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`;
  const cacheMark = (b) =>
    !b ? '' : b.cache === 'all' ? ' (cached)' : b.cache === 'partial' ? ' (partly cached)' : '';
  const change = (a, b) =>
    a === null || a === undefined || b === null || b === undefined ? '' : percent(a, b);
  const mbit = `${costs.pullBandwidth / 1e6} Mbit/s`;
  const rows = [
    ['', 'single-stage', 'multi-stage', 'change'],
    [
      'image size',
      formatBytes(costs.base.size),
      formatBytes(costs.head.size),
      percent(costs.base.size, costs.head.size),
    ],
    [
      'build time',
      `${seconds(costs.base.build?.seconds)}${cacheMark(costs.base.build)}`,
      `${seconds(costs.head.build?.seconds)}${cacheMark(costs.head.build)}`,
      costs.notes.build ? 'n/a (cache)' : change(costs.base.build?.seconds, costs.head.build?.seconds),
    ],
    [
      `pull size (${costs.head.pull?.compression ?? 'gzip'})`,
      costs.base.pull ? formatBytes(costs.base.pull.bytes) : '–',
      costs.head.pull ? formatBytes(costs.head.pull.bytes) : '–',
      change(costs.base.pull?.bytes, costs.head.pull?.bytes),
    ],
    [
      `pull time at ${mbit}`,
      seconds(costs.base.pull?.seconds),
      seconds(costs.head.pull?.seconds),
      change(costs.base.pull?.seconds, costs.head.pull?.seconds),
    ],
    [
      'start-up (median of 3)',
      seconds(costs.base.startup?.medianSeconds),
      seconds(costs.head.startup?.medianSeconds),
      change(costs.base.startup?.medianSeconds, costs.head.startup?.medianSeconds),
    ],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  process.stdout.write('\nSize, build, pull and start-up, measured here:\n');
  for (const row of rows) {
    process.stdout.write(
      `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')}\n`,
    );
  }
  if (costs.headPullAfterBase) {
    process.stdout.write(
      `  a node that already has the single-stage image pulls ${formatBytes(costs.headPullAfterBase.bytes)} for the multi-stage one (${seconds(costs.headPullAfterBase.seconds)})\n`,
    );
  }
  for (const [row, note] of Object.entries(costs.notes))
    if (note) process.stdout.write(`  ${row}: ${note}\n`);
  if (single.cache !== 'none' || multi.cache !== 'none') {
    process.stdout.write('  (builds served from the cache time nothing real: npm run demo -- --fresh)\n');
  }
  process.stdout.write(
    `  base image: ${base.image}${base.image === officialBase ? '' : ' (local stand-in)'}\n`,
  );
  if (json.diff) {
    // What the multi-stage change took out of the image and put in, from the file-level diff.
    const d = json.diff;
    process.stdout.write(
      `\nWhere the bytes went (single-stage → multi-stage): ${d.removed.files} files removed (${formatBytes(d.removed.bytes)}), ${d.added.files} added (${formatBytes(d.added.bytes)}); the directories that changed most:\n`,
    );
    for (const dir of d.directories.slice(0, 6)) {
      const net = dir.net < 0 ? `−${formatBytes(-dir.net)}` : `+${formatBytes(dir.net)}`;
      process.stdout.write(`  ${net.padStart(9)}  ${dir.path}\n`);
    }
  }

  const verdict = text.status === 0 ? 'passed' : 'failed (a budget or a finding at error level)';
  say(`compare verdict: ${verdict}`);
  say(
    `reports: ${options.out} (report.txt, report.json, report.md, comment.md, review.json, lint-single.txt, measurements.json, build logs)`,
  );
}

main().catch((error) => {
  process.stderr.write(`demo: error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
