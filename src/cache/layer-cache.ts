// What one layer contributes to an analysis (its LayerSummary: entries, whiteouts, opaque directories, size,
// compressed sizes, package-file bodies, secret hints), kept once per layer so that a new image made of known
// layers reads only the others. An entry is keyed by the layer's diff ID, the analyzing code, whether files
// were read and whether compressed sizes were counted; the folder is bounded in bytes (least recently used
// entries go first). Like the analysis cache it is a convenience: a corrupt, foreign or edited entry, a full
// disk, a race with another run are misses, never failures.
//
// On disk an entry is `IGL1`, the SHA-256 of the rest, then a gzip of: a JSON header (the key, the scalar
// fields, the entries' kinds, sizes, links and hints as columns), the entries' paths front-coded (the length
// shared with the previous path, then the rest, NUL-separated), and the package-file bodies back to back.
// Paths are most of a layer: front-coding then gzip brings 108,000 of them to about 1 MB.

import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { CompressedSizes } from '../image/compressed-size.js';
import type { EntryKind, LayerEntry, LayerSummary, SecretHint } from '../image/model.js';
import type { LayerStore } from '../image/save-archive.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** What a layer entry is found by, besides its diff ID. */
export interface LayerKeyParts {
  /** The analyzing code: image-guard's version and, where known, a fingerprint of its build. */
  code: string;
  files: boolean;
  /** Whether compressed sizes were counted. */
  count: boolean;
}

/** A layer as stored, with how it was read. */
export interface CachedLayer {
  diffId: string;
  summary: LayerSummary;
  /**
   * The compressed blob it was read from (`sha256:…`; its compressed sizes are that blob's bytes), or null when
   * it was read as a plain tar (compressed sizes counted as it streamed).
   */
  blob: string | null;
  /** Bytes of the plain tar when it was read as one (how a `docker save` member is recognized), else null. */
  tarBytes: number | null;
}

// 1: the first form.
const FORMAT = 1;
const MAGIC = Buffer.from('IGL1');
const SUFFIX = '.igl';
const NAME = /^[0-9a-f]{64}\.igl$/;
const ALIAS = /^[0-9a-f]{64}\.iga$/;
const IMAGE = /^[0-9a-f]{64}\.igi$/;
/** Default bound of the layer folder: a few images of a gigabyte each take tens of megabytes. */
export const DEFAULT_MAX_LAYER_BYTES = 512 * 1024 * 1024;
const MAX_ALIASES = 4096;
const MAX_IMAGES = 256;

const KINDS: EntryKind[] = ['file', 'dir', 'symlink', 'hardlink', 'other'];
const KIND_CODE: Record<EntryKind, string> = { file: 'f', dir: 'd', symlink: 's', hardlink: 'h', other: 'o' };
const HINTS = new Set<SecretHint>(['private-key', 'npm-token', 'docker-auths']);

interface Header {
  format: number;
  key: string;
  diffId: string;
  blob: string | null;
  tarBytes: number | null;
  size: number;
  compressed: CompressedSizes | null;
  kinds: string;
  sizes: number[];
  shared: number[];
  /** [entry index, target] of links. */
  links: [number, string][];
  secrets: [number, SecretHint][];
  whiteouts: string[];
  opaqueDirs: string[];
  /** [path, body length] in order, or null when files were not read. */
  packageFiles: [string, number][] | null;
  /** Bytes of the NUL-separated path tails that follow the header. */
  text: number;
}

export function layerKey(diffId: string, parts: LayerKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, diffId, parts.code, parts.files, parts.count]))
    .digest('hex');
}

export class LayerCache {
  readonly dir: string;
  readonly maxBytes: number;

