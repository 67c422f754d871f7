// The committed dist/index.js, run the way the Actions runner runs it: Node 24, INPUT_* variables, an event
// payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_API_URL pointing at the local GitHub API
// server (which checks every call against GitHub's OpenAPI description), against the real engine, in a
// temporary git repository with a base commit and a PR commit.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryClient } from '../../src/registry/registry-client.js';
import {
  type ActionHarness,
  actionHarness,
  canRunAction,
  OWNER,
  PR,
  REPO,
} from '../support/action-runner.js';
import { startArtifactService, unzip } from '../support/artifact-service.js';
import {
  BUSYBOX,
  buildCommand,
  DOCKER,
  docker,
  ENGINE,
  engineAvailable,
  REGISTRY,
  removeImages,
} from '../support/engine.js';
import { git, twoCommitRepo } from '../support/git-repo.js';
import type { GitHubApiServer } from '../support/github-api-server.js';

const FORK_TOKEN = 'ghs_fork_read_only';

const BASE_DOCKERFILE = `FROM ${BUSYBOX}
WORKDIR /app
COPY app.txt .
USER nobody
`;
const HEAD_DOCKERFILE = `FROM ${BUSYBOX}
WORKDIR /app
RUN head -c 200000 /dev/urandom > /app/blob
COPY app.txt .
USER nobody
`;

const registryUp = await fetch(`http://${REGISTRY}/v2/`, { signal: AbortSignal.timeout(2000) }).then(
  (res) => res.ok,
  () => false,
);

