// Which stage a lint judged as the image that ships: carried by LintResult, Report.judged and every renderer.

/**
 * Which stage a lint judged as the image that ships, and why: the last stage, or the `--target` given.
 * `stage` is its name as written after AS (null for an unnamed stage), `index` its 0-based position among
 * the FROMs, `line` the line of its FROM.
 */
export interface JudgedImage {
  stage: string | null;
  index: number;
  line: number;
  reason: 'last stage' | 'target';
}

/** One line for reports: `stage "app" (FROM at line 31), the last stage`. */
export function describeJudged(judged: JudgedImage): string {
  const name = judged.stage === null ? `stage ${judged.index}` : `stage "${judged.stage}"`;
  const why = judged.reason === 'target' ? 'the target given' : 'the last stage';
  return `${name} (FROM at line ${judged.line}), ${why}`;
}
