// Secret values never reach text the run publishes. The runner masks what `setSecret` registered in the step's
// log, but a job summary, a comment and a report file are written by us: what could quote a secret (a build's
// log tail) goes through here first.

const MASK = '***';

/** `text` with every occurrence of every secret value replaced by ***; longer values first, so no part remains. */
function redact(text: string, secrets: readonly string[]): string {
  const values = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const value of values) out = out.split(value).join(MASK);
  return out;
}

/** Each line redacted; a secret that spans lines is redacted too (each of its lines is one of the values). */
export function redactLines(lines: readonly string[], secrets: readonly string[]): string[] {
  const parts = secrets.flatMap((s) => [s, ...s.split(/\r?\n/).filter((p) => p.trim().length >= 4)]);
  return lines.map((l) => redact(l, parts));
}
