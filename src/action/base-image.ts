// The base image of a run: the one given (`base-image`: the engine's copy, else read from its registry, or
// pulled with `base-source: engine`), or the same Dockerfile built at
// the base commit (`base-ref`, else the PR's base, else `before` on push) in a worktree of its own. What it
// makes (the worktree, the image) is handed to the run's clean-up as soon as it exists.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { Settings } from '../config/settings.js';
import { messageOf } from '../core/errors.js';
import { REGISTRY_PREFIX } from '../core/image-ref.js';
import type { BuildOptions, BuildResult, DockerCli } from '../engine/docker-cli.js';
import type { ActionEvent } from '../github/event.js';
import type { Cleanup } from './cleanup.js';
import type { Git } from './git.js';
import { insideWorkspace } from './workspace.js';

export interface BaseImage {
  ref: string | null;
  /** How the report names it: `base-image` as written, also when it is read from the registry. */
  shownAs?: string;
  why: string | null;
  label?: string;
  /** The base build, when this run built it. */
  build?: BuildResult;
}

export const shortSha = (sha: string | null | undefined): string => (sha ? sha.slice(0, 7) : '');

export async function getBase(request: {
  settings: Settings;
  event: ActionEvent;
  docker: DockerCli;
  git: Git;
  runId: string;
  noCache: boolean;
  cleanup: Cleanup;
  /** The build inputs for the base build (no cache export: the head build writes the cache). */
  options?: BuildOptions;
}): Promise<BaseImage> {
  const { settings, event, docker, git } = request;
  const given = settings['base-image'];
  if (given) {
    // From the registry, the layers stream straight into the analysis: no pull (download, unpack,
    // register) and no export (re-pack) on the runner's disk.
    const source = settings['base-source'];
    if (source === 'registry')
      return { ref: `${REGISTRY_PREFIX}${given}`, shownAs: given, why: null, label: given };
    if (!(await docker.imageExists(given))) {
      if (source === 'auto')
        return { ref: `${REGISTRY_PREFIX}${given}`, shownAs: given, why: null, label: given };
      const pulled = await docker.pull(given);
      if (!pulled.ok) return { ref: null, why: `pulling ${given} failed: ${pulled.message}` };
    }
    return { ref: given, why: null, label: given };
  }
  const sha = settings['base-ref'] ?? event.pullRequest?.baseSha ?? event.before;
  if (!sha) {
    return { ref: null, why: `no base commit to build (event ${event.name}); set base-ref or base-image` };
  }
  const label = shortSha(sha);
  if (!(await git.hasCommit(sha)) && !(await git.fetchCommit(sha))) {
    return { ref: null, why: `the base commit ${label} could not be fetched`, label };
  }
  const dir = await mkdtemp(join(tmpdir(), 'image-guard-base-'));
  await rm(dir, { recursive: true, force: true });
  try {
    await git.addWorktree(dir, sha);
  } catch (error) {
    return { ref: null, why: messageOf(error), label };
  }
  request.cleanup.add(async () => {
    await git.removeWorktree(dir);
    await rm(dir, { recursive: true, force: true });
  });
  let dockerfile: string;
  let context: string;
  try {
    dockerfile = insideWorkspace(dir, settings.dockerfile, 'dockerfile at the base commit');
    context = insideWorkspace(dir, settings.context, 'context at the base commit');
  } catch (error) {
    return { ref: null, why: messageOf(error), label };
  }
  if (!existsSync(dockerfile)) {
    return {
      ref: null,
      why: `${settings.dockerfile} does not exist at the base commit ${label}: this is a new image`,
      label,
    };
  }
  const tag = `image-guard-base:${request.runId}`;
  core.startGroup(`image-guard: building the base image at ${label}`);
  const built = await docker.build({
    dockerfile,
    context,
    target: settings.target,
    buildArgs: settings['build-args'],
    tag,
    noCache: request.noCache,
    ...(request.options ? { options: request.options } : {}),
  });
  core.endGroup();
  request.cleanup.add(() => docker.removeImage(tag));
  if (!built.ok) {
    return {
      ref: null,
      // Its log stays in the step's output: a build error can quote files, and this line reaches the comment.
      why: `the base image did not build at ${label} (its log is in the step's output)`,
      label,
    };
  }
  return { ref: tag, why: null, label, build: built };
}
