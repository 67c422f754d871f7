import { graphOf, type Rule } from '../rule.js';
import { firstBuildTooling } from './build-tooling.js';

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
    const first = firstBuildTooling(ctx, [g.stages[0]!]);
    if (!first) return [];
    const more = first.more;
    return [
      {
        line: first.line,
        message: `${first.text} ${first.what}${more}, and this Dockerfile has a single stage: the build tooling ships in the image. Do the build in a \`FROM … AS build\` stage and copy only its output into a clean final stage.`,
      },
    ];
  },
};
