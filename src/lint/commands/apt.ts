// Debian's package managers: apt-get, apt and aptitude, and tonistiigi/xx's cross-compilation wrappers of them
// (`xx-apt-get`, `xx-apt`), which run apt-get for the target platform.
import { commandName, type ShellCommand } from '../shell.js';
import { splitArgs, subcommand } from './arguments.js';

const APT_VALUED = new Set([
  '-o',
  '--option',
  '-c',
  '--config-file',
  '-t',
  '--target-release',
  '--default-release',
]);

const APT_NAMES = new Set(['apt-get', 'apt', 'aptitude', 'xx-apt-get', 'xx-apt']);

/** apt-get / apt: the subcommand and the package arguments. */
export function aptCommand(cmd: ShellCommand): { sub: string; packages: string[]; options: string[] } | null {
  const name = commandName(cmd.argv[0]!);
  if (!APT_NAMES.has(name)) return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), APT_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, APT_VALUED);
  return { sub, packages: positionals, options };
}

export const APT_INSTALL_SUBS = new Set([
  'install',
  'upgrade',
  'dist-upgrade',
  'full-upgrade',
  'build-dep',
  'reinstall',
  'satisfy',
]);
