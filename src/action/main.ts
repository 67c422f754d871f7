// The Action: builds (or takes) the PR's image, gets the base image, analyzes both, lints the Dockerfile,
// and reports in the places a reviewer looks. This is the one place that fails the step.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import type { BudgetLimits } from '../analysis/budgets.js';
import { buildGuide } from '../analysis/guide.js';
import { buildReport } from '../analysis/report.js';
import { messageOf } from '../core/errors.js';
import type { CacheProbe, Finding, GuideBuild, Image, Report } from '../core/report.js';
import { VERSION } from '../core/version.js';
import type { ActionEvent } from '../github/event.js';
import { registryLookup, startupFor, withRegistrySizes } from '../guide/figures.js';
import { type RegistryClient, registryClient } from '../registry/registry-client.js';
import { COMMENT_LIMIT, renderMarkdown } from '../render/markdown.js';
import { escapeMarkdown } from '../render/markdown-escape.js';
import { statusLine } from '../render/summary.js';
import { runCacheProbe } from './cache-probe.js';
import { type BuildResult, type DockerCli, dockerCli } from './docker-cli.js';
import { type Git, gitCli } from './git.js';
import { getInputs, type ParsedInputs } from './inputs.js';
import { annotate, setOutputs } from './outputs.js';
import { githubPublisher, type Publisher } from './publish.js';
import { defaultServices, type Services } from './services.js';

/** Job summaries over 1 MiB are dropped by the runner; stay well under. */
const SUMMARY_LIMIT = 900_000;

export interface RunDeps {
  docker?: DockerCli;
  git?: Git;
  services?: Services;
  publisher?: Publisher;
  env?: NodeJS.ProcessEnv;
  registry?: RegistryClient;
}

export async function run(deps: RunDeps = {}): Promise<void> {
  try {
    core.info(`image-guard ${VERSION}`);
    const verdict = await runAction(deps);
    if (verdict !== null) core.setFailed(`image-guard: ${verdict}`);
  } catch (error) {
    core.setFailed(`image-guard: ${messageOf(error)}`);
  }
}

