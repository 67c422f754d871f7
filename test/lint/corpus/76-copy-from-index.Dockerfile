# corpus: Hugo site: unnamed builder referenced as --from=0, served by a pinned caddy as root
# expect: IG010@8
FROM hugomods/hugo:exts-0.139.0
WORKDIR /src
COPY . .
RUN hugo --minify --destination /public

FROM caddy:2.8-alpine
COPY --from=0 /public /usr/share/caddy
COPY Caddyfile /etc/caddy/Caddyfile
