// Splits Dockerfile text into instructions the way BuildKit's parser does: parser directives at the top,
// comment lines, instructions continued with the escape character (comment and blank lines inside a
// continuation skipped), and heredoc bodies after RUN/COPY/ADD. dockerfile-ast does the same but costs
// ~250 ms cold for a 1,000-line file (it extracts every argument eagerly); this single pass keeps `lint`
// inside its time budget, and test/lint/segment.test.ts checks it against dockerfile-ast line for line.

export interface RawHeredoc {
  name: string;
  stripTabs: boolean;
  /** 0-based line index of the body's first line (== delimiter line when the body is empty). */
  bodyStart: number;
  /** 0-based index after the body's last line. */
  bodyEnd: number;
  terminated: boolean;
}

export interface Segment {
  /** The keyword as written. */
  keyword: string;
  /** 0-based first line, last line of the instruction (heredocs included), last line of its header. */
  start: number;
  end: number;
  headerEnd: number;
  heredocs: RawHeredoc[];
}

export interface Segmented {
  lines: string[];
  escape: string;
  directives: { name: string; value: string; line: number }[];
  comments: { line: number; text: string }[];
  segments: Segment[];
}

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const HEREDOC_WORD = /^<<(-?)(["']?)([^"'\s<>]+)\2$/;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

function endsWithEscape(line: string, escapeChar: string): boolean {
  let k = line.length - 1;
  while (k >= 0 && (line[k] === ' ' || line[k] === '\t')) k--;
  return k >= 0 && line[k] === escapeChar;
}

/** Heredoc openers (`<<EOF`, `<<-"EOF"`) among the unquoted words of an instruction's header. */
export function heredocOpeners(header: string): { name: string; stripTabs: boolean }[] {
  const out: { name: string; stripTabs: boolean }[] = [];
  let i = 0;
  const n = header.length;
  while (i < n) {
    const c = header[i]!;
    if (c === "'" || c === '"') {
      const end = header.indexOf(c, i + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (
      c === '<' &&
      header[i + 1] === '<' &&
      header[i + 2] !== '<' &&
      (i === 0 || /[\s;&|(]/.test(header[i - 1]!))
    ) {
      let j = i;
      while (j < n && !/\s/.test(header[j]!)) j++;
      const m = HEREDOC_WORD.exec(header.slice(i, j));
      if (m) out.push({ name: m[3]!, stripTabs: m[1] === '-' });
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

export function segment(text: string): Segmented {
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) if (lines[k]!.endsWith('\r')) lines[k] = lines[k]!.slice(0, -1);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const directives: Segmented['directives'] = [];
  const comments: Segmented['comments'] = [];
  const segments: Segment[] = [];
  let escapeChar = '\\';

  let k = 0;
  // parser directives: only before anything else, each name once
  const seen = new Set<string>();
  while (k < lines.length) {
    const m = DIRECTIVE.exec(lines[k]!.trimStart());
    if (!m || seen.has(m[1]!.toLowerCase())) break;
    const name = m[1]!.toLowerCase();
    seen.add(name);
    directives.push({ name, value: m[2]!, line: k + 1 });
    comments.push({ line: k + 1, text: lines[k]!.trim().slice(1).trim() });
    if (name === 'escape' && (m[2] === '`' || m[2] === '\\')) escapeChar = m[2];
    k++;
  }

  while (k < lines.length) {
    const line = lines[k]!;
    const trimmed = line.trimStart();
    if (trimmed === '') {
      k++;
      continue;
    }
    if (trimmed.startsWith('#')) {
      comments.push({ line: k + 1, text: trimmed.slice(1).trim() });
      k++;
      continue;
    }
    const start = k;
    const keyword = /^\S+/.exec(trimmed)![0];
    let last = k;
    let headerText = line;
    if (endsWithEscape(line, escapeChar)) {
      let j = k + 1;
      while (j < lines.length) {
        const l = lines[j]!;
        const t = l.trimStart();
        if (t === '' || t.startsWith('#')) {
          if (t.startsWith('#')) comments.push({ line: j + 1, text: t.slice(1).trim() });
          j++;
          continue;
        }
        last = j;
        headerText += `\n${l}`;
        if (!endsWithEscape(l, escapeChar)) break;
        j++;
      }
      if (j >= lines.length) last = Math.max(last, lines.length - 1);
    }
    const heredocs: RawHeredoc[] = [];
    let end = last;
    if (HEREDOC_KEYWORDS.has(keyword.toUpperCase())) {
      let cursor = last + 1;
      for (const opener of heredocOpeners(headerText)) {
        const bodyStart = cursor;
        let terminated = false;
        while (cursor < lines.length) {
          const l = opener.stripTabs ? lines[cursor]!.replace(/^\t+/, '') : lines[cursor]!;
          if (l === opener.name) {
            terminated = true;
            break;
          }
          cursor++;
        }
        heredocs.push({
          name: opener.name,
          stripTabs: opener.stripTabs,
          bodyStart,
          bodyEnd: cursor,
          terminated,
        });
        end = terminated ? cursor : lines.length - 1;
        cursor = terminated ? cursor + 1 : lines.length;
      }
    }
    segments.push({ keyword, start, end: Math.max(end, last), headerEnd: last, heredocs });
    k = Math.max(end, last) + 1;
  }
  return { lines, escape: escapeChar, directives, comments, segments };
}
