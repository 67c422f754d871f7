import { dependencyInstall } from '../commands/dependency-install.js';
import { contextPath, globToRegExp, isGlob } from '../context.js';
import type { Instruction } from '../parse.js';
import {
  builtStages,
  hasFromFlag,
  isUrl,
  isWholeContextCopy,
  quote,
  type Rule,
  type RuleContext,
  type RuleReport,
} from '../rule.js';
import { commandName } from '../shell.js';

const MANIFESTS = new Set([
  'pyproject.toml',
  'uv.lock',
  'poetry.lock',
  'pipfile',
  'pipfile.lock',
  'setup.cfg',
  '.python-version',
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  '.npmrc',
  '.yarnrc',
  '.yarnrc.yml',
  '.nvmrc',
  'go.mod',
  'go.sum',
  'gemfile',
  'gemfile.lock',
  'composer.json',
  'composer.lock',
  'cargo.toml',
  'cargo.lock',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'settings.gradle',
  'settings.gradle.kts',
  'gradle.properties',
  '.ruby-version',
  '.tool-versions',
  'pnpm-workspace.yaml',
  'bun.lock',
  'bun.lockb',
  // the Maven wrapper (mvnw and .mvn/) and Symfony Flex's lock pick what the install fetches: not source
  'mvnw',
  'mvnw.cmd',
  'symfony.lock',
  // Leiningen and Mix
  'project.clj',
  'mix.exs',
  'mix.lock',
]);
/** dotnet restore's inputs: the project and solution files and the files that set packages and the SDK. */
const DOTNET_MANIFESTS = new Set([
  'nuget.config',
  'directory.build.props',
  'directory.packages.props',
  'global.json',
  'packages.lock.json',
]);
const DOTNET_PROJECT = /\.(csproj|fsproj|vbproj|sln|slnx)$/i;
/** Directories that hold only dependency inputs: yarn's releases, plugins and patches; requirement files; patch-package patches; the Maven wrapper's settings. */
const MANIFEST_DIRS = new Set(['.yarn', 'requirements', 'patches', '.mvn']);

function inManifestDir(path: string): boolean {
  return path.split('/').some((part) => MANIFEST_DIRS.has(part));
}
const MANIFEST_NAMES = [
  ...MANIFESTS,
  'requirements.txt',
  'requirements-dev.txt',
  'NuGet.config',
  'Directory.Build.props',
  'Directory.Packages.props',
  'global.json',
  'packages.lock.json',
  'App.csproj',
  'App.fsproj',
  'App.vbproj',
  'App.sln',
  'App.slnx',
];

export function isManifest(name: string): boolean {
  if (inManifestDir(name.replace(/\/+$/, ''))) return true;
  const base = name.split('/').pop()!;
  // Pipfile and Gemfile are spelled with a capital; compare case-sensitively except for those two
  if (base === 'Pipfile' || base === 'Pipfile.lock' || base === 'Gemfile' || base === 'Gemfile.lock')
    return true;
  if (MANIFESTS.has(base) && base === base.toLowerCase()) return true;
  if (base === 'Cargo.toml' || base === 'Cargo.lock') return true;
  // NuGet.config is also written nuget.config or NuGet.Config; MSBuild's names are matched the same way
  if (DOTNET_MANIFESTS.has(base.toLowerCase()) || DOTNET_PROJECT.test(base)) return true;
  return /^requirements.*\.txt$/.test(base);
}

const WHOLE = new Set(['.', './', '*', './*']);

/** True when a COPY source brings more than dependency manifests. */
function bringsSource(src: string, ctx: RuleContext, fileSet: ReadonlySet<string>): boolean {
  if (WHOLE.has(src)) return true;
  if (src.includes('$')) return false;
  const p = contextPath(src);
  if (p === '') return true;
  const c = ctx.context;
  if (c) {
    if (isGlob(p)) {
      const re = globToRegExp(p);
      const files = c.files.filter((f) => re.test(f));
      const dirs = [...c.dirs].filter((d) => re.test(d));
      if (files.length + dirs.length > 0)
        return dirs.some((d) => !inManifestDir(d)) || files.some((f) => !isManifest(f));
    } else if (c.dirs.has(p)) return !inManifestDir(p);
    else if (fileSet.has(p)) return !isManifest(p);
  }
  if (src.endsWith('/')) return !inManifestDir(p);
  if (isGlob(p)) {
    const re = globToRegExp(p.split('/').pop()!);
    return !MANIFEST_NAMES.some((m) => re.test(m) || re.test(m.replace(/^./, (x) => x.toUpperCase())));
  }
  return !isManifest(p);
}

function isContextCopy(instr: Instruction): boolean {
  return (
    (instr.keyword === 'COPY' || instr.keyword === 'ADD') &&
    !hasFromFlag(instr) &&
    instr.heredocs.length === 0
  );
}

