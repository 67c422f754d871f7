import { graphOf, isWholeContextCopy, quote, type Rule } from '../rule.js';

export const IG012: Rule = {
  id: 'IG012',
  name: 'copy-all-final',
  severity: 'info',
  summary: 'The final stage (or a stage it is built FROM) copies the whole build context.',
  rationale:
    'Tests, docs, CI files and anything the ignore file misses land in the image, and any file change busts the layer.',
  fix: 'Copy only what runs: `COPY app/ app/` (and the files it needs) instead of `COPY . .`.',
  check(ctx) {
    const g = graphOf(ctx);
    const copy = g.lineage.flatMap((s) => s.body).find((i) => isWholeContextCopy(ctx, i));
    if (!copy) return [];
    return [
      {
        line: copy.line,
        message: `${quote(copy)} copies the whole build context into the final image: tests, docs and local files come along. Copy only the directories the application needs (e.g. \`COPY app/ app/\`).`,
      },
    ];
  },
};
