import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG005', {
  valid: [
    df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'),
    df(
      'FROM debian:12',
      'RUN apt-get update \\',
      ' && apt-get install -y --no-install-recommends curl \\',
      ' && rm -rf /var/lib/apt/lists',
    ),
    df(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/*',
    ),
    df(
      'FROM debian:12',
      'RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl',
    ),
    df(
      'FROM debian:12',
      'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl',
    ),
    df('FROM alpine:3.20', 'RUN apk add --no-cache curl'),
    df('FROM alpine:3.20', 'RUN apk --no-cache add curl'),
    df('FROM alpine:3.20', 'RUN --mount=type=cache,target=/var/cache/apk apk add curl'),
    df('FROM fedora:40', 'RUN dnf install -y curl && dnf clean all'),
    df('FROM centos:7', 'RUN yum install -y curl && yum clean all'),
    df('FROM rockylinux:9', 'RUN microdnf install -y curl && microdnf clean all'),
    df(
      'FROM debian:12 AS build',
      'RUN apt-get update && apt-get install -y gcc',
      'FROM debian:12-slim',
      'COPY --from=build /a /a',
    ),
    df('FROM debian:12', 'RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*'),
    df('FROM debian:12', 'RUN echo "apt-get install -y curl"'),
    df('FROM debian:12', 'RUN apt-cache search curl'),
    df('FROM alpine:3.20', 'RUN apk info'),
    df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/*'),
    df(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -type f -delete',
    ),
  ],
  invalid: [
    {
      code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl'),
      lines: [2],
      message: '/var/lib/apt/lists',
    },
    { code: df('FROM debian:12', 'RUN apt update && apt install -y curl'), lines: [2] },
    {
      code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && apt-get clean'),
      lines: [2],
    },
    {
      code: df(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y curl',
        'RUN rm -rf /var/lib/apt/lists/*',
      ),
      lines: [2],
    },
    {
      code: df('FROM debian:12', 'RUN --mount=type=cache,target=/root/.cache apt-get install -y curl'),
      lines: [2],
    },
    {
      code: df(
        'FROM debian:12',
        'RUN DEBIAN_FRONTEND=noninteractive apt-get -qq -o Dpkg::Use-Pty=0 install -y curl',
      ),
      lines: [2],
    },
    { code: df('FROM alpine:3.20', 'RUN apk add curl'), lines: [2], message: '--no-cache' },
    { code: df('FROM alpine:3.20', 'RUN apk update && apk add curl && rm -rf /var/cache/apk/*'), lines: [2] },
    { code: df('FROM fedora:40', 'RUN dnf install -y curl'), lines: [2], message: 'clean all' },
    { code: df('FROM centos:7', 'RUN yum -y install curl && yum clean packages'), lines: [2] },
    { code: df('FROM debian:12 AS base', 'RUN apt-get install -y curl', 'FROM base'), lines: [2] },
    {
      code: df('FROM debian:12', 'RUN <<EOF', 'apt-get update', 'apt-get install -y curl', 'EOF'),
      lines: [2],
    },
    {
      code: df(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y a',
        'RUN apt-get install -y b && rm -rf /var/lib/apt/lists/*',
        'RUN apk add c',
      ),
      lines: [2, 4],
    },
  ],
});
