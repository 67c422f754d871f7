// The shape of a rule and what a rule's check can read. Suppression and severity overrides live in the
// engine, never in a rule.
import type { Severity } from '../core/report.js';
import { analyzeRun, type RunInfo } from './commands.js';
import type { ContextInfo } from './context.js';
import {
  type Instruction,
  type ParsedDockerfile,
  type Problem,
  parseKeyValues,
  splitWords,
} from './parse.js';
import { lineageOf, type Stage, type StageGraph, substitute } from './stages.js';

export interface RuleReport {
  line: number;
  message: string;
  /** What to write instead, when it differs from the rule's general fix. */
  fix?: string;
  bytes?: number | null;
}

export interface Rule {
  id: string;
  name: string;
  severity: Severity;
  /** One line: when the rule fires (docs table, SARIF shortDescription). */
  summary: string;
  /** Why it matters (SARIF fullDescription and help). */
  rationale: string;
  /** The general fix, printed under each finding unless the finding brings its own. */
  fix: string;
  check(ctx: RuleContext): RuleReport[];
}

export interface RuleContext {
  parsed: ParsedDockerfile;
  /** Null only when the Dockerfile has no FROM: then only IG000 runs. */
  graph: StageGraph | null;
  /** Problems found while reading the file and building the stage graph (IG000). */
  problems: Problem[];
  context: ContextInfo | null;
  /** The Dockerfile's base name, for messages about `<name>.dockerignore`. */
  dockerfileName: string;
  run(instr: Instruction): RunInfo;
  /** ENV and ARG values an instruction of `stage` sees (set earlier in the stage's lineage). */
  vars(stage: Stage, instr: Instruction): VarLookup;
}

export interface VarLookup {
  get(key: string): string | undefined;
}

/** Each variable's values in a lineage, with the position of the first instruction that sees each one. */
interface VarTable {
  position: Map<Instruction, number>;
  versions: Map<string, { from: number[]; values: string[] }>;
}

const NO_VARS: VarLookup = { get: () => undefined };

export function createContext(
  parsed: ParsedDockerfile,
  graph: StageGraph | null,
  problems: Problem[],
  context: ContextInfo | null,
  dockerfileName: string,
): RuleContext {
  const runs = new Map<Instruction, RunInfo>();
  const varsByStage = new Map<Stage, VarTable>();
  const ctxEscape = parsed.escape;
  return {
    parsed,
    graph,
    problems,
    context,
    dockerfileName,
    run(instr) {
      let info = runs.get(instr);
      if (!info) {
        info = analyzeRun(instr);
        runs.set(instr, info);
      }
      return info;
    },
    vars(stage, instr) {
      let table = varsByStage.get(stage);
      if (!table) {
        // One pass over the lineage, keeping each value with where it starts to apply: a copy of all values at
        // every ENV would be quadratic in a long Dockerfile.
        table = { position: new Map(), versions: new Map() };
        const current = new Map<string, string>();
        let at = 0;
        for (const s of lineageOf(stage)) {
          for (const i of s.body) {
            table.position.set(i, at++);
            if (i.keyword !== 'ENV' && i.keyword !== 'ARG') continue;
            for (const { key, value } of parseKeyValues(i.args, i.keyword === 'ENV')) {
              const v = value ?? (i.keyword === 'ARG' ? (graph?.globalArgs.get(key) ?? null) : null);
              if (v === null) continue;
              // `ENV NODE_ENV=$NODE_ENV` takes the value of the ARG before it
              const resolved = substitute(v, current, ctxEscape) ?? v;
              current.set(key, resolved);
              let version = table.versions.get(key);
              if (!version) {
                version = { from: [], values: [] };
                table.versions.set(key, version);
              }
              version.from.push(at);
              version.values.push(resolved);
            }
          }
        }
        varsByStage.set(stage, table);
      }
      const p = table.position.get(instr);
      if (p === undefined) return NO_VARS;
      const { versions } = table;
      return {
        get(key) {
          const version = versions.get(key);
          if (!version) return undefined;
          // the last value that applies from p or before
          let lo = 0;
          let hi = version.from.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (version.from[mid]! <= p) lo = mid + 1;
            else hi = mid;
          }
          return lo === 0 ? undefined : version.values[lo - 1];
        },
      };
    },
  };
}

export function graphOf(ctx: RuleContext): StageGraph {
  if (!ctx.graph) throw new Error('rule needs the stage graph');
  return ctx.graph;
}

/** Built stages in file order. */
export function builtStages(ctx: RuleContext): Stage[] {
  const g = graphOf(ctx);
  return g.stages.filter((s) => g.built.has(s));
}

/** `` `RUN pip install x` (line 7) `` */
export function quote(instr: Instruction): string {
  return `\`${instr.text}\` (line ${instr.line})`;
}

/** COPY/ADD sources (the last word is the destination). */
export function copySources(instr: Instruction): string[] {
  if (instr.heredocs.length > 0) return [];
  const words = instr.json ?? splitWords(instr.args);
  return words.length >= 2 ? words.slice(0, -1) : [];
}

export function hasFromFlag(instr: Instruction): boolean {
  return instr.flags.some((f) => f.name === 'from');
}

const WHOLE = new Set(['.', './', '*', './*']);

/** COPY or ADD (without --from) of `.`, `./`, `*` or `./*`. */
export function isWholeContextCopy(instr: Instruction): boolean {
  if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') return false;
  if (hasFromFlag(instr)) return false;
  return copySources(instr).some((s) => WHOLE.has(s));
}

export function isUrl(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || /^git@/.test(src);
}
