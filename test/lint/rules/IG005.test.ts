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
    df('FROM alpine:3.20', 'RUN apk update && apk add curl && rm -rf /var/cache/apk/*'),
    df('FROM alpine:3.20', 'RUN apk add --virtual .b gcc && make && apk del .b && rm -rf /var/cache/apk'),
    df('FROM debian:13', 'RUN apt-get update && apt-get install -y curl && apt-get dist-clean'),
    df('FROM debian:13', 'RUN apt update && apt install -y curl; apt dist-clean'),
    df('FROM debian:12', 'RUN aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*'),
    df(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*.lz4 /var/lib/apt/lists/*_Packages',
    ),
    df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt'),
    df(
      'FROM debian:12',
      'RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl',
    ),
    df('FROM fedora:40', 'RUN dnf in -y curl && dnf clean all'),
    df('FROM fedora:40', 'RUN dnf5 install -y curl && dnf5 clean all'),
    df('FROM photon:5.0', 'RUN tdnf install -y curl && tdnf clean all'),
    df('FROM centos:7', 'RUN yum install -y curl && rm -rf /var/cache/yum'),
    df('FROM fedora:40', 'RUN --mount=type=cache,target=/var/cache/dnf dnf install -y curl'),
    df(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'SHELL ["powershell", "-Command"]',
      'RUN apt-get install -y x',
    ),
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
    // v1.2: tonistiigi/xx's wrappers are apt-get and apk; dnf's aliases install; dnf5's cache is libdnf5
    df(
      'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5.0 AS xx',
      'FROM --platform=$BUILDPLATFORM debian:12',
      'COPY --from=xx / /',
      'ARG TARGETPLATFORM',
      'RUN xx-apt-get update && xx-apt-get install -y libc6-dev && rm -rf /var/lib/apt/lists/*',
    ),
    df(
      'FROM tonistiigi/xx:1.5.0 AS xx',
      'FROM alpine:3.20',
      'COPY --from=xx / /',
      'RUN xx-apk add --no-cache gcc',
    ),
    df('FROM fedora:41', 'RUN dnf -y upgrade-minimal && dnf clean all'),
    df('FROM fedora:41', 'RUN dnf5 -y install git && rm -rf /var/cache/libdnf5'),
    df('FROM fedora:41', 'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf -y install git'),
    df(
      'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5',
      'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 microdnf -y update',
    ),
    // v1.2: brace expansion under bash (SHELL or a `#!/bin/bash` heredoc)
    df(
      'FROM debian:12',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN apt-get update && apt-get install -y --no-install-recommends curl \\',
      ' && rm -rf /var/{lib/apt/lists,cache/apt}/*',
    ),
    df(
      'FROM debian:12 AS base',
      'SHELL ["/bin/bash", "-c"]',
      'FROM base',
      'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/{lists,mirrors}/*',
    ),
    df(
      'FROM debian:12',
      'RUN <<EOF',
      '#!/bin/bash',
      'set -euo pipefail',
      'apt-get update',
      'apt-get install -y --no-install-recommends curl',
      'rm -rf /var/{lib/apt/lists,cache/apt}/*',
      'EOF',
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
    {
      name: 'v1.1: a clean before the install leaves the lists',
      code: df(
        'FROM debian:12',
        'RUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl',
      ),
      lines: [2],
    },
    {
      name: 'v1.1: removing only the lock file is no clean',
      code: df(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y curl && rm -f /var/lib/apt/lists/lock',
      ),
      lines: [2],
    },
    {
      code: df(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/partial',
      ),
      lines: [2],
    },
    {
      name: 'v1.1: a cache mount at /var/cache/apt alone still leaves the lists',
      code: df(
        'FROM debian:12',
        'RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl',
      ),
      lines: [2],
    },
    { code: df('FROM fedora:40', 'RUN dnf clean all && dnf install -y curl'), lines: [2] },
    { name: "dnf's `in` alias", code: df('FROM fedora:40', 'RUN dnf in -y curl'), lines: [2] },
    { code: df('FROM fedora:40', 'RUN dnf upgrade -y'), lines: [2] },
    { code: df('FROM alpine:3.20', 'RUN rm -rf /var/cache/apk/* && apk add curl'), lines: [2] },
    {
      code: df('FROM debian:12', 'RUN apt-get dist-clean && apt-get update && apt-get install -y x'),
      lines: [2],
    },
    {
      name: 'ARG default holding the install command words',
      code: df('FROM debian:12', 'ARG PKGS="curl git"', 'RUN apt-get update && apt-get install -y $PKGS'),
      lines: [3],
    },
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
    {
      name: 'xx-apt-get install without removing the lists',
      code: df(
        'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5.0 AS xx',
        'FROM --platform=$BUILDPLATFORM debian:12',
        'COPY --from=xx / /',
        'ARG TARGETPLATFORM',
        'RUN xx-apt-get update && xx-apt-get install -y libc6-dev',
      ),
      lines: [5],
      message: '`xx-apt-get install`',
    },
    {
      code: df(
        'FROM tonistiigi/xx:1.5.0 AS xx',
        'FROM alpine:3.20',
        'COPY --from=xx / /',
        'RUN xx-apk add gcc musl-dev',
      ),
      lines: [4],
    },
    { code: df('FROM fedora:41', 'RUN dnf -y up && dnf -y in git'), lines: [2] },
    { code: df('FROM fedora:41', 'RUN dnf -y distro-sync'), lines: [2], message: '`dnf distro-sync`' },
    { code: df('FROM fedora:41', 'RUN dnf -y rei bash'), lines: [2] },
    { code: df('FROM fedora:41', 'RUN dnf -y up-min'), lines: [2] },
    { code: df('FROM centos:7', 'RUN yum -y update'), lines: [2] },
    {
      code: df('FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5', 'RUN microdnf -y update'),
      lines: [2],
    },
    { code: df('FROM fedora:41', 'RUN dnf5 -y upgrade'), lines: [2], message: '/var/cache/libdnf5' },
    {
      name: 'a libdnf5 cache removed before the install does not count',
      code: df('FROM fedora:41', 'RUN rm -rf /var/cache/libdnf5 && dnf5 -y install git'),
      lines: [2],
    },
    {
      name: 'under /bin/sh the braces stay literal: the lists stay',
      code: df(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y --no-install-recommends curl \\',
        ' && rm -rf /var/{lib/apt/lists,cache/apt}/*',
      ),
      lines: [2],
    },
    {
      name: 'a SHELL back to sh ends brace expansion',
      code: df(
        'FROM debian:12',
        'SHELL ["/bin/bash", "-c"]',
        'SHELL ["/bin/sh", "-c"]',
        'RUN apt-get update && apt-get install -y curl && rm -rf /var/{lib/apt/lists,cache/apt}/*',
      ),
      lines: [4],
    },
    {
      code: df(
        'FROM debian:12',
        'SHELL ["/bin/bash", "-c"]',
        'RUN <<EOF',
        '#!/bin/sh',
        'apt-get update && apt-get install -y curl',
        'rm -rf /var/{lib/apt/lists,cache/apt}/*',
        'EOF',
      ),
      lines: [3],
    },
  ],
});
