// What a RUN does: its simple commands (shell form, exec form and shell heredoc bodies) and its mounts. The
// modules beside this one recognise the package managers and installers the catalogue names in those commands,
// each judged on its own arguments.
import type { Instruction } from '../parse.js';
import {
  commandName,
  execFormCommands,
  expandsBraces,
  isShell,
  type ShellCommand,
  ShellScope,
  shellDashC,
  splitCommands,
  type VarGetter,
} from '../shell.js';
import { type Mount, mountsOf } from '../stages.js';

export interface RunInfo {
  instr: Instruction;
  commands: ShellCommand[];
  mounts: Mount[];
}

/**
 * The shell that runs a heredoc body, or null when a program other than a shell reads it: its `#!` line, else
 * the shell the header runs it with (`RUN bash <<EOF`), else the RUN's own shell.
 */
function heredocShell(body: string, headerCommands: ShellCommand[], runShell: string): string | null {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
  if (shebang) {
    const interp = commandName(shebang[1]!) === 'env' ? (shebang[2] ?? '') : shebang[1]!;
    return isShell(interp) ? interp : null;
  }
  if (headerCommands.length === 0) return runShell;
  // `RUN bash <<EOF` / `RUN <<EOF sh -ex`: a shell reading its script from the heredoc
  const reader = headerCommands.find(
    (c) =>
      isShell(c.argv[0]!) && shellDashC(c.argv) === null && !c.argv.slice(1).some((a) => !a.startsWith('-')),
  );
  return reader ? reader.argv[0]! : null;
}

/**
 * A RUN's commands; `vars` gives the ARG and ENV values it sees, expanded in its words; `shell` is the SHELL in
 * force (default `/bin/sh -c`): under bash or zsh, braces expand.
 */
export function analyzeRun(
  instr: Instruction,
  vars?: VarGetter,
  shell: readonly string[] | null = null,
): RunInfo {
  const mounts = mountsOf(instr);
  const scope = new ShellScope(vars);
  if (instr.json) return { instr, commands: execFormCommands(instr.json, scope), mounts };
  const runShell = shell?.[0] ?? '/bin/sh';
  const header = splitCommands(instr.args, 0, scope, expandsBraces(runShell));
  const commands = [...header];
  for (const h of instr.heredocs) {
    const bodyShell = heredocShell(h.body, header, runShell);
    if (bodyShell !== null) commands.push(...splitCommands(h.body, 0, scope, expandsBraces(bodyShell)));
  }
  return { instr, commands, mounts };
}
