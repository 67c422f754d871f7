// The pure core: Dockerfile text + what is known of the context → findings. Inline ignores, the config's
// `ignore` list and severity overrides are applied here, never in a rule.
import { UserError } from '../core/errors.js';
import type { JudgedImage } from '../core/judged.js';
import type { Finding, Severity } from '../core/report.js';
import type { ContextInfo } from './context.js';
import { type FinalSteps, finalSteps } from './final-steps.js';
import { type ParsedDockerfile, type Problem, parseDockerfile } from './parse.js';
import { createContext, type Rule, type RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import { buildStageGraph, DEFAULT_PLATFORM, GraphError, isPlatform } from './stages.js';

/**
 * What the user's config says about rules: ids to skip and per-rule severities (`off` drops the rule). The
 * config file's loaded form (src/config) fits it as it is.
 */
export interface LintPolicy {
  ignore: readonly string[];
  severity: Readonly<Record<string, Severity | 'off'>>;
}

export interface LintOptions {
  /** The Dockerfile path as shown in findings (Finding.file); null for text without a file. */
  file?: string | null;
  /** Its base name, for `<name>.dockerignore` in messages (default `Dockerfile`). */
  dockerfileName?: string;
  target?: string;
  /** The platform whose values the automatic platform ARGs (TARGETARCH …) take: `os/arch[/variant]`. */
  platform?: string;
  /** Names of extra build contexts (`--build-context NAME=…`, the Action's build-contexts). */
  buildContexts?: readonly string[];
  config?: LintPolicy;
  /** Problems found while reading the file (bytes that are not UTF-8), reported as IG000. */
  readProblems?: Problem[];
  /** The rules to run (default: the registry). */
  rules?: readonly Rule[];
}

const IGNORE = /^image-guard\s+ignore=([A-Za-z0-9_,\s]+)$/i;
const IGNORE_FILE = /^image-guard\s+ignore-file=([A-Za-z0-9_,\s]+)$/i;

function ids(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/** Rule ids silenced per instruction line, and for the whole file. */
function inlineIgnores(parsed: ParsedDockerfile): {
  byLine: Map<number, Set<string>>;
  file: Set<string>;
} {
  const file = new Set<string>();
  const commentAt = new Map<number, string>();
  for (const c of parsed.comments) {
    commentAt.set(c.line, c.text);
    const m = IGNORE_FILE.exec(c.text.trim());
    if (m) for (const id of ids(m[1]!)) file.add(id);
  }
  const byLine = new Map<number, Set<string>>();
  for (const instr of parsed.instructions) {
    // the comment line right above (and the comment lines stacked directly on it)
    for (let l = instr.line - 1; commentAt.has(l); l--) {
      const m = IGNORE.exec(commentAt.get(l)!.trim());
      if (!m) continue;
      const set = byLine.get(instr.line) ?? new Set<string>();
      for (const id of ids(m[1]!)) set.add(id);
      byLine.set(instr.line, set);
    }
  }
  return { byLine, file };
}

/** One inline ignore of a Dockerfile: a rule silenced above one instruction, or in the whole file. */
export interface InlineIgnore {
  rule: string;
  scope: 'instruction' | 'file';
  /** The comment's line. */
  line: number;
  /** The instruction it silences (its text), or '' for the whole file. */
  instruction: string;
}

/** Every inline ignore of a Dockerfile's text, in line order: what a change to the Dockerfile adds of them. */
export function inlineIgnoreList(text: string): InlineIgnore[] {
  const parsed = parseDockerfile(text);
  const out: InlineIgnore[] = [];
  const commentAt = new Map<number, string>();
  for (const c of parsed.comments) {
    commentAt.set(c.line, c.text);
    const m = IGNORE_FILE.exec(c.text.trim());
    if (m) for (const rule of ids(m[1]!)) out.push({ rule, scope: 'file', line: c.line, instruction: '' });
  }
  for (const instr of parsed.instructions) {
    for (let l = instr.line - 1; commentAt.has(l); l--) {
      const m = IGNORE.exec(commentAt.get(l)!.trim());
      if (!m) continue;
      for (const rule of ids(m[1]!))
        out.push({ rule, scope: 'instruction', line: l, instruction: instr.text });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

export interface LintResult {
  findings: Finding[];
  /** Null when the Dockerfile has no stage to judge (no FROM). */
  judged: JudgedImage | null;
  /** The final image's RUN/COPY/ADD steps, for measuring what findings cost in the built image. */
  final?: FinalSteps | null;
}

/** Lints Dockerfile text. Throws UserError only for a --target that names no stage. */
export function lint(text: string, context: ContextInfo | null, options: LintOptions = {}): Finding[] {
  return lintResult(text, context, options).findings;
}

/** `lint`, with the stage judged as the final image. */
export function lintResult(text: string, context: ContextInfo | null, options: LintOptions = {}): LintResult {
  const parsed = parseDockerfile(text);
  const problems: Problem[] = [...(options.readProblems ?? []), ...parsed.problems];
  let graph = null;
  try {
    if (options.platform !== undefined && !isPlatform(options.platform)) {
      throw new UserError(
        `--platform: write os/arch[/variant], e.g. linux/arm64 (got "${options.platform}")`,
      );
    }
    const built = buildStageGraph(parsed, options.target, options.platform ?? DEFAULT_PLATFORM);
    graph = built.graph;
    problems.push(...built.problems);
  } catch (error) {
    if (error instanceof GraphError) throw new UserError(error.message);
    throw error;
  }
  if (options.target !== undefined && graph === null) {
    throw new UserError(`no stage named "${options.target}": the Dockerfile has no FROM`);
  }
  const ctx: RuleContext = {
    ...createContext(parsed, graph, problems, context, options.dockerfileName ?? 'Dockerfile'),
    buildContexts: new Set((options.buildContexts ?? []).map((n) => n.toLowerCase())),
  };
  // ENV and ARG values are expanded before the rules run, so a value cut at its length limit is reported
  // (IG000) whichever rule would have read it first
  for (const stage of graph?.stages ?? []) {
    const last = stage.body[stage.body.length - 1];
    if (last && graph!.built.has(stage)) ctx.vars(stage, last);
  }
  const rules = options.rules ?? RULES;
  const config = options.config;
  const { byLine, file: fileIgnores } = inlineIgnores(parsed);
  const configIgnores = new Set(config?.ignore ?? []);
  const findings: Finding[] = [];
  const seen = new Set<string>();

  for (const rule of rules) {
    if (graph === null && rule.id !== 'IG000') continue;
    if (configIgnores.has(rule.id) || fileIgnores.has(rule.id)) continue;
    const override = config?.severity[rule.id];
    if (override === 'off') continue;
    const severity: Severity = override ?? rule.severity;
    for (const r of rule.check(ctx)) {
      if (byLine.get(r.line)?.has(rule.id)) continue;
      const key = `${rule.id}\u0000${r.line}\u0000${r.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        rule: rule.id,
        name: rule.name,
        severity,
        message: r.message,
        file: options.file ?? null,
        line: r.line,
        fix: r.fix ?? rule.fix,
        bytes: r.bytes ?? null,
      });
    }
  }
  findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const judged: JudgedImage | null = graph
    ? {
        stage: graph.final.name,
        index: graph.final.index,
        line: graph.final.from.line,
        reason: graph.finalReason,
      }
    : null;
  return { findings, judged, final: finalSteps(ctx) };
}

/** True when the text has at least one Dockerfile instruction line (used to tell a Dockerfile from junk). */
export function looksLikeDockerfile(text: string): boolean {
  return /^[ \t]*(from|run|copy|add|arg|env|cmd|entrypoint|workdir|user|label|expose|volume|shell|healthcheck|onbuild|stopsignal|maintainer)[ \t]/im.test(
    text,
  );
}
