# corpus: static site on Debian nginx written with heredocs: RUN <<EOF scripts and a COPY <<EOF config file
# expect: none
# syntax=docker/dockerfile:1.4
FROM debian:bookworm-slim
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends nginx
rm -rf /var/lib/apt/lists/*
EOF
COPY <<EOF /etc/nginx/conf.d/default.conf
server {
  listen 8080;
  root /srv/www;
}
EOF
COPY site/ /srv/www/
RUN <<EOF
useradd --system web
chown -R web /var/lib/nginx /var/log/nginx
EOF
USER web
CMD ["nginx", "-g", "daemon off;"]
