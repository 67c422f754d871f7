// The Action: inputs, build head and base, compare, publish; whatever happens, what it built or checked out is
// removed. This is the one place that fails the step.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as core from '@actions/core';
import type { RunReport } from '../analysis/report.js';
import type { BaseCommit } from '../app/base-commit.js';
import { type ComparePorts, runComparison } from '../app/compare.js';
import { realPorts, runAnalyzer } from '../app/ports.js';
import type { ImageGuardConfig } from '../config/config.js';
import type { Settings } from '../config/settings.js';
import { messageOf, UserError } from '../core/errors.js';
import type { BuildFigures, PolicyReport } from '../core/report.js';
import { VERSION } from '../core/version.js';
import { type BuildResult, buildxOnly, type DockerCli } from '../engine/docker-cli.js';
import { type ActionEvent, readEvent } from '../github/event.js';
import type { ContextScan } from '../lint/context.js';
import { statusLine } from '../render/summary.js';
import { runAggregate, wantsAggregate } from './aggregate.js';
import { type BaseImage, getBase, shortSha } from './base-image.js';
import { type ActionBuild, actionBuild } from './build-options.js';
import { runCacheProbe } from './cache-probe.js';
import { Cleanup } from './cleanup.js';
import type { RunDeps } from './deps.js';
import type { Git } from './git.js';
import { getHead, type HeadImage } from './head-image.js';
import { readTrend, recordHistory } from './history.js';
import { actionSettings } from './inputs.js';
import { annotate } from './outputs.js';
import { commentKey, type Publishing, publishReport, publishSuggestions } from './publish.js';
import { insideWorkspace } from './workspace.js';

export type { RunDeps };

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
  // `reports:` puts the image jobs' reports in one comment: nothing is built, no engine is needed.
  if (wantsAggregate(deps.env ?? process.env)) return runAggregate(deps);
  const setup = await prepare(deps);
  const cleanup = new Cleanup();
  try {
    const { build, fresh } = setup;
    const head = await getHead({
      ...setup,
      noCache: fresh,
      cleanup,
      options: build.head,
      secretValues: build.secretValues,
    });
    const base = await getBase({ ...setup, noCache: fresh, cleanup, options: build.other });
    const result = await withTrend(setup, await compare(setup, head, base));
    await publishReport(setup.publishing, result);
    await publishSuggestions(setup.publishing, {
      shownDockerfile: setup.shownDockerfile,
      git: setup.git,
      // On the PR head's text when the checkout is another commit (pull_request's merge commit).
      plan: async (headText) =>
        headText !== null || existsSync(setup.dockerfile)
          ? (
              await (
                await import('../app/suggestions.js')
              ).dockerfileSuggestions({
                dockerfile: setup.dockerfile,
                context: setup.context,
                target: setup.settings.target,
                platform: setup.settings.platform,
                buildContexts: setup.settings['build-contexts'].map((c) =>
                  c.slice(0, Math.max(0, c.indexOf('='))),
                ),
                config: setup.config,
                // The comparison's own lint of this Dockerfile (the image-content findings have no file),
                // and the build context as that lint read it: the context is read once in a run.
                findings: result.report.findings.filter((f) => f.file !== null),
                contextScan: setup.linted.context,
                ...(headText === null ? {} : { text: headText }),
              })
            ).suggestions
          : [],
    });
    annotate(result.report.findings, setup.shownDockerfile);
    await recordSize(setup, result);
    return result.report.passed ? null : statusLine(result.report, setup.settings['fail-on']);
  } finally {
    await cleanup.run();
  }
}

/** What every step of a run reads: settings, paths, the event and the tools, resolved once up front. */
interface RunSetup {
  deps: RunDeps;
  settings: Settings;
  config: ImageGuardConfig;
  /** Whose config judges the PR and what the PR changes of it (policy-from: base on a pull request). */
  policy?: PolicyReport;
  build: ActionBuild;
  workspace: string;
  dockerfile: string;
  context: string;
  /** The Dockerfile as the repository names it (`docker/Dockerfile`). */
  shownDockerfile: string;
  event: ActionEvent;
  docker: DockerCli;
  git: Git;
  /** Names this run's images (`image-guard-head:RUNID`). */
  runId: string;
  /** `build-time: fresh`: both builds without the cache. */
  fresh: boolean;
  publishing: Publishing;
  /** What the comparison's lint read of the build context (null: nothing), for the review suggestions. */
  linted: { context: ContextScan | null };
}

