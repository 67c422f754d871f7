// The Action's run() through fakes of its ports (docker CLI, git, image analysis, comment publisher, event):
// what it builds, what it publishes, how it fails, and that whatever it made is removed even when a step throws.
// @actions/core writes to this process's stdout and to the files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { inputVariable } from '../../src/action/inputs.js';
import { type RunDeps, run } from '../../src/action/main.js';
import type { Publisher } from '../../src/action/publish.js';
import { analyzeImage } from '../../src/analysis/analyze.js';
import type { RunReport } from '../../src/analysis/report.js';
import type { Report } from '../../src/core/report.js';
import type { BuildRequest, DockerCli } from '../../src/engine/docker-cli.js';
import type { ActionEvent } from '../../src/github/event.js';
import { imageData, layer } from '../analysis/helpers.js';
import { type ArtifactServiceStandIn, startArtifactService, unzip } from '../support/artifact-service.js';
import { FakeEngine } from '../support/fake-engine.js';

// What the comparison returned in each run: the Action publishes it as it is and sets nothing on it.
const comparisons = vi.hoisted(() => [] as unknown[]);
vi.mock('../../src/app/compare.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/app/compare.js')>();
  return {
    ...actual,
    runComparison: async (...args: Parameters<typeof actual.runComparison>) => {
      const result = await actual.runComparison(...args);
      comparisons.push(result);
      return result;
    },
  };
});

const OS = {
  createdBy: '/bin/sh -c #(nop) ADD file:aa in /',
  summary: layer('bin/busybox:1000000'),
  diffId: 'sha256:os',
};
const images = {
  base: imageData(
    [OS, { createdBy: 'RUN /bin/sh -c echo v1 # buildkit', summary: layer('app/a:1000') }],
    'base',
  ),
  head: imageData(
    [OS, { createdBy: 'RUN /bin/sh -c echo v2 # buildkit', summary: layer('app/a:301000') }],
    'head',
  ),
  // The head rebuilt by the cache probe: its last layer missed the cache.
  probe: imageData(
    [OS, { createdBy: 'RUN /bin/sh -c echo v2 # buildkit', summary: layer('app/a:301001') }],
    'probe',
  ),
};

const PR_EVENT: ActionEvent = {
  name: 'pull_request',
  owner: 'octo-org',
  repo: 'app',
  sha: 'merge0000000',
  pullRequest: {
    number: 7,
    headSha: 'head1111111111',
    baseSha: 'base2222222222',
    headRef: 'feature',
    baseRef: 'main',
    fromFork: false,
  },
  before: null,
};

interface World {
  workspace: string;
  stdout: string[];
  built: BuildRequest[];
  /** Whether the fake docker CLI has buildx, and the buildx builders it knows. */
  buildx: boolean;
  builders: string[];
  removed: string[];
  worktrees: { added: string[]; removed: string[] };
  comments: { key: string; body: string }[];
  deps: RunDeps;
  outputs(): Record<string, string>;
  summary(): string;
  report(): Report;
}

let tmp: string;
let world: World;
const SUMMARY_FILE = join(mkdtempSync(join(tmpdir(), 'ig-run-summary-')), 'summary.md');
const saved = { ...process.env };

