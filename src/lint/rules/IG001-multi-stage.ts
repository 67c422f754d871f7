import { buildTooling } from '../commands.js';
import { graphOf, quote, type Rule } from '../rule.js';

export const IG001: Rule = {
  id: 'IG001',
  name: 'multi-stage',
  severity: 'warning',
  summary: 'The Dockerfile has one stage and that stage installs or runs build-only tooling.',
  rationale:
    'Compilers, headers and package managers needed only to build end up in the image that runs: larger, slower to pull, more to patch.',
  fix: 'Build in a first stage (`FROM … AS build`), then start a clean final stage and `COPY --from=build` only what runs.',
  check(ctx) {
    const g = graphOf(ctx);
    if (g.stages.length !== 1) return [];
    const hits: { line: number; text: string; what: string }[] = [];
    for (const instr of g.stages[0]!.body) {
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of ctx.run(instr).commands) {
        const what = buildTooling(cmd);
        if (what) {
          hits.push({ line: instr.line, text: quote(instr), what });
          break;
        }
      }
    }
    const first = hits[0];
    if (!first) return [];
    const more =
      hits.length > 1
        ? ` (also line${hits.length > 2 ? 's' : ''} ${hits
            .slice(1)
            .map((h) => h.line)
            .join(', ')})`
        : '';
    return [
      {
        line: first.line,
        message: `${first.text} ${first.what}${more}, and this Dockerfile has a single stage: the build tooling ships in the image. Do the build in a \`FROM … AS build\` stage and copy only its output into a clean final stage.`,
      },
    ];
  },
};
