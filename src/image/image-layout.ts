// Which config and which layer members make the image, from the small JSON members of an archive or folder:
// `manifest.json` (every `docker save`, legacy or OCI) or `index.json` → manifest blob (OCI image layout, as
// skopeo writes it). Pure: the caller supplies the JSON it has buffered.

import { posix } from 'node:path';
import { UserError } from '../core/errors.js';
import { escapeTerminal } from '../core/terminal-escape.js';

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
const LAYER_TYPES = new Set([
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
function blobPath(digest: unknown, source: string): string {
  const m = typeof digest === 'string' ? /^([a-z0-9+._-]+):([a-fA-F0-9]+)$/.exec(digest) : null;
  if (!m) {
    const shown = typeof digest === 'string' ? `an invalid digest "${shorten(digest)}"` : 'no digest';
    throw new UserError(`${source} has a descriptor with ${shown}: the archive is corrupt; export it again`);
  }
  return `blobs/${m[1]}/${m[2]}`;
}

// Bounds on what an index may make us do and say: a hostile index fans out to millions of manifests or
// nests indexes, and a list of every name would make an error line of megabytes.
const MAX_INDEX_DEPTH = 4;
const MAX_MANIFESTS = 1000;
const MAX_INDEXES = 100;
const MAX_NAMES_SHOWN = 10;
const MAX_NAME_LENGTH = 80;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value from the archive for a message: one line, cut to a bounded length. */
function shorten(text: string, max = MAX_NAME_LENGTH): string {
  const line = escapeTerminal(text);
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** `a; b; c` for at most MAX_NAMES_SHOWN names, then how many more. */
function nameList(names: string[]): string {
  const shown = names.slice(0, MAX_NAMES_SHOWN).map((n) => shorten(n));
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

/** A descriptor as found in an index or manifest, with every field of the wrong type dropped. */
function descriptor(value: unknown, where: string): Descriptor {
  if (!isObject(value)) throw new UserError(`${where} lists an entry that is not a descriptor object`);
  const d: Descriptor = {};
  if (typeof value.mediaType === 'string') d.mediaType = value.mediaType;
  else if (value.mediaType !== undefined)
    throw new UserError(`${where} lists a descriptor whose mediaType is not a string`);
  if (typeof value.digest === 'string') d.digest = value.digest;
  if (isObject(value.annotations)) {
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(value.annotations)) if (typeof v === 'string') annotations[k] = v;
    d.annotations = annotations;
  }
  if (isObject(value.platform)) {
    const p = value.platform;
    d.platform = {};
    if (typeof p.os === 'string') d.platform.os = p.os;
    if (typeof p.architecture === 'string') d.platform.architecture = p.architecture;
    if (typeof p.variant === 'string') d.platform.variant = p.variant;
  }
  return d;
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

interface DockerManifestEntry {
  Config: unknown;
  RepoTags: string[];
  Layers: unknown;
}

function fromDockerManifest(manifest: unknown, source: string, select?: string): ImagePlan {
  if (!Array.isArray(manifest) || manifest.length === 0) {
    throw new UserError(`manifest.json in ${source} lists no image: export the image again`);
  }
  if (!manifest.every(isObject)) {
    throw new UserError(
      `manifest.json in ${source} lists an entry that is not an object: export the image again`,
    );
  }
  const entries: DockerManifestEntry[] = manifest.map((e) => ({
    Config: e.Config,
    RepoTags: Array.isArray(e.RepoTags) ? e.RepoTags.filter((t): t is string => typeof t === 'string') : [],
    Layers: e.Layers,
  }));
  let chosen = entries[0]!;
  if (entries.length > 1) {
    const wanted = select ? entries.filter((e) => matchesTag(e.RepoTags, select)) : [];
    if (wanted.length !== 1) {
      const names = nameList(entries.map((e, i) => e.RepoTags.join(',') || `#${i + 1} (untagged)`));
      throw new UserError(
        `${source} holds ${entries.length} images (${names}) and image-guard reads one: save only the image to analyze`,
      );
    }
    chosen = wanted[0]!;
  }
  const { Config: config, Layers: layers } = chosen;
  if (
    typeof config !== 'string' ||
    !Array.isArray(layers) ||
    !layers.every((l): l is string => typeof l === 'string')
  ) {
    throw new UserError(
      `manifest.json in ${source} has no Config or Layers (or ones that are not paths): export the image again`,
    );
  }
  return { config: clean(config), layers: layers.map(clean) };
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
  const manifests: Descriptor[] = [];
  collectManifests(index, json, source, 0, { manifests, indexes: 1 });
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
      const names = nameList(
        manifests.map((d) => d.annotations?.['org.opencontainers.image.ref.name'] ?? d.digest ?? '?'),
      );
      throw new UserError(
        `${source} holds ${manifests.length} images (${names}) and image-guard reads one: copy only the image to analyze`,
      );
    }
    chosen = pick[0]!;
  }
  const path = blobPath(chosen.digest, `index.json in ${source}`);
  const bytes = json(path);
  if (!bytes) throw new UserError(`${source} lacks the manifest blob ${path} that index.json points at`);
  const manifest = parse<unknown>(bytes, `manifest ${path}`, source);
  const where = `manifest ${path} in ${source}`;
  if (!isObject(manifest)) throw new UserError(`${where} is not a JSON object: export the image again`);
  const mediaType = typeof manifest.mediaType === 'string' ? manifest.mediaType : chosen.mediaType;
  if (mediaType && !MANIFEST_TYPES.has(mediaType)) {
    throw new UserError(`${where} has unknown media type ${shorten(mediaType)}`);
  }
  if (!isObject(manifest.config) || !Array.isArray(manifest.layers)) {
    throw new UserError(`${where} has no config or layers`);
  }
  const config = descriptor(manifest.config, where);
  if (config.mediaType && !CONFIG_TYPES.has(config.mediaType)) {
    throw new UserError(
      `${source} holds an artifact with config media type ${shorten(config.mediaType)}, not a container image`,
    );
  }
  const layers = manifest.layers.map((value) => {
    const layer = descriptor(value, where);
    if (!layer.mediaType || !LAYER_TYPES.has(layer.mediaType)) {
      throw new UserError(
        `layer ${shorten(layer.digest ?? '(no digest)')} in ${source} has unknown media type ${shorten(layer.mediaType ?? '(none)')}`,
      );
    }
    return blobPath(layer.digest, where);
  });
  return { config: blobPath(config.digest, where), layers };
}

/** The image manifests an index lists, nested indexes followed up to MAX_INDEX_DEPTH, at most MAX_MANIFESTS. */
function collectManifests(
  index: unknown,
  json: JsonLookup,
  source: string,
  depth: number,
  found: { manifests: Descriptor[]; indexes: number },
): void {
  const out = found.manifests;
  const list = isObject(index) ? index.manifests : undefined;
  if (!Array.isArray(list)) throw new UserError(`an image index in ${source} has no manifests list`);
  const where = `an image index in ${source}`;
  for (const value of list) {
    const d = descriptor(value, where);
    if (d.mediaType && INDEX_TYPES.has(d.mediaType)) {
      const path = blobPath(d.digest, source);
      const nested = json(path);
      if (!nested) throw new UserError(`${source} lacks the index blob ${path}`);
      if (depth >= MAX_INDEX_DEPTH) {
        throw new UserError(
          `${source} nests image indexes more than ${MAX_INDEX_DEPTH} deep: not an image export`,
        );
      }
      if (++found.indexes > MAX_INDEXES) {
        throw new UserError(
          `${source} refers to more than ${MAX_INDEXES} image indexes: not an image export`,
        );
      }
      collectManifests(parse(nested, `index ${path}`, source), json, source, depth + 1, found);
    } else if (!d.mediaType || MANIFEST_TYPES.has(d.mediaType)) {
      // Attestation manifests (BuildKit provenance) are listed as unknown/unknown platforms: not images.
      if (d.platform?.os === 'unknown') continue;
      if (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
      if (out.length >= MAX_MANIFESTS) {
        throw new UserError(
          `${source} lists more than ${MAX_MANIFESTS} image manifests: copy only the image to analyze`,
        );
      }
      out.push(d);
    } else {
      throw new UserError(
        `index.json in ${source} lists a manifest of unknown media type ${shorten(d.mediaType)}`,
      );
    }
  }
}

function goArch(arch: string): string {
  return arch === 'x64' ? 'amd64' : arch === 'ia32' ? '386' : arch;
}

function clean(path: string): string {
  return posix.normalize(path).replace(/^\.\/|^\/+/, '');
}
