// Writes what is generated from the sources' tables: docs/rules.md (from the rule registries); action.yml's
// inputs, the README's and docs/inputs.md's inputs tables and docs/cli.md's flags table (from the table of
// settings); the README's outputs table (from action.yml's outputs); docs/cli.md's usage (from the CLI's own
// `--help` texts).
// Run after changing a rule or a setting:
//   node scripts/gen-docs.mjs
// Tests fail while a committed file differs from what this writes.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  stdin: {
    contents: [
      "export { RULES } from './src/lint/rules/index.ts';",
      "export { CONTENT_RULES } from './src/analysis/content-rules/index.ts';",
      "export * from './src/render/rules-doc.ts';",
      "export * from './src/config/settings-doc.ts';",
      "export { USAGE } from './src/cli/main.ts';",
      "export { commandHelp } from './src/cli/flags.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  write: false,
  logLevel: 'warning',
});
// Written inside node_modules so that the packages it imports resolve as they do for the sources.
const tmp = join(root, 'node_modules', '.cache', `gen-docs-${process.pid}.mjs`);
mkdirSync(dirname(tmp), { recursive: true });
writeFileSync(tmp, result.outputFiles[0].text);
const mod = await import(pathToFileURL(tmp).href).finally(() => rmSync(tmp, { force: true }));
const rewrite = (file, change) => {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};
writeFileSync(join(root, 'docs/rules.md'), mod.renderRulesMarkdown(mod.RULES, mod.CONTENT_RULES));
rewrite('action.yml', (text) => mod.replaceActionInputs(text, mod.renderActionInputs()));
rewrite('README.md', (text) =>
  mod.replaceMarked(
    mod.replaceMarked(text, 'inputs', mod.renderReadmeInputs()),
    'outputs',
    mod.renderOutputsTable(readFileSync(join(root, 'action.yml'), 'utf8')),
  ),
);
rewrite('docs/inputs.md', (text) => mod.replaceMarked(text, 'inputs', mod.renderInputsTable()));
const commands = ['lint', 'analyze', 'compare'];
const help = {
  usage: mod.USAGE,
  commands: Object.fromEntries(commands.map((command) => [command, mod.commandHelp(command)])),
};
rewrite('docs/cli.md', (text) =>
  mod.replaceMarked(
    mod.replaceMarked(text, 'usage', mod.renderCliHelp(help)),
    'flags',
    mod.renderFlagsTable(),
  ),
);
console.log('docs/rules.md, action.yml inputs, the README tables, docs/inputs.md and docs/cli.md written');
