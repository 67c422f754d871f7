// What IG001 (one stage) and IG011 (several stages) both look for: RUNs that install or run build-only
// tooling in the given stages, reported once per Dockerfile at the first such RUN with the others listed.
// Tooling the same RUN removes again does not ship, so it does not count.
import { buildStep, removedAgain, toolingInstall } from '../commands/build-only-tools.js';
import { quote, type RuleContext } from '../rule.js';
import type { ShellCommand } from '../shell.js';
import type { Stage } from '../stages.js';

export interface ToolingHit {
  line: number;
  /** The first RUN, quoted. */
  text: string;
  /** What it does, e.g. `installs gcc`. */
  what: string;
  /** ` (also lines 9, 12)` when more RUNs do it, else ''. */
  more: string;
}

/**
 * What command `k` of a RUN installs or runs that ships: build packages the same RUN removes again later
 * (`apk add --virtual .build-deps … && apk del .build-deps`, `apt-get purge --auto-remove`) do not count.
 */
function toolingLeft(commands: readonly ShellCommand[], k: number): string | null {
  const cmd = commands[k]!;
  const install = toolingInstall(cmd);
  if (install) {
    const removed = removedAgain(install, commands.slice(k + 1));
    const left = install.packages.filter((p) => !removed.has(p));
    return left.length ? `installs ${left.join(', ')}` : null;
  }
  return buildStep(cmd);
}

export function firstBuildTooling(ctx: RuleContext, stages: readonly Stage[]): ToolingHit | null {
  const hits: { line: number; text: string; what: string }[] = [];
  for (const stage of stages) {
    for (const instr of stage.body) {
      if (instr.keyword !== 'RUN') continue;
      const { commands } = ctx.run(instr);
      for (let k = 0; k < commands.length; k++) {
        const what = toolingLeft(commands, k);
        if (what) {
          hits.push({ line: instr.line, text: quote(instr), what });
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
