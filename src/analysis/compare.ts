import type { Delta, Image, ImageLayer, LayerRow } from '../core/report.js';
import { instructionKind, normalizeInstruction } from './layers.js';

export interface Comparison {
  rows: LayerRow[];
  delta: Delta;
}

/** Longest common subsequence of two sequences under `same`, as index pairs in order. */
function lcs<A, B>(a: readonly A[], b: readonly B[], same: (x: A, y: B) => boolean): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] = same(a[i]!, b[j]!) ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (same(a[i]!, b[j]!)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

const tokens = (s: string): Set<string> => new Set(s.split(/[\s&|;]+/).filter(Boolean));

/** How alike two instructions read, 0..1 (Jaccard over words). */
function similarity(first: string, second: string): number {
  if (first === second) return 1;
  const ta = tokens(first);
  const tb = tokens(second);
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  const union = ta.size + tb.size - common;
  return union === 0 ? 0 : common / union;
}

/**
 * Pairs the layers of one gap between identical layers: only layers of the same instruction kind pair up,
 * and the pairing that keeps order and makes the most alike pairs wins, so an edited RUN reads `changed`
 * rather than `removed` + `added`, and a RUN inserted before it reads `added`.
 */
function alignGap(base: readonly ImageLayer[], head: readonly ImageLayer[]): [number, number][] {
  const n = base.length;
  const m = head.length;
  if (n === 0 || m === 0) return [];
  const text = (l: ImageLayer) => normalizeInstruction(l.createdBy);
  const score = (i: number, j: number): number => {
    const a = base[i]!;
    const b = head[j]!;
    if (instructionKind(a.createdBy) !== instructionKind(b.createdBy)) return -1;
    // Words first; sizes break ties between instructions that share no words (`COPY . .` is closer to
    // `COPY app/ app/` of a similar size than to a venv copied from a builder).
    const sizes = Math.max(a.size, b.size) === 0 ? 1 : Math.min(a.size, b.size) / Math.max(a.size, b.size);
    return 1 + similarity(text(a), text(b)) + 0.25 * sizes;
  };
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      dp[i]![j] = Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!, s > 0 ? s + dp[i + 1]![j + 1]! : -Infinity);
    }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    const s = score(i, j);
    if (s > 0 && dp[i]![j] === s + dp[i + 1]![j + 1]!) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i]![j] === dp[i + 1]![j]) i++;
    else j++;
  }
  return pairs;
}

const row = (status: LayerRow['status'], base: ImageLayer | null, head: ImageLayer | null): LayerRow => ({
  status,
  base: base?.index ?? null,
  head: head?.index ?? null,
  createdBy: normalizeInstruction((head ?? base)?.createdBy ?? ''),
  baseSize: base?.size ?? null,
  headSize: head?.size ?? null,
  delta: (head?.size ?? 0) - (base?.size ?? 0),
});

/** Aligns the non-empty layers of base and head, oldest first. */
export function alignLayers(base: readonly ImageLayer[], head: readonly ImageLayer[]): LayerRow[] {
  const b = base.filter((l) => !l.empty);
  const h = head.filter((l) => !l.empty);
  const anchors = lcs(b, h, (x, y) => x.diffId !== null && x.diffId === y.diffId);
  const rows: LayerRow[] = [];
  let bi = 0;
  let hi = 0;
  const fillGap = (bEnd: number, hEnd: number): void => {
    const gb = b.slice(bi, bEnd);
    const gh = h.slice(hi, hEnd);
    let i = 0;
    let j = 0;
    for (const [pi, pj] of alignGap(gb, gh)) {
      for (; i < pi; i++) rows.push(row('removed', gb[i]!, null));
      for (; j < pj; j++) rows.push(row('added', null, gh[j]!));
      rows.push(row('changed', gb[i++]!, gh[j++]!));
    }
    for (; i < gb.length; i++) rows.push(row('removed', gb[i]!, null));
    for (; j < gh.length; j++) rows.push(row('added', null, gh[j]!));
  };
  for (const [ai, aj] of anchors) {
    fillGap(ai, aj);
    rows.push(row('same', b[ai]!, h[aj]!));
    bi = ai + 1;
    hi = aj + 1;
  }
  fillGap(b.length, h.length);
  return rows;
}

const nonEmpty = (image: Image): number => image.layers.filter((l) => !l.empty).length;

export function compareImages(base: Image, head: Image): Comparison {
  const size = head.size - base.size;
  const delta: Delta = {
    size,
    percent: base.size === 0 ? null : Math.round((size / base.size) * 10000) / 100,
    layers: nonEmpty(head) - nonEmpty(base),
    wastedBytes: base.files && head.files ? head.files.wastedBytes - base.files.wastedBytes : null,
  };
  return { rows: alignLayers(base.layers, head.layers), delta };
}

export { nonEmpty as nonEmptyLayerCount };
