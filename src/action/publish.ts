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
import { setOutputs } from './outputs.js';

/** Job summaries over 1 MiB are dropped by the runner; stay well under. */
const SUMMARY_LIMIT = 900_000;

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
  return {
    async upsert(comment) {
      if (!token) return { url: '', action: 'skipped', reason: 'no github-token' };
      // Octokit and its HTTP stack load only when there is a comment to post: the step starts faster.
      const { octokitCommentsApi, upsertStickyComment } = await import('../github/sticky-comment.js');
      const api = octokitCommentsApi(await clientOf(token));
      return upsertStickyComment({ api, ...comment });
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
      return syncReviewSuggestions({ api: octokitReviewApi(await clientOf(token)), ...review });
    },
  };
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
  /** The suggestions, computed only when they will be posted. */
  plan(): Promise<Suggestion[]>;
}

/**
 * The mechanical fixes as suggestions in a PR review (`suggestions: true`, and `comment: true`: with the comment
 * off, image-guard writes nothing to the PR). After the report is published, and never failing the step: a
 * fork's PR or a token without `pull-requests: write` gives one notice, any other failure one warning.
 */
export async function publishSuggestions(publishing: Publishing, req: SuggestionsRequest): Promise<void> {
  const pr = publishing.event.pullRequest;
  if (!pr || !publishing.settings.suggestions || !publishing.settings.comment) return;
  const publisher = publishing.deps.publisher ?? githubPublisher(publishing.settings['github-token']);
  if (!publisher.suggest) return;
  if (pr.fromFork) {
    core.notice(
      "image-guard: no review suggestions: a fork's pull request runs with a read-only token; the fixes are in the report",
    );
    return;
  }
  try {
    const result = await publisher.suggest({
      owner: publishing.event.owner,
      repo: publishing.event.repo,
      pullNumber: pr.number,
      headSha: pr.headSha,
      path: req.shownDockerfile,
      key: commentKey(publishing.settings),
      suggestions: await req.plan(),
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
  await publish(publishing, { summary, comment, report, passed: report.passed, htmlFile: html.file });
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

  let commentUrl = '';
  const pr = p.event.pullRequest;
  if (p.settings.comment && pr) {
    const publisher = p.deps.publisher ?? githubPublisher(p.settings['github-token']);
    try {
      const result = await publisher.upsert({
        owner: p.event.owner,
        repo: p.event.repo,
        issueNumber: pr.number,
        key: commentKey(p.settings),
        body: out.comment,
      });
      commentUrl = result.url;
      if (result.action === 'skipped') {
        core.warning(
          `image-guard: the PR comment was not posted (${result.reason ?? 'no permission'}); the report is in the job summary and in ${commentFile}. For PRs from forks, see the workflow_run example in the README.`,
        );
      } else core.info(`image-guard: PR comment ${result.action}: ${result.url}`);
    } catch (error) {
      core.warning(
        `image-guard: the PR comment could not be posted: ${messageOf(error)}; the report is in the job summary and in ${commentFile}.`,
      );
    }
  }
  setOutputs(out.report, {
    passed: out.passed,
    reportFile: out.report ? reportFile : '',
    commentFile,
    commentUrl,
    htmlFile: out.htmlFile ?? '',
  });
}

/**
 * The report as the sticky comment shows it. Build times taken with the engine's cache differ from run to run
 * and compare nothing (the base is built from the head's cache): the comment leaves them to the job summary
 * and the JSON report, so that running the same commit again does not edit the comment. With
 * `build-time: fresh` the user asked for them: they are shown.
 */
function commentView(report: Report): Report {
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
