// Writes docs/rules.md from the rule registry (src/lint/rules/index.ts). Run after changing a rule:
//   node scripts/gen-rules-doc.mjs
// test/lint/rules-doc.test.ts fails while the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  stdin: {
    contents:
      "export { RULES } from './src/lint/rules/index.ts'; export { renderRulesMarkdown } from './src/lint/rules-doc.ts';",
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
writeFileSync(join(root, 'docs/rules.md'), mod.renderRulesMarkdown(mod.RULES));
console.log('docs/rules.md written');
