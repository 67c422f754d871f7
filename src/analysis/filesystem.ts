import type { FileEntryRef, WastedEntry } from '../core/report.js';
import type { EntryKind, LayerEntry, LayerSummary, SecretHint } from '../image/model.js';
import { normalizeHardlinkTarget } from '../image/tar-paths.js';

/** A path of the merged filesystem and the version of it that is on top so far. */
export interface FsNode {
  name: string;
  parent: FsNode | null;
  /** null: a directory that exists only because something below it does. */
  kind: EntryKind | null;
  size: number;
  /** Image layer index (ImageLayer.index) of the version on top. */
  layer: number;
  secret?: SecretHint;
  children: Map<string, FsNode> | null;
}

export interface MergedFilesystem {
  root: FsNode;
  totalBytes: number;
  wastedBytes: number;
  /** Every path whose bytes a later layer hid, with the layers that wrote and hid them. */
  wasted: Map<string, { bytes: number; layers: Set<number> }>;
  /**
   * Paths of the final filesystem that share an inode through a hard link, each with its inode (one object per
   * inode, holding its size). A path written again later leaves its inode, as overlayfs's copy-up breaks the
   * link. Nodes a whiteout detached may stay in the map; they are not in the tree.
   */
  inodes: Map<FsNode, Inode>;
}

/** A regular file's bytes shared by the paths hard-linked to it. */
export interface Inode {
  size: number;
}

const isDir = (n: FsNode): boolean => n.kind === 'dir' || n.kind === null;

export function pathOf(node: FsNode): string {
  const parts: string[] = [];
  for (let n: FsNode | null = node; n?.parent; n = n.parent) parts.push(n.name);
  return `/${parts.reverse().join('/')}`;
}

/**
 * What each layer does to the filesystem below it, as dive shows a layer: told while the layers are stacked, so
 * that knowing it costs no second pass. Paths are absolute (`/usr/bin/x`).
 */
export interface LayerObserver {
  /** A non-directory written: `existed` when something (a file, a directory) was at the path below. */
  written(layer: number, path: string, size: number, existed: boolean): void;
  /** A whiteout or an opaque directory (`path` then ends in `/*`) took away what was below. */
  deleted(layer: number, path: string, bytes: number, files: number): void;
}

/**
 * Stacks the layers as the engine's overlay does and counts what each one hides of those below: a path
 * written again, a path or one of its ancestors replaced by something else, a whiteout, an opaque directory.
 * `layerIndexes[i]` is the image layer index of `layers[i]`.
 */
export function mergeLayers(
  layers: readonly LayerSummary[],
  layerIndexes: readonly number[],
  observer?: LayerObserver,
): MergedFilesystem {
  const overlay = new Overlay(observer);
  layers.forEach((layer, i) => {
    const by = layerIndexes[i] ?? i;
    overlay.clearOpaqueDirs(layer.opaqueDirs, by);
    overlay.removeWhiteouts(layer.whiteouts, by);
    overlay.addEntries(layer.entries, by);
  });
  const { root, totalBytes, wastedBytes, wasted, inodes } = overlay;
  return { root, totalBytes, wastedBytes, wasted, inodes };
}

/** The merged filesystem while layers are stacked on it, and the bytes hidden so far. */
class Overlay implements MergedFilesystem {
  readonly root: FsNode = { name: '', parent: null, kind: 'dir', size: 0, layer: -1, children: new Map() };
  readonly wasted = new Map<string, { bytes: number; layers: Set<number> }>();
  readonly inodes = new Map<FsNode, Inode>();
  totalBytes = 0;
  wastedBytes = 0;
  // Members come grouped by directory: the directory of the previous entry is remembered, so a sibling
  // costs one lookup instead of one per path segment. Anything that could detach or replace a directory
  // (a non-directory written over a node with children) forgets it.
  #cachedDir = '';
  #cachedNode: FsNode | null = null;
  readonly #observer: LayerObserver | undefined;
  /** Non-directories hidden so far (what an observer is told a deletion took). */
  #hiddenCount = 0;

