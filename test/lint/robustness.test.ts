// Deterministic random Dockerfiles built from awkward fragments: the engine never throws, whatever it reads.
import { describe, expect, it } from 'vitest';
import { memoryTree, walkContext } from '../../src/lint/context.js';
import { lint } from '../../src/lint/engine.js';

const ATOMS = [
  'FROM ',
  'RUN ',
  'COPY ',
  'ADD ',
  'ARG ',
  'ENV ',
  'USER ',
  'from ',
  ' AS ',
  'x',
  'python:3',
  '${A}',
  '$B',
  '"',
  "'",
  '\\',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '<<EOF',
  'EOF',
  '<<-X',
  '[',
  ']',
  '"a",',
  '--from=',
  '--mount=type=cache,target=/x',
  '&&',
  '||',
  ';',
  '|',
  '(',
  ')',
  '`',
  '$(',
  '#',
  '# escape=`\n',
  'pip install ',
  'apt-get ',
  'install ',
  'update ',
  'npm ci',
  'uv sync',
  '.',
  '*',
  '=',
  ':',
  '@sha256:a',
  '0',
  'latest',
  '-r',
  'ONBUILD ',
  'SHELL ',
  '\u0000',
  'é',
];

it('lints 3,000 random fragments without throwing', () => {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const context = walkContext(
    memoryTree({ 'a.py': 1, '.git/HEAD': 2, 'node_modules/x': 3 }),
    '*\n!a.py\n',
    '.dockerignore',
  );
  for (let i = 0; i < 3000; i++) {
    let text = '';
    for (let k = 1 + rnd(40); k > 0; k--) text += ATOMS[rnd(ATOMS.length)];
    expect(() => lint(text, i % 2 ? context : null)).not.toThrow();
  }
});

// Inputs that once crashed the engine (call stack, string length): each lints, with at most a clear IG000.
describe('inputs far beyond real Dockerfiles', () => {
  it('a RUN with 50,000 nested `"$(`', () => {
    for (const nest of ['"$('.repeat(50_000), '$(echo "'.repeat(50_000), '`"$('.repeat(50_000)]) {
      const findings = lint(`FROM alpine:3.20\nRUN echo ${nest}\nUSER app\n`, null);
      expect(findings.filter((f) => f.rule === 'IG000')).toEqual([]);
    }
  });

  it('50,000 nested `${A:-` defaults in FROM', () => {
    const text = `ARG A=x\nFROM alpine:${'${A:-'.repeat(50_000)}3${'}'.repeat(50_000)}\n`;
    expect(() => lint(text, null)).not.toThrow();
  });

  it('an ENV value doubling 39 times is cut at its length limit, and said so once', () => {
    const text = `FROM alpine:3.20\nENV A=x\n${'ENV A=$A$A\n'.repeat(39)}RUN echo "$A"\nUSER app\n`;
    const ig000 = lint(text, null).filter((f) => f.rule === 'IG000');
    expect(ig000).toHaveLength(1);
    expect(ig000[0]!.message).toContain('64 KiB');
    expect(ig000[0]!.line).toBeGreaterThan(2);
  });

  it('a global ARG doubling 39 times', () => {
    const text = `ARG A=x\n${'ARG A=$A$A\n'.repeat(39)}FROM alpine:3.20\nUSER app\n`;
    expect(lint(text, null).filter((f) => f.rule === 'IG000')).toHaveLength(1);
  });

  it('15,000 chained stages (FROM s0 AS s1 …) lint in well under a few seconds', () => {
    const lines = ['FROM alpine:3.20 AS s0'];
    for (let i = 0; i < 15_000; i++) lines.push(`FROM s${i} AS s${i + 1}`, 'RUN true');
    lines.push('USER app');
    const started = performance.now();
    const findings = lint(`${lines.join('\n')}\n`, null);
    expect(findings.filter((f) => f.rule === 'IG000')).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a file that is not a Dockerfile is never echoed: only keyword-like words, and a summary after five', () => {
    const secret = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG';
    const text = `FROM alpine:3.20\n${secret}\n{"token": "abc123"}\n${'password hunter2\n'.repeat(8)}`;
    const findings = lint(text, null).filter((f) => f.rule === 'IG000');
    for (const f of findings) {
      expect(f.message).not.toContain('wJalr');
      expect(f.message).not.toContain('abc123');
      expect(f.message).not.toContain('hunter2');
    }
    expect(findings.map((f) => f.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(findings[5]!.message).toContain('5 more lines');
  });

  it('an unknown instruction before FROM is reported once, without its text', () => {
    const findings = lint('secret-token abc123\nFROM alpine:3.20\n', null).filter((f) => f.rule === 'IG000');
    expect(findings.map((f) => f.line)).toEqual([1]);
    expect(findings[0]!.message).not.toContain('abc123');
  });
});
