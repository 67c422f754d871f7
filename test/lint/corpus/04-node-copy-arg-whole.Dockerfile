# corpus: Node.js front-end whose build context folder is an ARG (monorepo CI passes a package path; default the root)
# expect: IG010@8 IG012@12
FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:20-alpine
ARG PACKAGE_DIR
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY ${PACKAGE_DIR:-.} .
ENV NODE_ENV=production
CMD ["node", "server.js"]
