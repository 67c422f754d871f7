# corpus: NestJS app whose final stage is built FROM the builder and prunes dev dependencies (too late: the npm ci layer keeps them)
# expect: IG011@8 IG012@7 IG013@6
FROM node:20-bookworm-slim AS builder
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM builder AS production
ENV NODE_ENV=production
RUN npm prune --omit=dev
USER node
CMD ["node", "dist/main.js"]