const MANIFESTS_OF: Record<string, string> = {
  uv: 'pyproject.toml and uv.lock',
  poetry: 'pyproject.toml and poetry.lock',
  pipenv: 'Pipfile and Pipfile.lock',
  npm: 'package.json and package-lock.json',
  yarn: 'package.json and yarn.lock',
  pnpm: 'package.json and pnpm-lock.yaml',
  bun: 'package.json and bun.lock',
  go: 'go.mod and go.sum',
  bundle: 'Gemfile and Gemfile.lock',
  composer: 'composer.json and composer.lock',
  cargo: 'Cargo.toml and Cargo.lock',
  mvn: 'pom.xml',
};

/** The manifests to copy first: the requirement files pip names, else the tool's usual pair. */
function manifestsFor(tool: string, argv: readonly string[]): string {
  if (tool === 'pip' || tool === 'uv') {
    const files: string[] = [];
    for (let k = 0; k < argv.length; k++) {
      const a = argv[k]!;
      if ((a === '-r' || a === '--requirement') && argv[k + 1]) files.push(argv[k + 1]!);
      else if (a.startsWith('--requirement=')) files.push(a.slice(14));
      else if (/^-r./.test(a)) files.push(a.slice(2));
    }
    if (files.length) return files.join(' and ');
    if (tool === 'pip') return 'the requirements files';
  }
  return MANIFESTS_OF[tool] ?? 'the dependency manifests';
}

/** The command with `flag` added after its subcommand words, unless it has it already. */
function withFlag(argv: readonly string[], words: number, flag: string): string {
  if (argv.includes(flag)) return argv.join(' ');
  return [...argv.slice(0, words), flag, ...argv.slice(words)].join(' ');
}

/** `COPY a b ./` per destination directory: `requirements/prod.txt` goes to `requirements/`. */
function copyLines(files: readonly string[]): string[] {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const slash = f.lastIndexOf('/');
    const dir = slash < 0 ? './' : `${f.slice(0, slash + 1)}`;
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  return [...byDir].map(([dir, fs]) => `COPY ${fs.join(' ')} ${dir}`);
}

/**
 * The install split the way its own tool documents: what to copy and run before the source copy, and what to
 * run after it (uv's --no-install-project, poetry's --no-root, pnpm fetch then an offline install, composer
 * without scripts and autoloader).
 */
function manifestFirst(
  tool: string,
  argv: readonly string[],
  ctx: RuleContext,
): { before: string[]; after: string[]; note: string } {
  const cmd = argv.join(' ');
  const positionals = argv.slice(1).filter((a) => !a.startsWith('-'));
  const has = (path: string) => ctx.context?.files.includes(path) || ctx.context?.dirs.has(path);
  switch (tool) {
    case 'pip':
    case 'uv': {
      if (tool === 'uv' && positionals[0] === 'sync')
        return {
          before: ['COPY pyproject.toml uv.lock ./', `RUN ${withFlag(argv, 2, '--no-install-project')}`],
          after: [`RUN ${cmd}`],
          note: '',
        };
      const files = manifestsFor(tool, argv).split(' and ');
      return {
        before: [
          ...copyLines(files.length && !files[0]!.startsWith('the ') ? files : ['requirements.txt']),
          `RUN ${cmd}`,
        ],
        after: [],
        note: '',
      };
    }
    case 'poetry':
      return {
        before: ['COPY pyproject.toml poetry.lock ./', `RUN ${withFlag(argv, 2, '--no-root')}`],
        after: [`RUN ${cmd}`],
        note: '',
      };
    case 'pipenv':
      return { before: ['COPY Pipfile Pipfile.lock ./', `RUN ${cmd}`], after: [], note: '' };
    case 'npm':
      return { before: ['COPY package.json package-lock.json ./', `RUN ${cmd}`], after: [], note: '' };
    case 'yarn': {
      // yarn berry reads its settings, release and plugins before it installs
      const berry = has('.yarnrc.yml') || has('.yarn') || argv.includes('--immutable');
      return {
        before: berry
          ? ['COPY package.json yarn.lock .yarnrc.yml ./', 'COPY .yarn/ .yarn/', `RUN ${cmd}`]
          : ['COPY package.json yarn.lock ./', `RUN ${cmd}`],
        after: [],
        note: '',
      };
    }
    case 'pnpm':
      return positionals[0] === 'fetch'
        ? { before: ['COPY pnpm-lock.yaml ./', `RUN ${cmd}`], after: [], note: '' }
        : {
            before: [
              'COPY pnpm-lock.yaml ./',
              argv.includes('--prod') || argv.includes('-P') ? 'RUN pnpm fetch --prod' : 'RUN pnpm fetch',
            ],
            after: [`RUN ${withFlag(argv, 2, '--offline')}`],
            note: '',
          };
    case 'bun':
      return { before: ['COPY package.json bun.lock ./', `RUN ${cmd}`], after: [], note: '' };
    case 'go':
      return {
        before: ['COPY go.mod go.sum ./', `RUN ${cmd}`],
        after: [],
        note: ' (and, before the download, the directories of any local `replace` modules go.mod names)',
      };
    case 'bundle':
      return { before: ['COPY Gemfile Gemfile.lock ./', `RUN ${cmd}`], after: [], note: '' };
    case 'composer':
      return {
        before: [
          'COPY composer.json composer.lock ./',
          `RUN ${withFlag(argv.includes('--no-scripts') ? argv : [...argv, '--no-scripts'], 2, '--no-autoloader')}`,
        ],
        after: ['RUN composer dump-autoload --optimize'],
        note: '',
      };
    case 'cargo':
      return { before: ['COPY Cargo.toml Cargo.lock ./', `RUN ${cmd}`], after: [], note: '' };
    case 'mvn':
      return {
        before:
          commandName(argv[0]!) === 'mvnw'
            ? ['COPY mvnw pom.xml ./', 'COPY .mvn/ .mvn/', `RUN ${cmd}`]
            : ['COPY pom.xml ./', `RUN ${cmd}`],
        after: [],
        note: '',
      };
    case 'dotnet': {
      const project = positionals.slice(1).find((p) => /\.(csproj|fsproj|vbproj|sln|slnx)$/i.test(p));
      return {
        before: [...(project ? copyLines([project]) : ['COPY *.sln *.csproj ./']), `RUN ${cmd}`],
        after: [],
        note: ' (with NuGet.config, Directory.Packages.props and global.json when the repository has them)',
      };
    }
    case 'lein':
      return { before: ['COPY project.clj ./', `RUN ${cmd}`], after: [], note: '' };
    case 'mix':
      return { before: ['COPY mix.exs mix.lock ./', `RUN ${cmd}`], after: [], note: '' };
    default:
      return { before: [`COPY ${manifestsFor(tool, argv)} ./`, `RUN ${cmd}`], after: [], note: '' };
  }
}

