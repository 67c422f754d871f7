// One pass over a `docker save` or OCI archive stream, members in whatever order they come: small JSON
// members (manifest.json, index.json, configs, manifest blobs) are buffered under a cap, every layer-looking
// member is summarized while it streams by, and the image is assembled at the end from the manifest. No
// member is extracted and no layer is held in memory.

import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { UserError } from '../core/errors.js';
import { decompressed, detectCompression, peek } from './decompress.js';
import { configDigest, parseImageConfig } from './image-config.js';
import { planImage } from './image-layout.js';
import { summarizeLayer } from './layer-summary.js';
import type { ImageData, LayerSummary } from './model.js';
import { type PackageFileBudget, packageFileBudget } from './package-files.js';
import { readTar, type TarEntry, TarFormatError } from './tar-reader.js';

/** Largest JSON member buffered (configs with long histories run to a few hundred KiB). */
export const MAX_JSON_MEMBER = 16 * 1024 * 1024;
/** Largest sum of JSON members buffered: many members each under the cap must not add up to gigabytes. */
const MAX_JSON_TOTAL = 64 * 1024 * 1024;
const OVERSIZED_JSON = `a JSON member over ${MAX_JSON_MEMBER / 1024 / 1024} MiB`;

export interface ReadSaveOptions {
  /** What the user named; used in ImageData.ref, in messages and to pick an image in a multi-image archive. */
  ref: string;
  /** false: layer sizes only (from the contents), no file lists: `ImageData.layers` is null. */
  files: boolean;
  /** Count each layer's compressed size (see `SummarizeOptions.count`); default false. */
  count?: boolean;
  /** Tag or OCI ref name choosing one image when the archive holds several. */
  select?: string;
  /** Called as the stream is read, with the bytes read so far (for a progress line on a terminal). */
  onProgress?: (bytesRead: number) => void;
  /** Layers the caller already has: the members they name are drained unread (no tar parsing, no counting). */
  known?: KnownLayers;
  /** Called once the image is assembled: how each of its layers (in diffIds order) was read. */
  onLayers?: (layers: LayerRead[], config: Buffer) => void;
}

/** What the caller knows of a layer-looking archive member, asked before the member is read. */
export type KnownMember =
  /** This layer: the member is drained unread and `summary` stands for it. */
  | { diffId: string; summary: LayerSummary }
  /** One of these plain layers, by diffId: the member is hashed while drained, and its SHA-256 picks one. */
  | { candidates: Map<string, LayerSummary> };

export interface KnownLayers {
  /** `path`: the member's normalized path; `size`: its bytes. null: read the member. */
  lookup(path: string, size: number): KnownMember | null | Promise<KnownMember | null>;
}

/** A layer as a layer store keeps it, with how it was read. */
export interface StoredLayer {
  summary: LayerSummary;
  /** `sha256:…` of the compressed blob it was read from (its compressed sizes are the blob's bytes); null: a plain tar. */
  blob: string | null;
  /** Bytes of the plain tar when it was read as one, else null. */
  tarBytes: number | null;
}

/** Layers analyzed before (the layer cache), for one way of reading (files or not, counted or not). */
export interface LayerStore {
  /** Whether compressed sizes are counted: then a layer stands only for a read of the same form (plain or that blob). */
  readonly count: boolean;
  get(diffId: string): Promise<StoredLayer | null>;
  /** Whether an entry is there (not whether it checks out: `get` says that). */
  has(diffId: string): Promise<boolean>;
  put(diffId: string, layer: StoredLayer): Promise<void>;
  /** The diffId an archive member (`<v1 id>/layer.tar`, `blobs/sha256/…`) held when last read. */
  alias(member: string): Promise<string | null>;
  setAlias(member: string, diffId: string): Promise<void>;
  /** An image's config by the engine's image ID. */
  imageConfig(id: string): Promise<Buffer | null>;
  setImageConfig(id: string, config: Buffer): Promise<void>;
}

/** Bytes of layers read and skipped (known before) for one image. */
export interface LayerTally {
  readBytes: number;
  readLayers: number;
  skippedBytes: number;
  skippedLayers: number;
}

export function tallyOf(reads: readonly LayerRead[]): LayerTally {
  const tally = { readBytes: 0, readLayers: 0, skippedBytes: 0, skippedLayers: 0 };
  for (const r of reads) {
    if (r.skipped) {
      tally.skippedBytes += r.bytes;
      tally.skippedLayers++;
    } else {
      tally.readBytes += r.bytes;
      tally.readLayers++;
    }
  }
  return tally;
}

/**
 * A member that `KnownLayers` offered as candidates hashed to none of them: the stream cannot be read again, so
 * the caller reads the image again without skipping.
 */
export class KnownLayerMismatch extends Error {}

