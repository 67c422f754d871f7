import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG011', {
  valid: [
    {
      name: 'v1.1: tooling removed in the same RUN of the final stage',
      code: df(
        'FROM node:22 AS build',
        'RUN npm ci',
        'FROM node:22-alpine',
        'RUN apk add --no-cache --virtual .gyp python3 make g++ && npm ci --omit=dev && apk del .gyp',
      ),
    },
    df(
      'FROM python:3.13 AS build',
      'RUN pip install uv && uv sync',
      'FROM python:3.13-slim',
      'COPY --from=build /app /app',
    ),
    df('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app'),
    df(
      'FROM debian:12 AS build',
      'RUN apt-get install -y gcc',
      'FROM debian:12-slim',
      'RUN apt-get install -y libpq5',
    ),
    df('FROM debian:12', 'RUN apt-get install -y gcc'),
    df(
      'FROM node:20 AS build',
      'RUN npm run build',
      'FROM nginx:1.27',
      'COPY --from=build /dist /usr/share/nginx/html',
    ),
    df(
      'FROM node:20 AS deps',
      'RUN npm ci',
      'FROM node:20-slim',
      'COPY --from=deps /node_modules /node_modules',
      'RUN npm run start',
    ),
  ],
  invalid: [
    {
      name: 'v1.1: tooling kept in the final stage',
      code: df(
        'FROM node:22 AS build',
        'RUN npm ci',
        'FROM node:22-alpine',
        'RUN apk add --no-cache --virtual .gyp python3 make g++ && npm ci --omit=dev',
      ),
      lines: [4],
    },
    {
      code: df(
        'FROM golang:1.22 AS build',
        'RUN go build -o /app .',
        'FROM debian:12-slim',
        'RUN apt-get install -y gcc',
      ),
      lines: [4],
      message: 'gcc',
    },
    {
      code: df(
        'FROM python:3.13 AS build',
        'RUN echo',
        'FROM python:3.13-slim',
        'RUN pip install --no-cache-dir uv && uv sync',
      ),
      lines: [4],
    },
    {
      name: 'tooling in a stage the final one is built FROM',
      code: df(
        'FROM python:3.13-slim AS base',
        'RUN apt-get install -y build-essential',
        'FROM base AS build',
        'RUN echo',
        'FROM base',
        'CMD ["python"]',
      ),
      lines: [2],
    },
    {
      code: df('FROM node:20 AS deps', 'RUN npm ci', 'FROM node:20-slim', 'COPY . .', 'RUN npm run build'),
      lines: [5],
    },
    {
      code: df(
        'FROM alpine:3.20 AS x',
        'FROM alpine:3.20',
        'RUN apk add --no-cache --virtual .b musl-dev',
        'RUN apk add --no-cache make',
      ),
      lines: [3],
      message: 'also line 4',
    },
    {
      name: 'xx-apk in the final stage',
      code: df(
        'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5.0 AS xx',
        'FROM --platform=$BUILDPLATFORM golang:1.23-alpine',
        'COPY --from=xx / /',
        'ARG TARGETPLATFORM',
        'RUN xx-apk add --no-cache gcc musl-dev',
        'RUN xx-go build -o /app .',
      ),
      lines: [5],
    },
    {
      code: df(
        'FROM tonistiigi/xx:1.5.0 AS xx',
        'FROM debian:12',
        'COPY --from=xx / /',
        'RUN xx-apt-get install -y gcc',
      ),
      lines: [4],
    },
    {
      name: 'the tooling is in a stage the final one is built FROM: the message names it',
      code: df(
        'FROM python:3.12-slim AS base',
        'RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*',
        'FROM base AS deps',
        'COPY requirements.txt .',
        'RUN pip install --no-cache-dir -r requirements.txt',
        'FROM base',
        'COPY --from=deps /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages',
        'COPY . /app',
        'CMD ["python", "/app/main.py"]',
      ),
      lines: [2],
      message: 'in stage `base`, which the final image is built from',
      fix: 'out of stage `base`',
    },
  ],
});
