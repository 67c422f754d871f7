// Where the Action's report goes: a JSON file and the comment's Markdown in a folder of the run, the outputs,
// the job summary and the sticky PR comment. Whatever of these fails, the others are still written.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { RunReport } from '../analysis/report.js';
import type { Settings } from '../config/settings.js';
import { messageOf } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { type ArtifactService, artifactName, artifactService } from '../github/artifact.js';
import type { ActionEvent } from '../github/event.js';
import type { Suggestion, SyncSuggestionsResult } from '../github/review-suggestions.js';
import type { StickyCommentResult } from '../github/sticky-comment.js';
import { renderHtml } from '../render/html/index.js';
import { COMMENT_LIMIT, renderMarkdown } from '../render/markdown.js';
import { escapeMarkdown } from '../render/markdown-escape.js';
import { shortSha } from './base-image.js';
import type { Git } from './git.js';
import { setOutputs } from './outputs.js';

/** Job summaries over 1 MiB are dropped by the runner; stay well under. */
export const SUMMARY_LIMIT = 900_000;

export interface Publisher {
  upsert(comment: {
    owner: string;
    repo: string;
    issueNumber: number;
    key: string;
    body: string;
  }): Promise<StickyCommentResult>;
  /** The review suggestions; a publisher without it posts none. */
  suggest?(review: {
    owner: string;
    repo: string;
    pullNumber: number;
    headSha: string;
    path: string;
    key: string;
    suggestions: readonly Suggestion[];
  }): Promise<SyncSuggestionsResult>;
}

const clientOf = async (token: string) => {
  const { createClient } = await import('../github/client.js');
  return createClient({ token, log: { debug: core.debug, warning: core.warning, mask: core.setSecret } });
};

function githubPublisher(token: string): Publisher {
  // One client for the comment and the review, and the token's identity (GET /user) asked once for both: it
  // cannot change within a run. A failed answer is not kept, so the review asks again.
  let client: ReturnType<typeof clientOf> | undefined;
  const github = () => {
    client ??= clientOf(token);
    return client;
  };
  let identity: Promise<string | null> | undefined;
  const whoAmI = (ask: () => Promise<string | null>) => {
    identity ??= ask().catch((error: unknown) => {
      identity = undefined;
      throw error;
    });
    return identity;
  };
  return {
    async upsert(comment) {
      if (!token) return { url: '', action: 'skipped', reason: 'no github-token' };
      // Octokit and its HTTP stack load only when there is a comment to post: the step starts faster.
      const { octokitCommentsApi, upsertStickyComment } = await import('../github/sticky-comment.js');
      const api = octokitCommentsApi(await github());
      return upsertStickyComment({ api: { ...api, whoAmI: () => whoAmI(api.whoAmI) }, ...comment });
    },
    async suggest(review) {
      if (!token)
        return {
          action: 'skipped',
          created: 0,
          updated: 0,
          unchanged: 0,
          deleted: 0,
          offDiff: 0,
          reason: 'no github-token',
        };
      const { octokitReviewApi, syncReviewSuggestions } = await import('../github/review-suggestions.js');
      const api = octokitReviewApi(await github());
      return syncReviewSuggestions({ api: { ...api, whoAmI: () => whoAmI(api.whoAmI) }, ...review });
    },
  };
}

/** The run's publisher: the one given, else one talking to GitHub, made once a run (comment and review share it). */
const publishers = new WeakMap<Publishing, Publisher>();
function publisherOf(publishing: Publishing): Publisher {
  if (publishing.deps.publisher) return publishing.deps.publisher;
  let publisher = publishers.get(publishing);
  if (!publisher) {
    publisher = githubPublisher(publishing.settings['github-token']);
    publishers.set(publishing, publisher);
  }
  return publisher;
}

export interface Publishing {
  deps: { publisher?: Publisher; artifacts?: ArtifactService };
  settings: Settings;
  event: ActionEvent;
  /** The run's folder for report.json and comment.md. */
  outDir: string;
}

export function commentKey(settings: Pick<Settings, 'comment-key' | 'dockerfile' | 'target'>): string {
  if (settings['comment-key']) return settings['comment-key'];
  return settings.target ? `${settings.dockerfile}:${settings.target}` : settings.dockerfile;
}