  /** `dir`: the layer folder itself (`layerCacheDir(cacheDir())`). */
  constructor(dir: string, options: { maxBytes?: number } = {}) {
    this.dir = dir;
    this.maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_MAX_LAYER_BYTES);
  }

  /** The layer stored under these parts; null on a miss or an entry that does not check out. */
  async get(diffId: string, parts: LayerKeyParts): Promise<CachedLayer | null> {
    const key = layerKey(diffId, parts);
    const file = join(this.dir, `${key}${SUFFIX}`);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return null;
    }
    const layer = await unpackLayer(bytes, key, diffId);
    if (!layer) return null;
    // Recently used entries are the last evicted.
    const now = new Date();
    await utimes(file, now, now).catch(() => {});
    return layer;
  }

  /**
   * Stores a layer (a temporary file renamed into place: readers never see half an entry), then evicts down to
   * the bound. A summary that lost package files to the image's budget is not stored: it depends on the other
   * layers of the image it was read with.
   */
  async put(layer: CachedLayer, parts: LayerKeyParts): Promise<void> {
    if (layer.summary.packageFilesDropped) return;
    const key = layerKey(layer.diffId, parts);
    let bytes: Buffer;
    try {
      bytes = await packLayer(layer, key);
    } catch {
      return;
    }
    if (await this.#write(`${key}${SUFFIX}`, bytes)) await this.evict().catch(() => {});
  }

  /** The cache as the readers see it, for one way of reading. */
  view(parts: LayerKeyParts): LayerStore {
    return {
      count: parts.count,
      get: (diffId) => this.get(diffId, parts),
      has: (diffId) =>
        access(join(this.dir, `${layerKey(diffId, parts)}${SUFFIX}`)).then(
          () => true,
          () => false,
        ),
      put: (diffId, layer) => this.put({ diffId, ...layer }, parts),
      alias: (member) => this.alias(member),
      setAlias: (member, diffId) => this.setAlias(member, diffId),
      imageConfig: (id) => this.imageConfig(id),
      setImageConfig: (id, config) => this.setImageConfig(id, config),
    };
  }

  /** The diff ID an archive member (`<id>/layer.tar`, `blobs/sha256/…`) was found to hold; null if unknown. */
  async alias(member: string): Promise<string | null> {
    try {
      const text = await readFile(join(this.dir, `${aliasName(member)}`), 'utf8');
      const [name, diffId] = text.split('\n');
      return name === member && diffId && /^sha256:[0-9a-f]{64}$/.test(diffId) ? diffId : null;
    } catch {
      return null;
    }
  }

  async setAlias(member: string, diffId: string): Promise<void> {
    const name = aliasName(member);
    const current = await this.alias(member);
    if (current === diffId) return;
    await this.#write(name, Buffer.from(`${member}\n${diffId}`));
  }

  /** An image's config as stored under the engine's image ID; null when unknown or damaged. */
  async imageConfig(id: string): Promise<Buffer | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.dir, imageName(id)));
    } catch {
      return null;
    }
    const body = checked(bytes);
    if (!body) return null;
    const newline = body.indexOf(10);
    if (newline < 0 || body.toString('utf8', 0, newline) !== id) return null;
    return body.subarray(newline + 1);
  }

  async setImageConfig(id: string, config: Buffer): Promise<void> {
    const body = Buffer.concat([Buffer.from(`${id}\n`), config]);
    await this.#write(imageName(id), sealed(body));
  }

  /**
   * Keeps the most recently used layer entries within `maxBytes` (and a few thousand aliases and image
   * configs); drops temporary files a crash left behind.
   */
  async evict(): Promise<void> {
    const names = await readdir(this.dir);
    const layers: { path: string; mtime: number; size: number }[] = [];
    const small: { aliases: typeof layers; images: typeof layers } = { aliases: [], images: [] };
    const staleBefore = Date.now() - 60 * 60 * 1000;
    for (const name of names) {
      const path = join(this.dir, name);
      const bucket = NAME.test(name)
        ? layers
        : ALIAS.test(name)
          ? small.aliases
          : IMAGE.test(name)
            ? small.images
            : null;
      if (bucket) {
        const s = await stat(path).catch(() => null);
        if (s) bucket.push({ path, mtime: s.mtimeMs, size: s.size });
      } else if (name.endsWith('.tmp')) {
        const s = await stat(path).catch(() => null);
        if (s && s.mtimeMs < staleBefore) await rm(path, { force: true }).catch(() => {});
      }
    }
    layers.sort((a, b) => b.mtime - a.mtime);
    let total = 0;
    for (const layer of layers) {
      total += layer.size;
      if (total > this.maxBytes) await rm(layer.path, { force: true }).catch(() => {});
    }
    for (const [list, max] of [
      [small.aliases, MAX_ALIASES],
      [small.images, MAX_IMAGES],
    ] as const) {
      list.sort((a, b) => b.mtime - a.mtime);
      for (const old of list.slice(max)) await rm(old.path, { force: true }).catch(() => {});
    }
  }

  async #write(name: string, bytes: Buffer): Promise<boolean> {
    const file = join(this.dir, name);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, bytes);
      await rename(temp, file);
      return true;
    } catch {
      await rm(temp, { force: true }).catch(() => {});
      return false;
    }
  }
}

