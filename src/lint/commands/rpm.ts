// The RPM distributions' package managers: dnf (and dnf5), yum, microdnf and tdnf.
import { commandName, type ShellCommand } from '../shell.js';
import { splitArgs, subcommand } from './arguments.js';

const RPM_VALUED = new Set([
  '--setopt',
  '--enablerepo',
  '--disablerepo',
  '--installroot',
  '--releasever',
  '-c',
  '--config',
  '--repo',
]);

export function rpmCommand(
  cmd: ShellCommand,
): { tool: string; sub: string; packages: string[]; options: string[] } | null {
  const name = commandName(cmd.argv[0]!);
  if (name !== 'dnf' && name !== 'yum' && name !== 'microdnf' && name !== 'tdnf' && name !== 'dnf5')
    return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), RPM_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, RPM_VALUED);
  return { tool: name, sub, packages: positionals, options };
}

/**
 * dnf/yum/microdnf/tdnf/dnf5 subcommands that install or replace packages, with their aliases (`in` is
 * install, `up` and `update` upgrade, `up-min` upgrade-minimal, `rei` reinstall): each downloads packages and
 * metadata into the cache.
 */
export const RPM_INSTALL_SUBS = new Set([
  'install',
  'in',
  'groupinstall',
  'localinstall',
  'upgrade',
  'up',
  'update',
  'upgrade-minimal',
  'up-min',
  'reinstall',
  'rei',
  'distro-sync',
]);

/** Where the dnf family keeps its cache: dnf 4, yum, and libdnf5's (dnf on Fedora 41+, dnf5, microdnf). */
export const RPM_CACHE_DIRS = ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'];
