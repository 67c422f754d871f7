import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG001', {
  valid: [
    df('FROM oven/bun:1.1', 'COPY . .', 'RUN bun install --production', 'CMD ["bun", "run", "start"]'),
    {
      name: 'v1.1: apk virtual package removed in the same RUN',
      code: df(
        'FROM python:3.13-alpine',
        'RUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir x && apk del --no-network .build-deps',
      ),
    },
    {
      name: 'v1.1: apt purge --auto-remove of what was installed',
      code: df(
        'FROM python:3.13-slim',
        'RUN apt-get update && apt-get install -y gcc libpq-dev && pip install --no-cache-dir psycopg && apt-get purge -y --auto-remove gcc libpq-dev && rm -rf /var/lib/apt/lists/*',
      ),
    },
    {
      name: "v1.1: docker-library's apt-mark auto '.*' then purge --auto-remove",
      code: df(
        'FROM debian:12-slim',
        'RUN set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc make libc6-dev; make -C /src; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove; rm -rf /var/lib/apt/lists/*',
      ),
    },
    {
      name: 'v1.1: dnf remove',
      code: df('FROM fedora:40', 'RUN dnf install -y gcc && make && dnf remove -y gcc && dnf clean all'),
    },
    df('FROM python:3.13-slim', 'RUN pip install --no-cache-dir -r requirements.txt'),
    df(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl ca-certificates && rm -rf /var/lib/apt/lists/*',
    ),
    df('FROM debian:12', 'RUN apt-get install -y libpq5 makedepend'),
    df(
      'FROM python:3.13 AS build',
      'RUN pip install uv',
      'FROM python:3.13-slim',
      'COPY --from=build /app /app',
    ),
    df('FROM node:20-slim', 'RUN npm run test'),
    df('FROM node:20-slim', 'RUN npm run lint && npm start'),
    df('FROM python:3.13-slim', 'RUN pip install --no-cache-dir buildkite-agent requests'),
    df('FROM python:3.13-slim', 'RUN pip install --no-cache-dir uvicorn'),
    df('FROM alpine:3.20', 'RUN echo gcc make'),
    df('FROM alpine:3.20', 'RUN apk add --no-cache libgcc'),
    df('FROM golang:1.22', 'RUN go test ./...'),
    df('FROM alpine:3.20', 'ONBUILD RUN apk add gcc'),
    df('FROM alpine:3.20', 'RUN xx-apk add --no-cache --virtual .b gcc musl-dev && make && xx-apk del .b'),
  ],
  invalid: [
    {
      name: 'corpus: bun runs the build script in the only stage',
      code: df('FROM oven/bun:1.1', 'COPY . .', 'RUN bun install && bun run build'),
      lines: [3],
      message: 'bun run build',
    },
    {
      name: "corpus: bun's bundler in the only stage",
      code: df('FROM oven/bun:1.1', 'COPY . .', 'RUN bun build ./src/index.ts --outdir dist'),
      lines: [3],
    },
    {
      name: 'v1.1: only part of the tooling is removed again',
      code: df('FROM alpine:3.20', 'RUN apk add --no-cache gcc make && make && apk del gcc'),
      lines: [2],
      message: 'installs make',
    },
    {
      name: 'v1.1: removal before the install does not count',
      code: df('FROM alpine:3.20', 'RUN apk del .b; apk add --no-cache --virtual .b gcc'),
      lines: [2],
    },
    {
      name: 'v1.1: build packages from an ARG default',
      code: df(
        'FROM debian:12',
        'ARG BUILD_PACKAGES="build-essential libpq-dev"',
        'RUN apt-get update && apt-get install -y ${BUILD_PACKAGES} && rm -rf /var/lib/apt/lists/*',
      ),
      lines: [3],
      message: 'build-essential',
    },
    {
      name: 'v1.1: build packages from a shell variable of the same RUN',
      code: df(
        'FROM debian:12',
        'RUN BUILD_DEPS="gcc make" && apt-get update && apt-get install -y $BUILD_DEPS && rm -rf /var/lib/apt/lists/*',
      ),
      lines: [2],
      message: 'gcc, make',
    },
    { code: df('FROM debian:12', 'RUN apt-get install -y gcc'), lines: [2], message: 'gcc' },
    {
      code: df(
        'FROM debian:12',
        'RUN apt-get update && apt-get install -y --no-install-recommends build-essential',
      ),
      lines: [2],
    },
    {
      code: df('FROM debian:12', 'RUN apt-get install -y libpq-dev', 'RUN apt-get install -y g++-12'),
      lines: [2],
      message: 'also line 3',
    },
    { code: df('FROM debian:12', 'RUN apt-get -y install gcc=4:12.2.0-3'), lines: [2] },
    { code: df('FROM debian:12', 'RUN apt-get install -y clang-16'), lines: [2] },
    {
      code: df('FROM alpine:3.20', 'RUN apk add --no-cache --virtual .build-deps build-base musl-dev'),
      lines: [2],
    },
    { code: df('FROM alpine:3.20', 'RUN apk add alpine-sdk'), lines: [2] },
    { code: df('FROM fedora:40', 'RUN dnf install -y gcc-c++ && dnf clean all'), lines: [2] },
    { code: df('FROM centos:7', 'RUN yum install -y openssl-devel'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN pip install uv'), lines: [2], message: 'uv' },
    { code: df('FROM python:3.13-slim', 'RUN pip install --no-cache-dir "uv==0.5.0"'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN python -m pip install -U pip setuptools wheel'), lines: [2] },
    { code: df('FROM python:3.13-slim', 'RUN pip3 install poetry==1.8.3'), lines: [2] },
    {
      code: df('FROM node:20', 'COPY . .', 'RUN npm ci && npm run build'),
      lines: [3],
      message: 'npm run build',
    },
    { code: df('FROM node:20', 'RUN yarn build'), lines: [2] },
    { code: df('FROM node:20', 'RUN pnpm run build'), lines: [2] },
    { code: df('FROM golang:1.22', 'RUN CGO_ENABLED=0 go build -o /app .'), lines: [2] },
    { code: df('FROM rust:1.80', 'RUN cargo build --release'), lines: [2] },
    { code: df('FROM maven:3', 'RUN mvn -B package -DskipTests'), lines: [2] },
    { code: df('FROM gradle:8', 'RUN ./gradlew build'), lines: [2] },
    {
      code: df(
        'FROM debian:12',
        'RUN set -eux; \\',
        '    apt-get update; \\',
        '    apt-get install -y make; \\',
        '    rm -rf /var/lib/apt/lists/*',
      ),
      lines: [2],
    },
    {
      code: df('FROM debian:12', 'RUN <<EOF', 'apt-get update', 'apt-get install -y cmake', 'EOF'),
      lines: [2],
    },
    { code: df('FROM debian:12', 'RUN ["apt-get", "install", "-y", "gcc"]'), lines: [2] },
    { code: df('FROM debian:12', 'RUN sh -c "apt-get install -y gcc"'), lines: [2] },
    { code: df('FROM debian:12', 'RUN xx-apt-get install -y gcc'), lines: [2] },
    { code: df('FROM alpine:3.20', 'RUN xx-apk add --no-cache gcc musl-dev'), lines: [2] },
    { code: df('FROM fedora:41', 'RUN dnf -y in gcc && dnf clean all'), lines: [2] },
    {
      name: 'the message quotes the command up to the word that made it fire',
      code: df(
        'FROM python:3.13-slim',
        'RUN apt-get update \\',
        ' && apt-get install -y --no-install-recommends curl gcc libpq5 \\',
        ' && rm -rf /var/lib/apt/lists/*',
        'COPY . /app',
        'RUN pip install --no-cache-dir -r /app/requirements.txt',
      ),
      lines: [2],
      message: '`apt-get install -y --no-install-recommends curl gcc …` (line 2) installs gcc,',
    },
    {
      code: df(
        'FROM node:22-slim',
        'WORKDIR /app',
        'COPY . .',
        'RUN npm ci && npm run build:prod -- --mode production',
      ),
      lines: [4],
      message: '`npm run build:prod …` (line 4) runs a build step',
    },
    {
      code: df(
        'FROM golang:1.23',
        'WORKDIR /src',
        'COPY . .',
        'RUN CGO_ENABLED=0 go build -o /bin/app ./cmd/app',
      ),
      lines: [4],
      message: '`go build …` (line 4)',
    },
  ],
});
