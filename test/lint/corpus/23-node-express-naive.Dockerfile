# corpus: beginner Express app: full node image, whole context copied before `npm install`, runs as root
# expect: IG002@3 IG009@6 IG010@3 IG012@5 IG013@6 IG015@6
FROM node:20
WORKDIR /usr/src/app
COPY . .
RUN npm install
EXPOSE 8080
CMD ["node", "index.js"]
