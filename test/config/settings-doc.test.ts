// The table of settings is the one source: action.yml, the README's tables and each command's --help are held
// against it here (run `node scripts/gen-docs.mjs` after changing a setting).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandHelp, settingsOf } from '../../src/cli/flags.js';
import { main } from '../../src/cli/main.js';
import { flagOf, SETTING_NAMES, specOf } from '../../src/config/settings.js';
import {
  renderActionInputs,
  renderFlagsTable,
  renderInputsTable,
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

  it("the README's inputs and flags tables are what the table renders", () => {
    const readme = read('README.md');
    expect(readme).toBe(
      replaceMarked(replaceMarked(readme, 'inputs', renderInputsTable()), 'flags', renderFlagsTable()),
    );
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
