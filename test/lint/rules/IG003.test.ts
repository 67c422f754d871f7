import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG003', {
  valid: [
    df('FROM python:3.13-slim', 'RUN pip install --no-cache-dir -r requirements.txt'),
    df('FROM python:3.13-alpine', 'RUN apk add --no-cache curl'),
    df('FROM alpine:3.20', 'RUN pip install requests'),
    df('FROM alpine:3.20', 'RUN apk add --no-cache py3-pip-docs', 'RUN pip install x'),
    df(
      'FROM python:3.13-alpine AS unused',
      'RUN pip install x',
      'FROM python:3.13-slim',
      'RUN pip install y',
    ),
    df('FROM node:20-alpine', 'RUN npm ci'),
    df('FROM python:3.13-alpine', 'RUN python -c "print(1)"'),
  ],
  invalid: [
    {
      code: df('FROM python:3.13-alpine', 'RUN pip install --no-cache-dir -r requirements.txt'),
      lines: [2],
      message: 'musl',
    },
    { code: df('FROM python:alpine', 'RUN uv sync --frozen'), lines: [2] },
    {
      code: df('FROM python:3.12-alpine3.20', 'RUN uv pip install --system -r requirements.txt'),
      lines: [2],
    },
    {
      code: df('FROM alpine:3.20', 'RUN apk add --no-cache python3 py3-pip', 'RUN pip install requests'),
      lines: [3],
    },
    {
      code: df(
        'FROM alpine:3.20',
        'RUN apk add --no-cache py3-pip && pip install --break-system-packages requests',
      ),
      lines: [2],
    },
    {
      code: df(
        'FROM alpine:3.20',
        'RUN apk add --no-cache python3 py3-pip && python3 -m pip install requests',
      ),
      lines: [2],
    },
    {
      name: 'builder stage counts when built',
      code: df(
        'FROM python:3.13-alpine AS build',
        'RUN pip install -r r.txt',
        'FROM python:3.13-slim',
        'COPY --from=build /a /a',
      ),
      lines: [2],
    },
    { code: df('FROM python:3.13-alpine AS base', 'FROM base', 'RUN pip install x'), lines: [3] },
    { code: df('FROM python:3.13-alpine', 'RUN pip install a', 'RUN pip install b'), lines: [2] },
  ],
});
