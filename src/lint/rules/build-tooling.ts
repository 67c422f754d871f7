// What IG001 (one stage) and IG011 (several stages) both look for: RUNs that install or run build-only
// tooling in the given stages, reported once per Dockerfile at the first such RUN with the others listed.
// Tooling the same RUN removes again does not ship, so it does not count.
import { buildStep, removedAgain, toolingInstall } from '../commands/build-only-tools.js';
import type { RuleContext } from '../rule.js';
import type { ShellCommand } from '../shell.js';
import type { Stage } from '../stages.js';

export interface ToolingHit {
  line: number;
  /** The command that does it, quoted up to and including the word that counts, with its line. */
  text: string;
  /** What it does, e.g. `installs gcc`. */
  what: string;
  /** The stage the first such RUN is in. */
  stage: Stage;
  /** ` (also lines 9, 12)` when more RUNs do it, else ''. */
  more: string;
}

/** `apt-get install -y gcc …`: the command's words through argv[k], and `…` when more follow. */
function commandUpTo(cmd: ShellCommand, k: number): string {
  const words = cmd.argv.slice(0, k + 1).join(' ');
  return k + 1 < cmd.argv.length ? `${words} …` : words;
}

/**
 * What command `k` of a RUN installs or runs that ships, and the command quoted up to the word that counts:
 * build packages the same RUN removes again later (`apk add --virtual .build-deps … && apk del .build-deps`,
 * `apt-get purge --auto-remove`) do not count.
 */
function toolingLeft(commands: readonly ShellCommand[], k: number): { what: string; command: string } | null {
  const cmd = commands[k]!;
  const install = toolingInstall(cmd);
  if (install) {
    const removed = removedAgain(install, commands.slice(k + 1));
    const left = install.packages.filter((p) => !removed.has(p));
    if (left.length === 0) return null;
    const at = cmd.argv.indexOf(left[0]!, 1);
    return {
      what: `installs ${left.join(', ')}`,
      command: commandUpTo(cmd, at < 0 ? cmd.argv.length - 1 : at),
    };
  }
  const step = buildStep(cmd);
  return step === null ? null : { what: 'runs a build step', command: commandUpTo(cmd, step) };
}

export function firstBuildTooling(ctx: RuleContext, stages: readonly Stage[]): ToolingHit | null {
  const hits: { line: number; text: string; what: string; stage: Stage }[] = [];
  for (const stage of stages) {
    for (const instr of stage.body) {
      if (instr.keyword !== 'RUN') continue;
      const { commands } = ctx.run(instr);
      for (let k = 0; k < commands.length; k++) {
        const found = toolingLeft(commands, k);
        if (found) {
          hits.push({
            line: instr.line,
            text: `\`${found.command}\` (line ${instr.line})`,
            what: found.what,
            stage,
          });
          break;
        }
      }
    }
  }
  const first = hits[0];
  if (!first) return null;
  const others = hits.slice(1).map((h) => h.line);
  const more = others.length ? ` (also line${others.length > 1 ? 's' : ''} ${others.join(', ')})` : '';
  return { ...first, more };
}
