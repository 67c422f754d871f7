// What a RUN does: its simple commands (shell form, exec form and shell heredoc bodies) and recognisers for the
// package managers and installers the catalogue names, each judged on its own arguments.
import type { Instruction } from './parse.js';
import {
  commandName,
  execFormCommands,
  isShell,
  type ShellCommand,
  ShellScope,
  shellDashC,
  splitCommands,
  type VarGetter,
} from './shell.js';
import { type Mount, mountsOf } from './stages.js';

export interface RunInfo {
  instr: Instruction;
  commands: ShellCommand[];
  mounts: Mount[];
}

function heredocIsShell(body: string, headerCommands: ShellCommand[]): boolean {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
  if (shebang) {
    const interp = commandName(shebang[1]!) === 'env' ? (shebang[2] ?? '') : shebang[1]!;
    return isShell(interp);
  }
  if (headerCommands.length === 0) return true;
  // `RUN bash <<EOF` / `RUN <<EOF sh -ex`: a shell reading its script from the heredoc
  return headerCommands.some(
    (c) =>
      isShell(c.argv[0]!) && shellDashC(c.argv) === null && !c.argv.slice(1).some((a) => !a.startsWith('-')),
  );
}

/** A RUN's commands; `vars` gives the ARG and ENV values it sees, expanded in its words. */
export function analyzeRun(instr: Instruction, vars?: VarGetter): RunInfo {
  const mounts = mountsOf(instr);
  const scope = new ShellScope(vars);
  if (instr.json) return { instr, commands: execFormCommands(instr.json, scope), mounts };
  const header = splitCommands(instr.args, 0, scope);
  const commands = [...header];
  for (const h of instr.heredocs) {
    if (heredocIsShell(h.body, header)) commands.push(...splitCommands(h.body, 0, scope));
  }
  return { instr, commands, mounts };
}

// ---- generic argument helpers -------------------------------------------------------------------------------

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
function subcommand(args: readonly string[], valued: ReadonlySet<string> = new Set()) {
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

// ---- Python -------------------------------------------------------------------------------------------------

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
function pipCommandArgs(cmd: ShellCommand): { sub: string | null; rest: string[] } | null {
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

// ---- JavaScript ---------------------------------------------------------------------------------------------

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
  if (
    [
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
    ].includes(sub)
  ) {
    return { kind: 'install', options, packages: positionals };
  }
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

// ---- dependency installs (IG009) ----------------------------------------------------------------------------

export interface DependencyInstall {
  /** The tool, for "the same tool already installed dependencies" (uv's two-step pattern). */
  tool: string;
  text: string;
}

export function describe(cmd: ShellCommand, max = 40): string {
  const t = cmd.argv.join(' ');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** A dependency-install command in the catalogue's sense, or null. */
export function dependencyInstall(cmd: ShellCommand): DependencyInstall | null {
  // the text only for the few commands that are installs: IG009 asks about every command of every RUN
  const tool = dependencyTool(cmd);
  return tool === null ? null : { tool, text: describe(cmd) };
}

const OTHER_INSTALLERS = new Set(['go', 'bundle', 'bundler', 'composer', 'cargo', 'mvn', 'mvnw']);

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
  if (
    (name === 'mvn' || name === 'mvnw') &&
    a.some((x) => x === 'dependency:go-offline' || x.endsWith(':go-offline'))
  ) {
    return 'mvn';
  }
  return null;
}

// ---- OS packages --------------------------------------------------------------------------------------------

const APT_VALUED = new Set([
  '-o',
  '--option',
  '-c',
  '--config-file',
  '-t',
  '--target-release',
  '--default-release',
]);

/** apt-get / apt: the subcommand and the package arguments. */
export function aptCommand(cmd: ShellCommand): { sub: string; packages: string[]; options: string[] } | null {
  const name = commandName(cmd.argv[0]!);
  if (name !== 'apt-get' && name !== 'apt' && name !== 'aptitude') return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), APT_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, APT_VALUED);
  return { sub, packages: positionals, options };
}

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
  if (commandName(cmd.argv[0]!) !== 'apk') return null;
  const { sub, rest } = subcommand(cmd.argv.slice(1), APK_VALUED);
  if (sub === null) return null;
  const { options, positionals } = splitArgs(rest, APK_VALUED);
  return { sub, packages: positionals, options };
}

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

