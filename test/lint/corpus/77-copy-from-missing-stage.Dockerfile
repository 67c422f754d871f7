# corpus: refactored Dockerfile whose COPY --from still names a stage that was renamed (builder -> build)
# expect: IG000@9
FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder /out/app /app
ENTRYPOINT ["/app"]