const titleOf = (s: Settings) => (s.target ? `${s.dockerfile} (${s.target})` : s.dockerfile);

/** What the review suggestions need to know of the run. */
export interface SuggestionsRequest {
  /** The Dockerfile as the repository names it, the path GitHub's diff uses. */
  shownDockerfile: string;
  /**
   * The suggestions, computed only when they will be posted: on the Dockerfile as checked out (null), or on the
   * text given, the PR head's.
   */
  plan(headText: string | null): Promise<Suggestion[]>;
  /** The checkout: the PR head's Dockerfile is read from its git objects when another commit is checked out. */
  git: Pick<Git, 'checkedOut' | 'hasCommit' | 'fetchCommit' | 'baseCommit'>;
}

/** The largest Dockerfile the lint reads (src/lint/index.ts), and so the largest read at the PR head. */
const MAX_DOCKERFILE_BYTES = 1024 * 1024;

/**
 * The Dockerfile whose lines the review's comments are on: the PR head's. On `pull_request` the checkout is
 * GitHub's merge commit, whose lines are not the head's when the base branch changed the Dockerfile above the
 * PR's change; then the head's file is read from git objects (the commit fetched, depth 1, when the checkout lacks
 * it). null: the head is checked out, the file on disk is its. `why`: it could not be read, so no suggestion's
 * line can be trusted.
 */
async function headDockerfile(
  headSha: string,
  req: SuggestionsRequest,
): Promise<{ text: string | null } | { why: string }> {
  const { git } = req;
  if ((await git.checkedOut()) === headSha) return { text: null };
  const head = shortSha(headSha);
  if (!(await git.hasCommit(headSha)) && !(await git.fetchCommit(headSha)))
    return { why: `the PR head ${head} could not be fetched` };
  const file = await (await git.baseCommit(headSha)).read(req.shownDockerfile, MAX_DOCKERFILE_BYTES);
  if (file.kind !== 'file')
    return {
      why: `${req.shownDockerfile} at the PR head ${head} is ${file.kind === 'missing' ? 'not there' : file.why}`,
    };
  return { text: file.text };
}

/**
 * The mechanical fixes as suggestions in a PR review (`suggestions: true`, and `comment: true`: with the comment
 * off, image-guard writes nothing to the PR). After the report is published, and never failing the step: a
 * fork's PR or a token without `pull-requests: write` gives one notice, any other failure one warning.
 */
export async function publishSuggestions(publishing: Publishing, req: SuggestionsRequest): Promise<void> {
  const pr = publishing.event.pullRequest;
  if (!pr || !publishing.settings.suggestions || !publishing.settings.comment) return;
  const publisher = publisherOf(publishing);
  if (!publisher.suggest) return;
  if (pr.fromFork) {
    core.notice(
      "image-guard: no review suggestions: a fork's pull request runs with a read-only token; the fixes are in the report",
    );
    return;
  }
  try {
    const head = await headDockerfile(pr.headSha, req);
    if ('why' in head) {
      core.notice(
        `image-guard: no review suggestions: ${head.why}, so they cannot be put on its lines; the fixes are in the report`,
      );
      return;
    }
    const result = await publisher.suggest({
      owner: publishing.event.owner,
      repo: publishing.event.repo,
      pullNumber: pr.number,
      headSha: pr.headSha,
      path: req.shownDockerfile,
      key: commentKey(publishing.settings),
      suggestions: await req.plan(head.text),
    });
    if (result.action === 'skipped') {
      core.notice(
        `image-guard: no review suggestions: ${result.reason ?? 'no permission'}; the fixes are in the report`,
      );
      return;
    }
    const { created, updated, unchanged, deleted, offDiff } = result;
    core.info(
      `image-guard: review suggestions: ${created} posted, ${updated} updated, ${unchanged} unchanged, ${deleted} removed; ${offDiff} not on the PR's diff (in the report)`,
    );
  } catch (error) {
    core.warning(`image-guard: the review suggestions could not be posted: ${messageOf(error)}`);
  }
}

/**
 * The report: the full Markdown in the job summary, a shorter one in the comment, JSON in a file, and the HTML
 * report in a file uploaded as a workflow artifact, which the summary and the comment link to.
 */
