import { buildTooling } from '../commands.js';
import { graphOf, quote, type Rule } from '../rule.js';

export const IG011: Rule = {
  id: 'IG011',
  name: 'build-tools-in-final',
  severity: 'warning',
  summary: 'A Dockerfile with two or more stages installs or runs build-only tooling in its final lineage.',
  rationale:
    'The point of the builder stage is lost: compilers, headers and build tools still ship in the image.',
  fix: 'Move the build step (and the tools it needs) into the builder stage and `COPY --from=` only its output.',
  check(ctx) {
    const g = graphOf(ctx);
    if (g.stages.length < 2) return [];
    const hits: { line: number; text: string; what: string }[] = [];
    for (const stage of g.lineage) {
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
        message: `${first.text} ${first.what} in the final stage${more}: the build tooling ships in the image although this Dockerfile has a builder stage. Do it in the builder stage and copy only the result.`,
      },
    ];
  },
};
