# corpus: Express API with a release stage and, last, a development stage with all dependencies and nodemon
# expect: IG010@15 IG012@19 IG013@18 IG018@15
FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:20-alpine AS release
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY src/ src/
USER node
CMD ["node", "src/server.js"]

FROM node:20-alpine AS development
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
CMD ["npx", "nodemon", "src/server.js"]