describe.skipIf(!engineAvailable || !canRunAction)('the Action, end to end', () => {
  let harness: ActionHarness;
  let server: GitHubApiServer;
  let work: string;

  beforeAll(async () => {
    harness = await actionHarness();
    server = harness.server;
    work = harness.work;
    server.addToken(FORK_TOKEN, { login: 'github-actions[bot]', kind: 'app', canWrite: false });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const repo = (name: string, base: Record<string, string> | null, head: Record<string, string>) =>
    twoCommitRepo(join(work, name), base, head);
  const runAction: ActionHarness['run'] = (r, inputs, options) => harness.run(r, inputs, options);

  const comments = () => server.comments(OWNER, REPO, PR);

  it('first run creates one comment, a changed PR edits it, an unchanged one leaves it', async () => {
    const r = repo(
      'sticky',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD_DOCKERFILE, 'app.txt': 'v2\n' },
    );
    const first = await runAction(r);
    expect(first.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(first.code, first.stdout).toBe(0);
    expect(comments()).toHaveLength(1);
    const [created] = comments();
    expect(created!.body).toContain('<!-- image-guard:Dockerfile -->');
    expect(created!.body).toMatch(/\| size \| .+ \| .+ \| \*\*\+200 kB\*\* /);
    expect(first.outputs.passed).toBe('true');
    expect(Number(first.outputs['size-delta'])).toBe(200_000);
    expect(Number(first.outputs.size)).toBe(Number(first.outputs['base-size']) + 200_000);
    expect(first.outputs['comment-url']).toBe(created!.id ? first.outputs['comment-url'] : '');
    expect(first.summary).toContain('image-guard');
    const report = JSON.parse(readFileSync(first.outputs['report-file']!, 'utf8'));
    expect(report.delta.size).toBe(200_000);
    expect(report.layers.map((l: { status: string }) => l.status)).toContain('added');
    expect(readFileSync(first.outputs['comment-file']!, 'utf8')).toContain('image-guard');

    // The same PR again: nothing changed, so the comment is not edited.
    server.reset();
    const again = await runAction(r);
    expect(again.code).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(server.requests.filter((q) => q.method === 'PATCH')).toHaveLength(0);

    // A new PR commit: the same comment is edited in place.
    writeFileSync(join(r.dir, 'Dockerfile'), HEAD_DOCKERFILE.replace('200000', '300000'));
    git(r.dir, 'commit', '-qam', 'bigger');
    const changed = await runAction({ ...r, headSha: git(r.dir, 'rev-parse', 'HEAD') });
    expect(changed.code).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.id).toBe(created!.id);
    expect(comments()[0]!.body).toContain('+300 kB');
    expect(server.violations).toEqual([]);
  });

  it('a broken budget fails the step and says which', async () => {
    const r = repo(
      'budget',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD_DOCKERFILE },
    );
    const res = await runAction(r, { 'max-increase': '100kB', 'comment-key': 'budget' });
    expect(res.code).toBe(1);
    expect(res.outputs.passed).toBe('false');
    expect(res.stdout).toMatch(/::error::image-guard: failed: max-increase 200 kB \(limit 100 kB\)/);
    expect(res.summary).toMatch(/max-increase/);
    expect(server.violations).toEqual([]);
  });

  it("a fork's read-only token: no comment, a warning, the summary and outputs still written", async () => {
    const r = repo(
      'fork',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD_DOCKERFILE },
    );
    const before = comments().length;
    const res = await runAction(r, { 'comment-key': 'fork' }, { token: FORK_TOKEN, fork: true });
    expect(res.code).toBe(0);
    expect(comments()).toHaveLength(before);
    expect(res.stdout.match(/::warning::image-guard: the PR comment was not posted/g)).toHaveLength(1);
    expect(res.summary).toContain('image-guard');
    expect(res.outputs['comment-url']).toBe('');
    expect(res.outputs.passed).toBe('true');
    // The token appears once, in the ::add-mask:: command that tells the runner to hide it, and nowhere else.
    expect(res.stdout.replace(`::add-mask::${FORK_TOKEN}`, '')).not.toContain(FORK_TOKEN);
  });

  it('a broken PR build fails the step with the log tail in the summary, not in the comment', async () => {
    const broken = `FROM ${BUSYBOX}\nRUN echo about-to-fail && exit 3\n`;
    const r = repo('broken', { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' }, { Dockerfile: broken });
    const res = await runAction(r, { 'comment-key': 'broken' });
    expect(res.code).toBe(1);
    expect(res.summary).toContain('did not build');
    expect(res.summary).toContain('about-to-fail');
    expect(res.stdout).toMatch(/::error::image-guard: the head image did not build/);
    // A build error can quote the files it read: the comment says where the log is, without its lines.
    const comment = comments().find((c) => c.body.includes('image-guard:broken'));
    expect(comment?.body).toContain('did not build');
    expect(comment?.body).not.toContain('about-to-fail');
  });

  it('no Dockerfile at the base: a new image, reported, not failed', async () => {
    const r = repo('new', null, { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' });
    const res = await runAction(r, { 'comment-key': 'new' });
    expect(res.code).toBe(0);
    const report = JSON.parse(readFileSync(res.outputs['report-file']!, 'utf8'));
    expect(report.base).toBeNull();
    expect(report.baseUnavailable).toMatch(/does not exist at the base commit .*new image/);
    expect(res.summary).toContain('new image');
  });

  it('two runs at once still leave one comment', async () => {
    const r = repo(
      'race',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD_DOCKERFILE },
    );
    server.barrier('issues/create-comment', 2);
    const [a, b] = await Promise.all([
      runAction(r, { 'comment-key': 'race' }),
      runAction(r, { 'comment-key': 'race' }),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(comments().filter((c) => c.body.includes('<!-- image-guard:race -->'))).toHaveLength(1);
    expect(server.violations).toEqual([]);
  });

  it('the costs table: fresh build times, pull sizes, start-up by port, no container left', async () => {
    const web = `FROM ${BUSYBOX}\nRUN mkdir /www && echo ok > /www/index.html\nCMD ["httpd", "-f", "-p", "8000", "-h", "/www"]\n`;
    const bigger = web.replace('CMD', 'RUN head -c 200000 /dev/urandom > /blob\nCMD');
    const r = repo('costs', { Dockerfile: web }, { Dockerfile: bigger });
    const inputs = {
      'comment-key': 'costs',
      'build-time': 'fresh',
      'pull-bandwidth': '10Mbit/s',
      'startup-probe': 'port:8000',
      'startup-runs': '2',
      'startup-timeout': '20',
    };
    const res = await runAction(r, inputs);
    expect(res.code, res.stdout).toBe(0);
    const costs = JSON.parse(readFileSync(res.outputs['report-file']!, 'utf8')).costs;
    expect(costs.pullBandwidth).toBe(10_000_000);
    for (const side of [costs.base, costs.head]) {
      expect(side.build).toMatchObject({ cache: 'none', noCache: true });
      expect(side.pull).toMatchObject({ compression: 'gzip', source: 'computed' });
      expect(side.startup).toMatchObject({ probe: 'port:8000', note: null });
      expect(side.startup.runs).toHaveLength(2);
    }
    expect(costs.notes.build).toBeNull();
    // 200 kB of random bytes do not compress: the head pulls about that much more, and only that with the base.
    expect(costs.head.pull.bytes - costs.base.pull.bytes).toBeGreaterThan(195_000);
    expect(costs.headPullAfterBase.bytes).toBeGreaterThan(195_000);
    expect(costs.headPullAfterBase.bytes).toBeLessThan(costs.head.pull.bytes);
    expect(costs.head.pull.seconds).toBeCloseTo((costs.head.pull.bytes * 8) / 10_000_000, 6);
    expect(res.summary).toContain('**Size, build, pull and start-up**');
    for (const row of [
      'image size',
      'build time',
      'pull size (gzip)',
      'pull time at 10 Mbit/s',
      'pull with the base present',
      'start-up (median of 2 runs)',
    ])
      expect(res.summary).toContain(`| ${row} |`);
    expect(await docker(['ps', '-aq', '--filter', 'label=image-guard.startup'])).toBe('');

    // Again with the cache: both builds now come from it, and the table says so instead of a change.
    const cached = await runAction(r, { 'comment-key': 'costs' });
    const again = JSON.parse(readFileSync(cached.outputs['report-file']!, 'utf8')).costs;
    expect(again.base.build.cache).toBe('all');
    expect(again.notes.build).toMatch(/the base build ran entirely from the cache.*build-time: fresh/);
    expect(cached.summary).toMatch(/\| build time \| [\d.]+ s \(cached\) \| [\d.]+ s \(cached\) \| {2}\|/);
  });

  it.skipIf(!registryUp)(
    'a base-image from a registry: read from it with no pull, sized by its manifest; the same base as pulled',
    async () => {
      const baseRef = `${REGISTRY}/image-guard-test/action-base:${ENGINE.name}-${process.pid}`;
      const r = repo(
        'costs-registry',
        { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
        { Dockerfile: HEAD_DOCKERFILE, 'app.txt': 'v2\n' },
      );
      // The base as a registry holds it: built from the base commit's Dockerfile, pushed, and dropped locally so
      // that the Action reads it from the registry (base-source: auto), then pulls it (base-source: engine).
      const cmd = buildCommand('buildkit', ['-q', '-t', baseRef, '-f', '-', r.dir]);
      execFileSync(DOCKER, cmd.args, { input: BASE_DOCKERFILE, env: { ...process.env, ...cmd.env } });
      await docker(['push', baseRef]);
      await removeImages(baseRef);
      try {
        const res = await runAction(r, { 'comment-key': 'costs-registry', 'base-image': baseRef });
        expect(res.code, res.stdout).toBe(0);
        const costs = JSON.parse(readFileSync(res.outputs['report-file']!, 'utf8')).costs;
        expect(costs.base.pull).toMatchObject({ compression: 'gzip', source: 'registry' });
        expect(costs.head.pull.source).toBe('computed');
        expect(costs.base.build).toBeNull();
        expect(costs.notes.build).toMatch(/base image was given/);
        expect(res.summary).toMatch(/sizes base from the registry, head computed/);
        // Read from the registry: the engine did not pull it, and the report names it as given.
        await expect(docker(['image', 'inspect', baseRef])).rejects.toThrow();
        const fromRegistry = JSON.parse(readFileSync(res.outputs['report-file']!, 'utf8'));
        expect(fromRegistry.base.ref).toBe(baseRef);

        const pulled = await runAction(r, {
          'comment-key': 'costs-registry',
          'base-image': baseRef,
          'base-source': 'engine',
        });
        expect(pulled.code, pulled.stdout).toBe(0);
        await docker(['image', 'inspect', baseRef]);
        const fromEngine = JSON.parse(readFileSync(pulled.outputs['report-file']!, 'utf8'));
        // The same base either way; the containerd store names the image by its manifest or index digest.
        const { id: registryId, ...registryBase } = fromRegistry.base;
        const { id: engineId, ...engineBase } = fromEngine.base;
        expect(registryBase).toEqual(engineBase);
        const sizes = await registryClient().compressedSize(baseRef);
        if (!sizes.ok) throw new Error(sizes.why);
        expect(registryId).toBe(sizes.configDigest);
        expect([sizes.configDigest, sizes.manifestDigest, sizes.indexDigest]).toContain(engineId);
        expect(fromRegistry.layers).toEqual(fromEngine.layers);
        expect(fromRegistry.delta).toEqual(fromEngine.delta);
      } finally {
        await removeImages(baseRef);
      }
    },
  );

  it('cache-probe: a COPY of the whole context before the install rebuilds the install', async () => {
    const bad = `FROM ${BUSYBOX}\nWORKDIR /app\nCOPY . .\nRUN head -c 50000 /dev/urandom > /deps.bin\n`;
    const good = `FROM ${BUSYBOX}\nWORKDIR /app\nCOPY requirements.txt .\nRUN head -c 50000 /dev/urandom > /deps.bin\nCOPY . .\n`;
    const files = { 'requirements.txt': 'flask\n', 'main.py': 'print(1)\n' };
    const r1 = repo(
      'probe-bad',
      { Dockerfile: bad, ...files },
      { Dockerfile: bad, ...files, 'main.py': 'print(2)\n' },
    );
    const res1 = await runAction(r1, { 'cache-probe': 'true', 'comment-key': 'probe-bad' });
    expect(res1.code).toBe(0);
    const probe1 = JSON.parse(readFileSync(res1.outputs['report-file']!, 'utf8')).cacheProbe;
    expect(probe1.changedFile).toBe('main.py');
    expect(probe1.missed.map((l: { createdBy: string }) => l.createdBy)).toEqual([
      expect.stringContaining('COPY . .'),
      expect.stringContaining('/deps.bin'),
    ]);
    expect(probe1.missedBytes).toBeGreaterThanOrEqual(50_000);
    expect(res1.summary).toContain('Cache probe: changing main.py rebuilt 2 layers');

    const r2 = repo(
      'probe-good',
      { Dockerfile: good, ...files },
      { Dockerfile: good, ...files, 'main.py': 'print(2)\n' },
    );
    const res2 = await runAction(r2, { 'cache-probe': 'true', 'comment-key': 'probe-good' });
    const probe2 = JSON.parse(readFileSync(res2.outputs['report-file']!, 'utf8')).cacheProbe;
    expect(probe2.missed.map((l: { createdBy: string }) => l.createdBy)).toEqual([
      expect.stringContaining('COPY . .'),
    ]);
    expect(probe2.missedBytes).toBeLessThan(50_000); // the COPY (with .git: no .dockerignore here), not the install
  });

  it('on push: the base is the before commit, no comment is posted, the rest is the same', async () => {
    const r = repo(
      'push',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD_DOCKERFILE },
    );
    server.reset();
    const res = await runAction(r, { 'comment-key': 'push' }, { push: true });
    expect(res.code, res.stdout).toBe(0);
    expect(Number(res.outputs['size-delta'])).toBe(200_000);
    expect(res.outputs['comment-url']).toBe('');
    expect(res.summary).toContain('+200 kB');
    expect(server.requests).toEqual([]);
  });

  it('the HTML report: uploaded to the artifact service (a local stand-in), linked from the comment and the summary', async () => {
    const artifacts = await startArtifactService();
    try {
      const r = repo(
        'html',
        { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
        { Dockerfile: HEAD_DOCKERFILE, 'app.txt': 'v2\n' },
      );
      const res = await runAction(
        r,
        { 'comment-key': 'html' },
        { env: { ...artifacts.env, GITHUB_RUN_ID: '31337' } },
      );
      expect(res.code, res.stdout).toBe(0);
      expect(artifacts.violations).toEqual([]);
      const stored = artifacts.artifacts.get('image-guard-report-html')!;
      expect(stored.finalized).toBe(true);
      const link = `https://github.com/${OWNER}/${REPO}/actions/runs/31337/artifacts/${stored.id}`;
      const comment = comments().find((c) => c.body.includes('image-guard:html'));
      expect(comment?.body).toContain(`[HTML report](${link})`);
      expect(res.summary).toContain(`[HTML report](${link})`);
      const page = readFileSync(res.outputs['report-html']!, 'utf8');
      expect(unzip(stored.bytes!).get('report.html')?.toString('utf8')).toBe(page);
      const report = JSON.parse(readFileSync(res.outputs['report-file']!, 'utf8'));
      expect(page).toContain(`data-figure="delta.size" data-value="${report.delta.size}"`);
      expect(res.stdout).not.toContain(artifacts.env.ACTIONS_RUNTIME_TOKEN);
    } finally {
      await artifacts.close();
    }
  });

  it('the HTML report without an artifact service: one line says so, the output names the file', async () => {
    const r = repo(
      'html-local',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD_DOCKERFILE },
    );
    const res = await runAction(r, { 'comment-key': 'html-local' });
    expect(res.code, res.stdout).toBe(0);
    expect(
      res.stdout.match(/the HTML report was not uploaded: the artifact service is not available here/g),
    ).toHaveLength(1);
    expect(readFileSync(res.outputs['report-html']!, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
