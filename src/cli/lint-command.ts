// `image-guard lint <Dockerfile> [flags]`: the flags come from the table of settings (src/config/settings.ts).
// Exit 0 passed, 1 a finding at or above --fail-on, 2 the run could not be done (one `image-guard: error: …`
// line on stderr, nothing on stdout). The CLI's entry loads this module directly: no engine, registry or
// renderer modules for a lint.
import { existsSync } from 'node:fs';
import { buildReport } from '../analysis/report.js';
import { loadSettings } from '../app/load-settings.js';
import { messageOf, UserError } from '../core/errors.js';
import { formatSarif } from '../lint/format-sarif.js';
import { formatText } from '../lint/format-text.js';
import { defaultContext, lintDockerfileResult } from '../lint/index.js';
import { RULES } from '../lint/rules/index.js';
import { commandHelp, type ParsedFlags, parseFlags } from './flags.js';
import type { CliIO } from './io.js';
import { writeOutputs } from './outputs.js';

export async function runLintCommand(argv: string[], io: CliIO): Promise<number> {
  try {
    const flags = parseFlags('lint', argv);
    if (flags.help) {
      io.stdout.write(commandHelp('lint'));
      return 0;
    }
    const { positionals } = flags;
    if (positionals.length === 0)
      throw new UserError('give the Dockerfile to lint (image-guard lint --help)');
    if (positionals.length === 1) return await lintOne(positionals[0]!, flags, io);
    // Several Dockerfiles: one after the other, each as alone, in the line-oriented formats only
    const [only] = flags.outputs;
    if (flags.outputs.length > 1 || only!.file !== null || !['text', 'github'].includes(only!.format))
      throw new UserError(
        `${positionals.length} Dockerfiles are linted with --format text or github to standard output; give one Dockerfile for other formats or --output`,
      );
    // every file is there before any is linted: a run that cannot be done prints one error line and nothing else
    const missing = positionals.find((f) => !existsSync(f));
    if (missing !== undefined) throw new UserError(`${missing} not found: give the Dockerfiles to lint`);
    let worst = 0;
    for (const dockerfile of positionals) {
      worst = Math.max(worst, await lintOne(dockerfile, flags, io));
    }
    return worst;
  } catch (error) {
    const message = error instanceof UserError ? error.message : `internal error: ${messageOf(error)}`;
    io.stderr.write(`image-guard: error: ${message}\n`);
    return 2;
  }
}

async function lintOne(dockerfile: string, flags: ParsedFlags, io: CliIO): Promise<number> {
  try {
    const { settings, config, explicit } = await loadSettings(flags.written, process.cwd(), 'bad flags');
    const context = explicit.has('context') ? settings.context : defaultContext(dockerfile);
    if (settings.diff && !settings.fix)
      throw new UserError('--diff goes with --fix (image-guard lint --help)');
    if (settings.fix) {
      // loaded only for --fix: the diff library is no part of a plain lint
      const { runLintFix } = await import('./lint-fix.js');
      if (flags.outputs.length > 1 || flags.outputs[0]!.file !== null)
        throw new UserError('--fix prints its changes: --output goes with a lint without --fix');
      return await runLintFix({ dockerfile, context, settings, config, format: flags.format }, io);
    }
    const {
      findings,
      judged,
      context: contextScan,
    } = await lintDockerfileResult(dockerfile, {
      context,
      target: settings.target ?? undefined,
      platform: settings.platform ?? undefined,
      config,
    });
    // The same Report the other commands print, with no image: head, base and delta null, no layers.
    // `judged`: the stage judged as the final image (see JudgedImage in src/core/judged.ts).
    const { report } = buildReport({ head: null, base: null, findings, failOn: settings['fail-on'], judged });
    const sarif = async (): Promise<string> => {
      // The changes lint --fix would make ride along as SARIF fixes; the fixer loads only for this format.
      const { dockerfileSuggestions } = await import('../app/suggestions.js');
      const { suggestions, eol } = await dockerfileSuggestions({
        dockerfile,
        context,
        target: settings.target,
        platform: settings.platform,
        buildContexts: [],
        config,
        findings,
        contextScan,
      });
      return formatSarif(
        findings,
        RULES,
        dockerfile,
        process.cwd(),
        judged,
        suggestions.map((c) => ({ ...c, endLine: c.line, eol })),
      );
    };
    await writeOutputs(
      flags.outputs,
      async ({ format, file }) => {
        if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
        if (format === 'sarif') return sarif();
        if (format !== 'text') {
          const { renderInterchange } = await import('../render/formats/index.js');
          return renderInterchange(format, report, {
            failOn: settings['fail-on'],
            dockerfile,
            rules: RULES,
          });
        }
        const colour = file === null && io.stdout.isTTY === true && !process.env.NO_COLOR;
        return formatText(findings, { colour, file: dockerfile, judged });
      },
      io,
    );
    return report.passed ? 0 : 1;
  } catch (error) {
    const message = error instanceof UserError ? error.message : `internal error: ${messageOf(error)}`;
    io.stderr.write(`image-guard: error: ${message}\n`);
    return 2;
  }
}