/** A workspace with a Dockerfile, a base commit whose worktree holds one too, and ports that answer by ref. */
function makeWorld(
  inputs: Record<string, string> = {},
  options: { baseDockerfile?: boolean; baseFiles?: Record<string, string> } = {},
): World {
  const workspace = join(tmp, 'ws');
  mkdirSync(join(workspace, 'docker'), { recursive: true });
  writeFileSync(join(workspace, 'docker', 'Dockerfile'), 'FROM busybox:1.36\nRUN echo v2\n');
  const outputFile = join(tmp, 'output');
  // @actions/core keeps the summary file it first wrote to: one path for the whole file, emptied per test.
  const summaryFile = SUMMARY_FILE;
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  process.env.GITHUB_OUTPUT = outputFile;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  const w: World = {
    workspace,
    stdout: [],
    built: [],
    buildx: true,
    builders: ['default'],
    removed: [],
    worktrees: { added: [], removed: [] },
    comments: [],
    deps: {},
    outputs() {
      const out: Record<string, string> = {};
      const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
      const text = readFileSync(outputFile, 'utf8');
      for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
      return out;
    },
    summary: () => readFileSync(summaryFile, 'utf8'),
    report: () => JSON.parse(readFileSync(w.outputs()['report-file']!, 'utf8')) as Report,
  };
  const docker: DockerCli = {
    async build(request) {
      w.built.push(request);
      return {
        ok: true,
        seconds: 1.5,
        logTail: ['#5 DONE 0.1s'],
        cache: { cache: 'none', steps: 1, cached: 0 } as never,
      };
    },
    hasBuildx: async () => w.buildx,
    builderProblem: async (name) => (w.builders.includes(name) ? null : `no builder "${name}" found`),
    imageExists: async () => true,
    pull: async () => ({ ok: true, message: '' }),
    async removeImage(ref) {
      w.removed.push(ref);
    },
  };
  const publisher: Publisher = {
    async upsert(comment) {
      w.comments.push({ key: comment.key, body: comment.body });
      return { url: 'https://github.com/octo-org/app/pull/7#issuecomment-1', action: 'created' };
    },
  };
  w.deps = {
    docker,
    publisher,
    git: {
      // The base commit's files, read from git objects: none unless a test puts some in `options.baseFiles`.
      baseCommit: async (ref) => ({
        label: ref.slice(0, 7),
        read: async (path) => {
          const text = options.baseFiles?.[path];
          return text === undefined ? { kind: 'missing' } : { kind: 'file', text };
        },
      }),
      hasCommit: async () => true,
      fetchCommit: async () => true,
      async addWorktree(dir) {
        w.worktrees.added.push(dir);
        if (options.baseDockerfile !== false) {
          mkdirSync(join(dir, 'docker'), { recursive: true });
          writeFileSync(join(dir, 'docker', 'Dockerfile'), 'FROM busybox:1.36\nRUN echo v1\n');
        } else mkdirSync(dir, { recursive: true });
      },
      async removeWorktree(dir) {
        w.worktrees.removed.push(dir);
      },
      // the PR head is checked out: the suggestions' lines are its lines
      checkedOut: async () => PR_EVENT.pullRequest!.headSha,
    },
    analyze: async (ref) => {
      if (ref.startsWith('image-guard-head:')) return analyzeImage({ ...images.head, ref });
      if (ref.startsWith('image-guard-base:')) return analyzeImage({ ...images.base, ref });
      if (ref.startsWith('image-guard-probe:')) return analyzeImage({ ...images.probe, ref });
      throw new Error(`no image ${ref}`);
    },
    event: () => PR_EVENT,
    env: {
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: tmp,
      ...Object.fromEntries(
        Object.entries({
          dockerfile: 'docker/Dockerfile',
          context: 'docker',
          comment: 'true',
          ...inputs,
        }).map(([k, v]) => [inputVariable(k), v]),
      ),
    },
  };
  return w;
}

const failedWith = () =>
  world.stdout
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('::error::'));

beforeEach(() => {
  comparisons.length = 0;
  tmp = mkdtempSync(join(tmpdir(), 'ig-run-'));
  process.exitCode = undefined;
  world = makeWorld();
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    world.stdout.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
  rmSync(tmp, { recursive: true, force: true });
});

