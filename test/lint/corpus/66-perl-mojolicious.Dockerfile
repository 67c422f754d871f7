# corpus: Mojolicious app on the full perl image with cpanm, run as root
# expect: IG002@3 IG010@3
FROM perl:5.40
WORKDIR /opt/app
COPY cpanfile .
RUN cpanm --notest --installdeps . && rm -rf /root/.cpanm
COPY lib/ lib/
COPY script/ script/
EXPOSE 3000
CMD ["perl", "script/app", "daemon", "-l", "http://*:3000"]
