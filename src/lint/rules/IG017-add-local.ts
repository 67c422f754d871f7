import { builtStages, isUrl, quote, type Rule, type RuleReport } from '../rule.js';

const TAR = /\.(tar|tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2|tbz|tar\.zst|tzst)$/i;

function isGitSource(src: string): boolean {
  return (
    /^git@/.test(src) || /\.git(#.*)?$/.test(src) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(src)
  );
}

export const IG017: Rule = {
  id: 'IG017',
  name: 'add-local',
  severity: 'info',
  summary: 'ADD copies a local path that is not a tar archive and not a URL or git source.',
  rationale:
    'ADD has extra behaviour (archive extraction, URLs); for plain files COPY says what happens and nothing more.',
  fix: 'Use COPY for local files and directories.',
  check(ctx) {
    const out: RuleReport[] = [];
    for (const stage of builtStages(ctx)) {
      for (const instr of stage.body) {
        if (instr.keyword !== 'ADD') continue;
        const local = ctx
          .sources(instr)
          .filter((s) => !s.includes('$') && !isUrl(s) && !isGitSource(s) && !TAR.test(s));
        if (local.length === 0) continue;
        out.push({
          line: instr.line,
          message: `${quote(instr)} uses ADD for the local path \`${local[0]}\`: write \`${instr.text.replace(/^ADD\b/, 'COPY')}\` — ADD is only needed for tar archives and remote sources.`,
          fix: 'Replace ADD with COPY.',
        });
      }
    }
    return out;
  },
};
