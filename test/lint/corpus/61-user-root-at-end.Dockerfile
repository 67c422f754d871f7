# corpus: Grafana-style plugin image: switches to root to install a package and never switches back
# expect: IG010@6
FROM grafana/grafana-oss:11.3.0
USER grafana
COPY dist/ /var/lib/grafana/plugins/my-panel/
USER root
RUN apk add --no-cache curl
CMD ["/run.sh"]
