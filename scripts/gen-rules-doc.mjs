// Writes docs/rules.md and the README's rules section from the rule registries. Run after changing a rule:
//   node scripts/gen-rules-doc.mjs
// test/lint/rules-doc.test.ts fails while the committed file differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  stdin: {
    contents:
      "export { RULES } from './src/lint/rules/index.ts'; export { CONTENT_RULES } from './src/analysis/content-rules/index.ts'; export * from './src/lint/rules-doc.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const mod = await import(
  `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`
);
writeFileSync(join(root, 'docs/rules.md'), mod.renderRulesMarkdown(mod.RULES, mod.CONTENT_RULES));
const readme = join(root, 'README.md');
writeFileSync(
  readme,
  mod.replaceReadmeRules(readFileSync(readme, 'utf8'), mod.renderReadmeRules(mod.RULES, mod.CONTENT_RULES)),
);
console.log('docs/rules.md and the rules section of README.md written');
