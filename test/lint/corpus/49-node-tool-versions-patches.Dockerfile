# corpus: Node API on Yarn v1 with patch-package: .tool-versions and patches/ copied with the manifests before install
# expect: none
FROM node:20.17-bookworm-slim AS build
WORKDIR /app
COPY package.json yarn.lock .tool-versions ./
COPY patches/ ./patches/
RUN yarn install --frozen-lockfile
COPY . .
RUN yarn build

FROM node:20.17-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json yarn.lock ./
COPY patches/ ./patches/
RUN yarn install --frozen-lockfile --production && yarn cache clean
COPY --from=build /app/dist ./dist
USER node
CMD ["node", "dist/server.js"]
