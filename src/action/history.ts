// The image's size history in a branch of the repository (`history-branch`): a push to the default branch
// appends its record, a pull request reads the records to show the trend. Written with git's plumbing through a
// ref of image-guard's own, so the checkout's files, index and HEAD are never touched; authenticated as the
// checkout left git (actions/checkout's persisted credentials). Nothing here fails the step: a history that
// cannot be written is one warning, one that cannot be read a note.
import * as core from '@actions/core';
import type { Settings } from '../config/settings.js';
import { messageOf } from '../core/errors.js';
import type { Report, SizeTrend } from '../core/report.js';
import type { ActionEvent } from '../github/event.js';
import {
  appendRecord,
  HISTORY_FILE,
  type HistoryRecord,
  historyRecord,
  parseHistory,
  sizeTrend,
} from '../history/record.js';
import type { HistoryGit } from './git.js';

/** Where the fetched history branch is kept while a run reads it: a ref of image-guard's own, deleted after. */
const HISTORY_REF = 'refs/image-guard/history';
/** Pushes tried before a history that other runs keep moving gives up. */
export const HISTORY_TRIES = 5;

export interface HistoryOptions {
  git: HistoryGit | undefined;
  settings: Pick<Settings, 'history-branch' | 'history-limit'>;
  event: ActionEvent;
  key: string;
  /** Waits between tries (tests pass a quicker one). */
  sleep?: (ms: number) => Promise<void>;
}

/** A push to the default branch, or a workflow_dispatch on it: the runs that record. */
export function recordsHistory(event: ActionEvent): boolean {
  if (event.name !== 'push' && event.name !== 'workflow_dispatch') return false;
  return event.defaultBranch !== undefined && event.ref === `refs/heads/${event.defaultBranch}`;
}

/** This run's record appended to the history branch; one info line when it is, one warning when it is not. */
export async function recordHistory(o: HistoryOptions, report: Report, now = new Date()): Promise<void> {
  if (!o.git || o.settings['history-limit'] === 0 || !recordsHistory(o.event)) return;
  const record = historyRecord(report, { key: o.key, commit: o.event.sha, date: now });
  if (!record) return;
  const branch = o.settings['history-branch'];
  const result = await appendHistory(o.git, {
    branch,
    record,
    limit: o.settings['history-limit'],
    sleep: o.sleep,
  });
  if (result.ok) {
    core.info(
      `image-guard: size history: ${record.key} at ${record.commit.slice(0, 7)} recorded in branch ${branch}${result.tries > 1 ? ` (after ${result.tries} tries: other runs pushed meanwhile)` : ''}`,
    );
  } else {
    core.warning(
      `image-guard: the size history could not be written to branch ${branch}: ${result.why}. A push needs permissions: contents: write; set history-limit: 0 to keep no history`,
    );
  }
}

/**
 * Fetch, append, push; on a refused push, again from a fresh fetch when the branch moved meanwhile (another run
 * pushed first), at most HISTORY_TRIES times. A push refused while the branch stayed put is a permission.
 */
export async function appendHistory(
  git: HistoryGit,
  o: {
    branch: string;
    record: HistoryRecord;
    limit: number;
    tries?: number;
    sleep?: ((ms: number) => Promise<void>) | undefined;
  },
): Promise<{ ok: true; tries: number } | { ok: false; why: string }> {
  const tries = o.tries ?? HISTORY_TRIES;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  let why = '';
  try {
    for (let attempt = 1; attempt <= tries; attempt++) {
      const tip = await git.remoteTip(o.branch);
      const parent = tip === null ? null : await git.fetchInto(o.branch, HISTORY_REF);
      const text = parent ? ((await git.readFile(parent, HISTORY_FILE)) ?? '') : '';
      const commit = await git.commitFile({
        parent,
        tree: parent ? await git.treeLines(parent) : [],
        path: HISTORY_FILE,
        text: appendRecord(text, o.record, o.limit),
        message: `image-guard: ${o.record.key} at ${o.record.commit.slice(0, 7)}`,
      });
      const refused = await git.push(commit, o.branch);
      if (refused === null) return { ok: true, tries: attempt };
      why = refused;
      if ((await git.remoteTip(o.branch)) === parent) return { ok: false, why };
      // Someone else's record went in first: read theirs and try again, a little later each time.
      await sleep(100 * attempt + Math.floor(Math.random() * 200 * attempt));
    }
    return { ok: false, why: `other runs kept pushing to it (${tries} tries; the last: ${why})` };
  } catch (error) {
    return { ok: false, why: messageOf(error) };
  } finally {
    await git.deleteRef(HISTORY_REF).catch(() => undefined);
  }
}

/**
 * The trend of this PR's image against the history branch; null (with a note in the log) when there is no
 * branch yet, no record of the image, or the branch cannot be read.
 */
export async function readTrend(
  o: HistoryOptions,
  head: { label: string; size: number },
): Promise<SizeTrend | null> {
  if (!o.git || o.settings['history-limit'] === 0) return null;
  const branch = o.settings['history-branch'];
  try {
    const tip = await o.git.remoteTip(branch);
    if (tip === null) {
      core.info(
        `image-guard: no size trend: the repository has no branch ${branch} yet (a push to the default branch writes it)`,
      );
      return null;
    }
    const commit = await o.git.fetchInto(branch, HISTORY_REF);
    const records = parseHistory((await o.git.readFile(commit, HISTORY_FILE)) ?? '');
    const trend = sizeTrend(records, o.key, head, `branch ${branch}`);
    if (!trend) core.info(`image-guard: no size trend: branch ${branch} has no record of ${o.key} yet`);
    return trend;
  } catch (error) {
    core.info(`image-guard: no size trend: branch ${branch} could not be read: ${messageOf(error)}`);
    return null;
  } finally {
    await o.git.deleteRef(HISTORY_REF).catch(() => undefined);
  }
}
