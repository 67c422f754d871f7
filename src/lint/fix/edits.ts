// Text edits located in the original text, applied all at once: each fix says where in the source it changes
// what, so two fixes never see each other's output and a fix can be dropped without redoing the others.

export interface TextEdit {
  /** Source offsets: the text from start to end is replaced (start === end: an insertion). */
  start: number;
  end: number;
  text: string;
}

const byPosition = (a: TextEdit, b: TextEdit) => a.start - b.start || a.end - b.end;

/** True when two sets of edits touch overlapping text (insertions at the same point overlap too). */
export function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  const clash = (x: TextEdit, y: TextEdit) =>
    x.start === y.start || (x.start < y.end && y.start < x.end) || (x.start < y.start && y.start < x.end);
  return a.some((x) => b.some((y) => clash(x, y) || clash(y, x)));
}

/** The text with the edits made; edits must not overlap (insertions at one point keep their order). */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(byPosition);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

const newlines = (s: string) => {
  let count = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) count++;
  return count;
};

/**
 * Maps a 1-based line of the source to its line after the edits: findings are compared across a fix by rule
 * and line, and a fix that adds a line (ENV, USER, a continued `&& rm …`) moves the lines below it.
 */
export function lineMapper(source: string, edits: readonly TextEdit[]): (line: number) => number {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (line) => {
    const offset = starts[line - 1] ?? source.length;
    let shift = 0;
    for (const e of edits) {
      if (e.end <= offset && (e.start < offset || e.start === e.end))
        shift += newlines(e.text) - newlines(source.slice(e.start, e.end));
    }
    return line + shift;
  };
}
