import { officialImageOf } from '../../core/image-ref.js';
import { graphOf, type Rule } from '../rule.js';
import { baseOf, variablesBefore } from '../stages.js';

export const IG016: Rule = {
  id: 'IG016',
  name: 'python-env',
  severity: 'info',
  summary:
    'The final stage’s base is a python image and the lineage sets neither PYTHONUNBUFFERED nor PYTHONDONTWRITEBYTECODE.',
  rationale:
    'Buffered stdout delays or loses logs when the container stops; .pyc files written at run time go to a read-only or throw-away layer.',
  fix: 'Add `ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1` to the final stage.',
  check(ctx) {
    const g = graphOf(ctx);
    const base = baseOf(g.final);
    if (!base.ref || officialImageOf(base.ref) !== 'python') return [];
    const env = variablesBefore(g.lineage, null, g.globalArgs, { env: true, arg: false });
    if (env.has('PYTHONUNBUFFERED') || env.has('PYTHONDONTWRITEBYTECODE')) return [];
    return [
      {
        line: g.final.from.line,
        message: `the final stage \`${g.final.from.text}\` (line ${g.final.from.line}) runs Python without PYTHONUNBUFFERED or PYTHONDONTWRITEBYTECODE: logs are buffered and .pyc files are written at run time. Add \`ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\`.`,
      },
    ];
  },
};
