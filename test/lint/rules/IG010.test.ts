import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG010', {
  valid: [
    df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'USER ContainerUser'),
    df('# escape=`', 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022', 'USER ContainerUser'),
    df('FROM alpine:3.20', 'ARG UID=10001', 'USER $UID'),
    df('FROM alpine:3.20', 'RUN adduser -D app', 'USER app'),
    df('FROM alpine:3.20', 'USER 10001'),
    df('FROM alpine:3.20', 'USER 1000:1000'),
    df('FROM alpine:3.20', 'USER root', 'RUN apk add --no-cache curl', 'USER app'),
    df('FROM alpine:3.20 AS base', 'USER app', 'FROM base', 'CMD ["sh"]'),
    df('FROM gcr.io/distroless/static-debian12:nonroot'),
    df('FROM gcr.io/distroless/python3-debian12:debug-nonroot'),
    df('ARG UID=1000', 'FROM alpine:3.20', 'ARG UID', 'USER ${UID}'),
    df('FROM alpine:3.20', 'USER $APP_USER'),
    df('FROM alpine:3.20 AS build', 'FROM alpine:3.20', 'COPY --from=build /a /a', 'USER nobody'),
  ],
  invalid: [
    {
      name: 'v1.1: Windows advice',
      code: df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ["app.exe"]'),
      lines: [1],
      message: 'ContainerUser',
    },
    {
      code: df(
        '# escape=`',
        'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022',
        'USER ContainerAdministrator',
      ),
      lines: [3],
      message: 'ContainerUser',
    },
    { code: df('FROM alpine:3.20', 'ARG U=root', 'USER ${U}'), lines: [3] },
    { code: df('FROM alpine:3.20', 'CMD ["sh"]'), lines: [1], message: 'never sets USER' },
    { code: df('FROM alpine:3.20', 'USER app', 'USER root'), lines: [3] },
    { code: df('FROM alpine:3.20', 'USER 0'), lines: [2] },
    { code: df('FROM alpine:3.20', 'USER root:root'), lines: [2] },
    { code: df('FROM alpine:3.20', 'USER 0:0'), lines: [2] },
    {
      code: df('FROM alpine:3.20 AS build', 'USER app', 'FROM alpine:3.20', 'COPY --from=build /a /a'),
      lines: [3],
    },
    { code: df('FROM alpine:3.20 AS base', 'USER app', 'FROM base', 'USER root'), lines: [4] },
    { code: df('FROM gcr.io/distroless/static-debian12'), lines: [1] },
    { code: df('ARG U=root', 'FROM alpine:3.20', 'ARG U', 'USER ${U}'), lines: [4] },
    { code: df('FROM alpine:3.20 AS a', 'USER app', 'FROM alpine:3.20 AS b'), lines: [3] },
  ],
});
