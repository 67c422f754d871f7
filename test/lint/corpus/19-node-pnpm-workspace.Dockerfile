# corpus: pnpm monorepo (pnpm-workspace.yaml) deploying one package with `pnpm deploy` into a slim runtime
# expect: none
FROM node:22-slim AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN corepack enable

FROM base AS build
WORKDIR /repo
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY packages/api/package.json packages/api/
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter api build && pnpm deploy --filter api --prod /out/api

FROM base AS runtime
WORKDIR /app
COPY --from=build /out/api .
USER node
CMD ["node", "dist/index.js"]
