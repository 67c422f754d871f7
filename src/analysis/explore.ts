// What the HTML report lets a reader explore, kept with an analysis: the final filesystem as a tree with sizes
// and wasted bytes, and what each layer added, changed and deleted (as dive shows a layer). Both are bounded,
// whatever the image: the tree keeps its heaviest nodes and folds the rest of each directory into one row, a
// layer keeps its totals and its largest paths. Pure.
import type { EntryKind } from '../image/model.js';
import type { FsNode, LayerObserver, MergedFilesystem } from './filesystem.js';

/** Most tree nodes kept (a 100,000-file image keeps its 12,000 heaviest paths and sums up the rest). */
const MAX_TREE_NODES = 12_000;
/** Largest paths kept per layer and kind of change. */
const MAX_LAYER_PATHS = 40;

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
  children: Work[] | null;
  /** Children by name, made only for the directories a wasted path is looked up in. */
  byName?: Map<string, Work>;
}

const KIND: Record<EntryKind, TreeKind> = { file: 'f', dir: 'd', symlink: 'l', hardlink: 'h', other: 'o' };

/** The final filesystem as a bounded tree, wasted bytes marked on the paths that hid them. */
export function exploreTree(
  fs: MergedFilesystem,
  maxNodes = MAX_TREE_NODES,
): { tree: TreeNode; nodes: number } {
  const { root, count } = copyTree(fs.root);
  let nodes = count;
  for (const [path, w] of fs.wasted) nodes += markWasted(root, path, w.bytes, w.layers);
  return { tree: fold(root, nodes, maxNodes), nodes };
}

/**
 * A Work copy of the merged filesystem with each directory's bytes and files summed, in one post-order walk
 * (explicit stack: a path may be thousands of levels deep).
 */
function copyTree(fsRoot: FsNode): { root: Work; count: number } {
  const root: Work = { name: '', bytes: 0, files: 0, wasted: 0, layer: -1, kind: 'd', children: [] };
  let count = 0;
  const stack: { from: Iterator<FsNode>; to: Work }[] = [];
  if (fsRoot.children) stack.push({ from: fsRoot.children.values(), to: root });
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const next = top.from.next();
    if (next.done) {
      stack.pop();
      const parent = stack[stack.length - 1]?.to;
      if (parent) {
        parent.bytes += top.to.bytes;
        parent.files += top.to.files;
      }
      continue;
    }
    const child = next.value;
    count++;
    const kind: TreeKind = child.kind === null ? 'd' : KIND[child.kind];
    const work: Work = {
      name: child.name,
      bytes: kind === 'f' ? child.size : 0,
      files: kind === 'f' || kind === 'h' ? 1 : 0,
      wasted: 0,
      layer: child.kind === null ? -1 : child.layer,
      kind,
      children: kind === 'd' ? [] : null,
    };
    top.to.children!.push(work);
    if (kind === 'd') {
      if (child.children?.size) stack.push({ from: child.children.values(), to: work });
    } else {
      top.to.bytes += work.bytes;
      top.to.files += work.files;
    }
  }
  return { root, count };
}

/**
 * Adds the bytes hidden at `path` (`/a/b`) to the node there and to each directory above it; a path no longer
 * there is made as a `gone` node (under `gone` directories as needed). Returns the nodes made.
 */
function markWasted(root: Work, path: string, bytes: number, layers: Iterable<number>): number {
  let made = 0;
  let node = root;
  node.wasted += bytes;
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    // A file of the final filesystem where a hidden path had a directory: the waste stays with the file.
    if (!node.children) break;
    const name = parts[i]!;
    const last = i === parts.length - 1;
    node.byName ??= new Map(node.children.map((c) => [c.name, c]));
    let child = node.byName.get(name);
    if (!child) {
      child = {
        name,
        bytes: 0,
        files: 0,
        wasted: 0,
        layer: last ? Math.max(-1, ...layers) : -1,
        kind: last ? 'x' : 'd',
        children: last ? null : [],
      };
      node.children.push(child);
      node.byName.set(name, child);
      made++;
    }
    node = child;
    node.wasted += bytes;
  }
  return made;
}

const weight = (w: Work): number => Math.max(w.bytes, w.wasted);
const heavierFirst = (a: Work, b: Work): number =>
  weight(b) - weight(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Keeps the `maxNodes` heaviest nodes (weight: bytes or wasted bytes, whichever is more). A directory weighs at
 * least as much as any child, so the kept set always holds a kept node's ancestors; what a directory loses is
 * summed up in its `folded` row.
 */
function fold(root: Work, nodes: number, maxNodes: number): TreeNode {
  let keep: (w: Work) => boolean = () => true;
  if (nodes > maxNodes) {
    const weights = new Float64Array(nodes);
    let n = 0;
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!node.children) continue;
      for (const c of node.children) {
        weights[n++] = weight(c);
        if (c.children) stack.push(c);
      }
    }
    const sorted = weights.subarray(0, n).sort();
    const cut = sorted[n - maxNodes]!;
    let atOrAbove = 0;
    for (let i = n - 1; i >= 0 && sorted[i]! >= cut; i--) atOrAbove++;
    keep = atOrAbove > maxNodes ? (w) => weight(w) > cut : (w) => weight(w) >= cut;
  }
  const out = node(root);
  const pending: [Work, TreeNode][] = [[root, out]];
  while (pending.length > 0) {
    const [work, tree] = pending.pop()!;
    if (!work.children) continue;
    const kept: Work[] = [];
    let folded: TreeNode[7] = null;
    for (const child of work.children) {
      if (keep(child)) kept.push(child);
      else {
        folded ??= [0, 0, 0, 0];
        folded[0]++;
        folded[1] += child.bytes;
        folded[2] += child.files;
        folded[3] += child.wasted;
      }
    }
    kept.sort(heavierFirst);
    tree[6] = kept.map((child) => {
      const t = node(child);
      pending.push([child, t]);
      return t;
    });
    tree[7] = folded;
  }
  return out;
}

function node(w: Work): TreeNode {
  return [w.name, w.bytes, w.files, w.wasted, w.layer, w.kind, w.children ? [] : null, null];
}
