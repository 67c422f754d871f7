// Each fix on a table of Dockerfile shapes (shell form, exec form, continuations, comments inside them,
// heredocs, CRLF, `# escape=\``) with the text it must give, and near misses it must leave alone. Every case is
// also checked the way `lint --fix` checks itself: the result lints without the fixed finding and without a
// new one, and a second run changes nothing.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import { contextOf, type FixCase, runFix } from './support.js';

interface Fixes extends FixCase {
  name: string;
  want: string;
  /** The ignore file's text after the fix (IG008). */
  ignore?: string;
}

interface Leaves extends FixCase {
  name: string;
  /** A substring of why the finding is left. */
  why: string;
}

function table(rule: string, fixes: Fixes[], leaves: Leaves[]): void {
  describe(rule, () => {
    for (const c of fixes) {
      it(`fixes: ${c.name}`, () => {
        const first = runFix(c);
        expect(first.fixed.map((f) => f.finding.rule)).toContain(rule);
        expect(first.text).toBe(c.want);
        if (c.ignore !== undefined) expect(first.ignoreText).toBe(c.ignore);
        const ignore = first.ignoreText ?? c.dockerignore;
        const again = lint(first.text, contextOf({ ...c, dockerignore: ignore })?.info ?? null);
        expect(again.filter((f) => f.rule === rule || f.rule === 'IG000')).toEqual([]);
        const second = runFix(c, first.text, ignore);
        expect(second.fixed).toEqual([]);
        expect(second.text).toBe(first.text);
        expect(second.ignoreText).toBeNull();
      });
    }
    for (const c of leaves) {
      it(`leaves: ${c.name}`, () => {
        const r = runFix(c);
        expect(r.fixed.map((f) => f.finding.rule)).not.toContain(rule);
        const why = r.left.filter((l) => l.finding.rule === rule).map((l) => l.reason);
        expect(why.join('\n')).toContain(c.why);
        expect(r.text).toBe(r.fixed.length === 0 ? c.code : r.text);
      });
    }
  });
}

// A final stage that fires nothing but the rule under test: python-env, user and .dockerignore are settled.
const PY = 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\n';
const END = 'USER 1000\n';
const DEB = 'FROM debian:12-slim\n';

