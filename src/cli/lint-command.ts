// `image-guard lint <Dockerfile> [--context DIR] [--target STAGE] [--platform OS/ARCH] [--config FILE] [--fail-on LEVEL]
// [--format text|json|sarif]`. Exit 0 passed, 1 a finding at or above --fail-on, 2 the run could not be done
// (one `image-guard: error: …` line on stderr, nothing on stdout).
import { parseArgs } from 'node:util';
import { buildReport } from '../analysis/report.js';
import { loadConfig, parseFailOn } from '../config/config.js';
import { messageOf, UserError } from '../core/errors.js';
import type { FailOn } from '../core/report.js';
import { formatSarif } from '../lint/format-sarif.js';
import { formatText } from '../lint/format-text.js';
import { defaultContext, lintDockerfileResult } from '../lint/index.js';
import { RULES } from '../lint/rules/index.js';
import type { CliIO } from './io.js';

const USAGE =
  'usage: image-guard lint <Dockerfile> [--context DIR] [--target STAGE] [--platform OS/ARCH] [--config FILE] [--fail-on LEVEL] [--format text|json|sarif]';

export async function runLintCommand(argv: string[], io: CliIO): Promise<number> {
  try {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(argv);
    } catch (error) {
      throw new UserError(`${messageOf(error).replace(/\. To specify.*$/, '')}; ${USAGE}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) {
      throw new UserError(
        positionals.length === 0
          ? `give the Dockerfile to lint; ${USAGE}`
          : `give one Dockerfile, not ${positionals.length}; ${USAGE}`,
      );
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json' && format !== 'sarif') {
      throw new UserError(`--format: write text, json or sarif (got "${format}")`);
    }
    const dockerfile = positionals[0]!;
    const config = await loadConfig(values.config ?? null, process.cwd());
    const failOn: FailOn =
      values['fail-on'] !== undefined
        ? parseFailOn(values['fail-on'], '--fail-on')
        : (config.failOn ?? 'error');
    const { findings, judged } = await lintDockerfileResult(dockerfile, {
      context: values.context ?? defaultContext(dockerfile),
      target: values.target,
      platform: values.platform,
      config,
    });
    // The same Report the other commands print, with no image: head, base and delta null, no layers.
    const { report } = buildReport({ head: null, base: null, findings, failOn });
    const passed = report.passed;
    let out: string;
    if (format === 'json') {
      // `judged`: the stage judged as the final image (see JudgedImage in src/lint/engine.ts)
      out = `${JSON.stringify({ ...report, judged }, null, 2)}\n`;
    } else if (format === 'sarif') {
      out = formatSarif(findings, RULES, dockerfile, process.cwd(), judged);
    } else {
      const colour = io.stdout.isTTY === true && !process.env.NO_COLOR;
      out = formatText(findings, { colour, file: dockerfile, judged });
    }
    io.stdout.write(out);
    return passed ? 0 : 1;
  } catch (error) {
    const message = error instanceof UserError ? error.message : `internal error: ${messageOf(error)}`;
    io.stderr.write(`image-guard: error: ${message}\n`);
    return 2;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      context: { type: 'string' },
      target: { type: 'string' },
      platform: { type: 'string' },
      config: { type: 'string' },
      'fail-on': { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
