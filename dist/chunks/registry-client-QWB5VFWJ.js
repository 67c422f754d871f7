import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  registryAuth
} from "./chunk-FX7EU3QL.js";
import {
  DOCKER_HUB,
  namesRegistry,
  parseImageRef,
  referenceProblem,
  registryOf,
  repositoryOf
} from "./chunk-74AZCSGM.js";
import "./chunk-6S3NRT4R.js";

// src/registry/registry-client.ts
var MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
var ARCH = {
  x64: { architecture: "amd64" },
  arm64: { architecture: "arm64" },
  arm: { architecture: "arm", variant: "v7" },
  ia32: { architecture: "386" },
  ppc64: { architecture: "ppc64le" },
  s390x: { architecture: "s390x" },
  riscv64: { architecture: "riscv64" }
};
function runnerPlatform() {
  return { os: "linux", ...ARCH[process.arch] ?? { architecture: process.arch } };
}
function parseReference(ref) {
  if (referenceProblem(ref) !== null) return null;
  const parsed = parseImageRef(ref);
  const registry = registryOf(parsed);
  const host = registry === DOCKER_HUB ? "registry-1.docker.io" : registry;
  const plain = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return {
    registry,
    baseUrl: `${plain ? "http" : "https"}://${host}`,
    name: repositoryOf(parsed),
    reference: parsed.digest ?? parsed.tag ?? "latest"
  };
}
var RegistryError = class extends Error {
};
function registryClient(options = {}) {
  const timeoutMs = options.timeoutMs ?? 1e4;
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
        const indexDigest = json.manifests && digest ? digest : void 0;
        if (json.manifests) {
          const picked = pickPlatform(json.manifests, platform);
          if (!picked) {
            const has = json.manifests.map((m) => m.platform).filter((p) => p?.os && p.os !== "unknown").map((p) => [p.os, p.architecture, p.variant].filter(Boolean).join("/"));
            return {
              ok: false,
              why: `the manifest list of ${ref} has no ${platformText(platform)} image (it has ${has.join(", ") || "none"})`
            };
          }
          ({ json, digest } = await session.manifest(picked.digest));
        }
        if (!json.layers || !json.config?.digest) {
          return {
            ok: false,
            why: `the manifest of ${ref} lists no layers (schema ${json.schemaVersion ?? "?"})`
          };
        }
        const diffIds = await session.diffIds(json.config.digest).catch(() => null);
        return {
          ok: true,
          configDigest: json.config.digest,
          manifestDigest: digest,
          ...indexDigest ? { indexDigest } : {},
          compressed: compressedFromManifest(json.layers, diffIds)
        };
      } catch (error) {
        return {
          ok: false,
          why: error instanceof RegistryError ? error.message : `${parsed.registry}: ${String(error)}`
        };
      }
    }
  };
}
function platformText(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
function pickPlatform(manifests, platform) {
  const candidates = manifests.filter(
    (m) => m.digest && m.platform?.os === platform.os && m.platform?.architecture === platform.architecture
  );
  if (candidates.length === 0) return null;
  const exact = candidates.find((m) => (m.platform?.variant ?? "") === (platform.variant ?? ""));
  return exact ?? candidates.find((m) => !m.platform?.variant) ?? candidates[0];
}
var isZstd = (mediaType) => /zstd/.test(mediaType ?? "");
var isGzip = (mediaType) => /gzip/.test(mediaType ?? "");
function compressedFromManifest(layers, diffIds) {
  const sum = (pick) => layers.every(pick) ? layers.reduce((n, l) => n + (l.size ?? 0), 0) : null;
  const aligned = diffIds && diffIds.length === layers.length;
  return {
    gzip: sum((l) => isGzip(l.mediaType)),
    zstd: sum((l) => isZstd(l.mediaType)),
    source: "registry",
    layers: aligned ? layers.map((l, i) => ({
      diffId: diffIds[i],
      gzip: isGzip(l.mediaType) ? l.size ?? 0 : null,
      zstd: isZstd(l.mediaType) ? l.size ?? 0 : null
    })) : []
  };
}
var Session = class {
  constructor(ref, doFetch, timeoutMs, env) {
    this.ref = ref;
    this.doFetch = doFetch;
    this.timeoutMs = timeoutMs;
    this.env = env;
  }
  ref;
  doFetch;
  timeoutMs;
  env;
  #token = null;
  async manifest(reference) {
    const res = await this.get(`/v2/${this.ref.name}/manifests/${reference}`, MANIFEST_TYPES.join(", "));
    const json = await this.body(res, 4 * 1024 * 1024);
    return { json, digest: res.headers.get("docker-content-digest") };
  }
  async diffIds(configDigest) {
    const res = await this.get(`/v2/${this.ref.name}/blobs/${configDigest}`, "*/*");
    const config = await this.body(res, 16 * 1024 * 1024);
    return config.rootfs?.diff_ids ?? null;
  }
  async body(res, max) {
    const text = await this.withTimeout(() => res.text());
    if (text.length > max)
      throw new RegistryError(`${this.ref.registry} answered with an oversized document`);
    try {
      return JSON.parse(text);
    } catch {
      throw new RegistryError(`${this.ref.registry} answered with something that is not JSON`);
    }
  }
  async get(path, accept) {
    const url = `${this.ref.baseUrl}${path}`;
    let res = await this.request(url, accept);
    if (res.status === 401 && this.#token === null) {
      await res.body?.cancel();
      this.#token = await this.authenticate(res.headers.get("www-authenticate") ?? "");
      res = await this.request(url, accept);
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw new RegistryError(
        `${this.ref.registry} refused to show ${this.ref.name} (HTTP ${res.status}): log in with docker login, or check the name`
      );
    }
    if (res.status === 404) {
      await res.body?.cancel();
      throw new RegistryError(
        `${this.ref.registry} has no ${this.ref.name}:${this.ref.reference} (HTTP 404)`
      );
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryError(`${this.ref.registry} answered HTTP ${res.status} for ${path}`);
    }
    return res;
  }
  async request(url, accept, authorization) {
    const headers = { accept };
    const auth = authorization ?? (this.#token ? this.#token : void 0);
    if (auth) headers.authorization = auth;
    try {
      return await this.doFetch(url, {
        headers,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "follow"
      });
    } catch (error) {
      const e = error;
      if (e.name === "TimeoutError" || e.name === "AbortError")
        throw new RegistryError(`${this.ref.registry} did not answer within ${this.timeoutMs / 1e3} s`);
      const why = e.cause?.code ?? e.cause?.message ?? String(error);
      throw new RegistryError(`${this.ref.registry} could not be reached (${why})`);
    }
  }
  async withTimeout(read) {
    let timer;
    try {
      return await Promise.race([
        read(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(
              new RegistryError(
                `${this.ref.registry} did not finish answering within ${this.timeoutMs / 1e3} s`
              )
            ),
            this.timeoutMs
          );
        })
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
  /** The Authorization value to retry with: a Bearer token from the realm, or Basic from docker login. */
  async authenticate(challenge) {
    const creds = registryAuth(this.ref.registry, this.env);
    const basic = creds?.username !== void 0 && creds.password !== void 0 ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}` : void 0;
    const scheme = /^\s*(\w+)/.exec(challenge)?.[1]?.toLowerCase();
    if (scheme === "basic") {
      if (!basic)
        throw new RegistryError(`${this.ref.registry} wants a login (docker login ${this.ref.registry})`);
      return basic;
    }
    if (scheme !== "bearer")
      throw new RegistryError(`${this.ref.registry} asks for an unknown authentication (${challenge})`);
    const params = Object.fromEntries(
      [...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1].toLowerCase(), m[2]])
    );
    if (!params.realm) throw new RegistryError(`${this.ref.registry} named no token realm`);
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set("service", params.service);
    url.searchParams.set("scope", params.scope ?? `repository:${this.ref.name}:pull`);
    const res = await this.request(url.toString(), "application/json", basic);
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryError(
        `${this.ref.registry}'s token service answered HTTP ${res.status}: log in with docker login`
      );
    }
    const json = await this.body(res, 1024 * 1024);
    const token = json.token ?? json.access_token;
    if (!token) throw new RegistryError(`${this.ref.registry}'s token service gave no token`);
    return `Bearer ${token}`;
  }
};
export {
  compressedFromManifest,
  namesRegistry,
  parseReference,
  pickPlatform,
  registryClient,
  runnerPlatform
};
