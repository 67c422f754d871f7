// Build-only tooling (IG001, IG011): the compilers and -dev packages an OS package manager installs and the
// Python build tools pip installs, the commands that remove them again, and the compile steps npm, yarn, pnpm,
// bun, go, cargo, Maven and Gradle run.
import { commandName, type ShellCommand } from '../shell.js';
import { apkCommand } from './apk.js';
import { aptCommand } from './apt.js';
import { hasOption, optionValues } from './arguments.js';
import { pipCommandArgs, pipInstallArgs } from './python.js';
import { rpmCommand } from './rpm.js';

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

function isBuildPackage(spec: string): boolean {
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

/**
 * The compile step a command runs: the index in argv of the word that makes it one (`build` in `go build`,
 * `build:prod` in `npm run build:prod`, `package` in `mvn -B package`), or null.
 */
export function buildStep(cmd: ShellCommand): number | null {
  const name = commandName(cmd.argv[0]!);
  const at = (word: string | undefined) => {
    const k = word === undefined ? -1 : cmd.argv.indexOf(word, 1);
    return k < 0 ? null : k;
  };
  const a = cmd.argv.slice(1).filter((x) => !x.startsWith('-'));
  const isBuildScript = (s: string | undefined) => s === 'build' || (s?.startsWith('build:') ?? false);
  if (name === 'npm' && (a[0] === 'run' || a[0] === 'run-script') && isBuildScript(a[1])) return at(a[1]);
  if (name === 'yarn' || name === 'pnpm' || name === 'bun') {
    if (isBuildScript(a[0])) return at(a[0]);
    if (a[0] === 'run' && isBuildScript(a[1])) return at(a[1]);
    return null;
  }
  if ((name === 'go' || name === 'cargo') && a[0] === 'build') return at(a[0]);
  if (name === 'mvn' || name === 'mvnw')
    return at(a.find((x) => x === 'package' || x === 'install' || x === 'verify'));
  if (name === 'gradle' || name === 'gradlew')
    return at(a.find((x) => ['build', 'assemble', 'bootJar', 'shadowJar', 'installDist'].includes(x)));
  return null;
}
