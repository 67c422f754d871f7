// Python's installers: pip (also as `python -m pip`), uv, poetry and pipenv.
import { commandName, type ShellCommand } from '../shell.js';
import { splitArgs, subcommand } from './arguments.js';

const PIP = /^pip(\d+(\.\d+)?)?$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;
const PIP_VALUED = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-t',
  '--target',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--prefix',
  '--root',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--cache-dir',
  '--log',
  '--proxy',
  '--retries',
  '--timeout',
  '--trusted-host',
  '--cert',
  '--client-cert',
  '--progress-bar',
  '--src',
  '--upgrade-strategy',
  '--only-binary',
  '--no-binary',
  '--config-settings',
  '-C',
  '--global-option',
  '--python',
  '--report',
]);

/** `pip …`, `pip3 …`, `python -m pip …`: the subcommand and the other arguments, or null. */
export function pipCommandArgs(cmd: ShellCommand): { sub: string | null; rest: string[] } | null {
  const argv = cmd.argv;
  const name = commandName(argv[0]!);
  let args: string[];
  if (PIP.test(name)) args = argv.slice(1);
  else if (PYTHON.test(name)) {
    const m = argv.indexOf('-m');
    if (m < 0 || argv[m + 1] !== 'pip' || argv.slice(1, m).some((a) => !a.startsWith('-'))) return null;
    args = argv.slice(m + 2);
  } else return null;
  return subcommand(args, PIP_VALUED);
}

/** `pip install …`, `pip3 …`, `python -m pip install …`: the arguments after `install`, or null. */
export function pipInstallArgs(cmd: ShellCommand): { options: string[]; positionals: string[] } | null {
  const pip = pipCommandArgs(cmd);
  if (pip?.sub !== 'install') return null;
  return splitArgs(pip.rest, PIP_VALUED);
}

const UV_VALUED = new Set([
  '--directory',
  '--project',
  '--cache-dir',
  '--python',
  '-p',
  '--index-url',
  '--extra-index-url',
  '--index',
  '--default-index',
  '-i',
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '--extra',
  '--group',
  '--no-group',
  '--only-group',
  '--package',
  '--target',
  '--prefix',
  '--color',
  '--config-file',
  '-f',
  '--find-links',
  '--index-strategy',
  '--keyring-provider',
  '--resolution',
  '--prerelease',
  '--link-mode',
  '--compile-bytecode',
  '--no-install-package',
  '--python-platform',
  '--exclude-newer',
]);

/** `uv sync …` → {kind:'sync'}, `uv pip install …` → {kind:'pip-install'}; options include global ones. */
export function uvCommand(
  cmd: ShellCommand,
): { kind: 'sync' | 'pip-install'; options: string[]; positionals: string[] } | null {
  if (commandName(cmd.argv[0]!) !== 'uv') return null;
  const first = subcommand(cmd.argv.slice(1), UV_VALUED);
  if (first.sub === 'sync') return { kind: 'sync', ...splitArgs(first.rest, UV_VALUED) };
  if (first.sub === 'pip') {
    const second = subcommand(first.rest, UV_VALUED);
    if (second.sub === 'install') return { kind: 'pip-install', ...splitArgs(second.rest, UV_VALUED) };
  }
  return null;
}

const POETRY_VALUED = new Set([
  '-C',
  '--directory',
  '-P',
  '--project',
  '--with',
  '--without',
  '--only',
  '-E',
  '--extras',
]);

export function poetryInstall(cmd: ShellCommand): string[] | null {
  if (commandName(cmd.argv[0]!) !== 'poetry') return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), POETRY_VALUED);
  return sub === 'install' ? splitArgs(rest, POETRY_VALUED).options : null;
}

export function pipenvInstall(cmd: ShellCommand): string[] | null {
  if (commandName(cmd.argv[0]!) !== 'pipenv') return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), new Set(['--python']));
  return sub === 'install' || sub === 'sync' ? rest : null;
}
