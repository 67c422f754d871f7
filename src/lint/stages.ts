// The stage graph: which FROM blocks exist, which one is final (last, or --target), which stages it is built
// FROM (its lineage: their filesystems are the image) and which ones are built at all (lineage plus every
// stage reached through COPY --from / RUN --mount=from, transitively).

import { type ImageRef, parseImageRef } from '../core/image-ref.js';
import { expandText, MAX_EXPANDED_LENGTH } from './expand.js';
import { type Instruction, type ParsedDockerfile, parseKeyValues, splitWords } from './parse.js';

export interface Stage {
  index: number;
  /** As written after AS, or null. */
  name: string | null;
  from: Instruction;
  /** The FROM image text with ARG defaults substituted; null when a variable has no value. */
  image: string | null;
  /** The stage this one is built FROM, when FROM names an earlier stage. */
  parent: Stage | null;
  /** The image reference when FROM names an image (not a stage, not scratch) and it resolved. */
  ref: ImageRef | null;
  scratch: boolean;
  /** Instructions after FROM, up to the next FROM. */
  body: Instruction[];
  /** Stages this one reads from (COPY --from, RUN --mount=from). */
  uses: Stage[];
}

export interface StageGraph {
  stages: Stage[];
  /**
   * ARGs declared before the first FROM, with their defaults (null: no default), and the automatic platform
   * ARGs (TARGETARCH …) with the linted platform's values.
   */
  globalArgs: Map<string, string | null>;
  final: Stage;
  /** Why `final` is the final stage: it is the last one, or the target asked for. */
  finalReason: 'last stage' | 'target';
  /** Root first, final last. */
  lineage: Stage[];
  built: Set<Stage>;
  /** ARG instructions before the first FROM and other instructions there. */
  preamble: Instruction[];
}

/** What `substitute` reads: a Map, or a lookup that follows stage scopes. */
export interface VarSource {
  has(name: string): boolean;
  get(name: string): string | null | undefined;
}

export { MAX_EXPANDED_LENGTH };

/**
 * Substitutes $VAR, ${VAR} and the ${VAR<op>word} forms of BuildKit's lexer (src/lint/expand.ts). Returns null
 * when a variable is used that has no value (the result would depend on --build-arg). A result longer than
 * MAX_EXPANDED_LENGTH is cut to that length and `onLimit` is called.
 */
export function substitute(
  text: string,
  vars: VarSource,
  escapeChar = '\\',
  onLimit?: () => void,
): string | null {
  if (!text.includes('$')) return text;
  // an ARG without default (null) is not set, as in a build without --build-arg
  return expandText(text, (name) => vars.get(name) ?? undefined, escapeChar, onLimit);
}

/** The platform linted when none is given, as BuildKit would build on an amd64 Linux machine. */
export const DEFAULT_PLATFORM = 'linux/amd64';

/**
 * BuildKit's automatic platform ARGs for `os/arch[/variant]`. The build platform is taken to be the target
 * platform: a linter has no builder machine to ask.
 */
function platformArgs(platform: string = DEFAULT_PLATFORM): Map<string, string> {
  const [os = 'linux', arch = 'amd64', variant = ''] = platform.toLowerCase().split('/');
  const full = variant ? `${os}/${arch}/${variant}` : `${os}/${arch}`;
  return new Map([
    ['TARGETPLATFORM', full],
    ['TARGETOS', os],
    ['TARGETARCH', arch],
    ['TARGETVARIANT', variant],
    ['BUILDPLATFORM', full],
    ['BUILDOS', os],
    ['BUILDARCH', arch],
    ['BUILDVARIANT', variant],
  ]);
}

/** `os/arch[/variant]` with letters, digits, `_` and `-` only. */
export function isPlatform(text: string): boolean {
  return /^[a-z0-9_-]+\/[a-z0-9_-]+(\/[a-z0-9_-]+)?$/i.test(text);
}

export class GraphError extends Error {}

export function expansionLimitMessage(): string {
  return `a variable here expands to more than ${MAX_EXPANDED_LENGTH / 1024} KiB (a value that keeps doubling itself?): image-guard judges it cut to that length`;
}

