# corpus: Sinatra app in one stage: build-essential installed for native gems and never removed
# expect: IG001@4 IG012@9
FROM ruby:3.2-slim
RUN apt-get update && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local without 'development test' && bundle install --jobs 4
COPY . .
RUN useradd -m web
USER web
CMD ["bundle", "exec", "rackup", "-o", "0.0.0.0"]
