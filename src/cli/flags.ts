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
  lint: '<Dockerfile>',
  analyze: '<IMAGE>',
  compare: null,
};

export const settingsOf = (command: Command): SettingName[] =>
  SETTING_NAMES.filter((name) => specOf(name).commands.includes(command));

const isSwitch = (name: SettingName) => typeof specOf(name).default === 'boolean';

export interface ParsedFlags {
  written: Partial<Record<SettingName, Written>>;
  format: string;
  positionals: string[];
  help: boolean;
}

/** The command's flags: every bad one reported at once, with where to read more. */
export function parseFlags(command: Command, argv: string[]): ParsedFlags {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  };
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
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const written: Partial<Record<SettingName, Written>> = {};
  for (const name of settingsOf(command)) {
    const flag = flagOf(name);
    const value = values[flag.slice(2)];
    if (value === undefined) continue;
    written[name] = {
      text: typeof value === 'boolean' ? String(!flag.startsWith('--no-')) : value,
      shown: flag,
    };
  }
  let format = 'text';
  if (typeof values.format === 'string') {
    const f = parseFormat(command, values.format.trim());
    if ('problem' in f) throw new UserError(`--format ${JSON.stringify(values.format)} ${f.problem}`);
    format = f.value;
  }
  const max = POSITIONAL[command] ? 1 : 0;
  if (parsed.positionals.length > max)
    throw new UserError(`unexpected argument "${parsed.positionals[max]}" (image-guard ${command} --help)`);
  return { written, format, positionals: parsed.positionals, help: values.help === true };
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
  parts.push(`[--format ${FORMATS[command].join('|')}]`);
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
  rows.push([`--format ${FORMATS[command].join('|')}`, 'Output format. Default: text.']);
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
