// What a `docker pull` of an image transfers, read from its registry without downloading a layer: the
// manifest (the runner's platform picked from an index) lists every layer blob with its size, and the small
// config blob maps them to diff_ids (so that layers shared with another image can be told apart). Registry
// HTTP API v2 / OCI distribution: `GET /v2/<name>/manifests/<reference>`, `GET /v2/<name>/blobs/<digest>`;
// the anonymous (or docker-login) token flow on `WWW-Authenticate: Bearer`; plain HTTP for registries on
// localhost / 127.0.0.1 / ::1, as the docker CLI does. Every failure is a reason, never a throw or a hang.

import { DOCKER_HUB, parseImageRef, referenceProblem, registryOf, repositoryOf } from '../core/image-ref.js';
import type { CompressedSize } from '../core/report.js';
import { registryAuth } from '../engine/docker-config.js';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export type RegistryResult =
  | {
      ok: true;
      compressed: CompressedSize;
      configDigest: string;
      manifestDigest: string | null;
      /**
       * The digest of the index the tag points at, when it points at one and the registry says it: the image
       * ID of that image on the containerd store, which keeps the index (BuildKit's attestations make one).
       */
      indexDigest?: string;
    }
  | { ok: false; why: string };

/** The one thing image-guard asks a registry. */
export interface RegistryClient {
  compressedSize(ref: string): Promise<RegistryResult>;
}

export interface RegistryOptions {
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Default: the runner's own (linux and this process's architecture). */
  platform?: Platform;
  /** Environment for the docker CLI's config (DOCKER_CONFIG); default process.env. */
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

const ARCH: Record<string, { architecture: string; variant?: string }> = {
  x64: { architecture: 'amd64' },
  arm64: { architecture: 'arm64' },
  arm: { architecture: 'arm', variant: 'v7' },
  ia32: { architecture: '386' },
  ppc64: { architecture: 'ppc64le' },
  s390x: { architecture: 's390x' },
  riscv64: { architecture: 'riscv64' },
};

export function runnerPlatform(): Platform {
  return { os: 'linux', ...(ARCH[process.arch] ?? { architecture: process.arch }) };
}

export interface ParsedReference {
  /** Host[:port] as written, `docker.io` for Docker Hub. */
  registry: string;
  /** Where the API is: `https://registry-1.docker.io`, `http://127.0.0.1:5000`. */
  baseUrl: string;
  /** Repository path: `library/busybox`, `org/app`. */
  name: string;
  /** Tag or digest. */
  reference: string;
}

/** The registry API's view of a reference (the one parser, src/core/image-ref.ts); null when it cannot be one. */
export function parseReference(ref: string): ParsedReference | null {
  if (referenceProblem(ref) !== null) return null;
  const parsed = parseImageRef(ref);
  const registry = registryOf(parsed);
  const host = registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
  const plain = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return {
    registry,
    baseUrl: `${plain ? 'http' : 'https'}://${host}`,
    name: repositoryOf(parsed),
    reference: parsed.digest ?? parsed.tag ?? 'latest',
  };
}

export { namesRegistry } from '../core/image-ref.js';

interface Descriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
}

interface ManifestJson {
  mediaType?: string;
  schemaVersion?: number;
  manifests?: Descriptor[];
  config?: Descriptor;
  layers?: Descriptor[];
}

class RegistryError extends Error {}

export function registryClient(options: RegistryOptions = {}): RegistryClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const platform = options.platform ?? runnerPlatform();
  const doFetch = options.fetch ?? fetch;
  const env = options.env ?? process.env;

  return {
    async compressedSize(ref) {
      const parsed = parseReference(ref);
      if (!parsed) return { ok: false, why: `${ref} is not an image reference` };
      const session = new Session(parsed, doFetch, timeoutMs, env);
      try {
        let { json, digest } = await session.manifest(parsed.reference);
        const indexDigest = json.manifests && digest ? digest : undefined;
        if (json.manifests) {
          const picked = pickPlatform(json.manifests, platform);
          if (!picked) {
            const has = json.manifests
              .map((m) => m.platform)
              .filter((p) => p?.os && p.os !== 'unknown')
              .map((p) => [p!.os, p!.architecture, p!.variant].filter(Boolean).join('/'));
            return {
              ok: false,
              why: `the manifest list of ${ref} has no ${platformText(platform)} image (it has ${has.join(', ') || 'none'})`,
            };
          }
          ({ json, digest } = await session.manifest(picked.digest!));
        }
        if (!json.layers || !json.config?.digest) {
          return {
            ok: false,
            why: `the manifest of ${ref} lists no layers (schema ${json.schemaVersion ?? '?'})`,
          };
        }
        const diffIds = await session.diffIds(json.config.digest).catch(() => null);
        return {
          ok: true,
          configDigest: json.config.digest,
          manifestDigest: digest,
          ...(indexDigest ? { indexDigest } : {}),
          compressed: compressedFromManifest(json.layers, diffIds),
        };
      } catch (error) {
        return {
          ok: false,
          why: error instanceof RegistryError ? error.message : `${parsed.registry}: ${String(error)}`,
        };
      }
    },
  };
}

