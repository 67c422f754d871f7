// The Action's `reports:` mode: a last job of a workflow puts the JSON reports its image jobs wrote (downloaded
// from their artifacts) in one sticky comment, one row per image, and one status for all. It builds nothing
// and needs no Docker engine: it reads files, checks that they belong together, and publishes.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { buildAggregate, checkReports, type LoadedReport, parseReportFile } from '../core/aggregate.js';
import { UserError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { readEvent } from '../github/event.js';
import { renderAggregate } from '../render/aggregate.js';
import { COMMENT_LIMIT } from '../render/markdown.js';
import { statusLine } from '../render/summary.js';
import type { RunDeps } from './deps.js';
import { getInputs, inputVariable } from './inputs.js';
import { commentView, publishAggregate, runCommit, SUMMARY_LIMIT } from './publish.js';

/** The aggregate comment's key when `comment-key` is not given. */
export const AGGREGATE_KEY = 'aggregate';

/** True when the workflow gave `reports:`: the run puts reports together instead of building. */
export function wantsAggregate(env: NodeJS.ProcessEnv): boolean {
  return (env[inputVariable('reports')] ?? '').trim() !== '';
}

/** Reads, checks and publishes the reports; returns why the check failed (which images), or null. */
export async function runAggregate(deps: RunDeps): Promise<string | null> {
  const env = deps.env ?? process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const settings = getInputs(env);
  const event = (deps.event ?? readEvent)(env);
  const commit = runCommit(event);
  if (!commit)
    throw new UserError('GITHUB_SHA is not set: reports are checked against the commit of the run');
  const files = await findReports(settings.reports, workspace);
  const loaded = await Promise.all(files.map((file) => readReport(file, workspace)));
  checkReports(loaded, { commit, version: VERSION });
  const key = settings['comment-key'] ?? AGGREGATE_KEY;
  const { aggregate, ordered } = buildAggregate(loaded, {
    commit,
    key,
    version: VERSION,
    status: statusLine,
  });
  core.info(
    `image-guard: ${ordered.length} report${ordered.length === 1 ? '' : 's'}: ${ordered.map((r) => `${r.file} (${r.report.action.key})`).join(', ')}`,
  );
  const outDir = await mkdtemp(join(env.RUNNER_TEMP ?? tmpdir(), 'image-guard-'));
  await publishAggregate(
    { deps, settings, event, outDir },
    {
      key,
      json: aggregate,
      passed: aggregate.passed,
      findings: aggregate.findings.error + aggregate.findings.warning + aggregate.findings.info,
      summary: renderAggregate(aggregate, ordered, {
        maxChars: SUMMARY_LIMIT,
        fullReportHint: "the full report is in the job summary of the image's own job.",
      }),
      // Each image as its own comment shows it: build times from the cache, which vary run to run, left out.
      comment: renderAggregate(aggregate, ordered.map(asInComment), {
        maxChars: COMMENT_LIMIT - 200,
        fullReportHint: 'the full report is in the job summary of this run.',
      }),
    },
  );
  const failed = aggregate.images.filter((i) => !i.passed);
  if (failed.length === 0) return null;
  return `${failed.length} of ${aggregate.images.length} images failed: ${failed.map((i) => `${i.key} (${i.status})`).join('; ')}`;
}

const asInComment = (r: LoadedReport): LoadedReport => ({
  ...r,
  report: { ...commentView(r.report), action: r.report.action },
});

/**
 * The files the patterns match, one pattern a line, relative to the workspace, `!` excluding, as
 * actions/upload-artifact's `path` takes them (the toolkit's own glob). Nothing matched is an error.
 */
async function findReports(patterns: readonly string[], workspace: string): Promise<string[]> {
  const absolute = patterns.map((p) => {
    const negated = p.startsWith('!');
    const path = negated ? p.slice(1) : p;
    return `${negated ? '!' : ''}${isAbsolute(path) ? path : resolve(workspace, path)}`;
  });
  const { create } = await import('@actions/glob');
  const globber = await create(absolute.join('\n'), { matchDirectories: false, implicitDescendants: false });
  const files = [...new Set(await globber.glob())].sort();
  if (files.length === 0)
    throw new UserError(
      `reports: nothing matches ${patterns.map((p) => JSON.stringify(p)).join(', ')} in ${workspace}: download the image jobs' reports there first (actions/download-artifact)`,
    );
  return files;
}

async function readReport(file: string, workspace: string): Promise<LoadedReport> {
  const shown = relative(workspace, file).startsWith('..') ? file : relative(workspace, file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${shown} cannot be read (${code ?? (error as Error).message})`);
  }
  return parseReportFile(shown, text);
}
