// Names that explain themselves (issue 19): no exported function or method of an exported class in src/engine
// takes a parameter named `a`, `p` or `r`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '..', 'src', 'engine');
const TERSE = new Set(['a', 'p', 'r']);

it('no exported function in src/engine has a parameter named a, p or r', () => {
  const found: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'))) {
    const source = ts.createSourceFile(
      name,
      readFileSync(join(dir, name), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const exported = (node: ts.Node) =>
      ts.canHaveModifiers(node) &&
      (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
    const check = (where: string, parameters: ts.NodeArray<ts.ParameterDeclaration>) => {
      for (const parameter of parameters) {
        if (TERSE.has(parameter.name.getText(source)))
          found.push(`${name}: ${where}(${parameter.name.getText(source)})`);
      }
    };
    for (const statement of source.statements) {
      if (!exported(statement)) continue;
      if (ts.isFunctionDeclaration(statement)) check(statement.name?.text ?? 'default', statement.parameters);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const value = declaration.initializer;
          if (value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) {
            check(declaration.name.getText(source), value.parameters);
          }
        }
      }
      if (ts.isClassDeclaration(statement)) {
        for (const member of statement.members) {
          if (
            ts.isMethodDeclaration(member) ||
            ts.isConstructorDeclaration(member) ||
            ts.isSetAccessor(member)
          ) {
            check(
              `${statement.name?.text}.${member.name?.getText(source) ?? 'constructor'}`,
              member.parameters,
            );
          }
        }
      }
    }
  }
  expect(found).toEqual([]);
});
