// The Action: inputs, build head and base, compare, publish; whatever happens, what it built or checked out is
// removed. This is the one place that fails the step.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as core from '@actions/core';
import { type ComparePorts, runComparison } from '../app/compare.js';
import { realPorts } from '../app/ports.js';
import type { Settings } from '../config/settings.js';
import { messageOf, UserError } from '../core/errors.js';
import { redactLines } from '../core/redact.js';
import type { BuildFigures } from '../core/report.js';
import { VERSION } from '../core/version.js';
import { type BuildOptions, type BuildResult, buildxOnly, type DockerCli } from '../engine/docker-cli.js';
import type { ArtifactService } from '../github/artifact.js';
import { type ActionEvent, readEvent } from '../github/event.js';
import type { RegistryClient } from '../registry/registry-client.js';
import { statusLine } from '../render/summary.js';
import { type BaseImage, getBase, shortSha } from './base-image.js';
import { type ActionBuild, actionBuild } from './build-options.js';
import { runCacheProbe } from './cache-probe.js';
import { Cleanup } from './cleanup.js';
import type { Git } from './git.js';
import { actionSettings } from './inputs.js';
import { annotate } from './outputs.js';
import { type Publisher, publishBrokenBuild, publishReport } from './publish.js';
import { insideWorkspace } from './workspace.js';

/** The Action's ports; each defaults to the real thing. Tests hand in fakes. */
export interface RunDeps {
  docker?: DockerCli;
  git?: Git;
  analyze?: ComparePorts['analyze'];
  lint?: ComparePorts['lint'];
  registry?: RegistryClient;
  publisher?: Publisher;
  /** Where the HTML report is uploaded; the runner's artifact service by default. */
  artifacts?: ArtifactService;
  env?: NodeJS.ProcessEnv;
  event?: (env: NodeJS.ProcessEnv) => ActionEvent;
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
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const { settings, config } = await actionSettings(env, workspace);
  const build = actionBuild(settings, env, workspace);
  const dockerfile = insideWorkspace(workspace, settings.dockerfile, 'dockerfile');
  const context = insideWorkspace(workspace, settings.context, 'context');
  const event = (deps.event ?? readEvent)(env);
  const docker = deps.docker ?? (await import('../engine/docker-cli.js')).dockerCli();
  if (!settings.image || !settings['base-image']) await checkBuilder(docker, build);
  const git = deps.git ?? (await import('./git.js')).gitCli(workspace);
  const outDir = await mkdtemp(join(env.RUNNER_TEMP ?? tmpdir(), 'image-guard-'));
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  const fresh = settings['build-time'] === 'fresh';
  const shownDockerfile = relative(workspace, dockerfile) || settings.dockerfile;
  const publishing = { deps, settings, event, outDir };

  const cleanup = new Cleanup();
  try {
    // Head image: the given one, or a build through the user's docker CLI.
    let headRef = settings.image;
    let headBuild: BuildResult | null = null;
    if (!headRef) {
      headRef = `image-guard-head:${runId}`;
      const tag = headRef;
      core.startGroup(`image-guard: building the head image (${shownDockerfile})`);
      headBuild = await docker.build({
        dockerfile,
        context,
        target: settings.target,
        buildArgs: settings['build-args'],
        tag,
        noCache: fresh,
        options: build.head,
      });
      core.endGroup();
      cleanup.add(() => docker.removeImage(tag));
      if (!headBuild.ok) {
        await publishBrokenBuild(publishing, redactLines(headBuild.logTail, build.secretValues));
        throw new UserError(whyNotBuilt(headBuild, build.head));
      }
    }

    // Base image: given, or the same Dockerfile built at the base commit.
    const base: BaseImage = await getBase({
      settings,
      event,
      docker,
      git,
      runId,
      noCache: fresh,
      cleanup,
      options: build.other,
    });

    const ports = actionPorts(deps, docker);
    const result = await runComparison(
      {
        head: {
          ref: headRef,
          shownAs: settings.image ?? shownDockerfile,
          build: buildFigures(headBuild, fresh),
          label: shortSha(event.pullRequest?.headSha ?? event.sha),
        },
        base: base.ref
          ? {
              ref: base.ref,
              build: buildFigures(base.build ?? null, fresh),
              optional: true,
              label: base.label,
            }
          : { unavailable: base.why ?? 'no base image' },
        dockerfile: existsSync(dockerfile) ? { path: dockerfile, context, target: settings.target } : null,
        settings,
        config,
        root: workspace,
        buildWhy: !headBuild
          ? 'the head image was given (image), not built: no build time'
          : !base.build && base.ref
            ? 'the base image was given (base-image), not built: no build time to compare'
            : null,
      },
      {
        ...ports,
        ...cacheProbePort(settings, docker, ports, { dockerfile, context, runId, options: build.other }),
      },
    );
    for (const u of result.unchecked) core.info(`image-guard: budget not checked: ${u}`);

    await publishReport(publishing, result);
    const { report } = result;
    annotate(report.findings, shownDockerfile);
    return report.passed ? null : statusLine(report, settings['fail-on']);
  } finally {
    await cleanup.run();
  }
}

function actionPorts(deps: RunDeps, docker: DockerCli): ComparePorts {
  const registry = deps.registry;
  return {
    analyze: deps.analyze ?? realPorts.analyze,
    registry: registry ? () => registry : realPorts.registry,
    containers: () => docker.containers,
    lint: deps.lint ?? realPorts.lint,
  };
}

/** The cache probe, when asked for and the head is built here: it rebuilds the head with one file changed. */
function cacheProbePort(
  settings: Settings,
  docker: DockerCli,
  ports: ComparePorts,
  where: { dockerfile: string; context: string; runId: string; options: BuildOptions },
): Pick<ComparePorts, 'cacheProbe'> {
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
          dockerfile: where.dockerfile,
          context: where.context,
          target: settings.target,
          buildArgs: settings['build-args'],
          options: where.options,
          tag: `image-guard-probe:${where.runId}`,
          head,
          load: async (ref) => (await ports.analyze(ref, { files: false, pullSize: false })).image,
        });
      } finally {
        core.endGroup();
      }
    },
  };
}

/** Why the head build failed, in one line: a cache export the builder cannot do is named as such. */
function whyNotBuilt(built: BuildResult, options: BuildOptions): string {
  if (options.cacheTo?.length && built.logTail.some((l) => /cache export is not supported/i.test(l))) {
    return 'cache-to: this builder cannot export a build cache (the docker driver on the classic image store): set up a builder with docker/setup-buildx-action, or use the containerd image store, or leave cache-to empty';
  }
  return 'the head image did not build; the last lines of its log are in the job summary';
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