/** The layer folder inside the cache folder. */
export function layerCacheDir(cacheDir: string): string {
  return join(cacheDir, 'layers');
}

function aliasName(member: string): string {
  return `${createHash('sha256').update(member).digest('hex')}.iga`;
}

function imageName(id: string): string {
  return `${createHash('sha256').update(id).digest('hex')}.igi`;
}

function sealed(body: Buffer): Buffer {
  return Buffer.concat([MAGIC, createHash('sha256').update(body).digest(), body]);
}

/** The body of a sealed file whose checksum holds; null otherwise. */
function checked(bytes: Buffer): Buffer | null {
  if (bytes.length < MAGIC.length + 32 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const body = bytes.subarray(MAGIC.length + 32);
  const sum = createHash('sha256').update(body).digest();
  return sum.equals(bytes.subarray(MAGIC.length, MAGIC.length + 32)) ? body : null;
}

/** A layer's stored form (see the top of this file). */
export async function packLayer(layer: CachedLayer, key: string): Promise<Buffer> {
  const { summary } = layer;
  const n = summary.entries.length;
  let kinds = '';
  const sizes: number[] = new Array(n);
  const shared: number[] = new Array(n);
  const tails: string[] = new Array(n);
  const links: [number, string][] = [];
  const secrets: [number, SecretHint][] = [];
  let previous = '';
  for (let i = 0; i < n; i++) {
    const entry = summary.entries[i]!;
    kinds += KIND_CODE[entry.kind];
    sizes[i] = entry.size;
    const path = entry.path;
    let same = 0;
    const max = Math.min(previous.length, path.length);
    while (same < max && previous.charCodeAt(same) === path.charCodeAt(same)) same++;
    shared[i] = same;
    tails[i] = path.slice(same);
    previous = path;
    if (entry.linkTarget !== undefined) links.push([i, entry.linkTarget]);
    if (entry.secret) secrets.push([i, entry.secret]);
  }
  const text = Buffer.from(tails.join('\0'), 'utf8');
  const bodies: Buffer[] = [];
  let packageFiles: [string, number][] | null = null;
  if (summary.packageFiles) {
    packageFiles = [];
    for (const [path, body] of summary.packageFiles) {
      packageFiles.push([path, body.length]);
      bodies.push(body);
    }
  }
  const header: Header = {
    format: FORMAT,
    key,
    diffId: layer.diffId,
    blob: layer.blob,
    tarBytes: layer.tarBytes,
    size: summary.size,
    compressed: summary.compressed ?? null,
    kinds,
    sizes,
    shared,
    links,
    secrets,
    whiteouts: summary.whiteouts,
    opaqueDirs: summary.opaqueDirs,
    packageFiles,
    text: text.length,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const body = await gzipAsync(Buffer.concat([length, json, text, ...bodies]), { level: 6 });
  return sealed(body);
}

/** The layer `packLayer` stored; null when the bytes are not one, or not the one asked for. */
export async function unpackLayer(bytes: Buffer, key: string, diffId: string): Promise<CachedLayer | null> {
  const body = checked(bytes);
  if (!body) return null;
  let plain: Buffer;
  let header: Header;
  try {
    plain = await gunzipAsync(body);
    const length = plain.readUInt32BE(0);
    header = JSON.parse(plain.toString('utf8', 4, 4 + length)) as Header;
    plain = plain.subarray(4 + length);
  } catch {
    return null;
  }
  if (!isHeader(header) || header.key !== key || header.diffId !== diffId) return null;
  const n = header.kinds.length;
  if (header.text > plain.length) return null;
  const tails = n === 0 ? [] : plain.toString('utf8', 0, header.text).split('\0');
  if (tails.length !== n) return null;
  const entries: LayerEntry[] = new Array(n);
  let previous = '';
  for (let i = 0; i < n; i++) {
    const same = header.shared[i]!;
    if (!(same >= 0 && same <= previous.length)) return null;
    const path = same === 0 ? tails[i]! : previous.slice(0, same) + tails[i]!;
    const kind = KINDS[KINDS.findIndex((k) => KIND_CODE[k] === header.kinds[i])];
    if (!kind) return null;
    entries[i] = { path, kind, size: header.sizes[i]! };
    previous = path;
  }
  for (const [i, target] of header.links) {
    const entry = entries[i];
    if (!entry || typeof target !== 'string') return null;
    entry.linkTarget = target;
  }
  for (const [i, hint] of header.secrets) {
    const entry = entries[i];
    if (!entry || !HINTS.has(hint)) return null;
    entry.secret = hint;
  }
  const summary: LayerSummary = {
    entries,
    whiteouts: header.whiteouts,
    opaqueDirs: header.opaqueDirs,
    size: header.size,
  };
  if (header.packageFiles) {
    const packageFiles = new Map<string, Buffer>();
    let at = header.text;
    for (const [path, length] of header.packageFiles) {
      if (typeof path !== 'string' || !Number.isSafeInteger(length) || length < 0) return null;
      if (at + length > plain.length) return null;
      // A copy: a view would keep the whole decompressed entry alive.
      packageFiles.set(path, Buffer.from(plain.subarray(at, at + length)));
      at += length;
    }
    if (at !== plain.length) return null;
    summary.packageFiles = packageFiles;
  } else if (header.text !== plain.length) return null;
  if (header.compressed) summary.compressed = header.compressed;
  return { diffId, summary, blob: header.blob, tarBytes: header.tarBytes };
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Partial<Header>;
  const n = typeof h.kinds === 'string' ? h.kinds.length : -1;
  return (
    h.format === FORMAT &&
    typeof h.key === 'string' &&
    typeof h.diffId === 'string' &&
    (h.blob === null || typeof h.blob === 'string') &&
    (h.tarBytes === null || Number.isSafeInteger(h.tarBytes)) &&
    Number.isSafeInteger(h.size) &&
    (h.compressed === null ||
      (typeof h.compressed === 'object' &&
        h.compressed !== undefined &&
        typeof h.compressed.gzip === 'number' &&
        (h.compressed.zstd === null || typeof h.compressed.zstd === 'number'))) &&
    Array.isArray(h.sizes) &&
    h.sizes.length === n &&
    h.sizes.every((s) => Number.isSafeInteger(s) && s >= 0) &&
    Array.isArray(h.shared) &&
    h.shared.length === n &&
    Array.isArray(h.links) &&
    h.links.every((l) => Array.isArray(l) && l.length === 2) &&
    Array.isArray(h.secrets) &&
    h.secrets.every((l) => Array.isArray(l) && l.length === 2) &&
    Array.isArray(h.whiteouts) &&
    h.whiteouts.every((w) => typeof w === 'string') &&
    Array.isArray(h.opaqueDirs) &&
    h.opaqueDirs.every((w) => typeof w === 'string') &&
    (h.packageFiles === null || (Array.isArray(h.packageFiles) && h.packageFiles.every(Array.isArray))) &&
    Number.isSafeInteger(h.text) &&
    (h.text ?? -1) >= 0
  );
}
