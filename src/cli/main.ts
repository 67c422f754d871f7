import { parseArgs } from 'node:util';
import { analyzeImage, type ImageAnalysis } from '../analysis/analyze.js';
import type { BudgetLimits } from '../analysis/budgets.js';
import { buildGuide, DEFAULT_PULL_BANDWIDTH } from '../analysis/guide.js';
import { buildReport } from '../analysis/report.js';
import { parseBandwidth } from '../core/bandwidth.js';
import { messageOf, UserError } from '../core/errors.js';
import type { FailOn, Finding, GuideBuild, Image, Report } from '../core/report.js';
import { parseIncrease, parseSize } from '../core/size.js';
import { TOOL_NAME, VERSION } from '../core/version.js';
import { registryLookup, startupFor, withRegistrySizes } from '../guide/figures.js';
import { isArchiveRef } from '../image/archive-ref.js';
import type { ImageData } from '../image/model.js';
import { namesRegistry, type RegistryClient, type RegistryResult } from '../registry/registry-client.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import {
  type ContainerRunner,
  parseStartupProbe,
  STARTUP_PROBE_HINT,
  type StartupProbe,
} from '../startup/startup-probe.js';
import type { CliIO } from './io.js';
import { terminalProgress } from './progress.js';

export type { CliIO } from './io.js';

/** Where images come from: the engine or an archive. Tests hand in their own. */
export interface ImageLoader {
  load(
    ref: string,
    options: { files: boolean; onProgress?: (bytesRead: number, total: number) => void },
  ): Promise<ImageData>;
}

export interface CliDeps {
  loader?: ImageLoader;
  lint?: (argv: string[], io: CliIO) => Promise<number>;
  lintDockerfile?: (path: string, options: { context: string | null; target?: string }) => Promise<Finding[]>;
  /** Where compressed sizes of registry images come from; the real registries by default. */
  registry?: RegistryClient;
  /** Starts containers for --startup-probe; the docker CLI by default. */
  containers?: ContainerRunner;
}

const USAGE = `Usage:
  image-guard lint <Dockerfile> [--context DIR] [--target STAGE] [--config FILE] [--fail-on LEVEL] [--format text|json|sarif]
  image-guard analyze <IMAGE> [--no-files] [--no-pull-size] [--fail-on LEVEL] [--format text|json]
  image-guard compare --head <IMAGE> [--base <IMAGE>] [--dockerfile FILE] [--context DIR] [--target STAGE]
                      [--max-size S] [--max-increase S] [--max-wasted S] [--min-efficiency E] [--max-layers N]
                      [--fail-on LEVEL] [--no-files] [--no-pull-size] [--format text|json|markdown]
                      [--pull-bandwidth SPEED] [--startup-probe port:PORT|cmd:COMMAND] [--startup-runs N]
                      [--startup-timeout SECONDS] [--base-build-time S[/fresh|/uncached|/cached|/partly-cached]]
                      [--head-build-time S[/…]]

<IMAGE> is an image the engine knows (pulled when missing), docker-archive:PATH, oci-archive:PATH or oci:DIR.
Exit status: 0 passed, 1 a budget broken or a finding at or above --fail-on (default error), 2 the run could not be done.
`;

