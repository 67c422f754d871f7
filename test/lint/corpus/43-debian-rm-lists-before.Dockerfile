# corpus: curl probe image: the apt lists removed before `apt-get update`, so the fresh lists stay in the layer
# expect: IG005@4 IG007@5
FROM debian:bookworm-slim
RUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y --no-install-recommends curl ca-certificates
RUN useradd -m probe
USER probe
ENTRYPOINT ["curl"]
