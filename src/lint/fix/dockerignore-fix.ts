// IG008: the entries the ignore file lacks, appended (the file created when there is none). An entry is added
// only when the Dockerfile does not name that path itself (`COPY .env .`, a bind mount of it), the ignore file
// does not re-include anything below it on purpose (`!.git/HEAD`), and the build does not read it: `.git`
// when a RUN runs git or builds a Python project from the context (setuptools-scm and friends read .git),
// `node_modules` when no RUN installs JavaScript dependencies (the image would run the context's), a
// virtualenv the Dockerfile names but never creates.
import { bunInstall, npmInstall, pnpmInstall, yarnInstall } from '../commands/javascript.js';
import { pipInstallArgs, poetryInstall, uvCommand } from '../commands/python.js';
import { analyzeRun } from '../commands/run.js';
import { HEAVY_PATHS } from '../context.js';
import { copySources, hasFromFlag } from '../rule.js';
import { commandName, type ShellCommand } from '../shell.js';
import { mountsOf } from '../stages.js';
import { type FixEnv, type Fixer, left } from './model.js';

/** Builds a Python project from local sources (pip install ., uv sync, poetry install, python -m build …). */
function buildsPythonProject(c: ShellCommand): boolean {
  const pip = pipInstallArgs(c);
  if (pip)
    return (
      pip.positionals.some((p) => /^[./]/.test(p)) || pip.options.some((o) => /^(-e|--editable)/.test(o))
    );
  const uv = uvCommand(c);
  if (uv) return uv.kind === 'sync' || uv.positionals.some((p) => /^[./]/.test(p));
  if (poetryInstall(c)) return true;
  const name = commandName(c.argv[0]!);
  const args = c.argv.slice(1);
  if (/^python(\d+(\.\d+)?)?$/.test(name) && args.includes('-m') && args[args.indexOf('-m') + 1] === 'build')
    return true;
  return (
    ['hatch', 'pdm', 'flit'].includes(name) ||
    (name === 'uv' && args[0] === 'build') ||
    (name === 'poetry' && args[0] === 'build')
  );
}

const installsJs = (c: ShellCommand) =>
  npmInstall(c) !== null || yarnInstall(c) !== null || pnpmInstall(c) !== null || bunInstall(c) !== null;

const createsVenv = (c: ShellCommand) => {
  const name = commandName(c.argv[0]!);
  const uv = uvCommand(c);
  return (
    uv?.kind === 'sync' ||
    (name === 'uv' && c.argv[1] === 'venv') ||
    name === 'virtualenv' ||
    poetryInstall(c) !== null ||
    (/^python/.test(name) && c.argv.includes('venv'))
  );
};

/** Why the build needs a listed path of its context, or null. */
function readByBuild(env: FixEnv, name: string): string | null {
  const commands = env.parsed.instructions
    .filter((i) => i.keyword === 'RUN')
    .flatMap((i) => analyzeRun(i).commands);
  if (name === '.git') {
    const reader = commands.find((c) => commandName(c.argv[0]!) === 'git' || buildsPythonProject(c));
    return reader ? `\`${reader.argv.slice(0, 3).join(' ')}\` may read .git (git, setuptools-scm)` : null;
  }
  if (name === 'node_modules' && !commands.some(installsJs))
    return "no RUN installs JavaScript dependencies: the image may run the context's node_modules";
  if ((name === '.venv' || name === 'venv') && !commands.some(createsVenv)) {
    const word = new RegExp(`(^|[^A-Za-z0-9_.-])${name.replace('.', '\\.')}([^A-Za-z0-9_-]|$)`);
    if (env.parsed.instructions.some((i) => i.keyword !== 'COPY' && i.keyword !== 'ADD' && word.test(i.args)))
      return `the Dockerfile uses \`${name}\` and no RUN creates it`;
  }
  return null;
}

const DEFAULT_ENTRIES = ['.git', '**/__pycache__', '.venv', 'node_modules', '.env'];

export const fixDockerignore: Fixer = (finding, env) => {
  const ctx = env.context;
  if (!ctx) return left(finding, 'not mechanical: no build context');
  const heavy = ctx.info.heavy;
  const names = [...new Set(heavy.map((h) => h.path.split('/').pop()!))];
  const named = new Set<string>();
  for (const i of env.parsed.instructions) {
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || hasFromFlag(i)) continue;
    for (const s of copySources(i)) for (const part of s.split('/')) named.add(part);
  }
  for (const i of env.parsed.instructions) {
    if (i.keyword !== 'RUN') continue;
    for (const m of mountsOf(i)) {
      if (m.type !== 'bind' || m.from) continue;
      for (const part of (m.source ?? '').split('/')) named.add(part);
    }
  }
  const reincluded = (ctx.ignoreText ?? '')
    .split(/\r?\n/)
    .filter((l) => l.trim().startsWith('!'))
    .join('\n');
  const entries: string[] = [];
  for (const name of names.length > 0 || ctx.ignoreText !== null ? names : DEFAULT_ENTRIES) {
    const bare = name.replace(/^\*\*\//, '');
    if (!HEAVY_PATHS.includes(bare)) continue;
    if (named.has(bare)) return left(finding, `unsafe here: the Dockerfile copies \`${bare}\` by name`);
    const reader = names.length > 0 ? readByBuild(env, bare) : null;
    if (reader) return left(finding, `unsafe here: ${reader}`);
    if (reincluded.includes(bare))
      return left(finding, `unsafe here: the ignore file re-includes something in \`${bare}\``);
    // at any depth, as IG008's advice writes them; `.env` at the root only when every one is there
    const rootOnly = heavy
      .filter((h) => h.path.split('/').pop() === bare)
      .every((h) => !h.path.includes('/'));
    entries.push(bare === '.env' && rootOnly ? '.env' : `**/${bare}`);
  }
  if (entries.length === 0) return left(finding, 'not mechanical: nothing listed is in the context');
  const old = ctx.ignoreText;
  const eol = old?.includes('\r\n') ? '\r\n' : '\n';
  const head = old === null ? '' : old === '' || old.endsWith('\n') ? old : `${old}${eol}`;
  const text = `${head}${entries.join(eol)}${eol}`;
  return {
    finding,
    edits: [],
    ignoreText: text,
    summary: `${old === null ? 'created' : 'added to'} ${ctx.ignorePath}: ${entries.join(', ')}`,
  };
};
