# corpus: Go agent whose runtime base is picked per OS with FROM runtime-${TARGETOS} (linux: distroless, windows: nanoserver)
# expect: none
ARG GO_VERSION=1.23
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -o /out/agent ./cmd/agent

FROM gcr.io/distroless/static-debian12:nonroot AS runtime-linux
COPY --from=build /out/agent /agent

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS runtime-windows
COPY --from=build /out/agent /agent.exe

FROM runtime-${TARGETOS}
ENTRYPOINT ["/agent"]
