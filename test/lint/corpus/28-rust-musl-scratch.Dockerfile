# corpus: Rust CLI built for the musl target on rust:alpine, the static binary alone on scratch, no USER
# expect: IG010@10
FROM rust:1.82-alpine AS build
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN cargo build --release --locked --target x86_64-unknown-linux-musl

FROM scratch
COPY --from=build /src/target/x86_64-unknown-linux-musl/release/tool /tool
ENTRYPOINT ["/tool"]