/** How one layer of the image was read. */
export interface LayerRead {
  /** The archive member that held it (links followed). */
  path: string;
  summary: LayerSummary;
  /** Drained unread because the caller knew it. */
  skipped: boolean;
  /** Bytes of the member. */
  bytes: number;
  /**
   * `sha256:…` of the compressed blob it was read from (from an OCI layout's blob path), `unknown` for a
   * compressed member of another name, null for a plain tar.
   */
  blob: string | null;
}

type Member =
  | { kind: 'json'; bytes: Buffer }
  | { kind: 'layer'; summary: LayerSummary; skipped: boolean; bytes: number; blob: string | null }
  | { kind: 'link'; target: string }
  | { kind: 'other'; why: string };

export async function readSaveStream(
  stream: Readable | AsyncIterable<Uint8Array>,
  opts: ReadSaveOptions,
): Promise<ImageData> {
  const members = new Map<string, Member>();
  const source = opts.ref;
  // One package-file budget for the whole archive: every layer in it is read (it may hold several images).
  const budget = { json: MAX_JSON_TOTAL, packageFiles: packageFileBudget() };
  try {
    const { chunks } = await decompressed(opts.onProgress ? counted(stream, opts.onProgress) : stream);
    await readTar(chunks, {
      header(entry) {
        const path = memberPath(entry.path);
        if (path === null) return false;
        if (entry.type === 'SymbolicLink') {
          members.set(path, { kind: 'link', target: posix.join(posix.dirname(path), entry.linkpath ?? '') });
          return false;
        }
        if (entry.type === 'Link') {
          members.set(path, { kind: 'link', target: memberPath(entry.linkpath ?? '') ?? '' });
          return false;
        }
        if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile')
          return false;
        return wanted(path);
      },
      async body(entry, content) {
        const path = memberPath(entry.path)!;
        members.set(path, await readMember(entry, content, path, opts, budget));
      },
    });
  } catch (error) {
    if (error instanceof UserError || error instanceof KnownLayerMismatch) throw error;
    if (error instanceof TarFormatError && error.notTar) {
      throw new UserError(
        `${source} is not a tar archive (${error.message}): give a docker save or OCI archive`,
      );
    }
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError(`${source} is truncated or corrupt (${detail}): export or download it again`);
  }
  return assemble(members, opts);
}

async function* counted(
  source: AsyncIterable<Uint8Array>,
  onProgress: (bytesRead: number) => void,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    onProgress(total);
    yield chunk;
  }
}

function memberPath(raw: string): string | null {
  const path = posix
    .normalize(raw)
    .replace(/^(\.\/)+|^\/+/, '')
    .replace(/\/$/, '');
  return path === '' || path === '.' ? null : path;
}

/** Members worth reading: everything but the legacy per-layer metadata nobody needs. */
function wanted(path: string): boolean {
  if (path === 'repositories') return false;
  return !/^[0-9a-f]{64}\/(json|VERSION)$/.test(path);
}

async function readMember(
  entry: TarEntry,
  member: AsyncIterable<Buffer>,
  path: string,
  opts: ReadSaveOptions,
  budget: { json: number; packageFiles: PackageFileBudget },
): Promise<Member> {
  let content = member;
  const known = await opts.known?.lookup(path, entry.size);
  if (known) {
    const skipped = await skipMember(known, content, entry.size, path, budget.packageFiles);
    if (!Array.isArray(skipped)) return skipped;
    // None of the candidates, but small enough to have been kept: read from the bytes kept.
    content = (async function* () {
      yield* skipped;
    })();
  }
  const { head, rest } = await peek(content, 512);
  const shape = sniff(head);
  if (shape === 'layer') {
    const summary = await summarizeLayer(rest, {
      name: `${path} in ${opts.ref}`,
      files: opts.files,
      count: opts.count,
      packageFiles: budget.packageFiles,
    });
    const compressed = detectCompression(head) !== 'none';
    const digest = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(path)?.[1];
    const blob = compressed ? (digest ? `sha256:${digest}` : 'unknown') : null;
    return { kind: 'layer', summary, skipped: false, bytes: entry.size, blob };
  }
  if (shape === 'json' && entry.size <= MAX_JSON_MEMBER) {
    budget.json -= entry.size;
    if (budget.json < 0) {
      throw new UserError(
        `${opts.ref} holds more than ${MAX_JSON_TOTAL / 1024 / 1024} MiB of JSON members: it is not an image export; give a docker save or OCI archive`,
      );
    }
    const parts: Buffer[] = [];
    for await (const chunk of rest) parts.push(chunk);
    return { kind: 'json', bytes: Buffer.concat(parts) };
  }
  for await (const _ of rest) {
    // drained: neither a layer nor JSON we keep
  }
  return {
    kind: 'other',
    why: shape === 'json' ? OVERSIZED_JSON : 'neither a tar layer nor JSON',
  };
}

