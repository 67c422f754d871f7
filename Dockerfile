# image-guard as an image: the bundled CLI (dist/cli.js and the chunks it loads) on a slim Node runtime, run as a
# user without root. docs/recipes.md#the-container-image says how to run it; NODE_IMAGE picks another Node 20+
# runtime with `node` on its PATH and a user `node` (the tests build it on a local stand-in for node:24-slim).
ARG NODE_IMAGE=node:24-slim

# The files the CLI runs, gathered apart from the runtime: dist/ (committed, built by `npm run build`) less the
# Action's own chunks, so that the final stage is one COPY of them.
FROM ${NODE_IMAGE} AS bundle
WORKDIR /opt/image-guard
COPY package.json LICENSE ./
COPY dist/ dist/
COPY scripts/cli-bundle.mjs /tmp/
RUN ["node", "/tmp/cli-bundle.mjs", "/opt/image-guard"]

FROM ${NODE_IMAGE}
COPY --from=bundle /opt/image-guard /opt/image-guard
ENV NODE_ENV=production
WORKDIR /work
USER node
ENTRYPOINT ["node", "/opt/image-guard/dist/cli.js"]
CMD ["--help"]