export const APT_INSTALL_SUBS = new Set([
  'install',
  'upgrade',
  'dist-upgrade',
  'full-upgrade',
  'build-dep',
  'reinstall',
  'satisfy',
]);

/** dnf/yum/microdnf/tdnf subcommands that install packages (dnf's `in` is short for install). */
export const RPM_INSTALL_SUBS = new Set([
  'install',
  'in',
  'groupinstall',
  'upgrade',
  'reinstall',
  'localinstall',
]);

/** An OS package install of any kind (apt, apk, dnf/yum): for IG006 "a package install in the same RUN". */
export function isOsPackageInstall(cmd: ShellCommand): boolean {
  const apt = aptCommand(cmd);
  if (apt) return APT_INSTALL_SUBS.has(apt.sub);
  const apk = apkCommand(cmd);
  if (apk) return apk.sub === 'add' || apk.sub === 'upgrade' || apk.sub === 'fix';
  const rpm = rpmCommand(cmd);
  if (rpm) return RPM_INSTALL_SUBS.has(rpm.sub) || rpm.sub === 'update';
  return false;
}

// ---- build-only tooling (IG001, IG011) ----------------------------------------------------------------------

const BUILD_PACKAGES = new Set([
  'build-essential',
  'gcc',
  'g++',
  'clang',
  'make',
  'cmake',
  'build-base',
  'alpine-sdk',
  'gcc-c++',
]);
const PY_BUILD_TOOLS = new Set(['uv', 'poetry', 'pipenv', 'wheel', 'setuptools', 'build']);

function packageName(spec: string): string {
  return spec
    .replace(/:[a-z0-9]+$/, '') // multiarch suffix libssl-dev:arm64
    .split(/[=<>~]/)[0]!
    .toLowerCase();
}

export function isBuildPackage(spec: string): boolean {
  const name = packageName(spec);
  if (BUILD_PACKAGES.has(name)) return true;
  if (/^(gcc|g\+\+|clang|cpp|make|cmake)-\d+(\.\d+)*$/.test(name)) return true;
  return /-(dev|devel)$/.test(name);
}

function pythonPackageName(spec: string): string {
  return (/^[A-Za-z0-9._-]+/.exec(spec)?.[0] ?? '').toLowerCase().replace(/_/g, '-');
}

/** Build-only packages an OS package manager (or pip) installs, with the apk virtual name when given. */
export interface ToolingInstall {
  manager: 'apt' | 'apk' | 'rpm' | 'pip';
  packages: string[];
  /** `apk add --virtual NAME` / `-t NAME`: `apk del NAME` removes them all. */
  virtual: string | null;
}

/** The build-only packages a command installs, or null. */
export function toolingInstall(cmd: ShellCommand): ToolingInstall | null {
  const apt = aptCommand(cmd);
  if (apt && apt.sub === 'install') {
    const pkgs = apt.packages.filter(isBuildPackage);
    return pkgs.length ? { manager: 'apt', packages: pkgs, virtual: null } : null;
  }
  const apk = apkCommand(cmd);
  if (apk && apk.sub === 'add') {
    const pkgs = apk.packages.filter(isBuildPackage);
    const virtual =
      [...optionValues(apk.options, '--virtual'), ...optionValues(apk.options, '-t')][0] ?? null;
    return pkgs.length ? { manager: 'apk', packages: pkgs, virtual } : null;
  }
  const rpm = rpmCommand(cmd);
  if (rpm && (rpm.sub === 'install' || rpm.sub === 'in' || rpm.sub === 'groupinstall')) {
    const pkgs = rpm.packages.filter((p) => isBuildPackage(p) || /development[ -]tools/i.test(p));
    return pkgs.length ? { manager: 'rpm', packages: pkgs, virtual: null } : null;
  }
  const pip = pipInstallArgs(cmd);
  if (pip) {
    const pkgs = pip.positionals.filter((p) => PY_BUILD_TOOLS.has(pythonPackageName(p)));
    return pkgs.length ? { manager: 'pip', packages: pkgs, virtual: null } : null;
  }
  return null;
}

