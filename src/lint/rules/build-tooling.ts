// What IG001 (one stage) and IG011 (several stages) both look for: RUNs that install or run build-only
// tooling in the given stages, reported once per Dockerfile at the first such RUN with the others listed.
import { buildTooling } from '../commands.js';
import { quote, type RuleContext } from '../rule.js';
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

export function firstBuildTooling(ctx: RuleContext, stages: readonly Stage[]): ToolingHit | null {
  const hits: { line: number; text: string; what: string }[] = [];
  for (const stage of stages) {
    for (const instr of stage.body) {
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of ctx.run(instr).commands) {
        const what = buildTooling(cmd);
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
