// Deterministic random Dockerfiles built from awkward fragments: the engine never throws, whatever it reads.
import { expect, it } from 'vitest';
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