/** Runs the whole flow; returns why the check failed, or null when it passed. */
async function runAction(deps: RunDeps): Promise<string | null> {
  const env = deps.env ?? process.env;
  const services = deps.services ?? (await defaultServices());
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  let inputs: ParsedInputs = getInputs(env);
  inputs = await services.mergeConfigFile(inputs, workspace);
  const event = services.event(env);
  const docker = deps.docker ?? dockerCli();
  const git = deps.git ?? gitCli(workspace);
  const key = commentKey(inputs);
  const outDir = await mkdtemp(join(env.RUNNER_TEMP ?? tmpdir(), 'image-guard-'));
  const dockerfile = resolve(workspace, inputs.dockerfile);
  const context = resolve(workspace, inputs.context);
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  const fresh = inputs['build-time'] === 'fresh';
  // Compressed sizes from the registry, asked while the images are built and read (no layer is downloaded).
  const registry = deps.registry ?? registryClient();
  const headRegistry = registryLookup(registry, inputs.image);
  const baseRegistry = registryLookup(registry, inputs['base-image']);

  // Head image: the given one, or a build through the user's docker CLI.
  let headRef = inputs.image;
  let headBuild: BuildResult | null = null;
  if (!headRef) {
    headRef = `image-guard-head:${runId}`;
    core.startGroup(
      `image-guard: building the head image (${relative(workspace, dockerfile) || dockerfile})`,
    );
    headBuild = await docker.build({
      dockerfile,
      context,
      target: inputs.target,
      buildArgs: inputs['build-args'],
      tag: headRef,
      noCache: fresh,
    });
    core.endGroup();
    if (!headBuild.ok) {
      const body = brokenBuildMarkdown(headBuild.logTail);
      await publish({ deps, inputs, event, key, outDir, body, report: null, passed: false });
      throw new Error('the head image did not build; the last lines of its log are in the job summary');
    }
  }

  // Base image: given, or the same Dockerfile built at the base commit.
  const basePromise = getBase(inputs, event, docker, git, runId, fresh);

  const lintPromise = existsSync(dockerfile)
    ? services.lint(dockerfile, {
        context,
        target: inputs.target ?? undefined,
        configPath: inputs.config,
        workspace,
      })
    : Promise.resolve<Finding[]>([]);

  const files = inputs.files;
  const headPromise = services.analyze(headRef, { files, pullSize: inputs['pull-size'] });
  const base = await basePromise;
  const [head, baseAnalysis, lintFindings] = await Promise.all([
    headPromise,
    base.ref
      ? services.analyze(base.ref, { files, pullSize: inputs['pull-size'] }).catch((e: unknown) => e)
      : Promise.resolve(null),
    lintPromise,
  ]);
  let baseUnavailable = base.why;
  let baseImage: Image | null = null;
  if (baseAnalysis instanceof Error || (baseAnalysis && !('image' in (baseAnalysis as object)))) {
    baseUnavailable = `the base image could not be read: ${messageOf(baseAnalysis)}`;
  } else if (baseAnalysis) {
    baseImage = (baseAnalysis as { image: Image }).image;
  }
  let headImage: Image = head.image;
  const pullNotes: string[] = [];
  if (headRegistry && inputs.image) {
    const r = withRegistrySizes(headImage, await headRegistry, inputs.image);
    headImage = r.image;
    if (r.note) pullNotes.push(r.note);
  }
  if (baseRegistry && baseImage && inputs['base-image']) {
    const r = withRegistrySizes(baseImage, await baseRegistry, inputs['base-image']);
    baseImage = r.image;
    if (r.note) pullNotes.push(r.note);
  }

  // Start-up, before the base image built here is removed: base first, then head, one after the other.
  const probe = inputs['startup-probe'];
  let startup: Awaited<ReturnType<typeof startupFor>> = {};
  if (probe) {
    core.startGroup(`image-guard: start-up probe (${inputs['startup-runs']} runs per image)`);
    startup = await startupFor({
      runner: docker.containers,
      probe,
      runs: inputs['startup-runs'],
      timeoutSeconds: inputs['startup-timeout'],
      images: [
        ...(baseImage ? [{ side: 'base' as const, ref: base.ref }] : []),
        { side: 'head' as const, ref: headRef },
      ],
    });
    core.endGroup();
  }
  if (base.cleanup) await base.cleanup();

  let cacheProbe: CacheProbe | undefined;
  if (inputs['cache-probe']) {
    if (inputs.image) {
      core.warning(
        'image-guard: cache-probe needs the Action to build the head image itself; it is skipped when `image` is given',
      );
    } else {
      core.startGroup('image-guard: cache probe (a one-file source change, rebuilt)');
      cacheProbe = await runCacheProbe({
        docker,
        dockerfile,
        context,
        target: inputs.target,
        buildArgs: inputs['build-args'],
        tag: `image-guard-probe:${runId}`,
        head: head.image,
        load: async (ref) => (await services.analyze(ref, { files: false, pullSize: false })).image,
      });
      core.endGroup();
    }
  }

  const ignored = new Set(inputs.ignore.map((id) => id.toUpperCase()));
  const findings = [...lintFindings, ...head.findings].filter((f) => !ignored.has(f.rule));
  const { report, unchecked } = buildReport({
    head: { ...headImage, ref: inputs.image ?? relative(workspace, dockerfile) },
    base: baseImage,
    baseUnavailable,
    findings,
    limits: limitsOf(inputs),
    failOn: inputs['fail-on'],
  });
  if (cacheProbe) report.cacheProbe = cacheProbe;
  if (report.head) {
    report.guide = buildGuide({
      head: report.head,
      base: report.base,
      pullBandwidth: inputs['pull-bandwidth'],
      builds: {
        head: guideBuild(headBuild, fresh),
        base: guideBuild(base.build ?? null, fresh),
      },
      buildWhy: !headBuild
        ? 'the head image was given (image), not built: no build time'
        : !base.build && baseImage
          ? 'the base image was given (base-image), not built: no build time to compare'
          : null,
      startup,
      pullNotes,
    });
  }
  for (const u of unchecked) core.info(`image-guard: budget not checked: ${u}`);

  const labels = { headLabel: shortSha(event.pullRequest?.headSha ?? event.sha), baseLabel: base.label };
  const body = renderMarkdown(report, {
    failOn: inputs['fail-on'],
    title: inputs.target ? `${inputs.dockerfile} (${inputs.target})` : inputs.dockerfile,
    ...labels,
    unchecked,
    maxChars: SUMMARY_LIMIT,
  });
  await publish({ deps, inputs, event, key, outDir, body, report, passed: report.passed, labels, unchecked });
  annotate(report.findings, inputs.dockerfile);
  if (!inputs.image) await docker.removeImage(headRef);
  return report.passed ? null : statusLine(report, inputs['fail-on']);
}