table(
  'IG004',
  [
    {
      name: 'shell form',
      code: `${PY}RUN pip install flask\n${END}`,
      want: `${PY}RUN pip install --no-cache-dir flask\n${END}`,
    },
    {
      name: 'python -m pip and pip3, two commands in one RUN',
      code: `${PY}RUN python3 -m pip install -U pip && pip3 install -r r.txt\n${END}`,
      want: `${PY}RUN python3 -m pip install --no-cache-dir -U pip && pip3 install --no-cache-dir -r r.txt\n${END}`,
    },
    {
      name: 'uv sync and uv pip install',
      code: `${PY}RUN uv sync --locked && uv pip install --system x\n${END}`,
      want: `${PY}RUN uv sync --no-cache --locked && uv pip install --no-cache --system x\n${END}`,
    },
    {
      name: 'exec form',
      code: `${PY}RUN ["pip", "install", "flask"]\n${END}`,
      want: `${PY}RUN ["pip", "install", "--no-cache-dir", "flask"]\n${END}`,
    },
    {
      name: 'exec form without spaces',
      code: `${PY}RUN ["pip","install","flask"]\n${END}`,
      want: `${PY}RUN ["pip","install","--no-cache-dir","flask"]\n${END}`,
    },
    {
      name: 'continuation with a comment inside',
      code: `${PY}RUN pip \\\n    # the web framework\n    install \\\n    flask\n${END}`,
      want: `${PY}RUN pip \\\n    # the web framework\n    install --no-cache-dir \\\n    flask\n${END}`,
    },
    {
      name: 'install at the end of a continued line',
      code: `${PY}RUN pip install\\\n  flask\n${END}`,
      want: `${PY}RUN pip install --no-cache-dir\\\n  flask\n${END}`,
    },
    {
      name: 'heredoc',
      code: `${PY}RUN <<EOF\nset -e\npip install flask\nEOF\n${END}`,
      want: `${PY}RUN <<EOF\nset -e\npip install --no-cache-dir flask\nEOF\n${END}`,
    },
    {
      name: 'CRLF',
      code: `${PY}RUN pip install \\\r\n  flask\r\n${END}`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
      want: `${PY}RUN pip install --no-cache-dir \\\r\n  flask\r\n${END}`
        .replace(/\n/g, '\r\n')
        .replace(/\r\r/g, '\r'),
    },
    {
      name: '# escape=`',
      code: `# escape=\`\n${PY}RUN pip install \`\n  flask\n${END}`,
      want: `# escape=\`\n${PY}RUN pip install --no-cache-dir \`\n  flask\n${END}`,
    },
    {
      name: 'quoted arguments are kept as written',
      code: `${PY}RUN pip install "flask>=3" 'gunicorn==22.*'\n${END}`,
      want: `${PY}RUN pip install --no-cache-dir "flask>=3" 'gunicorn==22.*'\n${END}`,
    },
    {
      name: 'inside if/then, after an assignment',
      code: `${PY}RUN if true; then X=1 pip install flask; fi\n${END}`,
      want: `${PY}RUN if true; then X=1 pip install --no-cache-dir flask; fi\n${END}`,
    },
    {
      name: 'pip run through sh -c, single quotes',
      code: `${PY}RUN sh -c 'pip install flask'\n${END}`,
      want: `${PY}RUN sh -c 'pip install --no-cache-dir flask'\n${END}`,
    },
    {
      name: 'pip run through bash -ec, double quotes',
      code: `${PY}RUN bash -ec "cd /tmp && pip install flask"\n${END}`,
      want: `${PY}RUN bash -ec "cd /tmp && pip install --no-cache-dir flask"\n${END}`,
    },
    {
      name: 'exec form through sh -c',
      code: `${PY}RUN ["sh", "-c", "pip install flask"]\n${END}`,
      want: `${PY}RUN ["sh", "-c", "pip install --no-cache-dir flask"]\n${END}`,
    },
  ],
  [
    {
      name: 'sh -c with an expansion in its double-quoted script',
      code: `${PY}RUN sh -c "pip install $HOME/pkg"\n${END}`,
      why: 'unsafe here',
    },
    {
      name: 'exec form through sh -c with an escape in its string',
      code: `${PY}RUN ["sh", "-c", "pip install \\"flask\\""]\n${END}`,
      why: 'unsafe here',
    },
    {
      name: 'pip named by a variable',
      code: `${PY}ARG PIP=pip\nRUN $PIP install flask\n${END}`,
      why: 'unsafe here',
    },
  ],
);

