// Fixes inside a RUN: pip/uv's cache flag (IG004), the OS package caches (IG005), `npm install` → `npm ci`
// (IG015). Each judges the commands with the rule's own recognisers (commands.ts) and edits only at plain
// words, so quoting and expansions are never rewritten.
import { apkCommand } from '../commands/apk.js';
import { aptCommand } from '../commands/apt.js';
import { hasOption, truthy } from '../commands/arguments.js';
import { NPM_INSTALL_SUBS, npmInstall } from '../commands/javascript.js';
import { pipInstallArgs, uvCommand } from '../commands/python.js';
import { RPM_INSTALL_SUBS, rpmCommand } from '../commands/rpm.js';
import { globToRegExp, isGlob } from '../context.js';
import { splitWords } from '../parse.js';
import { copySources, hasFromFlag } from '../rule.js';
import { commandName, isShell } from '../shell.js';
import type { TextEdit } from './edits.js';
import { type Candidate, type FixEnv, type Fixer, type Located, left } from './model.js';
import {
  appendToScript,
  commandsOf,
  findWord,
  insertAfterWord,
  insertJsonAfter,
  type LocatedCommand,
  type RunForm,
  runForm,
} from './run-script.js';

function runAt(env: FixEnv, line: number): Located | null {
  const loc = env.at(line);
  return loc && loc.instr.keyword === 'RUN' ? loc : null;
}

/** The SHELL in force for a RUN is a POSIX shell (none set, or sh/bash/…): `&&` means what it says. */
function posixShell(env: FixEnv, loc: Located): boolean {
  let ok = true;
  for (const i of env.parsed.instructions) {
    if (i === loc.instr) break;
    if (i.keyword === 'FROM') ok = true;
    if (i.keyword === 'SHELL') ok = i.json !== null && i.json.length > 0 && isShell(i.json[0]!);
  }
  return ok;
}

function done(finding: Candidate['finding'], edits: TextEdit[], summary: string): Candidate {
  return { finding, edits, summary };
}

// ---- IG004 --------------------------------------------------------------------------------------------------

/** The word after which a cache flag goes: pip's and uv pip's `install`, uv's `sync`. */
function cacheFlagPlace(
  argv: readonly string[],
  env: Record<string, string>,
): { after: string[]; flag: string } | null {
  const cmd = { argv: [...argv], env };
  const pip = pipInstallArgs(cmd);
  if (pip) {
    if (hasOption(pip.options, '--no-cache-dir') || truthy(env.PIP_NO_CACHE_DIR)) return null;
    return {
      after: commandName(argv[0]!).startsWith('pip') ? ['install'] : ['pip', 'install'],
      flag: '--no-cache-dir',
    };
  }
  const uv = uvCommand(cmd);
  if (uv) {
    if (hasOption(uv.options, '--no-cache', '-n', '--no-cache-dir') || truthy(env.UV_NO_CACHE)) return null;
    return { after: uv.kind === 'sync' ? ['sync'] : ['pip', 'install'], flag: '--no-cache' };
  }
  return null;
}

/** Index of the word that ends the `after` sequence (each found after the previous), or -1. */
function wordIndex(values: readonly string[], after: readonly string[]): number {
  let k = 0;
  for (const want of after) {
    k = values.indexOf(want, k + 1);
    if (k < 0) return -1;
  }
  return k;
}

export const fixPipCache: Fixer = (finding, env) => {
  const loc = runAt(env, finding.line ?? 0);
  if (!loc) return left(finding, 'not mechanical: no RUN at this line');
  const form = runForm(env, loc);
  const edits: TextEdit[] = [];
  const added = new Set<string>();
  if (form.form === 'other') return left(finding, `unsafe here: ${form.why}`);
  if (form.form === 'exec') {
    const values = form.elements.map((e) => e.value);
    const place = cacheFlagPlace(values, {});
    const k = place ? wordIndex(values, place.after) : -1;
    if (!place || k < 0)
      return left(finding, 'unsafe here: the exec form runs pip or uv through another command');
    edits.push(insertJsonAfter(form, k, place.flag));
    added.add(`\`${place.flag}\` to \`${values.slice(0, k + 1).join(' ')}\``);
  } else {
    for (const cmd of commandsOf(form.scripts)) {
      const place = cacheFlagPlace(cmd.command.argv, cmd.command.env);
      if (!place) continue;
      const k = wordIndex(cmd.command.argv, place.after);
      const edit = k > 0 ? insertAfterWord(cmd, cmd.words[k]!, place.flag) : null;
      if (!edit)
        return left(finding, `unsafe here: \`${cmd.command.argv.join(' ')}\` is not written in plain words`);
      edits.push(edit);
      added.add(`\`${place.flag}\` to \`${cmd.command.argv.slice(0, k + 1).join(' ')}\``);
    }
  }
  if (edits.length === 0)
    return left(
      finding,
      'unsafe here: the pip or uv command is built from variables, or in a `sh -c` script with expansions or escapes',
    );
  return done(finding, edits, `added ${[...added].join(' and ')}`);
};

// ---- IG005 --------------------------------------------------------------------------------------------------