describe('run(): the Action through fakes of its ports', () => {
  it('passes: builds head and base, one comment, outputs, and removes what it made', async () => {
    await run(world.deps);
    expect(process.exitCode).toBeUndefined();
    expect(failedWith()).toEqual([]);
    expect(world.built.map((b) => b.tag.split(':')[0])).toEqual(['image-guard-head', 'image-guard-base']);
    expect(world.built[0]).toMatchObject({
      dockerfile: join(world.workspace, 'docker/Dockerfile'),
      target: null,
    });
    expect(world.comments).toHaveLength(1);
    expect(world.comments[0]!.key).toBe('docker/Dockerfile');
    const out = world.outputs();
    expect(out).toMatchObject({
      passed: 'true',
      'size-delta': '300000',
      findings: String(world.report().findings.length),
    });
    expect(world.report().head?.ref).toBe('docker/Dockerfile');
    expect(world.report().costs?.head.build?.seconds).toBe(1.5);
    // Which stage was judged as the image that ships, in the report and the comment.
    expect(world.report().judged).toEqual({ stage: null, index: 0, line: 1, reason: 'last stage' });
    expect(world.comments[0]!.body).toMatch(
      /Dockerfile judged as the final image: stage 0 \\?\(FROM at line 1\\?\), the last stage/,
    );
    expect(world.summary()).toContain('image-guard');
    expect(world.removed.sort()).toEqual(world.built.map((b) => b.tag).sort());
    expect(world.worktrees.removed).toEqual(world.worktrees.added);
  });

  it('engine-timeout: the input bounds each request the real analysis makes to a silent engine', async () => {
    const engine = await new FakeEngine(join(tmp, 'engine.sock'), () => {}).start();
    try {
      process.env.DOCKER_HOST = engine.host;
      process.env.IMAGE_GUARD_ENGINE_TIMEOUT = '60';
      process.env.IMAGE_GUARD_CACHE_DIR = 'off';
      world = makeWorld({ 'engine-timeout': '0.3' });
      delete world.deps.analyze; // the Action's own port: runAnalyzer, connecting the engine
      const started = Date.now();
      await run(world.deps);
      expect(failedWith().join('\n')).toMatch(
        /the Docker engine at unix:\/\/.* did not answer GET \/images\/image-guard-head:\S+\/json within 300 ms/,
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(engine.requests.some((r) => r.includes('/images/image-guard-head:'))).toBe(true);
    } finally {
      await engine.stop();
    }
  });

  it('base-image: the engine’s copy when it has one, else read from the registry (no pull), as base-source says', async () => {
    const given = 'ghcr.io/octo-org/app:main';
    for (const [source, local, read, pulled] of [
      ['auto', true, given, false],
      ['auto', false, `registry:${given}`, false],
      ['registry', true, `registry:${given}`, false],
      ['engine', false, given, true],
    ] as const) {
      world = makeWorld({ 'base-image': given, 'base-source': source });
      const asked: string[] = [];
      let pulls = 0;
      world.deps.docker = {
        ...world.deps.docker!,
        imageExists: async () => local,
        pull: async () => {
          pulls++;
          return { ok: true, message: '' };
        },
      };
      const analyze = world.deps.analyze!;
      world.deps.analyze = async (ref, options) => {
        asked.push(ref);
        return ref === read ? analyzeImage({ ...images.base, ref }) : analyze(ref, options);
      };
      await run(world.deps);
      expect(failedWith(), `${source}, local ${local}`).toEqual([]);
      expect(asked, `${source}, local ${local}`).toContain(read);
      expect(pulls > 0, `${source}, local ${local}`).toBe(pulled);
      // The report names the base as it was given, wherever it was read from.
      expect(world.report().base?.ref).toBe(given);
      expect(world.built.map((b) => b.tag.split(':')[0])).toEqual(['image-guard-head']);
    }
  });

  it('publishes the report the comparison returned, as it returned it: cache probe included, frozen', async () => {
    world = makeWorld({ 'cache-probe': 'true', 'max-increase': '100kB' });
    writeFileSync(join(world.workspace, 'docker', 'app.py'), 'print("v2")\n');
    await run(world.deps);
    // A field set after the comparison returned would have thrown, and failed the step with that error.
    expect(failedWith()).toEqual(['::error::image-guard: failed: max-increase 300 kB (limit 100 kB)']);
    expect(comparisons).toHaveLength(1);
    const result = comparisons[0] as RunReport;
    const frozen = (value: unknown): boolean =>
      typeof value !== 'object' ||
      value === null ||
      (Object.isFrozen(value) && Object.values(value).every(frozen));
    expect(frozen(result)).toBe(true);
    expect(result.report.cacheProbe).toMatchObject({
      changedFile: 'app.py',
      missed: [expect.objectContaining({ index: 1, createdBy: 'RUN /bin/sh -c echo v2 # buildkit' })],
    });
    expect(result.report.passed).toBe(false);
    // The file adds the run that wrote it, which the `reports:` mode checks and shows.
    const { action, ...written } = world.report();
    expect(written).toEqual(JSON.parse(JSON.stringify(result.report)));
    expect(action).toEqual({
      commit: 'head1111111111',
      key: 'docker/Dockerfile',
      title: 'docker/Dockerfile',
      failOn: 'error',
      baseLabel: 'base222',
      headLabel: 'head111',
      unchecked: [],
      htmlReport: null,
    });
    expect(world.built.map((b) => b.tag.split(':')[0])).toEqual([
      'image-guard-head',
      'image-guard-base',
      'image-guard-probe',
    ]);
    expect(world.removed.sort()).toEqual(world.built.map((b) => b.tag).sort());
  });

  it('a broken budget fails the step and says which', async () => {
    world = makeWorld({ 'max-increase': '100kB' });
    await run(world.deps);
    expect(process.exitCode).toBe(1);
    expect(failedWith()).toEqual(['::error::image-guard: failed: max-increase 300 kB (limit 100 kB)']);
    expect(world.outputs().passed).toBe('false');
  });

  it('a broken head build: the log tail in the summary, not in the comment; nothing compared', async () => {
    const docker = world.deps.docker!;
    world.deps.docker = {
      ...docker,
      build: async (r) => {
        world.built.push(r);
        return { ok: false, seconds: 0.2, logTail: ['ERROR: cat /run/secrets/x: first-line-of-a-file'] };
      },
    };
    await run(world.deps);
    expect(process.exitCode).toBe(1);
    expect(failedWith()[0]).toMatch(/the head image did not build/);
    expect(world.summary()).toContain('first-line-of-a-file');
    expect(world.comments[0]!.body).toContain('did not build');
    expect(world.comments[0]!.body).not.toContain('first-line-of-a-file');
    expect(world.built).toHaveLength(1);
    expect(world.removed).toEqual([world.built[0]!.tag]);
    expect(world.outputs().passed).toBe('false');
  });

  it('a new image (no Dockerfile at the base commit): reported, passed, worktree removed', async () => {
    world = makeWorld({}, { baseDockerfile: false });
    await run(world.deps);
    expect(process.exitCode).toBeUndefined();
    expect(world.report().base).toBeNull();
    expect(world.report().baseUnavailable).toMatch(
      /docker\/Dockerfile does not exist at the base commit base222: this is a new image/,
    );
    expect(world.built).toHaveLength(1);
    expect(world.worktrees.removed).toEqual(world.worktrees.added);
  });

  it('a fork: the comment is refused (403), a warning says where the report is, the check still decides', async () => {
    world.deps.publisher = {
      upsert: async () => ({
        url: '',
        action: 'skipped',
        reason: '403 Resource not accessible by integration',
      }),
    };
    await run(world.deps);
    expect(process.exitCode).toBeUndefined();
    const log = world.stdout.join('');
    expect(log).toMatch(
      /::warning::image-guard: the PR comment was not posted \(403 Resource not accessible/,
    );
    expect(world.outputs()['comment-url']).toBe('');
    expect(existsSync(world.outputs()['report-file']!)).toBe(true);
    expect(world.summary()).toContain('image-guard');
  });

  it('an analysis that throws fails the step with one line, and the images and worktree are still removed', async () => {
    world.deps.analyze = async () => {
      throw new Error('the engine went away\n    at Object.read (engine.js:1:1)');
    };
    await run(world.deps);
    expect(process.exitCode).toBe(1);
    expect(failedWith()).toEqual(['::error::image-guard: the engine went away']);
    expect(world.removed.sort()).toEqual(world.built.map((b) => b.tag).sort());
    expect(world.worktrees.removed).toEqual(world.worktrees.added);
  });

  it('annotations name the Dockerfile by its path in the repository, not the runner workspace', async () => {
    writeFileSync(
      join(world.workspace, 'docker', 'Dockerfile'),
      'FROM busybox:1.36\nRUN apt-get update\nRUN apt-get install -y curl\n',
    );
    await run(world.deps);
    const annotations = world.stdout
      .join('')
      .split('\n')
      .filter((l) => /^::(error|warning) .*file=/.test(l));
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations)
      expect(a).toMatch(/^::(error|warning) title=IG0\d\d [a-z-]+,file=docker\/Dockerfile,line=\d+::/);
    expect(
      world
        .report()
        .findings.filter((f) => f.file !== null)
        .every((f) => f.file === 'docker/Dockerfile'),
    ).toBe(true);
  });

  it('bad inputs: one error line listing every bad one, nothing built', async () => {
    world = makeWorld({ 'max-size': '12QB', 'fail-on': 'fatal', ignore: 'IG999' });
    await run(world.deps);
    expect(process.exitCode).toBe(1);
    expect(failedWith()).toEqual([
      '::error::image-guard: bad inputs: max-size "12QB" is not a size (write 250MB, 1.2GiB or bytes); fail-on "fatal" must be error, warning, info or never; ignore "IG999" holds the unknown rule id "IG999": rule ids are IG000–IG018 and IG101–IG105',
    ]);
    expect(world.built).toEqual([]);
  });

  it('a Dockerfile outside the workspace is refused by name, its content never read', async () => {
    writeFileSync(join(tmp, 'outside'), 'root:x:0:0:secret-line\n');
    const { symlinkSync } = await import('node:fs');
    for (const dockerfile of ['docker/Dockerfile.evil', '../outside', join(tmp, 'outside')]) {
      rmSync(join(tmp, 'ws'), { recursive: true, force: true });
      world = makeWorld({ dockerfile });
      if (dockerfile === 'docker/Dockerfile.evil')
        symlinkSync(join(tmp, 'outside'), join(world.workspace, 'docker', 'Dockerfile.evil'));
      await run(world.deps);
      const errors = failedWith();
      expect(errors).toEqual([
        `::error::image-guard: dockerfile "${dockerfile}" resolves outside the workspace: give a path inside the repository`,
      ]);
      expect(world.stdout.join('')).not.toContain('secret-line');
      expect(world.built).toEqual([]);
    }
  });

  it('build inputs reach both builds; the cache is exported by the head build only; attestations off', async () => {
    writeFileSync(join(world.workspace, 'npmrc'), 'registry=…\n');
    world = makeWorld({
      secrets: 'token=s3cr3t-value',
      'secret-files': 'npmrc=npmrc',
      'secret-envs': 'gh=MY_TOKEN',
      ssh: 'default',
      'cache-from': 'type=local,src=/tmp/cache',
      'cache-to': 'type=local,dest=/tmp/cache,mode=max',
      'build-contexts': 'shared=../shared',
      platform: 'linux/amd64',
      builder: 'default',
      network: 'host',
      pull: 'true',
      labels: 'org.opencontainers.image.source=https://example.test/repo',
    });
    writeFileSync(join(world.workspace, 'npmrc'), 'registry=…\n');
    world.deps.env!.MY_TOKEN = 'env-secret-value';
    await run(world.deps);
    expect(failedWith()).toEqual([]);
    const [head, base] = world.built;
    expect(head!.options).toMatchObject({
      secrets: [{ id: 'token', value: 's3cr3t-value' }],
      secretFiles: [{ id: 'npmrc', path: join(world.workspace, 'npmrc') }],
      secretEnvs: [{ id: 'gh', env: 'MY_TOKEN' }],
      ssh: ['default'],
      cacheFrom: ['type=local,src=/tmp/cache'],
      cacheTo: ['type=local,dest=/tmp/cache,mode=max'],
      buildContexts: ['shared=../shared'],
      platform: 'linux/amd64',
      builder: 'default',
      network: 'host',
      pull: true,
      provenance: 'false',
      sbom: 'false',
    });
    expect(base!.options).toMatchObject({ ...head!.options, cacheTo: [] });
    // Both secret values are masked before anything else is printed, and appear nowhere else.
    const out = world.stdout.join('');
    expect(out).toContain('::add-mask::s3cr3t-value');
    expect(out).toContain('::add-mask::env-secret-value');
    const rest = out
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [rest, world.summary(), JSON.stringify(world.report()), world.comments[0]!.body])
      expect(text).not.toMatch(/s3cr3t-value|env-secret-value/);
  });

  it("a broken build's log tail is published with secret values redacted", async () => {
    world = makeWorld({ secrets: 'token=s3cr3t-value' });
    world.deps.docker = {
      ...world.deps.docker!,
      build: async (r) => {
        world.built.push(r);
        return { ok: false, seconds: 0.2, logTail: ['#7 ERROR: bad token s3cr3t-value in the request'] };
      },
    };
    await run(world.deps);
    expect(world.summary()).toContain('bad token *** in the request');
    expect(world.summary()).not.toContain('s3cr3t-value');
  });

  it('bad build inputs: one line, secrets never quoted, nothing built', async () => {
    world = makeWorld({
      secrets: 'token=ok\nthis-line-is-a-secret-without-id',
      'secret-files': 'npmrc=missing-file',
      'secret-envs': 'gh=NOT_SET_ANYWHERE',
      'cache-from': '--allow security.insecure',
      platform: 'linux/amd64,linux/arm64',
    });
    await run(world.deps);
    const errors = failedWith();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/secrets: line 2 is not ID=VALUE/);
    expect(errors[0]).toMatch(/cache-from "--allow security.insecure" has the line/);
    expect(errors[0]).toMatch(/platform "linux\/amd64,linux\/arm64" must be one platform/);
    expect(world.stdout.join('')).not.toContain('this-line-is-a-secret-without-id');
    expect(world.built).toEqual([]);

    world = makeWorld({ 'secret-files': 'npmrc=missing-file', 'secret-envs': 'gh=NOT_SET_ANYWHERE' });
    await run(world.deps);
    expect(failedWith()).toEqual([
      '::error::image-guard: bad inputs: secret-envs: NOT_SET_ANYWHERE (secret gh) is not set in this step\'s environment: set it under env:; secret-files: "missing-file" (secret npmrc) is not a file: give the path of an existing file',
    ]);
    expect(world.built).toEqual([]);
  });

  it('options that need buildx without buildx, and an unknown builder: one clear line, nothing built', async () => {
    world = makeWorld({ secrets: 'token=x1', 'cache-from': 'type=gha' });
    world.buildx = false;
    await run(world.deps);
    expect(failedWith()).toEqual([
      "::error::image-guard: secrets, cache-from need docker buildx, which this runner's docker CLI does not have: set it up first (docker/setup-buildx-action)",
    ]);
    expect(world.built).toEqual([]);

    world = makeWorld({ builder: 'k8s-builder' });
    await run(world.deps);
    expect(failedWith()).toEqual([
      '::error::image-guard: builder "k8s-builder" cannot be used (no builder "k8s-builder" found): create it earlier in the job (docker/setup-buildx-action) or leave builder empty',
    ]);
    expect(world.built).toEqual([]);
  });
});

