import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// package.json
var package_default = {
  name: "image-guard",
  version: "1.0.0",
  description: "Docker image size, layer and Dockerfile best-practice guard for pull requests",
  license: "MIT",
  author: "the image-guard authors",
  keywords: [
    "docker",
    "dockerfile",
    "container",
    "image",
    "image-size",
    "layers",
    "lint",
    "github-action",
    "pull-request",
    "ci"
  ],
  type: "module",
  bin: {
    "image-guard": "dist/cli.js"
  },
  files: [
    "dist/",
    "action.yml",
    "README.md",
    "LICENSE",
    "CHANGELOG.md"
  ],
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc --noEmit",
    lint: "biome check .",
    format: "biome check --write .",
    test: "bash scripts/test-env.sh && vitest run --project unit && bash scripts/engine-tiers.sh",
    "test:unit": "vitest run --project unit",
    demo: "bash scripts/engine.sh && node scripts/demo.mjs",
    bench: "bash scripts/engine.sh && node scripts/bench.mjs",
    screenshot: "node scripts/screenshot-comment.mjs"
  },
  devDependencies: {
    "@actions/artifact": "^6.2.1",
    "@actions/core": "^3.0.1",
    "@actions/exec": "^3.0.0",
    "@actions/github": "^9.1.1",
    "@actions/glob": "^0.7.0",
    "@actions/workflow-parser": "^0.3.61",
    "@biomejs/biome": "^2.6.8",
    "@github/local-action": "^7.0.1",
    "@microsoft/jest-sarif": "^1.0.0-beta.0",
    "@octokit/openapi": "^23.0.2",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@renovatebot/pep440": "^4.2.4",
    "@types/debug": "^4.1.13",
    "@types/docker-modem": "^3.0.6",
    "@types/dockerode": "^4.0.2",
    "@types/node": "^20.19.43",
    "@types/semver": "^7.8.0",
    "@types/ssh2": "^1.15.6",
    "@types/tar-stream": "^3.1.5",
    ajv: "^8.20.0",
    "ajv-formats": "^3.0.1",
    debug: "^4.4.3",
    diff: "^9.0.0",
    "docker-modem": "^5.0.7",
    "dockerfile-ast": "^0.7.1",
    dockerode: "^5.0.1",
    esbuild: "^0.28.2",
    "fast-xml-builder": "^1.3.2",
    fzstd: "^0.1.1",
    "github-slugger": "^2.0.0",
    marked: "^18.2.1",
    mermaid: "^11.17.2",
    "puppeteer-core": "^24.43.1",
    semver: "^7.8.6",
    ssh2: "^1.17.0",
    "tar-stream": "^3.2.2",
    tsx: "^4.23.15",
    typescript: "^5.9.3",
    vite: "^7.3.8",
    vitest: "^4.1.12",
    "xmllint-wasm": "^5.3.0",
    yaml: "^2.9.1"
  },
  allowScripts: {
    esbuild: true,
    ssh2: false,
    "cpu-features": false,
    protobufjs: false
  }
};

// src/core/version.ts
var TOOL_NAME = "image-guard";
var VERSION = package_default.version;

export {
  TOOL_NAME,
  VERSION
};
