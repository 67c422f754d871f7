import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG016', {
  valid: [
    df('FROM python:3.13-slim', 'ENV PYTHONUNBUFFERED=1'),
    df('FROM python:3.13-slim', 'ENV PYTHONDONTWRITEBYTECODE=1'),
    df(
      'FROM python:3.13-slim',
      'ENV PATH=/app/.venv/bin:$PATH \\',
      '    PYTHONUNBUFFERED=1 \\',
      '    PYTHONDONTWRITEBYTECODE=1',
    ),
    df('FROM python:3.13-slim', 'ENV PYTHONUNBUFFERED 1'),
    df('FROM python:3.13-slim AS base', 'ENV PYTHONUNBUFFERED=1', 'FROM base'),
    df('FROM python:3.13 AS build', 'FROM debian:12-slim', 'COPY --from=build /a /a'),
    df('FROM node:20-slim'),
    df('FROM gcr.io/distroless/python3-debian12'),
  ],
  invalid: [
    {
      code: df('FROM python:3.13-slim', 'CMD ["python", "app.py"]'),
      lines: [1],
      message: 'PYTHONUNBUFFERED',
    },
    {
      code: df(
        'FROM python:3.13-slim AS build',
        'ENV PYTHONUNBUFFERED=1',
        'FROM python:3.13-slim',
        'COPY --from=build /a /a',
      ),
      lines: [3],
    },
    { code: df('FROM python:3.13-slim', 'ARG PYTHONUNBUFFERED=1'), lines: [1] },
    { code: df('FROM docker.io/library/python:3.13-alpine'), lines: [1] },
    { code: df('FROM python:3.13-slim AS base', 'FROM base AS final', 'CMD ["python"]'), lines: [2] },
  ],
});
