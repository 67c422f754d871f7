// Which config and which layer members make the image, from the small JSON members of an archive or folder:
// `manifest.json` (every `docker save`, legacy or OCI) or `index.json` → manifest blob (OCI image layout, as
// skopeo writes it). Pure: the caller supplies the JSON it has buffered.

import { posix } from 'node:path';
import { UserError } from '../core/errors.js';

export interface ImagePlan {
  /** Member path of the config JSON. */
  config: string;
  /** Member paths of the layers, in rootfs.diff_ids order. */
  layers: string[];
}

export type JsonLookup = (path: string) => Buffer | undefined;

const MANIFEST_TYPES = new Set([
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
]);
const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);
const CONFIG_TYPES = new Set([
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.container.image.v1+json',
]);
export const LAYER_TYPES = new Set([
  'application/vnd.oci.image.layer.v1.tar',
  'application/vnd.oci.image.layer.v1.tar+gzip',
  'application/vnd.oci.image.layer.v1.tar+zstd',
  'application/vnd.oci.image.layer.nondistributable.v1.tar',
  'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
  'application/vnd.docker.image.rootfs.diff.tar',
  'application/vnd.docker.image.rootfs.diff.tar.gzip',
  'application/vnd.docker.image.rootfs.diff.tar.zstd',
  'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
]);

interface Descriptor {
  mediaType?: string;
  digest?: string;
  annotations?: Record<string, string>;
  platform?: { os?: string; architecture?: string; variant?: string };
}

function parse<T>(bytes: Buffer, what: string, source: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new UserError(
      `${what} in ${source} is not valid JSON: the archive is corrupt; export the image again`,
    );
  }
}

/** `sha256:abc` → `blobs/sha256/abc`, refusing digests that would walk out of the layout. */
export function blobPath(digest: string | undefined, source: string): string {
  const m = /^([a-z0-9+._-]+):([a-fA-F0-9]+)$/.exec(digest ?? '');
  if (!m) throw new UserError(`${source} has a descriptor with an invalid digest "${digest}"`);
  return `blobs/${m[1]}/${m[2]}`;
}

/**
 * Finds the image in an archive. `select` (a tag or OCI ref name) picks one when the archive holds several;
 * without it, several images are an error that lists them.
 */
export function planImage(json: JsonLookup, source: string, select?: string): ImagePlan {
  const manifest = json('manifest.json');
  if (manifest) return fromDockerManifest(parse(manifest, 'manifest.json', source), source, select);
  const index = json('index.json');
  if (index) return fromOciIndex(parse(index, 'index.json', source), json, source, select);
  throw new UserError(
    `${source} is neither a docker save archive nor an OCI image layout (no manifest.json or index.json): ` +
      'make it with docker save or skopeo copy',
  );
}

function fromDockerManifest(manifest: unknown, source: string, select?: string): ImagePlan {
  if (!Array.isArray(manifest) || manifest.length === 0) {
    throw new UserError(`manifest.json in ${source} lists no image: export the image again`);
  }
  const entries = manifest as { Config?: string; RepoTags?: string[] | null; Layers?: string[] }[];
  let chosen = entries[0]!;
  if (entries.length > 1) {
    const wanted = select ? entries.filter((e) => matchesTag(e.RepoTags ?? [], select)) : [];
    if (wanted.length !== 1) {
      const names = entries.map((e, i) => (e.RepoTags ?? []).join(',') || `#${i + 1} (untagged)`).join('; ');
      throw new UserError(
        `${source} holds ${entries.length} images (${names}) and image-guard reads one: save only the image to analyze`,
      );
    }
    chosen = wanted[0]!;
  }
  if (typeof chosen.Config !== 'string' || !Array.isArray(chosen.Layers)) {
    throw new UserError(`manifest.json in ${source} has no Config or Layers: export the image again`);
  }
  return { config: clean(chosen.Config), layers: chosen.Layers.map(clean) };
}

function matchesTag(tags: string[], select: string): boolean {
  const variants = new Set([
    select,
    `${select}:latest`,
    `docker.io/${select}`,
    `docker.io/library/${select}`,
  ]);
  return tags.some((t) => variants.has(t));
}

