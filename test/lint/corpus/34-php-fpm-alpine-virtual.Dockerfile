# corpus: Symfony on php-fpm alpine: extensions compiled with an apk --virtual .build-deps group deleted in the same RUN
# expect: IG012@13
FROM php:8.3-fpm-alpine3.20
RUN apk add --no-cache --virtual .build-deps $PHPIZE_DEPS icu-dev libzip-dev \
 && docker-php-ext-install intl zip opcache \
 && pecl install redis && docker-php-ext-enable redis \
 && apk add --no-cache icu-libs libzip \
 && apk del .build-deps
COPY --from=composer:2.8 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www
COPY composer.json composer.lock symfony.lock ./
RUN composer install --no-dev --no-scripts --no-autoloader --prefer-dist
COPY . .
RUN composer dump-autoload --optimize --classmap-authoritative
USER www-data