interface PublishArgs {
  deps: RunDeps;
  inputs: ParsedInputs;
  event: ActionEvent;
  key: string;
  outDir: string;
  /** The full Markdown (job summary). */
  body: string;
  report: Report | null;
  passed: boolean;
  labels?: { headLabel?: string; baseLabel?: string };
  unchecked?: string[];
}

/** Files, outputs, job summary and the sticky comment: whatever fails, the rest is still written. */
async function publish(a: PublishArgs): Promise<void> {
  await mkdir(a.outDir, { recursive: true });
  const reportFile = join(a.outDir, 'report.json');
  const commentFile = join(a.outDir, 'comment.md');
  const comment =
    a.report === null
      ? a.body
      : renderMarkdown(commentView(a.report), {
          failOn: a.inputs['fail-on'],
          title: a.inputs.target ? `${a.inputs.dockerfile} (${a.inputs.target})` : a.inputs.dockerfile,
          ...a.labels,
          unchecked: a.unchecked,
          maxChars: COMMENT_LIMIT - 200,
          fullReportHint: 'The full report is in the job summary of this run.',
        });
  if (a.report) await writeFile(reportFile, `${JSON.stringify(a.report, null, 2)}\n`);
  await writeFile(commentFile, comment);
  try {
    await core.summary.addRaw(a.body).write();
  } catch (error) {
    core.warning(`image-guard: could not write the job summary: ${messageOf(error)}`);
  }

  let commentUrl = '';
  const pr = a.event.pullRequest;
  if (a.inputs.comment && pr) {
    const publisher = a.deps.publisher ?? githubPublisher(a.inputs['github-token']);
    try {
      const result = await publisher.upsert({
        owner: a.event.owner,
        repo: a.event.repo,
        issueNumber: pr.number,
        key: a.key,
        body: comment,
      });
      commentUrl = result.url;
      if (result.action === 'skipped') {
        core.warning(
          `image-guard: the PR comment was not posted (${result.reason ?? 'no permission'}); the report is in the job summary and in ${commentFile}. For PRs from forks, see the workflow_run example in the README.`,
        );
      } else core.info(`image-guard: PR comment ${result.action}: ${result.url}`);
    } catch (error) {
      core.warning(
        `image-guard: the PR comment could not be posted: ${messageOf(error)}; the report is in the job summary.`,
      );
    }
  }
  setOutputs(a.report, { passed: a.passed, reportFile: a.report ? reportFile : '', commentFile, commentUrl });
}

/**
 * The report as the sticky comment shows it. Build times taken with the engine's cache differ from run to run
 * and compare nothing (the base is built from the head's cache): the comment leaves them to the job summary
 * and the JSON report, so that running the same commit again does not edit the comment. With
 * `build-time: fresh` the user asked for them: they are shown.
 */
export function commentView(report: Report): Report {
  const g = report.guide;
  if (!g || (!g.head.build && !g.base?.build)) return report;
  if (g.head.build?.noCache || g.base?.build?.noCache) return report;
  return {
    ...report,
    guide: {
      ...g,
      head: { ...g.head, build: null },
      base: g.base ? { ...g.base, build: null } : null,
      notes: {
        ...g.notes,
        build:
          'builds reuse the engine’s cache (build-time: cached), so their times compare nothing; they are in the job summary. build-time: fresh builds both without the cache and shows them here',
      },
    },
  };
}

interface Base {
  ref: string | null;
  why: string | null;
  label?: string;
  cleanup?: () => Promise<void>;
  /** The base build, when this run built it. */
  build?: BuildResult;
}

