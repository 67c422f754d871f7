# corpus: Bun + Elysia app in one stage: bun.lockb copied first, then the source, `bun run build` bundles in place
# expect: IG001@8 IG012@7
FROM oven/bun:1.1.38
WORKDIR /usr/src/app
COPY package.json bun.lockb ./
RUN bun install --frozen-lockfile
COPY . .
RUN bun run build
USER bun
ENTRYPOINT ["bun", "run", "start"]