/** Inputs, config and paths checked, the event read, the builder checked: before anything is built. */
async function prepare(deps: RunDeps): Promise<RunSetup> {
  const env = deps.env ?? process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const event = (deps.event ?? readEvent)(env);
  const git = deps.git ?? (await import('./git.js')).gitCli(workspace);
  const { settings, config, policy } = await actionSettings(env, workspace, {
    baseFor: (written) => policyBase(event, written, git),
    dockerfile: (s) => {
      const path = insideWorkspace(workspace, s.dockerfile, 'dockerfile');
      return existsSync(path) ? path : null;
    },
  });
  refuseUntrustedBuild(event, settings, env);
  const build = actionBuild(settings, env, workspace);
  const dockerfile = insideWorkspace(workspace, settings.dockerfile, 'dockerfile');
  const context = insideWorkspace(workspace, settings.context, 'context');
  const docker = deps.docker ?? (await import('../engine/docker-cli.js')).dockerCli();
  if (!settings.image || !settings['base-image']) await checkBuilder(docker, build);
  const outDir = await mkdtemp(join(env.RUNNER_TEMP ?? tmpdir(), 'image-guard-'));
  return {
    deps,
    settings,
    config,
    ...(policy ? { policy } : {}),
    build,
    workspace,
    dockerfile,
    context,
    shownDockerfile: relative(workspace, dockerfile) || settings.dockerfile,
    event,
    docker,
    git,
    runId: `${process.pid}-${Date.now().toString(36)}`,
    fresh: settings['build-time'] === 'fresh',
    publishing: { deps, settings, event, outDir },
    linted: { context: null },
  };
}

/**
 * A fork's code is never built with a write token and the secrets in reach (a "pwn request"): under
 * `pull_request_target`, or a `workflow_run` a fork's PR triggered, the head is built only when the workflow
 * says `allow-untrusted-build: true`. An image an earlier, sandboxed job built (`image`) is only read.
 */
function refuseUntrustedBuild(event: ActionEvent, settings: Settings, env: NodeJS.ProcessEnv): void {
  const untrusted = event.untrusted;
  if (!untrusted || settings.image || settings['allow-untrusted-build']) return;
  const action = env.GITHUB_ACTION_REPOSITORY;
  const recipe = action
    ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${action}/blob/${env.GITHUB_ACTION_REF || 'HEAD'}/SECURITY.md#how-image-guard-treats-pull-requests-from-forks`
    : "image-guard's SECURITY.md, How image-guard treats pull requests from forks";
  throw new UserError(
    `refusing to build ${untrusted.headRepo}'s pull request under ${untrusted.trigger}, which runs with a write token and the repository's secrets: build and analyze it under pull_request and comment from a workflow_run (the fork-safe recipe: ${recipe}), or give image: an image a sandboxed job built; allow-untrusted-build: true overrides this`,
  );
}

/**
 * On a pull request with `policy-from: base`: the base commit (`base-ref`, else the PR's base), fetched when the
 * checkout lacks it, whose config file judges the PR. Elsewhere (push, dispatch) the checkout's own judges.
 */
async function policyBase(event: ActionEvent, written: Settings, git: Git): Promise<BaseCommit | null> {
  const pr = event.pullRequest;
  if (!pr) return null;
  const ref = written['base-ref'] ?? pr.baseSha;
  if (!(await git.hasCommit(ref)) && !(await git.fetchCommit(ref))) {
    throw new UserError(
      `the base commit ${shortSha(ref)} could not be fetched, so its config file, which judges this PR, cannot be read: give actions/checkout a token that can read the repository, or set policy-from: head`,
    );
  }
  return git.baseCommit(ref);
}

/** On a pull request: the report with the image's size trend from the history branch, when there is one. */
async function withTrend(setup: RunSetup, result: RunReport): Promise<RunReport> {
  const pr = setup.event.pullRequest;
  const head = result.report.head;
  if (!pr || !head) return result;
  const history = await readTrend(historyOptions(setup), { label: shortSha(pr.headSha), size: head.size });
  return history ? { ...result, report: { ...result.report, history } } : result;
}

/** On a push to the default branch (or a dispatch on it): this commit's record appended to the history branch. */
async function recordSize(setup: RunSetup, result: RunReport): Promise<void> {
  await recordHistory(historyOptions(setup), result.report);
}

const historyOptions = (setup: RunSetup) => ({
  git: setup.git.history,
  settings: setup.settings,
  event: setup.event,
  key: commentKey(setup.settings),
});

