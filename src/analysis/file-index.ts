// The final filesystem of an image, flattened to what a file-level diff needs: every regular file (and hard
// link) with its bytes and the layer its version comes from, in one path order. It is made while the merged
// tree is at hand, kept with the analysis (and in the analysis cache), and is much smaller than the tree: two
// of them are compared without reading either image again.
import type { FsNode, Inode, MergedFilesystem } from './filesystem.js';

export interface FileIndex {
  /** Paths without the leading `/`, in path order (`comparePaths`). */
  paths: string[];
  /**
   * Regular-file bytes per path; a hard-linked inode counts once, at the first of its paths in path order
   * (its other paths 0), as `du` counts it.
   */
  sizes: number[];
  /** Image layer index (into `Image.layers`) of the version on top, per path. */
  layers: number[];
  /** Per image layer index, its diffId (null for an empty layer). */
  diffIds: (string | null)[];
}

/**
 * Path order: segment by segment, each segment by UTF-16 code units (what a directory listing sorted with `<`
 * gives). It differs from comparing whole strings where a name has a character below `/` (`a-b` vs `a/b`).
 */
export function comparePaths(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x === 0x2f) return -1;
    if (y === 0x2f) return 1;
    return x - y;
  }
  return a.length - b.length;
}

const byName = (x: FsNode, y: FsNode): number => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);

/** The index of a merged filesystem; `diffIds[i]` is the diffId of image layer i (null when empty). */
export function fileIndexOf(fs: MergedFilesystem, diffIds: readonly (string | null)[]): FileIndex {
  const paths: string[] = [];
  const sizes: number[] = [];
  const layers: number[] = [];
  const counted = new Set<Inode>();
  // Depth first, children by name, without recursion (paths may be thousands of levels deep).
  const stack: { prefix: string; nodes: FsNode[]; next: number }[] = [];
  const open = (node: FsNode, prefix: string) => {
    if (node.children && node.children.size > 0) {
      stack.push({ prefix, nodes: [...node.children.values()].sort(byName), next: 0 });
    }
  };
  open(fs.root, '');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.next++]!;
    const path = frame.prefix + node.name;
    if (node.kind === 'file' || node.kind === 'hardlink') {
      const inode = fs.inodes.size > 0 ? fs.inodes.get(node) : undefined;
      let size = node.kind === 'file' ? node.size : 0;
      if (inode) {
        size = counted.has(inode) ? 0 : inode.size;
        counted.add(inode);
      }
      paths.push(path);
      sizes.push(size);
      layers.push(node.layer);
    } else if (node.children) {
      open(node, `${path}/`);
    }
  }
  return { paths, sizes, layers, diffIds: [...diffIds] };
}
