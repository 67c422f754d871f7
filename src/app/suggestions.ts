// The fixes `image-guard lint --fix` would make, as line-range replacements a PR review can suggest: each is
// the Dockerfile's lines a fix touches and those lines with the fix made. Only fixes the fixer keeps (checked
// by a second lint) become suggestions; a finding it leaves to a person has no suggestion, its advice stays in
// the sticky comment.
import { basename } from 'node:path';
import type { ImageGuardConfig } from '../config/config.js';
import type { Finding } from '../core/report.js';
import type { Suggestion } from '../github/review-suggestions.js';
import type { ContextScan } from '../lint/context.js';
import { type LintOptions, lint } from '../lint/engine.js';
import { applyEdits, type TextEdit } from '../lint/fix/edits.js';
import { FIXES, type FixContext, fixDockerfile } from '../lint/fix/index.js';
import { type FixEnv, isLeft, type Located } from '../lint/fix/model.js';
import { readSource } from '../lint/fix/source.js';
import { lintDockerfileResult, readDockerfile } from '../lint/index.js';
import { parseDockerfile } from '../lint/parse.js';
import { buildStageGraph, DEFAULT_PLATFORM } from '../lint/stages.js';
import { fixContext } from './fix-context.js';

export type { Suggestion };

export interface SuggestionInput {
  text: string;
  findings: readonly Finding[];
  context: FixContext | null;
  options: LintOptions;
}

/** Line starts of a text: `starts[k]` is the offset of line k + 1. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (text.endsWith('\n')) starts.pop();
  return starts;
}

/** The 1-based line holding an offset; an offset past the last line's end is on the last line. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface Region {
  start: number;
  end: number;
  edits: TextEdit[];
  findings: Finding[];
}

/**
 * The lines an edit replaces. A line inserted at the start of a line could be suggested on that line or on the one
 * before it: it goes with the one nearer the finding (ENV after a FROM is suggested on the FROM).
 */
function editLines(
  text: string,
  starts: number[],
  e: TextEdit,
  findingLine: number | null,
): [number, number] {
  if (e.start >= text.length) return [starts.length, starts.length]; // appended after the last line
  const first = lineOf(starts, e.start);
  const insertedAtLineStart = e.start === e.end && e.start > 0 && text[e.start - 1] === '\n';
  if (insertedAtLineStart && (findingLine ?? first) < first) return [first - 1, first - 1];
  return [first, lineOf(starts, Math.max(e.start, e.end - 1))];
}

const splitLines = (s: string) => s.split('\n').map((l) => l.replace(/\r$/, ''));

/**
 * The suggestions for a Dockerfile: the fixer's kept fixes, each as the whole lines it touches, fixes that
 * touch the same lines merged into one. Pure; an ignore-file fix (IG008) changes no Dockerfile line and gives
 * none.
 */
