// Image references as FROM writes them: [registry/]path[:tag][@digest].

export interface ImageRef {
  /** As resolved (ARG defaults substituted). */
  text: string;
  registry: string | null;
  /** Repository path without registry: `library/python`, `org/app`. */
  path: string;
  tag: string | null;
  digest: string | null;
  /** The Docker Official Image's name (`python`) when the reference is one, through any registry prefix. */
  official: string | null;
}

const DOCKER_HUB = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

export function parseImageRef(text: string): ImageRef {
  let rest = text.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const firstSlash = rest.indexOf('/');
  if (firstSlash >= 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first.toLowerCase();
      rest = rest.slice(firstSlash + 1);
    }
  }
  const path = rest.toLowerCase();
  let official: string | null = null;
  const parts = path.split('/');
  if (registry === null || DOCKER_HUB.has(registry)) {
    if (parts.length === 1) official = parts[0]!;
    else if (parts.length === 2 && parts[0] === 'library') official = parts[1]!;
  } else if (parts.length === 2 && parts[0] === 'library') {
    official = parts[1]!; // mirrors: mirror.gcr.io/library/python
  } else if (parts.length === 3 && parts[0] === 'docker' && parts[1] === 'library') {
    official = parts[2]!; // public.ecr.aws/docker/library/python
  }
  return { text, registry, path, tag: tag === '' ? null : tag, digest, official };
}
