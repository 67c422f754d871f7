import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG006', {
  valid: [
    df(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'SHELL ["powershell", "-Command"]',
      'RUN apt-get update',
    ),
    df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'),
    df('FROM debian:12', 'RUN apt-get update && apt-get upgrade -y'),
    df('FROM debian:12', 'RUN apt-get update && apt-get dist-upgrade -y'),
    df('FROM debian:12', 'RUN apt update && apt full-upgrade -y'),
    df('FROM alpine:3.20', 'RUN apk update && apk add curl'),
    df('FROM alpine:3.20', 'RUN apk update && apk upgrade'),
    df('FROM debian:12', 'RUN apt-get -y update && DEBIAN_FRONTEND=noninteractive apt-get -y install curl'),
    df('FROM debian:12', 'RUN <<EOF', 'apt-get update', 'apt-get install -y curl', 'EOF'),
    df('FROM debian:12 AS unused', 'RUN apt-get update', 'FROM debian:12', 'RUN echo'),
    df('FROM debian:12', 'RUN echo apt-get update'),
    df('FROM debian:12', 'RUN apt-get install -y curl'),
    df('FROM debian:12', 'RUN pip install --upgrade pip'),
    // v1.2: a command that reads the fresh index is what the update is for
    df('FROM debian:12', 'RUN apt-get update && apt-get download libssl3 && dpkg -x libssl3_*.deb /out'),
    df('FROM debian:12', 'RUN apt-get update && apt-get source --download-only hello'),
    df('FROM debian:12', 'RUN apt-get update && apt-get build-dep -y hello'),
    df('FROM debian:12', 'RUN apt-get update && apt-cache policy curl'),
    df(
      'FROM debian:12',
      'RUN apt-get update \\',
      ' && apt-cache show nginx | grep -q "^Version: 1.22" \\',
      ' && echo ok',
    ),
    df(
      'FROM tonistiigi/xx:1.5.0 AS xx',
      'FROM debian:12',
      'COPY --from=xx / /',
      'RUN xx-apt-get update && xx-apt-get install -y gcc',
    ),
  ],
  invalid: [
    {
      code: df('FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y curl'),
      lines: [2],
      message: 'apt-get update',
    },
    { code: df('FROM debian:12', 'RUN apt update'), lines: [2] },
    { code: df('FROM alpine:3.20', 'RUN apk update'), lines: [2] },
    { code: df('FROM debian:12', 'RUN apt-get update && pip install flask'), lines: [2] },
    { code: df('FROM debian:12', 'RUN apt-get update -qq > /dev/null 2>&1'), lines: [2] },
    {
      name: 'in a builder stage that is built',
      code: df('FROM debian:12 AS build', 'RUN apt-get update', 'FROM debian:12', 'COPY --from=build /a /a'),
      lines: [2],
    },
    { code: df('FROM debian:12', 'RUN ["apt-get", "update"]'), lines: [2] },
    {
      code: df(
        'FROM tonistiigi/xx:1.5.0 AS xx',
        'FROM debian:12',
        'COPY --from=xx / /',
        'RUN xx-apt-get update',
      ),
      lines: [4],
      message: '`xx-apt-get update`',
    },
    {
      code: df(
        'FROM tonistiigi/xx:1.5.0 AS xx',
        'FROM alpine:3.20',
        'COPY --from=xx / /',
        'RUN xx-apk update',
      ),
      lines: [4],
    },
    { code: df('FROM debian:12', 'RUN apt-get update && apt-get clean'), lines: [2] },
  ],
});
