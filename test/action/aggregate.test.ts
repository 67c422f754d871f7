// The Action's `reports:` mode through run(), in this process: the report files found by the glob, checked, put
// in one comment under its own key, the outputs and the summary written, the step failed when an image failed;
// and one line for each way the files can be wrong. Nothing is built: the docker CLI is never called.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inputVariable } from '../../src/action/inputs.js';
import { run } from '../../src/action/main.js';
import type { Publisher } from '../../src/action/publish.js';
import type { AggregateReport } from '../../src/core/aggregate.js';
import type { DockerCli } from '../../src/engine/docker-cli.js';
import type { ActionEvent } from '../../src/github/event.js';
import { COMMIT, imageReport, threeImages } from '../render/aggregate-fixtures.js';

const EVENT: ActionEvent = {
  name: 'pull_request',
  owner: 'octo-org',
  repo: 'app',
  sha: 'merge000000000000000000000000000000000000',
  pullRequest: {
    number: 7,
    headSha: COMMIT,
    baseSha: 'base2222222222',
    headRef: 'feature',
    baseRef: 'main',
    fromFork: false,
  },
  before: null,
};

// @actions/core keeps the summary file it first wrote to: one path for the whole file, emptied per test.
const SUMMARY_FILE = join(mkdtempSync(join(tmpdir(), 'ig-agg-summary-')), 'summary.md');
const saved = { ...process.env };
let tmp: string;
let workspace: string;
let stdout: string[];
let comments: { key: string; body: string }[];
let dockerCalls: string[];

/** A docker CLI that records any call: the `reports:` mode must make none. */
const docker = new Proxy({} as DockerCli, {
  get: (_, name) => () => {
    dockerCalls.push(String(name));
    throw new Error(`docker ${String(name)} called`);
  },
});
const publisher: Publisher = {
  async upsert(comment) {
    comments.push({ key: comment.key, body: comment.body });
    return { url: 'https://github.com/octo-org/app/pull/7#issuecomment-9', action: 'created' };
  },
};

function runWith(inputs: Record<string, string>, event: ActionEvent = EVENT) {
  return run({
    docker,
    publisher,
    event: () => event,
    env: {
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: tmp,
      ...Object.fromEntries(
        Object.entries({ comment: 'true', dockerfile: 'Dockerfile', ...inputs }).map(([k, v]) => [
          inputVariable(k),
          v,
        ]),
      ),
    },
  });
}

function outputs(): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  const text = readFileSync(process.env.GITHUB_OUTPUT!, 'utf8');
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}
const errors = () =>
  stdout
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('::error::'));

