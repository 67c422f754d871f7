import type { CompressedSizes } from './compressed-size.js';

// What the readers (engine export, docker-archive, oci-archive, oci layout) hand to the analysis: one summary per
// layer tar, built while the bytes stream past. Nothing here holds file contents but those of package databases
// (`packageFiles`, bounded per image); memory grows with paths.

/** Kind of a tar member after whiteout markers are taken out. */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/**
 * What a file's first bytes say, found while streaming so that IG104 can name a secret without keeping it.
 * The value itself is never stored.
 */
export type SecretHint = 'private-key' | 'npm-token' | 'docker-auths';

export interface LayerEntry {
  /** Normalized path inside the image: no leading `./` or `/`, no trailing `/`, segments joined by `/`. */
  path: string;
  kind: EntryKind;
  /** Regular-file bytes (tar member size); 0 for everything else, hard links included. */
  size: number;
  /** Symlink or hard-link target as written in the tar. */
  linkTarget?: string;
  secret?: SecretHint;
}

export interface LayerSummary {
  /** Members in tar order, with `.wh.` markers taken out into `whiteouts` / `opaqueDirs`. */
  entries: LayerEntry[];
  /** Paths this layer deletes from the layers below (`dir/.wh.name` → `dir/name`). */
  whiteouts: string[];
  /** Directories whose lower-layer contents this layer hides (`dir/.wh..wh..opq` → `dir`). */
  opaqueDirs: string[];
  /**
   * The layer's size as the engine's classic store counts it (`docker history`, `docker image inspect`):
   * regular-file bytes with each hard-linked inode once, plus the length of every symlink's target.
   */
  size: number;
  /**
   * What the layer weighs compressed (gzip 6, zstd 3): a plain tar counted while it streamed past
   * (`tapCompressed` in compressed-size.ts), a compressed blob by its own bytes; absent when the reader did not
   * count (`SummarizeOptions.count`).
   */
  compressed?: CompressedSizes;
  /**
   * The bodies of this layer's package files (`isPackageFile` in package-files.ts: dpkg, apk, Python, npm and
   * gem metadata) by path; a path written twice in the layer keeps its last body. Absent when files were not
   * read.
   */
  packageFiles?: Map<string, Buffer>;
  /** Package files of this layer not kept because the image's budget for them was spent. */
  packageFilesDropped?: number;
}

/** One entry of the image config's `history`, oldest first. */
export interface HistoryEntry {
  createdBy: string;
  emptyLayer: boolean;
  comment?: string;
}

/** The parts of an image config (OCI / Docker image JSON) the analysis uses. */
export interface ImageConfigInfo {
  diffIds: string[];
  history: HistoryEntry[];
  /** Config.User, Config.Env and so on are not needed by the analysis core yet. */
}

/** An image as read from an archive or the engine, before analysis. */
export interface ImageData {
  /** What the user named (`app:pr`, `docker-archive:/tmp/a.tar`). */
  ref: string;
  /** `sha256:` digest of the image config (the engine's image id). */
  id: string;
  config: ImageConfigInfo;
  /**
   * Layer sizes in `diffIds` order, as the classic store counts them: from the engine's history on the
   * classic store, or computed from the layer contents whenever they were read (archives, the containerd
   * store, any read with files), so they are there even with `--no-files`. null only when neither is known.
   */
  layerSizes: number[] | null;
  /** Layer summaries in `diffIds` order; null when files were not read (`--no-files`). */
  layers: LayerSummary[] | null;
  /**
   * Compressed sizes in `diffIds` order, whenever the layers streamed past (also with `--no-files`): what a
   * reader fills from `LayerSummary.compressed`. Absent or null when not counted.
   */
  layerCompressed?: (CompressedSizes | null)[] | null;
}
