# corpus: Debian 13 base image for a shell tool: `apt dist-clean` after the install, tini as init
# expect: none
FROM debian:trixie-20241111-slim
RUN apt update \
 && apt install -y --no-install-recommends tini jq ca-certificates \
 && apt dist-clean \
 && useradd --system tool
COPY --chmod=0755 bin/tool /usr/local/bin/tool
USER tool
ENTRYPOINT ["/usr/bin/tini", "--", "tool"]
