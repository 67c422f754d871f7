# corpus: Ruby service shipped as a release tarball named by ARG; a config folder added with ADD by mistake
# expect: IG010@3 IG017@9
FROM ruby:3.3-slim
ARG RELEASE=dist/service-1.4.0.tar.gz
ARG CONFIG_DIR=config/
WORKDIR /opt/service
ADD ${RELEASE} /opt/
ADD ${RELEASE%.tar.gz}.tar.gz /opt/copy/
ADD ${CONFIG_DIR} /etc/service/
ENV BUNDLE_WITHOUT=development:test
CMD ["bundle", "exec", "puma"]
