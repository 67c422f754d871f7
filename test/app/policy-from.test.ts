// Issue 23, part 1: on a pull request the config file at the base commit judges, read from git objects; the PR's
// own file is read too and every difference reported, with the inline ignores the PR adds to its Dockerfile.
// Against real git repositories (a base commit and a PR commit), with no engine.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseCommit, gitPath } from '../../src/app/base-commit.js';
import { loadSettings } from '../../src/app/load-settings.js';
import { gitIn } from '../../src/cli/git.js';
import { main } from '../../src/cli/main.js';
import type { Written } from '../../src/config/settings.js';
import { UserError } from '../../src/core/errors.js';
import type { Report } from '../../src/core/report.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { imageData, layer } from '../analysis/helpers.js';
import { captureIO as io } from '../support/cli-io.js';
import { git, twoCommitRepo } from '../support/git-repo.js';

const work = mkdtempSync(join(tmpdir(), 'ig-policy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const repo = (base: Record<string, string> | null, head: Record<string, string>) =>
  twoCommitRepo(join(work, `r${n++}`), base, head);

const BASE_CONFIG = 'max-size: 250MB\nfail-on: error\nignore: [IG007]\nseverity:\n  IG009: warning\n';
const RELAXED = 'max-size: 1GB\nfail-on: never\nignore: [IG007, IG004]\nseverity:\n  IG009: off\n';

/** The settings as the Action resolves them on a PR whose base is `ref`, with these inputs written. */
async function load(dir: string, ref: string, inputs: Record<string, string> = {}) {
  const written: Record<string, Written> = {};
  for (const [k, v] of Object.entries(inputs)) written[k] = { text: v, shown: k };
  return loadSettings(written, dir, 'bad inputs', {
    baseFor: async () => baseCommit(gitIn(dir), ref, 'the base commit'),
    dockerfile: () => join(dir, 'Dockerfile'),
  });
}

describe('policy-from: base (the default)', () => {
  it('a PR that relaxes its config is judged by the base commit’s, and every change is listed', async () => {
    const r = repo({ '.image-guard.yml': BASE_CONFIG }, { '.image-guard.yml': RELAXED });
    const { settings, config, policy } = await load(r.dir, r.baseSha);
    expect(settings['max-size']).toBe(250_000_000);
    expect(settings['fail-on']).toBe('error');
    expect(config.ignore).toEqual(['IG007']);
    expect(config.severity).toEqual({ IG009: 'warning' });
    expect(policy).toEqual({
      from: 'base',
      file: '.image-guard.yml',
      baseCommit: r.baseSha.slice(0, 7),
      changes: [
        { key: 'max-size', base: '250MB', head: '1GB', applies: 'base' },
        { key: 'fail-on', base: 'error', head: 'never', applies: 'base' },
        { key: 'ignore', base: 'IG007', head: 'IG007, IG004', applies: 'base' },
        { key: 'severity.IG009', base: 'warning', head: 'off', applies: 'base' },
      ],
      addedIgnores: [],
      note: null,
    });
  });

  it('inputs (with:) win over both files, and the change says so', async () => {
    const r = repo({ '.image-guard.yml': BASE_CONFIG }, { '.image-guard.yml': RELAXED });
    const { settings, policy } = await load(r.dir, r.baseSha, { 'max-size': '300MB' });
    expect(settings['max-size']).toBe(300_000_000);
    expect(settings['fail-on']).toBe('error');
    expect(policy?.changes[0]).toEqual({ key: 'max-size', base: '250MB', head: '1GB', applies: 'input' });
  });

  it('an unchanged config gives no changes; the base commit judges all the same', async () => {
    const r = repo({ '.image-guard.yml': BASE_CONFIG }, { 'app.txt': 'x\n' });
    const { policy, settings } = await load(r.dir, r.baseSha);
    expect(policy).toMatchObject({ from: 'base', changes: [], addedIgnores: [] });
    expect(settings['max-size']).toBe(250_000_000);
  });

  it('a PR that deletes the config is still judged by the base’s', async () => {
    const r = repo({ '.image-guard.yml': BASE_CONFIG }, {});
    git(r.dir, 'rm', '-q', '.image-guard.yml');
    git(r.dir, 'commit', '-qm', 'drop the config');
    const { settings, policy } = await load(r.dir, r.baseSha);
    expect(settings['fail-on']).toBe('error');
    expect(policy?.changes.map((c) => [c.key, c.head])).toEqual([
      ['max-size', null],
      ['fail-on', null],
      ['ignore', null],
      ['severity.IG009', null],
    ]);
  });

  it('first adoption: the base has no config, so the PR’s judges, and says so', async () => {
    const r = repo(null, { '.image-guard.yml': 'max-size: 250MB\n' });
    const { settings, policy } = await load(r.dir, r.baseSha);
    expect(settings['max-size']).toBe(250_000_000);
    expect(policy).toMatchObject({
      from: 'head (no base config)',
      changes: [{ key: 'max-size', base: null, head: '250MB', applies: 'head' }],
    });
  });

  it('a base config that cannot be read (invalid, a symlink) leaves the PR’s to judge, with why', async () => {
    const bad = repo(
      { '.image-guard.yml': 'fail-on: fatal\n' },
      { '.image-guard.yml': 'fail-on: warning\n' },
    );
    const { settings, policy } = await load(bad.dir, bad.baseSha);
    expect(settings['fail-on']).toBe('warning');
    expect(policy?.from).toBe('head (base config invalid)');
    expect(policy?.note).toBe(
      `config .image-guard.yml at the base commit ${bad.baseSha.slice(0, 7)}: fail-on "fatal" must be error, warning, info or never`,
    );
    const linked = repo(null, {});
    symlinkSync('/etc/passwd', join(linked.dir, '.image-guard.yml'));
    git(linked.dir, 'add', '-A');
    git(linked.dir, 'commit', '-qm', 'link');
    const base = git(linked.dir, 'rev-parse', 'HEAD');
    rmSync(join(linked.dir, '.image-guard.yml'));
    writeFileSync(join(linked.dir, '.image-guard.yml'), 'max-layers: 9\n');
    const read = await load(linked.dir, base);
    expect(read.policy?.note).toMatch(/at the base commit \w+ is a symbolic link, not read$/);
    expect(read.settings['max-layers']).toBe(9);
  });

  it('reads the file the config input names, at the base commit', async () => {
    const r = repo({ 'ci.yml': 'max-layers: 7\n' }, { 'ci.yml': 'max-layers: 70\n' });
    const { settings, policy } = await load(r.dir, r.baseSha, { config: 'ci.yml' });
    expect(settings['max-layers']).toBe(7);
    expect(policy).toMatchObject({ file: 'ci.yml', changes: [{ key: 'max-layers', base: '7', head: '70' }] });
  });

  it('policy-from: head judges by the PR’s own file, as before, and reads no base', async () => {
    const r = repo({ '.image-guard.yml': BASE_CONFIG }, { '.image-guard.yml': RELAXED });
    const { settings, policy } = await load(r.dir, r.baseSha, { 'policy-from': 'head' });
    expect(settings['fail-on']).toBe('never');
    expect(policy).toBeUndefined();
  });

  it('lists the inline ignores the PR adds: moved lines are not new, a new one and ignore-file are', async () => {
    const base = 'FROM busybox:1\n# image-guard ignore=IG004\nRUN pip install x\nUSER app\n';
    const head =
      '# image-guard ignore-file=IG014\nFROM busybox:1\n\n# image-guard ignore=IG004\nRUN pip install x\n# image-guard ignore=IG010,IG009\nUSER app\n';
    const r = repo({ Dockerfile: base }, { Dockerfile: head });
    const { policy } = await load(r.dir, r.baseSha);
    expect(policy?.addedIgnores).toEqual([
      { rule: 'IG014', scope: 'file', file: 'Dockerfile', line: 1 },
      { rule: 'IG010', scope: 'instruction', file: 'Dockerfile', line: 6 },
      { rule: 'IG009', scope: 'instruction', file: 'Dockerfile', line: 6 },
    ]);
    // a new Dockerfile: every ignore in it is added
    const fresh = repo(null, { Dockerfile: base });
    expect((await load(fresh.dir, fresh.baseSha)).policy?.addedIgnores).toEqual([
      { rule: 'IG004', scope: 'instruction', file: 'Dockerfile', line: 2 },
    ]);
  });

  it('a base ref that is no commit, or looks like an option, is one clear error', async () => {
    const r = repo(null, {});
    await expect(load(r.dir, 'no-such-branch')).rejects.toThrow(
      /^the base commit "no-such-branch" is no commit of this checkout: fetch it/,
    );
    await expect(baseCommit(gitIn(r.dir), '--output=/tmp/x', 'x')).rejects.toBeInstanceOf(UserError);
    expect(() => gitPath('../elsewhere.yml', r.dir)).toThrow(/is outside/);
    expect(gitPath(join(r.dir, 'ci', 'x.yml'), r.dir)).toBe('ci/x.yml');
  });
});

describe('the comment and the summary show the policy at the top', () => {
  it('the changes, whose file judged, and the added ignores, escaped', async () => {
    const r = repo(
      { '.image-guard.yml': BASE_CONFIG, Dockerfile: 'FROM busybox:1\n' },
      { '.image-guard.yml': RELAXED, Dockerfile: '# image-guard ignore-file=IG009\nFROM busybox:1\n' },
    );
    const { policy } = await load(r.dir, r.baseSha);
    const report = {
      schemaVersion: 1,
      tool: { name: 'image-guard', version: '1' },
      head: null,
      base: null,
      baseUnavailable: null,
      delta: null,
      layers: [],
      findings: [],
      budgets: [],
      passed: true,
      policy,
    } as Report;
    const md = renderMarkdown(report, { failOn: 'error' });
    const lines = md.split('\n');
    expect(lines[2]).toBe(
      `> **This PR changes the policy**: max-size \`250MB\` → \`1GB\`; fail-on \`error\` → \`never\`; ignore \`IG007\` → \`IG007, IG004\`; IG009 \`warning\` → \`off\`. It is judged by \`.image-guard.yml\` at the base commit ${r.baseSha.slice(0, 7)}, the reviewed one; the change applies once merged.`,
    );
    expect(lines[4]).toBe('> **This PR adds inline ignores**: IG009 in the whole file (Dockerfile:1).');
  });
});

describe('compare --policy-from base --base-ref REF', () => {
  const image = (ref: string, bytes: number) =>
    imageData([{ createdBy: 'RUN /bin/sh -c x # buildkit', summary: layer(`app/a:${bytes}`) }], ref);
  const loader = {
    async load(ref: string) {
      return image(ref, ref === 'app:pr' ? 600_000_000 : 200_000_000);
    },
  };

  it('judges by the config at REF, and the JSON says what the working tree changes', async () => {
    const r = repo({ '.image-guard.yml': 'max-size: 250MB\n' }, { '.image-guard.yml': 'max-size: 1GB\n' });
    const cwd = process.cwd();
    process.chdir(r.dir);
    try {
      const t = io();
      const args = ['compare', '--head', 'app:pr', '--base', 'app:main', '--format', 'json'];
      expect(await main([...args, '--base-ref', 'main~1'], t.io, { loader })).toBe(1);
      const report = JSON.parse(t.out()) as Report;
      expect(report.budgets).toEqual([
        expect.objectContaining({ name: 'max-size', limit: 250_000_000, passed: false }),
      ]);
      expect(report.policy).toMatchObject({ from: 'base', changes: [{ key: 'max-size', head: '1GB' }] });
      const text = io();
      await main(['compare', '--head', 'app:pr', '--base', 'app:main', '--base-ref', 'main~1'], text.io, {
        loader,
      });
      expect(text.out().split('\n')[0]).toBe(
        `This PR changes the policy: max-size 250MB → 1GB. It is judged by .image-guard.yml at the base commit ${r.baseSha.slice(0, 7)}, the reviewed one; the change applies once merged.`,
      );
      // --policy-from head: the folder's own config, as without --base-ref
      const head = io();
      expect(
        await main([...args, '--base-ref', 'main~1', '--policy-from', 'head'], head.io, { loader }),
      ).toBe(0);
      expect((JSON.parse(head.out()) as Report).policy).toBeUndefined();
      const missing = io();
      expect(await main([...args, '--policy-from', 'base'], missing.io, { loader })).toBe(2);
      expect(missing.err()).toBe(
        'image-guard: error: --policy-from base needs --base-ref REF: the commit whose config file judges the change\n',
      );
    } finally {
      process.chdir(cwd);
    }
  });
});