/** Head against base, linted and probed: the report, complete and frozen. Budgets it could not check are logged. */
async function compare(setup: RunSetup, head: HeadImage, base: BaseImage): Promise<RunReport> {
  const { settings, event, fresh } = setup;
  const result = await runComparison(
    {
      head: {
        ref: head.ref,
        shownAs: settings.image ?? setup.shownDockerfile,
        build: buildFigures(head.build, fresh),
        label: shortSha(event.pullRequest?.headSha ?? event.sha),
      },
      base: base.ref
        ? {
            ref: base.ref,
            ...(base.shownAs ? { shownAs: base.shownAs } : {}),
            build: buildFigures(base.build ?? null, fresh),
            optional: true,
            label: base.label,
          }
        : { unavailable: base.why ?? 'no base image' },
      dockerfile: existsSync(setup.dockerfile)
        ? { path: setup.dockerfile, context: setup.context, target: settings.target }
        : null,
      settings,
      config: setup.config,
      root: setup.workspace,
      ...(setup.policy ? { policy: setup.policy } : {}),
      buildWhy: !head.build
        ? 'the head image was given (image), not built: no build time'
        : !base.build && base.ref
          ? 'the base image was given (base-image), not built: no build time to compare'
          : null,
    },
    actionPorts(setup),
  );
  for (const u of result.unchecked) core.info(`image-guard: budget not checked: ${u}`);
  return result;
}

function actionPorts(setup: RunSetup): ComparePorts {
  const { deps, docker } = setup;
  const registry = deps.registry;
  // ghcr.io takes the workflow's token when nothing else is configured for it (docker login, a helper).
  const env = deps.env ?? process.env;
  const token = setup.settings['github-token'];
  const lint = deps.lint ?? realPorts.lint;
  const analyze =
    deps.analyze ??
    runAnalyzer(
      env.GITHUB_TOKEN || !token ? env : { ...env, GITHUB_TOKEN: token },
      setup.settings['engine-timeout'],
    );
  return {
    analyze,
    registry: registry ? () => registry : realPorts.registry,
    containers: () => docker.containers,
    async lint(dockerfile, options) {
      const linted = await lint(dockerfile, options);
      setup.linted.context = linted.context ?? null;
      return linted;
    },
    ...cacheProbePort(setup, analyze),
  };
}

/** The cache probe, when asked for and the head is built here: it rebuilds the head with one file changed. */
function cacheProbePort(setup: RunSetup, analyze: ComparePorts['analyze']): Pick<ComparePorts, 'cacheProbe'> {
  const { settings, docker } = setup;
  if (!settings['cache-probe']) return {};
  if (settings.image) {
    core.warning(
      'image-guard: cache-probe needs the Action to build the head image itself; it is skipped when `image` is given',
    );
    return {};
  }
  return {
    async cacheProbe(head) {
      core.startGroup('image-guard: cache probe (a one-file source change, rebuilt)');
      try {
        return await runCacheProbe({
          docker,
          dockerfile: setup.dockerfile,
          context: setup.context,
          target: settings.target,
          buildArgs: settings['build-args'],
          options: setup.build.other,
          tag: `image-guard-probe:${setup.runId}`,
          head,
          load: async (ref) => (await analyze(ref, { files: false, pullSize: false })).image,
        });
      } finally {
        core.endGroup();
      }
    },
  };
}

/** Options only buildx takes need buildx; a `builder` must exist: one line each, before anything is built. */
async function checkBuilder(docker: DockerCli, build: ActionBuild): Promise<void> {
  const needs = buildxOnly(build.head);
  if (needs.length > 0 && !(await docker.hasBuildx())) {
    throw new UserError(
      `${needs.join(', ')} need${needs.length === 1 ? 's' : ''} docker buildx, which this runner's docker CLI does not have: set it up first (docker/setup-buildx-action)`,
    );
  }
  const name = build.head.builder;
  if (name) {
    const why = await docker.builderProblem(name);
    if (why !== null)
      throw new UserError(
        `builder ${JSON.stringify(name)} cannot be used (${why}): create it earlier in the job (docker/setup-buildx-action) or leave builder empty`,
      );
  }
}

function buildFigures(build: BuildResult | null, noCache: boolean): BuildFigures | null {
  if (!build?.ok) return null;
  return { seconds: Math.round(build.seconds * 100) / 100, cache: build.cache?.cache ?? 'unknown', noCache };
}
