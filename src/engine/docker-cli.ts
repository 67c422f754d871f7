// `docker build` and `docker pull` through the user's own docker CLI, so that buildx, BuildKit, remote
// builders and registry logins configured earlier in the job are honoured.
import { getExecOutput } from '@actions/exec';
import type { ContainerRunner } from '../startup/startup-probe.js';
import { type BuildCacheUse, buildCacheUse } from './build-cache.js';

export interface BuildRequest {
  dockerfile: string;
  context: string;
  target: string | null;
  buildArgs: string[];
  tag: string;
  noCache?: boolean;
  /** What BuildKit adds to a build (secrets, caches, contexts, …): these need buildx. */
  options?: BuildOptions;
}

/** The build options docker/build-push-action users know, by the same names; each needs buildx. */
export interface BuildOptions {
  /** Secret values, passed to buildx through its environment (`env=`), never on its command line. */
  secrets?: { id: string; value: string }[];
  secretFiles?: { id: string; path: string }[];
  secretEnvs?: { id: string; env: string }[];
  ssh?: string[];
  cacheFrom?: string[];
  cacheTo?: string[];
  buildContexts?: string[];
  platform?: string | null;
  builder?: string | null;
  network?: string | null;
  pull?: boolean;
  labels?: string[];
  /** `--provenance` and `--sbom`; unset: false, since attestations would change what is compared. */
  provenance?: string;
  sbom?: string;
}

/** The options that only buildx takes, by input name, for the error when buildx is missing. */
export function buildxOnly(options: BuildOptions): string[] {
  const used: string[] = [];
  if (options.secrets?.length) used.push('secrets');
  if (options.secretFiles?.length) used.push('secret-files');
  if (options.secretEnvs?.length) used.push('secret-envs');
  if (options.ssh?.length) used.push('ssh');
  if (options.cacheFrom?.length) used.push('cache-from');
  if (options.cacheTo?.length) used.push('cache-to');
  if (options.buildContexts?.length) used.push('build-contexts');
  if (options.builder) used.push('builder');
  return used;
}

/** The prefix of the environment variables that carry secret values to buildx. */
const SECRET_ENV = 'IMAGE_GUARD_BUILD_SECRET_';

/**
 * `docker buildx build` arguments for a request, and the environment that carries its secret values: no secret
 * value is ever on a command line (@actions/exec prints command lines to the log).
 */
export function buildxArgs(request: BuildRequest): { args: string[]; env: Record<string, string> } {
  const o = request.options ?? {};
  const env: Record<string, string> = {};
  const args = ['buildx', 'build'];
  if (o.builder) args.push(`--builder=${o.builder}`);
  args.push('--load', ...imageFlags(request));
  for (const [i, s] of (o.secrets ?? []).entries()) {
    env[`${SECRET_ENV}${i}`] = s.value;
    args.push(`--secret=id=${s.id},env=${SECRET_ENV}${i}`);
  }
  for (const s of o.secretFiles ?? []) args.push(`--secret=id=${s.id},src=${s.path}`);
  for (const s of o.secretEnvs ?? []) args.push(`--secret=id=${s.id},env=${s.env}`);
  for (const s of o.ssh ?? []) args.push(`--ssh=${s}`);
  for (const c of o.cacheFrom ?? []) args.push(`--cache-from=${c}`);
  for (const c of o.cacheTo ?? []) args.push(`--cache-to=${c}`);
  for (const c of o.buildContexts ?? []) args.push(`--build-context=${c}`);
  args.push(...runFlags(request), `--provenance=${o.provenance ?? 'false'}`, `--sbom=${o.sbom ?? 'false'}`);
  args.push(...lastFlags(request));
  return { args, env };
}

/** `docker build` arguments (the legacy builder, or BuildKit through DOCKER_BUILDKIT) when there is no buildx. */
function classicArgs(request: BuildRequest): string[] {
  return ['build', ...imageFlags(request), ...runFlags(request), ...lastFlags(request)];
}

/** What both builders take about the image: the file, the tag, the stage, the platform, args and labels. */
function imageFlags(request: BuildRequest): string[] {
  const o = request.options ?? {};
  const args = [`--file=${request.dockerfile}`, `--tag=${request.tag}`];
  if (request.target) args.push(`--target=${request.target}`);
  if (o.platform) args.push(`--platform=${o.platform}`);
  for (const arg of request.buildArgs) args.push(`--build-arg=${arg}`);
  for (const label of o.labels ?? []) args.push(`--label=${label}`);
  return args;
}

/** How RUN steps and FROM pulls behave, for both builders. */
function runFlags(request: BuildRequest): string[] {
  const o = request.options ?? {};
  return [...(o.network ? [`--network=${o.network}`] : []), ...(o.pull ? ['--pull'] : [])];
}

/** `--no-cache`, then the context after `--`, so that no context is read as a flag. */
function lastFlags(request: BuildRequest): string[] {
  return [...(request.noCache ? ['--no-cache'] : []), '--', request.context];
}

