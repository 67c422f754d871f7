# corpus: Apache httpd on Rocky Linux: `dnf clean all` run before the install (`dnf in`), so the cache stays; root
# expect: IG005@4 IG010@3
FROM rockylinux:9.3
RUN dnf -y clean all && dnf -y in httpd
COPY site/ /var/www/html/
EXPOSE 80
CMD ["httpd", "-DFOREGROUND"]
