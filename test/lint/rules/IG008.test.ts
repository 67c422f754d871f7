import { df, ruleTester } from '../rule-tester.js';

const copyAll = df('FROM alpine:3.20', 'WORKDIR /app', 'COPY . .');

ruleTester('IG008', {
  valid: [
    {
      name: 'v1.1: a directory named venv without pyvenv.cfg (a type-stub package) is no virtualenv',
      code: copyAll,
      context: { 'app.py': 1, 'stubs/venv/__init__.pyi': 3, '.venv/notes.txt': 2 },
      dockerignore: '.git\n',
    },
    { name: 'no context given', code: copyAll },
    {
      name: 'ignore file present, nothing heavy',
      code: copyAll,
      context: { 'app.py': 10 },
      dockerignore: '.git\n',
    },
    {
      name: 'heavy paths all excluded',
      code: copyAll,
      context: {
        'app.py': 10,
        '.git/HEAD': 20,
        'node_modules/a/index.js': 100,
        'pkg/__pycache__/x.pyc': 5,
        '.env': 3,
      },
      dockerignore: '.git\nnode_modules\n**/__pycache__\n.env\n',
    },
    {
      name: 'no whole-context copy',
      code: df('FROM alpine:3.20', 'COPY app/ /app/'),
      context: { 'app/a.py': 10, '.git/HEAD': 20 },
    },
    {
      name: 'whole-context copy only in a stage that is not built',
      code: df('FROM alpine:3.20 AS unused', 'COPY . .', 'FROM alpine:3.20', 'COPY app/ /app/'),
      context: { 'app/a.py': 10 },
    },
    {
      name: 'COPY --from=stage .',
      code: df('FROM alpine:3.20 AS b', 'FROM alpine:3.20', 'COPY --from=b . .'),
      context: { a: 1 },
    },
    {
      name: 'everything excluded then re-included app only',
      code: copyAll,
      context: { 'app/a.py': 1, '.venv/bin/python': 100 },
      dockerignore: '*\n!app\n',
    },
    {
      name: 'a file named like a listed dir inside an excluded tree',
      code: copyAll,
      context: { 'vendor/venv': 3 },
      dockerignore: 'vendor\n',
    },
  ],
  invalid: [
    {
      name: 'v1.1: a real virtualenv (pyvenv.cfg) at any depth',
      code: copyAll,
      context: { 'app.py': 1, 'svc/venv/pyvenv.cfg': 1, 'svc/venv/lib/x.py': 99 },
      dockerignore: '.git\n',
      lines: [3],
      bytes: 100,
      message: 'svc/venv',
    },
    {
      name: 'no ignore file',
      code: copyAll,
      context: { 'app.py': 10 },
      lines: [3],
      message: 'no .dockerignore',
      bytes: null,
    },
    {
      name: 'no ignore file, heavy paths counted',
      code: copyAll,
      context: { 'app.py': 10, '.git/HEAD': 20, '.git/objects/ab/cd': 1000, 'node_modules/a/index.js': 100 },
      lines: [3],
      bytes: 1120,
    },
    {
      name: 'ignore file misses node_modules at depth',
      code: copyAll,
      context: { 'app.py': 10, 'web/node_modules/a.js': 300 },
      dockerignore: 'node_modules\n',
      lines: [3],
      message: 'web/node_modules',
      bytes: 300,
    },
    {
      name: '.env re-included by an exception',
      code: copyAll,
      context: { 'app.py': 10, '.env': 42 },
      dockerignore: '.*\n!.env\n',
      lines: [3],
      bytes: 42,
    },
    {
      name: 'comment not in column 1 is a pattern',
      code: copyAll,
      context: { '.venv/x': 5, '.venv/pyvenv.cfg': 1 },
      dockerignore: ' # .venv\n',
      lines: [3],
    },
    { name: 'COPY ./ /app', code: df('FROM alpine:3.20', 'COPY ./ /app'), context: { a: 1 }, lines: [2] },
    { name: 'ADD . /app', code: df('FROM alpine:3.20', 'ADD . /app'), context: { a: 1 }, lines: [2] },
    {
      name: 'COPY * in builder',
      code: df('FROM alpine:3.20 AS b', 'COPY * /src/', 'FROM alpine:3.20', 'COPY --from=b /src /src'),
      context: { a: 1 },
      lines: [2],
    },
    {
      name: 'pycache at depth with root-only pattern',
      code: copyAll,
      context: { 'pkg/__pycache__/m.pyc': 7 },
      dockerignore: '__pycache__\n',
      lines: [3],
      bytes: 7,
    },
  ],
});
