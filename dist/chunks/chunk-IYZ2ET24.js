import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/core/image-ref.ts
var DOCKER_HUB = "docker.io";
var HUB_ALIASES = /* @__PURE__ */ new Set([
  DOCKER_HUB,
  "index.docker.io",
  "registry-1.docker.io",
  "registry.hub.docker.com"
]);
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var DOMAIN = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
var MAX_NAME = 255;
var looksLikeRegistry = (first) => first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase();
function parseImageRef(text) {
  let rest = text.trim();
  let digest = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = null;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1) || null;
    rest = rest.slice(0, colon);
  }
  let registry = null;
  const slash = rest.indexOf("/");
  if (slash >= 0 && looksLikeRegistry(rest.slice(0, slash))) {
    registry = rest.slice(0, slash).toLowerCase();
    rest = rest.slice(slash + 1);
  }
  return { text, registry, path: rest.toLowerCase(), tag, digest };
}
function referenceProblem(text) {
  if (text.trim() !== text || text === "") return "is empty or has spaces around it";
  const at = text.indexOf("@");
  const named = at >= 0 ? text.slice(0, at) : text;
  if (at >= 0 && !DIGEST.test(text.slice(at + 1))) return "has a digest that is not algorithm:hex";
  const slash = named.indexOf("/");
  const first = slash >= 0 ? named.slice(0, slash) : "";
  const hasRegistry = slash >= 0 && looksLikeRegistry(first);
  if (hasRegistry && !DOMAIN.test(first)) return `names the registry "${first}", which is not a host[:port]`;
  let remainder = hasRegistry ? named.slice(slash + 1) : named;
  const colon = remainder.lastIndexOf(":");
  if (colon > remainder.lastIndexOf("/")) {
    if (!TAG.test(remainder.slice(colon + 1))) return "has a tag that is not 1\u2013128 letters, digits, _ . or -";
    remainder = remainder.slice(0, colon);
  }
  if (remainder === "" || !remainder.split("/").every((c) => PATH_COMPONENT.test(c)))
    return "has a repository name that is not lower-case letters and digits separated by / . _ or -";
  if ((hasRegistry ? `${first}/${remainder}` : remainder).length > MAX_NAME)
    return "is longer than 255 characters";
  return null;
}
function registryOf(ref) {
  const parsed = typeof ref === "string" ? parseImageRef(ref) : ref;
  return parsed.registry === null || HUB_ALIASES.has(parsed.registry) ? DOCKER_HUB : parsed.registry;
}
function namesRegistry(ref) {
  return referenceProblem(ref) === null && registryOf(ref) !== DOCKER_HUB;
}
function withTag(ref) {
  const parsed = parseImageRef(ref);
  return parsed.tag !== null || parsed.digest !== null ? ref : `${ref}:latest`;
}
function repositoryOf(ref) {
  return registryOf(ref) === DOCKER_HUB && !ref.path.includes("/") ? `library/${ref.path}` : ref.path;
}
function officialImageOf(ref) {
  const parts = ref.path.split("/");
  if (registryOf(ref) === DOCKER_HUB) {
    if (parts.length === 1) return parts[0];
    if (parts.length === 2 && parts[0] === "library") return parts[1];
    return null;
  }
  if (parts.length === 2 && parts[0] === "library") return parts[1];
  if (parts.length === 3 && parts[0] === "docker" && parts[1] === "library") return parts[2];
  return null;
}
var REGISTRY_PREFIX = "registry:";
function registrySource(spec) {
  return spec.startsWith(REGISTRY_PREFIX) ? spec.slice(REGISTRY_PREFIX.length) : null;
}

export {
  DOCKER_HUB,
  parseImageRef,
  referenceProblem,
  registryOf,
  namesRegistry,
  withTag,
  repositoryOf,
  officialImageOf,
  REGISTRY_PREFIX,
  registrySource
};
