import { hasOption, truthy } from '../commands/arguments.js';
import { npmInstall, yarnInstall } from '../commands/javascript.js';
import { uvCommand } from '../commands/python.js';
import { builtStages, quote, type Rule, type RuleReport } from '../rule.js';

export const IG015: Rule = {
  id: 'IG015',
  name: 'lockfile',
  severity: 'info',
  summary:
    '`uv sync` without `--frozen` or `--locked`; `npm install` with no package arguments (use `npm ci`); `yarn install` / `yarn` without `--frozen-lockfile` or `--immutable`.',
  rationale:
    'Without the lockfile enforced, the image can get other dependency versions than the ones tested.',
  fix: 'Install exactly the lockfile: `uv sync --locked`, `npm ci`, `yarn install --frozen-lockfile` (v1) or `--immutable` (berry).',
  check(ctx) {
    const out: RuleReport[] = [];
    for (const stage of builtStages(ctx)) {
      for (const instr of stage.body) {
        if (instr.keyword !== 'RUN') continue;
        const vars = ctx.vars(stage, instr);
        for (const cmd of ctx.run(instr).commands) {
          const env = (k: string) => cmd.env[k] ?? vars.get(k);
          let problem: string | null = null;
          const uv = uvCommand(cmd);
          if (
            uv?.kind === 'sync' &&
            !hasOption(uv.options, '--frozen', '--locked') &&
            !truthy(env('UV_FROZEN')) &&
            !truthy(env('UV_LOCKED'))
          ) {
            problem = '`uv sync` may re-resolve and update uv.lock: add `--locked` (or `--frozen`)';
          }
          const npm = npmInstall(cmd);
          if (npm?.kind === 'install' && npm.packages.length === 0) {
            problem = '`npm install` may update package-lock.json: use `npm ci`';
          }
          const yarn = yarnInstall(cmd);
          if (
            yarn &&
            !hasOption(yarn, '--frozen-lockfile', '--immutable') &&
            !truthy(env('YARN_ENABLE_IMMUTABLE_INSTALLS'))
          ) {
            problem =
              '`yarn install` may update yarn.lock: add `--frozen-lockfile` (yarn 1) or `--immutable` (yarn 2+)';
          }
          if (problem) {
            out.push({
              line: instr.line,
              message: `${quote(instr)}: ${problem}, so the image gets exactly the tested versions.`,
            });
            break;
          }
        }
      }
    }
    return out;
  },
};
