import { expect, it } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG000', {
  valid: [
    df('FROM alpine:3.20', 'RUN echo hi'),
    df('ARG BASE=alpine:3.20', 'FROM ${BASE}'),
    df('# syntax=docker/dockerfile:1', 'FROM alpine:3.20'),
    df('FROM golang:1.22 AS build', 'FROM alpine:3.20', 'COPY --from=build /app /app'),
    df('FROM golang:1.22 AS Build', 'FROM alpine:3.20', 'COPY --from=build /app /app'),
    df('FROM golang:1.22', 'FROM alpine:3.20', 'COPY --from=0 /app /app'),
    df('FROM alpine:3.20', 'COPY --from=nginx:1.27 /etc/nginx /etc/nginx'),
    df('FROM alpine:3.20', 'COPY --from=ghcr.io/astral-sh/uv /uv /bin/uv'),
    df('FROM alpine:3.20', 'COPY --from=busybox@sha256:abc /bin/sh /sh'),
    df('ARG SRC=build', 'FROM golang:1.22 AS build', 'FROM alpine:3.20', 'COPY --from=${SRC} /a /a'),
    df('from alpine:3.20', 'run echo lower-case instructions'),
    df('FROM alpine:3.20', 'RUN [ -f /etc/os-release ] && echo ok'),
    df('FROM alpine:3.20', 'CMD ["sh", "-c", "echo hi"]'),
    df('FROM alpine:3.20', 'RUN <<EOF', 'echo hi', 'EOF'),
    'FROM alpine:3.20\r\nRUN echo a \\\r\n  && echo b\r\n',
    df('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN dir `', '  c:\\'),
    df('FROM alpine:3.20', 'ONBUILD RUN echo later'),
    df('FROM alpine:3.20', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN echo'),
  ],
  invalid: [
    { name: 'empty file', code: '', lines: [1], message: 'no instructions' },
    { name: 'comments only', code: df('# nothing here'), lines: [1], message: 'no instructions' },
    { name: 'no FROM', code: df('RUN echo hi'), lines: [1], message: 'no FROM' },
    {
      name: 'unknown instruction',
      code: df('FROM alpine:3.20', 'RUNN echo hi'),
      lines: [2],
      message: 'unknown instruction',
    },
    { name: 'unknown instruction lower-case', code: df('FROM alpine:3.20', 'copyy a b'), lines: [2] },
    {
      name: 'unterminated heredoc',
      code: df('FROM alpine:3.20', 'RUN <<EOF', 'echo hi'),
      lines: [2],
      message: 'never closed',
    },
    {
      name: 'unterminated JSON array',
      code: df('FROM alpine:3.20', 'CMD ["sh", "-c", "echo hi"'),
      lines: [2],
      message: 'JSON',
    },
    {
      name: 'JSON with single quotes',
      code: df('FROM alpine:3.20', "ENTRYPOINT ['sh']", 'CMD ["a" "b"]'),
      lines: [3],
    },
    {
      name: 'COPY --from unknown name',
      code: df('FROM alpine:3.20', 'COPY --from=builder /a /a'),
      lines: [2],
      message: 'builder',
    },
    {
      name: 'COPY --from a later stage',
      code: df('FROM alpine:3.20 AS app', 'COPY --from=build /a /a', 'FROM golang:1.22 AS build'),
      lines: [2],
    },
    {
      name: 'COPY --from index not earlier',
      code: df('FROM golang:1.22', 'FROM alpine:3.20', 'COPY --from=1 /a /a'),
      lines: [3],
    },
    {
      name: 'COPY --from index out of range',
      code: df('FROM alpine:3.20', 'COPY --from=3 /a /a'),
      lines: [2],
    },
    {
      name: 'instruction before FROM',
      code: df('RUN echo hi', 'FROM alpine:3.20'),
      lines: [1],
      message: 'before the first FROM',
    },
    { name: 'duplicate stage names', code: df('FROM alpine:3.20 AS a', 'FROM alpine:3.20 AS A'), lines: [2] },
    {
      name: 'SHELL not in JSON form',
      code: df('FROM alpine:3.20', 'SHELL /bin/bash -c'),
      lines: [2],
      message: 'JSON',
    },
    { name: 'FROM without image', code: df('FROM', 'RUN echo'), lines: [1] },
  ],
});

it('COPY --from a name given as an extra build context (build-contexts) is no unknown stage', () => {
  const text = 'FROM busybox:1.36\nCOPY --from=shared shared.txt /shared.txt\n';
  const ids = (buildContexts?: string[]) =>
    lint(text, null, { buildContexts })
      .filter((f) => f.rule === 'IG000')
      .map((f) => f.line);
  expect(ids()).toEqual([2]);
  expect(ids(['shared'])).toEqual([]);
  expect(ids(['other'])).toEqual([2]);
});
