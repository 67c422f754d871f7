# corpus: Rust HTTP API whose Dockerfile ends with a cargo-watch dev stage built on the builder
# expect: IG010@17 IG011@9 IG018@17
ARG RUST_VERSION=1.82
FROM rust:${RUST_VERSION}-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo fetch --locked
COPY src ./src
RUN cargo build --release --locked

FROM debian:12-slim AS runtime
RUN useradd --system app
COPY --from=build /src/target/release/api /usr/local/bin/api
USER app
CMD ["api"]

FROM build AS dev
RUN cargo install cargo-watch --locked
CMD ["cargo", "watch", "-x", "run"]
