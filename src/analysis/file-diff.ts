// The file-level diff of two final filesystems, base → head: one pass over both file indexes in path order
// (a merge), summing each change into its directories as `du` sums a tree. Directories are opened and closed
// as the paths go by, so memory beyond the two indexes grows with the depth of the tree and the lists kept,
// not with the number of files.
import type {
  ChangeTotal,
  DirectoryChange,
  FileChange,
  FileChangeKind,
  FileDiff,
  FileDiffLimits,
} from '../core/report.js';
import { comparePaths, type FileIndex } from './file-index.js';

export const DEFAULT_DIFF_LIMITS: FileDiffLimits = {
  directories: 20,
  files: 20,
  largest: 20,
  filesPerDirectory: 5,
};

/**
 * A directory is listed when no single subdirectory holds this share of its change or more; otherwise it
 * would only stand for that subdirectory (`/usr/lib/gcc` for `/usr/lib/gcc/x86_64-linux-gnu/12`).
 */
const FAN_OUT = 0.5;

/** One directory while its files go by. */
interface Frame {
  /** Without the leading `/`; '' for the root. */
  path: string;
  added: ChangeTotal;
  removed: ChangeTotal;
  grown: ChangeTotal;
  shrunk: ChangeTotal;
  /** The largest churn of one of its subdirectories. */
  maxChild: number;
  largest: FileChange[];
}

const total = (): ChangeTotal => ({ files: 0, bytes: 0 });
const churnOf = (f: Pick<Frame, 'added' | 'removed' | 'grown' | 'shrunk'>): number =>
  f.added.bytes + f.removed.bytes + f.grown.bytes + f.shrunk.bytes;
const byDelta = (a: FileChange, b: FileChange): number =>
  Math.abs(b.delta) - Math.abs(a.delta) || comparePaths(a.path, b.path);
const byHeadSize = (a: FileChange, b: FileChange): number =>
  (b.headSize ?? 0) - (a.headSize ?? 0) || comparePaths(a.path, b.path);

/** Puts `item` into `list` (kept sorted by `order`, at most `limit` long). */
function keepTop(list: FileChange[], item: FileChange, limit: number, order: typeof byDelta): void {
  if (limit <= 0) return;
  if (list.length === limit && order(item, list[limit - 1]!) >= 0) return;
  let i = list.length;
  list.push(item);
  while (i > 0 && order(item, list[i - 1]!) < 0) {
    list[i] = list[i - 1]!;
    i--;
  }
  list[i] = item;
  if (list.length > limit) list.pop();
}

function addTotal(into: ChangeTotal, from: ChangeTotal): void {
  into.files += from.files;
  into.bytes += from.bytes;
}

