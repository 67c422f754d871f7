import type { Instruction } from '../parse.js';
import { builtStages, quote, type Rule, type RuleReport } from '../rule.js';
import { usesPowerShell } from '../windows.js';

export const IG007: Rule = {
  id: 'IG007',
  name: 'merge-runs',
  severity: 'info',
  summary:
    'Two or more RUN instructions follow each other directly in one stage (one finding per block, at its second RUN).',
  rationale: 'Each RUN is a layer; files deleted in a later RUN still take space in the earlier one.',
  fix: 'Join consecutive RUNs with `&&` (and `\\` line continuations) into one RUN.',
  check(ctx) {
    const out: RuleReport[] = [];
    for (const stage of builtStages(ctx)) {
      let block: Instruction[] = [];
      const flush = () => {
        if (block.length >= 2) {
          const lines = block.map((r) => r.line);
          const powerShell = usesPowerShell(ctx, block[1]!);
          out.push({
            line: block[1]!.line,
            message: `${quote(block[1]!)} directly follows ${quote(block[0]!)}${block.length > 2 ? ` (${block.length} RUNs in a row: lines ${lines.join(', ')})` : ''}: each RUN is a layer. ${powerShell ? 'Join them into one RUN, the commands separated by `;` (Windows PowerShell has no `&&`).' : 'Join them into one RUN with `&&`.'}`,
            ...(powerShell
              ? { fix: 'Join consecutive RUNs into one, the PowerShell commands separated by `;`.' }
              : {}),
          });
        }
        block = [];
      };
      for (const instr of stage.body) {
        if (instr.keyword === 'RUN') block.push(instr);
        else flush();
      }
      flush();
    }
    return out;
  },
};
