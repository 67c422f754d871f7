# corpus: Laravel app on php-fpm; composer flags from an ARG default, dependencies installed before the source
# expect: IG002@9 IG011@11 IG012@16
FROM composer:2.8 AS vendor
ARG COMPOSER_FLAGS="--no-dev --no-interaction --prefer-dist --no-scripts"
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install ${COMPOSER_FLAGS}

FROM php:8.3-fpm-bookworm
ARG APP_SRC=.
RUN apt-get update && apt-get install -y --no-install-recommends libzip-dev \
 && docker-php-ext-install zip \
 && apt-get dist-clean
WORKDIR /var/www/html
COPY --from=vendor /app/vendor ./vendor
COPY ${APP_SRC} .
USER www-data