table(
  'IG005',
  [
    {
      name: 'apt on one line',
      code: `${DEB}RUN apt-get update && apt-get install -y curl\n${END}`,
      want: `${DEB}RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n${END}`,
    },
    {
      name: 'apt with leading && continuations and a comment inside',
      code: `${DEB}RUN apt-get update \\\n    # tools\n    && apt-get install -y --no-install-recommends \\\n       curl \\\n    && echo done\n${END}`,
      want: `${DEB}RUN apt-get update \\\n    # tools\n    && apt-get install -y --no-install-recommends \\\n       curl \\\n    && echo done \\\n    && rm -rf /var/lib/apt/lists/*\n${END}`,
    },
    {
      name: 'apt with trailing && continuations',
      code: `${DEB}RUN apt-get update && \\\n    apt-get install -y curl\n${END}`,
      want: `${DEB}RUN apt-get update && \\\n    apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*\n${END}`,
    },
    {
      name: 'apt, CRLF continuation',
      code: `${DEB}RUN apt-get update \\\r\n && apt-get install -y curl\r\n${END}`,
      want: `${DEB}RUN apt-get update \\\r\n && apt-get install -y curl \\\r\n && rm -rf /var/lib/apt/lists/*\r\n${END}`,
    },
    {
      name: 'apt with # escape=` (a Linux image)',
      code: `# escape=\`\n${DEB}RUN apt-get update \`\n && apt-get install -y curl\n${END}`,
      want: `# escape=\`\n${DEB}RUN apt-get update \`\n && apt-get install -y curl \`\n && rm -rf /var/lib/apt/lists/*\n${END}`,
    },
    {
      name: 'apt ending with a comment and a redirection',
      code: `${DEB}RUN apt-get update && apt-get install -y curl >/dev/null # quiet\n${END}`,
      want: `${DEB}RUN apt-get update && apt-get install -y curl >/dev/null && rm -rf /var/lib/apt/lists/* # quiet\n${END}`,
    },
    {
      name: 'apt ending with ;',
      code: `${DEB}RUN apt-get update; apt-get install -y curl;\n${END}`,
      want: `${DEB}RUN apt-get update; apt-get install -y curl && rm -rf /var/lib/apt/lists/*;\n${END}`,
    },
    {
      name: 'apt in a heredoc',
      code: `${DEB}RUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n${END}`,
      want: `${DEB}RUN <<EOF\napt-get update\napt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n${END}`,
    },
    {
      name: 'apt run through sh -c: appended after the quoted script',
      code: `${DEB}RUN sh -c 'apt-get update && apt-get install -y curl'\n${END}`,
      want: `${DEB}RUN sh -c 'apt-get update && apt-get install -y curl' && rm -rf /var/lib/apt/lists/*\n${END}`,
    },
    {
      name: 'apt in the exec form through sh -c: appended inside its string',
      code: `${DEB}RUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"]\n${END}`,
      want: `${DEB}RUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"]\n${END}`,
    },
    {
      name: 'apk add',
      code: `FROM alpine:3.20\nRUN apk add curl\n${END}`,
      want: `FROM alpine:3.20\nRUN apk add --no-cache curl\n${END}`,
    },
    {
      name: 'apk add with options, exec form is left (a shell form here)',
      code: `FROM alpine:3.20\nRUN apk update && apk add --virtual .deps curl\n${END}`,
      want: `FROM alpine:3.20\nRUN apk update && apk add --no-cache --virtual .deps curl\n${END}`,
    },
    {
      name: 'dnf',
      code: `FROM fedora:40\nRUN dnf install -y which\n${END}`,
      want: `FROM fedora:40\nRUN dnf install -y which && dnf clean all\n${END}`,
    },
    {
      name: 'yum, continued',
      code: `FROM centos:7\nRUN yum install -y \\\n      which\n${END}`,
      want: `FROM centos:7\nRUN yum install -y \\\n      which \\\n      && yum clean all\n${END}`,
    },
  ],
  [
    {
      name: 'exec form: no shell to clean up',
      code: `${DEB}RUN ["apt-get", "install", "-y", "curl"]\n${END}`,
      why: 'exec form',
    },
    {
      name: 'script ends with &',
      code: `${DEB}RUN apt-get install -y curl &\n${END}`,
      why: 'ends with `&`',
    },
    {
      name: 'script ends with exec',
      code: `${DEB}RUN apt-get update && apt-get install -y curl && exec true\n${END}`,
      why: 'ends with `exec`',
    },
    {
      name: 'a SHELL that is not a POSIX shell',
      code: `${DEB}SHELL ["/usr/bin/python3", "-c"]\nRUN apt-get install -y curl\n${END}`,
      why: 'not a POSIX shell',
    },
    {
      name: 'apk add written through a variable',
      code: `FROM alpine:3.20\nARG APK=apk\nRUN $APK add curl\n${END}`,
      why: 'unsafe here',
    },
  ],
);

table(
  'IG017',
  [
    { name: 'a file', code: `${DEB}ADD app.py /app/\n${END}`, want: `${DEB}COPY app.py /app/\n${END}` },
    {
      name: 'lower case, with --chown, continued',
      code: `${DEB}add --chown=1000 \\\n  src/ /app/\n${END}`,
      want: `${DEB}copy --chown=1000 \\\n  src/ /app/\n${END}`,
    },
    {
      name: 'exec form',
      code: `${DEB}ADD ["a b.txt", "/app/"]\n${END}`,
      want: `${DEB}COPY ["a b.txt", "/app/"]\n${END}`,
    },
    {
      name: 'checked against the context',
      code: `${DEB}ADD app.py /app/\n${END}`,
      context: { 'app.py': 10 },
      dockerignore: '.git\n',
      want: `${DEB}COPY app.py /app/\n${END}`,
    },
  ],
  [
    {
      name: 'a local archive that ADD unpacks, whatever its name',
      code: `${DEB}ADD app.bin /app/\n${END}`,
      context: { 'app.bin': 10 },
      dockerignore: '.git\n',
      archives: ['app.bin'],
      why: 'is an archive',
    },
    {
      name: 'a tar and a file together',
      code: `${DEB}ADD app.py rootfs.tar.gz /app/\n${END}`,
      why: 'needs ADD',
    },
    { name: '--checksum', code: `${DEB}ADD --checksum=sha256:00 app.py /app/\n${END}`, why: '--checksum' },
    {
      name: 'a glob matching an archive',
      code: `${DEB}ADD dist/* /app/\n${END}`,
      context: { 'dist/a.py': 1, 'dist/b.whl': 1 },
      dockerignore: '.git\n',
      archives: ['dist/b.whl'],
      why: 'is an archive',
    },
  ],
);