export async function publishReport(publishing: Publishing, result: RunReport): Promise<void> {
  const { report } = result;
  const options = {
    failOn: publishing.settings['fail-on'],
    title: titleOf(publishing.settings),
    ...result.labels,
    unchecked: result.unchecked,
  };
  const html = await writeHtmlReport(publishing, report, { ...options, explore: result.explore });
  const link = html.url ? { htmlReport: html.url } : {};
  const summary = renderMarkdown(report, { ...options, ...link, maxChars: SUMMARY_LIMIT });
  const comment = renderMarkdown(commentView(report), {
    ...options,
    ...link,
    maxChars: COMMENT_LIMIT - 200,
    fullReportHint: 'The full report is in the job summary of this run.',
  });
  await publish(publishing, {
    summary,
    comment,
    report: stamped(publishing, report, { ...options, htmlReport: html.url }),
    passed: report.passed,
    htmlFile: html.file,
  });
}

/**
 * The report as its file holds it: with the run that wrote it (`action`: the commit, the comment key, how the
 * comment showed it), which a `reports:` run checks and shows when it puts several images in one comment.
 */
function stamped(
  p: Publishing,
  report: Report,
  shown: {
    failOn: Settings['fail-on'];
    title: string;
    headLabel?: string;
    baseLabel?: string;
    unchecked: readonly string[];
    htmlReport: string;
  },
): Report {
  return {
    ...report,
    action: {
      commit: runCommit(p.event),
      key: commentKey(p.settings),
      title: shown.title,
      failOn: shown.failOn,
      baseLabel: shown.baseLabel || null,
      headLabel: shown.headLabel || null,
      unchecked: [...shown.unchecked],
      htmlReport: shown.htmlReport || null,
    },
  };
}

/** The commit a run's reports are of: the pull request's head on a PR (GITHUB_SHA is its merge), else GITHUB_SHA. */
export function runCommit(event: ActionEvent): string {
  return event.pullRequest?.headSha ?? event.sha;
}

/**
 * Writes report.html and uploads it as the artifact `image-guard-report-KEY`. Without an artifact service, or
 * when the upload fails, one line says so and the run goes on: the file is still there (output `report-html`).
 */
async function writeHtmlReport(
  p: Publishing,
  report: Report,
  options: Parameters<typeof renderHtml>[1],
): Promise<{ file: string; url: string }> {
  const file = join(p.outDir, 'report.html');
  try {
    await mkdir(p.outDir, { recursive: true });
    await writeFile(file, renderHtml(report, options));
  } catch (error) {
    core.warning(`image-guard: the HTML report could not be written: ${messageOf(error)}`);
    return { file: '', url: '' };
  }
  const service = p.deps.artifacts ?? artifactService();
  if ('unavailable' in service) {
    core.info(`image-guard: the HTML report was not uploaded: ${service.unavailable}; it is in ${file}`);
    return { file, url: '' };
  }
  try {
    const uploaded = await service.uploader.upload(
      artifactName('image-guard-report', commentKey(p.settings)),
      file,
    );
    core.info(
      `image-guard: HTML report uploaded as a workflow artifact${uploaded.url ? `: ${uploaded.url}` : ''}`,
    );
    return { file, url: uploaded.url };
  } catch (error) {
    core.warning(`image-guard: the HTML report could not be uploaded: ${messageOf(error)}; it is in ${file}`);
    return { file, url: '' };
  }
}

/**
 * A head image that did not build: the job summary has the last lines of its log, the comment only says so. A
 * build error can quote the files it read, and a comment is read by more people than the run's log.
 */
