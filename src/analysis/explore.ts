// What the HTML report lets a reader explore, kept with an analysis: the final filesystem as a tree with sizes
// and wasted bytes, and what each layer added, changed and deleted (as dive shows a layer). Both are bounded,
// whatever the image: the tree keeps its heaviest nodes and folds the rest of each directory into one row, a
// layer keeps its totals and its largest paths. Pure.
import type { EntryKind } from '../image/model.js';
import type { FsNode, LayerObserver, MergedFilesystem } from './filesystem.js';

/** Most tree nodes kept (a 100,000-file image keeps its 12,000 heaviest paths and sums up the rest). */
export const MAX_TREE_NODES = 12_000;
/** Largest paths kept per layer and kind of change. */
export const MAX_LAYER_PATHS = 40;

/**
 * One node of the tree, as an array so that the HTML report carries it compactly:
 * `[name, bytes, files, wastedBytes, layer, kind, children, folded]`.
 * - bytes: regular-file bytes at or below the node in the final filesystem;
 * - files: regular files and hard links at or below it;
 * - wastedBytes: bytes at or below this path that a later layer hid (a path no longer in the final
 *   filesystem is kept as kind `x` when it hid bytes);
 * - layer: the image layer (ImageLayer.index) of the version on top; -1 for a directory no layer listed;
 * - kind: `d` directory, `f` file, `l` symlink, `h` hard link, `o` other, `x` gone (deleted, bytes wasted);
 * - children: the kept children, heaviest first; null for a non-directory;
 * - folded: what was left out of this directory `[entries, bytes, files, wastedBytes]`, or null.
 */
export type TreeNode = [
  name: string,
  bytes: number,
  files: number,
  wasted: number,
  layer: number,
  kind: TreeKind,
  children: TreeNode[] | null,
  folded: [entries: number, bytes: number, files: number, wasted: number] | null,
];
export type TreeKind = 'd' | 'f' | 'l' | 'h' | 'o' | 'x';

export interface ChangeTotals {
  /** Non-directories (for `deleted`: non-directories taken away, whole trees counted). */
  count: number;
  bytes: number;
}

export interface LayerChanges {
  /** Image layer index (ImageLayer.index). */
  layer: number;
  added: ChangeTotals;
  changed: ChangeTotals;
  deleted: ChangeTotals;
  /** Largest paths per kind, biggest first: `[path, bytes]`; a deleted directory's path ends in `/` or `/*`. */
  top: { added: [string, number][]; changed: [string, number][]; deleted: [string, number][] };
}

export interface ImageExplore {
  /** The final filesystem from `/` (the root's name is ''). */
  tree: TreeNode;
  /** Nodes in the final filesystem and hidden paths before folding; the tree holds at most MAX_TREE_NODES. */
  nodes: number;
  /** Non-empty layers, oldest first. */
  layers: LayerChanges[];
}

type ChangeKind = 'added' | 'changed' | 'deleted';

/** Collects per-layer changes while mergeLayers stacks the layers. */
export class LayerChangeCollector implements LayerObserver {
  readonly #layers = new Map<number, LayerChanges>();
  readonly #limit: number;

  constructor(limit = MAX_LAYER_PATHS) {
    this.#limit = limit;
  }

  written(layer: number, path: string, size: number, existed: boolean): void {
    this.#add(layer, existed ? 'changed' : 'added', path, size, 1);
  }

  deleted(layer: number, path: string, bytes: number, files: number): void {
    this.#add(layer, 'deleted', path, bytes, files);
  }

