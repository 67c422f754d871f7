import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG001', {
  valid: [
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
  ],
  invalid: [
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
  ],
});
