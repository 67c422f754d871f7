// Writes what is generated from the sources' tables: docs/rules.md and the README's rules section (from the rule
// registries), action.yml's inputs and the README's inputs and flags tables (from the table of settings).
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
      "export * from './src/lint/rules-doc.ts';",
      "export * from './src/config/settings-doc.ts';",
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
    mod.replaceMarked(
      mod.replaceReadmeRules(text, mod.renderReadmeRules(mod.RULES, mod.CONTENT_RULES)),
      'inputs',
      mod.renderInputsTable(),
    ),
    'flags',
    mod.renderFlagsTable(),
  ),
);
console.log('docs/rules.md, action.yml inputs and the README tables written');
