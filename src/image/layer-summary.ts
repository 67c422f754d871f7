// One layer tar (plain, gzip or zstd) → LayerSummary, in one streaming pass. Sizes follow moby's classic
// store, which measures a layer as pkg/directory.Size over its overlay2 diff directory: every regular file's
// bytes once per inode (a hard-link member adds 0), plus each symlink's target length (its lstat size);
// directories, whiteouts (0/0 character devices there) and other devices add 0.

import type { Readable } from 'node:stream';
import { UserError } from '../core/errors.js';
import { type CompressedSizes, tapCompressed } from './compressed-size.js';
import { decompressed } from './decompress.js';
import type { EntryKind, LayerEntry, LayerSummary } from './model.js';
import { isPackageFile, type PackageFileBudget, packageFileBudget } from './package-files.js';
import { DEFAULT_SECRET_PEEK_BYTES, secretIn } from './secret-peek.js';
import {
  checkSymlinkTarget,
  normalizeHardlinkTarget,
  normalizeMemberPath,
  OPAQUE_MARKER,
  UnsafePathError,
  WHITEOUT_PREFIX,
} from './tar-paths.js';
import { readTar, type TarEntry, TarFormatError } from './tar-reader.js';

export interface SummarizeOptions {
  /** How messages name the layer: a diffId, an archive member, `layer 3 of app:pr`. */
  name: string;
  /**
   * false: only `size` is computed (entries, whiteouts and opaqueDirs stay empty, no file body is looked
   * at); what a layers-only analysis needs when sizes must come from the contents. Default true.
   */
  files?: boolean;
  /** Bytes of each regular file looked at for secret hints; default 64 KiB. */
  secretPeekBytes?: number;
  /** Largest pax / GNU long-name header accepted; default 1 MiB. */
  maxMetaEntrySize?: number;
  /**
   * Also find what the layer weighs compressed (`LayerSummary.compressed`): a layer stored compressed weighs
   * its own bytes (a gzip blob is what a registry stores and a pull transfers; a zstd one is counted for
   * gzip too, since every figure has a gzip size); a plain tar is compressed as a push would (gzip 6, and
   * zstd 3 where Node has it) while it streams past, one pass with the summary. Default false.
   */
  count?: boolean;
  /**
   * What is left of the bytes of package files (`isPackageFile`) the read of one image may keep, shared by its
   * layers; a file that does not fit is dropped and counted. Default: a budget of its own for this layer.
   */
  packageFiles?: PackageFileBudget;
}

const EMPTY = Buffer.alloc(0);

export type LayerSource = Readable | AsyncIterable<Uint8Array>;

