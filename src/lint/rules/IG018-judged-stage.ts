import { graphOf, type Rule } from '../rule.js';

const NOT_SHIPPED = /^(dev|development|test|tests|ci|debug|lint)([-_.0-9]|$)/i;
const SHIPPED = /^(prod|production|release|runtime|final|app)([-_.0-9]|$)/i;

export const IG018: Rule = {
  id: 'IG018',
  name: 'judged-stage',
  severity: 'info',
  summary:
    'The final stage was taken to be the last stage, its name says dev, development, test, tests, ci, debug or lint, and another stage is named like a runtime stage (prod, production, release, runtime, final, app).',
  rationale:
    'Without a target, the last stage is judged as the image that ships: a dev or test stage written last gets the findings meant for the runtime image, and the runtime image is not judged.',
  fix: 'Lint the stage that ships: `image-guard lint Dockerfile --target <stage>` (the Action: its `target` input).',
  check(ctx) {
    const g = graphOf(ctx);
    const final = g.final;
    if (g.finalReason !== 'last stage' || !final.name || !NOT_SHIPPED.test(final.name)) return [];
    const runtime = [...g.stages].reverse().find((s) => s !== final && s.name && SHIPPED.test(s.name));
    if (!runtime) return [];
    return [
      {
        line: final.from.line,
        message: `the last stage \`${final.from.text}\` (line ${final.from.line}) is named like a ${NOT_SHIPPED.exec(final.name)![1]!.toLowerCase()} stage, so it was judged as the final image, while \`${runtime.name}\` (line ${runtime.from.line}) looks like the image that ships. To judge that one, pass \`--target ${runtime.name}\` (the Action: \`target: ${runtime.name}\`).`,
        fix: `Lint the stage that ships: \`image-guard lint <Dockerfile> --target ${runtime.name}\` (the Action: \`target: ${runtime.name}\`).`,
      },
    ];
  },
};
