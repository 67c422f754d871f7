# corpus: Vue front-end on Yarn v1, a bare `yarn` with no lockfile flag; nginx-unprivileged serves it, its USER only in the base image
# expect: IG010@10 IG015@6
FROM node:18-alpine AS build
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn
COPY . .
RUN yarn build

FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 8080
