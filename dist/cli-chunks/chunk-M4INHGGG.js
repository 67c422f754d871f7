import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  decidePassed
} from "./chunk-SLGCNK7V.js";
import {
  instructionKind,
  normalizeInstruction
} from "./chunk-V7CDQE4S.js";
import {
  TOOL_NAME,
  VERSION
} from "./chunk-YAS4EG4A.js";

// src/analysis/compare.ts
function lcs(a, b, same) {
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i][j] = same(a[i], b[j]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const pairs = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (same(a[i], b[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}
var tokens = (s) => new Set(s.split(/[\s&|;]+/).filter(Boolean));
function similarity(a, b) {
  if (a === b) return 1;
  const ta = tokens(a);
  const tb = tokens(b);
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  const union = ta.size + tb.size - common;
  return union === 0 ? 0 : common / union;
}
function alignGap(base, head) {
  const n = base.length;
  const m = head.length;
  if (n === 0 || m === 0) return [];
  const text = (l) => normalizeInstruction(l.createdBy);
  const score = (i, j) => {
    const a = base[i];
    const b = head[j];
    if (instructionKind(a.createdBy) !== instructionKind(b.createdBy)) return -1;
    const sizes = Math.max(a.size, b.size) === 0 ? 1 : Math.min(a.size, b.size) / Math.max(a.size, b.size);
    return 1 + similarity(text(a), text(b)) + 0.25 * sizes;
  };
  const dp = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      dp[i][j] = Math.max(dp[i + 1][j], dp[i][j + 1], s > 0 ? s + dp[i + 1][j + 1] : -Infinity);
    }
  const pairs = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    const s = score(i, j);
    if (s > 0 && dp[i][j] === s + dp[i + 1][j + 1]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[i][j] === dp[i + 1][j]) i++;
    else j++;
  }
  return pairs;
}
var row = (status, base, head) => ({
  status,
  base: base?.index ?? null,
  head: head?.index ?? null,
  createdBy: normalizeInstruction((head ?? base)?.createdBy ?? ""),
  baseSize: base?.size ?? null,
  headSize: head?.size ?? null,
  delta: (head?.size ?? 0) - (base?.size ?? 0)
});
function alignLayers(base, head) {
  const b = base.filter((l) => !l.empty);
  const h = head.filter((l) => !l.empty);
  const anchors = lcs(b, h, (x, y) => x.diffId !== null && x.diffId === y.diffId);
  const rows = [];
  let bi = 0;
  let hi = 0;
  const fillGap = (bEnd, hEnd) => {
    const gb = b.slice(bi, bEnd);
    const gh = h.slice(hi, hEnd);
    let i = 0;
    let j = 0;
    for (const [pi, pj] of alignGap(gb, gh)) {
      for (; i < pi; i++) rows.push(row("removed", gb[i], null));
      for (; j < pj; j++) rows.push(row("added", null, gh[j]));
      rows.push(row("changed", gb[i++], gh[j++]));
    }
    for (; i < gb.length; i++) rows.push(row("removed", gb[i], null));
    for (; j < gh.length; j++) rows.push(row("added", null, gh[j]));
  };
  for (const [ai, aj] of anchors) {
    fillGap(ai, aj);
    rows.push(row("same", b[ai], h[aj]));
    bi = ai + 1;
    hi = aj + 1;
  }
  fillGap(b.length, h.length);
  return rows;
}
var nonEmpty = (image) => image.layers.filter((l) => !l.empty).length;
function compareImages(base, head) {
  const size = head.size - base.size;
  const delta = {
    size,
    percent: base.size === 0 ? null : Math.round(size / base.size * 1e4) / 100,
    layers: nonEmpty(head) - nonEmpty(base),
    wastedBytes: base.files && head.files ? head.files.wastedBytes - base.files.wastedBytes : null
  };
  return { rows: alignLayers(base.layers, head.layers), delta };
}

// src/analysis/budgets.ts
function checkBudgets(head, delta, limits) {
  const budgets = [];
  const unchecked = [];
  const atMost = (name, limit, actual, unit = "bytes") => budgets.push({ name, limit, actual, passed: actual <= limit, unit });
  if (limits.maxSize !== void 0) atMost("max-size", limits.maxSize, head.size);
  if (limits.maxIncrease !== void 0) {
    const inc = limits.maxIncrease;
    if (!delta) unchecked.push("max-increase: there is no base image to compare with");
    else if ("bytes" in inc) atMost("max-increase", inc.bytes, delta.size);
    else if (delta.percent === null)
      unchecked.push("max-increase: the base image is empty, so a percentage means nothing");
    else atMost("max-increase", inc.percent, delta.percent, "percent");
  }
  if (limits.maxWasted !== void 0) {
    if (head.files) atMost("max-wasted", limits.maxWasted, head.files.wastedBytes);
    else unchecked.push("max-wasted: files were not analyzed (--no-files)");
  }
  if (limits.minEfficiency !== void 0) {
    if (head.files) {
      const actual = head.files.efficiency;
      budgets.push({
        name: "min-efficiency",
        limit: limits.minEfficiency,
        actual,
        passed: actual >= limits.minEfficiency,
        unit: "ratio"
      });
    } else unchecked.push("min-efficiency: files were not analyzed (--no-files)");
  }
  if (limits.maxLayers !== void 0)
    atMost("max-layers", limits.maxLayers, nonEmpty(head), "layers");
  return { budgets, unchecked };
}

// src/analysis/report.ts
function buildReport(input) {
  const comparison = input.head && input.base ? compareImages(input.base, input.head) : null;
  const { budgets, unchecked } = input.head ? checkBudgets(input.head, comparison?.delta ?? null, input.limits ?? {}) : { budgets: [], unchecked: [] };
  const report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    head: input.head,
    base: input.base,
    baseUnavailable: input.baseUnavailable ?? null,
    delta: comparison?.delta ?? null,
    layers: comparison?.rows ?? [],
    findings: input.findings,
    budgets,
    passed: decidePassed(input.findings, budgets, input.failOn)
  };
  return { report, unchecked };
}

export {
  buildReport
};
