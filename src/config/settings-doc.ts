// action.yml's inputs and the docs' settings tables, written from the table of settings; the README's outputs
// table, written from action.yml; docs/cli.md's usage, written from each command's `--help` (scripts/gen-docs.mjs
// writes them; tests fail while a committed file differs).
import { parse, stringify } from 'yaml';
import { type Command, FORMATS, flagOf, SETTING_NAMES, type SettingName, specOf } from './settings.js';

const yamlText = (s: string) => stringify(s, { lineWidth: 0 }).trim();

/** The `inputs:` block of action.yml. */
export function renderActionInputs(): string {
  const out = ['inputs:'];
  for (const name of SETTING_NAMES) {
    const spec = specOf(name);
    if (!spec.input) continue;
    const def = spec.actionDefault;
    const shownDefault = spec.config && spec.defaultDoc ? ` Default: ${spec.defaultDoc}.` : '';
    out.push(`  ${name}:`, `    description: ${yamlText(`${spec.doc}${shownDefault}`)}`);
    if (def !== undefined) out.push(`    default: ${def.startsWith('${{') ? def : yamlText(def)}`);
    else out.push('    required: false');
  }
  return `${out.join('\n')}\n`;
}

/** action.yml with its `inputs:` block replaced by `block`. */
export function replaceActionInputs(actionYml: string, block: string): string {
  const start = actionYml.indexOf('\ninputs:\n');
  const end = actionYml.indexOf('\noutputs:\n');
  if (start < 0 || end < start) throw new Error('action.yml has no inputs: block followed by outputs:');
  return `${actionYml.slice(0, start + 1)}${block}${actionYml.slice(end + 1)}`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/**
 * Inputs the README names in a line under its table instead of giving each a row, so that it stays short;
 * docs/inputs.md has every input. Every other input gets a row in the README: a new one is shown unless it is
 * added here.
 */
export const README_INPUT_GROUPS: readonly { title: string; names: readonly SettingName[] }[] = [
  {
    title: 'Build options, as docker/build-push-action names them',
    names: [
      'platform',
      'secrets',
      'secret-files',
      'secret-envs',
      'ssh',
      'cache-from',
      'cache-to',
      'build-contexts',
      'builder',
      'network',
      'pull',
      'labels',
      'provenance',
      'sbom',
    ],
  },
  { title: 'Where the base comes from, besides `base-image`', names: ['base-ref', 'base-source'] },
  {
    title: 'What is measured besides sizes',
    names: [
      'files',
      'pull-size',
      'cache-probe',
      'pull-bandwidth',
      'build-time',
      'startup-probe',
      'startup-runs',
      'startup-timeout',
    ],
  },
  {
    title:
      '[Size history](docs/recipes.md#size-history), [one comment for many images](docs/recipes.md#many-images)',
    names: ['history-branch', 'history-limit', 'reports'],
  },
  {
    title: 'Trust and limits',
    names: ['policy-from', 'allow-untrusted-build', 'engine-timeout'],
  },
];

const inputNames = (): SettingName[] => SETTING_NAMES.filter((name) => specOf(name).input);

function inputsTable(names: readonly SettingName[]): string[] {
  const rows = ['| input | default | `.image-guard.yml` | meaning |', '|---|---|---|---|'];
  for (const name of names) {
    const spec = specOf(name);
    const def = spec.defaultDoc ? `\`${cell(spec.defaultDoc)}\`` : '';
    rows.push(`| \`${name}\` | ${def} | ${spec.config ? 'yes' : ''} | ${cell(spec.doc)} |`);
  }
  return rows;
}

/** docs/inputs.md's table: every input, its default, whether the config file takes it, its meaning. */
export function renderInputsTable(): string {
  return inputsTable(inputNames()).join('\n');
}

/** The README's inputs: a row for each input outside README_INPUT_GROUPS, then a line naming each group's. */
export function renderReadmeInputs(): string {
  const grouped = new Set<string>(README_INPUT_GROUPS.flatMap((g) => g.names));
  const out = inputsTable(inputNames().filter((name) => !grouped.has(name)));
  out.push('');
  for (const group of README_INPUT_GROUPS)
    out.push(`${group.title}: ${group.names.map((n) => `\`${n}\``).join(', ')}.`, '');
  out.push('[docs/inputs.md](docs/inputs.md) has every input with its default and meaning.');
  return out.join('\n');
}

/** The docs' table of CLI flags per command. */
export function renderFlagsTable(): string {
  const rows = ['| flag | lint | analyze | compare | meaning |', '|---|:-:|:-:|:-:|---|'];
  for (const name of SETTING_NAMES) {
    const spec = specOf(name);
    if (spec.commands.length === 0) continue;
    const has = (c: 'lint' | 'analyze' | 'compare') => (spec.commands.includes(c) ? '✓' : '');
    rows.push(
      `| \`${flagOf(name)}\` | ${has('lint')} | ${has('analyze')} | ${has('compare')} | ${cell(spec.doc)} |`,
    );
  }
  rows.push(
    `| \`--format\` | ${FORMATS.lint.join(', ')} | ${FORMATS.analyze.join(', ')} | ${FORMATS.compare.join(', ')} | output format (default text) |`,
  );
  return rows.join('\n');
}

/** The README's table of outputs, from action.yml's `outputs:` (which are hand-written there). */
export function renderOutputsTable(actionYml: string): string {
  const outputs = (parse(actionYml) as { outputs?: Record<string, { description?: string }> }).outputs;
  if (!outputs) throw new Error('action.yml has no outputs');
  const rows = ['| output | meaning |', '|---|---|'];
  for (const [name, { description = '' }] of Object.entries(outputs))
    rows.push(`| \`${name}\` | ${cell(description.trim())} |`);
  return rows.join('\n');
}

/** What `image-guard --help` and `image-guard COMMAND --help` print. */
export interface CliHelp {
  usage: string;
  commands: Record<Command, string>;
}

/** docs/cli.md's usage section: the top-level `--help`, then each command's, verbatim. */
export function renderCliHelp(help: CliHelp): string {
  const block = (command: string, text: string) =>
    ['```text', `$ image-guard ${command}--help`, text.trimEnd(), '```'].join('\n');
  const out = [block('', help.usage)];
  for (const [command, text] of Object.entries(help.commands))
    out.push('', `### \`image-guard ${command}\``, '', block(`${command} `, text));
  return out.join('\n');
}

/** Replaces the text between `<!-- NAME:start … -->` and `<!-- NAME:end -->` in a Markdown file. */
export function replaceMarked(text: string, name: string, body: string): string {
  const startMark = `<!-- ${name}:start (generated by \`node scripts/gen-docs.mjs\`) -->`;
  const endMark = `<!-- ${name}:end -->`;
  const start = text.indexOf(startMark);
  const end = text.indexOf(endMark);
  if (start < 0 || end < start) throw new Error(`no ${startMark} … ${endMark} markers`);
  return `${text.slice(0, start + startMark.length)}\n${body}\n${text.slice(end)}`;
}
