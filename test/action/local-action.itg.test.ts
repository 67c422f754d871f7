// The Action's logic run by GitHub's own local runner for actions (@github/local-action), which loads
// src/action/main.ts with the toolkit stubbed the way the runner's is, reads inputs from a .env file and
// prints the outputs it collected.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BUSYBOX, DOCKER, engineAvailable } from '../support/engine.js';
import { pullRequestEvent, twoCommitRepo } from '../support/git-repo.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCAL_ACTION = join(ROOT, 'node_modules/.bin/local-action');
const run = promisify(execFile);

describe.skipIf(!engineAvailable || !existsSync(LOCAL_ACTION))(
  'the Action under @github/local-action',
  () => {
    const work = mkdtempSync(join(tmpdir(), 'ig-local-action-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('builds head and base, compares them and sets the outputs', async () => {
      const base = `FROM ${BUSYBOX}\nCOPY a.txt /a.txt\nUSER nobody\n`;
      const head = `FROM ${BUSYBOX}\nRUN head -c 100000 /dev/urandom > /blob\nCOPY a.txt /a.txt\nUSER nobody\n`;
      const r = twoCommitRepo(join(work, 'repo'), { Dockerfile: base, 'a.txt': '1\n' }, { Dockerfile: head });
      const eventPath = join(work, 'event.json');
      writeFileSync(eventPath, JSON.stringify(pullRequestEvent(r, { owner: 'o', repo: 'r', number: 3 })));
      const envFile = join(work, '.env');
      writeFileSync(
        envFile,
        [
          'INPUT_DOCKERFILE=Dockerfile',
          'INPUT_CONTEXT=.',
          'INPUT_FAIL-ON=error',
          'INPUT_FILES=true',
          'INPUT_CACHE-PROBE=false',
          'INPUT_COMMENT=false',
          'INPUT_MAX-INCREASE=10%',
          'GITHUB_EVENT_NAME=pull_request',
          `GITHUB_EVENT_PATH=${eventPath}`,
          'GITHUB_REPOSITORY=o/r',
          `GITHUB_WORKSPACE=${r.dir}`,
          `GITHUB_SHA=${r.headSha}`,
          `IMAGE_GUARD_DOCKER=${DOCKER}`,
          'DOCKER_BUILDKIT=1',
          '',
        ].join('\n'),
      );
      // local-action looks up the toolkit packages with `npm ls` in the current folder: run it from the project.
      const { stdout } = await run(LOCAL_ACTION, ['run', ROOT, 'src/action/main.ts', envFile], {
        cwd: ROOT,
        env: { ...process.env, npm_config_yes: 'true', NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
      const outputs = Object.fromEntries(
        [...stdout.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)].map((m) => [m[1], m[2]]),
      );
      expect(outputs['size-delta']).toBe('100000');
      expect(Number(outputs.size) - Number(outputs['base-size'])).toBe(100_000);
      expect(outputs.passed).toBe('true');
      expect(outputs.layers).toBe('3');
      expect(stdout).not.toMatch(/::error::/);
    });
  },
);