function platformText(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** The index entry for a platform: os and architecture must match; the variant when the entry names one. */
export function pickPlatform(manifests: Descriptor[], platform: Platform): Descriptor | null {
  const candidates = manifests.filter(
    (m) => m.digest && m.platform?.os === platform.os && m.platform?.architecture === platform.architecture,
  );
  if (candidates.length === 0) return null;
  const exact = candidates.find((m) => (m.platform?.variant ?? '') === (platform.variant ?? ''));
  return exact ?? candidates.find((m) => !m.platform?.variant) ?? candidates[0]!;
}

const isZstd = (mediaType: string | undefined) => /zstd/.test(mediaType ?? '');
const isGzip = (mediaType: string | undefined) => /gzip/.test(mediaType ?? '');

/**
 * Layer blob sizes → CompressedSize. A total is given for a compression only when every layer is stored that
 * way (an uncompressed layer, rare, makes both null: its bytes are not what either figure means).
 */
export function compressedFromManifest(layers: Descriptor[], diffIds: string[] | null): CompressedSize {
  const sum = (pick: (d: Descriptor) => boolean) =>
    layers.every(pick) ? layers.reduce((n, l) => n + (l.size ?? 0), 0) : null;
  const aligned = diffIds && diffIds.length === layers.length;
  return {
    gzip: sum((l) => isGzip(l.mediaType)),
    zstd: sum((l) => isZstd(l.mediaType)),
    source: 'registry',
    layers: aligned
      ? layers.map((l, i) => ({
          diffId: diffIds[i]!,
          gzip: isGzip(l.mediaType) ? (l.size ?? 0) : null,
          zstd: isZstd(l.mediaType) ? (l.size ?? 0) : null,
        }))
      : [],
  };
}

class Session {
  #token: string | null = null;

  constructor(
    private readonly ref: ParsedReference,
    private readonly doFetch: typeof fetch,
    private readonly timeoutMs: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async manifest(reference: string): Promise<{ json: ManifestJson; digest: string | null }> {
    const res = await this.get(`/v2/${this.ref.name}/manifests/${reference}`, MANIFEST_TYPES.join(', '));
    const json = (await this.body(res, 4 * 1024 * 1024)) as ManifestJson;
    return { json, digest: res.headers.get('docker-content-digest') };
  }

  async diffIds(configDigest: string): Promise<string[] | null> {
    const res = await this.get(`/v2/${this.ref.name}/blobs/${configDigest}`, '*/*');
    const config = (await this.body(res, 16 * 1024 * 1024)) as { rootfs?: { diff_ids?: string[] } };
    return config.rootfs?.diff_ids ?? null;
  }

  private async body(res: Response, max: number): Promise<unknown> {
    const text = await this.withTimeout(() => res.text());
    if (text.length > max)
      throw new RegistryError(`${this.ref.registry} answered with an oversized document`);
    try {
      return JSON.parse(text);
    } catch {
      throw new RegistryError(`${this.ref.registry} answered with something that is not JSON`);
    }
  }

  private async get(path: string, accept: string): Promise<Response> {
    const url = `${this.ref.baseUrl}${path}`;
    let res = await this.request(url, accept);
    if (res.status === 401 && this.#token === null) {
      await res.body?.cancel();
      this.#token = await this.authenticate(res.headers.get('www-authenticate') ?? '');
      res = await this.request(url, accept);
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw new RegistryError(
        `${this.ref.registry} refused to show ${this.ref.name} (HTTP ${res.status}): log in with docker login, or check the name`,
      );
    }
    if (res.status === 404) {
      await res.body?.cancel();
      throw new RegistryError(
        `${this.ref.registry} has no ${this.ref.name}:${this.ref.reference} (HTTP 404)`,
      );
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryError(`${this.ref.registry} answered HTTP ${res.status} for ${path}`);
    }
    return res;
  }

  private async request(url: string, accept: string, authorization?: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const auth = authorization ?? (this.#token ? this.#token : undefined);
    if (auth) headers.authorization = auth;
    try {
      return await this.doFetch(url, {
        headers,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      const e = error as { name?: string; cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError')
        throw new RegistryError(`${this.ref.registry} did not answer within ${this.timeoutMs / 1000} s`);
      const why = e.cause?.code ?? e.cause?.message ?? String(error);
      throw new RegistryError(`${this.ref.registry} could not be reached (${why})`);
    }
  }

  private async withTimeout<T>(read: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new RegistryError(
                  `${this.ref.registry} did not finish answering within ${this.timeoutMs / 1000} s`,
                ),
              ),
            this.timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The Authorization value to retry with: a Bearer token from the realm, or Basic from docker login. */
  private async authenticate(challenge: string): Promise<string> {
    const creds = registryAuth(this.ref.registry, this.env);
    const basic =
      creds?.username !== undefined && creds.password !== undefined
        ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`
        : undefined;
    const scheme = /^\s*(\w+)/.exec(challenge)?.[1]?.toLowerCase();
    if (scheme === 'basic') {
      if (!basic)
        throw new RegistryError(`${this.ref.registry} wants a login (docker login ${this.ref.registry})`);
      return basic;
    }
    if (scheme !== 'bearer')
      throw new RegistryError(`${this.ref.registry} asks for an unknown authentication (${challenge})`);
    const params = Object.fromEntries(
      [...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]),
    );
    if (!params.realm) throw new RegistryError(`${this.ref.registry} named no token realm`);
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', params.scope ?? `repository:${this.ref.name}:pull`);
    const res = await this.request(url.toString(), 'application/json', basic);
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryError(
        `${this.ref.registry}'s token service answered HTTP ${res.status}: log in with docker login`,
      );
    }
    const json = (await this.body(res, 1024 * 1024)) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (!token) throw new RegistryError(`${this.ref.registry}'s token service gave no token`);
    return `Bearer ${token}`;
  }
}