export interface FromProblem {
  line: number;
  message: string;
}

function parseFrom(from: Instruction): { image: string | null; name: string | null; problem: string | null } {
  const words = splitWords(from.args);
  if (words.length === 0)
    return { image: null, name: null, problem: '`FROM` needs an image: write `FROM image:tag`' };
  if (words.length === 1) return { image: words[0]!, name: null, problem: null };
  if (words.length === 3 && words[1]!.toLowerCase() === 'as')
    return { image: words[0]!, name: words[2]!, problem: null };
  return {
    image: words[0]!,
    name: null,
    problem: `\`${from.text}\` is not \`FROM image [AS name]\``,
  };
}

export interface BuiltGraph {
  graph: StageGraph | null;
  problems: FromProblem[];
}

/**
 * Builds the stage graph; `target` selects the final stage (case-insensitive), `platform` gives the automatic
 * platform ARGs their values.
 */
export function buildStageGraph(
  parsed: ParsedDockerfile,
  target?: string,
  platform: string = DEFAULT_PLATFORM,
): BuiltGraph {
  const problems: FromProblem[] = [];
  let limited = false;
  const limitAt = (line: number) => () => {
    if (limited) return; // once: every later use of a doubling value would say it again
    limited = true;
    problems.push({ line, message: expansionLimitMessage() });
  };
  const automatic = platformArgs(platform);
  const globalArgs = new Map<string, string | null>(automatic);
  const stages: Stage[] = [];
  /** The last stage of each name so far (lower-cased): `FROM name` means the latest one. */
  const byName = new Map<string, Stage>();
  const preamble: Instruction[] = [];
  let current: Stage | null = null;

  for (const instr of parsed.instructions) {
    if (instr.keyword === 'FROM') {
      const { image: rawImage, name, problem } = parseFrom(instr);
      if (problem) problems.push({ line: instr.line, message: problem });
      const image =
        rawImage === null ? null : substitute(rawImage, globalArgs, parsed.escape, limitAt(instr.line));
      const key = image?.toLowerCase() ?? null;
      const parent = key === null ? null : (byName.get(key) ?? null);
      const scratch = key === 'scratch';
      const ref = image !== null && !parent && !scratch && image !== '' ? parseImageRef(image) : null;
      if (name && byName.has(name.toLowerCase())) {
        problems.push({
          line: instr.line,
          message: `the stage name \`${name}\` is used twice: give each stage its own name`,
        });
      }
      current = { index: stages.length, name, from: instr, image, parent, ref, scratch, body: [], uses: [] };
      stages.push(current);
      if (name) byName.set(name.toLowerCase(), current);
      continue;
    }
    if (current === null) {
      preamble.push(instr);
      if (instr.keyword === 'ARG') {
        for (const { key, value } of parseKeyValues(instr.args, false)) {
          // the builder sets the platform ARGs as build args: a default written here does not apply
          if (automatic.has(key)) continue;
          globalArgs.set(
            key,
            value === null ? null : substitute(value, globalArgs, parsed.escape, limitAt(instr.line)),
          );
        }
      }
      continue;
    }
    current.body.push(instr);
  }

  if (stages.length === 0) return { graph: null, problems };

  // stage references: COPY --from and RUN --mount=from=
  for (const stage of stages) {
    for (const instr of stage.body) {
      for (const ref of stageReferences(instr)) {
        const found = resolveStageRef(ref, stages, stage.index, globalArgs, parsed.escape);
        if (found && !stage.uses.includes(found)) stage.uses.push(found);
      }
    }
  }

  let final = stages[stages.length - 1]!;
  if (target !== undefined) {
    const t = stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
    if (!t) {
      const names = stages.map((s) => s.name).filter((n): n is string => n !== null);
      throw new GraphError(
        `no stage named "${target}" in the Dockerfile${names.length ? `: its stages are ${names.join(', ')}` : ': its stages have no names (FROM image AS name)'}`,
      );
    }
    final = t;
  }
  const lineage = lineageOf(final);
  // an explicit work list: a chain of thousands of `FROM previous` stages must not exhaust the call stack
  const built = new Set<Stage>([final]);
  const work: Stage[] = [final];
  while (work.length > 0) {
    const s = work.pop()!;
    for (const next of s.parent ? [s.parent, ...s.uses] : s.uses) {
      if (built.has(next)) continue;
      built.add(next);
      work.push(next);
    }
  }
  const finalReason: StageGraph['finalReason'] = target !== undefined ? 'target' : 'last stage';
  return { graph: { stages, globalArgs, final, finalReason, lineage, built, preamble }, problems };
}

