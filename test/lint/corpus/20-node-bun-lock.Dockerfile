# corpus: Bun HTTP server: package.json and bun.lock copied first, production install, TypeScript run directly
# expect: none
FROM oven/bun:1.1-alpine AS install
WORKDIR /app
COPY package.json bun.lock ./
RUN bun install --frozen-lockfile --production

FROM oven/bun:1.1-alpine
WORKDIR /app
COPY --from=install /app/node_modules ./node_modules
COPY src ./src
COPY package.json .
USER bun
EXPOSE 3000
CMD ["bun", "run", "src/index.ts"]
