import { hasOption, optionValues, truthy } from '../commands/arguments.js';
import { npmInstall } from '../commands/javascript.js';
import { pipenvInstall, poetryInstall, uvCommand } from '../commands/python.js';
import { graphOf, quote, type Rule, type RuleReport } from '../rule.js';

function listHas(values: string[], word: string): boolean {
  return values.some((v) =>
    v
      .split(',')
      .map((x) => x.trim())
      .includes(word),
  );
}

export const IG013: Rule = {
  id: 'IG013',
  name: 'dev-deps',
  severity: 'warning',
  summary:
    'In the final lineage: `uv sync` without `--no-dev` (or `--no-default-groups` / `--only-group NAME` without dev asked back); `npm ci`/`npm install` without `--omit=dev` (unless NODE_ENV=production); `poetry install` without `--without dev`/`--only main`; `pipenv install --dev`.',
  rationale:
    'Test runners, linters and type checkers ship in the production image: larger, and more to patch.',
  fix: 'Install production dependencies only: `uv sync --no-dev`, `npm ci --omit=dev`, `poetry install --without dev`.',
  check(ctx) {
    const g = graphOf(ctx);
    const out: RuleReport[] = [];
    for (const stage of g.lineage) {
      for (const instr of stage.body) {
        if (instr.keyword !== 'RUN') continue;
        const vars = ctx.vars(g.final, instr);
        for (const cmd of ctx.run(instr).commands) {
          const env = (k: string) => cmd.env[k] ?? vars.get(k);
          let problem: string | null = null;
          const uv = uvCommand(cmd);
          if (uv?.kind === 'sync') {
            // `--no-default-groups` and `--only-group NAME` leave dev out unless dev is asked for again
            const devAsked =
              hasOption(uv.options, '--all-groups', '--dev') ||
              listHas(optionValues(uv.options, '--group'), 'dev');
            const defaultsDropped =
              hasOption(uv.options, '--no-default-groups') ||
              optionValues(uv.options, '--only-group').some((v) => v !== 'dev');
            const noDev =
              hasOption(uv.options, '--no-dev') ||
              listHas(optionValues(uv.options, '--no-group'), 'dev') ||
              truthy(env('UV_NO_DEV')) ||
              (defaultsDropped && !devAsked);
            // a word the shell builds at run time (`uv sync $GROUP_FLAGS`) may hold the flag: never fire on it
            const unknowable = cmd.argv.some((a) => a.includes('$'));
            if (!noDev && !unknowable)
              problem = '`uv sync` installs the dev dependency group: add `--no-dev`';
          }
          const npm = npmInstall(cmd);
          if (npm && (npm.kind === 'ci' || npm.packages.length === 0)) {
            const prod =
              listHas(optionValues(npm.options, '--omit'), 'dev') ||
              (hasOption(npm.options, '--production') && !npm.options.includes('--production=false')) ||
              ['prod', 'production'].some((v) => optionValues(npm.options, '--only').includes(v)) ||
              env('NODE_ENV') === 'production' ||
              truthy(env('NPM_CONFIG_PRODUCTION')) ||
              (env('NPM_CONFIG_OMIT') ?? '').split(/[ ,]/).includes('dev');
            if (!prod)
              problem = `\`npm ${npm.kind === 'ci' ? 'ci' : 'install'}\` installs devDependencies: add \`--omit=dev\` (or set \`ENV NODE_ENV=production\` before it)`;
          }
          const poetry = poetryInstall(cmd);
          if (poetry) {
            const prod =
              listHas(optionValues(poetry, '--without'), 'dev') ||
              optionValues(poetry, '--only').some((v) => !v.split(',').includes('dev')) ||
              hasOption(poetry, '--no-dev', '--only-root');
            if (!prod)
              problem = '`poetry install` installs the dev group: add `--without dev` (or `--only main`)';
          }
          const pipenv = pipenvInstall(cmd);
          if (pipenv && (pipenv.includes('--dev') || pipenv.includes('-d'))) {
            problem = '`pipenv install --dev` installs the dev packages: drop `--dev` (and use `--deploy`)';
          }
          if (problem) {
            out.push({
              line: instr.line,
              message: `${quote(instr)}: ${problem}, so test and lint tools do not ship in the image.`,
            });
            break;
          }
        }
      }
    }
    return out;
  },
};