function fromOciIndex(index: unknown, json: JsonLookup, source: string, select?: string): ImagePlan {
  const manifests = collectManifests(index, json, source, 0);
  if (manifests.length === 0) throw new UserError(`index.json in ${source} lists no image manifest`);
  let chosen = manifests[0]!;
  if (manifests.length > 1) {
    const byName = select
      ? manifests.filter((d) => {
          const name = d.annotations?.['org.opencontainers.image.ref.name'];
          return name === select || (name !== undefined && select.endsWith(`:${name}`));
        })
      : [];
    const byPlatform = manifests.filter(
      (d) => d.platform?.os === 'linux' && d.platform.architecture === goArch(process.arch),
    );
    const pick = byName.length === 1 ? byName : byPlatform.length === 1 ? byPlatform : [];
    if (pick.length !== 1) {
      const names = manifests
        .map((d) => d.annotations?.['org.opencontainers.image.ref.name'] ?? d.digest ?? '?')
        .join('; ');
      throw new UserError(
        `${source} holds ${manifests.length} images (${names}) and image-guard reads one: copy only the image to analyze`,
      );
    }
    chosen = pick[0]!;
  }
  const path = blobPath(chosen.digest, `index.json in ${source}`);
  const bytes = json(path);
  if (!bytes) throw new UserError(`${source} lacks the manifest blob ${path} that index.json points at`);
  const manifest = parse<{
    mediaType?: string;
    config?: Descriptor;
    layers?: Descriptor[];
  }>(bytes, `manifest ${path}`, source);
  const mediaType = manifest.mediaType ?? chosen.mediaType;
  if (mediaType && !MANIFEST_TYPES.has(mediaType)) {
    throw new UserError(`manifest ${path} in ${source} has unknown media type ${mediaType}`);
  }
  const config = manifest.config;
  if (!config || !Array.isArray(manifest.layers)) {
    throw new UserError(`manifest ${path} in ${source} has no config or layers`);
  }
  if (config.mediaType && !CONFIG_TYPES.has(config.mediaType)) {
    throw new UserError(
      `${source} holds an artifact with config media type ${config.mediaType}, not a container image`,
    );
  }
  const layers = manifest.layers.map((layer) => {
    if (!layer.mediaType || !LAYER_TYPES.has(layer.mediaType)) {
      throw new UserError(
        `layer ${layer.digest} in ${source} has unknown media type ${layer.mediaType ?? '(none)'}`,
      );
    }
    return blobPath(layer.digest, `manifest ${path} in ${source}`);
  });
  return { config: blobPath(config.digest, `manifest ${path} in ${source}`), layers };
}

function collectManifests(index: unknown, json: JsonLookup, source: string, depth: number): Descriptor[] {
  const list = (index as { manifests?: Descriptor[] })?.manifests;
  if (!Array.isArray(list)) throw new UserError(`an image index in ${source} has no manifests list`);
  const out: Descriptor[] = [];
  for (const d of list) {
    if (d.mediaType && INDEX_TYPES.has(d.mediaType)) {
      const path = blobPath(d.digest, source);
      const nested = json(path);
      if (!nested) throw new UserError(`${source} lacks the index blob ${path}`);
      if (depth > 4) throw new UserError(`${source} nests image indexes too deep`);
      out.push(...collectManifests(parse(nested, `index ${path}`, source), json, source, depth + 1));
    } else if (!d.mediaType || MANIFEST_TYPES.has(d.mediaType)) {
      // Attestation manifests (BuildKit provenance) are listed as unknown/unknown platforms: not images.
      if (d.platform?.os === 'unknown') continue;
      if (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
      out.push(d);
    } else {
      throw new UserError(`index.json in ${source} lists a manifest of unknown media type ${d.mediaType}`);
    }
  }
  return out;
}

function goArch(arch: string): string {
  return arch === 'x64' ? 'amd64' : arch === 'ia32' ? '386' : arch;
}

function clean(path: string): string {
  return posix.normalize(path).replace(/^\.\/|^\/+/, '');
}
