// Alpine's package manager, apk, and tonistiigi/xx's cross-compilation wrapper of it, `xx-apk`.
import { commandName, type ShellCommand } from '../shell.js';
import { splitArgs, subcommand } from './arguments.js';

const APK_VALUED = new Set([
  '-t',
  '--virtual',
  '-X',
  '--repository',
  '-p',
  '--root',
  '--arch',
  '--cache-dir',
  '--keys-dir',
  '--repositories-file',
]);

export function apkCommand(cmd: ShellCommand): { sub: string; packages: string[]; options: string[] } | null {
  const name = commandName(cmd.argv[0]!);
  if (name !== 'apk' && name !== 'xx-apk') return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), APK_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, APK_VALUED);
  return { sub, packages: positionals, options };
}