/**
 * Which of `install`'s packages the commands after it remove again: `apk del NAME` (the virtual name or the
 * packages), `apt-get purge/remove X`, `apt-mark auto X` (or `'.*'`) followed by `apt-get purge --auto-remove`
 * or `autoremove`, `dnf`/`yum remove X`, `pip uninstall X`.
 */
export function removedAgain(install: ToolingInstall, after: readonly ShellCommand[]): Set<string> {
  const removed = new Set<string>();
  const names = new Map(install.packages.map((p) => [packageName(p), p]));
  const remove = (spec: string) => {
    const p = names.get(packageName(spec));
    if (p) removed.add(p);
  };
  let markedAuto = new Set<string>();
  let markedAll = false;
  for (const c of after) {
    if (install.manager === 'apk') {
      const apk = apkCommand(c);
      if (apk?.sub !== 'del') continue;
      if (install.virtual && apk.packages.includes(install.virtual))
        for (const p of install.packages) removed.add(p);
      for (const p of apk.packages) remove(p);
    } else if (install.manager === 'apt') {
      const name = commandName(c.argv[0]!);
      if (name === 'apt-mark') {
        const args = c.argv.slice(1).filter((a) => !a.startsWith('-'));
        if (args[0] !== 'auto') continue;
        if (args.slice(1).some((a) => a === '.*' || a === '*' || a === '~i')) markedAll = true;
        markedAuto = new Set([...markedAuto, ...args.slice(1).map(packageName)]);
        continue;
      }
      const apt = aptCommand(c);
      if (!apt) continue;
      const autoRemove =
        apt.sub === 'autoremove' ||
        ((apt.sub === 'purge' || apt.sub === 'remove') &&
          hasOption(apt.options, '--auto-remove', '--autoremove'));
      if (apt.sub === 'purge' || apt.sub === 'remove') for (const p of apt.packages) remove(p);
      if (autoRemove) {
        for (const p of install.packages) if (markedAll || markedAuto.has(packageName(p))) removed.add(p);
      }
    } else if (install.manager === 'rpm') {
      const rpm = rpmCommand(c);
      if (rpm && ['remove', 'erase', 'autoremove', 'rm'].includes(rpm.sub))
        for (const p of rpm.packages) remove(p);
    } else {
      const pip = pipCommandArgs(c);
      if (pip?.sub === 'uninstall') for (const p of pip.rest.filter((a) => !a.startsWith('-'))) remove(p);
    }
  }
  return removed;
}

/** Describes the build-only tooling a command runs (a compile step), or null. */
export function buildStep(cmd: ShellCommand): string | null {
  const name = commandName(cmd.argv[0]!);
  const a = cmd.argv.slice(1).filter((x) => !x.startsWith('-'));
  const isBuildScript = (s: string | undefined) => s === 'build' || (s?.startsWith('build:') ?? false);
  if (name === 'npm' && (a[0] === 'run' || a[0] === 'run-script') && isBuildScript(a[1]))
    return `runs ${describe(cmd)}`;
  if (
    (name === 'yarn' || name === 'pnpm' || name === 'bun') &&
    (isBuildScript(a[0]) || (a[0] === 'run' && isBuildScript(a[1])))
  ) {
    return `runs ${describe(cmd)}`;
  }
  if (name === 'go' && a[0] === 'build') return `runs ${describe(cmd)}`;
  if (name === 'cargo' && a[0] === 'build') return `runs ${describe(cmd)}`;
  if (
    (name === 'mvn' || name === 'mvnw') &&
    a.some((x) => x === 'package' || x === 'install' || x === 'verify')
  ) {
    return `runs ${describe(cmd)}`;
  }
  if (
    (name === 'gradle' || name === 'gradlew') &&
    a.some((x) => ['build', 'assemble', 'bootJar', 'shadowJar', 'installDist'].includes(x))
  ) {
    return `runs ${describe(cmd)}`;
  }
  return null;
}

// ---- cleanup checks -----------------------------------------------------------------------------------------

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

export function hasCacheMount(mounts: readonly Mount[]): boolean {
  return mounts.some((m) => m.type === 'cache');
}

const TRUE_WORDS = new Set(['1', 'true', 'on', 'yes']);
export function truthy(value: string | undefined | null): boolean {
  return value !== undefined && value !== null && TRUE_WORDS.has(value.trim().toLowerCase());
}
