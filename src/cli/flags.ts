// The CLI's flags, read from the table of settings: each command takes the settings the table gives it, as
// `--name VALUE` or, for a switch that is on by default, `--no-name`; plus `--format` and `--help`. Usage and
// `--help` are written from the same table.
import { parseArgs } from 'node:util';
import {
  type Command,
  FORMATS,
  flagOf,
  parseFormat,
  SETTING_NAMES,
  type SettingName,
  specOf,
  type Written,
} from '../config/settings.js';
import { messageOf, UserError } from '../core/errors.js';

/** What each command takes besides its settings: its positional argument, if any. */
const POSITIONAL: Record<Command, string | null> = {
  lint: '<Dockerfile>...',
  analyze: '<IMAGE>',
  compare: null,
};

export const settingsOf = (command: Command): SettingName[] =>
  SETTING_NAMES.filter((name) => specOf(name).commands.includes(command));

const isSwitch = (name: SettingName) => typeof specOf(name).default === 'boolean';

/** One report to write: a format, and the file it goes to (null: standard output). */
export interface Output {
  format: string;
  file: string | null;
}

export interface ParsedFlags {
  written: Partial<Record<SettingName, Written>>;
  /** The first output's format (`text` by default). */
  format: string;
  /** Every output asked for, in order: one to standard output unless `--output` says otherwise. */
  outputs: Output[];
  positionals: string[];
  help: boolean;
  /** `--verbose` (analyze, compare): say on stderr how each image's layers were read. */
  verbose: boolean;
}

/** The command's flags: every bad one reported at once, with where to read more. */
export function parseFlags(command: Command, argv: string[]): ParsedFlags {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    format: { type: 'string', multiple: true },
    output: { type: 'string', short: 'o', multiple: true },
    help: { type: 'boolean', short: 'h' },
  };
  if (command !== 'lint') options.verbose = { type: 'boolean', short: 'v' };
  for (const name of settingsOf(command))
    options[flagOf(name).slice(2)] = { type: isSwitch(name) ? 'boolean' : 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(
      `${messageOf(error).replace(/\. To specify a positional.*$/, '')} (image-guard ${command} --help)`,
    );
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const written: Partial<Record<SettingName, Written>> = {};
  for (const name of settingsOf(command)) {
    const flag = flagOf(name);
    const value = values[flag.slice(2)];
    if (value === undefined) continue;
    written[name] = {
      text: typeof value === 'boolean' ? String(!flag.startsWith('--no-')) : String(value),
      shown: flag,
    };
  }
  const outputs = pairOutputs(
    command,
    (values.format as string[] | undefined) ?? [],
    (values.output as string[] | undefined) ?? [],
  );
  // lint takes several Dockerfiles (a pre-commit hook passes every one that changed)
  const max = command === 'lint' ? Number.POSITIVE_INFINITY : POSITIONAL[command] ? 1 : 0;
  if (parsed.positionals.length > max)
    throw new UserError(`unexpected argument "${parsed.positionals[max]}" (image-guard ${command} --help)`);
  return {
    written,
    format: outputs[0]!.format,
    outputs,
    positionals: parsed.positionals,
    help: values.help === true,
    verbose: values.verbose === true,
  };
}

/**
 * `--format A --output a --format B --output b`: each `--output` goes with the `--format` given in the same
 * place of the order; `--output -` is standard output. Without `--output`, one format goes to standard output.
 */
function pairOutputs(command: Command, formats: string[], files: string[]): Output[] {
  const checked = formats.map((text) => {
    const f = parseFormat(command, text.trim());
    if ('problem' in f) throw new UserError(`--format ${JSON.stringify(text)} ${f.problem}`);
    return f.value;
  });
  if (files.length === 0) {
    if (checked.length > 1)
      throw new UserError(
        `${checked.length} --format flags need an --output FILE each (--output - for standard output)`,
      );
    return [{ format: checked[0] ?? 'text', file: null }];
  }
  if (checked.length === 0 && files.length === 1) checked.push('text');
  if (checked.length !== files.length)
    throw new UserError(
      `give one --output FILE for each --format (${checked.length} --format, ${files.length} --output)`,
    );
  const outputs = checked.map((format, i) => ({ format, file: files[i] === '-' ? null : files[i]! }));
  if (outputs.filter((o) => o.file === null).length > 1)
    throw new UserError('only one --output may be - (standard output)');
  const written = outputs.flatMap((o) => (o.file === null ? [] : [o.file]));
  const twice = written.find((f, i) => written.indexOf(f) !== i);
  if (twice !== undefined) throw new UserError(`--output ${JSON.stringify(twice)} is given twice`);
  return outputs;
}