export function planSuggestions(input: SuggestionInput): Suggestion[] {
  const { text, findings, context, options } = input;
  const result = fixDockerfile({ text, findings, context, options });
  if (result.fixed.length === 0) return [];
  const parsed = parseDockerfile(text);
  const graph = buildStageGraph(parsed, options.target, options.platform ?? DEFAULT_PLATFORM).graph;
  if (!graph) return [];
  const file = readSource(text);
  const byLine = new Map<number, Located>();
  for (const [k, instr] of parsed.instructions.entries())
    byLine.set(instr.line, { instr, seg: file.segments[k]! });
  const env: FixEnv = { file, parsed, graph, at: (line) => byLine.get(line) ?? null, context };
  const starts = lineStarts(text);

  const regions: Region[] = [];
  for (const { finding } of result.fixed) {
    let candidate: ReturnType<NonNullable<(typeof FIXES)[string]>['fixer']> | undefined;
    try {
      candidate = FIXES[finding.rule]?.fixer(finding, env);
    } catch {
      continue; // fixDockerfile kept it, so this does not happen; if it did, the finding stays in the comment
    }
    if (!candidate || isLeft(candidate) || candidate.edits.length === 0) continue;
    const lines = candidate.edits.map((e) => editLines(text, starts, e, finding.line));
    const start = Math.min(...lines.map(([a]) => a));
    const end = Math.max(...lines.map(([, b]) => b));
    regions.push({ start, end, edits: [...candidate.edits], findings: [finding] });
  }
  regions.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Region[] = [];
  for (const r of regions) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      last.edits.push(...r.edits);
      last.findings.push(...r.findings);
    } else merged.push({ ...r, edits: [...r.edits], findings: [...r.findings] });
  }

  return merged.map((r) => {
    const from = starts[r.start - 1]!;
    const lastEnd = r.end < starts.length ? starts[r.end]! : text.length;
    const to = Math.max(lastEnd, ...r.edits.map((e) => e.end));
    const shifted = r.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
    const after = applyEdits(text.slice(from, to), shifted).replace(/\r?\n$/, '');
    const before = text.slice(from, lastEnd).replace(/\r?\n$/, '');
    const rules = [...new Set(r.findings.map((f) => f.rule))].sort();
    return {
      id: `${rules.join('+')}@${r.start}-${r.end}`,
      startLine: r.start,
      line: r.end,
      original: splitLines(before.replace(/^\ufeff/, '')),
      replacement: splitLines(after.replace(/^\ufeff/, '')),
      findings: r.findings,
    };
  });
}

export interface DockerfileSuggestionsRequest {
  dockerfile: string;
  context: string;
  target: string | null;
  platform: string | null;
  buildContexts: readonly string[];
  config: ImageGuardConfig;
  /**
   * The Dockerfile's findings when the caller has linted it already (the comparison, `lint`), as that lint gave
   * them; otherwise it is linted here, with the same context, target, platform and config.
   */
  findings?: readonly Finding[];
  /**
   * The build context as that lint read it (lintDockerfileResult's `context`), so it is not read again; absent or
   * null: read here.
   */
  contextScan?: ContextScan | null;
  /**
   * The Dockerfile's text to plan on instead of the file on disk: on a `pull_request`, the PR head's, read from
   * git, whose lines the review's comments are on (the checkout is GitHub's merge commit, whose lines the base
   * branch's own changes may have shifted). Linted here, with the same context and config: `findings`, which
   * are the checkout's, are not used.
   */
  text?: string;
}

export interface DockerfileSuggestions {
  suggestions: Suggestion[];
  /** The file's line ending (`\r\n` when any line has one), for callers that write the lines back. */
  eol: '\n' | '\r\n';
}

/**
 * The suggestions for a Dockerfile on disk, from its findings (linted here unless given), the build context read
 * for the fixes that need it (once: the lint's reading when there is one). None for a file that cannot be fixed.
 * The file is read once.
 */
export async function dockerfileSuggestions(
  req: DockerfileSuggestionsRequest,
): Promise<DockerfileSuggestions> {
  let text = req.text;
  if (text === undefined) {
    const read = await readDockerfile(req.dockerfile);
    if (read.tooLarge || read.problems.length > 0)
      return { suggestions: [], eol: /\r\n/.test(read.text) ? '\r\n' : '\n' };
    text = (read.bom ? '\ufeff' : '') + read.text;
  }
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const options = {
    file: req.dockerfile,
    dockerfileName: basename(req.dockerfile),
    target: req.target ?? undefined,
    platform: req.platform ?? undefined,
    buildContexts: req.buildContexts,
    config: req.config,
  };
  let findings = req.text === undefined ? req.findings : undefined;
  let scan = req.contextScan;
  let context: FixContext | null;
  if (req.text !== undefined) {
    // the given text against the context on disk, as the fixer sees it
    context = await fixContext(req.context, req.dockerfile, scan);
    findings = lint(text.replace(/^\ufeff/, ''), context?.info ?? null, options);
  } else {
    if (!findings) {
      const linted = await lintDockerfileResult(req.dockerfile, { ...options, context: req.context });
      findings = linted.findings;
      scan ??= linted.context;
    }
    context = await fixContext(req.context, req.dockerfile, scan);
  }
  return { suggestions: planSuggestions({ text, findings, context, options }), eol };
}