export const IG009: Rule = {
  id: 'IG009',
  name: 'cache-order',
  severity: 'error',
  summary:
    'A dependency-install command runs after a COPY/ADD from the context that copies more than dependency manifests, in the same stage.',
  rationale:
    'Every source change invalidates the COPY layer, and with it the install after it: each build re-downloads all dependencies.',
  fix: 'Copy only the manifests (e.g. `COPY pyproject.toml uv.lock ./`), run the install, then copy the source.',
  check(ctx) {
    const out: RuleReport[] = [];
    let fileSet: Set<string> | null = null;
    const files = () => {
      fileSet ??= new Set(ctx.context?.files ?? []);
      return fileSet;
    };
    for (const stage of builtStages(ctx)) {
      // the message names the last source copy before the install: the one that really busts its cache.
      // Copies are judged only once an install follows them (most COPYs of a long file have none after them)
      let lastSourceCopy: Instruction | null = null;
      const unjudged: Instruction[] = [];
      const judgeCopies = () => {
        for (const copy of unjudged) {
          const sources = ctx.sources(copy).filter((s) => !isUrl(s));
          if (sources.some((s) => bringsSource(s, ctx, files()))) lastSourceCopy = copy;
        }
        unjudged.length = 0;
      };
      const installedBefore = new Set<string>();
      let wholeCopy: Instruction | null = null;
      for (const instr of stage.body) {
        if (isContextCopy(instr)) {
          unjudged.push(instr);
          if (!wholeCopy && isWholeContextCopy(ctx, instr)) wholeCopy = instr;
          continue;
        }
        if (instr.keyword !== 'RUN') continue;
        for (const cmd of ctx.run(instr).commands) {
          const install = dependencyInstall(cmd);
          if (!install) continue;
          judgeCopies();
          if (!lastSourceCopy) {
            installedBefore.add(install.tool);
            continue;
          }
          if (installedBefore.has(install.tool)) continue;
          // the copy to move after the install: the whole-context one when there is one, else the last source copy
          const source: Instruction = wholeCopy ?? lastSourceCopy;
          const split = manifestFirst(install.tool, cmd.argv, ctx);
          const steps = [...split.before, source.text, ...split.after].map((t) => `\`${t}\``).join(', ');
          out.push({
            line: instr.line,
            message: `${quote(lastSourceCopy)} comes before \`RUN ${install.text}\` (line ${instr.line}): every source change re-installs all dependencies. Copy ${manifestsFor(install.tool, cmd.argv)}, run \`${install.text}\`, then copy the source.`,
            fix: `Copy the manifests first${split.note} and move ${quote(source)} after the install: ${steps}.`,
          });
          break;
        }
      }
    }
    return out;
  },
};
