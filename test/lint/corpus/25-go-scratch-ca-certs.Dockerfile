# corpus: Go client on scratch: CA bundle copied from the builder so TLS works, numeric nobody user
# expect: none
FROM golang:1.22-bookworm AS build
WORKDIR /go/src/app
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
RUN CGO_ENABLED=0 GOOS=linux go build -o /go/bin/app .

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /go/bin/app /app
USER 65534:65534
ENTRYPOINT ["/app"]