function guideBuild(build: BuildResult | null, noCache: boolean): GuideBuild | null {
  if (!build?.ok) return null;
  return { seconds: Math.round(build.seconds * 100) / 100, cache: build.cache?.cache ?? 'unknown', noCache };
}

async function getBase(
  inputs: ParsedInputs,
  event: ActionEvent,
  docker: DockerCli,
  git: Git,
  runId: string,
  noCache = false,
): Promise<Base> {
  if (inputs['base-image']) {
    const ref = inputs['base-image'];
    if (!(await docker.imageExists(ref))) {
      const pulled = await docker.pull(ref);
      if (!pulled.ok) return { ref: null, why: `pulling ${ref} failed: ${pulled.message}` };
    }
    return { ref, why: null, label: ref };
  }
  const sha = inputs['base-ref'] ?? event.pullRequest?.baseSha ?? event.before;
  if (!sha) {
    return { ref: null, why: `no base commit to build (event ${event.name}); set base-ref or base-image` };
  }
  if (!(await git.hasCommit(sha)) && !(await git.fetchCommit(sha))) {
    return { ref: null, why: `the base commit ${shortSha(sha)} could not be fetched`, label: shortSha(sha) };
  }
  const dir = await mkdtemp(join(tmpdir(), 'image-guard-base-'));
  await rm(dir, { recursive: true, force: true });
  try {
    await git.addWorktree(dir, sha);
  } catch (error) {
    return { ref: null, why: messageOf(error), label: shortSha(sha) };
  }
  const cleanup = async () => {
    await git.removeWorktree(dir);
    await rm(dir, { recursive: true, force: true });
  };
  const dockerfile = join(dir, inputs.dockerfile);
  if (!existsSync(dockerfile)) {
    await cleanup();
    return {
      ref: null,
      why: `${inputs.dockerfile} does not exist at the base commit ${shortSha(sha)}: this is a new image`,
      label: shortSha(sha),
    };
  }
  const tag = `image-guard-base:${runId}`;
  core.startGroup(`image-guard: building the base image at ${shortSha(sha)}`);
  const built = await docker.build({
    dockerfile,
    context: join(dir, inputs.context),
    target: inputs.target,
    buildArgs: inputs['build-args'],
    tag,
    noCache,
  });
  core.endGroup();
  if (!built.ok) {
    await cleanup();
    return {
      ref: null,
      why: `the base image did not build at ${shortSha(sha)}: ${built.logTail.at(-1) ?? 'see the log'}`,
      label: shortSha(sha),
    };
  }
  return {
    ref: tag,
    why: null,
    label: shortSha(sha),
    build: built,
    cleanup: async () => {
      await cleanup();
      await docker.removeImage(tag);
    },
  };
}

function limitsOf(inputs: ParsedInputs): BudgetLimits {
  const limits: BudgetLimits = {};
  if (inputs['max-size'] !== null) limits.maxSize = inputs['max-size'];
  if (inputs['max-increase'] !== null) limits.maxIncrease = inputs['max-increase'];
  if (inputs['max-wasted'] !== null) limits.maxWasted = inputs['max-wasted'];
  if (inputs['min-efficiency'] !== null) limits.minEfficiency = inputs['min-efficiency'];
  if (inputs['max-layers'] !== null) limits.maxLayers = inputs['max-layers'];
  return limits;
}

export function commentKey(inputs: Pick<ParsedInputs, 'comment-key' | 'dockerfile' | 'target'>): string {
  if (inputs['comment-key']) return inputs['comment-key'];
  return inputs.target ? `${inputs.dockerfile}:${inputs.target}` : inputs.dockerfile;
}

const shortSha = (sha: string | null | undefined): string => (sha ? sha.slice(0, 7) : '');

function brokenBuildMarkdown(logTail: string[]): string {
  return [
    '### ❌ image-guard: failed: the image did not build',
    '',
    'The last lines of the build:',
    '',
    '```text',
    ...logTail.map((l) => l.replace(/```/g, "'''")),
    '```',
    '',
    `<sub>${escapeMarkdown('image-guard')}</sub>`,
    '',
  ].join('\n');
}
