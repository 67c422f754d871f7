// segment.ts against dockerfile-ast (the parser behind the Dockerfile language server): the same
// instructions, keywords and line ranges, heredoc bodies included, on the awkward inputs.
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { heredocOpeners, segment } from '../../src/lint/segment.js';

const CORPUS: Record<string, string> = {
  basic:
    'ARG PY=3.13\nFROM python:${PY}-slim AS build\nrun pip install \\\n  # a comment\n  -r req.txt\nCOPY --from=build /a /b\n',
  escape: '# escape=`\nFROM windows\nRUN dir `\n  c:\\\nRUN x\n',
  crlf: 'FROM a\r\nRUN a \\\r\n  b\r\nCMD ["x", "y"]\r\n',
  heredocs:
    'FROM a\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\nRUN <<-EOT bash\n\tpip install y\n\tEOT\nCOPY <<EOF /x\nhello\nEOF\nRUN echo hi\n',
  'two heredocs': 'FROM a\nRUN <<A cat && <<"B" sh\nx\nA\ny\nB\nRUN z\n',
  'unterminated heredoc': 'FROM a\nRUN <<EOF\napt-get update\n',
  'trailing whitespace after escape': 'FROM a\nRUN a \\  \n  b\nRUN c\n',
  'continuation at EOF': 'FROM a\nRUN a \\\n',
  'blank line in continuation': 'FROM a\nRUN a \\\n\n  b\n',
  'indented comment': 'FROM a\n  # hello\nRUN a \\\n   # inner \\\n  b\n',
  directives: '# syntax=docker/dockerfile:1\n# escape=\\\nFROM a\n',
  unknown: 'FROM a\nFOO bar\nRUNN x\n',
  'long continuation':
    'FROM a\nRUN apt-get update && \\\n    apt-get install -y \\\n        curl \\\n    && rm -rf /var/lib/apt/lists/*\nUSER app\n',
  onbuild: 'FROM a\nONBUILD RUN pip install x\n',
  'quoted heredoc': "FROM a\nRUN <<'EOF' bash -ex\necho $HOME\nEOF\n",
  'heredoc after flags':
    'FROM a\nRUN --mount=type=cache,target=/var/cache/apt <<EOF\nset -e\napt-get update\nEOF\n',
  'not a heredoc in quotes': 'FROM a\nRUN echo "<<EOF"\nRUN b\n',
};

function reference(text: string) {
  const df = DockerfileParser.parse(text);
  // dockerfile-ast lets an instruction left open at the end of the file run onto the empty "line" after the
  // final newline; segment stops at the last line that exists
  const last = text.replace(/\r?\n$/, '').split('\n').length - 1;
  return df.getInstructions().map((i) => ({
    keyword: i.getInstruction(),
    start: i.getRange().start.line,
    end: Math.min(i.getRange().end.line, last),
  }));
}

describe('segment agrees with dockerfile-ast', () => {
  for (const [name, text] of Object.entries(CORPUS)) {
    it(name, () => {
      const ours = segment(text).segments.map((s) => ({ keyword: s.keyword, start: s.start, end: s.end }));
      expect(ours).toEqual(reference(text));
    });
  }
  it('reads the escape directive and comments like it', () => {
    for (const text of Object.values(CORPUS)) {
      const df = DockerfileParser.parse(text);
      expect(segment(text).escape).toBe(df.getEscapeCharacter());
    }
  });
});

describe('heredocs', () => {
  it('finds openers outside quotes only', () => {
    expect(heredocOpeners('RUN <<EOF')).toEqual([{ name: 'EOF', stripTabs: false }]);
    expect(heredocOpeners('RUN <<-"END" python3 && <<x sh')).toEqual([
      { name: 'END', stripTabs: true },
      { name: 'x', stripTabs: false },
    ]);
    expect(heredocOpeners('RUN echo "<<EOF" \'<<X\'')).toEqual([]);
    expect(heredocOpeners('RUN cat <<<"here string"')).toEqual([]);
  });
  it('marks an unterminated body', () => {
    const [, run] = segment('FROM a\nRUN <<EOF\nx\n').segments;
    expect(run!.heredocs[0]).toMatchObject({ name: 'EOF', terminated: false, bodyStart: 2 });
  });
});