/** Compares the final filesystems of two images. Pure; `limits` cut the lists, never the totals. */
export function diffFilesystems(
  base: FileIndex,
  head: FileIndex,
  limits: FileDiffLimits = DEFAULT_DIFF_LIMITS,
): FileDiff {
  const baseDiffIds = new Set(base.diffIds.filter((d): d is string => d !== null));
  const layerChanged = (layer: number): boolean => {
    const diffId = head.diffIds[layer];
    return diffId === null || diffId === undefined || !baseDiffIds.has(diffId);
  };

  const files: FileChange[] = [];
  const largest: FileChange[] = [];
  const candidates: { path: string; churn: number; change: DirectoryChange }[] = [];
  const root = newFrame('');
  const stack: Frame[] = [root];

  const close = (): void => {
    const frame = stack.pop()!;
    const parent = stack[stack.length - 1];
    const churn = churnOf(frame);
    if (churn > 0 && frame.maxChild < FAN_OUT * churn) {
      candidates.push({ path: frame.path, churn, change: directoryChange(frame) });
    }
    if (!parent) return;
    addTotal(parent.added, frame.added);
    addTotal(parent.removed, frame.removed);
    addTotal(parent.grown, frame.grown);
    addTotal(parent.shrunk, frame.shrunk);
    parent.maxChild = Math.max(parent.maxChild, churn);
    for (const f of frame.largest) keepTop(parent.largest, f, limits.filesPerDirectory, byDelta);
  };

  /** Makes the top of the stack the directory of `path`, closing the ones the walk has left. */
  const enter = (path: string): Frame => {
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '' : path.slice(0, slash);
    for (;;) {
      const top = stack[stack.length - 1]!;
      if (top.path === dir) return top;
      if (top.path === '' || (dir.startsWith(top.path) && dir.charCodeAt(top.path.length) === 0x2f)) {
        // Open the directories between `top` and `dir`, one segment at a time.
        let from = top.path === '' ? 0 : top.path.length + 1;
        for (;;) {
          const end = dir.indexOf('/', from);
          const next = end < 0 ? dir : dir.slice(0, end);
          stack.push(newFrame(next));
          if (end < 0) return stack[stack.length - 1]!;
          from = end + 1;
        }
      }
      close();
    }
  };

  const record = (
    path: string,
    baseSize: number | null,
    headSize: number | null,
    layer: number | null,
  ): void => {
    const delta = (headSize ?? 0) - (baseSize ?? 0);
    const changedLayer = layer !== null && layerChanged(layer);
    let kind: FileChangeKind;
    if (baseSize === null) kind = 'added';
    else if (headSize === null) kind = 'removed';
    else if (delta > 0) kind = 'grown';
    else if (delta < 0) kind = 'shrunk';
    else kind = 'same-size';
    if (kind === 'same-size' && !changedLayer) return;
    const change: FileChange = {
      path: `/${path}`,
      change: kind,
      baseSize,
      headSize,
      delta,
      layer,
      layerChanged: changedLayer,
    };
    if (headSize !== null && (kind === 'added' || kind === 'grown' || changedLayer)) {
      keepTop(largest, change, limits.largest, byHeadSize);
    }
    if (kind === 'same-size') return;
    const frame = enter(path);
    const bytes = Math.abs(delta);
    const t =
      kind === 'added'
        ? frame.added
        : kind === 'removed'
          ? frame.removed
          : kind === 'grown'
            ? frame.grown
            : frame.shrunk;
    t.files++;
    t.bytes += bytes;
    keepTop(frame.largest, change, limits.filesPerDirectory, byDelta);
    keepTop(files, change, limits.files, byDelta);
  };

  let i = 0;
  let j = 0;
  while (i < base.paths.length || j < head.paths.length) {
    const b = base.paths[i];
    const h = head.paths[j];
    const order = b === undefined ? 1 : h === undefined ? -1 : comparePaths(b, h);
    if (order < 0) {
      record(b!, base.sizes[i]!, null, null);
      i++;
    } else if (order > 0) {
      record(h!, null, head.sizes[j]!, head.layers[j]!);
      j++;
    } else {
      record(h!, base.sizes[i]!, head.sizes[j]!, head.layers[j]!);
      i++;
      j++;
    }
  }
  while (stack.length > 0) close();

  // The biggest first, nested ones too (as `du` lists them). The root only when nothing else qualifies: it
  // says no more than the totals.
  candidates.sort((x, y) => y.churn - x.churn || comparePaths(x.path, y.path));
  const inner = candidates.filter((c) => c.path !== '');
  const directories = (inner.length > 0 ? inner : candidates)
    .slice(0, Math.max(0, limits.directories))
    .map((c) => c.change);

  const sideTotal = (index: FileIndex): ChangeTotal => {
    let bytes = 0;
    for (const size of index.sizes) bytes += size;
    return { files: index.paths.length, bytes };
  };
  const baseTotal = sideTotal(base);
  const headTotal = sideTotal(head);
  return {
    added: { ...root.added },
    removed: { ...root.removed },
    grown: { ...root.grown },
    shrunk: { ...root.shrunk },
    net: headTotal.bytes - baseTotal.bytes,
    base: baseTotal,
    head: headTotal,
    directories,
    files,
    largest,
    limits: { ...limits },
  };
}

function newFrame(path: string): Frame {
  return {
    path,
    added: total(),
    removed: total(),
    grown: total(),
    shrunk: total(),
    maxChild: 0,
    largest: [],
  };
}

function directoryChange(frame: Frame): DirectoryChange {
  return {
    path: `/${frame.path}`,
    net: frame.added.bytes + frame.grown.bytes - frame.removed.bytes - frame.shrunk.bytes,
    added: frame.added,
    removed: frame.removed,
    grown: frame.grown,
    shrunk: frame.shrunk,
    largest: frame.largest,
  };
}
