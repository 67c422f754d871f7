# corpus: Alpine ops image: apk add with the apk cache removed by hand in the same RUN, digest-pinned base
# expect: none
FROM alpine:3.20@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a
RUN apk update && apk add bash curl jq \
 && rm -rf /var/cache/apk/* \
 && adduser -D ops
COPY scripts/ /usr/local/bin/
USER ops
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
