// The CLI: flags, then the application layer (src/app), then print. `lint` lives in lint-command.ts, which the
// entry (src/cli.ts) loads directly so that linting does not load the engine and registry clients.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeImage, type ImageAnalysis } from '../analysis/analyze.js';
import type { RunReport } from '../analysis/report.js';
import { type ComparePorts, runAnalysis, runComparison } from '../app/compare.js';
import { loadSettings, type PolicyOptions } from '../app/load-settings.js';
import { realPorts, runAnalyzer, tallyLine } from '../app/ports.js';
import type { Command } from '../config/settings.js';
import { messageOf, UserError } from '../core/errors.js';
import { TOOL_NAME, VERSION } from '../core/version.js';
import type { ImageData } from '../image/model.js';
import type { LayerTally } from '../image/save-archive.js';
import type { RegistryClient } from '../registry/registry-client.js';
import type { FormatContext, RuleInfo } from '../render/formats/index.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import type { ContainerRunner } from '../startup/startup-probe.js';
import { commandHelp, EXIT_STATUS, type Output, parseFlags, usageLine } from './flags.js';
import { loadHistory, withHistory } from './history.js';
import type { CliIO } from './io.js';
import { writeOutputs } from './outputs.js';
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
  lintDockerfile?: ComparePorts['lint'];
  /** Where compressed sizes of registry images come from; the real registries by default. */
  registry?: RegistryClient;
  /** Starts containers for --startup-probe; the docker CLI by default. */
  containers?: ContainerRunner;
}

