// What the image analysis needs from a lint to measure what a finding costs (src/analysis/finding-bytes.ts):
// the RUN, COPY and ADD instructions of the final image's lineage, in build order, each with the texts a
// builder records for it in the image's history (so that it can be matched with the layer it made), where a
// COPY put its files, and what a RUN leaves (build tooling, pip/uv cache directories). Pure: read from the
// rule context after the rules ran.
import { optionValues } from './commands/arguments.js';
import { removedAgain, toolingInstall } from './commands/build-only-tools.js';
import { npmInstall } from './commands/javascript.js';
import { pipInstallArgs, uvCommand } from './commands/python.js';
import type { HeavyPath } from './context.js';
import { cleanPath } from './dockerignore.js';
import { expandText } from './expand.js';
import type { Instruction } from './parse.js';
import type { RuleContext } from './rule.js';
import { graphOf, hasFromFlag, isWholeContextCopy } from './rule.js';
import type { ShellCommand } from './shell.js';

export interface FinalStep {
  line: number;
  keyword: 'RUN' | 'COPY' | 'ADD';
  /**
   * The instruction as BuildKit or the legacy builder records it in the image's history (after
   * `normalizeInstruction`), any of these; null when it cannot be told (a heredoc): matched by keyword only,
   * and then never measured.
   */
  recorded: string[] | null;
  /** COPY/ADD: the absolute destination in the image, when every word of it is known; else null. */
  destination: string | null;
  /** COPY/ADD of the whole build context (`.` or `./`): the context's root lands at `destination`. */
  wholeContext: boolean;
  /** RUN: the build-only packages it installs and does not remove again (IG001, IG011). */
  tooling: { manager: 'apt' | 'apk' | 'rpm' | 'pip'; packages: string[] }[];
  /** RUN: absolute cache directories pip or uv are told to use (`--cache-dir`, PIP_CACHE_DIR, UV_CACHE_DIR). */
  cacheDirs: string[];
  /**
   * RUN: an `npm ci` / `npm install` (without package names) in `workdir`, with the context's lockfile an
   * earlier COPY put there (its path in the context), or null when none did. `devPaths`: the lockfile's
   * packages only development needs (`"dev": true`, as `node_modules/…` paths), when it was read (by
   * lintDockerfileResult, which reads the context).
   */
  npm?: { workdir: string; lockfile: string | null; devPaths?: string[] } | null;
}

export interface FinalSteps {
  /** Oldest first: the lineage's root stage first, the final stage last. */
  steps: FinalStep[];
  /** Paths of the context that IG008 names and the ignore file lets through (relative to the context root). */
  heavy: HeavyPath[];
}

const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const WHOLE = new Set(['.', './']);

