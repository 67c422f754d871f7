// What a `docker pull` of an image transfers, read from its registry without downloading a layer: the
// manifest (the runner's platform picked from an index) lists every layer blob with its size, and the small
// config blob maps them to diff_ids (so that layers shared with another image can be told apart). Registry
// HTTP API v2 / OCI distribution: `GET /v2/<name>/manifests/<reference>`, `GET /v2/<name>/blobs/<digest>`;
// the anonymous (or docker-login) token flow on `WWW-Authenticate: Bearer`; plain HTTP for registries on
// localhost / 127.0.0.1 / ::1, as the docker CLI does. Every failure is a reason, never a throw or a hang.
// The Session below also streams layer blobs, digest checked and resumable, for registry-image.ts, which reads
// a whole image from its registry; credentials are found as the docker CLI finds them (docker-config.ts).

import { createHash, type Hash } from 'node:crypto';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { DOCKER_HUB, parseImageRef, referenceProblem, registryOf, repositoryOf } from '../core/image-ref.js';
import type { CompressedSize } from '../core/report.js';
import { registryCredentials } from '../engine/docker-config.js';

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

export interface Descriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
  urls?: string[];
  platform?: { os?: string; architecture?: string; variant?: string };
}

export interface ManifestJson {
  mediaType?: string;
  schemaVersion?: number;
  manifests?: Descriptor[];
  config?: Descriptor;
  layers?: Descriptor[];
}

export class RegistryError extends Error {}

/** The image a reference names for a platform: its manifest (picked from an index), with the digests it has. */
export interface ResolvedImage {
  manifest: ManifestJson;
  /** The image manifest's digest (from the registry's header, or of its bytes when `verify` was asked). */
  manifestDigest: string | null;
  /** The index's, when the reference named one. */
  indexDigest?: string;
}

/**
 * The manifest of `ref` for `platform`: the index's entry when the tag names an index. A reason (RegistryError)
 * when the index has no such platform or the manifest lists no layers.
 */
