# corpus: Next.js app on Yarn Berry (.yarn/ releases and patches), NODE_ENV from an ARG default, standalone output
# expect: none
FROM node:22-bookworm-slim AS build
ARG NODE_ENV
ENV NODE_ENV=${NODE_ENV:-production}
WORKDIR /app
COPY package.json yarn.lock .yarnrc.yml ./
COPY .yarn/ ./.yarn/
RUN yarn install --immutable
COPY . .
RUN yarn build

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/public ./public
USER node
CMD ["node", "server.js"]