  constructor(observer?: LayerObserver) {
    this.#observer = observer;
  }

  clearOpaqueDirs(dirs: readonly string[], by: number): void {
    for (const dir of dirs) {
      const node = this.#lookup(dir);
      if (!node || !isDir(node)) continue;
      const had = node.children?.size ?? 0;
      const [bytes, count] = [this.wastedBytes, this.#hiddenCount];
      this.#hideChildren(node, by);
      if (had > 0) {
        const path = dir === '' ? '/*' : `/${dir}/*`;
        this.#observer?.deleted(by, path, this.wastedBytes - bytes, this.#hiddenCount - count);
      }
    }
  }

  removeWhiteouts(paths: readonly string[], by: number): void {
    for (const gone of paths) {
      const node = this.#lookup(gone);
      if (!node?.parent) continue;
      const [bytes, count] = [this.wastedBytes, this.#hiddenCount];
      this.#hideTree(node, by);
      node.parent.children?.delete(node.name);
      this.#observer?.deleted(by, `/${gone}`, this.wastedBytes - bytes, this.#hiddenCount - count);
    }
  }

  addEntries(entries: readonly LayerEntry[], by: number): void {
    this.#cachedDir = '';
    this.#cachedNode = null;
    for (const entry of entries) {
      if (entry.path === '') continue;
      if (entry.kind === 'file') this.totalBytes += entry.size;
      this.#put(entry, by);
      if (entry.kind === 'hardlink') this.#link(entry);
    }
  }

  /**
   * Joins a hard link to its target's inode as the tar goes (a tar names the target before the link; the link
   * takes the target as it is at that point, as applying the layer does). A target that is not a file or a
   * link of the tree is left alone: the link then weighs nothing, as its tar member does.
   */
  #link(entry: LayerEntry): void {
    const link = findPath(this.root, entry.path);
    if (link?.kind !== 'hardlink') return;
    let targetPath: string;
    try {
      targetPath = normalizeHardlinkTarget(entry.linkTarget ?? '');
    } catch {
      return;
    }
    const target = findPath(this.root, targetPath);
    if (!target || target === link) return;
    let inode = this.inodes.get(target);
    if (!inode) {
      if (target.kind !== 'file') return;
      inode = { size: target.size };
      this.inodes.set(target, inode);
    }
    this.inodes.set(link, inode);
  }

  /** Writes one entry: walks (or creates) its parent directories, then puts it on top of what was there. */
  #put(entry: LayerEntry, by: number): void {
    const path = entry.path;
    const slash = path.lastIndexOf('/');
    let node = this.root;
    let from = 0;
    const cached = this.#cachedNode;
    if (cached !== null && slash === this.#cachedDir.length && path.startsWith(this.#cachedDir)) {
      node = cached;
      from = slash + 1;
    }
    for (;;) {
      const end = path.indexOf('/', from);
      const last = end < 0;
      const name = last ? path.slice(from) : path.slice(from, end);
      if (!node.children) node.children = new Map();
      let child = node.children.get(name);
      if (!child) {
        child = { name, parent: node, kind: null, size: 0, layer: by, children: null };
        node.children.set(name, child);
      } else if (!last && !isDir(child)) {
        // A file where this layer needs a directory: the file is replaced.
        this.#hide(child, by);
        this.inodes.delete(child);
        child.kind = null;
        child.size = 0;
        child.secret = undefined;
      }
      if (last) {
        this.#replace(child, entry, by);
        return;
      }
      node = child;
      from = end + 1;
      if (end === slash) {
        this.#cachedDir = path.slice(0, slash);
        this.#cachedNode = node;
      }
    }
  }

