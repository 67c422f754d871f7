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
  /**
   * Per path, the index into the image's `packages` of the package that owns the file, -1 for none; absent when
   * packages were not read (and in cache entries written before they were).
   */
  owners?: number[];
}

/**
 * Path order: segment by segment, each segment by UTF-16 code units (what a directory listing sorted with `<`
 * gives). It differs from comparing whole strings where a name has a character below `/` (`a-b` vs `a/b`).
 */
export function comparePaths(left: string, right: string): number {
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const x = left.charCodeAt(i);
    const y = right.charCodeAt(i);
    if (x === y) continue;
    if (x === 0x2f) return -1;
    if (y === 0x2f) return 1;
    return x - y;
  }
  return left.length - right.length;
}

/** The index of a merged filesystem; `diffIds[i]` is the diffId of image layer i (null when empty). */
export function fileIndexOf(fs: MergedFilesystem, diffIds: readonly (string | null)[]): FileIndex {
  const paths: string[] = [];
  const sizes: number[] = [];
  const layers: number[] = [];
  const counted = new Set<Inode>();
  // Depth first, children by name, without recursion (paths may be thousands of levels deep).
  const stack: { prefix: string; children: Map<string, FsNode>; names: string[]; next: number }[] = [];
  const open = (node: FsNode, prefix: string) => {
    if (node.children && node.children.size > 0) {
      // The default sort compares UTF-16 code units, as `comparePaths` does within a segment, without a call
      // per comparison.
      stack.push({ prefix, children: node.children, names: [...node.children.keys()].sort(), next: 0 });
    }
  };
  open(fs.root, '');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.names.length) {
      stack.pop();
      continue;
    }
    const name = frame.names[frame.next++]!;
    const node = frame.children.get(name)!;
    const path = frame.prefix + name;
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
