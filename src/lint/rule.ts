// The shape of a rule and what a rule's check can read. Suppression and severity overrides live in the
// engine, never in a rule.
import type { Severity } from '../core/report.js';
import { analyzeRun, type RunInfo } from './commands/run.js';
import type { ContextInfo } from './context.js';
import { expandText, UNKNOWN } from './expand.js';
import {
  type Instruction,
  type ParsedDockerfile,
  type Problem,
  parseKeyValues,
  splitWords,
} from './parse.js';
import { expansionLimitMessage, type Stage, type StageGraph, substitute } from './stages.js';

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
  /** Names the build is given as extra contexts (`--build-context NAME=…`), lower-cased: `COPY --from=NAME` uses them. */
  buildContexts?: ReadonlySet<string>;
  run(instr: Instruction): RunInfo;
  /** ENV and ARG values an instruction of `stage` sees (set earlier in the stage's lineage). */
  vars(stage: Stage, instr: Instruction): VarLookup;
  /**
   * A COPY/ADD's sources with the ARG and ENV values it sees expanded as BuildKit expands them, word by word;
   * a word whose value cannot be known is kept as written.
   */
  sources(instr: Instruction): string[];
}

export interface VarLookup {
  get(key: string): string | undefined;
  /**
   * The value for expansion: undefined for an ARG declared without default (not set in a plain build, so
   * `${NAME:-default}` takes the default), UNKNOWN for a name the Dockerfile never sets (the base image's
   * environment may).
   */
  lookup(key: string): string | undefined | typeof UNKNOWN;
}

/**
 * The ENV and ARG values of one stage: those its FROM inherits (from the parent stage, looked up on demand
 * and remembered) and each one set in its body with the position from which it applies. Scopes chain
 * through parents instead of copying every value at every stage, so a chain of thousands of stages stays
 * linear.
 */
interface StageScope {
  position: Map<Instruction, number>;
  /** NOT_SET: an ARG declared without default from that position. */
  versions: Map<string, { from: number[]; values: Value[] }>;
  /** The value at the end of the stage (what a child stage inherits); computed on demand. */
  exit: Map<string, Value | undefined>;
  parent: StageScope | null;
}

const NOT_SET = Symbol('not set');
type Value = string | typeof NOT_SET;

function lastValue(scope: StageScope, key: string): Value | undefined {
  // walk up without recursion; remember the answer on every scope passed
  const passed: StageScope[] = [];
  let value: Value | undefined;
  for (let s: StageScope | null = scope; s; s = s.parent) {
    if (s.exit.has(key)) {
      value = s.exit.get(key);
      break;
    }
    passed.push(s);
    const version = s.versions.get(key);
    if (version) {
      value = version.values[version.values.length - 1];
      break;
    }
  }
  for (const s of passed) s.exit.set(key, value);
  return value;
}

