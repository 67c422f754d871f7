import { graphOf, type Rule } from '../rule.js';
import { firstBuildTooling } from './build-tooling.js';

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
    const first = firstBuildTooling(ctx, g.lineage);
    if (!first) return [];
    const more = first.more;
    // the tooling may sit in a stage the final one is built FROM: name it, the final stage's body has none
    const where =
      first.stage === g.final
        ? 'the final stage'
        : `stage \`${first.stage.name ?? first.stage.index}\`, which the final image is built from`;
    return [
      {
        line: first.line,
        message: `${first.text} ${first.what} in ${where}${more}: the build tooling ships in the image although this Dockerfile has a builder stage. Do it in the builder stage and copy only the result.`,
        ...(first.stage === g.final
          ? {}
          : {
              fix: `Move the build step (and the tools it needs) out of stage \`${first.stage.name ?? first.stage.index}\` into a builder stage the final image does not start FROM, and \`COPY --from=\` only its output.`,
            }),
      },
    ];
  },
};
