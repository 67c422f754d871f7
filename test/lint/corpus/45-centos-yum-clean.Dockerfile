# corpus: legacy CentOS 7 image: yum install with clean all and /var/cache/yum removed, a service user
# expect: none
FROM centos:7.9.2009
RUN yum install -y epel-release \
 && yum install -y supervisor \
 && yum clean all \
 && rm -rf /var/cache/yum \
 && useradd -r supervisor
COPY supervisord.conf /etc/supervisord.conf
USER supervisor
CMD ["supervisord", "-n", "-c", "/etc/supervisord.conf"]
