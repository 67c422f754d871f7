# corpus: Rails 8 app in the generator's shape: Gemfile Gemfile.lock .ruby-version copied first, apt-get dist-clean, build stage
# expect: none
# syntax=docker/dockerfile:1
ARG RUBY_VERSION=3.3.6
FROM ruby:$RUBY_VERSION-slim AS base
WORKDIR /rails
ENV RAILS_ENV=production BUNDLE_DEPLOYMENT=1 BUNDLE_PATH=/usr/local/bundle BUNDLE_WITHOUT=development
RUN apt-get update -qq \
 && apt-get install --no-install-recommends -y curl libjemalloc2 libvips postgresql-client \
 && apt-get dist-clean

FROM base AS build
RUN apt-get update -qq \
 && apt-get install --no-install-recommends -y build-essential git libpq-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
COPY Gemfile Gemfile.lock .ruby-version ./
RUN bundle install && rm -rf ~/.bundle/ "${BUNDLE_PATH}"/ruby/*/cache
COPY . .
RUN bundle exec bootsnap precompile app/ lib/ \
 && SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile

FROM base
COPY --from=build "${BUNDLE_PATH}" "${BUNDLE_PATH}"
COPY --from=build /rails /rails
RUN groupadd --system --gid 1000 rails \
 && useradd rails --uid 1000 --gid 1000 --create-home --shell /bin/bash \
 && chown -R rails:rails db log storage tmp
USER 1000:1000
EXPOSE 3000
CMD ["./bin/rails", "server"]
