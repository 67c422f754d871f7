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
  Package,
  PackageEcosystem,
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

/** A directory that may be listed. */
interface Candidate {
  /** Without the leading `/`; '' for the root. */
  path: string;
  churn: number;
  change: DirectoryChange;
}

/** One directory while its files go by. */
interface Frame {
  /** Without the leading `/`; '' for the root. */
  path: string;
  added: ChangeTotal;
  removed: ChangeTotal;
  grown: ChangeTotal;
  shrunk: ChangeTotal;
  /** Files below it in the base and in the head, changed or not. */
  baseFiles: number;
  headFiles: number;
  /** The largest churn of one of its subdirectories, and that subdirectory's unit (see `close`). */
  maxChild: number;
  maxChildUnit: Candidate | null;
  /** Units of its subdirectories, listed unless this directory turns out to be one unit with them. */
  units: Candidate[];
  largest: FileChange[];
  /** Churn bytes below it per owning package (`ownerKey`), when packages were read on both sides. */
  owned: Map<string, number> | null;
}

/** The packages of both images, for naming the package that owns a directory's churn. */
export interface DiffPackages {
  base: readonly Package[] | null | undefined;
  head: readonly Package[] | null | undefined;
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

/**
 * Compares the final filesystems of two images. Pure; `limits` cut the lists, never the totals. With the
 * images' packages and both indexes' `owners`, each listed directory names the package that owns more than
 * half of its churn: added and grown bytes by their owner in the head, removed and shrunk ones in the base.
 */
export function diffFilesystems(
  base: FileIndex,
  head: FileIndex,
  limits: FileDiffLimits = DEFAULT_DIFF_LIMITS,
  packages?: DiffPackages,
): FileDiff {
  const owning = ownership(base, head, packages);
  const baseDiffIds = new Set(base.diffIds.filter((d): d is string => d !== null));
  const layerChanged = (layer: number): boolean => {
    const diffId = head.diffIds[layer];
    return diffId === null || diffId === undefined || !baseDiffIds.has(diffId);
  };

  const files: FileChange[] = [];
  const largest: FileChange[] = [];
  const fanOuts: Candidate[] = [];
  let units: Candidate[] = [];
  const newFrame = (path: string): Frame => ({
    path,
    added: total(),
    removed: total(),
    grown: total(),
    shrunk: total(),
    baseFiles: 0,
    headFiles: 0,
    maxChild: 0,
    maxChildUnit: null,
    units: [],
    largest: [],
    owned: owning ? new Map() : null,
  });
  const directoryChange = (frame: Frame, wholly: 'added' | 'removed' | null): DirectoryChange => ({
    path: `/${frame.path}`,
    wholly,
    net: frame.added.bytes + frame.grown.bytes - frame.removed.bytes - frame.shrunk.bytes,
    added: frame.added,
    removed: frame.removed,
    grown: frame.grown,
    shrunk: frame.shrunk,
    largest: frame.largest,
    ...(owning ? { owner: owning.ownerOf(frame.owned!, churnOf(frame)) } : {}),
  });
  const root = newFrame('');
  const stack: Frame[] = [root];

  // A directory whose files are all new (none of them in the base), or all gone, is one unit: the topmost
  // such directory is listed (through directories that hold nothing but one subdirectory: `/opt` → `/opt/venv`)
  // and nothing inside it. Elsewhere a directory is listed when its churn fans out (FAN_OUT).
  const close = (): void => {
    const frame = stack.pop()!;
    const parent = stack[stack.length - 1];
    const churn = churnOf(frame);
    const whole =
      frame.baseFiles === 0 && frame.headFiles > 0
        ? 'added'
        : frame.headFiles === 0 && frame.baseFiles > 0
          ? 'removed'
          : null;
    let unit: Candidate | null = null;
    if (whole && churn > 0) {
      unit =
        frame.maxChild === churn && frame.maxChildUnit
          ? frame.maxChildUnit
          : { path: frame.path, churn, change: directoryChange(frame, whole) };
    } else {
      if (!parent) units.push(...frame.units);
      else parent.units.push(...frame.units);
      if (churn > 0 && frame.maxChild < FAN_OUT * churn) {
        fanOuts.push({ path: frame.path, churn, change: directoryChange(frame, null) });
      }
    }
    if (!parent) {
      if (unit) units = [unit];
      return;
    }
    if (unit) parent.units.push(unit);
    addTotal(parent.added, frame.added);
    addTotal(parent.removed, frame.removed);
    addTotal(parent.grown, frame.grown);
    addTotal(parent.shrunk, frame.shrunk);
    parent.baseFiles += frame.baseFiles;
    parent.headFiles += frame.headFiles;
    if (frame.owned && parent.owned) {
      for (const [key, bytes] of frame.owned) parent.owned.set(key, (parent.owned.get(key) ?? 0) + bytes);
    }
    if (churn > parent.maxChild) {
      parent.maxChild = churn;
      parent.maxChildUnit = unit;
    }
    for (const f of frame.largest) keepTop(parent.largest, f, limits.filesPerDirectory, byDelta);
  };

  /** Makes the top of the stack the directory of `path`, closing the ones the walk has left. */
  const enter = (path: string): Frame => {
    const slash = path.lastIndexOf('/');
    const current = stack[stack.length - 1]!;
    // Most paths are in the directory of the path before: no string is made for them.
    if (slash < 0 ? current.path === '' : current.path.length === slash && path.startsWith(current.path)) {
      return current;
    }
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
    baseAt: number,
    headAt: number,
  ): void => {
    const delta = (headSize ?? 0) - (baseSize ?? 0);
    const changedLayer = layer !== null && layerChanged(layer);
    let kind: FileChangeKind;
    if (baseSize === null) kind = 'added';
    else if (headSize === null) kind = 'removed';
    else if (delta > 0) kind = 'grown';
    else if (delta < 0) kind = 'shrunk';
    else kind = 'same-size';
    const frame = enter(path);
    if (baseSize !== null) frame.baseFiles++;
    if (headSize !== null) frame.headFiles++;
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
    if (owning && bytes > 0) {
      const key = kind === 'added' || kind === 'grown' ? owning.head[headAt] : owning.base[baseAt];
      if (key !== undefined) frame.owned!.set(key, (frame.owned!.get(key) ?? 0) + bytes);
    }
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
      record(b!, base.sizes[i]!, null, null, i, -1);
      i++;
    } else if (order > 0) {
      record(h!, null, head.sizes[j]!, head.layers[j]!, -1, j);
      j++;
    } else {
      record(h!, base.sizes[i]!, head.sizes[j]!, head.layers[j]!, i, j);
      i++;
      j++;
    }
  }
  while (stack.length > 0) close();