export async function summarizeLayer(stream: LayerSource, opts: SummarizeOptions): Promise<LayerSummary> {
  const files = opts.files ?? true;
  const peekBytes = opts.secretPeekBytes ?? DEFAULT_SECRET_PEEK_BYTES;
  const entries: LayerEntry[] = [];
  const whiteouts: string[] = [];
  const opaqueDirs: string[] = [];
  let peeking: LayerEntry | undefined;
  let size = 0;
  const budget = files ? (opts.packageFiles ?? packageFileBudget()) : null;
  const packageFiles = new Map<string, Buffer>();
  let packageFilesDropped = 0;
  let keeping: string | undefined;

  let blobBytes = 0;
  let sizes: Promise<CompressedSizes> | null = null;
  try {
    const source = opts.count ? byteCounted(stream, (n) => (blobBytes += n)) : stream;
    const { compression, chunks: plain } = await decompressed(source);
    let chunks = plain;
    if (opts.count && compression !== 'gzip') {
      const tap = tapCompressed(plain, { zstd: compression === 'none' });
      chunks = tap.chunks;
      sizes = tap.sizes;
    }
    await readTar(
      chunks,
      {
        header(entry) {
          const path = normalizeMemberPath(entry.path);
          const slash = path.lastIndexOf('/');
          const base = path.slice(slash + 1);
          if (base.startsWith(WHITEOUT_PREFIX)) {
            const dir = slash < 0 ? '' : path.slice(0, slash);
            if (base === OPAQUE_MARKER) {
              if (files) opaqueDirs.push(dir);
            } else if (!base.startsWith(`${WHITEOUT_PREFIX}${WHITEOUT_PREFIX}`)) {
              // `.wh..wh.*` other than the opaque marker is aufs bookkeeping, which moby skips too.
              const name = base.slice(WHITEOUT_PREFIX.length);
              if (name === '' || name === '.' || name === '..') {
                throw new UnsafePathError(`whiteout "${entry.path}" names no file`);
              }
              if (files) whiteouts.push(dir === '' ? name : `${dir}/${name}`);
            }
            return false;
          }
          const kind = kindOf(entry);
          let entrySize = 0;
          let linkTarget: string | undefined;
          if (kind === 'file') {
            entrySize = entry.size;
            size += entrySize;
          } else if (kind === 'symlink') {
            linkTarget = entry.linkpath ?? '';
            checkSymlinkTarget(path, linkTarget);
            size += Buffer.byteLength(linkTarget);
          } else if (kind === 'hardlink') {
            linkTarget = entry.linkpath ?? '';
            normalizeHardlinkTarget(linkTarget);
          }
          if (!files || path === '') return false;
          const record: LayerEntry = { path, kind, size: entrySize };
          if (linkTarget !== undefined) record.linkTarget = linkTarget;
          entries.push(record);
          let want = 0;
          if (kind === 'file' && budget && isPackageFile(path, base)) {
            if (entrySize > budget.left) {
              packageFilesDropped++;
              packageFiles.delete(path);
            } else {
              budget.left -= entrySize;
              packageFiles.set(path, EMPTY);
              // An empty body is never handed to `head`: it is kept as it is.
              if (entrySize > 0) {
                keeping = path;
                want = entrySize;
              }
            }
          }
          if (kind === 'file' && entrySize > 0 && peekBytes > 0) {
            peeking = record;
            want = Math.max(want, peekBytes);
          }
          return want > 0 ? want : false;
        },
        head(_entry, bytes) {
          if (keeping !== undefined) {
            // A view would keep the whole source chunk alive: the body is copied unless it is all of a buffer.
            const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
            packageFiles.set(keeping, whole ? bytes : Buffer.from(bytes));
            keeping = undefined;
          }
          const record = peeking;
          peeking = undefined;
          if (!record) return;
          const hint = secretIn(record.path, bytes.length > peekBytes ? bytes.subarray(0, peekBytes) : bytes);
          if (hint) record.secret = hint;
        },
      },
      { maxMetaEntrySize: opts.maxMetaEntrySize },
    );
    // readTar reads its stream to the end, so a gzip blob has been counted whole by now.
    const compressed = sizes ? await sizes : opts.count ? { gzip: blobBytes, zstd: null } : undefined;
    if (compressed && compression === 'zstd') compressed.zstd = blobBytes;
    const kept = files ? { packageFiles, ...(packageFilesDropped > 0 ? { packageFilesDropped } : {}) } : {};
    return { entries, whiteouts, opaqueDirs, size, ...kept, ...(compressed ? { compressed } : {}) };
  } catch (error) {
    throw layerError(opts.name, error);
  }
}

async function* byteCounted(source: LayerSource, add: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    add(chunk.length);
    yield chunk;
  }
}

function kindOf(entry: TarEntry): EntryKind {
  switch (entry.type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
      return 'file';
    case 'Directory':
    case 'GNUDumpDir':
      return 'dir';
    case 'SymbolicLink':
      return 'symlink';
    case 'Link':
      return 'hardlink';
    default:
      return 'other';
  }
}

/** The one-line error for a layer that cannot be read, naming it and saying what to do. */
function layerError(name: string, error: unknown): Error {
  if (error instanceof UserError) return error;
  if (error instanceof UnsafePathError) {
    return new UserError(
      `layer ${name} has a hostile tar entry: ${error.message}; refusing to read this image`,
    );
  }
  if (error instanceof TarFormatError && error.notTar) {
    return new UserError(
      `layer ${name} is not a tar archive (plain, gzip or zstd): ${error.message}; check that the archive is an image export`,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new UserError(
    `layer ${name} is truncated or corrupt (${detail.split('\n')[0]}): export or download the image again`,
  );
}
