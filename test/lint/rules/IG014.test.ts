import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG014', {
  valid: [
    df('FROM python:3.13-slim'),
    df('FROM python@sha256:0123456789abcdef'),
    df('FROM python:latest@sha256:0123456789abcdef'),
    df('FROM scratch'),
    df('FROM golang:1.22 AS build', 'FROM build'),
    df('FROM golang:1.22 AS Build', 'FROM build'),
    df('FROM localhost:5000/app:1.2'),
    df('ARG TAG=3.20', 'FROM alpine:${TAG}'),
    df('FROM alpine:${TAG}'),
    df('FROM ${BASE}'),
    df('FROM alpine:3.20', 'ONBUILD FROM x'),
    df('FROM alpine AS unused', 'FROM alpine:3.20'),
  ],
  invalid: [
    { code: df('FROM python'), lines: [1], message: 'no tag' },
    { code: df('FROM python:latest'), lines: [1], message: 'latest' },
    { code: df('FROM ghcr.io/org/app'), lines: [1] },
    { code: df('FROM localhost:5000/app'), lines: [1] },
    { code: df('FROM --platform=linux/amd64 alpine AS base'), lines: [1] },
    { code: df('ARG BASE=python', 'FROM ${BASE}'), lines: [2] },
    { code: df('ARG TAG=latest', 'FROM alpine:${TAG}'), lines: [2] },
    { code: df('FROM golang AS build', 'FROM alpine:3.20', 'COPY --from=build /a /a'), lines: [1] },
    { code: df('FROM alpine', 'FROM alpine:latest'), lines: [2] },
    {
      name: 'the fix pins the image found, never another one',
      code: df('FROM fedora', 'RUN dnf -y install httpd && dnf clean all', 'CMD ["httpd", "-DFOREGROUND"]'),
      lines: [1],
      message: '`fedora:<version>`',
      fix: '`fedora:<version>`) or a digest (`fedora@sha256:…`)',
      notFix: 'python',
    },
    {
      code: df('FROM ghcr.io/astral-sh/uv:latest AS uv', 'FROM debian:12-slim', 'COPY --from=uv /uv /bin/uv'),
      lines: [1],
      fix: '`ghcr.io/astral-sh/uv:<version>`',
    },
    {
      code: df('FROM localhost:5000/app:latest'),
      lines: [1],
      fix: '`localhost:5000/app@sha256:…`',
    },
  ],
});
