// Whether a RUN's cache leaves the layer: removed by its commands, or written to a cache or tmpfs mount.
import { commandName, type ShellCommand } from '../shell.js';
import type { Mount } from '../stages.js';

/**
 * True when one of the commands removes the directory `path` or everything in it: `rm -rf path`, `rm -rf path/*`,
 * an ancestor, a glob inside it (`path/*.lz4`), or `find path … -delete`. Removing one named entry inside it
 * (`rm -f /var/lib/apt/lists/lock`, `…/lists/partial`) leaves the rest, so it does not count.
 */
export function removesPath(commands: readonly ShellCommand[], path: string): boolean {
  const covers = (raw: string) => {
    const cleaned = raw.replace(/\/+$/, '');
    if (cleaned === '') return false;
    if (cleaned === path || path.startsWith(`${cleaned}/`)) return true;
    return cleaned.startsWith(`${path}/`) && cleaned.slice(path.length + 1).includes('*');
  };
  return commands.some((c) => {
    const name = commandName(c.argv[0]!);
    if (name === 'find' && (c.argv.includes('-delete') || c.argv.includes('rm'))) {
      return covers(c.argv[1] ?? '');
    }
    if (name !== 'rm') return false;
    return c.argv.slice(1).some((arg) => !arg.startsWith('-') && covers(arg.replace(/\/\*+$/, '')));
  });
}

/** A cache or tmpfs mount at `path` or above it: what is written there never lands in the layer. */
export function mountCovers(mounts: readonly Mount[], ...paths: string[]): boolean {
  return mounts.some((m) => {
    if ((m.type !== 'cache' && m.type !== 'tmpfs') || !m.target) return false;
    const t = m.target.replace(/\/+$/, '');
    return paths.some((p) => t === p || p.startsWith(`${t}/`));
  });
}
