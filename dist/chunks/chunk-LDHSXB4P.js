import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/engine/engine-request.ts
var DEFAULT_STALL_SECONDS = 120;
var RAISE_TIMEOUT = `check the engine (docker info), or raise engine-timeout (the input, --engine-timeout or the config key; seconds, default ${DEFAULT_STALL_SECONDS})`;
var EngineStatusError = class extends Error {
  constructor(status, said) {
    super(`HTTP ${status}: ${said}`);
    this.status = status;
    this.said = said;
  }
  status;
  said;
};
function apiPath(template, ...parts) {
  let i = 0;
  return template.replace(
    /\{\}/g,
    () => parts[i++].split("/").map((part) => encodeURIComponent(part).replace(/%3A/g, ":").replace(/%40/g, "@")).join("/")
  );
}
function oneLine(text, max) {
  const flat = text.replace(/[^\x20-\x7e]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}\u2026` : flat;
}
function describe(request) {
  return `${request.method} ${oneLine(request.path, 120)}`;
}

export {
  DEFAULT_STALL_SECONDS,
  RAISE_TIMEOUT,
  EngineStatusError,
  apiPath,
  oneLine,
  describe
};
