// Image references, parsed once for every part of image-guard: `[registry/]path[:tag][@digest]`, with Docker
// Hub's defaults (`busybox` is `docker.io/library/busybox:latest`). The grammar is the engine's own
// (distribution's reference package): a first component is a registry when it has a `.` or a `:`, is
// `localhost`, or has an upper-case letter; path components are lower-case; a tag is at most 128 word
// characters, dots and dashes; a digest is `algorithm:hex`.

export interface ImageRef {
  /** As given. */
  text: string;
  /** The registry host as written (lower-case), or null when the reference names none (Docker Hub). */
  registry: string | null;
  /** Repository path without the registry, as written: `python`, `org/app`. */
  path: string;
  tag: string | null;
  digest: string | null;
}

export const DOCKER_HUB = 'docker.io';
const HUB_ALIASES = new Set([
  DOCKER_HUB,
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const MAX_NAME = 255;

const looksLikeRegistry = (first: string) =>
  first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();

/**
 * Splits a reference without judging it: what a Dockerfile's FROM holds may still carry unresolved variables.
 * The parts are as written; `path` is lower-cased as registries treat it.
 */
export function parseImageRef(text: string): ImageRef {
  let rest = text.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1) || null;
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash >= 0 && looksLikeRegistry(rest.slice(0, slash))) {
    registry = rest.slice(0, slash).toLowerCase();
    rest = rest.slice(slash + 1);
  }
  return { text, registry, path: rest.toLowerCase(), tag, digest };
}

/** Why `text` is not a reference the engine accepts, or null when it is one. */
export function referenceProblem(text: string): string | null {
  if (text.trim() !== text || text === '') return 'is empty or has spaces around it';
  const at = text.indexOf('@');
  const named = at >= 0 ? text.slice(0, at) : text;
  if (at >= 0 && !DIGEST.test(text.slice(at + 1))) return 'has a digest that is not algorithm:hex';
  const slash = named.indexOf('/');
  const first = slash >= 0 ? named.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && looksLikeRegistry(first);
  if (hasRegistry && !DOMAIN.test(first)) return `names the registry "${first}", which is not a host[:port]`;
  let remainder = hasRegistry ? named.slice(slash + 1) : named;
  const colon = remainder.lastIndexOf(':');
  if (colon > remainder.lastIndexOf('/')) {
    if (!TAG.test(remainder.slice(colon + 1))) return 'has a tag that is not 1–128 letters, digits, _ . or -';
    remainder = remainder.slice(0, colon);
  }
  if (remainder === '' || !remainder.split('/').every((c) => PATH_COMPONENT.test(c)))
    return 'has a repository name that is not lower-case letters and digits separated by / . _ or -';
  if ((hasRegistry ? `${first}/${remainder}` : remainder).length > MAX_NAME)
    return 'is longer than 255 characters';
  return null;
}

/** The registry a reference pulls from: its host, or `docker.io` for Docker Hub. */
export function registryOf(ref: string | ImageRef): string {
  const parsed = typeof ref === 'string' ? parseImageRef(ref) : ref;
  return parsed.registry === null || HUB_ALIASES.has(parsed.registry) ? DOCKER_HUB : parsed.registry;
}

/** True when the reference names a registry host of its own (`ghcr.io/…`, `localhost:5000/…`), not Docker Hub. */
export function namesRegistry(ref: string): boolean {
  return referenceProblem(ref) === null && registryOf(ref) !== DOCKER_HUB;
}

/** `busybox` → `busybox:latest`; a reference with a tag or digest is kept. */
export function withTag(ref: string): string {
  const parsed = parseImageRef(ref);
  return parsed.tag !== null || parsed.digest !== null ? ref : `${ref}:latest`;
}

/** The repository as a registry's API names it: Docker Hub's single names under `library/`. */
export function repositoryOf(ref: ImageRef): string {
  return registryOf(ref) === DOCKER_HUB && !ref.path.includes('/') ? `library/${ref.path}` : ref.path;
}

/**
 * The Docker Official Image a reference names (`python` for `python:3.13`, `docker.io/library/python`,
 * `mirror.gcr.io/library/python` or `public.ecr.aws/docker/library/python`), or null.
 */
export function officialImageOf(ref: ImageRef): string | null {
  const parts = ref.path.split('/');
  if (registryOf(ref) === DOCKER_HUB) {
    if (parts.length === 1) return parts[0]!;
    if (parts.length === 2 && parts[0] === 'library') return parts[1]!;
    return null;
  }
  if (parts.length === 2 && parts[0] === 'library') return parts[1]!; // mirrors
  if (parts.length === 3 && parts[0] === 'docker' && parts[1] === 'library') return parts[2]!;
  return null;
}

/** The `<IMAGE>` form read from a registry with no engine: `registry:ghcr.io/org/app:main`. */
export const REGISTRY_PREFIX = 'registry:';

/** `registry:REF` → REF (not yet judged: see referenceProblem); null for any other form. */
export function registrySource(spec: string): string | null {
  return spec.startsWith(REGISTRY_PREFIX) ? spec.slice(REGISTRY_PREFIX.length) : null;
}
