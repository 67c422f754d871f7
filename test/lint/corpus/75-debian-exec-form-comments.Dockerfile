# corpus: Debian image with comment lines inside a continued RUN, DEBIAN_FRONTEND prefix, a bash pipefail SHELL
# expect: none
FROM debian:bookworm-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN apt-get update \
    # tools the entrypoint needs
 && DEBIAN_FRONTEND=noninteractive apt-get -yq install --no-install-recommends curl gnupg ca-certificates \
    # vendor repository key
 && curl -fsSL https://example.org/key.gpg | gpg --dearmor -o /usr/share/keyrings/vendor.gpg \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /tmp/* /var/tmp/*
COPY entrypoint.sh /usr/local/bin/
RUN ["useradd", "--system", "--create-home", "svc"]
USER svc
ENTRYPOINT ["entrypoint.sh"]
