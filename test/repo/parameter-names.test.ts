// Issue 19: an exported function of the entry points, the application layer, the renderers and the GitHub
// adapter says what it takes. `publishReport(p, …)` made every reader look up what `p` was; a one-letter `a`,
// `p` or `r` is refused there. Read with TypeScript's parser, so that multi-line signatures count too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const FOLDERS = ['src/action', 'src/app', 'src/render', 'src/cli', 'src/github'];
const REFUSED = new Set(['a', 'p', 'r']);

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** `file:line name(param)` for each parameter of an exported function (declared or a const) named in `refused`. */
function refusedParameters(file: string, text: string, refused: ReadonlySet<string>): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const exported = (node: ts.Node) =>
    (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
  const found: string[] = [];
  const check = (name: string, fn: ts.SignatureDeclarationBase) => {
    for (const param of fn.parameters) {
      const shown = param.name.getText(source);
      if (!refused.has(shown)) continue;
      const line = source.getLineAndCharacterOfPosition(param.getStart(source)).line + 1;
      found.push(`${file}:${line} ${name}(${shown})`);
    }
  };
  for (const node of source.statements) {
    if (ts.isFunctionDeclaration(node) && exported(node)) check(node.name?.text ?? 'default', node);
    if (ts.isVariableStatement(node) && exported(node))
      for (const d of node.declarationList.declarations) {
        const init = d.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          check(d.name.getText(source), init);
      }
  }
  return found;
}

it('no exported function there has a parameter named a, p or r', () => {
  const found = FOLDERS.flatMap((folder) =>
    sources(join(root, folder)).flatMap((file) =>
      refusedParameters(relative(root, file), readFileSync(file, 'utf8'), REFUSED),
    ),
  );
  expect(found).toEqual([]);
});

it('finds them in one-line and multi-line signatures, and in exported arrow functions', () => {
  const text = [
    'export function one(p: string) {}',
    'export async function two(',
    '  a: { x: number },',
    '  other: string,',
    ') {}',
    'export const three = (r: number) => r;',
    'function inner(p: string) {}',
    'export function fine(request: string) {}',
  ].join('\n');
  expect(refusedParameters('x.ts', text, REFUSED)).toEqual([
    'x.ts:1 one(p)',
    'x.ts:3 two(a)',
    'x.ts:6 three(r)',
  ]);
});
