import { describe, hasOption, optionValues, truthy } from '../commands/arguments.js';
import { pipInstallArgs, uvCommand } from '../commands/python.js';
import { graphOf, quote, type Rule, type RuleReport } from '../rule.js';
import type { Mount } from '../stages.js';

const trimSlash = (p: string) => p.replace(/\/+$/, '');

/**
 * A cache or tmpfs mount that holds `tool`'s cache: at the directory the command is told to use
 * (`PIP_CACHE_DIR` / `UV_CACHE_DIR`, `--cache-dir`) when one is named, else at `…/.cache/<tool>` or `…/.cache`
 * (both tools'). A mount of the other tool's cache leaves this one's in the layer.
 */
function mountHoldsCache(
  mounts: readonly Mount[],
  tool: 'pip' | 'uv',
  dirs: (string | undefined)[],
): boolean {
  const named = dirs.filter((d): d is string => !!d?.startsWith('/')).map(trimSlash);
  return mounts.some((m) => {
    if ((m.type !== 'cache' && m.type !== 'tmpfs') || !m.target) return false;
    const t = trimSlash(m.target);
    if (named.length > 0) return named.some((d) => d === t || d.startsWith(`${t}/`));
    return t.endsWith('/.cache') || t.endsWith(`/.cache/${tool}`);
  });
}

export const IG004: Rule = {
  id: 'IG004',
  name: 'pip-cache',
  severity: 'warning',
  summary:
    'In the final lineage, `pip install` without `--no-cache-dir`, or `uv sync` / `uv pip install` without `--no-cache` (unless PIP_NO_CACHE_DIR / UV_NO_CACHE is set, or the RUN mounts a cache where that tool keeps its cache).',
  rationale:
    'pip and uv keep every downloaded wheel in ~/.cache: tens to hundreds of MB that stay in the layer.',
  fix: 'Add `--no-cache-dir` to pip and `--no-cache` to uv, or use `RUN --mount=type=cache,target=/root/.cache/pip …`.',
  check(ctx) {
    const g = graphOf(ctx);
    const out: RuleReport[] = [];
    for (const stage of g.lineage) {
      for (const instr of stage.body) {
        if (instr.keyword !== 'RUN') continue;
        const run = ctx.run(instr);
        const vars = ctx.vars(g.final, instr);
        for (const cmd of run.commands) {
          const pip = pipInstallArgs(cmd);
          if (
            pip &&
            !hasOption(pip.options, '--no-cache-dir') &&
            !truthy(cmd.env.PIP_NO_CACHE_DIR ?? vars.get('PIP_NO_CACHE_DIR')) &&
            !mountHoldsCache(run.mounts, 'pip', [
              ...optionValues(pip.options, '--cache-dir'),
              cmd.env.PIP_CACHE_DIR ?? vars.get('PIP_CACHE_DIR'),
            ])
          ) {
            out.push({
              line: instr.line,
              message: `${quote(instr)} runs \`${describe(cmd)}\` without \`--no-cache-dir\`: pip's download cache stays in the image. Write \`pip install --no-cache-dir …\`.`,
              fix: 'Add `--no-cache-dir` (or set `ENV PIP_NO_CACHE_DIR=1` earlier, or mount a cache: `RUN --mount=type=cache,target=/root/.cache/pip`).',
            });
            break;
          }
          const uv = uvCommand(cmd);
          if (
            uv &&
            !hasOption(uv.options, '--no-cache', '--no-cache-dir', '-n') &&
            !truthy(cmd.env.UV_NO_CACHE ?? vars.get('UV_NO_CACHE')) &&
            !mountHoldsCache(run.mounts, 'uv', [
              ...optionValues(uv.options, '--cache-dir'),
              cmd.env.UV_CACHE_DIR ?? vars.get('UV_CACHE_DIR'),
            ])
          ) {
            out.push({
              line: instr.line,
              message: `${quote(instr)} runs \`${describe(cmd)}\` without \`--no-cache\`: uv's cache stays in the image. Add \`--no-cache\`.`,
              fix: 'Add `--no-cache` (or set `ENV UV_NO_CACHE=1` earlier, or mount a cache: `RUN --mount=type=cache,target=/root/.cache/uv`).',
            });
            break;
          }
        }
      }
    }
    return out;
  },
};
