// Analyses already made, kept in a folder so that the same image is never exported and read twice: the base of
// a pull request is usually the image the last run analyzed. An entry is keyed by what fixes the result (image
// id, layer diffIds, the code that analyzed it, whether files were read) and holds the analysis without the ref
// the user typed. The cache is a convenience: whatever goes wrong with it (a full disk, a corrupt or foreign
// file, a race with another run) is a miss, never a failure.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ImageAnalysis } from '../analysis/analyze.js';
import type { ImageExplore } from '../analysis/explore.js';
import type { FileIndex } from '../analysis/file-index.js';
import type { Finding, Image } from '../core/report.js';

/** What an analysis depends on, and so what an entry is found by. */
export interface CacheKeyParts {
  /** `sha256:` image id (config digest). */
  id: string;
  /** `rootfs.diff_ids`, oldest first. */
  diffIds: readonly string[];
  /** The analyzing code: image-guard's version and, where known, a fingerprint of its build. */
  code: string;
  files: boolean;
  /** Whether compressed sizes were counted (an analysis without them cannot stand in for one with). */
  count: boolean;
}

/** The stored form of an ImageAnalysis: the image without its `ref`. */
interface Entry {
  format: typeof FORMAT;
  key: string;
  /** sha256 of the key, image and findings as stored: an entry edited by hand (or by anything) is a miss. */
  sum: string;
  image: Omit<Image, 'ref'>;
  findings: Finding[];
  /** The final filesystem's file index (for the file-level diff), packed by `packIndex`; null without files. */
  fileIndex: string | null;
  /** What the HTML report explores; absent for an analysis without files. */
  explore?: ImageExplore;
}

// 2: entries carry `sum`. 3: entries carry `fileIndex`. 4: entries carry `explore`. 5: images carry `packages`
// and file indexes `owners`.
const FORMAT = 5;
const SUFFIX = '.json';
export const DEFAULT_MAX_ENTRIES = 50;

/**
 * The cache folder: `$IMAGE_GUARD_CACHE_DIR`, else `$XDG_CACHE_HOME/image-guard`, else
 * `~/.cache/image-guard`; null when `IMAGE_GUARD_CACHE_DIR=off` turns the cache off.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.IMAGE_GUARD_CACHE_DIR;
  if (explicit !== undefined && explicit !== '') return explicit === 'off' ? null : explicit;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'image-guard');
  return join(homedir(), '.cache', 'image-guard');
}

export function cacheKey(parts: CacheKeyParts): string {
  const canonical = JSON.stringify([
    FORMAT,
    parts.id,
    [...parts.diffIds],
    parts.code,
    parts.files,
    parts.count,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export class AnalysisCache {
  readonly dir: string;
  readonly maxEntries: number;

  constructor(dir: string, options: { maxEntries?: number } = {}) {
    this.dir = dir;
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  }

  /** The analysis stored under `key`, given back under `ref`; null on a miss or an unreadable entry. */
  async get(key: string, ref: string): Promise<ImageAnalysis | null> {
    const file = this.#file(key);
    let entry: unknown;
    try {
      entry = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      return null;
    }
    if (!isEntry(entry, key)) return null;
    if (entry.sum !== checksum(key, entry.image, entry.findings, entry.fileIndex, entry.explore)) return null;
    let fileIndex: FileIndex | null = null;
    if (entry.fileIndex !== null) {
      fileIndex = unpackIndex(entry.fileIndex);
      if (!fileIndex) return null;
      const count = entry.image.packages?.length ?? 0;
      if (fileIndex.owners?.some((owner) => owner >= count)) return null;
    }
    // Recently used entries are the last evicted.
    const now = new Date();
    await utimes(file, now, now).catch(() => {});
    const analysis: ImageAnalysis = { image: { ref, ...entry.image }, findings: entry.findings };
    if (fileIndex) analysis.fileIndex = fileIndex;
    if (entry.explore) analysis.explore = entry.explore;
    return analysis;
  }

  /** Stores an analysis (written to a temporary file, then renamed: readers never see half an entry). */
  async put(key: string, analysis: ImageAnalysis): Promise<void> {
    const { ref: _ref, ...image } = analysis.image;
    const { findings, explore } = analysis;
    const fileIndex = analysis.fileIndex ? packIndex(analysis.fileIndex) : null;
    const entry: Entry = {
      format: FORMAT,
      key,
      sum: checksum(key, image, findings, fileIndex, explore),
      image,
      findings,
      fileIndex,
    };
    if (explore) entry.explore = explore;
    const file = this.#file(key);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, JSON.stringify(entry));
      await rename(temp, file);
    } catch {
      await rm(temp, { force: true }).catch(() => {});
      return;
    }
    await this.#evict().catch(() => {});
  }

  #file(key: string): string {
    return join(this.dir, `${key}${SUFFIX}`);
  }

  /** Keeps the `maxEntries` most recently used entries; drops the rest and temporary files left by a crash. */
  async #evict(): Promise<void> {
    const names = await readdir(this.dir);
    const entries: { path: string; mtime: number }[] = [];
    const staleBefore = Date.now() - 60 * 60 * 1000;
    for (const name of names) {
      const path = join(this.dir, name);
      if (/^[0-9a-f]{64}\.json$/.test(name)) {
        const s = await stat(path).catch(() => null);
        if (s) entries.push({ path, mtime: s.mtimeMs });
      } else if (name.endsWith('.tmp')) {
        const s = await stat(path).catch(() => null);
        if (s && s.mtimeMs < staleBefore) await rm(path, { force: true }).catch(() => {});
      }
    }
    if (entries.length <= this.maxEntries) return;
    entries.sort((a, b) => b.mtime - a.mtime);
    for (const old of entries.slice(this.maxEntries)) await rm(old.path, { force: true }).catch(() => {});
  }
}

