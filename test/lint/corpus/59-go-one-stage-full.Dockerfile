# corpus: Go service built and run in the full golang image, one stage, as root
# expect: IG001@8 IG002@3 IG010@3 IG012@7
FROM golang:1.23
WORKDIR /go/src/app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -v -o /usr/local/bin/app ./...
CMD ["app"]