export async function publishBrokenBuild(publishing: Publishing, logTail: string[]): Promise<void> {
  const heading = '### ❌ image-guard: failed: the image did not build';
  const footer = `<sub>${escapeMarkdown('image-guard')}</sub>`;
  const summary = [
    heading,
    '',
    'The last lines of the build:',
    '',
    '```text',
    ...logTail.map((l) => l.replace(/```/g, "'''")),
    '```',
    '',
    footer,
    '',
  ].join('\n');
  const comment = [
    heading,
    '',
    'The build log is in the job summary and the step output of this run.',
    '',
    footer,
    '',
  ].join('\n');
  await publish(publishing, { summary, comment, report: null, passed: false });
}

async function publish(
  p: Publishing,
  out: { summary: string; comment: string; report: Report | null; passed: boolean; htmlFile?: string },
): Promise<void> {
  await mkdir(p.outDir, { recursive: true });
  const reportFile = join(p.outDir, 'report.json');
  const commentFile = join(p.outDir, 'comment.md');
  if (out.report) await writeFile(reportFile, `${JSON.stringify(out.report, null, 2)}\n`);
  await writeFile(commentFile, out.comment);
  try {
    await core.summary.addRaw(out.summary).write();
  } catch (error) {
    core.warning(`image-guard: could not write the job summary: ${messageOf(error)}`);
  }

  const commentUrl = await postComment(p, commentKey(p.settings), out.comment, commentFile);
  setOutputs(out.report, {
    passed: out.passed,
    reportFile: out.report ? reportFile : '',
    commentFile,
    commentUrl,
    htmlFile: out.htmlFile ?? '',
  });
}

/**
 * The sticky comment, posted or edited when `comment` is on and the run is a pull request's; its URL, or '' when
 * none was posted. A comment that cannot be posted is a warning: the report is still in the summary and the file.
 */
async function postComment(p: Publishing, key: string, body: string, commentFile: string): Promise<string> {
  const pr = p.event.pullRequest;
  if (!p.settings.comment || !pr) return '';
  const publisher = publisherOf(p);
  try {
    const result = await publisher.upsert({
      owner: p.event.owner,
      repo: p.event.repo,
      issueNumber: pr.number,
      key,
      body,
    });
    if (result.action === 'skipped') {
      core.warning(
        `image-guard: the PR comment was not posted (${result.reason ?? 'no permission'}); the report is in the job summary and in ${commentFile}. For PRs from forks, see the workflow_run example in the README.`,
      );
    } else core.info(`image-guard: PR comment ${result.action}: ${result.url}`);
    return result.url;
  } catch (error) {
    core.warning(
      `image-guard: the PR comment could not be posted: ${messageOf(error)}; the report is in the job summary and in ${commentFile}.`,
    );
    return '';
  }
}

/**
 * Several images' reports in one (the `reports:` mode): the aggregate JSON, the comment under its own key, the
 * same Markdown, with more room, in the job summary, and the outputs (`findings`: every image's).
 */
export async function publishAggregate(
  publishing: Publishing,
  out: { key: string; summary: string; comment: string; json: unknown; passed: boolean; findings: number },
): Promise<void> {
  await mkdir(publishing.outDir, { recursive: true });
  const reportFile = join(publishing.outDir, 'aggregate.json');
  const commentFile = join(publishing.outDir, 'comment.md');
  await writeFile(reportFile, `${JSON.stringify(out.json, null, 2)}\n`);
  await writeFile(commentFile, out.comment);
  try {
    await core.summary.addRaw(out.summary).write();
  } catch (error) {
    core.warning(`image-guard: could not write the job summary: ${messageOf(error)}`);
  }
  const commentUrl = await postComment(publishing, out.key, out.comment, commentFile);
  setOutputs(null, { passed: out.passed, reportFile, commentFile, commentUrl, findings: out.findings });
}

/**
 * The report as the sticky comment shows it. Build times taken with the engine's cache differ from run to run
 * and compare nothing (the base is built from the head's cache): the comment leaves them to the job summary
 * and the JSON report, so that running the same commit again does not edit the comment. With
 * `build-time: fresh` the user asked for them: they are shown.
 */
export function commentView(report: Report): Report {
  const c = report.costs;
  if (!c || (!c.head.build && !c.base?.build)) return report;
  if (c.head.build?.noCache || c.base?.build?.noCache) return report;
  return {
    ...report,
    costs: {
      ...c,
      head: { ...c.head, build: null },
      base: c.base ? { ...c.base, build: null } : null,
      notes: {
        ...c.notes,
        build:
          'builds reuse the engine’s cache (build-time: cached), so their times compare nothing; they are in the job summary. build-time: fresh builds both without the cache and shows them here',
      },
    },
  };
}