describe('run(): a gate the PR cannot open itself (issue 23)', () => {
  const TARGET_FORK: ActionEvent = {
    ...PR_EVENT,
    name: 'pull_request_target',
    pullRequest: { ...PR_EVENT.pullRequest!, fromFork: true },
    untrusted: { trigger: 'pull_request_target', headRepo: 'someone/app' },
  };

  it("pull_request_target with a fork's head: refused with one line linking the recipe, nothing built", async () => {
    world.deps.event = () => TARGET_FORK;
    world.deps.env = {
      ...world.deps.env,
      GITHUB_ACTION_REPOSITORY: 'octo-tools/image-guard',
      GITHUB_ACTION_REF: 'v1',
    };
    await run(world.deps);
    expect(failedWith()).toEqual([
      "::error::image-guard: refusing to build someone/app's pull request under pull_request_target, which runs with a write token and the repository's secrets: build and analyze it under pull_request and comment from a workflow_run (the fork-safe recipe: https://github.com/octo-tools/image-guard/blob/v1/SECURITY.md#how-image-guard-treats-pull-requests-from-forks), or give image: an image a sandboxed job built; allow-untrusted-build: true overrides this",
    ]);
    expect(world.built).toEqual([]);
    expect(world.comments).toEqual([]);
  });

  it('allow-untrusted-build: true lets it through; an image a sandboxed job built is analysed, not built', async () => {
    world = makeWorld({ 'allow-untrusted-build': 'true' });
    world.deps.event = () => TARGET_FORK;
    await run(world.deps);
    expect(failedWith()).toEqual([]);
    expect(world.built.map((b) => b.tag.split(':')[0])).toEqual(['image-guard-head', 'image-guard-base']);

    world = makeWorld({ image: 'image-guard-head:from-artifact' });
    world.deps.event = () => TARGET_FORK;
    await run(world.deps);
    expect(failedWith()).toEqual([]);
    // only the base commit (the reviewed code) is built
    expect(world.built.map((b) => b.tag.split(':')[0])).toEqual(['image-guard-base']);
  });

  it("a PR that relaxes the config is judged by the base commit's, and the comment and summary say so", async () => {
    world = makeWorld({}, { baseFiles: { '.image-guard.yml': 'max-increase: 100kB\n' } });
    writeFileSync(join(world.workspace, '.image-guard.yml'), 'max-increase: 1MB\n');
    await run(world.deps);
    expect(failedWith()).toEqual(['::error::image-guard: failed: max-increase 300 kB (limit 100 kB)']);
    expect(world.report().policy).toMatchObject({
      from: 'base',
      changes: [{ key: 'max-increase', base: '100kB', head: '1MB', applies: 'base' }],
    });
    for (const text of [world.comments[0]!.body, world.summary()])
      expect(text).toContain('> **This PR changes the policy**: max-increase `100kB` → `1MB`.');
  });
});

