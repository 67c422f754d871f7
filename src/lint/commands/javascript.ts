// JavaScript's package managers: npm, yarn, pnpm and bun.
import { commandName, type ShellCommand } from '../shell.js';
import { splitArgs, subcommand } from './arguments.js';

const NPM_VALUED = new Set([
  '--prefix',
  '-C',
  '--registry',
  '--cache',
  '--omit',
  '--include',
  '--only',
  '--loglevel',
  '-w',
  '--workspace',
  '--userconfig',
  '--install-strategy',
  '--tag',
  '--save-prefix',
  '--fetch-retries',
  '--fetch-timeout',
  '--network-timeout',
  '--script-shell',
]);

/** `npm install` and the aliases and misspellings npm accepts for it. */
export const NPM_INSTALL_SUBS: ReadonlySet<string> = new Set([
  'install',
  'i',
  'in',
  'ins',
  'inst',
  'insta',
  'instal',
  'isnt',
  'isnta',
  'isntal',
  'isntall',
  'add',
]);

/** `npm ci` / `npm install` (and aliases): kind and whether packages were named. */
export function npmInstall(
  cmd: ShellCommand,
): { kind: 'ci' | 'install'; options: string[]; packages: string[] } | null {
  if (commandName(cmd.argv[0]!) !== 'npm') return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), NPM_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, NPM_VALUED);
  if (['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean'].includes(sub)) {
    return { kind: 'ci', options, packages: positionals };
  }
  if (NPM_INSTALL_SUBS.has(sub)) return { kind: 'install', options, packages: positionals };
  return null;
}

/** `yarn` / `yarn install` (with only options): the options. */
export function yarnInstall(cmd: ShellCommand): string[] | null {
  if (commandName(cmd.argv[0]!) !== 'yarn') return null;
  const valued = new Set([
    '--cwd',
    '--modules-folder',
    '--network-timeout',
    '--cache-folder',
    '--mutex',
    '--registry',
  ]);
  const { sub, rest } = subcommand(cmd.argv.slice(1), valued);
  if (sub === null || sub === 'install') {
    const { options, positionals } = splitArgs(rest, valued);
    return positionals.length === 0 ? options : null;
  }
  return null;
}

export function pnpmInstall(cmd: ShellCommand): string[] | null {
  if (commandName(cmd.argv[0]!) !== 'pnpm') return null;
  const valued = new Set(['-C', '--dir', '--filter', '-F', '--reporter']);
  const { sub, rest } = subcommand(cmd.argv.slice(1), valued);
  if (sub === 'install' || sub === 'i') return rest;
  return null;
}

/** `bun install` / `bun i` with no package arguments (with packages it adds them, like `bun add`). */
export function bunInstall(cmd: ShellCommand): string[] | null {
  if (commandName(cmd.argv[0]!) !== 'bun') return null;
  const valued = new Set(['--cwd', '--filter', '-F', '--registry', '--cache-dir', '--backend']);
  const { sub, rest } = subcommand(cmd.argv.slice(1), valued);
  if (sub !== 'install' && sub !== 'i') return null;
  const { options, positionals } = splitArgs(rest, valued);
  return positionals.length === 0 ? options : null;
}