  /** Puts `entry` on top of `node`, hiding what it replaces. */
  #replace(node: FsNode, entry: LayerEntry, by: number): void {
    if (this.inodes.size > 0) this.inodes.delete(node);
    if (entry.kind === 'dir') {
      if (!isDir(node)) this.#hide(node, by);
      node.kind = 'dir';
    } else {
      const existed = node.kind !== null || (node.children?.size ?? 0) > 0;
      this.#observer?.written(by, `/${entry.path}`, entry.kind === 'file' ? entry.size : 0, existed);
      if (existed) {
        this.#hide(node, by);
        this.#hideChildren(node, by);
      }
      if (node.children !== null || node === this.#cachedNode) this.#cachedNode = null;
      node.kind = entry.kind;
      node.children = null;
    }
    node.size = entry.kind === 'file' ? entry.size : 0;
    node.layer = by;
    node.secret = entry.secret;
  }

  #lookup(path: string): FsNode | undefined {
    return path === '' ? this.root : findPath(this.root, path);
  }

  // The path of what is hidden is spelled out only when it holds bytes: most hidden nodes are directories.
  #hide(node: FsNode, by: number): void {
    if (node.kind !== null && node.kind !== 'dir') this.#hiddenCount++;
    if (node.kind === 'file' && node.size > 0) {
      const path = pathOf(node);
      let w = this.wasted.get(path);
      if (!w) {
        w = { bytes: 0, layers: new Set() };
        this.wasted.set(path, w);
      }
      w.bytes += node.size;
      w.layers.add(node.layer);
      w.layers.add(by);
      this.wastedBytes += node.size;
    }
  }

  /** Hides a node and everything below it (without recursion: a path may be thousands of levels deep). */
  #hideTree(node: FsNode, by: number): void {
    this.#hide(node, by);
    for (const child of walk(node)) this.#hide(child, by);
  }

  #hideChildren(node: FsNode, by: number): void {
    if (!node.children) return;
    for (const child of walk(node)) this.#hide(child, by);
    node.children.clear();
  }
}

/** The node at a normalized path (`var/lib/apt/lists`) of the final filesystem, if any. */
export function findPath(root: FsNode, path: string): FsNode | undefined {
  let node: FsNode | undefined = root;
  for (const part of path.split('/')) {
    node = node.children?.get(part);
    if (!node) return undefined;
  }
  return node;
}

/** Visits every node of the final filesystem below `node`, depth first. */
export function* walk(node: FsNode): Generator<FsNode> {
  // An explicit stack: nested generators would cost a hop per level for every node.
  const stack: Iterator<FsNode>[] = [];
  if (node.children) stack.push(node.children.values());
  while (stack.length > 0) {
    const next = stack[stack.length - 1]!.next();
    if (next.done) {
      stack.pop();
      continue;
    }
    const child = next.value;
    yield child;
    if (child.children) stack.push(child.children.values());
  }
}

/** The `limit` largest items by `size`, biggest first, ties broken by `key` for a stable order. */
function topBy<T>(items: Iterable<T>, limit: number, size: (t: T) => number, key: (t: T) => string): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === limit && size(item) <= size(top[top.length - 1]!)) continue;
    top.push(item);
    top.sort((a, b) => size(b) - size(a) || key(a).localeCompare(key(b)));
    if (top.length > limit) top.pop();
  }
  return top;
}

export function largestFiles(root: FsNode, limit = 20): { fileCount: number; largest: FileEntryRef[] } {
  let fileCount = 0;
  const files: FsNode[] = [];
  for (const node of walk(root)) {
    if (node.kind === 'file' || node.kind === 'hardlink') fileCount++;
    if (node.kind === 'file') files.push(node);
  }
  const largest = topBy(files, limit, (n) => n.size, pathOf).map((n) => ({
    path: pathOf(n),
    size: n.size,
    layer: n.layer,
  }));
  return { fileCount, largest };
}

export function biggestWasters(fs: MergedFilesystem, limit = 20): WastedEntry[] {
  const items = [...fs.wasted].map(([path, w]) => ({
    path,
    bytes: w.bytes,
    layers: [...w.layers].sort((a, b) => a - b),
  }));
  return topBy(
    items,
    limit,
    (w) => w.bytes,
    (w) => w.path,
  );
}
