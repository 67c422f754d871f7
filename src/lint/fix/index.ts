// `lint --fix`, the pure part: Dockerfile text (and what is known of the build context) plus the findings lint
// produced → the fixed text, the ignore file's new text, the findings fixed and those left for a person.
//
// Every fix is a set of edits located in the original text. A fix is kept only when the text with it (and the
// fixes kept before it) lints without the finding it fixes and without any finding that was not there
// before; otherwise it is left, with why. Fixes that could not be checked this way are never made.
import { messageOf } from '../../core/errors.js';
import type { Finding } from '../../core/report.js';
import type { ContextInfo } from '../context.js';
import { type LintOptions, lint } from '../engine.js';
import { parseDockerfile } from '../parse.js';
import { buildStageGraph, DEFAULT_PLATFORM, type StageGraph } from '../stages.js';
import { fixDockerignore } from './dockerignore-fix.js';
import { applyEdits, lineMapper, overlaps, type TextEdit } from './edits.js';
import { fixAddToCopy, fixPythonEnv, fixUser } from './instruction-fixes.js';
import {
  type Candidate,
  type FixContext,
  type FixEnv,
  type Fixer,
  isLeft,
  type Left,
  type Located,
} from './model.js';
import { fixNpmCi, fixOsPackageCache, fixPipCache } from './run-fixes.js';
import { readSource } from './source.js';

export type { FixContext, Left } from './model.js';

/** The rules with a mechanical fix, and what it does (docs/rules.md lists them). */
export const FIXES: Readonly<Record<string, { fixer: Fixer; does: string }>> = {
  IG004: {
    fixer: fixPipCache,
    does: 'adds `--no-cache-dir` to `pip install` and `--no-cache` to `uv sync` / `uv pip install`',
  },
  IG005: {
    fixer: fixOsPackageCache,
    does: 'ends an apt RUN with `&& rm -rf /var/lib/apt/lists/*`, adds `--no-cache` to `apk add`, ends a dnf/yum RUN with `&& dnf clean all` (`yum clean all`)',
  },
  IG008: {
    fixer: fixDockerignore,
    does: 'adds the missing entries to the ignore file, and creates `.dockerignore` when there is none',
  },
  IG010: {
    fixer: fixUser,
    does: 'adds `USER <name>` before CMD/ENTRYPOINT when the image creates exactly one user',
  },
  IG015: {
    fixer: fixNpmCi,
    does: 'turns `npm install` into `npm ci` when the lockfile is copied in before it',
  },
  IG016: {
    fixer: fixPythonEnv,
    does: 'adds `ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1` after the final FROM',
  },
  IG017: { fixer: fixAddToCopy, does: 'turns ADD into COPY for local paths that are not archives' },
};

export interface FixInput {
  text: string;
  /** What lint reported for `text` (with the same options). */
  findings: readonly Finding[];
  context: FixContext | null;
  /** The lint options the findings came from (target, platform, config …). */
  options: LintOptions;
}

export interface Fixed {
  finding: Finding;
  summary: string;
  /** Its line in the fixed text. */
  line: number | null;
}

export interface FixResult {
  /** The fixed Dockerfile text (=== input text when nothing was fixed). */
  text: string;
  /** The ignore file's new text, or null when it is not changed. */
  ignoreText: string | null;
  fixed: Fixed[];
  left: Left[];
  /** What lint reports for the fixed text. */
  findings: Finding[];
}

const key = (f: Finding, line = f.line ?? 0) => `${f.rule}@${line}`;

/** Computes the fixes for a Dockerfile's findings and keeps those that check out. Pure: no I/O. */
export function fixDockerfile(input: FixInput): FixResult {
  const { text, findings, context, options } = input;
  const parsed = parseDockerfile(text);
  let graph: StageGraph | null = null;
  try {
    graph = buildStageGraph(parsed, options.target, options.platform ?? DEFAULT_PLATFORM).graph;
  } catch {
    graph = null; // a --target that names no stage: lint reported it already
  }
  const leftOnes: Left[] = [];
  if (!graph) {
    return {
      text,
      ignoreText: null,
      fixed: [],
      left: findings.map((f) => ({ finding: f, reason: 'not mechanical', line: f.line })),
      findings: [...findings],
    };
  }
  const file = readSource(text);
  const byLine = new Map<number, Located>();
  for (const [k, instr] of parsed.instructions.entries())
    byLine.set(instr.line, { instr, seg: file.segments[k]! });
  const env: FixEnv = { file, parsed, graph, at: (line) => byLine.get(line) ?? null, context };

  const candidates: Candidate[] = [];
  for (const f of findings) {
    const fix = FIXES[f.rule];
    if (!fix) {
      leftOnes.push({ finding: f, reason: 'not mechanical' });
      continue;
    }
    let answer: Candidate | Left;
    try {
      answer = fix.fixer(f, env);
    } catch (error) {
      answer = { finding: f, reason: `unsafe here: ${messageOf(error)}` };
    }
    if (isLeft(answer)) leftOnes.push(answer);
    else candidates.push(answer);
  }

  // the context walked again for a new ignore text once, not for every fix checked after it
  const walked = new Map<string, ContextInfo>();
  const contextWith = (ignoreText: string | null): ContextInfo | null => {
    if (!context || ignoreText === null) return context?.info ?? null;
    let info = walked.get(ignoreText);
    if (!info) {
      info = context.withIgnore(ignoreText);
      walked.set(ignoreText, info);
    }
    return info;
  };
  const lintWith = (edits: TextEdit[], ignoreText: string | null) => {
    const ctx = contextWith(ignoreText);
    return lint(applyEdits(text, edits), ctx, options);
  };
  const kept: Candidate[] = [];
  let edits: TextEdit[] = [];
  let ignoreText: string | null = null;
  let after: Finding[] = [...findings];
  for (const c of candidates) {
    if (overlaps(edits, c.edits) || (c.ignoreText !== undefined && ignoreText !== null)) {
      leftOnes.push({ finding: c.finding, reason: 'unsafe here: another fix changes the same text' });
      continue;
    }
    const trialEdits = [...edits, ...c.edits];
    const trialIgnore: string | null = c.ignoreText ?? ignoreText;
    let trial: Finding[];
    try {
      trial = lintWith(trialEdits, trialIgnore);
    } catch {
      leftOnes.push({ finding: c.finding, reason: 'unsafe here: the fixed Dockerfile could not be linted' });
      continue;
    }
    const map = lineMapper(text, trialEdits);
    const mappedBefore = new Set(findings.map((f) => key(f, map(f.line ?? 0))));
    const still = trial.some((t) =>
      [c, ...kept].some((k) => key(t) === key(k.finding, map(k.finding.line ?? 0))),
    );
    const fresh = trial.find((t) => !mappedBefore.has(key(t)));
    if (still || fresh) {
      leftOnes.push({
        finding: c.finding,
        reason: still
          ? 'unsafe here: the finding stays after the fix'
          : `unsafe here: the fix would bring ${fresh!.rule} at line ${fresh!.line}`,
      });
      continue;
    }
    kept.push(c);
    edits = trialEdits;
    ignoreText = trialIgnore;
    after = trial;
  }
  const map = lineMapper(text, edits);
  for (const l of leftOnes) l.line = l.finding.line === null ? null : map(l.finding.line);
  leftOnes.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    text: edits.length > 0 ? applyEdits(text, edits) : text,
    ignoreText,
    fixed: kept
      .map((c) => ({
        finding: c.finding,
        summary: c.summary,
        line: c.finding.line === null ? null : map(c.finding.line),
      }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    left: leftOnes,
    findings: after,
  };
}
