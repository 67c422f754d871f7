// Runs lint and then the fixer on a Dockerfile text (and a context listing), as `lint --fix` does.
import { memoryTree, walkContext } from '../../../src/lint/context.js';
import { lint } from '../../../src/lint/engine.js';
import { type FixContext, type FixResult, fixDockerfile } from '../../../src/lint/fix/index.js';

export interface FixCase {
  code: string;
  /** Context listing (`{ 'package-lock.json': 10 }`); absent: no context. */
  context?: Record<string, number>;
  dockerignore?: string | null;
  /** Paths of the context that are archives by content. */
  archives?: string[];
}

export function contextOf(c: FixCase): FixContext | null {
  if (!c.context) return null;
  const tree = memoryTree(c.context);
  const ignore = c.dockerignore ?? null;
  return {
    info: walkContext(tree, ignore, ignore === null ? null : '.dockerignore'),
    ignoreText: ignore,
    ignorePath: '.dockerignore',
    withIgnore: (text) => walkContext(tree, text, '.dockerignore'),
    kindOf: (p) =>
      c.archives?.includes(p)
        ? 'archive'
        : p in c.context!
          ? 'file'
          : `${p}/` in c.context!
            ? 'dir'
            : 'missing',
  };
}

export function runFix(c: FixCase, text = c.code, ignore = c.dockerignore): FixResult {
  const context = contextOf({ ...c, code: text, dockerignore: ignore });
  const findings = lint(text, context?.info ?? null, { file: 'Dockerfile' });
  return fixDockerfile({ text, findings, context, options: { file: 'Dockerfile' } });
}
