import { KNOWN_INSTRUCTIONS } from '../parse.js';
import type { Rule, RuleReport } from '../rule.js';
import { hasFromFlag } from '../rule.js';
import { substitute } from '../stages.js';

export const IG000: Rule = {
  id: 'IG000',
  name: 'syntax',
  severity: 'error',
  summary:
    'The Dockerfile cannot be parsed, has an unknown instruction, has no FROM, or `COPY --from=` names a stage that does not exist.',
  rationale: 'The engine refuses to build it, or builds something other than what the file says.',
  fix: 'Correct the instruction at this line.',
  check(ctx) {
    const out: RuleReport[] = ctx.problems.map((p) => ({ line: p.line, message: p.message }));
    const g = ctx.graph;
    if (!g) {
      const empty = ctx.parsed.instructions.length === 0;
      out.push({
        line: 1,
        message: empty
          ? 'the Dockerfile holds no instructions: it needs at least `FROM image:tag`'
          : 'the Dockerfile has no FROM instruction: start a stage with `FROM image:tag`',
        fix: 'Begin the build with `FROM image:tag` (only ARG may come before the first FROM).',
      });
      return out;
    }
    for (const instr of g.preamble) {
      // an unknown instruction is already reported, without its text
      if (instr.keyword !== 'ARG' && KNOWN_INSTRUCTIONS.has(instr.keyword)) {
        out.push({
          line: instr.line,
          message: `\`${instr.text}\` (line ${instr.line}) comes before the first FROM: only ARG may come before FROM`,
          fix: 'Move it after the FROM line.',
        });
      }
    }
    for (const stage of g.stages) {
      for (const instr of stage.body) {
        if (instr.keyword !== 'COPY' || !hasFromFlag(instr)) continue;
        const raw = instr.flags.find((f) => f.name === 'from')!.value ?? '';
        const value = substitute(raw, g.globalArgs, ctx.parsed.escape);
        if (value === null || value === '' || /[:/@]/.test(value)) continue;
        if (/^\d+$/.test(value)) {
          if (Number(value) >= stage.index) {
            out.push({
              line: instr.line,
              message: `\`${instr.text}\` (line ${instr.line}) copies from stage ${value}, but only stages 0–${stage.index - 1} come before it`,
              fix:
                stage.index === 0
                  ? 'Copy from an earlier stage, or from an image (`--from=image:tag`).'
                  : `Use --from=0…${stage.index - 1} or a stage name.`,
            });
          }
          continue;
        }
        const key = value.toLowerCase();
        if (ctx.buildContexts?.has(key)) continue;
        if (!g.stages.some((s) => s.index < stage.index && s.name?.toLowerCase() === key)) {
          const names = g.stages.filter((s) => s.index < stage.index && s.name).map((s) => s.name);
          out.push({
            line: instr.line,
            message: `\`${instr.text}\` (line ${instr.line}) copies from \`${value}\`, which is no earlier stage${names.length ? ` (earlier stages: ${names.join(', ')})` : ''}`,
            fix: 'Name an earlier stage (`FROM image AS name`), or write a full image reference (`--from=image:tag`).',
          });
        }
      }
    }
    return out;
  },
};
