// Dependency installs (IG009): the Python and JavaScript installers, and go, bundler, composer, cargo, Maven,
// dotnet, Leiningen and Mix by name and subcommand.
import { commandName, type ShellCommand } from '../shell.js';
import { describe, hasOption } from './arguments.js';
import { bunInstall, npmInstall, pnpmInstall, yarnInstall } from './javascript.js';
import { pipenvInstall, pipInstallArgs, poetryInstall, uvCommand } from './python.js';

export interface DependencyInstall {
  /** The tool, for "the same tool already installed dependencies" (uv's two-step pattern). */
  tool: string;
  text: string;
}

/** A dependency-install command in the catalogue's sense, or null. */
export function dependencyInstall(cmd: ShellCommand): DependencyInstall | null {
  // the text only for the few commands that are installs: IG009 asks about every command of every RUN
  const tool = dependencyTool(cmd);
  return tool === null ? null : { tool, text: describe(cmd) };
}

const OTHER_INSTALLERS = new Set([
  'go',
  'bundle',
  'bundler',
  'composer',
  'cargo',
  'mvn',
  'mvnw',
  'dotnet',
  'lein',
  'mix',
  'pnpm',
]);

function dependencyTool(cmd: ShellCommand): string | null {
  const pip = pipInstallArgs(cmd);
  if (pip) {
    return hasOption(pip.options, '-r', '--requirement') || pip.options.some((o) => /^-r./.test(o))
      ? 'pip'
      : null;
  }
  const uv = uvCommand(cmd);
  if (uv) {
    if (uv.kind === 'sync') return 'uv';
    return hasOption(uv.options, '-r', '--requirement') || uv.options.some((o) => /^-r./.test(o))
      ? 'uv'
      : null;
  }
  if (poetryInstall(cmd)) return 'poetry';
  if (pipenvInstall(cmd)) return 'pipenv';
  const npm = npmInstall(cmd);
  if (npm && (npm.kind === 'ci' || npm.packages.length === 0)) return 'npm';
  if (yarnInstall(cmd)) return 'yarn';
  if (pnpmInstall(cmd)) return 'pnpm';
  if (bunInstall(cmd)) return 'bun';
  const name = commandName(cmd.argv[0]!);
  if (!OTHER_INSTALLERS.has(name)) return null;
  const a = cmd.argv.slice(1).filter((x) => !x.startsWith('-'));
  if (name === 'go' && a[0] === 'mod' && a[1] === 'download') return 'go';
  if ((name === 'bundle' || name === 'bundler') && a[0] === 'install') return 'bundle';
  if (name === 'composer' && a[0] === 'install') return 'composer';
  if (name === 'cargo' && a[0] === 'fetch') return 'cargo';
  if (name === 'dotnet' && a[0] === 'restore') return 'dotnet';
  if (name === 'lein' && a[0] === 'deps') return 'lein';
  if (name === 'mix' && a[0] === 'deps.get') return 'mix';
  // `pnpm fetch` fills the store from pnpm-lock.yaml alone; `pnpm install --offline` after the source copy
  if (name === 'pnpm' && a[0] === 'fetch') return 'pnpm';
  if (
    (name === 'mvn' || name === 'mvnw') &&
    a.some((x) => x === 'dependency:go-offline' || x.endsWith(':go-offline'))
  ) {
    return 'mvn';
  }
  return null;
}
