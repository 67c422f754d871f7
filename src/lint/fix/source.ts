// Where things are in the Dockerfile's own text, for fixes that edit it in place. The parser (segment.ts,
// parse.ts) gives lines and joined arguments, not offsets; here an instruction's header is joined again the
// same way (continuations with the escape character, comment and blank lines inside them skipped), but each
// character of the joined text keeps the offset it came from, so an edit found in the joined text lands at the
// right place of the source: continuations, comments, indentation and CRLF line endings stay as written.
import { type Segment, segment } from '../segment.js';

/** Text read from the source, with each character's source range. */
export interface MappedText {
  text: string;
  /** Source offset of each character's first source character. */
  from: number[];
  /** Source offset just after each character's last source character. */
  to: number[];
}

export function mappedSlice(m: MappedText, start: number, end = m.text.length): MappedText {
  return { text: m.text.slice(start, end), from: m.from.slice(start, end), to: m.to.slice(start, end) };
}

/** A source line: where it starts, its text without the line ending, and its ending as written. */
export interface SourceLine {
  start: number;
  text: string;
  eol: '' | '\n' | '\r\n';
}

export interface SourceFile {
  source: string;
  /** Offset of the first line (1 when the file starts with a byte-order mark). */
  bom: number;
  lines: SourceLine[];
  escape: string;
  segments: Segment[];
}

export function readSource(source: string): SourceFile {
  const bom = source.startsWith('\ufeff') ? 1 : 0;
  const lines: SourceLine[] = [];
  let at = bom;
  while (at < source.length) {
    const nl = source.indexOf('\n', at);
    const end = nl < 0 ? source.length : nl;
    const cr = end > at && source[end - 1] === '\r' && nl >= 0;
    lines.push({
      start: at,
      text: source.slice(at, cr ? end - 1 : end),
      eol: nl < 0 ? '' : cr ? '\r\n' : '\n',
    });
    at = nl < 0 ? source.length : nl + 1;
  }
  const segmented = segment(source.slice(bom));
  return { source, bom, lines, escape: segmented.escape, segments: segmented.segments };
}

/** The line ending the file mostly uses (for new lines), CRLF when any line has it and LF none. */
export function lineEnding(file: SourceFile): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const l of file.lines) {
    if (l.eol === '\r\n') crlf++;
    else if (l.eol === '\n') lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

function isBlankOrComment(text: string): boolean {
  const t = text.trimStart();
  return t === '' || t.startsWith('#');
}

/**
 * An instruction's header (its lines up to the heredoc bodies) joined as BuildKit joins it, mapped to the
 * source. Mirrors joinLogical in parse.ts.
 */
export function headerText(file: SourceFile, seg: Segment): MappedText {
  const out: MappedText = { text: '', from: [], to: [] };
  const push = (line: SourceLine, upTo: number) => {
    for (let c = 0; c < upTo; c++) {
      out.text += line.text[c];
      out.from.push(line.start + c);
      out.to.push(line.start + c + 1);
    }
  };
  for (let k = seg.start; k <= seg.headerEnd; k++) {
    const line = file.lines[k]!;
    if (k > seg.start && isBlankOrComment(line.text)) continue;
    const right = line.text.replace(/[ \t]+$/, '');
    if (right.endsWith(file.escape)) {
      push(line, right.length - 1);
      continue;
    }
    push(line, line.text.length);
    break;
  }
  return out;
}

/** A heredoc body as it is in the source (tabs of `<<-` kept: they are blanks to a shell). */
export function heredocBody(file: SourceFile, bodyStart: number, bodyEnd: number): MappedText {
  const out: MappedText = { text: '', from: [], to: [] };
  for (let k = bodyStart; k < bodyEnd; k++) {
    const line = file.lines[k]!;
    const all = line.text + (k < bodyEnd - 1 ? '\n' : '');
    for (let c = 0; c < all.length; c++) {
      out.text += all[c];
      out.from.push(line.start + c);
      // the newline stands for the whole line ending (CR included)
      out.to.push(
        c === line.text.length ? line.start + line.text.length + line.eol.length : line.start + c + 1,
      );
    }
  }
  return out;
}

/**
 * The arguments of an instruction's header: after the keyword and, for `flagged` instructions, the leading
 * `--name[=value]` flags (read as parse.ts's splitFlags reads them). Returns the arguments and the flags' text.
 */
export function argumentsOf(
  header: MappedText,
  flagged: boolean,
): { args: MappedText; flags: { text: string; start: number; end: number }[] } {
  const t = header.text;
  let i = 0;
  while (i < t.length && /\s/.test(t[i]!)) i++;
  while (i < t.length && !/\s/.test(t[i]!)) i++; // the keyword
  const flags: { text: string; start: number; end: number }[] = [];
  for (;;) {
    let j = i;
    while (j < t.length && /\s/.test(t[j]!)) j++;
    if (!flagged || !t.startsWith('--', j)) {
      i = j;
      break;
    }
    const start = j;
    while (j < t.length && !/\s/.test(t[j]!)) {
      const c = t[j]!;
      if (c === '"' || c === "'") {
        const end = t.indexOf(c, j + 1);
        j = end < 0 ? t.length : end + 1;
      } else j++;
    }
    flags.push({ text: t.slice(start, j), start, end: j });
    i = j;
  }
  let end = t.length;
  while (end > i && /\s/.test(t[end - 1]!)) end--;
  return { args: mappedSlice(header, i, end), flags };
}

/** The first line of an instruction's header without its indentation: where its keyword starts. */
export function keywordRange(file: SourceFile, seg: Segment): { start: number; end: number } {
  const line = file.lines[seg.start]!;
  const indent = line.text.length - line.text.trimStart().length;
  return { start: line.start + indent, end: line.start + indent + seg.keyword.length };
}
