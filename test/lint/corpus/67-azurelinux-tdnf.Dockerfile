# corpus: Azure Linux base for a Go binary built elsewhere: tdnf install with tdnf clean all, non-root user
# expect: none
FROM mcr.microsoft.com/azurelinux/base/core:3.0
RUN tdnf install -y ca-certificates shadow-utils \
 && tdnf clean all \
 && useradd --system --uid 1000 agent
COPY bin/agent /usr/local/bin/agent
USER 1000
ENTRYPOINT ["/usr/local/bin/agent"]
