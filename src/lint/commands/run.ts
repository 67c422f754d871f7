// What a RUN does: its simple commands (shell form, exec form and shell heredoc bodies) and its mounts. The
// modules beside this one recognise the package managers and installers the catalogue names in those commands,
// each judged on its own arguments.
import type { Instruction } from '../parse.js';
import {
  commandName,
  execFormCommands,
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
