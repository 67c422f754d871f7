import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  decidePassed
} from "./chunk-YVMMMQ26.js";
import {
  comparePaths
} from "./chunk-DNIAJJEW.js";
import {
  instructionKind,
  normalizeInstruction
} from "./chunk-QPMSVJNA.js";
import {
  TOOL_NAME,
  VERSION
} from "./chunk-RFHG46HN.js";

// src/core/freeze.ts
function deepFreeze(value) {
  const seen = /* @__PURE__ */ new WeakSet();
  const freeze = (node) => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    Object.freeze(node);
    if (Array.isArray(node)) {
      for (const item of node) freeze(item);
      return;
    }
    for (const key of Object.keys(node)) freeze(node[key]);
  };
  freeze(value);
  return value;
}

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
function similarity(first, second) {
  if (first === second) return 1;
  const ta = tokens(first);
  const tb = tokens(second);
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

// src/analysis/costs.ts
var DEFAULT_PULL_BANDWIDTH = 1e8;
function pullSeconds(bytes, bitsPerSecond) {
  return bytes * 8 / bitsPerSecond;
}
function pullOf(c, bandwidth) {
  if (!c) return null;
  const compression = c.gzip !== null ? "gzip" : c.zstd !== null ? "zstd" : null;
  if (!compression) return null;
  const bytes = compression === "gzip" ? c.gzip : c.zstd;
  return { bytes, seconds: pullSeconds(bytes, bandwidth), compression, source: c.source };
}
function pullAfterBase(head, base, compression) {
  const layers = head.compressed?.layers;
  if (!layers || layers.length === 0) return null;
  const have = new Set(base.layers.flatMap((l) => l.diffId ? [l.diffId] : []));
  for (const l of base.compressed?.layers ?? []) have.add(l.diffId);
  let bytes = 0;
  const counted = /* @__PURE__ */ new Set();
  for (const l of layers) {
    if (have.has(l.diffId) || counted.has(l.diffId)) continue;
    counted.add(l.diffId);
    const size = compression === "gzip" ? l.gzip : l.zstd;
    if (size === null) return null;
    bytes += size;
  }
  return bytes;
}
var CACHE_WORDS = {
  all: "entirely from the cache",
  partial: "partly from the cache",
  none: "without the cache",
  unknown: "with unknown cache use"
};
function buildNote(base, head, why) {
  if (!base && !head) return why ?? "not built by this run: no build time";
  if (!base) return why ?? "the base image was not built by this run: no build time to compare";
  if (!head) return why ?? "the head image was not built by this run: no build time to compare";
  const cached = ["base", "head"].filter((side) => {
    const b = side === "base" ? base : head;
    return b.cache === "all" || b.cache === "partial";
  });
  if (cached.length === 0) return null;
  const which = cached.map((side) => `the ${side} build ran ${CACHE_WORDS[(side === "base" ? base : head).cache]}`).join(" and ");
  return `${which}: its time is not a build time, so no change is shown (build-time: fresh builds both without the cache)`;
}
function startupNote(base, head) {
  if (!base && !head) return "no startup-probe was given";
  const failed = [
    ...base && base.medianSeconds === null ? [`base: ${base.note ?? "not ready"}`] : [],
    ...head && head.medianSeconds === null ? [`head: ${head.note ?? "not ready"}`] : []
  ];
  if (failed.length) return failed.join("; ");
  if (!base) return "no base image to start";
  const partial = [
    ...base.note ? [`base: ${base.note}`] : [],
    ...head?.note ? [`head: ${head.note}`] : []
  ];
  return partial.length ? partial.join("; ") : null;
}
function buildCosts(input) {
  const bw = input.pullBandwidth;
  const headBuild = input.builds?.head ?? null;
  const baseBuild = input.builds?.base ?? null;
  const headStart = input.startup?.head ?? null;
  const baseStart = input.startup?.base ?? null;
  const head = {
    size: input.head.size,
    build: headBuild,
    pull: pullOf(input.head.compressed, bw),
    startup: headStart
  };
  const base = input.base ? {
    size: input.base.size,
    build: baseBuild,
    pull: pullOf(input.base.compressed, bw),
    startup: baseStart
  } : null;
  let after = null;
  if (input.base && head.pull) {
    const bytes = pullAfterBase(input.head, input.base, head.pull.compression);
    if (bytes !== null) after = { bytes, seconds: pullSeconds(bytes, bw) };
  }
  const pullNotes = [];
  if (!head.pull)
    pullNotes.push(`head: ${input.pullWhy?.head ?? "compressed size not known (layers not read)"}`);
  if (input.base && !base?.pull)
    pullNotes.push(`base: ${input.pullWhy?.base ?? "compressed size not known (layers not read)"}`);
  if (base?.pull && head.pull && base.pull.compression !== head.pull.compression)
    pullNotes.push(`base is ${base.pull.compression}, head is ${head.pull.compression}: not comparable`);
  pullNotes.push(...input.pullNotes ?? []);
  return {
    pullBandwidth: bw,
    base,
    head,
    headPullAfterBase: after,
    notes: {
      build: input.base || headBuild ? buildNote(baseBuild, headBuild, input.buildWhy ?? null) : null,
      pull: pullNotes.length ? pullNotes.join("; ") : null,
      startup: startupNote(input.base ? baseStart : null, headStart)
    }
  };
}

// src/analysis/file-diff.ts
var DEFAULT_DIFF_LIMITS = {
  directories: 20,
  files: 20,
  largest: 20,
  filesPerDirectory: 5
};
var FAN_OUT = 0.5;
var total = () => ({ files: 0, bytes: 0 });
var churnOf = (f) => f.added.bytes + f.removed.bytes + f.grown.bytes + f.shrunk.bytes;
var byDelta = (a, b) => Math.abs(b.delta) - Math.abs(a.delta) || comparePaths(a.path, b.path);
var byHeadSize = (a, b) => (b.headSize ?? 0) - (a.headSize ?? 0) || comparePaths(a.path, b.path);
function keepTop(list, item, limit, order) {
  if (limit <= 0) return;
  if (list.length === limit && order(item, list[limit - 1]) >= 0) return;
  let i = list.length;
  list.push(item);
  while (i > 0 && order(item, list[i - 1]) < 0) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = item;
  if (list.length > limit) list.pop();
}
function addTotal(into, from) {
  into.files += from.files;
  into.bytes += from.bytes;
}
function diffFilesystems(base, head, limits = DEFAULT_DIFF_LIMITS) {
  const baseDiffIds = new Set(base.diffIds.filter((d) => d !== null));
  const layerChanged = (layer) => {
    const diffId = head.diffIds[layer];
    return diffId === null || diffId === void 0 || !baseDiffIds.has(diffId);
  };
  const files = [];
  const largest = [];
  const fanOuts = [];
  let units = [];
  const root = newFrame("");
  const stack = [root];
  const close = () => {
    const frame = stack.pop();
    const parent = stack[stack.length - 1];
    const churn = churnOf(frame);
    const whole = frame.baseFiles === 0 && frame.headFiles > 0 ? "added" : frame.headFiles === 0 && frame.baseFiles > 0 ? "removed" : null;
    let unit = null;
    if (whole && churn > 0) {
      unit = frame.maxChild === churn && frame.maxChildUnit ? frame.maxChildUnit : { path: frame.path, churn, change: directoryChange(frame, whole) };
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
    if (churn > parent.maxChild) {
      parent.maxChild = churn;
      parent.maxChildUnit = unit;
    }
    for (const f of frame.largest) keepTop(parent.largest, f, limits.filesPerDirectory, byDelta);
  };
  const enter = (path) => {
    const slash = path.lastIndexOf("/");
    const current = stack[stack.length - 1];
    if (slash < 0 ? current.path === "" : current.path.length === slash && path.startsWith(current.path)) {
      return current;
    }
    const dir = slash < 0 ? "" : path.slice(0, slash);
    for (; ; ) {
      const top = stack[stack.length - 1];
      if (top.path === dir) return top;
      if (top.path === "" || dir.startsWith(top.path) && dir.charCodeAt(top.path.length) === 47) {
        let from = top.path === "" ? 0 : top.path.length + 1;
        for (; ; ) {
          const end = dir.indexOf("/", from);
          const next = end < 0 ? dir : dir.slice(0, end);
          stack.push(newFrame(next));
          if (end < 0) return stack[stack.length - 1];
          from = end + 1;
        }
      }
      close();
    }
  };
  const record = (path, baseSize, headSize, layer) => {
    const delta = (headSize ?? 0) - (baseSize ?? 0);
    const changedLayer = layer !== null && layerChanged(layer);
    let kind;
    if (baseSize === null) kind = "added";
    else if (headSize === null) kind = "removed";
    else if (delta > 0) kind = "grown";
    else if (delta < 0) kind = "shrunk";
    else kind = "same-size";
    const frame = enter(path);
    if (baseSize !== null) frame.baseFiles++;
    if (headSize !== null) frame.headFiles++;
    if (kind === "same-size" && !changedLayer) return;
    const change = {
      path: `/${path}`,
      change: kind,
      baseSize,
      headSize,
      delta,
      layer,
      layerChanged: changedLayer
    };
    if (headSize !== null && (kind === "added" || kind === "grown" || changedLayer)) {
      keepTop(largest, change, limits.largest, byHeadSize);
    }
    if (kind === "same-size") return;
    const bytes = Math.abs(delta);
    const t = kind === "added" ? frame.added : kind === "removed" ? frame.removed : kind === "grown" ? frame.grown : frame.shrunk;
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
    const order = b === void 0 ? 1 : h === void 0 ? -1 : comparePaths(b, h);
    if (order < 0) {
      record(b, base.sizes[i], null, null);
      i++;
    } else if (order > 0) {
      record(h, null, head.sizes[j], head.layers[j]);
      j++;
    } else {
      record(h, base.sizes[i], head.sizes[j], head.layers[j]);
      i++;
      j++;
    }
  }
  while (stack.length > 0) close();
  const inUnit = (path) => units.some((u) => u.path === "" || path === u.path || path.startsWith(`${u.path}/`));
  const candidates = [...units, ...fanOuts.filter((c) => !inUnit(c.path))];
  candidates.sort((x, y) => y.churn - x.churn || comparePaths(x.path, y.path));
  const inner = candidates.filter((c) => c.path !== "");
  const directories = (inner.length > 0 ? inner : candidates).slice(0, Math.max(0, limits.directories)).map((c) => c.change);
  const sideTotal = (index) => {
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
    limits: { ...limits }
  };
}
function newFrame(path) {
  return {
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
    largest: []
  };
}
function directoryChange(frame, wholly) {
  return {
    path: `/${frame.path}`,
    wholly,
    net: frame.added.bytes + frame.grown.bytes - frame.removed.bytes - frame.shrunk.bytes,
    added: frame.added,
    removed: frame.removed,
    grown: frame.grown,
    shrunk: frame.shrunk,
    largest: frame.largest
  };
}

// src/analysis/report.ts
function buildReport(input) {
  const { head, base } = input;
  const comparison = head && base ? compareImages(base, head) : null;
  const { budgets, unchecked } = head ? checkBudgets(head, comparison?.delta ?? null, input.limits ?? {}) : { budgets: [], unchecked: [] };
  const indexes = input.fileIndexes;
  const diff = base && indexes?.base && indexes.head ? diffFilesystems(indexes.base, indexes.head) : void 0;
  const costs = head && input.costs ? buildCosts({ ...input.costs, head, base }) : void 0;
  const findings = input.findings;
  const passed = decidePassed(findings, budgets, input.failOn);
  const report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    head,
    base,
    baseUnavailable: input.baseUnavailable ?? null,
    delta: comparison?.delta ?? null,
    layers: comparison?.rows ?? [],
    findings,
    budgets,
    passed,
    ...input.judged !== void 0 ? { judged: input.judged } : {},
    ...diff ? { diff } : {},
    ...costs ? { costs } : {},
    ...input.cacheProbe ? { cacheProbe: input.cacheProbe } : {},
    ...input.policy ? { policy: input.policy } : {}
  };
  return deepFreeze({
    report,
    unchecked,
    explore: { head: input.explore?.head ?? null, base: base ? input.explore?.base ?? null : null },
    labels: { ...input.labels }
  });
}

export {
  DEFAULT_PULL_BANDWIDTH,
  buildReport
};
