// Pattern 9 of issue 13, the rest: every form of parameter expansion BuildKit's lexer reads (and the shell reads
// in RUN) gives the same value in every rule, and COPY/ADD sources are read with their ARG/ENV values. Each
// case runs through the whole engine; only the rule named is compared, by line.
import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../src/lint/expand.js';
import { substitute } from '../../src/lint/stages.js';
import { df, lintCase } from './rule-tester.js';

type Row = [name: string, rule: string, code: string, lines: number[], context?: Record<string, number>];

const APP = { 'app/main.py': 10, 'requirements.txt': 5, 'conf/app.ini': 1, '.dockerignore': 1 };

const rows: Row[] = [
  // ---- RUN: the default, alternative and error forms
  [
    'RUN: ${BUILD:-build-essential} with ARG BUILD declared without default fires (a plain build installs it)',
    'IG001',
    df(
      'FROM debian:12-slim',
      'ARG BUILD',
      'RUN apt-get install -y --no-install-recommends ${BUILD:-build-essential}',
    ),
    [3],
  ],
  [
    'RUN: ${BUILD-build-essential} with ARG BUILD without default fires',
    'IG001',
    df(
      'FROM debian:12-slim',
      'ARG BUILD',
      'RUN apt-get install -y --no-install-recommends ${BUILD-build-essential}',
    ),
    [3],
  ],
  [
    'RUN: ${BUILD-gcc} with ARG BUILD= (set, empty) installs nothing of it',
    'IG001',
    df(
      'FROM debian:12-slim',
      'ARG BUILD=',
      'RUN apt-get install -y --no-install-recommends curl ${BUILD-gcc}',
    ),
    [],
  ],
  [
    'RUN: ${WITH_GCC:+gcc} with WITH_GCC empty installs no compiler',
    'IG001',
    df(
      'FROM debian:12-slim',
      'ARG WITH_GCC=""',
      'RUN apt-get install -y --no-install-recommends curl ${WITH_GCC:+gcc}',
    ),
    [],
  ],
  [
    'RUN: ${WITH_GCC:+gcc} with WITH_GCC=1 installs gcc',
    'IG001',
    df(
      'FROM debian:12-slim',
      'ARG WITH_GCC=1',
      'RUN apt-get install -y --no-install-recommends curl ${WITH_GCC:+gcc}',
    ),
    [3],
  ],
  [
    'RUN: a name the Dockerfile never sets is left as written (the base image may set it)',
    'IG001',
    df('FROM debian:12-slim', 'RUN apt-get install -y --no-install-recommends ${EXTRA:-gcc}'),
    [],
  ],
  [
    'RUN: uv sync ${UV_FLAGS:---frozen} with ARG UV_FLAGS without default is frozen',
    'IG015',
    df('FROM python:3.13-slim', 'ARG UV_FLAGS', 'RUN uv sync ${UV_FLAGS:---frozen}'),
    [],
  ],
  [
    'RUN: uv sync ${UV_FLAGS:+--frozen} with UV_FLAGS unset is not frozen',
    'IG015',
    df('FROM python:3.13-slim', 'ARG UV_FLAGS', 'RUN uv sync ${UV_FLAGS:+--frozen}'),
    [3],
  ],
  [
    'RUN: uv sync ${UV_FLAGS:?} with a default keeps it',
    'IG015',
    df('FROM python:3.13-slim', 'ARG UV_FLAGS=--locked', 'RUN uv sync ${UV_FLAGS:?set UV_FLAGS}'),
    [],
  ],
  [
    'RUN: pattern removal ${PKGS%% *} keeps the first word only',
    'IG001',
    df(
      'FROM debian:12-slim',
      'ARG PKGS="curl gcc"',
      'RUN apt-get install -y --no-install-recommends ${PKGS%% *}',
    ),
    [],
  ],
  [
    'RUN: pattern replacement ${PKGS/curl/gcc}',
    'IG001',
    df(
      'FROM debian:12-slim',
      'ARG PKGS="curl wget"',
      'RUN apt-get install -y --no-install-recommends ${PKGS/curl/gcc}',
    ),
    [3],
  ],
  [
    'RUN: ENV built from an ARG default with ${A:-…} reaches RUN',
    'IG001',
    df(
      'FROM debian:12-slim',
      'ARG TOOLCHAIN',
      'ENV BUILD_DEPS=${TOOLCHAIN:-build-essential}',
      'RUN apt-get install -y --no-install-recommends $BUILD_DEPS',
    ),
    [4],
  ],
  // ---- COPY and ADD sources
  [
    'COPY: ARG SRC=. makes `COPY ${SRC} /app` a whole-context copy',
    'IG012',
    df('FROM python:3.13-slim', 'ARG SRC=.', 'COPY ${SRC} /app', 'USER app'),
    [3],
  ],
  [
    'COPY: ${SRC:-.} with ARG SRC without default copies the whole context',
    'IG012',
    df('FROM python:3.13-slim', 'ARG SRC', 'COPY ${SRC:-.} /app', 'USER app'),
    [3],
  ],
  [
    'COPY: ${SRC:-.} with ARG SRC=app/ copies app/ only',
    'IG012',
    df('FROM python:3.13-slim', 'ARG SRC=app/', 'COPY ${SRC:-.} /app', 'USER app'),
    [],
  ],
  [
    'COPY: a source naming a variable the Dockerfile never sets is not judged',
    'IG012',
    df('FROM python:3.13-slim', 'COPY ${SRC:-.} /app', 'USER app'),
    [],
  ],
  [
    'COPY: ENV values count too ($APP_SRC)',
    'IG012',
    df('FROM python:3.13-slim', 'ENV APP_SRC=./', 'COPY $APP_SRC /app/', 'USER app'),
    [3],
  ],
  [
    'IG009: `COPY ${REQS} .` with ARG REQS=requirements.txt copies only the manifest',
    'IG009',
    df(
      'FROM python:3.13-slim',
      'ARG REQS=requirements.txt',
      'COPY ${REQS} .',
      'RUN pip install -r requirements.txt',
    ),
    [],
    APP,
  ],
  [
    'IG009: `COPY ${APP:-app}/ app/` before the install copies source',
    'IG009',
    df('FROM python:3.13-slim', 'ARG APP', 'COPY ${APP:-app}/ app/', 'RUN pip install -r requirements.txt'),
    [4],
    APP,
  ],
  [
    'IG017: ADD of an ARG naming a tar archive is fine',
    'IG017',
    df('FROM debian:12-slim', 'ARG DIST=dist/app.tar.gz', 'ADD ${DIST} /opt/'),
    [],
  ],
  [
    'IG017: ADD of an ARG naming a local directory fires',
    'IG017',
    df('FROM debian:12-slim', 'ARG CONF=conf/', 'ADD ${CONF} /etc/app/'),
    [3],
  ],
  [
    'IG017: ADD ${DIST%.tar.gz}.tar.gz keeps the archive after removing and adding the suffix',
    'IG017',
    df('FROM debian:12-slim', 'ARG DIST=dist/app.tar.gz', 'ADD ${DIST%.tar.gz}.tar.gz /opt/'),
    [],
  ],
];

