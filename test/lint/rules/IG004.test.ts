import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG004', {
  valid: [
    df('FROM python:3.13-slim', 'RUN export PIP_NO_CACHE_DIR=1 && pip install -r requirements.txt'),
    df('FROM python:3.13-slim', 'RUN PIP_NO_CACHE_DIR=1 pip install -r requirements.txt'),
    df('FROM python:3.13-slim', 'RUN export UV_NO_CACHE=1; uv sync --locked'),
    df('FROM python:3.13-slim', 'RUN UV_NO_CACHE=true uv pip install -r r.txt'),
    df('FROM python:3.13-slim', 'RUN pip install --no-cache-dir -r requirements.txt'),
    df('FROM python:3.13-slim', 'RUN pip --no-cache-dir install flask'),
    df('FROM python:3.13-slim', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask'),
    df('FROM python:3.13-slim', 'ENV PIP_NO_CACHE_DIR=true', 'RUN pip install flask'),
    df('FROM python:3.13-slim', 'ENV PIP_NO_CACHE_DIR on', 'RUN pip install flask'),
    df('FROM python:3.13-slim AS base', 'ENV PIP_NO_CACHE_DIR=yes', 'FROM base', 'RUN pip install flask'),
    df('FROM python:3.13-slim', 'RUN PIP_NO_CACHE_DIR=1 pip install flask'),
    df(
      'FROM python:3.13-slim',
      'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    ),
    df('FROM python:3.13-slim', 'RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen'),
    df('FROM python:3.13-slim', 'RUN uv sync --frozen --no-cache'),
    df('FROM python:3.13-slim', 'RUN uv pip install --no-cache --system -r requirements.txt'),
    df('FROM python:3.13-slim', 'ENV UV_NO_CACHE=1', 'RUN uv sync'),
    df(
      'FROM python:3.13 AS build',
      'RUN pip install -r requirements.txt',
      'FROM python:3.13-slim',
      'COPY --from=build /x /x',
    ),
    df('FROM python:3.13-slim', 'RUN pip download flask'),
    df('FROM python:3.13-slim', 'RUN pip freeze > requirements.txt'),
    df('FROM python:3.13-slim', 'RUN echo "pip install flask"'),
    df('FROM python:3.13-slim', 'RUN uv pip compile requirements.in'),
    // v1.2: uv's own spellings of --no-cache, and cache mounts that hold the tool's own cache
    df('FROM python:3.13-slim', 'COPY pyproject.toml uv.lock ./', 'RUN uv sync --frozen --no-cache-dir'),
    df('FROM python:3.13-slim', 'RUN uv pip install --system -n -r requirements.txt'),
    df(
      'FROM python:3.13-slim',
      'RUN --mount=type=cache,target=/root/.cache uv sync --frozen && pip install -r r.txt',
    ),
    df(
      'FROM python:3.13-slim',
      'ENV UV_CACHE_DIR=/opt/uv-cache',
      'RUN --mount=type=cache,target=/opt/uv-cache uv sync --frozen',
    ),
    df(
      'FROM python:3.13-slim',
      'RUN --mount=type=cache,target=/tmp/pip-cache PIP_CACHE_DIR=/tmp/pip-cache pip install -r requirements.txt',
    ),
    df(
      'FROM python:3.13-slim',
      'RUN --mount=type=tmpfs,target=/root/.cache/pip pip install -r requirements.txt',
    ),
    df(
      'FROM python:3.13-slim',
      'RUN --mount=type=cache,target=/home/app/.cache/uv,uid=1000 uv pip install --system -r requirements.txt',
    ),
  ],
  invalid: [
    {
      name: 'v1.1: a variable set but not exported does not reach pip',
      code: df('FROM python:3.13-slim', 'RUN PIP_NO_CACHE_DIR=1 && pip install -r requirements.txt'),
      lines: [2],
    },
    {
      name: 'v1.1: exported after the install',
      code: df('FROM python:3.13-slim', 'RUN pip install -r requirements.txt && export PIP_NO_CACHE_DIR=1'),
      lines: [2],
    },
    {
      code: df('FROM python:3.13-slim', 'RUN pip install -r requirements.txt'),
      lines: [2],
      message: '--no-cache-dir',
    },
    { code: df('FROM python:3.13-slim', 'RUN pip3 install flask'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN python -m pip install flask'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN python3 -m pip install flask'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN /usr/local/bin/pip install flask'), lines: [2] },
    {
      name: 'each pip judged on its own flags',
      code: df('FROM python:3.13-slim', 'RUN pip install --no-cache-dir -U pip && pip install -r r.txt'),
      lines: [2],
    },
    { code: df('FROM python:3.13-slim', 'ENV PIP_NO_CACHE_DIR=0', 'RUN pip install flask'), lines: [3] },
    { code: df('FROM python:3.13-slim', 'RUN pip install flask', 'ENV PIP_NO_CACHE_DIR=1'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN uv sync --frozen'), lines: [2], message: '--no-cache' },
    { code: df('FROM python:3.13-slim', 'RUN uv pip install --system -r requirements.txt'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'ENV UV_NO_CACHE=1', 'RUN pip install flask'), lines: [3] },
    {
      code: df(
        'FROM python:3.13-slim',
        'RUN --mount=type=bind,source=r.txt,target=/r.txt pip install -r /r.txt',
      ),
      lines: [2],
    },
    { code: df('FROM python:3.13-slim', 'RUN <<EOF', 'set -e', 'pip install flask', 'EOF'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN ["pip", "install", "flask"]'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN if [ -f r.txt ]; then pip install -r r.txt; fi'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN sudo -H pip install flask'), lines: [2] },
    {
      code: df(
        'FROM python:3.13-slim',
        'RUN apt-get update && \\',
        '  # install deps',
        '  pip install flask',
      ),
      lines: [2],
    },
    { code: df('FROM python:3.13-slim AS base', 'RUN pip install flask', 'FROM base'), lines: [2] },
    {
      name: "a uv cache mount does not hold pip's cache",
      code: df(
        'FROM python:3.13-slim',
        'RUN --mount=type=cache,target=/root/.cache/uv uv pip install --system -r requirements.txt \\',
        ' && pip install -r requirements-extra.txt',
      ),
      lines: [2],
      message: '`pip install -r requirements-extra.txt`',
    },
    {
      name: "a pip cache mount does not hold uv's",
      code: df('FROM python:3.13-slim', 'RUN --mount=type=cache,target=/root/.cache/pip uv sync --frozen'),
      lines: [2],
    },
    {
      name: 'a cache mount elsewhere (npm) does not hold pip',
      code: df(
        'FROM nikolaik/python-nodejs:python3.12-nodejs20',
        'RUN --mount=type=cache,target=/root/.npm npm ci && pip install -r requirements.txt',
      ),
      lines: [2],
    },
    {
      name: 'a mount at another directory than UV_CACHE_DIR',
      code: df(
        'FROM python:3.13-slim',
        'ENV UV_CACHE_DIR=/opt/uv-cache',
        'RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen',
      ),
      lines: [3],
    },
  ],
});