/** The raw --from values of COPY and the from= of RUN --mount. */
function stageReferences(instr: Instruction): string[] {
  const out: string[] = [];
  if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
    for (const f of instr.flags) if (f.name === 'from' && f.value) out.push(f.value);
  }
  if (instr.keyword === 'RUN') {
    for (const f of instr.flags) {
      if (f.name !== 'mount' || !f.value) continue;
      const from = parseMount(f.value).from;
      if (from) out.push(from);
    }
  }
  return out;
}

function resolveStageRef(
  raw: string,
  stages: readonly Stage[],
  before: number,
  globalArgs: ReadonlyMap<string, string | null>,
  escapeChar: string,
): Stage | null {
  const value = substitute(raw, globalArgs, escapeChar);
  if (value === null) return null;
  if (/^\d+$/.test(value)) {
    const idx = Number(value);
    return idx < before ? (stages[idx] ?? null) : null;
  }
  const key = value.toLowerCase();
  return stages.find((s, i) => i < before && s.name?.toLowerCase() === key) ?? null;
}

export interface Mount {
  type: string;
  target: string | null;
  from: string | null;
  source: string | null;
}

function parseMount(value: string): Mount {
  const m: Mount = { type: 'bind', target: null, from: null, source: null };
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const k = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const v =
      eq < 0
        ? ''
        : part
            .slice(eq + 1)
            .trim()
            .replace(/^["']|["']$/g, '');
    if (k === 'type') m.type = v.toLowerCase();
    else if (k === 'target' || k === 'dst' || k === 'destination') m.target = v;
    else if (k === 'from') m.from = v;
    else if (k === 'source' || k === 'src') m.source = v;
  }
  return m;
}

export function mountsOf(instr: Instruction): Mount[] {
  return instr.flags.filter((f) => f.name === 'mount' && f.value).map((f) => parseMount(f.value!));
}

/** The first real image below a stage, through FROM <stage> chains, and the stage whose FROM names it. */
export function baseOf(stage: Stage): Stage {
  let s = stage;
  while (s.parent) s = s.parent;
  return s;
}

/** The instructions of a stage's lineage in build order, each with its stage. */
function lineageOf(stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | null = stage; s; s = s.parent) out.push(s);
  return out.reverse();
}

/**
 * Variables an instruction sees from ENV and ARG (with defaults) set earlier in the lineage, ARG re-declared
 * without a default taking the global default. Keys are case-sensitive, as in the shell.
 */
export function variablesBefore(
  lineage: readonly Stage[],
  until: Instruction | null,
  globalArgs: ReadonlyMap<string, string | null>,
  which: { env: boolean; arg: boolean } = { env: true, arg: true },
): Map<string, string> {
  const vars = new Map<string, string>();
  for (const stage of lineage) {
    for (const instr of stage.body) {
      if (instr === until) return vars;
      if (instr.keyword === 'ENV' && which.env) {
        for (const { key, value } of parseKeyValues(instr.args, true))
          if (value !== null) vars.set(key, substitute(value, vars, '\\') ?? value);
      } else if (instr.keyword === 'ARG' && which.arg) {
        for (const { key, value } of parseKeyValues(instr.args, false)) {
          const v = value ?? globalArgs.get(key) ?? null;
          if (v !== null) vars.set(key, substitute(v, vars, '\\') ?? v);
        }
      }
    }
  }
  return vars;
}