describe('parameter expansion through the engine', () => {
  for (const [name, rule, code, lines, context] of rows) {
    it(name, () => {
      const found = lintCase({ code, context }).filter((f) => f.rule === rule);
      expect(found.map((f) => f.line)).toEqual(lines);
    });
  }
});

describe('substitute (FROM, ARG and ENV values, COPY words)', () => {
  const vars = new Map<string, string | null>([
    ['V', '1.2.3'],
    ['EMPTY', ''],
    ['NODEF', null],
    ['PKGS', 'gcc make'],
    ['P', 'linux/amd64'],
  ]);
  const table: [string, string | null][] = [
    ['${V}', '1.2.3'],
    ['${V:-9}', '1.2.3'],
    ['${NODEF:-9}', '9'],
    ['${NODEF-9}', '9'],
    ['${EMPTY-9}', ''],
    ['${EMPTY:-9}', '9'],
    ['${V:+x}', 'x'],
    ['${EMPTY:+x}', ''],
    ['${EMPTY+x}', 'x'],
    ['${NODEF+x}', ''],
    ['${V:?}', '1.2.3'],
    ['${NODEF:?missing}', null],
    ['${V%.*}', '1.2'],
    ['${V%%.*}', '1'],
    ['${V#*.}', '2.3'],
    ['${V##*.}', '3'],
    ['${V/./-}', '1-2.3'],
    ['${V//./-}', '1-2-3'],
    ['${V/#1/x}', 'x.2.3'],
    ['${V/%3/x}', '1.2.x'],
    ['${NODEF:-${V}}', '1.2.3'],
    ['${NODEF:-${NODEF:-${V%.*}}}', '1.2'],
    ['python:${V%.*}-slim', 'python:1.2-slim'],
    ['${PKGS// /,}', 'gcc,make'],
    // v1.2: a backslash escapes the next character of the pattern, as in BuildKit's lexer
    ['${P/\\//-}', 'linux-amd64'],
    ['${P//\\//_}', 'linux_amd64'],
    ['${V//\\./-}', '1-2-3'],
    ['${V/\\*/x}', '1.2.3'],
    ['out/${P/\\//-}/app', 'out/linux-amd64/app'],
    ['\\${V}', '${V}'],
    ['${V', null],
    ['${1abc}', null],
    ['$NODEF', null],
  ];
  for (const [text, expected] of table) {
    it(`${text} → ${expected}`, () => {
      expect(substitute(text, vars)).toBe(expected);
    });
  }

  it('a lookup that answers UNKNOWN leaves every form unknown', async () => {
    const { expandText } = await import('../../src/lint/expand.js');
    for (const form of ['${X}', '${X:-d}', '${X-d}', '${X:+a}', '${X+a}', '${X#p}', '${X/a/b}'])
      expect(expandText(form, () => UNKNOWN)).toBeNull();
  });
});