/**
 * The checksum of an entry's content. JSON.parse keeps the order of keys, so the parsed entry serializes to
 * the same text as the one written.
 */
function checksum(
  key: string,
  image: Entry['image'],
  findings: Finding[],
  fileIndex: string | null,
  explore: ImageExplore | undefined,
): string {
  return createHash('sha256')
    .update(JSON.stringify([key, image, findings]))
    .update(fileIndex ?? '')
    .update(JSON.stringify(explore ?? null))
    .digest('hex');
}

/**
 * A file index as stored: its paths front-coded (the length shared with the previous path, then the rest),
 * as JSON, gzipped, in base64. 108,000 paths take about 1 MB, against about 8 MB as plain JSON.
 */
export function packIndex(index: FileIndex): string {
  const shared: number[] = [];
  const rest: string[] = [];
  let previous = '';
  for (const path of index.paths) {
    let n = 0;
    const max = Math.min(previous.length, path.length);
    while (n < max && previous.charCodeAt(n) === path.charCodeAt(n)) n++;
    shared.push(n);
    rest.push(path.slice(n));
    previous = path;
  }
  const json = JSON.stringify({
    shared,
    rest,
    sizes: index.sizes,
    layers: index.layers,
    diffIds: index.diffIds,
    ...(index.owners ? { owners: index.owners } : {}),
  });
  return gzipSync(json, { level: 1 }).toString('base64');
}

/** The index `packIndex` stored; null when the text is not one (an entry damaged or of another version). */
export function unpackIndex(packed: string): FileIndex | null {
  let value: unknown;
  try {
    value = JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const { shared, rest, sizes, layers, diffIds, owners } = v;
  if (
    !Array.isArray(shared) ||
    !Array.isArray(rest) ||
    !Array.isArray(sizes) ||
    !Array.isArray(layers) ||
    !Array.isArray(diffIds) ||
    rest.length !== shared.length ||
    sizes.length !== shared.length ||
    layers.length !== shared.length ||
    !diffIds.every((d) => d === null || typeof d === 'string') ||
    !sizes.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    !layers.every((n) => Number.isInteger(n) && n >= 0 && n < diffIds.length) ||
    (owners !== undefined &&
      (!Array.isArray(owners) ||
        owners.length !== shared.length ||
        !owners.every((n) => Number.isInteger(n) && n >= -1)))
  ) {
    return null;
  }
  const paths: string[] = [];
  let previous = '';
  for (let i = 0; i < shared.length; i++) {
    const n = shared[i];
    const tail = rest[i];
    if (!Number.isInteger(n) || n < 0 || n > previous.length || typeof tail !== 'string') return null;
    previous = previous.slice(0, n) + tail;
    paths.push(previous);
  }
  const index: FileIndex = {
    paths,
    sizes: sizes as number[],
    layers: layers as number[],
    diffIds: diffIds as (string | null)[],
  };
  if (owners !== undefined) index.owners = owners as number[];
  return index;
}

function isEntry(value: unknown, key: string): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<Entry>;
  const image = e.image as Partial<Image> | undefined;
  return (
    e.format === FORMAT &&
    e.key === key &&
    typeof e.sum === 'string' &&
    Array.isArray(e.findings) &&
    (e.fileIndex === null || typeof e.fileIndex === 'string') &&
    typeof image === 'object' &&
    image !== null &&
    typeof image.id === 'string' &&
    typeof image.size === 'number' &&
    Array.isArray(image.layers) &&
    (e.explore === undefined || (typeof e.explore === 'object' && e.explore !== null)) &&
    (image.packages === undefined || image.packages === null || Array.isArray(image.packages)) &&
    (image.files === null || (typeof image.files === 'object' && image.files !== undefined))
  );
}
