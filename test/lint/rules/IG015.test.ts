import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG015', {
  valid: [
    {
      name: 'v1.1: --frozen from an ARG default',
      code: df('FROM python:3.13-slim', 'ARG UV_OPTIONS="--frozen --no-dev"', 'RUN uv sync $UV_OPTIONS'),
    },
    df('FROM python:3.13-slim', 'RUN uv sync --frozen'),
    df('FROM python:3.13-slim', 'RUN uv sync --locked --no-dev'),
    df('FROM python:3.13-slim', 'ENV UV_LOCKED=1', 'RUN uv sync'),
    df('FROM node:20-slim', 'RUN npm ci'),
    df('FROM node:20-slim', 'RUN npm install express@4'),
    df('FROM node:20-slim', 'RUN npm install -g npm@10'),
    df('FROM node:20-slim', 'RUN yarn install --frozen-lockfile'),
    df('FROM node:20-slim', 'RUN yarn --frozen-lockfile'),
    df('FROM node:20-slim', 'RUN yarn install --immutable'),
    df('FROM node:20-slim', 'RUN yarn build'),
    df('FROM node:20-slim', 'RUN yarn add lodash'),
    df('FROM node:20 AS unused', 'RUN npm install', 'FROM node:20-slim', 'CMD ["node"]'),
    df('FROM python:3.13-slim', 'RUN uv pip install -r requirements.txt'),
  ],
  invalid: [
    { code: df('FROM python:3.13-slim', 'RUN uv sync'), lines: [2], message: '--locked' },
    { code: df('FROM python:3.13-slim', 'RUN uv sync --no-dev'), lines: [2] },
    { code: df('FROM node:20-slim', 'RUN npm install'), lines: [2], message: 'npm ci' },
    { code: df('FROM node:20-slim', 'RUN npm install --omit=dev'), lines: [2] },
    { code: df('FROM node:20-slim', 'RUN npm i'), lines: [2] },
    { code: df('FROM node:20-slim', 'RUN yarn'), lines: [2], message: '--frozen-lockfile' },
    { code: df('FROM node:20-slim', 'RUN yarn install'), lines: [2] },
    { code: df('FROM node:20-slim', 'RUN yarn install --production'), lines: [2] },
    {
      code: df('FROM node:20 AS build', 'RUN npm install', 'FROM node:20-slim', 'COPY --from=build /a /a'),
      lines: [2],
    },
  ],
});