describe('run(): the HTML report', () => {
  let service: ArtifactServiceStandIn;
  beforeAll(async () => {
    service = await startArtifactService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('is written, uploaded to the artifact service, linked from the comment and the summary, and an output', async () => {
    // The runner's variables for the artifact service, here the local stand-in's.
    Object.assign(process.env, service.env, {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'octo-org/app',
      GITHUB_RUN_ID: '99',
    });
    await run(world.deps);
    expect(process.exitCode).toBeUndefined();
    expect(service.violations).toEqual([]);
    const stored = service.artifacts.get('image-guard-report-docker-Dockerfile')!;
    expect(stored.finalized).toBe(true);
    const link = `https://github.com/octo-org/app/actions/runs/99/artifacts/${stored.id}`;
    expect(world.comments[0]!.body).toContain(`[HTML report](${link})`);
    expect(world.summary()).toContain(`[HTML report](${link})`);
    const file = world.outputs()['report-html']!;
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain(`data-figure="head.size" data-value="${world.report().head!.size}"`);
    expect(unzip(stored.bytes!).get('report.html')?.toString('utf8')).toBe(page);
  }, 60_000);

  it('without an artifact service: one line says so, the file is still written, no link', async () => {
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    delete process.env.ACTIONS_RESULTS_URL;
    await run(world.deps);
    expect(process.exitCode).toBeUndefined();
    const lines = world.stdout
      .join('')
      .split('\n')
      .filter((l) => l.includes('HTML report'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^image-guard: the HTML report was not uploaded: the artifact service is not available here \(no ACTIONS_RUNTIME_TOKEN.*; it is in .*report\.html$/,
      ),
    ]);
    expect(existsSync(world.outputs()['report-html']!)).toBe(true);
    expect(world.comments[0]!.body).not.toContain('HTML report');
  });

  it('an upload that fails is a warning, and the run goes on', async () => {
    world.deps.artifacts = {
      uploader: {
        upload: async () => {
          throw new Error(
            'Failed to CreateArtifact: Received non-retryable error: Failed request: (403) Forbidden',
          );
        },
      },
    };
    await run(world.deps);
    expect(process.exitCode).toBeUndefined();
    expect(world.stdout.join('')).toMatch(
      /::warning::image-guard: the HTML report could not be uploaded: Failed to CreateArtifact: .*\(403\) Forbidden; it is in .*report\.html/,
    );
    expect(world.comments).toHaveLength(1);
    expect(world.outputs().passed).toBe('true');
  });
});

describe('review suggestions', () => {
  type SuggestCall = Parameters<NonNullable<Publisher['suggest']>>[0];
  const withSuggest = (answer: () => ReturnType<NonNullable<Publisher['suggest']>>) => {
    const calls: SuggestCall[] = [];
    world.deps.publisher = {
      ...world.deps.publisher!,
      suggest: async (review) => {
        calls.push(review);
        return answer();
      },
    };
    return calls;
  };
  const done = { action: 'done' as const, created: 1, updated: 0, unchanged: 0, deleted: 0, offDiff: 0 };
  const PIP = 'FROM busybox:1.36\nRUN pip install flask\n';

  it('after the comment: the fixes of the head Dockerfile, by its path in the repository and the PR head', async () => {
    writeFileSync(join(world.workspace, 'docker', 'Dockerfile'), PIP);
    const calls = withSuggest(async () => done);
    await run(world.deps);
    expect(process.exitCode).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ pullNumber: 7, headSha: 'head1111111111', path: 'docker/Dockerfile' });
    expect(calls[0]!.suggestions.map((s) => [s.id, s.replacement])).toEqual([
      ['IG004@2-2', ['RUN pip install --no-cache-dir flask']],
    ]);
    expect(world.stdout.join('')).toMatch(/review suggestions: 1 posted, 0 updated/);
  });

  it("on another checkout (the merge commit): planned on the PR head's Dockerfile from git, or not at all", async () => {
    // the merge commit has a line the base branch added; the head's file, read from git, has not
    writeFileSync(
      join(world.workspace, 'docker', 'Dockerfile'),
      `FROM busybox:1.36\nENV A=1\n${PIP.slice(18)}`,
    );
    const asked: string[] = [];
    const git = world.deps.git!;
    world.deps.git = {
      ...git,
      checkedOut: async () => 'merge0000000',
      hasCommit: async (sha) => sha !== 'head1111111111' && git.hasCommit(sha),
      fetchCommit: async (sha) => {
        asked.push(sha);
        return true;
      },
      baseCommit: async (ref) =>
        ref === 'head1111111111'
          ? {
              label: 'head111',
              read: async (path) => {
                asked.push(path);
                return { kind: 'file', text: PIP };
              },
            }
          : git.baseCommit(ref),
    };
    const calls = withSuggest(async () => done);
    await run(world.deps);
    expect(asked).toEqual(['head1111111111', 'docker/Dockerfile']);
    expect(calls[0]!.suggestions.map((s) => [s.id, s.original])).toEqual([
      ['IG004@2-2', ['RUN pip install flask']],
    ]);

    // a head that cannot be fetched: nothing is posted (nor removed), one notice says why
    world = makeWorld();
    writeFileSync(join(world.workspace, 'docker', 'Dockerfile'), PIP);
    world.deps.git = {
      ...world.deps.git!,
      checkedOut: async () => 'merge0000000',
      hasCommit: async (sha) => sha !== 'head1111111111',
      fetchCommit: async () => false,
    };
    const none = withSuggest(async () => done);
    await run(world.deps);
    expect(none).toEqual([]);
    expect(world.stdout.join('')).toMatch(
      /::notice::image-guard: no review suggestions: the PR head head111 could not be fetched, so they cannot be put on its lines/,
    );
  });

  it('none with suggestions: false, with comment: false, or on a fork (one notice)', async () => {
    for (const inputs of [{ suggestions: 'false' }, { comment: 'false' }] as Record<string, string>[]) {
      world = makeWorld(inputs);
      const calls = withSuggest(async () => done);
      await run(world.deps);
      expect(calls).toEqual([]);
    }
    world = makeWorld();
    world.deps.event = () => ({ ...PR_EVENT, pullRequest: { ...PR_EVENT.pullRequest!, fromFork: true } });
    const calls = withSuggest(async () => done);
    await run(world.deps);
    expect(calls).toEqual([]);
    expect(world.stdout.join('').match(/::notice::image-guard: no review suggestions/g)).toHaveLength(1);
  });

  it('a refused or failing review never fails the step', async () => {
    withSuggest(async () => ({ ...done, action: 'skipped', reason: 'GitHub refused the review (403 x)' }));
    await run(world.deps);
    expect(process.exitCode).toBeUndefined();
    expect(world.stdout.join('')).toMatch(
      /::notice::image-guard: no review suggestions: GitHub refused the review/,
    );

    world = makeWorld();
    withSuggest(async () => {
      throw new Error('422 Unprocessable Entity');
    });
    await run(world.deps);
    expect(process.exitCode).toBeUndefined();
    expect(world.stdout.join('')).toMatch(
      /::warning::image-guard: the review suggestions could not be posted: 422/,
    );
    expect(world.outputs().passed).toBe('true');
  });
});
