import { formatBytes } from '../../core/size.js';
import { builtStages, isWholeContextCopy, quote, type Rule } from '../rule.js';

export const IG008: Rule = {
  id: 'IG008',
  name: 'dockerignore',
  severity: 'warning',
  summary:
    'A whole-context copy exists and the context has no .dockerignore, or it holds .git, .venv, venv, node_modules, __pycache__, .env, .pytest_cache or .mypy_cache that the ignore file does not exclude.',
  rationale:
    'Everything the context holds is sent to the engine and, through `COPY . .`, lands in the image: VCS history, local virtualenvs, caches and secrets.',
  fix: 'Add a .dockerignore listing .git, .venv, venv, node_modules, __pycache__, .env, .pytest_cache and .mypy_cache.',
  check(ctx) {
    if (!ctx.context) return [];
    const copy = builtStages(ctx)
      .flatMap((s) => s.body)
      .filter((i) => isWholeContextCopy(ctx, i))
      .sort((a, b) => a.line - b.line)[0];
    if (!copy) return [];
    const { heavy, ignoreFile } = ctx.context;
    const bytes = heavy.reduce((sum, h) => sum + h.bytes, 0);
    const listed = heavy
      .slice(0, 6)
      .map((h) => `${h.path} (${formatBytes(h.bytes)})`)
      .join(', ');
    const extra = heavy.length > 6 ? ` and ${heavy.length - 6} more` : '';
    const names = [...new Set(heavy.map((h) => h.path.split('/').pop()!))];
    const lines = names.map((n) => (n === '.env' ? '.env' : `**/${n}`));
    if (ignoreFile === null) {
      return [
        {
          line: copy.line,
          message: `${quote(copy)} sends the whole build context, and there is no .dockerignore (nor ${ctx.dockerfileName}.dockerignore)${heavy.length ? `: ${listed}${extra} go into the image` : ''}. Add a .dockerignore${heavy.length ? ` (it would save ${formatBytes(bytes)})` : ''}.`,
          fix: `Create .dockerignore with at least: ${(lines.length ? lines : ['.git', '**/__pycache__', '.venv', 'node_modules', '.env']).join(', ')}.`,
          bytes: heavy.length ? bytes : null,
        },
      ];
    }
    if (heavy.length === 0) return [];
    // a name the ignore file re-includes something of (`!.git/HEAD`) is kept on purpose: excluding it again
    // would undo that, so the advice leaves it out and says why
    const exceptions = ctx.context.reincluded ?? [];
    const keptBy = (name: string) => exceptions.filter((e) => e.split('/').includes(name));
    const kept = names.filter((n) => keptBy(n).length > 0);
    const add = lines.filter((_, k) => !kept.includes(names[k]!));
    const why = kept.length
      ? `${kept.map((n) => `\`${n}\``).join(', ')} ${kept.length > 1 ? 'are' : 'is'} left as ${ignoreFile} has ${kept.length > 1 ? 'them' : 'it'}: it re-includes ${kept
          .flatMap(keptBy)
          .map((e) => `\`!${e}\``)
          .join(', ')} on purpose.`
      : '';
    return [
      {
        line: copy.line,
        message: `${quote(copy)} sends the whole build context, and ${ignoreFile} lets ${listed}${extra} through: ${formatBytes(bytes)} that do not belong in the image.${add.length ? ' Exclude them.' : ''}`,
        fix: add.length
          ? `Add to ${ignoreFile}: ${add.join(', ')}.${why ? ` ${why}` : ''}`
          : `Nothing to add: ${why} When only that is meant to reach the image, silence this finding with \`# image-guard ignore=IG008\` above the COPY.`,
        bytes,
      },
    ];
  },
};
