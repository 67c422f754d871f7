# corpus: C extension library packaged on Debian in one stage, build packages chosen by an ARG with a default word
# expect: IG001@8 IG010@3 IG012@7
FROM debian:12-slim
ARG BUILD_PACKAGES
ARG RUNTIME_PACKAGES="libssl3 ca-certificates"
WORKDIR /src
COPY . .
RUN apt-get update \
 && apt-get install -y --no-install-recommends ${BUILD_PACKAGES:-build-essential cmake} ${RUNTIME_PACKAGES} \
 && cmake -S . -B build && cmake --build build && cmake --install build \
 && rm -rf /var/lib/apt/lists/*
CMD ["/usr/local/bin/tool"]