/** The three reports as download-artifact leaves them with merge-multiple: one folder, a name each. */
function downloadReports(dir = 'reports') {
  mkdirSync(join(workspace, dir), { recursive: true });
  for (const r of threeImages())
    writeFileSync(join(workspace, dir, r.file.replace(/^reports\//, '')), JSON.stringify(r.report, null, 2));
}

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ig-agg-'));
  workspace = join(tmp, 'ws');
  mkdirSync(workspace);
  writeFileSync(join(tmp, 'output'), '');
  writeFileSync(SUMMARY_FILE, '');
  process.env.GITHUB_OUTPUT = join(tmp, 'output');
  process.env.GITHUB_STEP_SUMMARY = SUMMARY_FILE;
  process.exitCode = undefined;
  stdout = [];
  comments = [];
  dockerCalls = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
  rmSync(tmp, { recursive: true, force: true });
});

describe('reports: several images in one comment', () => {
  it('posts one comment with a row per image, fails the step naming the image that failed', async () => {
    downloadReports();
    await runWith({ reports: 'reports/*.json' });
    expect(dockerCalls).toEqual([]);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.key).toBe('aggregate');
    const body = comments[0]!.body;
    expect(body.match(/^\| `(api|web|worker)`/gm)).toEqual(['| `api`', '| `web`', '| `worker`']);
    expect(errors()).toEqual([
      '::error::image-guard: 1 of 3 images failed: api (failed: max-size 5.9 MB (limit 4 MB))',
    ]);
    expect(process.exitCode).toBe(1);

    const out = outputs();
    expect(out.passed).toBe('false');
    expect(out['comment-url']).toBe('https://github.com/octo-org/app/pull/7#issuecomment-9');
    expect(readFileSync(out['comment-file']!, 'utf8')).toBe(body);
    const aggregate = JSON.parse(readFileSync(out['report-file']!, 'utf8')) as AggregateReport;
    expect(aggregate.images.map((i) => [i.key, i.file, i.passed])).toEqual([
      ['api', 'reports/api.json', false],
      ['web', 'reports/web.json', true],
      ['worker', 'reports/worker.json', true],
    ]);
    const { error, warning, info } = aggregate.findings;
    expect(Number(out.findings)).toBe(error + warning + info);
    expect(Number(out.findings)).toBeGreaterThan(0);
    // The same in the job summary, and the per-image outputs empty.
    const summary = readFileSync(SUMMARY_FILE, 'utf8');
    expect(summary.split('\n').slice(0, 8)).toEqual(body.split('\n').slice(0, 8));
    expect(out.size).toBe('');
  });

  it('all passed: the step passes; comment-key names the comment; patterns one a line, ! excluding', async () => {
    downloadReports();
    writeFileSync(join(workspace, 'reports', 'notes.txt'), 'not a report');
    await runWith({
      reports: 'reports/web.json\nreports/w*.json\n!reports/worker.json',
      'comment-key': 'images',
    });
    expect(errors()).toEqual([]);
    expect(process.exitCode).toBeUndefined();
    expect(comments.map((c) => c.key)).toEqual(['images']);
    expect(comments[0]!.body.split('\n')[0]).toBe('### ✅ image-guard · 1 image: passed');
    expect(outputs().passed).toBe('true');
  });

  it('comment: false writes the summary and the files, and posts nothing', async () => {
    downloadReports();
    await runWith({ reports: 'reports/*.json', comment: 'false' });
    expect(comments).toEqual([]);
    expect(outputs()['comment-url']).toBe('');
    expect(readFileSync(SUMMARY_FILE, 'utf8')).toContain('| `worker`');
  });

  it("leaves cached build times to the summary, as each image's own comment does: a re-run edits nothing", async () => {
    const write = (seconds: number) => {
      mkdirSync(join(workspace, 'reports'), { recursive: true });
      const r = imageReport({
        key: 'web',
        baseBytes: 1_000,
        headBytes: 2_000,
        dockerfile: 'FROM busybox:1.36\nUSER nobody\n',
        cachedBuildSeconds: seconds,
      });
      writeFileSync(join(workspace, 'reports', 'web.json'), JSON.stringify(r));
    };
    write(1.25);
    await runWith({ reports: 'reports/*.json' });
    write(3.5);
    await runWith({ reports: 'reports/*.json' });
    expect(comments).toHaveLength(2);
    expect(comments[0]!.body).toBe(comments[1]!.body);
    expect(comments[0]!.body).toContain('**Size, build, pull and start-up**');
    expect(comments[0]!.body).not.toContain('3.5 s');
    expect(readFileSync(SUMMARY_FILE, 'utf8')).toContain('3.5 s (cached)');
  });

  const failsWith = async (inputs: Record<string, string>, line: string | RegExp, event?: ActionEvent) => {
    await runWith(inputs, event);
    const [only, ...more] = errors();
    expect(more).toEqual([]);
    if (typeof line === 'string') expect(only).toBe(`::error::image-guard: ${line}`);
    else expect(only).toMatch(line);
    expect(comments).toEqual([]);
    expect(dockerCalls).toEqual([]);
  };

  it('a glob that matches nothing: one line', async () => {
    await failsWith(
      { reports: 'reports/*.json' },
      `reports: nothing matches "reports/*.json" in ${workspace}: download the image jobs' reports there first (actions/download-artifact)`,
    );
  });

  it('a report of another commit than the PR head is refused, naming the file', async () => {
    downloadReports();
    await failsWith(
      { reports: 'reports/*.json' },
      /^::error::image-guard: reports\/api\.json is a report of commit a1b2c3d, and this run is of 9999999: download the reports/,
      { ...EVENT, pullRequest: { ...EVENT.pullRequest!, headSha: '9'.repeat(40) } },
    );
  });

  it('on push, the commit is GITHUB_SHA', async () => {
    downloadReports();
    await runWith(
      { reports: 'reports/web.json' },
      { ...EVENT, name: 'push', pullRequest: null, sha: COMMIT },
    );
    expect(errors()).toEqual([]);
    expect(comments).toEqual([]);
  });

  it('invalid JSON, a CLI report, two reports of one key: one line naming the file', async () => {
    downloadReports();
    writeFileSync(join(workspace, 'reports', 'broken.json'), '{"schemaVersion": 1,');
    await failsWith(
      { reports: 'reports/*.json' },
      /^::error::image-guard: reports\/broken\.json is not JSON \(.+\)$/,
    );

    rmSync(join(workspace, 'reports', 'broken.json'));
    const { action: _, ...cli } = imageReport({
      key: 'x',
      baseBytes: 1,
      headBytes: 2,
      dockerfile: 'FROM a\n',
    });
    writeFileSync(join(workspace, 'reports', 'cli.json'), JSON.stringify(cli));
    stdout = [];
    await failsWith(
      { reports: 'reports/*.json' },
      /^::error::image-guard: reports\/cli\.json has no action\.commit/,
    );

    rmSync(join(workspace, 'reports', 'cli.json'));
    downloadReports('again');
    stdout = [];
    await failsWith(
      { reports: 'reports/*.json\nagain/*.json' },
      'again/api.json and reports/api.json are both of comment key "api": give each image job its own comment-key',
    );
  });
});
