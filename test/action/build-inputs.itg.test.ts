// The build inputs on a real engine, through the bundled Action: build secrets (inline, from a file, from an
// environment variable) on the head and base builds, an SSH agent, an exported and imported build cache,
// extra build contexts, a platform, and a builder that does not exist.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActionHarness,
  type ActionRun,
  actionHarness,
  canRunAction,
  OWNER,
  PR,
  REPO,
} from '../support/action-runner.js';
import { BUSYBOX, docker, engineAvailable, REGISTRY } from '../support/engine.js';
import { twoCommitRepo } from '../support/git-repo.js';

const hasBuildx = (() => {
  try {
    execFileSync('docker', ['buildx', 'version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
/** Whether the engine stores images in containerd: only then can its default (docker driver) builder export a cache. */
const containerdStore = (() => {
  try {
    return execFileSync('docker', ['info', '--format', '{{json .DriverStatus}}'], {
      encoding: 'utf8',
    }).includes('io.containerd.snapshotter');
  } catch {
    return false;
  }
})();

const engineMajor = (() => {
  try {
    return Number.parseInt(
      execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }),
      10,
    );
  } catch {
    return 0;
  }
})();

const INLINE = 'inl1ne-s3cret-7f3a';
const FROM_FILE = 'f1le-s3cret-9b2c';
const FROM_ENV = 'env-s3cret-41d0';

/** Everything the run published, except the ::add-mask:: commands that tell the runner what to hide. */
function published(run: ActionRun, harness: ActionHarness): string {
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const files = ['report-file', 'comment-file']
    .map((o) => run.outputs[o])
    .filter((p): p is string => !!p)
    .map((p) => readFileSync(p, 'utf8'));
  const comments = harness.server.comments(OWNER, REPO, PR).map((c) => c.body);
  return [stdout, run.stderr, JSON.stringify(run.outputs), run.summary, ...files, ...comments].join('\n');
}

describe.skipIf(!engineAvailable || !canRunAction || !hasBuildx)('build inputs, end to end', () => {
  let harness: ActionHarness;
  let n = 0;
  const repo = (base: Record<string, string> | null, head: Record<string, string>) =>
    twoCommitRepo(join(harness.work, `repo-${n++}`), base, head);

  beforeAll(async () => {
    harness = await actionHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('secrets from the input, a file and an env var build head and base; no value reaches anything published', async () => {
    const uses = `RUN --mount=type=secret,id=inline,required=true --mount=type=secret,id=file,required=true \\
    --mount=type=secret,id=env,required=true \\
    test "$(cat /run/secrets/inline /run/secrets/file /run/secrets/env | wc -c)" -gt 30 && echo secrets-seen`;
    const r = repo(
      { Dockerfile: `FROM ${BUSYBOX}\n${uses}\n` },
      { Dockerfile: `FROM ${BUSYBOX}\n${uses}\nRUN head -c 50000 /dev/urandom > /blob\n` },
    );
    const secretFile = join(harness.work, `secret-${n}.txt`);
    writeFileSync(secretFile, FROM_FILE);
    const run = await harness.run(
      r,
      {
        'comment-key': 'secrets',
        secrets: `inline=${INLINE}`,
        'secret-files': `file=${secretFile}`,
        'secret-envs': 'env=MY_BUILD_TOKEN',
      },
      { env: { MY_BUILD_TOKEN: FROM_ENV } },
    );
    expect(run.code, run.stdout).toBe(0);
    // Both builds ran the RUN that needs the secrets (required=true: a missing one fails the build).
    expect(run.stdout.match(/secrets-seen/g)?.length).toBeGreaterThanOrEqual(2);
    for (const v of [INLINE, FROM_FILE, FROM_ENV]) expect(run.stdout).toContain(`::add-mask::${v}`);
    const text = published(run, harness);
    for (const v of [INLINE, FROM_FILE, FROM_ENV]) expect(text).not.toContain(v);
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'));
    expect(report.delta.size).toBe(50_000);
  });

  it("a build that prints a secret: the runner hides it in the log, and the summary's log tail is redacted", async () => {
    const leak = `FROM ${BUSYBOX}\nRUN --mount=type=secret,id=inline cat /run/secrets/inline && exit 3\n`;
    const r = repo({ Dockerfile: `FROM ${BUSYBOX}\n` }, { Dockerfile: leak });
    const run = await harness.run(r, { 'comment-key': 'leak', secrets: `inline=${INLINE}` });
    expect(run.code).toBe(1);
    expect(run.summary).toContain('did not build');
    expect(run.summary).not.toContain(INLINE);
    expect(run.summary).toContain('***');
    const comment = harness.server.comments(OWNER, REPO, PR).find((c) => c.body.includes('image-guard:leak'));
    expect(comment?.body).not.toContain(INLINE);
  });

  it('an SSH agent reaches RUN --mount=type=ssh through the ssh input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-ssh-'));
    const socket = join(dir, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && !exists(socket); i++) await new Promise((d) => setTimeout(d, 100));
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'key')]);
      execFileSync('ssh-add', [join(dir, 'key')], {
        env: { ...process.env, SSH_AUTH_SOCK: socket },
        stdio: 'ignore',
      });
      const uses = `RUN --mount=type=ssh,required=true test -S "$SSH_AUTH_SOCK" && echo agent-seen`;
      const r = repo(
        { Dockerfile: `FROM ${BUSYBOX}\n${uses}\n` },
        { Dockerfile: `FROM ${BUSYBOX}\n${uses}\nUSER nobody\n` },
      );
      const run = await harness.run(
        r,
        { 'comment-key': 'ssh', ssh: 'default' },
        { env: { SSH_AUTH_SOCK: socket } },
      );
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout.match(/agent-seen/g)?.length).toBeGreaterThanOrEqual(2);
      // Without the input the same Dockerfile does not build: the agent came through `ssh`.
      const without = await harness.run(
        r,
        { 'comment-key': 'ssh-none', 'build-time': 'fresh' },
        { env: { SSH_AUTH_SOCK: socket } },
      );
      expect(without.code).toBe(1);
      expect(without.stdout).toMatch(/the head image did not build/);
    } finally {
      agent.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('platform is honoured: both builds get --platform, and TARGETARCH is arm64', async () => {
    const dockerfile = `FROM --platform=$BUILDPLATFORM ${BUSYBOX}\nARG TARGETARCH\nRUN echo "$TARGETARCH" > /arch\n`;
    // The base too is built for arm64, from the local (amd64) base image used as the build platform's.
    const r = repo({ Dockerfile: `FROM --platform=$BUILDPLATFORM ${BUSYBOX}\n` }, { Dockerfile: dockerfile });
    const run = await harness.run(r, { 'comment-key': 'platform', platform: 'linux/arm64' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('--platform=linux/arm64');
    expect(run.stdout.match(/--platform=linux\/arm64/g)).toHaveLength(2);
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'));
    // "arm64\n" from the RUN: the only addition.
    expect(report.delta.size).toBe(6);
  });

  // Named contexts need the Dockerfile frontend 1.4+: engines from 23 have it built in; 20.10's BuildKit would
  // pull it from Docker Hub (`# syntax=`), which these machines cannot reach.
  it.skipIf(engineMajor < 23)('build-contexts are honoured', async () => {
    const extra = join(harness.work, `extra-${n}`);
    mkdirSync(extra);
    writeFileSync(join(extra, 'shared.txt'), 'x'.repeat(12_345));
    const dockerfile = `FROM ${BUSYBOX}\nCOPY --from=shared shared.txt /shared.txt\n`;
    const r = repo({ Dockerfile: `FROM ${BUSYBOX}\n` }, { Dockerfile: dockerfile });
    const run = await harness.run(r, { 'comment-key': 'contexts', 'build-contexts': `shared=${extra}` });
    expect(run.code, run.stdout).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'));
    expect(report.delta.size).toBe(12_345);
  });

  it('a builder that does not exist: one clear error line, nothing built', async () => {
    const r = repo({ Dockerfile: `FROM ${BUSYBOX}\n` }, { Dockerfile: `FROM ${BUSYBOX}\nUSER nobody\n` });
    const run = await harness.run(r, { 'comment-key': 'builder', builder: 'no-such-builder' });
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error::image-guard: builder "no-such-builder" cannot be used \(.*no-such-builder.*\): create it earlier in the job/,
    );
    expect(run.stdout).not.toContain('image-guard: building');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it.skipIf(containerdStore)(
    'cache-to on a builder that cannot export a cache (the docker driver, classic store): one line that says what to do',
    async () => {
      const r = repo(
        { Dockerfile: `FROM ${BUSYBOX}\n` },
        { Dockerfile: `FROM ${BUSYBOX}\nRUN echo x > /x\n` },
      );
      const dest = join(harness.work, `cache-${n}`);
      const run = await harness.run(r, { 'comment-key': 'no-export', 'cache-to': `type=local,dest=${dest}` });
      expect(run.code).toBe(1);
      expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([
        expect.stringMatching(
          /^::error::image-guard: cache-to: this builder cannot export a build cache .*docker\/setup-buildx-action.*containerd image store/,
        ),
      ]);
    },
  );

  for (const kind of ['local', 'registry'] as const) {
    it.skipIf(!containerdStore)(
      `cache-to/cache-from type=${kind}: a second run's builds are served from the exported cache, and the report says so`,
      async () => {
        const tag = `${process.pid}-${Date.now().toString(36)}`;
        const cache =
          kind === 'local'
            ? {
                to: `type=local,dest=${join(harness.work, `cache-${tag}`)},mode=max`,
                from: `type=local,src=${join(harness.work, `cache-${tag}`)}`,
              }
            : {
                to: `type=registry,ref=${REGISTRY}/image-guard-test/build-cache:${tag},mode=max`,
                from: `type=registry,ref=${REGISTRY}/image-guard-test/build-cache:${tag}`,
              };
        // A step whose output differs on every real run: only a cache can give the same layer twice.
        const dockerfile = `FROM ${BUSYBOX}\nRUN head -c 30000 /dev/urandom > /rand && echo ${tag} > /tag\n`;
        const r = repo({ Dockerfile: `FROM ${BUSYBOX}\n` }, { Dockerfile: dockerfile });
        const inputs = { 'comment-key': `cache-${kind}`, 'cache-to': cache.to, 'cache-from': cache.from };
        const first = await harness.run(r, inputs);
        expect(first.code, first.stdout).toBe(0);
        const firstReport = JSON.parse(readFileSync(first.outputs['report-file']!, 'utf8'));
        expect(firstReport.costs.head.build.cache).toBe('none');
        // Nothing of the first build stays in the engine: the images are removed by the run, the cache pruned.
        await docker(['builder', 'prune', '-af']);
        const second = await harness.run(r, { ...inputs, 'cache-to': '' });
        expect(second.code, second.stdout).toBe(0);
        expect(second.stdout).toMatch(/importing cache manifest from/);
        const report = JSON.parse(readFileSync(second.outputs['report-file']!, 'utf8'));
        expect(report.costs.head.build.cache).toBe('all');
        // The random layer is the same bytes: it came from the cache.
        const layerOf = (rep: { head: { layers: { diffId: string; size: number }[] } }) =>
          rep.head.layers.filter((l) => l.size >= 30_000).map((l) => l.diffId);
        expect(layerOf(report)).toEqual(layerOf(firstReport));
        expect(second.summary).toMatch(/\| build time \| [^|]*\| [\d.]+ s \(cached\) \|/);
      },
    );
  }
});

function exists(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
