// `docker build` and `docker pull` through the user's own docker CLI, so that buildx, BuildKit, remote
// builders and registry logins configured earlier in the job are honoured.
import { getExecOutput } from '@actions/exec';

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
}

export interface DockerCli {
  build(request: BuildRequest): Promise<BuildResult>;
  imageExists(ref: string): Promise<boolean>;
  pull(ref: string): Promise<{ ok: boolean; message: string }>;
  removeImage(ref: string): Promise<void>;
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
      args.push('-f', request.dockerfile, '-t', request.tag);
      if (request.target) args.push('--target', request.target);
      for (const arg of request.buildArgs) args.push('--build-arg', arg);
      if (request.noCache) args.push('--no-cache');
      args.push(request.context);
      const started = process.hrtime.bigint();
      const result = await run(args);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { ok: result.exitCode === 0, seconds, logTail: tail(`${result.stdout}\n${result.stderr}`) };
    },
    async imageExists(ref) {
      return (await run(['image', 'inspect', '--format', '{{.Id}}', ref], true)).exitCode === 0;
    },
    async pull(ref) {
      const result = await run(['pull', ref]);
      return { ok: result.exitCode === 0, message: tail(result.stderr || result.stdout, 1)[0] ?? '' };
    },
    async removeImage(ref) {
      await run(['image', 'rm', '-f', ref], true);
    },
  };
}