  /** Every layer that was stacked, in the order of `indexes` (those without changes get zero totals). */
  result(indexes: readonly number[]): LayerChanges[] {
    return indexes.map((i) => this.#layers.get(i) ?? emptyChanges(i));
  }

  #add(layer: number, kind: ChangeKind, path: string, bytes: number, count: number): void {
    let l = this.#layers.get(layer);
    if (!l) {
      l = emptyChanges(layer);
      this.#layers.set(layer, l);
    }
    l[kind].count += count;
    l[kind].bytes += bytes;
    const top = l.top[kind];
    // Kept sorted, biggest first; most paths are smaller than the smallest kept and cost one comparison.
    if (top.length === this.#limit && bytes <= top[top.length - 1]![1]) return;
    let at = top.length;
    while (at > 0 && top[at - 1]![1] < bytes) at--;
    top.splice(at, 0, [path, bytes]);
    if (top.length > this.#limit) top.pop();
  }
}

function emptyChanges(layer: number): LayerChanges {
  return {
    layer,
    added: { count: 0, bytes: 0 },
    changed: { count: 0, bytes: 0 },
    deleted: { count: 0, bytes: 0 },
    top: { added: [], changed: [], deleted: [] },
  };
}

/** A node while the tree is put together: its totals, then its kept children. */
interface Work {
  name: string;
  bytes: number;
  files: number;
  wasted: number;
  layer: number;
  kind: TreeKind;
  children: Map<string, Work> | null;
}

const KIND: Record<EntryKind, TreeKind> = { file: 'f', dir: 'd', symlink: 'l', hardlink: 'h', other: 'o' };

/** The final filesystem as a bounded tree, wasted bytes marked on the paths that hid them. */
export function exploreTree(
  fs: MergedFilesystem,
  maxNodes = MAX_TREE_NODES,
): { tree: TreeNode; nodes: number } {
  const root = copyTree(fs.root);
  let nodes = countNodes(root);
  for (const [path, w] of fs.wasted) nodes += markWasted(root, path, w.bytes, [...w.layers]);
  sumUp(root);
  return { tree: fold(root, maxNodes), nodes };
}

/** A Work copy of the merged filesystem (explicit stack: a path may be thousands of levels deep). */
function copyTree(fsRoot: FsNode): Work {
  const root: Work = { name: '', bytes: 0, files: 0, wasted: 0, layer: -1, kind: 'd', children: new Map() };
  const stack: [FsNode, Work][] = [[fsRoot, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    if (!from.children) continue;
    for (const child of from.children.values()) {
      const dir = child.kind === 'dir' || child.kind === null;
      const kind: TreeKind = child.kind === null ? 'd' : KIND[child.kind];
      const work: Work = {
        name: child.name,
        bytes: kind === 'f' ? child.size : 0,
        files: kind === 'f' || kind === 'h' ? 1 : 0,
        wasted: 0,
        layer: child.kind === null ? -1 : child.layer,
        kind,
        children: dir ? new Map() : null,
      };
      to.children!.set(child.name, work);
      if (dir) stack.push([child, work]);
    }
  }
  return root;
}

function countNodes(root: Work): number {
  let n = 0;
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.children) continue;
    n += node.children.size;
    for (const c of node.children.values()) stack.push(c);
  }
  return n;
}

/** Adds the bytes hidden at `path` (`/a/b`) to the node there, made as a `gone` node when it is not there. */
function markWasted(root: Work, path: string, bytes: number, layers: number[]): number {
  let made = 0;
  let node = root;
  const parts = path.split('/').slice(1);
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    const last = i === parts.length - 1;
    if (!node.children) {
      // A file of the final filesystem where a hidden path had a directory: the waste is the file's.
      break;
    }
    let child = node.children.get(name);
    if (!child) {
      child = {
        name,
        bytes: 0,
        files: 0,
        wasted: 0,
        layer: last ? Math.max(...layers) : -1,
        kind: last ? 'x' : 'd',
        children: last ? null : new Map(),
      };
      node.children.set(name, child);
      made++;
    }
    node = child;
  }
  node.wasted += bytes;
  return made;
}

/** Directory totals from their children (post-order, explicit stack). */
function sumUp(root: Work): void {
  const order: Work[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    if (node.children) for (const c of node.children.values()) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    if (!node.children) continue;
    for (const c of node.children.values()) {
      node.bytes += c.bytes;
      node.files += c.files;
      node.wasted += c.wasted;
    }
  }
}

const weight = (w: Work): number => Math.max(w.bytes, w.wasted);

/**
 * Keeps the `maxNodes` heaviest nodes (weight: bytes or wasted bytes, whichever is more). A directory weighs at
 * least as much as any child, so the kept set always holds a kept node's ancestors; what a directory loses is
 * summed up in its `folded` row.
 */
function fold(root: Work, maxNodes: number): TreeNode {
  const weights: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root) weights.push(weight(node));
    if (node.children) for (const c of node.children.values()) stack.push(c);
  }
  let keep: (w: Work) => boolean = () => true;
  if (weights.length > maxNodes) {
    const sorted = Float64Array.from(weights).sort().reverse();
    const cut = sorted[maxNodes - 1]!;
    const atOrAbove = sorted.findLastIndex((w) => w >= cut) + 1;
    keep = atOrAbove > maxNodes ? (w) => weight(w) > cut : (w) => weight(w) >= cut;
  }
  const out = node(root);
  const pending: [Work, TreeNode][] = [[root, out]];
  while (pending.length > 0) {
    const [work, tree] = pending.pop()!;
    if (!work.children) continue;
    const kept: TreeNode[] = [];
    let folded: TreeNode[7] = null;
    const sorted = [...work.children.values()].sort(
      (a, b) => weight(b) - weight(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    for (const child of sorted) {
      if (keep(child)) {
        const t = node(child);
        kept.push(t);
        pending.push([child, t]);
      } else {
        folded ??= [0, 0, 0, 0];
        folded[0]++;
        folded[1] += child.bytes;
        folded[2] += child.files;
        folded[3] += child.wasted;
      }
    }
    tree[6] = kept;
    tree[7] = folded;
  }
  return out;
}

function node(w: Work): TreeNode {
  return [w.name, w.bytes, w.files, w.wasted, w.layer, w.kind, w.children ? [] : null, null];
}