/** Largest candidate member kept while it is hashed, so that it can still be read when it is none of them. */
const MAX_KEPT_CANDIDATE = 16 * 1024 * 1024;

/**
 * A member the caller knows: drained at the speed of a read (hashed only to pick among candidates). A candidate
 * member that hashes to none of them gives back its bytes when it was small enough to keep them, else throws
 * KnownLayerMismatch.
 */
async function skipMember(
  known: KnownMember,
  content: AsyncIterable<Buffer>,
  size: number,
  path: string,
  budget: PackageFileBudget,
): Promise<Member | Buffer[]> {
  let summary: LayerSummary | undefined;
  if ('summary' in known) {
    for await (const _ of content) {
      // drained unread
    }
    summary = known.summary;
  } else {
    const hash = createHash('sha256');
    const kept: Buffer[] | null = size <= MAX_KEPT_CANDIDATE ? [] : null;
    for await (const chunk of content) {
      hash.update(chunk);
      kept?.push(chunk);
    }
    summary = known.candidates.get(`sha256:${hash.digest('hex')}`);
    if (!summary) {
      if (kept) return kept;
      throw new KnownLayerMismatch(`${path} is none of the layers it was taken for`);
    }
  }
  // What a read would have kept of the image's budget for package files.
  for (const body of summary.packageFiles?.values() ?? []) budget.left -= body.length;
  return { kind: 'layer', summary, skipped: true, bytes: size, blob: null };
}

function sniff(head: Buffer): 'layer' | 'json' | 'other' {
  if (detectCompression(head) !== 'none') return 'layer';
  if (head.length >= 512) {
    const block = head.subarray(0, 512);
    if (isTarHeader(block) || block.every((b) => b === 0)) return 'layer';
  }
  const first = head.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  if (first === 0x7b || first === 0x5b) return 'json';
  return 'other';
}

function isTarHeader(block: Buffer): boolean {
  const field = block
    .toString('latin1', 148, 156)
    .replace(/[\0 ]+$/g, '')
    .trim();
  if (!/^[0-7]+$/.test(field)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum === Number.parseInt(field, 8);
}

function assemble(members: Map<string, Member>, opts: ReadSaveOptions): ImageData {
  const source = opts.ref;
  const resolved = (path: string): { path: string; member: Member | undefined } => {
    let member = members.get(path);
    for (let hops = 0; member?.kind === 'link' && hops < 8; hops++) {
      path = member.target;
      member = members.get(path);
    }
    return { path, member };
  };
  const resolve = (path: string): Member | undefined => resolved(path).member;
  const json = (path: string) => {
    const m = resolve(path);
    if (m?.kind === 'other' && m.why === OVERSIZED_JSON) {
      throw new UserError(
        `${path} in ${source} is ${OVERSIZED_JSON}, more than image-guard reads of one: it is not an image export; give a docker save or OCI archive`,
      );
    }
    return m?.kind === 'json' ? m.bytes : undefined;
  };
  const plan = planImage(json, source, opts.select);
  const configBytes = json(plan.config);
  if (!configBytes) {
    throw new UserError(
      `${source} lacks the image config ${plan.config} its manifest points at: export it again`,
    );
  }
  const config = parseImageConfig(configBytes, `config ${plan.config} in ${source}`);
  const summaries = plan.layers.map((path) => {
    const m = resolve(path);
    if (m?.kind === 'layer') return m.summary;
    if (!m || m.kind === 'link') {
      throw new UserError(
        `${source} lacks the layer ${path} its manifest points at (truncated?): export it again`,
      );
    }
    throw new UserError(
      `layer ${path} in ${source} is not a tar archive (${m.kind === 'json' ? 'JSON' : m.why})`,
    );
  });
  if (summaries.length !== config.diffIds.length) {
    throw new UserError(
      `${source}: the manifest lists ${summaries.length} layers but the config has ${config.diffIds.length} diff_ids`,
    );
  }
  if (opts.onLayers) {
    opts.onLayers(
      plan.layers.map((layerPath) => {
        const { path, member } = resolved(layerPath);
        const m = member as Extract<Member, { kind: 'layer' }>;
        return { path, summary: m.summary, skipped: m.skipped, bytes: m.bytes, blob: m.blob };
      }),
      configBytes,
    );
  }
  return { ref: opts.ref, id: configDigest(configBytes), config, ...fromSummaries(summaries, opts) };
}

/** The parts of ImageData that come from the layer summaries, as every archive reader hands them over. */
export function fromSummaries(
  summaries: LayerSummary[],
  opts: { files: boolean; count?: boolean },
): Pick<ImageData, 'layerSizes' | 'layers' | 'layerCompressed'> {
  return {
    layerSizes: summaries.map((s) => s.size),
    layers: opts.files ? summaries : null,
    ...(opts.count ? { layerCompressed: summaries.map((s) => s.compressed ?? null) } : {}),
  };
}
