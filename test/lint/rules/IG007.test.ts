import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG007', {
  valid: [
    df('FROM alpine:3.20', 'RUN echo a'),
    df('FROM alpine:3.20', 'RUN echo a', 'WORKDIR /app', 'RUN echo b'),
    df('FROM alpine:3.20', 'RUN echo a', 'ENV A=1', 'RUN echo b'),
    df('FROM alpine:3.20', 'RUN echo a', 'FROM alpine:3.20', 'RUN echo b'),
    df('FROM alpine:3.20', 'RUN echo a', 'COPY a /a', 'RUN echo b'),
    df('FROM alpine:3.20', 'RUN echo a && echo b'),
    df('FROM alpine:3.20', 'ONBUILD RUN echo a', 'ONBUILD RUN echo b'),
    df('FROM alpine:3.20 AS unused', 'RUN echo a', 'RUN echo b', 'FROM alpine:3.20', 'CMD ["sh"]'),
    df('FROM alpine:3.20', 'RUN echo a', 'ONBUILD RUN echo x', 'RUN echo b'),
  ],
  invalid: [
    {
      name: 'v1.1: under PowerShell the advice is `;`, not `&&`',
      code: df(
        '# escape=`',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'SHELL ["powershell", "-Command"]',
        'RUN Write-Host a',
        'RUN Write-Host b',
      ),
      lines: [5],
      message: '`;`',
    },
    {
      code: df('FROM alpine:3.20', 'RUN echo a', 'RUN echo b'),
      lines: [3],
      message: '`RUN echo b` (line 3) directly follows `RUN echo a` (line 2)',
    },
    { code: df('FROM alpine:3.20', 'RUN echo a', 'RUN echo b', 'RUN echo c'), lines: [3] },
    {
      name: 'comments and blank lines do not break a block',
      code: df('FROM alpine:3.20', 'RUN echo a', '', '# next', 'RUN echo b'),
      lines: [5],
    },
    {
      code: df('FROM alpine:3.20', 'RUN echo a', 'RUN echo b', 'USER app', 'RUN echo c', 'RUN echo d'),
      lines: [3, 6],
    },
    { code: df('FROM alpine:3.20', 'RUN echo a \\', '  && echo b', 'RUN echo c'), lines: [4] },
    { code: df('FROM alpine:3.20', 'run echo a', 'Run echo b'), lines: [3] },
    { code: df('FROM alpine:3.20', 'RUN <<EOF', 'echo a', 'EOF', 'RUN echo b'), lines: [5] },
    {
      name: 'builder stage that is built',
      code: df(
        'FROM alpine:3.20 AS build',
        'RUN echo a',
        'RUN echo b',
        'FROM alpine:3.20',
        'COPY --from=build /a /a',
      ),
      lines: [3],
    },
  ],
});