/** A spec `gcc-12=12.2.0-14` / `libssl-dev:arm64` / `wheel>=0.40` as a bare package name. */
function bareName(spec: string): string {
  return spec
    .replace(/:[a-z0-9]+$/, '')
    .split(/[=<>~!;[ ]/)[0]!
    .toLowerCase();
}

function joinPath(dir: string, path: string): string {
  return cleanPath(path.startsWith('/') ? path : `${dir}/${path}`);
}

/** The final image's RUN/COPY/ADD steps and the context's heavy paths; null without a stage graph. */
export function finalSteps(ctx: RuleContext): FinalSteps | null {
  if (!ctx.graph) return null;
  const g = graphOf(ctx);
  const steps: FinalStep[] = [];
  let workdir: string | null = null;
  /** The SHELL in force (null: the default `/bin/sh -c`, which history does not show once normalized). */
  let shell: readonly string[] | null = null;
  /** Per image directory, the context's package-lock.json the latest COPY put there. */
  const lockfiles = new Map<string, string>();
  for (const stage of g.lineage) {
    for (const instr of stage.body) {
      const vars = ctx.vars(stage, instr);
      const expand = (text: string) => expandText(text, vars.lookup, ctx.parsed.escape);
      if (instr.keyword === 'WORKDIR') {
        const dir = expand(instr.args.trim());
        workdir =
          dir === null || dir === ''
            ? null
            : dir.startsWith('/')
              ? cleanPath(dir)
              : workdir && joinPath(workdir, dir);
        continue;
      }
      if (instr.keyword === 'SHELL' && instr.json?.length) shell = instr.json;
      if (!LAYER_KEYWORDS.has(instr.keyword)) continue;
      const keyword = instr.keyword as FinalStep['keyword'];
      if (keyword === 'RUN') {
        const step: FinalStep = { ...runStep(ctx, instr, shell), line: instr.line, keyword };
        if (workdir && ctx.run(instr).commands.some(installsAll))
          step.npm = { workdir, lockfile: lockfiles.get(workdir) ?? null };
        steps.push(step);
        continue;
      }
      const sources = ctx.sources(instr);
      const words = instr.json ?? instr.args.split(/\s+/).filter(Boolean);
      const rawDest = instr.heredocs.length === 0 ? words[words.length - 1] : undefined;
      const dest = rawDest === undefined ? null : expand(rawDest);
      const destination =
        dest === null || dest.includes('$')
          ? null
          : dest.startsWith('/')
            ? cleanPath(dest)
            : workdir && joinPath(workdir, dest);
      if (destination && !hasFromFlag(instr)) {
        const lock = lockfileCopied(ctx, sources);
        if (lock) lockfiles.set(destination, lock);
        else lockfiles.delete(destination);
      }
      steps.push({
        line: instr.line,
        keyword,
        recorded: dest === null || instr.heredocs.length > 0 ? null : copyRecorded(instr, sources, dest),
        destination,
        wholeContext: isWholeContextCopy(ctx, instr) && sources.every((s) => WHOLE.has(s)),
        tooling: [],
        cacheDirs: [],
      });
    }
  }
  return { steps, heavy: ctx.context?.heavy ?? [] };
}

/** `npm ci` / `npm install` without package names: installs what the lockfile lists. */
function installsAll(cmd: ShellCommand): boolean {
  const npm = npmInstall(cmd);
  return npm !== null && (npm.kind === 'ci' || npm.packages.length === 0);
}

/**
 * The context path of the package-lock.json a COPY's sources bring to the root of its destination: the
 * context's root (`.`) or a directory's, or the file named or globbed (`package*.json`); null when none.
 */
function lockfileCopied(ctx: RuleContext, sources: readonly string[]): string | null {
  const known = ctx.context;
  if (!known) return null;
  for (const raw of sources) {
    const s = raw.replace(/^(\.\/)+/, '');
    const dir =
      s === '' || s === '.' || known.dirs.has(s.replace(/\/+$/, ''))
        ? s.replace(/\/+$/, '').replace(/^\.$/, '')
        : null;
    let candidate: string | null = null;
    if (dir !== null) candidate = dir ? `${dir}/package-lock.json` : 'package-lock.json';
    else {
      const slash = s.lastIndexOf('/');
      const base = s.slice(slash + 1);
      if (['package-lock.json', 'package*.json', '*.json', 'package-*.json', '*'].includes(base))
        candidate = `${s.slice(0, slash + 1)}package-lock.json`;
    }
    if (candidate && known.files.includes(candidate)) return candidate;
  }
  return null;
}

function copyRecorded(instr: Instruction, sources: string[], dest: string): string[] {
  const flags = instr.flags
    .map((f) => (f.value === null ? `--${f.name}` : `--${f.name}=${f.value}`))
    .join(' ');
  const k = instr.keyword;
  const plain = `${k} ${sources.join(' ')} ${dest}`;
  // The legacy builder records content hashes (hidden by normalizeInstruction) and the destination as written.
  return [
    plain,
    `${k} ${flags} ${sources.join(' ')} ${dest}`,
    `${k} ${instr.args}`,
    ...['file', 'dir', 'multi'].map((kind) => `${k} ${kind}:… in ${dest}`),
  ];
}

function runStep(
  ctx: RuleContext,
  instr: Instruction,
  shell: readonly string[] | null,
): Omit<FinalStep, 'line' | 'keyword'> {
  const { commands } = ctx.run(instr);
  const tooling: FinalStep['tooling'] = [];
  const cacheDirs = new Set<string>();
  commands.forEach((cmd, k) => {
    const install = toolingInstall(cmd);
    if (install) {
      const removed = removedAgain(install, commands.slice(k + 1));
      const left = install.packages.filter((p) => !removed.has(p)).map(bareName);
      if (left.length) tooling.push({ manager: install.manager, packages: left });
    }
    const pip = pipInstallArgs(cmd);
    const uv = uvCommand(cmd);
    const dirs = [
      ...(pip ? optionValues(pip.options, '--cache-dir') : []),
      ...(uv ? optionValues(uv.options, '--cache-dir') : []),
      cmd.env.PIP_CACHE_DIR,
      cmd.env.UV_CACHE_DIR,
    ];
    for (const d of dirs) if (d?.startsWith('/')) cacheDirs.add(cleanPath(d));
  });
  for (const key of ['PIP_CACHE_DIR', 'UV_CACHE_DIR']) {
    const v = ctx.vars(graphOf(ctx).final, instr).get(key);
    if (v?.startsWith('/')) cacheDirs.add(cleanPath(v));
  }
  return {
    recorded: runRecorded(instr, shell),
    destination: null,
    wholeContext: false,
    tooling,
    cacheDirs: [...cacheDirs],
  };
}

/**
 * How the builders record a RUN, once normalized: BuildKit `RUN <shell> <command>`, the legacy builder
 * `<shell> <command>` (both `RUN <command>` under the default shell), the exec form's words joined.
 */
function runRecorded(instr: Instruction, shell: readonly string[] | null): string[] | null {
  if (instr.heredocs.length > 0) return null;
  if (instr.json) {
    const joined = instr.json.join(' ');
    const viaSh = instr.json[0] === '/bin/sh' && instr.json[1] === '-c';
    return [`RUN ${joined}`, joined, ...(viaSh ? [`RUN ${instr.json.slice(2).join(' ')}`] : [])];
  }
  if (!shell) return [`RUN ${instr.args}`];
  return [`RUN ${shell.join(' ')} ${instr.args}`, `${shell.join(' ')} ${instr.args}`, `RUN ${instr.args}`];
}