  // The biggest first, nested ones too (as `du` lists them), none inside a unit. The root only when nothing
  // else qualifies: it says no more than the totals.
  const inUnit = (path: string): boolean =>
    units.some((u) => u.path === '' || path === u.path || path.startsWith(`${u.path}/`));
  const candidates = [...units, ...fanOuts.filter((c) => !inUnit(c.path))];
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

/** A package's identity for ownership: ecosystem and name (an upgrade's old and new files are one owner's). */
const ownerKey = (p: Pick<Package, 'ecosystem' | 'name'>): string => `${p.ecosystem}\u0000${p.name}`;

/**
 * Per path of each index, the key of the package that owns it (undefined for none), and how a directory's
 * owner is told from its tally; null when either side lacks its packages or its owners.
 */
function ownership(base: FileIndex, head: FileIndex, packages: DiffPackages | undefined) {
  if (!packages?.base || !packages.head || !base.owners || !head.owners) return null;
  const names = new Map<string, { ecosystem: PackageEcosystem; name: string }>();
  const keysOf = (index: FileIndex, list: readonly Package[]): (string | undefined)[] => {
    const keys = list.map((p) => {
      const key = ownerKey(p);
      names.set(key, { ecosystem: p.ecosystem, name: p.name });
      return key;
    });
    return index.owners!.map((o) => (o >= 0 ? keys[o] : undefined));
  };
  return {
    base: keysOf(base, packages.base),
    head: keysOf(head, packages.head),
    /** The package owning more than half of `churn`, with the bytes of it that it owns; null when none does. */
    ownerOf(owned: Map<string, number>, churn: number): DirectoryChange['owner'] {
      let best: string | null = null;
      let most = 0;
      for (const [key, bytes] of owned) {
        if (bytes > most || (bytes === most && best !== null && key < best)) {
          best = key;
          most = bytes;
        }
      }
      if (best === null || most * 2 <= churn) return null;
      return { ...names.get(best)!, bytes: most };
    },
  };
}
