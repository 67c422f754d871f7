# corpus: Go service with CGO_ENABLED=0 set as ENV in the builder, stripped binary on an untagged distroless/static as nonroot
# expect: IG014@11
FROM golang:1.23-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ENV CGO_ENABLED=0
RUN go build -trimpath -ldflags="-s -w" -o /bin/server ./cmd/server

FROM gcr.io/distroless/static-debian12
COPY --from=build /bin/server /server
USER nonroot:nonroot
ENTRYPOINT ["/server"]
