// A command's words: options and positionals, the subcommand, an option's values; a command's text shortened
// for a message; and the words that switch an environment variable on.
import type { ShellCommand } from '../shell.js';

/** Splits argv after the command into options and positionals; `valued` options consume the next word. */
export function splitArgs(args: readonly string[], valued: ReadonlySet<string> = new Set()) {
  const options: string[] = [];
  const positionals: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') {
      positionals.push(...args.slice(k + 1));
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      options.push(a);
      if (!a.includes('=') && valued.has(a) && k + 1 < args.length) {
        options.push(`${a}=${args[k + 1]}`);
        k++;
      }
    } else positionals.push(a);
  }
  return { options, positionals };
}

export function hasOption(options: readonly string[], ...names: string[]): boolean {
  return options.some((o) => names.some((n) => o === n || o.startsWith(`${n}=`)));
}

export function optionValues(options: readonly string[], name: string): string[] {
  return options.filter((o) => o.startsWith(`${name}=`)).map((o) => o.slice(name.length + 1));
}

/** The subcommand (first positional) and everything else, with options before the subcommand kept. */
export function subcommand(args: readonly string[], valued: ReadonlySet<string> = new Set()) {
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a.startsWith('-')) {
      if (!a.includes('=') && valued.has(a)) k++;
      continue;
    }
    return { sub: a, rest: [...args.slice(0, k), ...args.slice(k + 1)] };
  }
  return { sub: null, rest: [...args] };
}

export function describe(cmd: ShellCommand, max = 40): string {
  const t = cmd.argv.join(' ');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

const TRUE_WORDS = new Set(['1', 'true', 'on', 'yes']);
export function truthy(value: string | undefined | null): boolean {
  return value !== undefined && value !== null && TRUE_WORDS.has(value.trim().toLowerCase());
}
