// The table of settings is the one source: action.yml, the README's inputs, docs/inputs.md, docs/cli.md and each command's
// --help are held against it here, and the README's outputs table against action.yml (run
// `node scripts/gen-docs.mjs` after changing a setting or an output).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandHelp, settingsOf } from '../../src/cli/flags.js';
import { main, USAGE } from '../../src/cli/main.js';
import { flagOf, SETTING_NAMES, specOf } from '../../src/config/settings.js';
import {
  README_INPUT_GROUPS,
  renderActionInputs,
  renderCliHelp,
  renderFlagsTable,
  renderInputsTable,
  renderOutputsTable,
  renderReadmeInputs,
  replaceActionInputs,
  replaceMarked,
} from '../../src/config/settings-doc.js';
import { captureIO } from '../support/cli-io.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the table of settings against what users read', () => {
  it("action.yml's inputs are what the table renders", () => {
    const yml = read('action.yml');
    expect(yml).toBe(replaceActionInputs(yml, renderActionInputs()));
  });

  it('action.yml declares no default for a setting the config file can set, and the right one elsewhere', () => {
    const inputs = (parse(read('action.yml')) as { inputs: Record<string, { default?: string }> }).inputs;
    for (const name of SETTING_NAMES) {
      const spec = specOf(name);
      if (!spec.input) {
        expect(inputs[name]).toBeUndefined();
        continue;
      }
      expect(inputs[name], name).toBeDefined();
      if (spec.config) expect(inputs[name]!.default, name).toBeUndefined();
      else expect(inputs[name]!.default, name).toBe(spec.actionDefault);
    }
  });

  it("the README's inputs are what the table renders, and its outputs table what action.yml declares", () => {
    const readme = read('README.md');
    expect(readme).toBe(
      replaceMarked(
        replaceMarked(readme, 'inputs', renderReadmeInputs()),
        'outputs',
        renderOutputsTable(read('action.yml')),
      ),
    );
    const outputs = Object.keys((parse(read('action.yml')) as { outputs: Record<string, unknown> }).outputs);
    for (const name of outputs) expect(readme).toContain(`| \`${name}\` |`);
  });

  it('the README names every input: a row each, or in the line of its group; docs/inputs.md has them all', () => {
    const readme = read('README.md');
    const doc = read('docs/inputs.md');
    expect(doc).toBe(replaceMarked(doc, 'inputs', renderInputsTable()));
    const grouped = README_INPUT_GROUPS.flatMap((g) => g.names);
    expect(new Set(grouped).size).toBe(grouped.length);
    for (const name of SETTING_NAMES.filter((n) => specOf(n).input)) {
      expect(doc).toContain(`| \`${name}\` |`);
      if (grouped.includes(name)) expect(readme).toMatch(new RegExp(`: [^\\n]*\`${name}\`[,.]`));
      else expect(readme).toContain(`| \`${name}\` |`);
    }
    for (const name of grouped) expect(specOf(name).input, name).toBe(true);
  });

  it("docs/cli.md's usage is what the CLI prints for --help, and its flags table what the table renders", async () => {
    const printed = async (argv: string[]) => {
      const t = captureIO();
      expect(await main(argv, t.io)).toBe(0);
      return t.out();
    };
    const help = {
      usage: await printed(['--help']),
      commands: {
        lint: await printed(['lint', '--help']),
        analyze: await printed(['analyze', '--help']),
        compare: await printed(['compare', '--help']),
      },
    };
    expect(help.usage).toBe(USAGE);
    const doc = read('docs/cli.md');
    expect(doc).toBe(
      replaceMarked(replaceMarked(doc, 'usage', renderCliHelp(help)), 'flags', renderFlagsTable()),
    );
    for (const text of Object.values(help.commands)) expect(doc).toContain(text.trimEnd());
  });

  it.each(['lint', 'analyze', 'compare'] as const)(
    '`%s --help` lists every flag the table gives it',
    async (command) => {
      const help = commandHelp(command);
      for (const name of settingsOf(command)) expect(help).toContain(flagOf(name));
      const t = captureIO();
      expect(await main([command, '--help'], t.io)).toBe(0);
      expect(t.out()).toBe(help);
    },
  );

  it('every flag of every command parses: a setting the table does not give a command is refused', async () => {
    const t = captureIO();
    expect(await main(['lint', 'Dockerfile', '--max-size', '1GB'], t.io)).toBe(2);
    expect(t.err()).toMatch(
      /^image-guard: error: Unknown option '--max-size' \(image-guard lint --help\)\n$/,
    );
  });
});
