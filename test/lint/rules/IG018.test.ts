import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG018', {
  valid: [
    df('FROM python:3.13-slim AS runtime', 'USER app'),
    {
      name: 'a target was given: the user chose',
      code: df('FROM python:3.13-slim AS runtime', 'FROM runtime AS test', 'RUN pytest'),
      target: 'test',
    },
    {
      name: 'the last stage is the runtime one',
      code: df('FROM python:3.13 AS test', 'FROM python:3.13-slim AS runtime'),
    },
    {
      name: 'no stage looks like a runtime stage',
      code: df('FROM golang:1.23 AS build', 'FROM alpine:3.20 AS debug'),
    },
    { name: 'a name that only begins with the letters', code: df('FROM a:1 AS app', 'FROM a:1 AS devices') },
    { name: 'unnamed last stage', code: df('FROM a:1 AS prod', 'FROM a:1') },
  ],
  invalid: [
    {
      code: df('FROM python:3.13-slim AS runtime', 'USER app', 'FROM runtime AS test', 'RUN pytest'),
      lines: [3],
      message: '--target runtime',
    },
    {
      code: df('FROM node:22 AS build', 'FROM node:22-slim AS production', 'FROM build AS development'),
      lines: [3],
      message: 'development stage',
    },
    { code: df('FROM a:1 AS app', 'FROM a:1 AS ci-upload'), lines: [2], message: '`app` (line 1)' },
    { code: df('FROM a:1 AS release', 'FROM a:1 AS Debug'), lines: [2] },
    { code: df('FROM a:1 AS final', 'FROM a:1 AS lint'), lines: [2] },
  ],
});
