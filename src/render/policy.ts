// The report's `policy` in words, at the top of the comment, the job summary and the CLI's text: whose config
// judged the pull request, what the PR changes of it, and the inline ignores it adds. One wording for both
// renderers; each gives its own way to show code and emphasis, and escapes the values.
import type { AddedIgnore, PolicyChange, PolicyReport } from '../core/report.js';

export interface PolicyStyle {
  /** A value or a path, shown as code (and escaped). */
  code(text: string): string;
  /** The start of a sentence that must be seen. */
  strong(text: string): string;
  /** Any other text that comes from the repository (escaped). */
  text(text: string): string;
}

/** `max-size 250MB → 1GB`, `IG009 off`, `fail-on never (new; the workflow's input applies)`. */
function change(c: PolicyChange, s: PolicyStyle): string {
  const rule = c.key.startsWith('severity.') ? c.key.slice('severity.'.length) : null;
  const name = rule ?? c.key;
  let what: string;
  if (c.base === null && c.head !== null)
    what = rule ? `${name} ${s.code(c.head)}` : `${name} ${s.code(c.head)} (new)`;
  else if (c.head === null && c.base !== null)
    what = rule ? `${name} back to its default (was ${s.code(c.base)})` : `${name} ${s.code(c.base)} removed`;
  else what = `${name} ${s.code(c.base ?? '')} → ${s.code(c.head ?? '')}`;
  return c.applies === 'input' ? `${what} (the workflow's input applies)` : what;
}

function ignore(i: AddedIgnore, s: PolicyStyle): string {
  const where = s.text(`${i.file}:${i.line}`);
  return i.scope === 'file'
    ? `${i.rule} in the whole file (${where})`
    : `${i.rule} for one instruction (${where})`;
}

/** The sentences, one a line; none when the base's config judged and the PR changes nothing of it. */
export function policySentences(policy: PolicyReport, s: PolicyStyle): string[] {
  const out: string[] = [];
  const changes = policy.changes.map((c) => change(c, s)).join('; ');
  const file = s.code(policy.file);
  if (policy.from === 'base') {
    if (changes)
      out.push(
        `${s.strong('This PR changes the policy')}: ${changes}. It is judged by ${file} at the base commit ${s.text(policy.baseCommit)}, the reviewed one; the change applies once merged.`,
      );
  } else {
    const why =
      policy.from === 'head (no base config)'
        ? `${s.strong('First adoption')}: the base commit ${s.text(policy.baseCommit)} has no ${file}`
        : `${s.strong("The base commit's config could not be used")} (${s.text(policy.note ?? `${policy.file} unreadable`)})`;
    out.push(`${why}, so this PR's own config judges it${changes ? `; it sets ${changes}` : ''}.`);
  }
  if (policy.addedIgnores.length > 0)
    out.push(
      `${s.strong('This PR adds inline ignores')}: ${policy.addedIgnores.map((i) => ignore(i, s)).join('; ')}.`,
    );
  return out;
}
