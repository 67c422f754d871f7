import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG012', {
  valid: [
    df('FROM alpine:3.20', 'COPY app/ /app/'),
    df('FROM alpine:3.20 AS build', 'COPY . .', 'FROM alpine:3.20', 'COPY --from=build /out /out'),
    df('FROM alpine:3.20 AS build', 'FROM alpine:3.20', 'COPY --from=build . .'),
    df('FROM alpine:3.20', 'COPY ./src ./src'),
    df('FROM alpine:3.20', 'COPY *.py /app/'),
    df('FROM alpine:3.20', 'COPY .env.example /app/'),
  ],
  invalid: [
    { code: df('FROM alpine:3.20', 'COPY . .'), lines: [2], message: 'whole build context' },
    { code: df('FROM alpine:3.20', 'COPY ./ /app/'), lines: [2] },
    { code: df('FROM alpine:3.20', 'COPY --chown=app:app . /app'), lines: [2] },
    { code: df('FROM alpine:3.20', 'ADD . /app'), lines: [2] },
    { code: df('FROM alpine:3.20', 'COPY * /app/'), lines: [2] },
    { code: df('FROM alpine:3.20', 'COPY ./* /app/'), lines: [2] },
    { code: df('FROM alpine:3.20', 'COPY [".", "/app"]'), lines: [2] },
    { code: df('FROM alpine:3.20 AS base', 'COPY . .', 'FROM base'), lines: [2] },
    { code: df('FROM alpine:3.20', 'COPY . .', 'COPY . /again'), lines: [2] },
  ],
});