function valueAt(scope: StageScope, key: string, p: number): Value | undefined {
  const version = scope.versions.get(key);
  if (version && version.from[0]! <= p) {
    // the last value that applies from p or before
    let lo = 0;
    let hi = version.from.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (version.from[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    return version.values[lo - 1];
  }
  return scope.parent ? lastValue(scope.parent, key) : undefined;
}

const NO_VARS: VarLookup = { get: () => undefined, lookup: () => UNKNOWN };

const knownValue = (v: Value | undefined): string | undefined => (v === NOT_SET ? undefined : v);

export function createContext(
  parsed: ParsedDockerfile,
  graph: StageGraph | null,
  problems: Problem[],
  context: ContextInfo | null,
  dockerfileName: string,
): RuleContext {
  const runs = new Map<Instruction, RunInfo>();
  const scopes = new Map<Stage, StageScope>();
  const stageOf = new Map<Instruction, Stage>();
  for (const stage of graph?.stages ?? []) for (const i of stage.body) stageOf.set(i, stage);
  // the SHELL in force at each RUN: set in its stage or in a stage it is built FROM (file order has parents first)
  let shellAt: Map<Instruction, readonly string[]> | null = null;
  const shellOf = (instr: Instruction): readonly string[] | null => {
    if (!shellAt) {
      const at = new Map<Instruction, readonly string[]>();
      const atEnd = new Map<Stage, readonly string[] | null>();
      for (const stage of graph?.stages ?? []) {
        let shell = stage.parent ? (atEnd.get(stage.parent) ?? null) : null;
        for (const i of stage.body) {
          if (i.keyword === 'SHELL' && i.json && i.json.length > 0) shell = i.json;
          else if (i.keyword === 'RUN' && shell) at.set(i, shell);
        }
        atEnd.set(stage, shell);
      }
      shellAt = at;
    }
    return shellAt.get(instr) ?? null;
  };
  const escapeChar = parsed.escape;
  const limitAt = (line: number) => () => {
    // once per file: every later use of a doubling value would say it again
    if (problems.some((p) => p.message === expansionLimitMessage())) return;
    problems.push({ line, message: expansionLimitMessage() });
  };

  const scopeOf = (stage: Stage): StageScope => {
    const known = scopes.get(stage);
    if (known) return known;
    // parents first, from the root down, without recursion
    const chain: Stage[] = [];
    for (let s: Stage | null = stage; s && !scopes.has(s); s = s.parent) chain.push(s);
    for (let k = chain.length - 1; k >= 0; k--) {
      const s = chain[k]!;
      const scope: StageScope = {
        position: new Map(),
        versions: new Map(),
        exit: new Map(),
        parent: s.parent ? scopes.get(s.parent)! : null,
      };
      const lookup = (p: number) => ({
        has: (key: string) => knownValue(valueAt(scope, key, p)) !== undefined,
        get: (key: string) => knownValue(valueAt(scope, key, p)),
      });
      let at = 0;
      for (const i of s.body) {
        scope.position.set(i, at++);
        if (i.keyword !== 'ENV' && i.keyword !== 'ARG') continue;
        for (const { key, value } of parseKeyValues(i.args, i.keyword === 'ENV')) {
          const v = value ?? (i.keyword === 'ARG' ? (graph?.globalArgs.get(key) ?? null) : null);
          // `ARG NAME` without default: not set in a plain build (unless the stage already had a value)
          const resolved: Value | null =
            v === null
              ? i.keyword === 'ARG' && valueAt(scope, key, at) === undefined
                ? NOT_SET
                : null
              : // `ENV NODE_ENV=$NODE_ENV` takes the value of the ARG before it
                (substitute(v, lookup(at), escapeChar, limitAt(i.line)) ?? v);
          if (resolved === null) continue;
          let version = scope.versions.get(key);
          if (!version) {
            version = { from: [], values: [] };
            scope.versions.set(key, version);
          }
          version.from.push(at);
          version.values.push(resolved);
        }
      }
      scopes.set(s, scope);
    }
    return scopes.get(stage)!;
  };

  const vars = (stage: Stage, instr: Instruction): VarLookup => {
    const scope = scopeOf(stageOf.get(instr) ?? stage);
    const p = scope.position.get(instr);
    if (p === undefined) return NO_VARS;
    return {
      get: (key) => knownValue(valueAt(scope, key, p)),
      lookup: (key) => {
        const v = valueAt(scope, key, p);
        return v === NOT_SET ? undefined : v === undefined ? UNKNOWN : v;
      },
    };
  };
  const sources = new Map<Instruction, string[]>();

  return {
    parsed,
    graph,
    problems,
    context,
    dockerfileName,
    run(instr) {
      let info = runs.get(instr);
      if (!info) {
        const stage = stageOf.get(instr);
        const lookup = stage ? vars(stage, instr) : NO_VARS;
        info = analyzeRun(instr, (key) => lookup.lookup(key), shellOf(instr));
        runs.set(instr, info);
      }
      return info;
    },
    vars,
    sources(instr) {
      let words = sources.get(instr);
      if (!words) {
        const stage = stageOf.get(instr);
        const raw = copySources(instr);
        if (!stage || !raw.some((w) => w.includes('$'))) words = raw;
        else {
          const { lookup } = vars(stage, instr);
          words = raw.map((w) => expandText(w, lookup, escapeChar, limitAt(instr.line)) ?? w);
        }
        sources.set(instr, words);
      }
      return words;
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

/** COPY or ADD (without --from) of `.`, `./`, `*` or `./*`, after ARG and ENV values are expanded. */
export function isWholeContextCopy(ctx: RuleContext, instr: Instruction): boolean {
  if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') return false;
  if (hasFromFlag(instr)) return false;
  return ctx.sources(instr).some((s) => WHOLE.has(s));
}

export function isUrl(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || /^git@/.test(src);
}
