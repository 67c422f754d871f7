# corpus: Go API compiled into a static binary on distroless; the command folder and ldflags come from ARGs
# expect: none
ARG GO_VERSION=1.23
FROM golang:${GO_VERSION}-bookworm AS build
ARG CMD_DIR=cmd/api
ARG LDFLAGS="-s -w"
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/root/go/pkg/mod go mod download
COPY . .
RUN CGO_ENABLED=0 go build -ldflags="${LDFLAGS}" -o /out/api ./${CMD_DIR}

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/api /api
ENTRYPOINT ["/api"]
