# corpus: docker-library style image: build dependencies named once in a shell variable, purged in the same RUN
# expect: none
FROM debian:12-slim
ARG VERSION=2.4.1
ENV TOOL_VERSION=${VERSION}
RUN set -eux; \
    BUILD_DEPS="gcc make libc6-dev wget"; \
    apt-get update; \
    apt-get install -y --no-install-recommends $BUILD_DEPS ca-certificates; \
    wget -O tool.tar.gz "https://example.org/tool-${TOOL_VERSION%.*}/tool-${TOOL_VERSION}.tar.gz"; \
    tar -xzf tool.tar.gz; make -C "tool-${TOOL_VERSION}" install; rm -rf "tool-${TOOL_VERSION}" tool.tar.gz; \
    apt-get purge -y --auto-remove $BUILD_DEPS; \
    rm -rf /var/lib/apt/lists/*
USER nobody
ENTRYPOINT ["tool"]
