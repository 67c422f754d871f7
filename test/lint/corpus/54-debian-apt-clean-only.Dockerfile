# corpus: Debian utility image that runs `apt-get clean` but never removes the package lists
# expect: IG005@4 IG007@5
FROM debian:bookworm-20241111-slim
RUN apt-get update && apt-get install -y --no-install-recommends rsync openssh-client && apt-get clean
RUN useradd --create-home sync
USER sync
ENTRYPOINT ["rsync"]