export const fixOsPackageCache: Fixer = (finding, env) => {
  const loc = runAt(env, finding.line ?? 0);
  if (!loc) return left(finding, 'not mechanical: no RUN at this line');
  const form = runForm(env, loc);
  if (form.form === 'other') return left(finding, `unsafe here: ${form.why}`);
  if (form.form === 'exec')
    return left(finding, 'unsafe here: the exec form runs no shell to clean up after the install');
  if (!posixShell(env, loc))
    return left(finding, 'unsafe here: the RUN runs under a SHELL that is not a POSIX shell');
  const edits: TextEdit[] = [];
  const appended: string[] = [];
  const what: string[] = [];
  for (const cmd of commandsOf(form.scripts)) {
    const apt = aptCommand(cmd.command);
    if (apt?.sub === 'install') {
      if (!appended.some((a) => a.startsWith('rm -rf /var/lib/apt/lists')))
        appended.push('rm -rf /var/lib/apt/lists/*');
      continue;
    }
    const apk = apkCommand(cmd.command);
    if (apk?.sub === 'add' && !hasOption(apk.options, '--no-cache')) {
      const edit = insertAfterWord(cmd, findWord(cmd.words, 'add') ?? cmd.words[0]!, '--no-cache');
      if (!edit || findWord(cmd.words, 'add') === null)
        return left(finding, 'unsafe here: `apk add` is not written in plain words');
      edits.push(edit);
      what.push('`--no-cache` on apk add');
      continue;
    }
    const rpm = rpmCommand(cmd.command);
    if (rpm && RPM_INSTALL_SUBS.has(rpm.sub)) {
      const clean = `${cmd.command.argv[0]} clean all`;
      if (!appended.includes(clean)) appended.push(clean);
    }
  }
  if (appended.length > 0) {
    // dnf/yum first: `rm -rf` of the lists is the one kept last, as the rule's advice writes it
    appended.sort((a, b) => Number(a.startsWith('rm ')) - Number(b.startsWith('rm ')));
    const edit = appendToScript(env, form, appended.join(' && '));
    if ('why' in edit) return left(finding, `unsafe here: ${edit.why}`);
    edits.push(edit);
    what.push(`\`&& ${appended.join(' && ')}\` at the end of the RUN`);
  }
  if (edits.length === 0)
    return left(
      finding,
      'unsafe here: the install is built from variables, or in a `sh -c` script with expansions or escapes',
    );
  return done(finding, edits, `added ${what.join(' and ')}`);
};

// ---- IG015 --------------------------------------------------------------------------------------------------

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];
/** Options of `npm install` that `npm ci` refuses or reads otherwise. */
const INSTALL_ONLY =
  /^(-g|--global|--save.*|-[SDEOPB]|--no-save|--no-package-lock|--package-lock-only|--prefix.*|-C|--workspaces?(=.*)?|-w)$/;

/** The lockfile the RUN sees: copied from the context into the working directory earlier in the same stage. */
function lockfileCopied(env: FixEnv, loc: Located): string | null | { why: string } {
  const ctx = env.context;
  if (!ctx) return { why: 'no build context to look for package-lock.json in' };
  const lock = LOCKFILES.find((f) => ctx.info.files.includes(f));
  if (!lock) return { why: 'the build context has no package-lock.json at its root' };
  const stage = env.graph.stages.find((s) => s.body.includes(loc.instr));
  if (!stage) return { why: 'the RUN is in no stage' };
  const before = stage.body.slice(0, stage.body.indexOf(loc.instr));
  for (let k = before.length - 1; k >= 0; k--) {
    const i = before[k]!;
    if (i.keyword === 'WORKDIR') break;
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || hasFromFlag(i) || i.heredocs.length > 0) continue;
    const dest = (i.json ?? splitWords(i.args)).at(-1) ?? '';
    if (dest !== '.' && dest !== './') continue;
    const sources = copySources(i);
    const brings = sources.some((s) => {
      const p = s.replace(/^\.\//, '');
      return (
        p === '.' || p === '' || p === lock || (isGlob(p) && !p.includes('/') && globToRegExp(p).test(lock))
      );
    });
    if (brings) return lock;
  }
  return { why: 'no COPY of package-lock.json into the working directory before it in the stage' };
}

export const fixNpmCi: Fixer = (finding, env) => {
  const loc = runAt(env, finding.line ?? 0);
  if (!loc) return left(finding, 'not mechanical: no RUN at this line');
  const isNpmInstall = (argv: readonly string[]) => {
    const npm = npmInstall({ argv: [...argv], env: {} });
    return npm?.kind === 'install' && npm.packages.length === 0 ? npm : null;
  };
  const form: RunForm = runForm(env, loc);
  if (form.form !== 'shell') return left(finding, 'unsafe here: `npm install` is not in a shell-form RUN');
  const cmds = commandsOf(form.scripts);
  const targets: LocatedCommand[] = [];
  for (const [k, cmd] of cmds.entries()) {
    const npm = isNpmInstall(cmd.command.argv);
    if (!npm) continue;
    if (cmds.slice(0, k).some((c) => commandName(c.command.argv[0]!) === 'cd'))
      return left(finding, 'unsafe here: the RUN changes directory before `npm install`');
    const bad = npm.options.find((o) => INSTALL_ONLY.test(o));
    if (bad) return left(finding, `unsafe here: \`npm ci\` does not take \`${bad}\` as \`npm install\` does`);
    targets.push(cmd);
  }
  if (targets.length === 0)
    return left(finding, 'not mechanical: only `npm install` written in plain words becomes `npm ci`');
  const lock = lockfileCopied(env, loc);
  if (lock === null || typeof lock === 'object')
    return left(finding, `unsafe here: ${lock?.why ?? 'no lockfile'}`);
  const edits: TextEdit[] = [];
  for (const cmd of targets) {
    const sub = cmd.words.slice(1).find((w) => NPM_INSTALL_SUBS.has(w.value));
    if (!sub?.plain) return left(finding, 'unsafe here: `npm install` is not written in plain words');
    edits.push({
      start: cmd.script.text.from[sub.start]!,
      end: cmd.script.text.to[sub.end - 1]!,
      text: 'ci',
    });
  }
  return done(finding, edits, `\`npm install\` → \`npm ci\` (${lock} is copied in before it)`);
};
