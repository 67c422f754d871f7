# corpus: Go CLI cross-compiled with FROM --platform=$BUILDPLATFORM and ARG TARGETOS TARGETARCH, cache mounts, alpine runtime
# expect: none
# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY go.* ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/cli ./cmd/cli

FROM alpine:3.20
RUN apk add --no-cache ca-certificates tzdata && adduser -D -u 1000 cli
COPY --from=build /out/cli /usr/local/bin/cli
USER cli
ENTRYPOINT ["cli"]