table(
  'IG016',
  [
    {
      name: 'after the final FROM',
      code: `FROM python:3.13-slim AS app\nRUN true\n${END}`,
      want: `FROM python:3.13-slim AS app\nENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\nRUN true\n${END}`,
    },
    {
      name: 'multi-stage, CRLF',
      code: 'FROM python:3.13 AS build\r\nRUN true\r\nFROM python:3.13-slim\r\nUSER 1000\r\n',
      want: 'FROM python:3.13 AS build\r\nRUN true\r\nFROM python:3.13-slim\r\nENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\r\nUSER 1000\r\n',
    },
    {
      name: 'a FROM on the last line without a newline',
      code: 'FROM python:3.13-slim',
      want: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1',
    },
  ],
  [],
);

table(
  'IG015',
  [
    {
      name: 'lockfile copied in before',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install --omit=dev\nUSER node\n',
      context: { 'package.json': 1, 'package-lock.json': 1 },
      dockerignore: 'node_modules\n',
      want: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nUSER node\n',
    },
    {
      name: 'through a glob, npm i',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm i --omit=dev\nUSER node\n',
      context: { 'package.json': 1, 'package-lock.json': 1 },
      dockerignore: 'node_modules\n',
      want: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nUSER node\n',
    },
  ],
  [
    {
      name: 'no lockfile in the context',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm install --omit=dev\nUSER node\n',
      context: { 'package.json': 1 },
      dockerignore: 'node_modules\n',
      why: 'no package-lock.json',
    },
    {
      name: 'no context at all',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install --omit=dev\nUSER node\n',
      why: 'no build context',
    },
    {
      name: 'the lockfile is not copied where npm runs',
      code: 'FROM node:22-slim\nCOPY package*.json /src/\nWORKDIR /app\nRUN npm install --omit=dev\nUSER node\n',
      context: { 'package.json': 1, 'package-lock.json': 1 },
      dockerignore: 'node_modules\n',
      why: 'no COPY of package-lock.json',
    },
    {
      name: 'cd before npm install',
      code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN cd web && npm install --omit=dev\nUSER node\n',
      context: { 'package.json': 1, 'package-lock.json': 1 },
      dockerignore: 'node_modules\n',
      why: 'changes directory',
    },
  ],
);

table(
  'IG010',
  [
    {
      name: 'before CMD',
      code: `${DEB}RUN useradd --create-home app\nCOPY app /app\nCMD ["/app"]\n`,
      want: `${DEB}RUN useradd --create-home app\nCOPY app /app\nUSER app\nCMD ["/app"]\n`,
    },
    {
      name: 'BusyBox adduser, at the end when there is no CMD, CRLF',
      code: 'FROM busybox:1.36\r\nRUN adduser -D -u 1000 app\r\n',
      want: 'FROM busybox:1.36\r\nRUN adduser -D -u 1000 app\r\nUSER app\r\n',
    },
    {
      name: 'indented instructions, after a USER root',
      code: `${DEB}RUN useradd app\nUSER root\n  ENTRYPOINT ["/app"]\n`,
      want: `${DEB}RUN useradd app\nUSER root\n  USER app\n  ENTRYPOINT ["/app"]\n`,
    },
    {
      name: "scratch: IG010's numeric user",
      code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      want: 'FROM scratch\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: ".NET: IG010's USER $APP_UID",
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY app /app\nENTRYPOINT ["dotnet", "/app/Api.dll"]\n',
      want: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY app /app\nUSER $APP_UID\nENTRYPOINT ["dotnet", "/app/Api.dll"]\n',
    },
  ],
  [
    { name: 'no user created', code: `${DEB}CMD ["/app"]\n`, why: 'creates no user' },
    {
      name: 'two users created',
      code: `${DEB}RUN useradd a && useradd b\nCMD ["/app"]\n`,
      why: 'creates 2 users',
    },
    {
      name: 'a RUN after CMD',
      code: `${DEB}RUN useradd app\nCMD ["/app"]\nRUN mkdir /data\n`,
      why: 'would run as the user',
    },
  ],
);

