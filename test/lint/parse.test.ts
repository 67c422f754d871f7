// Where dockerfile-ast is loose for a linter, and what parse.ts does about it.
import { describe, expect, it } from 'vitest';
import { officialImageOf } from '../../src/core/image-ref.js';
import { analyzeRun } from '../../src/lint/commands/run.js';
import { parseDockerfile, parseKeyValues, shorten } from '../../src/lint/parse.js';
import { buildStageGraph, substitute } from '../../src/lint/stages.js';

const first = (text: string, keyword = 'RUN') =>
  parseDockerfile(text).instructions.find((i) => i.keyword === keyword)!;
const commands = (text: string) => analyzeRun(first(text)).commands.map((c) => c.argv.join(' '));

describe('parseDockerfile', () => {
  it('drops comment lines inside a continued instruction', () => {
    const run = first('FROM a\nRUN pip install \\\n  # the deps\n  -r req.txt\n');
    expect(run.args).toBe('pip install   -r req.txt');
    expect([run.line, run.endLine]).toEqual([2, 4]);
  });
  it('skips blank lines inside a continuation', () => {
    expect(first('FROM a\nRUN a \\\n\n  b\n').args).toBe('a   b');
  });
  it('honours the escape directive', () => {
    const p = parseDockerfile('# escape=`\nFROM a\nRUN dir `\n  c:\\\n');
    expect(p.escape).toBe('`');
    expect(p.instructions[1]!.args).toBe('dir   c:\\');
  });
  it('reads CRLF files', () => {
    const run = first('FROM a\r\nRUN apt-get update && \\\r\n  apt-get install -y x\r\n');
    expect(commands('FROM a\r\nRUN apt-get update && \\\r\n  apt-get install -y x\r\n')).toEqual([
      'apt-get update',
      'apt-get install -y x',
    ]);
    expect(run.endLine).toBe(3);
  });
  it('accepts trailing whitespace after the escape character', () => {
    expect(first('FROM a\nRUN a \\  \n  b\nRUN c\n').args).toBe('a   b');
  });
  it('reads lower-case instructions', () => {
    expect(parseDockerfile('from a\nrun echo\n').instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN']);
  });
  it('reads flags, including --mount with commas', () => {
    const run = first(
      'FROM a\nRUN --mount=type=cache,target=/root/.cache/pip --network=none pip install x\n',
    );
    expect(run.flags).toEqual([
      { name: 'mount', value: 'type=cache,target=/root/.cache/pip' },
      { name: 'network', value: 'none' },
    ]);
    expect(run.args).toBe('pip install x');
  });
  it('parses exec form with spaces and escapes (dockerfile-ast mangles them)', () => {
    expect(first('FROM a\nRUN ["pip", "install", "a b", "c\\"d"]\n').json).toEqual([
      'pip',
      'install',
      'a b',
      'c"d',
    ]);
    expect(first('FROM a\nRUN [ -f /x ] && echo\n').json).toBeNull();
  });
  it('reads heredoc bodies and knows a shell heredoc from a file heredoc', () => {
    expect(commands('FROM a\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\n')).toEqual([
      'apt-get update',
      'apt-get install -y x',
    ]);
    expect(commands('FROM a\nRUN <<-EOT bash\n\tpip install y\n\tEOT\n')).toEqual(['bash', 'pip install y']);
    expect(commands('FROM a\nRUN python3 <<EOF\nimport os\nEOF\n')).toEqual(['python3']);
    expect(commands('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n')).toEqual([]);
    expect(
      commands('FROM a\nRUN --mount=type=cache,target=/var/cache/apt <<EOF\nset -e\napt-get update\nEOF\n'),
    ).toEqual(['set -e', 'apt-get update']);
    expect(commands("FROM a\nRUN <<'EOF' sh -ex\npip install z\nEOF\n")).toEqual(['sh -ex', 'pip install z']);
  });
  it('reports unterminated heredocs and JSON arrays, unknown instructions', () => {
    const p = parseDockerfile('FROM a\nCMD ["a", "b"\nFOO bar\nRUN <<EOF\necho\n');
    expect(p.problems.map((x) => x.line)).toEqual([2, 3, 4]);
  });
  it('strips a UTF-8 BOM', () => {
    expect(parseDockerfile('\ufeffFROM a\n').instructions[0]!.keyword).toBe('FROM');
  });
  it('keeps ONBUILD as its own instruction', () => {
    expect(parseDockerfile('FROM a\nONBUILD RUN pip install x\n').instructions.map((i) => i.keyword)).toEqual(
      ['FROM', 'ONBUILD'],
    );
  });
});

describe('ARG, ENV and FROM resolution', () => {
  it('reads several pairs, quotes and the legacy ENV form', () => {
    expect(parseKeyValues('A=1 B C="x y"', false)).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: null },
      { key: 'C', value: 'x y' },
    ]);
    expect(parseKeyValues('NODE_ENV production', true)).toEqual([{ key: 'NODE_ENV', value: 'production' }]);
  });
  it('substitutes ARG defaults into image references', () => {
    const vars = new Map<string, string | null>([
      ['PY', '3.13'],
      ['EMPTY', ''],
      ['NONE', null],
    ]);
    expect(substitute('python:${PY}-slim', vars)).toBe('python:3.13-slim');
    expect(substitute('python:$PY', vars)).toBe('python:3.13');
    expect(substitute('x:${EMPTY:-d}', vars)).toBe('x:d');
    expect(substitute('x:${EMPTY-d}', vars)).toBe('x:');
    expect(substitute('x:${PY:+set}', vars)).toBe('x:set');
    expect(substitute('x:${NONE}', vars)).toBeNull();
    expect(substitute('x:${UNKNOWN:-fallback}', vars)).toBe('x:fallback');
    expect(substitute('x:$UNKNOWN', vars)).toBeNull();
  });
  it('builds the stage graph with lineage, COPY --from and --target', () => {
    const text = [
      'ARG BASE=python:3.13-slim',
      'FROM ${BASE} AS base',
      'FROM base AS deps',
      'FROM golang:1.22 AS tools',
      'FROM deps AS final',
      'COPY --from=tools /go/bin/x /x',
      'FROM alpine:3.20 AS other',
    ].join('\n');
    const g = buildStageGraph(parseDockerfile(text)).graph!;
    expect(g.final.name).toBe('other');
    const t = buildStageGraph(parseDockerfile(text), 'FINAL').graph!;
    expect(t.lineage.map((s) => s.name)).toEqual(['base', 'deps', 'final']);
    expect([...t.built].map((s) => s.name).sort()).toEqual(['base', 'deps', 'final', 'tools']);
    expect(officialImageOf(t.lineage[0]!.ref!)).toBe('python');
    expect(() => buildStageGraph(parseDockerfile(text), 'nope')).toThrow(/no stage named "nope"/);
  });
});

describe('shorten', () => {
  // what shorten promises: the text with blank runs collapsed and trimmed, cut to `max` with an ellipsis
  const reference = (text: string, max = 60) => {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
  };

  it('reads only the head of a long text and gives what collapsing the whole text gives', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const pieces = ['a', 'bc', ' ', '  ', '\t', ' \\\n   ', '\n\n', 'word', '                    '];
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const length = next() % 600;
      while (text.length < length) text += pieces[next() % pieces.length];
      const max = 20 + (next() % 60);
      expect(shorten(text, max)).toBe(reference(text, max));
    }
    const blankHead = `RUN${' '.repeat(500)}apt-get update`;
    expect(shorten(blankHead)).toBe('RUN apt-get update');
    // blanks to the end after exactly max or max - 1 characters: no ellipsis
    expect(shorten(`${'x'.repeat(59)}${' '.repeat(300)}`)).toBe('x'.repeat(59));
    expect(shorten(`${'x'.repeat(60)}${' '.repeat(300)}`)).toBe('x'.repeat(60));
  });
});
