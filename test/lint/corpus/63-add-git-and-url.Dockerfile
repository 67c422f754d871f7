# corpus: tool image that fetches a release with ADD from a URL and a repo with ADD from git, plus a local ADD of a folder
# expect: IG017@7
# syntax=docker/dockerfile:1.6
FROM debian:bookworm-slim
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.org/tool-1.2.0.tar.gz /tmp/
ADD https://github.com/example/hooks.git#v1.0.0 /opt/hooks
ADD conf/ /etc/tool/
RUN useradd tool
USER tool
CMD ["bash"]