/** `[--max-size S]`, `[--no-files]`, `--head <IMAGE>` for a required one. */
function flagUsage(name: SettingName, required: readonly SettingName[]): string {
  const spec = specOf(name);
  const flag = flagOf(name);
  const text = isSwitch(name) ? flag : `${flag} ${spec.metavar ?? 'VALUE'}`;
  return required.includes(name) ? text : `[${text}]`;
}

const REQUIRED: Record<Command, readonly SettingName[]> = { lint: [], analyze: [], compare: ['head'] };

/** One line per command, as the top-level `--help` lists them. */
export function usageLine(command: Command): string {
  const parts = [`image-guard ${command}`];
  if (POSITIONAL[command]) parts.push(POSITIONAL[command]!);
  for (const name of settingsOf(command)) parts.push(flagUsage(name, REQUIRED[command]));
  parts.push(`[--format ${FORMATS[command].join('|')}]`, '[--output FILE]');
  if (command !== 'lint') parts.push('[--verbose]');
  return parts.join(' ');
}

const ABOUT: Record<Command, string> = {
  lint: 'Judges a Dockerfile (and its build context) against the Dockerfile rules.',
  analyze:
    'Reads one image (from the engine or an archive) and reports its size, layers, wasted bytes, largest files and content findings.',
  compare:
    'Compares the head image with the base image: size and layer deltas, budgets, content findings, the Dockerfile rules with --dockerfile, and the costs table.',
};

/** `image-guard COMMAND --help`: what it does, and every flag with its meaning and default, from the table. */
export function commandHelp(command: Command): string {
  const lines = [`Usage: ${usageLine(command)}`, '', ABOUT[command], '', 'Options:'];
  const rows: [string, string][] = [];
  for (const name of settingsOf(command)) {
    const spec = specOf(name);
    const left = isSwitch(name) ? flagOf(name) : `${flagOf(name)} ${spec.metavar ?? 'VALUE'}`;
    const doc =
      spec.default === true ? `Leave out: ${spec.doc.charAt(0).toLowerCase()}${spec.doc.slice(1)}` : spec.doc;
    // "(default: .)" reads better than "Default: .." for a default that is punctuation; a doc that already
    // names its default is left as it is.
    const def =
      !isSwitch(name) && spec.defaultDoc && !/\(default /i.test(doc) ? ` (default: ${spec.defaultDoc})` : '';
    const text = def ? `${doc.replace(/\.$/, '')}${def}.` : doc;
    rows.push([left, `${text}${spec.config ? ' (also a key of .image-guard.yml)' : ''}`]);
  }
  rows.push([
    `--format ${FORMATS[command].join('|')}`,
    'Output format. Default: text. gitlab: GitLab Code Quality; junit: JUnit XML (Jenkins, Azure Pipelines, GitLab test reports); checkstyle: checkstyle XML; github: GitHub workflow commands (annotations). Give it more than once, each with an --output, to write several.',
  ]);
  rows.push([
    '-o, --output FILE',
    'Write the --format given in the same place to FILE instead of standard output (- is standard output).',
  ]);
  if (command !== 'lint')
    rows.push([
      '-v, --verbose',
      "Say on standard error how each image was read: its layers' bytes read and skipped (known from the layer cache, or read once for base and head).",
    ]);
  rows.push(['-h, --help', 'This help.']);
  const width = Math.min(34, Math.max(...rows.map(([l]) => l.length)));
  for (const [left, right] of rows) {
    lines.push(
      left.length > width
        ? `  ${left}\n  ${' '.repeat(width)}  ${right}`
        : `  ${left.padEnd(width)}  ${right}`,
    );
  }
  lines.push('', EXIT_STATUS, '');
  return lines.join('\n');
}

export const EXIT_STATUS =
  'Exit status: 0 passed, 1 a budget broken or a finding at or above --fail-on (default error), 2 the run could not be done.';
