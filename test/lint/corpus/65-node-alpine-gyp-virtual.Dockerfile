# corpus: Node service with a native addon on node:alpine in one stage: python3 make g++ in a virtual group, deleted after npm ci
# expect: none
FROM node:22-alpine3.20
ENV NODE_ENV=production
WORKDIR /home/node/app
COPY package.json package-lock.json ./
RUN apk add --no-cache --virtual .gyp python3 make g++ \
 && npm ci \
 && npm cache clean --force \
 && apk del .gyp
COPY --chown=node:node lib/ lib/
USER node
HEALTHCHECK --interval=30s CMD wget -qO- http://127.0.0.1:3000/health || exit 1
CMD ["node", "lib/index.js"]