export interface BuildResult {
  ok: boolean;
  seconds: number;
  /** The last lines of the build's output, for a failed build's report. */
  logTail: string[];
  /** How much of the build the engine's cache served, read from its output. */
  cache?: BuildCacheUse;
}

export interface DockerCli {
  build(request: BuildRequest): Promise<BuildResult>;
  /** Whether builds go through buildx (`docker buildx version` answers). */
  hasBuildx(): Promise<boolean>;
  /** Null when the buildx builder exists and answers, else why not, in a few words. */
  builderProblem(name: string): Promise<string | null>;
  imageExists(ref: string): Promise<boolean>;
  pull(ref: string): Promise<{ ok: boolean; message: string }>;
  removeImage(ref: string): Promise<void>;
  /** `docker run -d`, `docker exec`, `docker rm -f`: what the start-up probe needs. */
  containers?: ContainerRunner;
}

const TAIL = 30;

function tail(text: string, lines = TAIL): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(-lines);
}

export function dockerCli(binary = process.env.IMAGE_GUARD_DOCKER ?? 'docker'): DockerCli {
  let buildx: Promise<boolean> | undefined;
  const hasBuildx = () => {
    buildx ??= getExecOutput(binary, ['buildx', 'version'], { silent: true, ignoreReturnCode: true }).then(
      (r) => r.exitCode === 0,
      () => false,
    );
    return buildx;
  };
  const run = (args: string[], silent = false, env?: Record<string, string>) =>
    getExecOutput(binary, args, {
      ignoreReturnCode: true,
      silent,
      ...(env && Object.keys(env).length
        ? { env: { ...process.env, ...env } as Record<string, string> }
        : {}),
    }).catch((error: unknown) => ({
      exitCode: 127,
      stdout: '',
      stderr: `could not run ${binary}: ${error instanceof Error ? error.message : String(error)}`,
    }));

  return {
    async build(request) {
      // With buildx, `--load` puts the result in the engine's image store even on a docker-container builder.
      // Values joined to their flags and positionals after `--`: nothing a workflow writes is read as a flag.
      const { args, env } = (await hasBuildx())
        ? buildxArgs(request)
        : { args: classicArgs(request), env: {} };
      const started = process.hrtime.bigint();
      const result = await run(args, false, env);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const output = `${result.stdout}\n${result.stderr}`;
      return { ok: result.exitCode === 0, seconds, logTail: tail(output), cache: buildCacheUse(output) };
    },
    hasBuildx,
    async builderProblem(name) {
      const result = await run(['buildx', 'inspect', '--bootstrap', `--builder=${name}`], true);
      if (result.exitCode === 0) return null;
      return (
        tail(result.stderr || result.stdout, 1)[0]?.replace(/^ERROR:\s*/, '') ?? `exit ${result.exitCode}`
      );
    },
    async imageExists(ref) {
      return (await run(['image', 'inspect', '--format', '{{.Id}}', '--', ref], true)).exitCode === 0;
    },
    async pull(ref) {
      const result = await run(['pull', '--', ref]);
      return { ok: result.exitCode === 0, message: tail(result.stderr || result.stdout, 1)[0] ?? '' };
    },
    async removeImage(ref) {
      await run(['image', 'rm', '-f', '--', ref], true);
    },
    containers: containerRunner(run),
  };
}

type Run = (
  args: string[],
  silent?: boolean,
) => Promise<{ exitCode: number; stdout: string; stderr: string }>;

/** Containers through the docker CLI, quietly: the probe polls, and a log line per poll helps nobody. */
function containerRunner(run: Run): ContainerRunner {
  return {
    async run(image, labels) {
      const args = ['run', '-d'];
      for (const [k, v] of Object.entries(labels)) args.push('--label', `${k}=${v}`);
      args.push('--', image);
      const result = await run(args, true);
      const id = result.stdout.trim().split(/\s+/).at(-1) ?? '';
      if (result.exitCode === 0 && id) return { id };
      // `docker run -d` can create the container and still fail to start it: the id is then on stdout.
      return {
        error: tail(result.stderr || result.stdout, 1)[0] ?? `exit ${result.exitCode}`,
        id: id || null,
      };
    },
    async state(id) {
      const format =
        '{{.State.Running}} {{.State.ExitCode}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}';
      const result = await run(['container', 'inspect', '--format', format, id], true);
      if (result.exitCode !== 0) return { running: false, exitCode: null, address: null };
      const [running, code, ...ips] = result.stdout.trim().split(/\s+/);
      return {
        running: running === 'true',
        exitCode: Number.isFinite(Number(code)) ? Number(code) : null,
        address: ips.find(Boolean) ?? null,
      };
    },
    async exec(id, command) {
      return (await run(['exec', id, 'sh', '-c', command], true)).exitCode;
    },
    async logsTail(id) {
      const result = await run(['logs', '--tail', '5', id], true);
      return tail(`${result.stdout}\n${result.stderr}`, 5);
    },
    async remove(id) {
      await run(['rm', '-f', '-v', id], true);
    },
  };
}
