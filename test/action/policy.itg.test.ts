// Issue 23 end to end: the committed dist/index.js under Node 24 in a git repository with a base commit and a PR
// commit, against the real engine and the GitHub API stand-in. On a pull request the config file at the base
// commit judges (policy-from: base, the default); the PR's changes to it, and the inline ignores it adds, are
// listed at the top of the comment and the summary and in the report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import {
  type ActionHarness,
  actionHarness,
  canRunAction,
  OWNER,
  PR,
  REPO,
} from '../support/action-runner.js';
import { BUSYBOX, engineAvailable } from '../support/engine.js';
import { twoCommitRepo } from '../support/git-repo.js';

const BASE_DOCKERFILE = `FROM ${BUSYBOX}\nWORKDIR /app\nCOPY app.txt .\nUSER nobody\n`;
/** 200 kB more than the base. */
const HEAD_DOCKERFILE = `FROM ${BUSYBOX}\nWORKDIR /app\nRUN head -c 200000 /dev/urandom > /app/blob\nCOPY app.txt .\nUSER nobody\n`;
const STRICT = 'max-increase: 100kB\n';
const RELAXED = 'max-increase: 10MB\nfail-on: never\n';

describe.skipIf(!engineAvailable || !canRunAction)('the policy of a pull request, end to end', () => {
  let harness: ActionHarness;
  beforeAll(async () => {
    harness = await actionHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const repo = (name: string, base: Record<string, string> | null, head: Record<string, string>) =>
    twoCommitRepo(join(harness.work, name), base, head);
  const report = (run: { outputs: Record<string, string> }) =>
    JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8')) as Report;
  const comment = (key: string) =>
    harness.server.comments(OWNER, REPO, PR).find((c) => c.body.includes(`<!-- image-guard:${key} -->`))
      ?.body ?? '';

  it("a PR that relaxes its config is still judged by the base's, and the comment shows the change", async () => {
    const r = repo(
      'relax',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n', '.image-guard.yml': STRICT },
      { Dockerfile: HEAD_DOCKERFILE, '.image-guard.yml': RELAXED },
    );
    const run = await harness.run(r, { 'comment-key': 'relax' });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/::error::image-guard: failed: max-increase 200 kB \(limit 100 kB\)/);
    expect(report(run).policy).toEqual({
      from: 'base',
      file: '.image-guard.yml',
      baseCommit: r.baseSha.slice(0, 7),
      changes: [
        { key: 'max-increase', base: '100kB', head: '10MB', applies: 'base' },
        { key: 'fail-on', base: null, head: 'never', applies: 'base' },
      ],
      addedIgnores: [],
      note: null,
    });
    const expected =
      '> **This PR changes the policy**: max-increase `100kB` → `10MB`; fail-on `never` (new). It is judged by `.image-guard.yml` at the base commit';
    expect(comment('relax')).toContain(expected);
    expect(run.summary).toContain(expected);
    expect(harness.server.violations).toEqual([]);
  });

  it("first adoption: the base has no config, so the PR's judges, and the comment says so", async () => {
    const r = repo(
      'adopt',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD_DOCKERFILE, '.image-guard.yml': STRICT },
    );
    const run = await harness.run(r, { 'comment-key': 'adopt' });
    expect(run.code, run.stdout).toBe(1);
    expect(report(run).policy?.from).toBe('head (no base config)');
    expect(comment('adopt')).toContain(
      `> **First adoption**: the base commit ${r.baseSha.slice(0, 7)} has no \`.image-guard.yml\`, so this PR's own config judges it; it sets max-increase \`100kB\` (new).`,
    );
  });

  it("policy-from: head judges by the PR's own file, as before; inputs win over both files", async () => {
    const r = repo(
      'head',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n', '.image-guard.yml': STRICT },
      { Dockerfile: HEAD_DOCKERFILE, '.image-guard.yml': RELAXED },
    );
    const head = await harness.run(r, { 'comment-key': 'head', 'policy-from': 'head' });
    expect(head.code, head.stdout).toBe(0);
    expect(report(head).policy).toBeUndefined();
    expect(comment('head')).not.toContain('policy');

    const input = await harness.run(r, { 'comment-key': 'input', 'max-increase': '1MB' });
    expect(input.code, input.stdout).toBe(0);
    expect(report(input).budgets).toEqual([expect.objectContaining({ name: 'max-increase', passed: true })]);
    expect(report(input).policy?.changes[0]).toMatchObject({ key: 'max-increase', applies: 'input' });
    expect(comment('input')).toContain("max-increase `100kB` → `10MB` (the workflow's input applies)");
  });

  it('an inline ignore the PR adds is listed, at its line', async () => {
    const r = repo(
      'ignore',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
      { Dockerfile: `# image-guard ignore-file=IG009\n${BASE_DOCKERFILE}` },
    );
    const run = await harness.run(r, { 'comment-key': 'ignore' });
    expect(run.code, run.stdout).toBe(0);
    expect(report(run).policy?.addedIgnores).toEqual([
      { rule: 'IG009', scope: 'file', file: 'Dockerfile', line: 1 },
    ]);
    expect(comment('ignore')).toContain(
      '> **This PR adds inline ignores**: IG009 in the whole file (Dockerfile:1).',
    );
  });

  it("pull_request_target with a fork's head: refused with one error linking the recipe; allow-untrusted-build lets it through", async () => {
    const r = repo(
      'target',
      { Dockerfile: BASE_DOCKERFILE, 'app.txt': 'v1\n' },
      { Dockerfile: HEAD_DOCKERFILE },
    );
    const target = { fork: true, eventName: 'pull_request_target' } as const;
    const refused = await harness.run(r, { 'comment-key': 'target' }, target);
    expect(refused.code).toBe(1);
    const errors = refused.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error::image-guard: refusing to build someone\/app's pull request under pull_request_target, which runs with a write token and the repository's secrets: .*SECURITY\.md.*allow-untrusted-build: true overrides this$/,
      ),
    ]);
    expect(refused.stdout).not.toMatch(/building the (head|base) image/);
    expect(comment('target')).toBe('');

    const allowed = await harness.run(
      r,
      { 'comment-key': 'target', 'allow-untrusted-build': 'true' },
      target,
    );
    expect(allowed.code, allowed.stdout).toBe(0);
    expect(allowed.stdout).toMatch(/building the head image/);
    expect(comment('target')).toContain('+200 kB');
    expect(harness.server.violations).toEqual([]);
  });
});