export async function resolveImage(
  session: Session,
  ref: string,
  platform: Platform,
  verify = false,
): Promise<ResolvedImage> {
  let { json, digest } = await session.manifest(session.ref.reference, verify);
  const indexDigest = json.manifests && digest ? digest : undefined;
  if (json.manifests) {
    const picked = pickPlatform(json.manifests, platform);
    if (!picked) {
      const has = json.manifests
        .map((m) => m.platform)
        .filter((p) => p?.os && p.os !== 'unknown')
        .map((p) => [p!.os, p!.architecture, p!.variant].filter(Boolean).join('/'));
      throw new RegistryError(
        `the manifest list of ${ref} has no ${platformText(platform)} image (it has ${has.join(', ') || 'none'})`,
      );
    }
    ({ json, digest } = await session.manifest(picked.digest!, verify));
  }
  if (!json.layers || !json.config?.digest) {
    throw new RegistryError(`the manifest of ${ref} lists no layers (schema ${json.schemaVersion ?? '?'})`);
  }
  return { manifest: json, manifestDigest: digest, ...(indexDigest ? { indexDigest } : {}) };
}

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
        const { manifest: json, manifestDigest, indexDigest } = await resolveImage(session, ref, platform);
        const configDigest = json.config!.digest!;
        const diffIds = await session.diffIds(configDigest).catch(() => null);
        return {
          ok: true,
          configDigest,
          manifestDigest,
          ...(indexDigest ? { indexDigest } : {}),
          compressed: compressedFromManifest(json.layers!, diffIds),
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

/** How often a blob download may be resumed after the connection dropped or stalled. */
const MAX_RESUMES = 8;

/** One reference's conversation with its registry: the token it was given, reused for every request. */
export class Session {
  #auth: string | null = null;
  #authTried = false;

  constructor(
    readonly ref: ParsedReference,
    private readonly doFetch: typeof fetch,
    /** Per request: until the answer's head, and for a blob, the longest silence while its bytes are read. */
    private readonly timeoutMs: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * A manifest or index. `verify`: its bytes must hash to the digest asked for (or the registry's header),
   * and the digest is known even when the registry sends no header.
   */
  async manifest(reference: string, verify = false): Promise<{ json: ManifestJson; digest: string | null }> {
    const res = await this.get(`/v2/${this.ref.name}/manifests/${reference}`, MANIFEST_TYPES.join(', '));
    const bytes = await this.bytes(res, 4 * 1024 * 1024);
    let digest = res.headers.get('docker-content-digest');
    if (verify) {
      const expected = isDigest(reference) ? reference : digest;
      const actual = digestOf(bytes, expected ?? 'sha256:');
      if (expected && actual !== expected) {
        throw new RegistryError(
          `the manifest ${expected} from ${this.ref.registry} failed its digest check (its bytes hash to ${actual}): the registry's copy is corrupt or was altered in transit; try again`,
        );
      }
      digest = actual;
    }
    return { json: this.parse(bytes) as ManifestJson, digest };
  }

  /** The config's diff_ids, to map layer sizes (unchecked: nothing read from it is trusted beyond that). */
  async diffIds(configDigest: string): Promise<string[] | null> {
    const config = this.parse(await this.blob(configDigest, 16 * 1024 * 1024, false)) as {
      rootfs?: { diff_ids?: string[] };
    };
    return config.rootfs?.diff_ids ?? null;
  }

  /** A small blob (a config), whole, its digest checked unless `verify` is false. */
  async blob(digest: string, max: number, verify = true): Promise<Buffer> {
    const res = await this.get(`/v2/${this.ref.name}/blobs/${digest}`, '*/*');
    const bytes = await this.bytes(res, max);
    const actual = digestOf(bytes, digest);
    if (verify && actual !== digest) throw this.digestError(digest, actual);
    return bytes;
  }

  /**
   * A layer blob as it streams, its digest checked while it is read: the last chunk is handed on only when the
   * whole blob hashed to `digest` (and was `size` bytes when the manifest says). A connection that drops or
   * stays silent for the timeout is resumed where it stopped (`Range`), up to MAX_RESUMES times.
   */
  async *blobStream(digest: string, size: number | undefined): AsyncGenerator<Buffer> {
    const hash = hashFor(digest);
    if (!hash) throw this.unsupportedDigest(digest);
    const path = `/v2/${this.ref.name}/blobs/${digest}`;
    let received = 0;
    let resumes = 0;
    let held: Buffer | null = null;
    for (;;) {
      if (size !== undefined && received >= size && received > 0) break;
      const controller = new AbortController();
      let res: IncomingMessage;
      try {
        res = await this.openBlob(path, received > 0 ? `bytes=${received}-` : undefined, controller);
      } catch (error) {
        if (error instanceof Dropped && resumes++ < MAX_RESUMES) continue;
        throw error instanceof Dropped ? this.droppedError(digest, received) : error;
      }
      let skip = 0;
      if (received > 0) {
        if (res.statusCode === 206) {
          const start = /^bytes (\d+)-/.exec(String(res.headers['content-range'] ?? ''))?.[1];
          if (Number(start) !== received) {
            res.destroy();
            throw new RegistryError(
              `${this.ref.registry} resumed the blob ${digest} at another offset than asked: try again`,
            );
          }
        } else skip = received; // the whole blob again: what was read already is skipped
      }
      const chunks = res[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      let complete = false;
      try {
        for (;;) {
          const { done, value } = await this.withTimeout(() => chunks.next(), controller);
          if (done) break;
          let chunk = value;
          if (skip > 0) {
            const dropped = Math.min(skip, chunk.length);
            skip -= dropped;
            chunk = chunk.subarray(dropped);
            if (chunk.length === 0) continue;
          }
          received += chunk.length;
          if (size !== undefined && received > size) {
            throw new RegistryError(
              `the blob ${digest} from ${this.ref.registry} is longer than the ${size} bytes its manifest says: refusing it`,
            );
          }
          hash.update(chunk);
          // One chunk is held back, so that a blob failing its check never hands on its end.
          if (held) yield held;
          held = chunk;
        }
        complete = true;
      } catch (error) {
        if (error instanceof RegistryError) throw error;
        if (resumes++ < MAX_RESUMES) continue;
        throw this.droppedError(digest, received);
      } finally {
        // An answer left half read (an error, a consumer that stopped) frees its connection.
        if (!complete) {
          res.on('error', () => undefined);
          void chunks.return?.().catch(() => undefined);
          // Aborting an answer that has all arrived throws from Node's abort listener: it is only drained.
          if (res.complete) res.resume();
          else controller.abort();
        }
      }
      break;
    }
    if (size !== undefined && received !== size) {
      throw new RegistryError(
        `the blob ${digest} from ${this.ref.registry} ended after ${received} of its ${size} bytes: try again`,
      );
    }
    const actual = `${digest.slice(0, digest.indexOf(':'))}:${hash.digest('hex')}`;
    if (actual !== digest) throw this.digestError(digest, actual);
    if (held) yield held;
  }

  /**
   * A blob's answer as a Node stream (node:http): a layer's bytes pass with far less work per chunk than through
   * fetch's web stream, and the reader's thread is what an analysis waits on. Redirects (to a storage host) are
   * followed by hand, the Authorization header sent only to the registry itself; a 401 gets a fresh token once.
   */
  private async openBlob(
    path: string,
    range: string | undefined,
    controller: AbortController,
  ): Promise<IncomingMessage> {
    const registry = new URL(this.ref.baseUrl);
    let url = new URL(`${this.ref.baseUrl}${path}`);
    let renewed = false;
    for (let hops = 0; ; ) {
      const own = url.host === registry.host;
      const headers: Record<string, string> = { accept: '*/*' };
      if (range) headers.range = range;
      if (own && this.#auth) headers.authorization = this.#auth;
      const res = await this.send(url, headers, controller);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        if (++hops > 5) throw new RegistryError(`${this.ref.registry} redirected a blob more than 5 times`);
        url = new URL(location, url);
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
          throw new RegistryError(`${this.ref.registry} redirected a blob to a URL that is not http(s)`);
        continue;
      }
      if (status === 401 && own && !renewed) {
        res.resume();
        renewed = true;
        this.#authTried = true;
        this.#auth = await this.authenticate(String(res.headers['www-authenticate'] ?? ''));
        continue;
      }
      if (status === 200 || status === 206) return res;
      res.resume();
      if (status >= 500) throw new Dropped();
      if (status === 401 || status === 403)
        throw new RegistryError(
          `${this.ref.registry} refused to show ${this.ref.name} (HTTP ${status}): log in with docker login, or check the name`,
        );
      if (status === 404)
        throw new RegistryError(
          `${this.ref.registry} has no ${this.ref.name}:${this.ref.reference} (the blob ${path.slice(path.lastIndexOf('/') + 1)} is missing) (HTTP 404)`,
        );
      throw new RegistryError(`${this.ref.registry} answered HTTP ${status} for ${path}`);
    }
  }

  /** One GET by node:http(s), its answer's head within the timeout; a drop or a silence is Dropped. */
  private send(
    url: URL,
    headers: Record<string, string>,
    controller: AbortController,
  ): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const get = url.protocol === 'https:' ? httpsGet : httpGet;
      const timer = setTimeout(() => controller.abort(new Timeout()), this.timeoutMs);
      const req = get(url, { headers, signal: controller.signal }, (res) => {
        clearTimeout(timer);
        resolve(res);
      });
      req.on('error', (error: Error & { code?: string }) => {
        clearTimeout(timer);
        if (controller.signal.aborted || isDropped(error.code)) reject(new Dropped());
        else
          reject(
            new RegistryError(`${this.ref.registry} could not be reached (${error.code ?? error.message})`),
          );
      });
    });
  }

  private digestError(digest: string, actual: string): RegistryError {
    return new RegistryError(
      `the blob ${digest} from ${this.ref.registry} failed its digest check (its bytes hash to ${actual}): the registry's copy is corrupt or was altered in transit; try again`,
    );
  }

  private droppedError(digest: string, received: number): RegistryError {
    return new RegistryError(
      `${this.ref.registry} kept dropping the connection while sending the blob ${digest} (${received} bytes read, ${MAX_RESUMES} resumes): check the network and try again`,
    );
  }

  private unsupportedDigest(digest: string): RegistryError {
    return new RegistryError(
      `the digest ${digest.slice(0, 80)} of ${this.ref.name} is not sha256 or sha512: image-guard cannot check it`,
    );
  }

  private parse(bytes: Buffer): unknown {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new RegistryError(`${this.ref.registry} answered with something that is not JSON`);
    }
  }

  /** A whole (small) answer, at most `max` bytes, within the timeout. */
  private async bytes(res: Response, max: number): Promise<Buffer> {
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (declared > max) {
      await res.body?.cancel().catch(() => undefined);
      throw new RegistryError(`${this.ref.registry} answered with an oversized document`);
    }
    const buffer = Buffer.from(await this.withTimeout(() => res.arrayBuffer()));
    if (buffer.length > max)
      throw new RegistryError(`${this.ref.registry} answered with an oversized document`);
    return buffer;
  }

  private async get(path: string, accept: string): Promise<Response> {
    const url = `${this.ref.baseUrl}${path}`;
    let res = await this.request(url, accept);
    // A 401 asks for credentials (first time) or a fresh token (one that expired during a long read).
    if (res.status === 401 && (!this.#authTried || this.#auth?.startsWith('Bearer '))) {
      const challenge = res.headers.get('www-authenticate') ?? '';
      await res.body?.cancel().catch(() => undefined);
      const retry = !this.#authTried || this.#auth !== null;
      this.#authTried = true;
      if (retry) {
        this.#auth = await this.authenticate(challenge);
        res = await this.request(url, accept);
      }
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      throw new RegistryError(
        `${this.ref.registry} refused to show ${this.ref.name} (HTTP ${res.status}): log in with docker login, or check the name`,
      );
    }
    if (res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      throw new RegistryError(
        `${this.ref.registry} has no ${this.ref.name}:${this.ref.reference}${path.includes('/blobs/') ? ` (the blob ${path.slice(path.lastIndexOf('/') + 1)} is missing)` : ''} (HTTP 404)`,
      );
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new RegistryError(`${this.ref.registry} answered HTTP ${res.status} for ${path}`);
    }
    return res;
  }

  private async request(
    url: string,
    accept: string,
    options: { authorization?: string; body?: string } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const auth = options.authorization ?? this.#auth ?? undefined;
    if (auth) headers.authorization = auth;
    if (options.body) headers['content-type'] = 'application/x-www-form-urlencoded';
    try {
      return await this.doFetch(url, {
        method: options.body ? 'POST' : 'GET',
        headers,
        ...(options.body ? { body: options.body } : {}),
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

  /** `read()` within the timeout; past it, the request is aborted (a stream's reader then fails). */
  private async withTimeout<T>(read: () => Promise<T>, controller?: AbortController): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            controller?.abort(new Timeout());
            reject(
              controller
                ? new Timeout()
                : new RegistryError(
                    `${this.ref.registry} did not finish answering within ${this.timeoutMs / 1000} s`,
                  ),
            );
          }, this.timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The Authorization value to retry with: a Bearer token from the realm, or Basic from the credentials. */
  private async authenticate(challenge: string): Promise<string> {
    const creds = await registryCredentials(this.ref.registry, this.env);
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
      throw new RegistryError(
        `${this.ref.registry} asks for an unknown authentication (${challenge.slice(0, 40)})`,
      );
    const params = Object.fromEntries(
      [...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]),
    );
    if (!params.realm) throw new RegistryError(`${this.ref.registry} named no token realm`);
    let url: URL;
    try {
      url = new URL(params.realm);
    } catch {
      throw new RegistryError(`${this.ref.registry} named a token realm that is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new RegistryError(`${this.ref.registry} named a token realm that is not http(s)`);
    const scope = params.scope ?? `repository:${this.ref.name}:pull`;
    let res: Response;
    if (creds?.identitytoken) {
      // The OAuth2 refresh-token grant, as the docker CLI uses an identity token.
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: creds.identitytoken,
        client_id: 'image-guard',
        scope,
        ...(params.service ? { service: params.service } : {}),
      });
      res = await this.request(url.toString(), 'application/json', { body: form.toString() });
    } else {
      if (params.service) url.searchParams.set('service', params.service);
      url.searchParams.set('scope', scope);
      res = await this.request(url.toString(), 'application/json', { authorization: basic ?? '' });
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new RegistryError(
        `${this.ref.registry}'s token service answered HTTP ${res.status}: log in with docker login`,
      );
    }
    const json = this.parse(await this.bytes(res, 1024 * 1024)) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (!token) throw new RegistryError(`${this.ref.registry}'s token service gave no token`);
    return `Bearer ${token}`;
  }
}

/** A blob request that stalled or whose connection dropped: resumed by blobStream. */
class Dropped extends Error {}
class Timeout extends Error {}

const isDropped = (code: string | undefined) =>
  code !== undefined &&
  /^(ECONNRESET|EPIPE|ETIMEDOUT|UND_ERR_SOCKET|UND_ERR_CLOSED|ECONNABORTED)$/.test(code);

const isDigest = (reference: string) => /^[a-z0-9]+:[a-f0-9]{32,}$/.test(reference);

function hashFor(digest: string): Hash | null {
  const algorithm = digest.slice(0, digest.indexOf(':'));
  return algorithm === 'sha256' || algorithm === 'sha512' ? createHash(algorithm) : null;
}

/** The digest of `bytes` with the algorithm `like` names (`sha256:…`); sha256 when it names none we know. */
function digestOf(bytes: Buffer, like: string): string {
  const algorithm = like.startsWith('sha512:') ? 'sha512' : 'sha256';
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}
