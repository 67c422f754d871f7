// Deterministic random Dockerfiles from awkward fragments, weighted towards what the fixes edit: the fixer
// never throws, never makes a change lint does not confirm, and a second run changes nothing.
import { expect, it } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import { runFix } from './support.js';

const ATOMS = [
  'FROM python:3.13-slim\n',
  'FROM debian:12\n',
  'FROM alpine:3.20 AS b\n',
  'RUN ',
  'RUN pip install x',
  'RUN apt-get update && apt-get install -y curl',
  'RUN apk add curl',
  'RUN dnf install -y x',
  'RUN useradd app',
  'ADD a.py /a/',
  'COPY . .',
  'CMD ["x"]\n',
  'USER root\n',
  'RUN ["pip", "install", "x"]',
  "RUN sh -c 'pip install y'",
  'RUN <<EOF\npip install z\nEOF\n',
  ' \\\n',
  ' `\n',
  '# c\n',
  '\n',
  '\r\n',
  ' && ',
  ' ; ',
  ' & ',
  ' | ',
  ' "',
  " '",
  '$X',
  '$(',
  ')',
  ' # ',
  '<<EOF',
  'EOF',
  '# escape=`\n',
  'ENV PIP_NO_CACHE_DIR=1\n',
  'SHELL ["/bin/bash", "-c"]\n',
  'install ',
  ' -r r.txt',
];

it('fixes 1,500 random fragments without throwing; each result re-lints as it says, and is stable', () => {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let changed = 0;
  for (let i = 0; i < 1500; i++) {
    let text = '';
    for (let k = 1 + rnd(14); k > 0; k--) text += ATOMS[rnd(ATOMS.length)];
    const r = runFix({ code: text });
    if (r.text === text) continue;
    changed++;
    expect(lint(r.text, null, { file: 'Dockerfile' }), text).toEqual(r.findings);
    const again = runFix({ code: r.text });
    expect(again.text, text).toBe(r.text);
  }
  expect(changed).toBeGreaterThan(100);
});