export async function main(argv: string[], io: CliIO, deps: CliDeps = {}): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'lint': {
        const lint = deps.lint ?? (await import('./lint-command.js')).runLintCommand;
        return await lint(rest, io);
      }
      case 'analyze':
        return await analyzeCommand(rest, io, deps);
      case 'compare':
        return await compareCommand(rest, io, deps);
      case '--version':
      case '-v':
        io.stdout.write(`${TOOL_NAME} ${VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UserError(
          `unknown command "${command}": use lint, analyze or compare (image-guard --help)`,
        );
    }
  } catch (error) {
    if (process.env.IMAGE_GUARD_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    io.stderr.write(`${TOOL_NAME}: error: ${messageOf(error)}\n`);
    return 2;
  }
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(
  argv: string[],
  options: T,
  positionals = 0,
) {
  let parsed: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(
      `${messageOf(error).replace(/\. To specify a positional.*$/, '')} (image-guard --help)`,
    );
  }
  if (parsed.positionals.length > positionals) {
    throw new UserError(`unexpected argument "${parsed.positionals[positionals]}" (image-guard --help)`);
  }
  return parsed;
}

function failOnOf(value: string | undefined): FailOn {
  const v = value ?? 'error';
  if (v === 'error' || v === 'warning' || v === 'info' || v === 'never') return v;
  throw new UserError(`--fail-on "${v}" must be error, warning, info or never`);
}

function formatOf<F extends string>(value: string | undefined, allowed: readonly F[]): F {
  const v = (value ?? 'text') as F;
  if (allowed.includes(v)) return v;
  throw new UserError(`--format "${value}" must be ${allowed.join(', ')}`);
}

type Analyzer = (
  ref: string,
  options: { files: boolean; pullSize?: boolean; onProgress?: (bytesRead: number, total: number) => void },
) => Promise<ImageAnalysis>;

async function analyzerOf(deps: CliDeps): Promise<Analyzer> {
  const loader = deps.loader;
  if (loader) return async (ref, options) => analyzeImage(await loader.load(ref, options));
  const { analyzeRef } = await import('./image-source.js');
  return analyzeRef;
}

async function analyzeCommand(argv: string[], io: CliIO, deps: CliDeps): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      'no-files': { type: 'boolean' },
      'no-pull-size': { type: 'boolean' },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
    },
    1,
  );
  const format = formatOf(values.format, ['text', 'json'] as const);
  const failOn = failOnOf(values['fail-on']);
  const ref = positionals[0];
  if (!ref) throw new UserError('analyze needs an image: image-guard analyze <IMAGE>');
  const analyze = await analyzerOf(deps);
  const { image, findings } = await analyzeWithProgress(
    analyze,
    ref,
    { files: !values['no-files'], pullSize: !values['no-pull-size'] },
    io,
  );
  const { report, unchecked } = buildReport({ head: image, base: null, findings, failOn });
  return emit(report, format, io, { failOn, unchecked });
}

async function compareCommand(argv: string[], io: CliIO, deps: CliDeps): Promise<number> {
  const { values } = parse(argv, {
    head: { type: 'string' },
    base: { type: 'string' },
    dockerfile: { type: 'string' },
    context: { type: 'string' },
    target: { type: 'string' },
    'max-size': { type: 'string' },
    'max-increase': { type: 'string' },
    'max-wasted': { type: 'string' },
    'min-efficiency': { type: 'string' },
    'max-layers': { type: 'string' },
    'fail-on': { type: 'string' },
    'no-files': { type: 'boolean' },
    'no-pull-size': { type: 'boolean' },
    format: { type: 'string' },
    'pull-bandwidth': { type: 'string' },
    'startup-probe': { type: 'string' },
    'startup-runs': { type: 'string' },
    'startup-timeout': { type: 'string' },
    'base-build-time': { type: 'string' },
    'head-build-time': { type: 'string' },
  });
  const format = formatOf(values.format, ['text', 'json', 'markdown'] as const);
  const failOn = failOnOf(values['fail-on']);
  if (!values.head) throw new UserError('compare needs --head <IMAGE>');
  const guideFlags = guideOptions(values);
  const limits = budgetLimits(values);
  const files = !values['no-files'];
  const pullSize = !values['no-pull-size'];
  const analyze = await analyzerOf(deps);

  // Registries are asked while base and head are read at the same time (each export mostly waits).
  const registryAnswers = askRegistries([values.head, values.base], deps);
  registryAnswers.catch(() => undefined);
  const [head, base, dockerfileFindings] = await Promise.all([
    analyzeWithProgress(analyze, values.head, { files, pullSize }, io),
    values.base ? analyzeWithProgress(analyze, values.base, { files, pullSize }, io) : Promise.resolve(null),
    values.dockerfile ? lintFindings(values.dockerfile, values.context ?? null, values.target, deps) : [],
  ]);
  const guide = await guideFigures(
    values.head,
    values.base ?? null,
    head.image,
    base?.image ?? null,
    guideFlags,
    deps,
    await registryAnswers,
  );
  const { report, unchecked } = buildReport({
    head: guide.head,
    base: guide.base,
    baseUnavailable: base ? null : 'no --base was given',
    findings: [...dockerfileFindings, ...head.findings],
    limits,
    failOn,
  });
  report.guide = buildGuide({
    head: report.head!,
    base: report.base,
    pullBandwidth: guideFlags.bandwidth,
    builds: { base: guideFlags.baseBuild, head: guideFlags.headBuild },
    startup: guide.startup,
    pullNotes: guide.pullNotes,
  });
  return emit(report, format, io, { failOn, unchecked });
}

interface GuideFlags {
  bandwidth: number;
  probe: StartupProbe | null;
  runs: number;
  timeoutSeconds: number;
  baseBuild: GuideBuild | null;
  headBuild: GuideBuild | null;
}

/** The guide's flags, every bad one reported at once. */
export function guideOptions(values: Partial<Record<string, string | boolean>>): GuideFlags {
  const bad: string[] = [];
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  let bandwidth = DEFAULT_PULL_BANDWIDTH;
  const bw = text('pull-bandwidth');
  if (bw !== undefined) {
    const bits = parseBandwidth(bw);
    if (bits === null)
      bad.push(`--pull-bandwidth "${bw}" is not a speed (write 100Mbit/s, 1Gbit/s or 12.5MB/s)`);
    else bandwidth = bits;
  }
  let probe: StartupProbe | null = null;
  const p = text('startup-probe');
  if (p !== undefined) {
    probe = parseStartupProbe(p);
    if (!probe) bad.push(`--startup-probe "${p}" ${STARTUP_PROBE_HINT}`);
  }
  let runs = 3;
  const r = text('startup-runs');
  if (r !== undefined) {
    if (/^\d+$/.test(r) && Number(r) >= 1 && Number(r) <= 20) runs = Number(r);
    else bad.push(`--startup-runs "${r}" must be a whole number from 1 to 20`);
  }
  let timeoutSeconds = 60;
  const t = text('startup-timeout');
  if (t !== undefined) {
    const m = /^(\d+(?:\.\d+)?|\.\d+)\s*s?$/.exec(t);
    if (m && Number(m[1]) > 0 && Number(m[1]) <= 3600) timeoutSeconds = Number(m[1]);
    else bad.push(`--startup-timeout "${t}" must be seconds, more than 0 and at most 3600`);
  }
  const build = (name: 'base-build-time' | 'head-build-time'): GuideBuild | null => {
    const v = text(name);
    if (v === undefined) return null;
    const m = /^(\d+(?:\.\d+)?)\s*s?(?:\/(fresh|uncached|cached|partly-cached))?$/.exec(v.trim());
    if (!m) {
      bad.push(
        `--${name} "${v}" must be seconds, optionally /fresh (--no-cache), /uncached, /cached or /partly-cached (e.g. 120.5/fresh)`,
      );
      return null;
    }
    const cache =
      m[2] === 'fresh' || m[2] === 'uncached'
        ? 'none'
        : m[2] === 'cached'
          ? 'all'
          : m[2] === 'partly-cached'
            ? 'partial'
            : 'unknown';
    return { seconds: Number(m[1]), cache, noCache: m[2] === 'fresh' };
  };
  const baseBuild = build('base-build-time');
  const headBuild = build('head-build-time');
  if (bad.length) throw new UserError(bad.join('; '));
  return { bandwidth, probe, runs, timeoutSeconds, baseBuild, headBuild };
}

/** Registry sizes for images that name a registry, and start-up times when asked for. */
/** Asks the registries about the refs that name one, while the images are read (no layer downloaded). */
async function askRegistries(
  refs: (string | undefined)[],
  deps: CliDeps,
): Promise<Map<string, RegistryResult>> {
  const named = refs.filter((r): r is string => !!r && !isArchiveRef(r) && namesRegistry(r));
  const answers = new Map<string, RegistryResult>();
  if (named.length === 0) return answers;
  const registry = deps.registry ?? (await import('../registry/registry-client.js')).registryClient();
  await Promise.all(
    named.map(async (ref) => {
      const answer = await registryLookup(registry, ref);
      if (answer) answers.set(ref, answer);
    }),
  );
  return answers;
}

async function guideFigures(
  headRef: string,
  baseRef: string | null,
  head: Image,
  base: Image | null,
  flags: GuideFlags,
  deps: CliDeps,
  answers: Map<string, RegistryResult>,
) {
  const pullNotes: string[] = [];
  const sized = (image: Image, ref: string | null): Image => {
    const answer = ref ? answers.get(ref) : undefined;
    if (!ref || !answer) return image;
    const r = withRegistrySizes(image, answer, ref);
    if (r.note) pullNotes.push(r.note);
    return r.image;
  };
  const h = sized(head, headRef);
  const b = base ? sized(base, baseRef) : null;
  let startup: Awaited<ReturnType<typeof startupFor>> = {};
  if (flags.probe) {
    const runner = deps.containers ?? (await import('../action/docker-cli.js')).dockerCli().containers;
    const side = (ref: string | null) =>
      ref && isArchiveRef(ref)
        ? { ref: null, why: 'an archive cannot be started: give an image the engine has' }
        : { ref };
    startup = await startupFor({
      runner,
      probe: flags.probe,
      runs: flags.runs,
      timeoutSeconds: flags.timeoutSeconds,
      images: [
        ...(baseRef ? [{ side: 'base' as const, ...side(baseRef) }] : []),
        { side: 'head' as const, ...side(headRef) },
      ],
    });
  }
  return { head: h, base: b, startup, pullNotes };
}

async function analyzeWithProgress(
  analyze: Analyzer,
  ref: string,
  what: { files: boolean; pullSize: boolean },
  io: CliIO,
): Promise<ImageAnalysis> {
  const progress = what.files ? terminalProgress(io.stderr, ref) : null;
  try {
    return await analyze(ref, { ...what, onProgress: progress?.update });
  } finally {
    progress?.done();
  }
}

async function lintFindings(
  dockerfile: string,
  context: string | null,
  target: string | undefined,
  deps: CliDeps,
): Promise<Finding[]> {
  const lint = deps.lintDockerfile ?? (await import('../lint/index.js')).lintDockerfileAt;
  return lint(dockerfile, { context, target });
}

type BudgetFlags = Partial<
  Record<'max-size' | 'max-increase' | 'max-wasted' | 'min-efficiency' | 'max-layers', string>
>;

/** Every bad budget flag at once, so one run tells the user all there is to fix. */
export function budgetLimits(values: BudgetFlags): BudgetLimits {
  const limits: BudgetLimits = {};
  const bad: string[] = [];
  const size = (name: 'max-size' | 'max-wasted'): number | undefined => {
    const text = values[name];
    if (text === undefined) return undefined;
    const n = parseSize(text);
    if (n === null) bad.push(`--${name} "${text}" is not a size (write 250MB, 1.2GiB or bytes)`);
    return n ?? undefined;
  };
  limits.maxSize = size('max-size');
  limits.maxWasted = size('max-wasted');
  if (values['max-increase'] !== undefined) {
    const inc = parseIncrease(values['max-increase']);
    if (inc) limits.maxIncrease = inc;
    else
      bad.push(`--max-increase "${values['max-increase']}" is not a size or a percentage (write 10MB or 5%)`);
  }
  if (values['min-efficiency'] !== undefined) {
    const e = Number(values['min-efficiency']);
    if (values['min-efficiency'].trim() !== '' && Number.isFinite(e) && e >= 0 && e <= 1)
      limits.minEfficiency = e;
    else bad.push(`--min-efficiency "${values['min-efficiency']}" must be a number from 0 to 1 (e.g. 0.95)`);
  }
  if (values['max-layers'] !== undefined) {
    const n = Number(values['max-layers']);
    if (/^\d+$/.test(values['max-layers'].trim())) limits.maxLayers = n;
    else bad.push(`--max-layers "${values['max-layers']}" must be a whole number`);
  }
  if (bad.length) throw new UserError(bad.join('; '));
  for (const key of Object.keys(limits) as (keyof BudgetLimits)[])
    if (limits[key] === undefined) delete limits[key];
  return limits;
}

function emit(
  report: Report,
  format: 'text' | 'json' | 'markdown',
  io: CliIO,
  options: { failOn: FailOn; unchecked: string[] },
): number {
  if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'markdown') io.stdout.write(renderMarkdown(report, options));
  else
    io.stdout.write(
      renderText(report, { ...options, color: Boolean(io.stdout.isTTY) && !process.env.NO_COLOR }),
    );
  if (format !== 'text')
    for (const u of options.unchecked) io.stderr.write(`${TOOL_NAME}: note: budget not checked: ${u}\n`);
  return report.passed ? 0 : 1;
}
