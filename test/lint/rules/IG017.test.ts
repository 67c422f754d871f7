import { df, ruleTester } from '../rule-tester.js';

ruleTester('IG017', {
  valid: [
    df('FROM alpine:3.20', 'COPY app/ /app/'),
    df('FROM alpine:3.20', 'ADD rootfs.tar.gz /'),
    df('FROM alpine:3.20', 'ADD vendor.tgz /opt/'),
    df('FROM alpine:3.20', 'ADD data.tar /data/'),
    df('FROM alpine:3.20', 'ADD data.tar.xz /data/'),
    df('FROM alpine:3.20', 'ADD data.tar.bz2 /data/'),
    df('FROM alpine:3.20', 'ADD https://example.com/tool /usr/local/bin/tool'),
    df('FROM alpine:3.20', 'ADD --checksum=sha256:abc https://example.com/x.bin /x'),
    df('FROM alpine:3.20', 'ADD git@github.com:moby/buildkit.git /src'),
    df('FROM alpine:3.20', 'ADD https://github.com/moby/buildkit.git#v0.14 /src'),
    df('FROM alpine:3.20', 'ADD ${ARTIFACT} /app/'),
    df('FROM alpine:3.20', 'ADD <<EOF /etc/motd', 'hello', 'EOF'),
    df('FROM alpine:3.20 AS unused', 'ADD app.py /app/', 'FROM alpine:3.20'),
  ],
  invalid: [
    { code: df('FROM alpine:3.20', 'ADD app.py /app/'), lines: [2], message: 'COPY app.py /app/' },
    { code: df('FROM alpine:3.20', 'ADD . /app'), lines: [2] },
    { code: df('FROM alpine:3.20', 'ADD --chown=app:app src/ /app/src/'), lines: [2] },
    { code: df('FROM alpine:3.20', 'ADD ["config.json", "/etc/app/"]'), lines: [2] },
    { code: df('FROM alpine:3.20', 'ADD archive.zip /opt/'), lines: [2] },
    { code: df('FROM alpine:3.20', 'add requirements.txt /tmp/'), lines: [2] },
    { code: df('FROM alpine:3.20', 'ADD rootfs.tar.gz notes.txt /'), lines: [2] },
    {
      code: df(
        'FROM alpine:3.20 AS build',
        'ADD src /src',
        'FROM alpine:3.20',
        'COPY --from=build /src /src',
      ),
      lines: [2],
    },
  ],
});
