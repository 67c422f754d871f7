import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG009', {
  valid: [
    df('FROM python:3.13-slim', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'COPY . .'),
    df('FROM python:3.13-slim', 'COPY pyproject.toml uv.lock ./', 'RUN uv sync --frozen', 'COPY . .'),
    df('FROM node:20-slim', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .'),
    df('FROM node:20-slim', 'COPY web/package.json web/', 'RUN cd web && npm ci', 'COPY web web'),
    df(
      'FROM node:20-slim',
      'COPY package.json yarn.lock .yarnrc.yml ./',
      'RUN yarn install --immutable',
      'COPY . .',
    ),
    {
      name: "uv's two-step pattern",
      code: df(
        'FROM python:3.13-slim',
        'COPY pyproject.toml uv.lock ./',
        'RUN uv sync --frozen --no-install-project',
        'COPY . .',
        'RUN uv sync --frozen',
      ),
    },
    df('FROM python:3.13-slim', 'COPY . .', 'RUN pip install .'),
    df('FROM python:3.13-slim', 'COPY . .', 'RUN pip install --no-cache-dir -e .'),
    df('FROM python:3.13-slim', 'COPY . .', 'RUN pip install flask'),
    df('FROM node:20-slim', 'COPY . .', 'RUN npm install -g serve'),
    df('FROM node:20-slim', 'COPY . .', 'RUN npm run build'),
    df('FROM golang:1.22', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN go build ./...'),
    df(
      'FROM python:3.13-slim AS build',
      'COPY . .',
      'FROM python:3.13-slim',
      'RUN pip install -r requirements.txt',
    ),
    df(
      'FROM python:3.13-slim',
      'COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv',
      'COPY uv.lock pyproject.toml ./',
      'RUN uv sync --locked',
    ),
    df(
      'FROM python:3.13-slim',
      'ADD https://example.com/get.py /get.py',
      'RUN pip install -r requirements.txt',
    ),
    df(
      'FROM python:3.13-slim',
      'COPY <<EOF /etc/pip.conf',
      '[global]',
      'EOF',
      'RUN pip install -r requirements.txt',
    ),
    {
      name: 'glob that matches only manifests',
      code: df(
        'FROM python:3.13-slim',
        'COPY requirements*.txt ./',
        'RUN pip install -r requirements.txt',
        'COPY . .',
      ),
    },
    {
      name: 'glob resolved in the context, all manifests',
      code: df('FROM node:20-slim', 'COPY *.json ./', 'RUN npm ci'),
      context: { 'package.json': 1, 'package-lock.json': 1, 'src/index.js': 1 },
    },
    {
      name: 'path that is a file manifest in the context',
      code: df('FROM node:20-slim', 'COPY api/package.json ./', 'RUN npm ci'),
      context: { 'api/package.json': 1 },
    },
    {
      name: 'unused stage',
      code: df('FROM node:20 AS x', 'COPY . .', 'RUN npm ci', 'FROM node:20-slim', 'CMD ["node"]'),
    },
  ],
  invalid: [
    {
      code: df('FROM python:3.13-slim', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt'),
      lines: [4],
      message:
        '`COPY . .` (line 3) comes before `RUN pip install -r requirements.txt` (line 4): every source change re-installs all dependencies. Copy requirements.txt, run `pip install -r requirements.txt`, then copy the source.',
    },
    {
      code: df('FROM python:3.13-slim', 'COPY . /app', 'RUN uv sync --frozen'),
      lines: [3],
      message: 'Copy pyproject.toml and uv.lock, run `uv sync --frozen`',
    },
    {
      code: df(
        'FROM python:3.13-slim',
        'COPY src/ src/',
        'COPY requirements.txt .',
        'RUN pip install -r requirements.txt',
      ),
      lines: [4],
    },
    { code: df('FROM node:20-slim', 'COPY . .', 'RUN npm ci'), lines: [3] },
    { code: df('FROM node:20-slim', 'COPY . .', 'RUN npm install'), lines: [3] },
    { code: df('FROM node:20-slim', 'COPY . .', 'RUN yarn'), lines: [3] },
    { code: df('FROM node:20-slim', 'COPY . .', 'RUN yarn install --frozen-lockfile'), lines: [3] },
    { code: df('FROM node:20-slim', 'COPY . .', 'RUN pnpm install --frozen-lockfile'), lines: [3] },
    { code: df('FROM golang:1.22', 'COPY . .', 'RUN go mod download'), lines: [3] },
    { code: df('FROM ruby:3.3-slim', 'COPY . .', 'RUN bundle install'), lines: [3] },
    { code: df('FROM php:8.3-cli', 'COPY . .', 'RUN composer install --no-dev'), lines: [3] },
    { code: df('FROM rust:1.80', 'COPY . .', 'RUN cargo fetch'), lines: [3] },
    { code: df('FROM maven:3', 'COPY . .', 'RUN mvn dependency:go-offline'), lines: [3] },
    { code: df('FROM python:3.13-slim', 'COPY . .', 'RUN poetry install --no-root'), lines: [3] },
    { code: df('FROM python:3.13-slim', 'COPY . .', 'RUN pipenv install --deploy'), lines: [3] },
    {
      code: df(
        'FROM python:3.13-slim',
        'COPY . .',
        'RUN python -m pip install --no-cache-dir -r requirements.txt',
      ),
      lines: [3],
    },
    {
      code: df('FROM python:3.13-slim', 'COPY . .', 'RUN uv pip install --system -r requirements.txt'),
      lines: [3],
    },
    {
      code: df(
        'FROM python:3.13-slim',
        'COPY app.py requirements.txt ./',
        'RUN pip install -r requirements.txt',
      ),
      lines: [3],
    },
    {
      name: 'README beside the manifests',
      code: df('FROM python:3.13-slim', 'COPY pyproject.toml poetry.lock README.md ./', 'RUN poetry install'),
      lines: [3],
    },
    {
      name: 'a directory in the context without a trailing slash',
      code: df('FROM python:3.13-slim', 'COPY app ./app', 'RUN pip install -r requirements.txt'),
      context: { 'app/main.py': 1, 'requirements.txt': 1 },
      lines: [3],
    },
    {
      name: 'pip install then npm ci: the other tool fires',
      code: df(
        'FROM python:3.13-slim',
        'COPY requirements.txt .',
        'RUN pip install -r requirements.txt',
        'COPY . .',
        'RUN npm ci',
      ),
      lines: [5],
    },
    {
      code: df('FROM python:3.13-slim', 'COPY . .', 'RUN <<EOF', 'pip install -r requirements.txt', 'EOF'),
      lines: [3],
    },
    {
      code: df(
        'FROM python:3.13 AS build',
        'COPY . .',
        'RUN pip install -r requirements.txt',
        'FROM python:3.13-slim',
        'COPY --from=build /a /a',
      ),
      lines: [3],
    },
  ],
});
