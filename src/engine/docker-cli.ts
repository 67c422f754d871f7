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
  const run = (args: string[], silent = false) =>
    getExecOutput(binary, args, { ignoreReturnCode: true, silent }).catch((error: unknown) => ({
      exitCode: 127,
      stdout: '',
      stderr: `could not run ${binary}: ${error instanceof Error ? error.message : String(error)}`,
    }));

  return {
    async build(request) {
      // With buildx, `--load` puts the result in the engine's image store even on a docker-container builder.
      const args = (await hasBuildx()) ? ['buildx', 'build', '--load'] : ['build'];
      // Values joined to their flags and positionals after `--`: nothing a workflow writes is read as a flag.
      args.push(`--file=${request.dockerfile}`, `--tag=${request.tag}`);
      if (request.target) args.push(`--target=${request.target}`);
      for (const arg of request.buildArgs) args.push(`--build-arg=${arg}`);
      if (request.noCache) args.push('--no-cache');
      args.push('--', request.context);
      const started = process.hrtime.bigint();
      const result = await run(args);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const output = `${result.stdout}\n${result.stderr}`;
      return { ok: result.exitCode === 0, seconds, logTail: tail(output), cache: buildCacheUse(output) };
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