table(
  'IG008',
  [
    {
      name: 'created when absent',
      code: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nUSER 1000\n',
      context: { 'app.py': 1, '.git/HEAD': 1, 'src/__pycache__/a.pyc': 1 },
      dockerignore: null,
      want: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nUSER 1000\n',
      ignore: '**/.git\n**/__pycache__\n',
    },
    {
      name: 'entries appended, CRLF and a missing last newline kept',
      code: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nUSER 1000\n',
      context: { 'app.py': 1, 'src/__pycache__/a.pyc': 1, '.env': 1, 'web/.env': 1 },
      dockerignore: '*.log\r\nbuild',
      want: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nUSER 1000\n',
      ignore: '*.log\r\nbuild\r\n**/__pycache__\r\n**/.env\r\n',
    },
    {
      name: 'node_modules when a RUN installs them, a virtualenv the build creates',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev && python3 -m venv .venv\nUSER node\n',
      context: {
        'package.json': 1,
        'package-lock.json': 1,
        'node_modules/x/index.js': 1,
        '.venv/pyvenv.cfg': 1,
      },
      dockerignore: '*.log\n',
      want: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev && python3 -m venv .venv\nUSER node\n',
      ignore: '*.log\n**/node_modules\n**/.venv\n',
    },
  ],
  [
    {
      name: 'the Dockerfile copies .env by name',
      code: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nCOPY .env /app/.env\nUSER 1000\n',
      context: { 'app.py': 1, '.env': 1 },
      dockerignore: null,
      why: 'copies `.env` by name',
    },
    {
      name: '.git when the build installs the project (setuptools-scm reads it)',
      code: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nRUN pip install --no-cache-dir /app\nUSER 1000\n',
      context: { 'pyproject.toml': 1, '.git/HEAD': 1 },
      dockerignore: null,
      why: 'may read .git',
    },
    {
      name: 'node_modules when no RUN installs them',
      code: 'FROM node:22-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/index.js"]\n',
      context: { 'index.js': 1, 'node_modules/x/index.js': 1 },
      dockerignore: null,
      why: "the context's node_modules",
    },
    {
      name: 'a virtualenv the Dockerfile uses and never creates',
      code: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1 PATH=/app/.venv/bin:$PATH\nCOPY . /app\nUSER 1000\n',
      context: { 'app.py': 1, '.venv/pyvenv.cfg': 1 },
      dockerignore: null,
      why: 'uses `.venv`',
    },
    {
      name: 'a bind mount of .env',
      code: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nRUN --mount=type=bind,source=.env,target=/e cat /e\nUSER 1000\n',
      context: { 'app.py': 1, '.env': 1 },
      dockerignore: null,
      why: 'copies `.env` by name',
    },
    {
      name: 'the ignore file re-includes something in .git',
      code: 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nUSER 1000\n',
      context: { 'app.py': 1, '.git/HEAD': 1, '.git/config': 1 },
      dockerignore: '.git/config\n!.git/HEAD\n',
      why: 're-includes',
    },
  ],
);

describe('several fixes in one file', () => {
  it('are made together, located in the original text', () => {
    const code =
      'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\nRUN useradd app\nADD app.py /app/\nCMD ["python", "/app/app.py"]\n';
    const r = runFix({ code });
    expect(r.text).toBe(
      'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir flask\nRUN useradd app\nCOPY app.py /app/\nUSER app\nCMD ["python", "/app/app.py"]\n',
    );
    expect(r.fixed.map((f) => f.finding.rule).sort()).toEqual(['IG004', 'IG005', 'IG010', 'IG016', 'IG017']);
    expect(r.left.map((l) => `${l.finding.rule}: ${l.reason}`)).toEqual([
      'IG001: not mechanical',
      'IG007: not mechanical',
    ]);
    expect(runFix({ code: r.text }).text).toBe(r.text);
  });

  it('keeps a byte-order mark and the text of unfixable findings', () => {
    const code = '\ufeffFROM python:3.13-slim\nRUN pip install flask\nUSER 1000\nENV PYTHONUNBUFFERED=1\n';
    expect(runFix({ code }).text).toBe(
      '\ufeffFROM python:3.13-slim\nRUN pip install --no-cache-dir flask\nUSER 1000\nENV PYTHONUNBUFFERED=1\n',
    );
  });
});
