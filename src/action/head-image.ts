// The head image of a run: the one given (`image`), or the workspace's Dockerfile built through the user's
// docker CLI. The image it builds is handed to the run's clean-up as soon as it exists; a build that fails is
// published (its log tail in the job summary, redacted) and ends the run.
import * as core from '@actions/core';
import type { Settings } from '../config/settings.js';
import { UserError } from '../core/errors.js';
import { redactLines } from '../core/redact.js';
import type { BuildOptions, BuildResult, DockerCli } from '../engine/docker-cli.js';
import type { Cleanup } from './cleanup.js';
import { type Publishing, publishBrokenBuild } from './publish.js';

export interface HeadImage {
  /** The given image, or the tag of this run's build. */
  ref: string;
  /** The build, when this run built the head. */
  build: BuildResult | null;
}

export async function getHead(request: {
  settings: Settings;
  docker: DockerCli;
  /** The Dockerfile and the context, inside the workspace. */
  dockerfile: string;
  context: string;
  /** The Dockerfile as the repository names it (`docker/Dockerfile`). */
  shownDockerfile: string;
  runId: string;
  noCache: boolean;
  cleanup: Cleanup;
  /** The build inputs for the head build (it alone exports the build cache). */
  options: BuildOptions;
  /** Values a failed build's log is redacted of before it is published. */
  secretValues: readonly string[];
  publishing: Publishing;
}): Promise<HeadImage> {
  const { settings, docker } = request;
  if (settings.image) return { ref: settings.image, build: null };
  const tag = `image-guard-head:${request.runId}`;
  core.startGroup(`image-guard: building the head image (${request.shownDockerfile})`);
  const built = await docker.build({
    dockerfile: request.dockerfile,
    context: request.context,
    target: settings.target,
    buildArgs: settings['build-args'],
    tag,
    noCache: request.noCache,
    options: request.options,
  });
  core.endGroup();
  request.cleanup.add(() => docker.removeImage(tag));
  if (!built.ok) {
    await publishBrokenBuild(request.publishing, redactLines(built.logTail, request.secretValues));
    throw new UserError(whyNotBuilt(built, request.options));
  }
  return { ref: tag, build: built };
}

/** Why the head build failed, in one line: a cache export the builder cannot do is named as such. */
function whyNotBuilt(built: BuildResult, options: BuildOptions): string {
  if (options.cacheTo?.length && built.logTail.some((l) => /cache export is not supported/i.test(l))) {
    return 'cache-to: this builder cannot export a build cache (the docker driver on the classic image store): set up a builder with docker/setup-buildx-action, or use the containerd image store, or leave cache-to empty';
  }
  return 'the head image did not build; the last lines of its log are in the job summary';
}
