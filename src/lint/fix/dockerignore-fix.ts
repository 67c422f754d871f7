// IG008: the entries the ignore file lacks, appended (the file created when there is none). An entry is added
// only when the Dockerfile does not name that path itself (`COPY .env .` means it is wanted) and the ignore
// file does not re-include anything below it on purpose (`!.git/HEAD`).
import { HEAVY_PATHS } from '../context.js';
import { copySources, hasFromFlag } from '../rule.js';
import { type Fixer, left } from './model.js';

const DEFAULT_ENTRIES = ['.git', '**/__pycache__', '.venv', 'node_modules', '.env'];

export const fixDockerignore: Fixer = (finding, env) => {
  const ctx = env.context;
  if (!ctx) return left(finding, 'not mechanical: no build context');
  const heavy = ctx.info.heavy;
  const names = [...new Set(heavy.map((h) => h.path.split('/').pop()!))];
  const named = new Set<string>();
  for (const i of env.parsed.instructions) {
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || hasFromFlag(i)) continue;
    for (const s of copySources(i)) for (const part of s.split('/')) named.add(part);
  }
  const reincluded = (ctx.ignoreText ?? '')
    .split(/\r?\n/)
    .filter((l) => l.trim().startsWith('!'))
    .join('\n');
  const entries: string[] = [];
  for (const name of names.length > 0 || ctx.ignoreText !== null ? names : DEFAULT_ENTRIES) {
    const bare = name.replace(/^\*\*\//, '');
    if (!HEAVY_PATHS.includes(bare)) continue;
    if (named.has(bare)) return left(finding, `unsafe here: the Dockerfile copies \`${bare}\` by name`);
    if (reincluded.includes(bare))
      return left(finding, `unsafe here: the ignore file re-includes something in \`${bare}\``);
    // at any depth, as IG008's advice writes them; `.env` at the root only when every one is there
    const rootOnly = heavy
      .filter((h) => h.path.split('/').pop() === bare)
      .every((h) => !h.path.includes('/'));
    entries.push(bare === '.env' && rootOnly ? '.env' : `**/${bare}`);
  }
  if (entries.length === 0) return left(finding, 'not mechanical: nothing listed is in the context');
  const old = ctx.ignoreText;
  const eol = old?.includes('\r\n') ? '\r\n' : '\n';
  const head = old === null ? '' : old === '' || old.endsWith('\n') ? old : `${old}${eol}`;
  const text = `${head}${entries.join(eol)}${eol}`;
  return {
    finding,
    edits: [],
    ignoreText: text,
    summary: `${old === null ? 'created' : 'added to'} ${ctx.ignorePath}: ${entries.join(', ')}`,
  };
};
