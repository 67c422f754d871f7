# corpus: WordPress-style PHP site on php:apache (full Debian variant), vendor built in a composer stage
# expect: IG002@10 IG010@10
FROM composer:2.8 AS vendor
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --prefer-dist --no-interaction
COPY web/ web/
RUN composer dump-autoload --no-dev --optimize

FROM php:8.2-apache
RUN a2enmod rewrite headers
COPY --from=vendor /app/vendor /var/www/vendor
COPY --from=vendor /app/web /var/www/html