export const USAGE = `Usage:
  ${(['lint', 'analyze', 'compare'] as const).map(usageLine).join('\n  ')}

<IMAGE> is an image the engine knows (pulled when missing), registry:NAME[:TAG] (read from its registry, no
engine), docker-archive:PATH, oci-archive:PATH or oci:DIR.
image-guard COMMAND --help says what each flag means.
${EXIT_STATUS}
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
      case 'compare':
        return await imageCommand(command, rest, io, deps);
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

async function imageCommand(
  command: Exclude<Command, 'lint'>,
  argv: string[],
  io: CliIO,
  deps: CliDeps,
): Promise<number> {
  const flags = parseFlags(command, argv);
  if (flags.help) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  const cwd = process.cwd();
  const { settings, config, explicit, policy } = await loadSettings(
    flags.written,
    cwd,
    'bad flags',
    command === 'compare' ? comparePolicy(flags.written, cwd) : {},
  );
  const ports = cliPorts(deps, io, settings['engine-timeout'], flags.verbose);
  let result: RunReport;
  if (command === 'analyze') {
    const ref = flags.positionals[0];
    if (!ref) throw new UserError('analyze needs an image: image-guard analyze <IMAGE>');
    result = await runAnalysis(ref, settings, config, ports);
  } else {
    if (!settings.head) throw new UserError('compare needs --head <IMAGE> (image-guard compare --help)');
    const dockerfile = explicit.has('dockerfile') ? settings.dockerfile : null;
    const history = settings.history ? loadHistory(settings.history, settings['history-key']) : null;
    result = await runComparison(
      {
        head: { ref: settings.head, build: settings['head-build-time'] },
        base: settings.base
          ? { ref: settings.base, build: settings['base-build-time'] }
          : { unavailable: 'no --base was given' },
        dockerfile: dockerfile
          ? {
              path: dockerfile,
              // Like `lint`: the Dockerfile's folder unless --context says otherwise.
              context: explicit.has('context')
                ? settings.context
                : (await import('../lint/index.js')).defaultContext(dockerfile),
              target: settings.target,
            }
          : null,
        settings,
        config,
        root: process.cwd(),
        ...(policy ? { policy } : {}),
      },
      ports,
    );
    if (history) result = { ...result, report: withHistory(result.report, history, settings.head) };
  }
  const dockerfile = command === 'compare' && explicit.has('dockerfile') ? settings.dockerfile : null;
  return emit(result, flags.outputs, io, {
    failOn: settings['fail-on'],
    dockerfile: dockerfile ?? settings.dockerfile,
    // the rules the run checked: the content rules when the files were read, the Dockerfile's with one
    rules: async () => [
      ...(result.report.head?.files
        ? (await import('../analysis/content-rules/index.js')).CONTENT_RULES
        : []),
      ...(dockerfile ? (await import('../lint/rules/index.js')).RULES : []),
    ],
  });
}

/**
 * `compare --base-ref REF` (with `--policy-from base`, the default): the config file at REF in the current
 * checkout judges, the one in the folder is compared with it, and so are the `--dockerfile`'s inline ignores.
 */
function comparePolicy(written: ReturnType<typeof parseFlags>['written'], cwd: string): PolicyOptions {
  return {
    async baseFor(first) {
      if (!first['base-ref']) {
        if (written['policy-from'])
          throw new UserError(
            '--policy-from base needs --base-ref REF: the commit whose config file judges the change',
          );
        return null;
      }
      const { baseCommit } = await import('../app/base-commit.js');
      const { gitIn } = await import('./git.js');
      return baseCommit(gitIn(cwd), first['base-ref'], '--base-ref');
    },
    dockerfile: (settings) => {
      if (!written.dockerfile) return null;
      const path = resolve(cwd, settings.dockerfile);
      return existsSync(path) ? path : null;
    },
  };
}

function cliPorts(deps: CliDeps, io: CliIO, engineTimeout: number | null, verbose = false): ComparePorts {
  const { loader, registry, containers } = deps;
  const onTally = verbose
    ? (ref: string, tally: LayerTally) => io.stderr.write(`${TOOL_NAME}: ${tallyLine(ref, tally)}\n`)
    : undefined;
  const analyze: ComparePorts['analyze'] = loader
    ? async (ref, options) => analyzeImage(await loader.load(ref, options))
    : runAnalyzer(undefined, engineTimeout, onTally ? { onTally } : {});
  return {
    analyze: (ref, options) => withProgress(analyze, ref, options, io),
    registry: registry ? () => registry : realPorts.registry,
    containers: containers ? () => containers : realPorts.containers,
    lint: deps.lintDockerfile ?? realPorts.lint,
  };
}

/** A progress line on a terminal's stderr while an image's files are read. */
async function withProgress(
  analyze: (
    ref: string,
    options: { files: boolean; pullSize: boolean; onProgress?: (read: number, total: number) => void },
  ) => Promise<ImageAnalysis>,
  ref: string,
  options: { files: boolean; pullSize: boolean },
  io: CliIO,
): Promise<ImageAnalysis> {
  const progress = options.files ? terminalProgress(io.stderr, ref) : null;
  try {
    return await analyze(ref, { ...options, onProgress: progress?.update });
  } finally {
    progress?.done();
  }
}

async function emit(
  result: RunReport,
  outputs: readonly Output[],
  io: CliIO,
  ctx: Omit<FormatContext, 'rules'> & { rules: () => Promise<RuleInfo[]> },
): Promise<number> {
  const { report, unchecked } = result;
  const { failOn } = ctx;
  const options = { failOn, unchecked };
  await writeOutputs(
    outputs,
    async ({ format, file }) => {
      if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
      if (format === 'markdown') return renderMarkdown(report, options);
      if (format === 'html') {
        const { renderHtml } = await import('../render/html/index.js');
        return renderHtml(report, { failOn, explore: result.explore });
      }
      if (format !== 'text') {
        // the formats other systems read load with their XML builder only when asked for
        const { renderInterchange } = await import('../render/formats/index.js');
        return renderInterchange(format, report, { ...ctx, rules: await ctx.rules() });
      }
      const color = file === null && Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;
      return renderText(report, { ...options, color });
    },
    io,
  );
  // the text report lists them itself
  if (!outputs.some((o) => o.format === 'text' && o.file === null))
    for (const u of unchecked) io.stderr.write(`${TOOL_NAME}: note: budget not checked: ${u}\n`);
  return report.passed ? 0 : 1;
}
