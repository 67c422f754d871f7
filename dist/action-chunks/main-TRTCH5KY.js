import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  debug,
  endGroup,
  error,
  info,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning
} from "./chunk-4PMZS46X.js";
import "./chunk-X6JSJRID.js";
import {
  CONTENT_RULES,
  comparePaths,
  instructionKind,
  isArchiveRef,
  normalizeInstruction
} from "./chunk-M4FRV2NX.js";
import {
  buildxOnly
} from "./chunk-7XO37AOU.js";
import "./chunk-3W2HH325.js";
import {
  RULES,
  describeJudged,
  isManifest,
  readContext
} from "./chunk-ZMEV2CU2.js";
import {
  formatBytes,
  parseIncrease,
  parseSize
} from "./chunk-N2DJFWSA.js";
import {
  UserError,
  messageOf
} from "./chunk-2YHXANQQ.js";
import {
  TOOL_NAME,
  VERSION
} from "./chunk-UMRFFDX4.js";
import {
  namesRegistry,
  referenceProblem
} from "./chunk-AKU6XGOV.js";
import "./chunk-KDXOXGTE.js";

// src/action/main.ts
import { existsSync as existsSync2 } from "node:fs";
import { mkdtemp as mkdtemp3 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join5, relative as relative4 } from "node:path";

// src/app/compare.ts
import { isAbsolute, relative } from "node:path";

// src/analysis/costs.ts
var DEFAULT_PULL_BANDWIDTH = 1e8;
function pullSeconds(bytes, bitsPerSecond) {
  return bytes * 8 / bitsPerSecond;
}
function pullOf(c, bandwidth2) {
  if (!c) return null;
  const compression = c.gzip !== null ? "gzip" : c.zstd !== null ? "zstd" : null;
  if (!compression) return null;
  const bytes = compression === "gzip" ? c.gzip : c.zstd;
  return { bytes, seconds: pullSeconds(bytes, bandwidth2), compression, source: c.source };
}
function pullAfterBase(head, base, compression) {
  const layers2 = head.compressed?.layers;
  if (!layers2 || layers2.length === 0) return null;
  const have = new Set(base.layers.flatMap((l) => l.diffId ? [l.diffId] : []));
  for (const l of base.compressed?.layers ?? []) have.add(l.diffId);
  let bytes = 0;
  const counted = /* @__PURE__ */ new Set();
  for (const l of layers2) {
    if (have.has(l.diffId) || counted.has(l.diffId)) continue;
    counted.add(l.diffId);
    const size2 = compression === "gzip" ? l.gzip : l.zstd;
    if (size2 === null) return null;
    bytes += size2;
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
    const change2 = {
      path: `/${path}`,
      change: kind,
      baseSize,
      headSize,
      delta,
      layer,
      layerChanged: changedLayer
    };
    if (headSize !== null && (kind === "added" || kind === "grown" || changedLayer)) {
      keepTop(largest, change2, limits.largest, byHeadSize);
    }
    if (kind === "same-size") return;
    const bytes = Math.abs(delta);
    const t = kind === "added" ? frame.added : kind === "removed" ? frame.removed : kind === "grown" ? frame.grown : frame.shrunk;
    t.files++;
    t.bytes += bytes;
    keepTop(frame.largest, change2, limits.filesPerDirectory, byDelta);
    keepTop(files, change2, limits.files, byDelta);
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
    for (const size2 of index.sizes) bytes += size2;
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

// src/core/report.ts
var rank = { error: 3, warning: 2, info: 1 };
function reachesFailOn(severity, failOn2) {
  return failOn2 !== "never" && rank[severity] >= rank[failOn2];
}
function severityRank(severity) {
  return rank[severity];
}
function decidePassed(findings2, budgets, failOn2) {
  return budgets.every((b) => b.passed) && !findings2.some((f) => reachesFailOn(f.severity, failOn2));
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
  const text2 = (l) => normalizeInstruction(l.createdBy);
  const score = (i, j) => {
    const a = base[i];
    const b = head[j];
    if (instructionKind(a.createdBy) !== instructionKind(b.createdBy)) return -1;
    const sizes = Math.max(a.size, b.size) === 0 ? 1 : Math.min(a.size, b.size) / Math.max(a.size, b.size);
    return 1 + similarity(text2(a), text2(b)) + 0.25 * sizes;
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
  const size2 = head.size - base.size;
  const delta = {
    size: size2,
    percent: base.size === 0 ? null : Math.round(size2 / base.size * 1e4) / 100,
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

// src/startup/startup-probe.ts
import { randomBytes } from "node:crypto";
import { Socket } from "node:net";

// src/core/probe.ts
function parseStartupProbe(text2) {
  const t = text2.trim();
  const port = /^port:(\d{1,5})$/.exec(t);
  if (port) {
    const n = Number(port[1]);
    return n >= 1 && n <= 65535 ? { kind: "port", port: n } : null;
  }
  const cmd = /^cmd:([\s\S]+)$/.exec(t);
  if (cmd && cmd[1].trim()) return { kind: "cmd", command: cmd[1].trim() };
  return null;
}
var STARTUP_PROBE_HINT = "must be port:PORT (e.g. port:8000) or cmd:COMMAND (e.g. cmd:test -f /tmp/ready)";
function describeProbe(p) {
  return p.kind === "port" ? `port:${p.port}` : `cmd:${p.command}`;
}

// src/startup/startup-probe.ts
var STARTUP_LABEL = "image-guard.startup";
var POLL_MS = 50;
function tcpConnect(host, port, timeoutMs) {
  return new Promise((resolve4) => {
    const socket = new Socket();
    const done = (ok2) => {
      socket.destroy();
      resolve4(ok2);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.connect(port, host);
  });
}
function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
var round = (s) => Math.round(s * 1e3) / 1e3;
async function measureStartup(image, probe, options, deps) {
  const now = deps.now ?? (() => performance.now() / 1e3);
  const sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const connect = deps.connect ?? tcpConnect;
  const label = options.label ?? randomBytes(6).toString("hex");
  const times = [];
  let note = null;
  for (let i = 0; i < options.runs && note === null; i++) {
    const outcome = await oneRun(image, probe, options.timeoutSeconds, label, deps.runner, {
      now,
      sleep,
      connect
    });
    if (typeof outcome === "number") times.push(round(outcome));
    else note = times.length ? `run ${i + 1} of ${options.runs}: ${outcome}` : outcome;
  }
  return { medianSeconds: median(times), runs: times, probe: describeProbe(probe), note };
}
async function oneRun(image, probe, timeoutSeconds, label, runner, t) {
  const started = t.now();
  let id = null;
  try {
    const run2 = await runner.run(image, { [STARTUP_LABEL]: label });
    id = run2.id;
    if ("error" in run2) return `docker run failed: ${run2.error}`;
    for (; ; ) {
      const state = await runner.state(run2.id);
      if (!state.running) {
        const last = (await runner.logsTail(run2.id)).at(-1);
        const code = state.exitCode === null ? "" : ` with code ${state.exitCode}`;
        return `the container stopped${code} before it was ready${last ? ` (last output: ${last.slice(0, 160)})` : ""}`;
      }
      const left = timeoutSeconds - (t.now() - started);
      if (left <= 0) break;
      const ready = probe.kind === "port" ? await t.connect(state.address ?? "127.0.0.1", probe.port, Math.min(1e3, left * 1e3)) : await runner.exec(run2.id, probe.command) === 0;
      if (ready) return t.now() - started;
      if (t.now() - started >= timeoutSeconds) break;
      await t.sleep(POLL_MS);
    }
    return `not ready within ${timeoutSeconds} s (${describeProbe(probe)})`;
  } finally {
    if (id) await runner.remove(id).catch(() => void 0);
  }
}

// src/app/costs.ts
function registryLookup(client, ref) {
  if (!ref || !namesRegistry(ref)) return null;
  return client.compressedSize(ref).catch((error2) => ({ ok: false, why: String(error2) }));
}
function withRegistrySizes(image, result, ref) {
  if (!result) return { image, note: null };
  if (!result.ok) {
    const fallback = image.compressed ? "; computed sizes used instead" : "";
    return { image, note: `${ref}: ${result.why}${fallback}` };
  }
  const ids = [result.configDigest, result.manifestDigest, result.indexDigest];
  if (!ids.includes(image.id)) {
    return {
      image,
      note: `${ref}: the registry's tag points at another image than the one analyzed (${result.configDigest.slice(0, 19)}); its sizes are not used`
    };
  }
  return { image: { ...image, compressed: result.compressed }, note: null };
}
async function startupFor(r) {
  const out = {};
  for (const { side, ref, why } of r.images) {
    if (!ref || !r.runner) {
      out[side] = {
        medianSeconds: null,
        runs: [],
        probe: r.probe.kind === "port" ? `port:${r.probe.port}` : `cmd:${r.probe.command}`,
        note: why ?? (r.runner ? "no image to start" : "no docker CLI to start containers with")
      };
      continue;
    }
    out[side] = await measureStartup(
      ref,
      r.probe,
      { runs: r.runs, timeoutSeconds: r.timeoutSeconds },
      { runner: r.runner }
    );
  }
  return out;
}

// src/app/policy.ts
function applyPolicy(findings2, policy) {
  const ignored = new Set(policy.ignore);
  const out = [];
  for (const f of findings2) {
    const override = policy.severity[f.rule];
    if (ignored.has(f.rule) || override === "off") continue;
    out.push(override ? { ...f, severity: override } : f);
  }
  return out;
}

// src/app/compare.ts
async function runComparison(request, ports) {
  const { settings } = request;
  checkImageRef(request.head.ref, "the head image");
  if ("ref" in request.base) checkImageRef(request.base.ref, "the base image");
  const what = { files: settings.files, pullSize: settings["pull-size"] };
  const baseRequest = "ref" in request.base ? request.base : null;
  const answers = askRegistries([request.head.ref, baseRequest?.ref], ports);
  answers.catch(() => void 0);
  const [head, base, linted] = await Promise.all([
    ports.analyze(request.head.ref, what),
    baseRequest ? readBase(baseRequest, what, ports) : { image: null, fileIndex: void 0, why: unavailableWhy(request.base), explore: null },
    lintStep(request, ports)
  ]);
  const pullNotes = [];
  const registry = await answers;
  const sized = (image, ref) => {
    const answer = registry.get(ref);
    if (!answer) return image;
    const r = withRegistrySizes(image, answer, ref);
    if (r.note) pullNotes.push(r.note);
    return r.image;
  };
  const headImage = sized(head.image, request.head.ref);
  const baseImage = base.image && baseRequest ? sized(base.image, baseRequest.ref) : null;
  const startup = await startupStep(request, baseImage !== null, ports);
  const findings2 = [
    ...linted?.findings ?? [],
    ...applyPolicy(head.findings, { ignore: settings.ignore, severity: request.config.severity })
  ];
  const built = buildReport({
    head: { ...headImage, ref: request.head.shownAs ?? request.head.ref },
    base: baseImage,
    baseUnavailable: baseImage ? null : base.why,
    findings: findings2,
    limits: limitsOf(settings),
    failOn: settings["fail-on"]
  });
  const report = built.report;
  if (linted) report.judged = linted.judged;
  if (baseImage && base.fileIndex && head.fileIndex) {
    report.diff = diffFilesystems(base.fileIndex, head.fileIndex);
  }
  report.costs = buildCosts({
    head: report.head,
    base: report.base,
    pullBandwidth: settings["pull-bandwidth"],
    builds: { head: request.head.build ?? null, base: baseRequest?.build ?? null },
    buildWhy: request.buildWhy ?? null,
    startup,
    pullNotes
  });
  return {
    ...built,
    explore: { head: head.explore ?? null, base: baseImage ? base.explore ?? null : null }
  };
}
function checkImageRef(ref, what) {
  if (isArchiveRef(ref)) return;
  const problem2 = referenceProblem(ref);
  if (problem2 === null) return;
  const shown = ref.length > 200 ? `${ref.slice(0, 200)}\u2026` : ref;
  throw new UserError(
    `${what} ${JSON.stringify(shown)} is not an image reference: it ${problem2}. Write NAME[:TAG][@DIGEST] (e.g. ghcr.io/org/app:1.2), docker-archive:PATH, oci-archive:PATH or oci:DIR`
  );
}
function unavailableWhy(base) {
  return "unavailable" in base ? base.unavailable : "no base image";
}
async function readBase(base, what, ports) {
  try {
    const { image, fileIndex, explore } = await ports.analyze(base.ref, what);
    return { image, fileIndex, why: null, explore: explore ?? null };
  } catch (error2) {
    if (!base.optional) throw error2;
    return {
      image: null,
      fileIndex: void 0,
      why: `the base image could not be read: ${messageOf(error2)}`,
      explore: null
    };
  }
}
async function lintStep(request, ports) {
  const d = request.dockerfile;
  if (!d) return null;
  const config = { ...request.config, ignore: request.settings.ignore };
  const { findings: findings2, judged } = await ports.lint(d.path, {
    context: d.context,
    target: d.target,
    config,
    platform: request.settings.platform,
    buildContexts: request.settings["build-contexts"].map((c) => c.slice(0, Math.max(0, c.indexOf("="))))
  });
  return {
    findings: findings2.map((f) => f.file ? { ...f, file: shownPath(f.file, request.root) } : f),
    judged
  };
}
function shownPath(path, root) {
  if (!isAbsolute(path)) return path;
  const rel = relative(root, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}
async function askRegistries(refs, ports) {
  const answers = /* @__PURE__ */ new Map();
  const named = refs.filter((r) => !!r && !isArchiveRef(r) && namesRegistry(r));
  if (named.length === 0) return answers;
  const client = await ports.registry();
  await Promise.all(
    named.map(async (ref) => {
      const answer = await registryLookup(client, ref);
      if (answer) answers.set(ref, answer);
    })
  );
  return answers;
}
async function startupStep(request, withBase, ports) {
  const probe = request.settings["startup-probe"];
  if (!probe) return {};
  const side = (ref) => isArchiveRef(ref) ? { ref: null, why: "an archive cannot be started: give an image the engine has" } : { ref };
  const base = "ref" in request.base && withBase ? request.base.ref : null;
  return startupFor({
    runner: await ports.containers(),
    probe,
    runs: request.settings["startup-runs"],
    timeoutSeconds: request.settings["startup-timeout"],
    images: [
      ...base ? [{ side: "base", ...side(base) }] : [],
      { side: "head", ...side(request.head.ref) }
    ]
  });
}
function limitsOf(settings) {
  const limits = {};
  if (settings["max-size"] !== null) limits.maxSize = settings["max-size"];
  if (settings["max-increase"] !== null) limits.maxIncrease = settings["max-increase"];
  if (settings["max-wasted"] !== null) limits.maxWasted = settings["max-wasted"];
  if (settings["min-efficiency"] !== null) limits.minEfficiency = settings["min-efficiency"];
  if (settings["max-layers"] !== null) limits.maxLayers = settings["max-layers"];
  return limits;
}

// src/app/ports.ts
var realPorts = {
  analyze: async (ref, options) => (await import("./image-source-2TQUCJRT.js")).analyzeRef(ref, options),
  registry: async () => (await import("./registry-client-WVIG32I6.js")).registryClient(),
  containers: async () => (await import("./docker-cli-MAPYUSAY.js")).dockerCli().containers,
  lint: async (path, options) => (await import("./lint-U2OS5BPM.js")).lintDockerfileResult(path, {
    ...options,
    target: options.target ?? void 0,
    platform: options.platform ?? void 0
  })
};

// src/core/redact.ts
var MASK = "***";
function redact(text2, secrets) {
  const values = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  let out = text2;
  for (const value of values) out = out.split(value).join(MASK);
  return out;
}
function redactLines(lines2, secrets) {
  const parts = secrets.flatMap((s) => [s, ...s.split(/\r?\n/).filter((p) => p.trim().length >= 4)]);
  return lines2.map((l) => redact(l, parts));
}

// src/core/bandwidth.ts
var PREFIX = { "": 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 };
function parseBandwidth(text2) {
  const t = text2.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return positive(Number(t) * 1e6);
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([kKmMgG]?)(bit\/s|bits\/s|bps|b\/s|B\/s|Bps)$/.exec(t);
  if (!m) return null;
  const bytes = m[3] === "B/s" || m[3] === "Bps";
  return positive(Number(m[1]) * PREFIX[m[2]] * (bytes ? 8 : 1));
}
var positive = (n) => Number.isFinite(n) && n > 0 ? Math.round(n) : null;
function formatBandwidth(bitsPerSecond) {
  for (const [unit, size2] of [
    ["Gbit/s", 1e9],
    ["Mbit/s", 1e6],
    ["kbit/s", 1e3]
  ]) {
    if (bitsPerSecond >= size2) return `${Number((bitsPerSecond / size2).toPrecision(3))} ${unit}`;
  }
  return `${bitsPerSecond} bit/s`;
}

// src/render/bars.ts
var EIGHTHS = ["", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589"];
function bar(value, max, width = 20) {
  if (max <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round(Math.min(value, max) / max * width * 8));
  return "\u2588".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}
function percent(ratio) {
  return `${(Math.round(ratio * 1e3) / 10).toFixed(1)}%`;
}
function signed(n, format) {
  if (n === 0) return format(0);
  return n > 0 ? `+${format(n)}` : `\u2212${format(-n)}`;
}

// src/render/summary.ts
function budgetFigures(b) {
  const show = (n) => {
    switch (b.unit) {
      case "ratio":
        return percent(n);
      case "percent":
        return `${Math.round(n * 100) / 100}%`;
      case "layers":
        return String(n);
      default:
        return formatBytes(n);
    }
  };
  return { limit: show(b.limit), actual: show(b.actual) };
}
function statusLine(report, failOn2) {
  if (report.passed) return "passed";
  const reasons = [];
  for (const b of report.budgets.filter((x) => !x.passed)) {
    const f = budgetFigures(b);
    reasons.push(`${b.name} ${f.actual} (limit ${f.limit})`);
  }
  const failing = report.findings.filter((f) => reachesFailOn(f.severity, failOn2));
  if (failing.length) {
    const bySeverity = (s) => failing.filter((f) => f.severity === s).length;
    const parts = ["error", "warning", "info"].map((s) => [s, bySeverity(s)]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}${n === 1 ? "" : "s"}`);
    reasons.push(parts.join(", "));
  }
  return `failed: ${reasons.join("; ")}`;
}
function formatSeconds(s) {
  if (s === 0) return "0 s";
  if (s > 0 && s < 0.01) return "< 0.01 s";
  if (s < 1) return `${s.toFixed(2)} s`;
  if (s < 10) return `${s.toFixed(1)} s`;
  return `${Math.round(s)} s`;
}
function change(base, head) {
  if (base === null || base === void 0 || head === null || head === void 0)
    return { change: "", better: null };
  if (base === 0) return { change: head === 0 ? "0%" : "", better: null };
  const pct = Math.round((head - base) / base * 100);
  return { change: signed(pct, (n) => `${n}%`), better: pct === 0 ? null : pct < 0 };
}
var CACHE_MARK = {
  none: "",
  unknown: "",
  partial: " (partly cached)",
  all: " (cached)"
};
function costRows(costs2) {
  const { base, head } = costs2;
  const rows = [];
  const cell = (side, show, fmt) => {
    const v = side ? show(side) : null;
    return v === null || v === void 0 ? "\u2013" : fmt(v);
  };
  rows.push({
    label: "image size",
    base: base ? formatBytes(base.size) : "\u2013",
    head: formatBytes(head.size),
    ...change(base?.size, head.size)
  });
  const build = (f) => f.build ? `${formatSeconds(f.build.seconds)}${CACHE_MARK[f.build.cache]}` : null;
  rows.push({
    label: "build time",
    base: cell(base, build, String),
    head: cell(head, build, String),
    ...costs2.notes.build ? { change: "", better: null } : change(base?.build?.seconds, head.build?.seconds)
  });
  const comparablePull = base?.pull && head.pull && base.pull.compression === head.pull.compression;
  const compression = head.pull?.compression ?? base?.pull?.compression ?? "gzip";
  rows.push({
    label: `pull size (${compression})`,
    base: cell(base, (f) => f.pull?.bytes ?? null, formatBytes),
    head: cell(head, (f) => f.pull?.bytes ?? null, formatBytes),
    ...comparablePull ? change(base.pull.bytes, head.pull.bytes) : { change: "", better: null }
  });
  rows.push({
    label: `pull time at ${formatBandwidth(costs2.pullBandwidth)}`,
    base: cell(base, (f) => f.pull?.seconds ?? null, formatSeconds),
    head: cell(head, (f) => f.pull?.seconds ?? null, formatSeconds),
    ...comparablePull ? change(base.pull.seconds, head.pull.seconds) : { change: "", better: null }
  });
  if (costs2.headPullAfterBase) {
    const a = costs2.headPullAfterBase;
    rows.push({
      label: "pull with the base present",
      base: "\u2013",
      head: `${formatBytes(a.bytes)}, ${formatSeconds(a.seconds)}`,
      change: "",
      better: null
    });
  }
  const anyStartup = base?.startup || head.startup;
  if (anyStartup) {
    const runs2 = head.startup?.runs.length || base?.startup?.runs.length || 0;
    const median2 = (f) => f.startup?.medianSeconds ?? null;
    rows.push({
      label: `start-up (median of ${runs2 || "no"} run${runs2 === 1 ? "" : "s"})`,
      base: cell(base, median2, formatSeconds),
      head: cell(head, median2, formatSeconds),
      ...change(base?.startup?.medianSeconds, head.startup?.medianSeconds)
    });
  }
  const notes = [];
  if (costs2.notes.build) notes.push(`build time: ${costs2.notes.build}`);
  if (costs2.notes.pull) notes.push(`pull: ${costs2.notes.pull}`);
  if (anyStartup && costs2.notes.startup) notes.push(`start-up: ${costs2.notes.startup}`);
  const source = head.pull?.source ?? base?.pull?.source;
  if (source)
    notes.push(
      `pull time = compressed bytes \xD7 8 / ${formatBandwidth(costs2.pullBandwidth)} (transfer only); sizes ${base?.pull && head.pull && base.pull.source !== head.pull.source ? `base ${base.pull.source === "registry" ? "from the registry" : "computed"}, head ${head.pull.source === "registry" ? "from the registry" : "computed"}` : source === "registry" ? "from the registry manifest" : "computed from the layers (gzip level 6, as docker push)"}`
    );
  return { rows, notes };
}
function diffTotalsLine(diff) {
  const files = (n) => `${n.toLocaleString("en-US")} file${n === 1 ? "" : "s"}`;
  const parts = [];
  if (diff.added.files) parts.push(`+${formatBytes(diff.added.bytes)} added (${files(diff.added.files)})`);
  if (diff.removed.files)
    parts.push(`\u2212${formatBytes(diff.removed.bytes)} removed (${files(diff.removed.files)})`);
  if (diff.grown.files) parts.push(`+${formatBytes(diff.grown.bytes)} grown (${files(diff.grown.files)})`);
  if (diff.shrunk.files)
    parts.push(`\u2212${formatBytes(diff.shrunk.bytes)} shrunk (${files(diff.shrunk.files)})`);
  if (parts.length === 0) return "no file was added, removed or changed in size";
  return `${parts.join(", ")}; net ${signed(diff.net, formatBytes)}`;
}
function fileChangeLabel(f) {
  switch (f.change) {
    case "added":
      return "added";
    case "removed":
      return "removed";
    case "same-size":
      return "rewritten";
    default:
      return signed(f.delta, formatBytes);
  }
}
function relativeTo(dir, path) {
  if (dir === "/") return path.slice(1);
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}
var churnOf2 = (d) => d.added.bytes + d.removed.bytes + d.grown.bytes + d.shrunk.bytes;
function shortDirectoryList(diff, limit) {
  if (limit <= 0) return [];
  const all = diff.directories;
  const inside = (outer, inner) => outer !== inner && (outer.path === "/" || inner.path.startsWith(`${outer.path}/`));
  const kept = all.filter((d) => {
    const below = all.filter((x) => inside(d, x));
    const outermost = below.filter((x) => !below.some((y) => inside(y, x)));
    return outermost.reduce((n, x) => n + churnOf2(x), 0) < churnOf2(d) / 2;
  });
  const shown = kept.slice(0, limit);
  for (const grew of [true, false]) {
    const side = (d) => grew ? d.net > 0 : d.net < 0;
    if (shown.some(side)) continue;
    const missing = kept.find(side);
    if (!missing || shown.length === 0) continue;
    if (shown.length < limit) shown.push(missing);
    else shown[shown.length - 1] = missing;
  }
  return shown;
}

// src/action/base-image.ts
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/action/workspace.ts
import { realpathSync } from "node:fs";
import { isAbsolute as isAbsolute2, relative as relative2, resolve } from "node:path";
function insideWorkspace(workspace, path, what) {
  const abs = resolve(workspace, path);
  const real = realOrNearest(abs);
  const root = realOrNearest(resolve(workspace));
  const rel = relative2(root, real);
  if (rel.startsWith("..") || isAbsolute2(rel)) {
    throw new UserError(
      `${what} ${JSON.stringify(path)} resolves outside the workspace: give a path inside the repository`
    );
  }
  return abs;
}
function realOrNearest(path) {
  try {
    return realpathSync(path);
  } catch {
    const parent = resolve(path, "..");
    if (parent === path) return path;
    return resolve(realOrNearest(parent), relative2(parent, path));
  }
}

// src/action/base-image.ts
var shortSha = (sha) => sha ? sha.slice(0, 7) : "";
async function getBase(a) {
  const { settings, event, docker, git } = a;
  const given = settings["base-image"];
  if (given) {
    if (!await docker.imageExists(given)) {
      const pulled = await docker.pull(given);
      if (!pulled.ok) return { ref: null, why: `pulling ${given} failed: ${pulled.message}` };
    }
    return { ref: given, why: null, label: given };
  }
  const sha = settings["base-ref"] ?? event.pullRequest?.baseSha ?? event.before;
  if (!sha) {
    return { ref: null, why: `no base commit to build (event ${event.name}); set base-ref or base-image` };
  }
  const label = shortSha(sha);
  if (!await git.hasCommit(sha) && !await git.fetchCommit(sha)) {
    return { ref: null, why: `the base commit ${label} could not be fetched`, label };
  }
  const dir = await mkdtemp(join(tmpdir(), "image-guard-base-"));
  await rm(dir, { recursive: true, force: true });
  try {
    await git.addWorktree(dir, sha);
  } catch (error2) {
    return { ref: null, why: messageOf(error2), label };
  }
  a.cleanup.add(async () => {
    await git.removeWorktree(dir);
    await rm(dir, { recursive: true, force: true });
  });
  let dockerfile;
  let context;
  try {
    dockerfile = insideWorkspace(dir, settings.dockerfile, "dockerfile at the base commit");
    context = insideWorkspace(dir, settings.context, "context at the base commit");
  } catch (error2) {
    return { ref: null, why: messageOf(error2), label };
  }
  if (!existsSync(dockerfile)) {
    return {
      ref: null,
      why: `${settings.dockerfile} does not exist at the base commit ${label}: this is a new image`,
      label
    };
  }
  const tag = `image-guard-base:${a.runId}`;
  startGroup(`image-guard: building the base image at ${label}`);
  const built = await docker.build({
    dockerfile,
    context,
    target: settings.target,
    buildArgs: settings["build-args"],
    tag,
    noCache: a.noCache,
    ...a.options ? { options: a.options } : {}
  });
  endGroup();
  a.cleanup.add(() => docker.removeImage(tag));
  if (!built.ok) {
    return {
      ref: null,
      // Its log stays in the step's output: a build error can quote files, and this line reaches the comment.
      why: `the base image did not build at ${label} (its log is in the step's output)`,
      label
    };
  }
  return { ref: tag, why: null, label, build: built };
}

// src/action/build-options.ts
import { readFileSync, statSync } from "node:fs";
import { resolve as resolve2 } from "node:path";
function actionBuild(settings, env, workspace) {
  const secretValues = settings.secrets.map((s) => s.value);
  const problems = [];
  const secretEnvs = settings["secret-envs"].map(({ id, value: name }) => {
    const value = env[name];
    if (value === void 0 || value === "")
      problems.push(
        `secret-envs: ${name} (secret ${id}) is not set in this step's environment: set it under env:`
      );
    else secretValues.push(value);
    return { id, env: name };
  });
  const secretFiles = settings["secret-files"].map(({ id, value }) => {
    const path = resolve2(workspace, value);
    const file = secretFile(path);
    if (file === null)
      problems.push(
        `secret-files: ${JSON.stringify(value)} (secret ${id}) is not a file: give the path of an existing file`
      );
    else if (file.text !== null) secretValues.push(file.text.replace(/\r?\n$/, ""));
    return { id, path };
  });
  for (const value of secretValues) maskSecret(value);
  if (problems.length > 0) throw new UserError(`bad inputs: ${problems.join("; ")}`);
  const head = {
    secrets: settings.secrets,
    secretFiles,
    secretEnvs,
    ssh: settings.ssh,
    cacheFrom: settings["cache-from"],
    cacheTo: settings["cache-to"],
    buildContexts: settings["build-contexts"],
    platform: settings.platform,
    builder: settings.builder,
    network: settings.network,
    pull: settings.pull,
    labels: settings.labels,
    provenance: settings.provenance,
    sbom: settings.sbom
  };
  return { head, other: { ...head, cacheTo: [] }, secretValues };
}
function maskSecret(value) {
  if (value === "") return;
  setSecret(value);
  for (const line of value.split(/\r?\n/)) if (line.trim() !== "" && line !== value) setSecret(line);
}
function secretFile(path) {
  let size2;
  try {
    const stat2 = statSync(path);
    if (!stat2.isFile()) return null;
    size2 = stat2.size;
  } catch {
    return null;
  }
  if (size2 > SECRET_FILE_MASK_LIMIT) return { text: null };
  try {
    const text2 = readFileSync(path, "utf8");
    return { text: text2.includes("\0") || text2.includes("\uFFFD") ? null : text2 };
  } catch {
    return { text: null };
  }
}
var SECRET_FILE_MASK_LIMIT = 64 * 1024;

// src/action/cache-probe.ts
import { appendFile, cp, mkdir, mkdtemp as mkdtemp2, rm as rm2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename, dirname, join as join2, relative as relative3 } from "node:path";
var SOURCE = /\.(py|js|mjs|cjs|ts|tsx|jsx|go|rb|java|kt|rs|php|cs|c|cc|cpp|h|hpp|swift|scala|ex|exs|sh|html|css|vue|svelte)$/i;
function pickProbeFile(files) {
  const candidates = files.filter((f) => {
    const name = basename(f);
    return !isManifest(f) && !/^(Dockerfile|Containerfile)(\..*)?$|\.dockerignore$/i.test(name) && !f.startsWith(".");
  });
  const byDepth = (a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b);
  const sources = candidates.filter((f) => SOURCE.test(f)).sort(byDepth);
  return sources[0] ?? candidates.sort(byDepth)[0] ?? null;
}
function missedLayers(head, probe) {
  const headLayers = head.layers.filter((l) => !l.empty);
  return probe.layers.filter((l) => !l.empty).filter((l, i) => headLayers[i]?.diffId !== l.diffId).map((l) => ({ index: l.index, createdBy: l.createdBy, size: l.size }));
}
async function runCacheProbe(r) {
  const context = readContext(r.context, r.dockerfile);
  const file = pickProbeFile(context.files);
  if (!file)
    return {
      changedFile: null,
      missed: [],
      missedBytes: 0,
      seconds: 0,
      note: "no source file in the build context to change"
    };
  const scratch = await mkdtemp2(join2(tmpdir2(), "image-guard-probe-"));
  try {
    for (const f of context.files) {
      await mkdir(join2(scratch, dirname(f)), { recursive: true });
      await cp(join2(r.context, f), join2(scratch, f), { verbatimSymlinks: true });
    }
    if (context.ignoreFile)
      await cp(context.ignoreFile, join2(scratch, relative3(r.context, context.ignoreFile)));
    await appendFile(join2(scratch, file), "\n");
    const built = await r.docker.build({
      dockerfile: r.dockerfile,
      context: scratch,
      target: r.target,
      buildArgs: r.buildArgs,
      tag: r.tag,
      ...r.options ? { options: r.options } : {}
    });
    if (!built.ok) {
      return {
        changedFile: file,
        missed: [],
        missedBytes: 0,
        seconds: built.seconds,
        note: "the probe build failed"
      };
    }
    const probe = await r.load(r.tag);
    const missed = missedLayers(r.head, probe);
    return {
      changedFile: file,
      missed,
      missedBytes: missed.reduce((sum, l) => sum + l.size, 0),
      seconds: Math.round(built.seconds * 10) / 10,
      note: null
    };
  } finally {
    await rm2(scratch, { recursive: true, force: true });
    await r.docker.removeImage(r.tag);
  }
}

// src/action/cleanup.ts
var Cleanup = class {
  steps = [];
  add(step) {
    this.steps.push(step);
  }
  /** Runs every step; one that fails is a warning and the others still run. */
  async run() {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error2) {
        warning(`image-guard: clean-up: ${messageOf(error2)}`);
      }
    }
  }
};

// src/config/config.ts
import { readFile, stat } from "node:fs/promises";
import { join as join3, resolve as resolve3 } from "node:path";

// src/config/settings.ts
var KNOWN_RULE_IDS = [...RULES, ...CONTENT_RULES].map((r) => r.id);
var isKnownRuleId = (id) => KNOWN_RULE_IDS.includes(id);
var KNOWN_RULES_HINT = `rule ids are ${RULES[0]?.id}\u2013${RULES.at(-1)?.id} and ${CONTENT_RULES[0]?.id}\u2013${CONTENT_RULES.at(-1)?.id}`;
var FAIL_ON = ["error", "warning", "info", "never"];
var SIZE_HINT = "is not a size (write 250MB, 1.2GiB or bytes)";
var ok = (value) => ({ value });
var problem = (text2) => ({ problem: text2 });
var text = (t) => ok(t);
var pulledImage = (t) => {
  const why = referenceProblem(t);
  return why === null ? ok(t) : problem(`is not an image reference: it ${why} (write NAME[:TAG][@DIGEST], e.g. ghcr.io/org/app:main)`);
};
var size = (t) => {
  const n = parseSize(t);
  return n === null ? problem(SIZE_HINT) : ok(n);
};
var increase = (t) => {
  const n = parseIncrease(t);
  return n === null ? problem("is neither a size nor a percentage (write 10MB or 5%)") : ok(n);
};
var efficiency = (t) => {
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
  return n >= 0 && n <= 1 ? ok(n) : problem("must be a number from 0 to 1 (e.g. 0.95)");
};
var count = (t) => /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? ok(Number(t)) : problem("must be a whole number");
var failOn = (t) => {
  const v = t.toLowerCase();
  return FAIL_ON.includes(v) ? ok(v) : problem("must be error, warning, info or never");
};
var boolean = (t) => /^true$/i.test(t) ? ok(true) : /^false$/i.test(t) ? ok(false) : problem("must be true or false");
var ruleIds = (t) => {
  const ids = t.split(/[\s,]+/).map((id) => id.trim().toUpperCase()).filter(Boolean);
  const bad = ids.find((id) => !isKnownRuleId(id));
  return bad ? problem(`holds the unknown rule id "${bad}": ${KNOWN_RULES_HINT}`) : ok(ids);
};
var bandwidth = (t) => {
  const bits = parseBandwidth(t);
  return bits === null ? problem("is not a speed (write 100Mbit/s, 1Gbit/s or 12.5MB/s)") : ok(bits);
};
var buildTime = (t) => {
  const v = t.toLowerCase();
  return v === "cached" || v === "fresh" ? ok(v) : problem("must be cached or fresh");
};
var startupProbe = (t) => {
  const probe = parseStartupProbe(t);
  return probe ? ok(probe) : problem(STARTUP_PROBE_HINT);
};
var runs = (t) => /^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 20 ? ok(Number(t)) : problem("must be a whole number from 1 to 20");
var seconds = (t) => {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*s?$/.exec(t);
  const n = m ? Number(m[1]) : Number.NaN;
  return n > 0 && n <= 3600 ? ok(n) : problem("must be seconds, more than 0 and at most 3600 (e.g. 60 or 2.5s)");
};
var nonEmptyLines = (t) => t.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
var lines = (t) => {
  const all = nonEmptyLines(t);
  const bad = all.find((l) => !/^[^=\s]+=/.test(l));
  return bad === void 0 ? ok(all) : problem(`has the line ${JSON.stringify(bad)}: write KEY=VALUE, one a line`);
};
var secretLines = (t) => {
  const out = [];
  for (const [i, raw] of t.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const pair = idAndValue(line);
    if (!pair) return problem(`line ${i + 1} is not ID=VALUE (the value is not shown; one secret a line)`);
    out.push(pair);
  }
  return ok(out);
};
var BUILD_ID = /^[A-Za-z0-9_.-]+$/;
function idAndValue(line) {
  const eq = line.indexOf("=");
  const id = eq > 0 ? line.slice(0, eq) : "";
  return BUILD_ID.test(id) ? { id, value: line.slice(eq + 1) } : null;
}
var idLines = (what, valid, example) => (t) => {
  const out = [];
  for (const line of nonEmptyLines(t)) {
    const pair = idAndValue(line);
    const value = pair?.value.trim() ?? "";
    if (!pair || !valid.test(value))
      return problem(
        `has the line ${JSON.stringify(line)}: write ID=${what}, one a line (e.g. ${example})`
      );
    out.push({ id: pair.id, value });
  }
  return ok(out);
};
var flagLines = (example) => (t) => {
  const all = nonEmptyLines(t);
  const bad = all.find((l) => /\s/.test(l) || l.startsWith("-"));
  return bad === void 0 ? ok(all) : problem(`has the line ${JSON.stringify(bad)}: one value a line, no spaces (e.g. ${example})`);
};
var DOCKER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
var builderName = (t) => DOCKER_NAME.test(t) ? ok(t) : problem("is not a buildx builder name (e.g. my-builder)");
var network = (t) => DOCKER_NAME.test(t) ? ok(t) : problem("must be default, none, host or a network name");
var attestation = (t) => /^[A-Za-z0-9_.,=:/-]+$/.test(t) && !t.startsWith("-") ? ok(t) : problem("must be false, true or buildx attestation options (e.g. mode=max)");
var givenBuild = (t) => {
  const m = /^(\d+(?:\.\d+)?)\s*s?(?:\/(fresh|uncached|cached|partly-cached))?$/.exec(t);
  if (!m)
    return problem(
      "must be seconds, optionally /fresh (--no-cache), /uncached, /cached or /partly-cached (e.g. 120.5/fresh)"
    );
  const cache = { fresh: "none", uncached: "none", cached: "all", "partly-cached": "partial" };
  return ok({
    seconds: Number(m[1]),
    cache: m[2] ? cache[m[2]] : "unknown",
    noCache: m[2] === "fresh"
  });
};
var setting = (spec) => ({ defaultDoc: "", input: true, config: false, commands: [], ...spec });
var BUDGET = { input: true, config: true, metavar: "S" };
var SETTINGS = {
  dockerfile: setting({
    actionDefault: "Dockerfile",
    doc: "Path of the Dockerfile from the workspace root.",
    default: "Dockerfile",
    defaultDoc: "Dockerfile",
    parse: ok,
    commands: ["compare"],
    metavar: "FILE"
  }),
  context: setting({
    actionDefault: ".",
    doc: "Build context.",
    default: ".",
    defaultDoc: ".",
    parse: ok,
    commands: ["lint", "compare"],
    metavar: "DIR"
  }),
  target: setting({
    doc: "Build stage.",
    default: null,
    parse: text,
    commands: ["lint", "compare"],
    metavar: "STAGE"
  }),
  platform: setting({
    doc: "One platform, os/arch[/variant]: the builds' --platform, and what the automatic platform ARGs (TARGETOS, TARGETARCH, \u2026) stand for while linting. Default: the engine's own (lint: linux/amd64).",
    default: null,
    parse: (t) => /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(t) ? ok(t) : problem(
      "must be one platform, os/arch[/variant], e.g. linux/arm64 (the image analyzed is one platform's)"
    ),
    commands: ["lint"],
    metavar: "OS/ARCH"
  }),
  fix: setting({
    doc: "Make the mechanical fixes whose effect is certain: the Dockerfile is rewritten in place (and .dockerignore, for IG008); each change and each finding left for a person is listed.",
    default: false,
    defaultDoc: "false",
    parse: boolean,
    input: false,
    commands: ["lint"]
  }),
  diff: setting({
    doc: "With --fix: print the changes as a unified diff instead, and write nothing.",
    default: false,
    defaultDoc: "false",
    parse: boolean,
    input: false,
    commands: ["lint"]
  }),
  "build-args": setting({ doc: "One KEY=VALUE a line.", default: [], parse: lines }),
  secrets: setting({
    doc: "Build secrets, one ID=VALUE a line, for `RUN --mount=type=secret,id=ID`. Masked; never in a log, comment, summary or report.",
    default: [],
    parse: secretLines,
    secret: true
  }),
  "secret-files": setting({
    doc: "Build secrets read from files, one ID=PATH a line.",
    default: [],
    parse: idLines("PATH", /^[^\s]+$/, "npmrc=/home/runner/.npmrc")
  }),
  "secret-envs": setting({
    doc: "Build secrets taken from the step's environment, one ID=ENV_NAME a line. Masked.",
    default: [],
    parse: idLines("ENV_NAME", /^[A-Za-z_][A-Za-z0-9_]*$/, "token=NPM_TOKEN")
  }),
  ssh: setting({
    doc: "SSH agent sockets or keys for `RUN --mount=type=ssh`, one a line: default, or ID=PATH.",
    default: [],
    parse: flagLines("default=/tmp/ssh-agent.sock")
  }),
  "cache-from": setting({
    doc: "Build cache sources, one a line (type=gha, type=registry,ref=\u2026, type=local,src=\u2026), for the head and base builds.",
    default: [],
    parse: flagLines("type=gha")
  }),
  "cache-to": setting({
    doc: "Build cache export, one a line (type=gha,mode=max, \u2026), written by the head image's build.",
    default: [],
    parse: flagLines("type=gha,mode=max")
  }),
  "build-contexts": setting({
    doc: "Additional build contexts, one NAME=PATH|docker-image://\u2026|https://\u2026 a line.",
    default: [],
    parse: (t) => {
      const parsed = flagLines("shared=../shared")(t);
      const bad = "value" in parsed ? parsed.value.find((l) => !/^[A-Za-z0-9][A-Za-z0-9_.-]*=./.test(l)) : void 0;
      return bad === void 0 ? parsed : problem(
        `has the line ${JSON.stringify(bad)}: write NAME=PATH or NAME=docker-image://\u2026, one a line`
      );
    }
  }),
  builder: setting({
    doc: "The buildx builder to build with (set up earlier, e.g. by docker/setup-buildx-action or a remote builder). Default: the current one.",
    default: null,
    parse: builderName
  }),
  network: setting({
    doc: "Network mode for RUN steps (default, none, host).",
    default: null,
    parse: network
  }),
  pull: setting({
    doc: "Always pull the newer version of base images while building.",
    default: false,
    defaultDoc: "false",
    parse: boolean
  }),
  labels: setting({ doc: "Image labels, one KEY=VALUE a line.", default: [], parse: lines }),
  provenance: setting({
    doc: "buildx's provenance attestation; off by default, since attestations would change what is compared.",
    default: "false",
    defaultDoc: "false",
    parse: attestation
  }),
  sbom: setting({
    doc: "buildx's SBOM attestation; off by default, like provenance.",
    default: "false",
    defaultDoc: "false",
    parse: attestation
  }),
  image: setting({
    doc: "An image already built by an earlier step; analyze it instead of building.",
    default: null,
    parse: text
  }),
  "base-image": setting({
    doc: "The image to compare against, pulled when not present. Empty builds the same Dockerfile at the base commit.",
    default: null,
    parse: pulledImage
  }),
  "base-ref": setting({
    doc: "The commit to build the base image from (default the PR's base SHA; on push, the before SHA).",
    default: null,
    defaultDoc: "the PR's base SHA; on push, before",
    parse: text
  }),
  head: setting({
    doc: "The image to judge.",
    default: null,
    parse: text,
    input: false,
    commands: ["compare"],
    metavar: "IMAGE"
  }),
  base: setting({
    doc: "The image to compare against.",
    default: null,
    parse: text,
    input: false,
    commands: ["compare"],
    metavar: "IMAGE"
  }),
  "max-size": setting({
    ...BUDGET,
    doc: "Budget on the head image size (250MB, 1.2GiB, bytes).",
    default: null,
    parse: size,
    commands: ["analyze", "compare"]
  }),
  "max-increase": setting({
    ...BUDGET,
    doc: "Budget on growth against the base (10MB or 5%).",
    default: null,
    parse: increase,
    commands: ["compare"]
  }),
  "max-wasted": setting({
    ...BUDGET,
    doc: "Budget on wasted bytes.",
    default: null,
    parse: size,
    commands: ["analyze", "compare"]
  }),
  "min-efficiency": setting({
    ...BUDGET,
    doc: "Budget on efficiency, 0..1.",
    default: null,
    parse: efficiency,
    commands: ["analyze", "compare"],
    metavar: "E"
  }),
  "max-layers": setting({
    ...BUDGET,
    doc: "Budget on non-empty layers.",
    default: null,
    parse: count,
    commands: ["analyze", "compare"],
    metavar: "N"
  }),
  "fail-on": setting({
    doc: "The lowest finding severity that fails the step (error, warning, info, never); broken budgets always fail.",
    default: "error",
    defaultDoc: "error",
    parse: failOn,
    config: true,
    commands: ["lint", "analyze", "compare"],
    metavar: "LEVEL"
  }),
  ignore: setting({
    doc: "Rule ids to skip, comma or newline separated.",
    default: [],
    parse: ruleIds,
    config: true,
    commands: ["lint", "analyze", "compare"],
    metavar: "IDS"
  }),
  config: setting({
    doc: 'Config file: budgets, ignores, severity overrides and the other settings marked "config" (default .image-guard.yml when present).',
    default: null,
    defaultDoc: ".image-guard.yml when present",
    parse: text,
    commands: ["lint", "analyze", "compare"],
    metavar: "FILE"
  }),
  files: setting({
    doc: "File-level analysis (wasted space, largest files, content checks); false = layers only, no export.",
    default: true,
    defaultDoc: "true",
    parse: boolean,
    config: true,
    commands: ["analyze", "compare"]
  }),
  "pull-size": setting({
    doc: "Count the compressed size of locally built layers for the pull size and time (gzip and zstd of every byte); false = only what a registry manifest says.",
    default: true,
    defaultDoc: "true",
    parse: boolean,
    config: true,
    commands: ["analyze", "compare"]
  }),
  "cache-probe": setting({
    doc: "Rebuild the head image after a one-file source change and report which layers missed the cache.",
    default: false,
    defaultDoc: "false",
    parse: boolean,
    config: true
  }),
  comment: setting({
    actionDefault: "true",
    doc: "Post or update the sticky PR comment.",
    default: true,
    defaultDoc: "true",
    parse: boolean
  }),
  "comment-key": setting({
    doc: "Separates sticky comments of several images in one PR (default derived from dockerfile and target).",
    default: null,
    defaultDoc: "dockerfile and target",
    parse: text
  }),
  "github-token": setting({
    actionDefault: "${{ github.token }}",
    doc: "Token for the PR comment.",
    default: "",
    defaultDoc: "${{ github.token }}",
    parse: ok
  }),
  "pull-bandwidth": setting({
    doc: "Link speed for the pull-time estimate (100Mbit/s, 1Gbit/s, 12.5MB/s); pull time = compressed bytes x 8 / bandwidth.",
    default: DEFAULT_PULL_BANDWIDTH,
    defaultDoc: "100Mbit/s",
    parse: bandwidth,
    config: true,
    commands: ["compare"],
    metavar: "SPEED"
  }),
  "build-time": setting({
    doc: "cached (builds reuse the engine's cache; a cached build is reported as such) or fresh (both images built with --no-cache, so their build times compare).",
    default: "cached",
    defaultDoc: "cached",
    parse: buildTime,
    config: true
  }),
  "startup-probe": setting({
    doc: "Measure start-up time, docker run to ready: port:PORT (a TCP connect to the container) or cmd:COMMAND (run with sh -c in the container until it exits 0). Empty = not measured.",
    default: null,
    parse: startupProbe,
    config: true,
    commands: ["compare"],
    metavar: "port:PORT|cmd:COMMAND"
  }),
  "startup-runs": setting({
    doc: "Start-up runs per image; the median is reported.",
    default: 3,
    defaultDoc: "3",
    parse: runs,
    config: true,
    commands: ["compare"],
    metavar: "N"
  }),
  "startup-timeout": setting({
    doc: "Seconds a start-up run may take to get ready before it is reported as not ready.",
    default: 60,
    defaultDoc: "60",
    parse: seconds,
    config: true,
    commands: ["compare"],
    metavar: "SECONDS"
  }),
  "base-build-time": setting({
    doc: "The base image's build time as measured elsewhere: seconds, optionally /fresh, /uncached, /cached or /partly-cached.",
    default: null,
    parse: givenBuild,
    input: false,
    commands: ["compare"],
    metavar: "S[/fresh|/uncached|/cached|/partly-cached]"
  }),
  "head-build-time": setting({
    doc: "The head image's build time as measured elsewhere, written like --base-build-time.",
    default: null,
    parse: givenBuild,
    input: false,
    commands: ["compare"],
    metavar: "S[/\u2026]"
  })
};
var SETTING_NAMES = Object.keys(SETTINGS);
function specOf(name) {
  return SETTINGS[name];
}
function resolveSettings(written, fromFile = {}, what = "bad inputs") {
  const problems = [];
  const settings = {};
  const explicit = /* @__PURE__ */ new Set();
  for (const name of SETTING_NAMES) {
    const spec = specOf(name);
    const w = written[name];
    if (w !== void 0 && w.text.trim() !== "") {
      const parsed = spec.parse(w.text.trim());
      if ("problem" in parsed)
        problems.push(
          spec.secret ? `${w.shown}: ${parsed.problem}` : `${w.shown} ${JSON.stringify(w.text.trim())} ${parsed.problem}`
        );
      else {
        settings[name] = parsed.value;
        explicit.add(name);
        continue;
      }
    }
    settings[name] = name in fromFile && fromFile[name] !== void 0 ? fromFile[name] : spec.default;
  }
  if (problems.length > 0) throw new UserError(`${what}: ${problems.join("; ")}`);
  return { settings, explicit };
}
function parseFileValue(name, value) {
  let t;
  if (typeof value === "string") t = value.trim();
  else if (typeof value === "number" || typeof value === "boolean") t = String(value);
  else if (Array.isArray(value) && value.every((v) => typeof v === "string")) t = value.join("\n");
  else
    return problem(`must be ${Array.isArray(value) ? "a list of strings" : "text, a number or true/false"}`);
  if (t === "") return { value: specOf(name).default };
  return specOf(name).parse(t);
}

// src/config/config.ts
var CONFIG_FILE = ".image-guard.yml";
var MAX_CONFIG_BYTES = 64 * 1024;
var CONFIG_KEYS = [
  ...SETTING_NAMES.filter((name) => specOf(name).config),
  "severity"
];
function emptyConfig() {
  return { path: null, settings: {}, ignore: [], severity: {} };
}
var SEVERITY_LEVELS = ["error", "warning", "info", "off"];
function configFromObject(doc, where) {
  const config = emptyConfig();
  if (doc === null || doc === void 0) return config;
  if (typeof doc !== "object" || Array.isArray(doc)) {
    throw new UserError(
      `${where}: write a mapping of keys (${CONFIG_KEYS.join(", ")}), not ${Array.isArray(doc) ? "a list" : typeof doc}`
    );
  }
  const problems = [];
  for (const [key, value] of Object.entries(doc)) {
    if (value === null || value === void 0) continue;
    if (key === "severity") {
      config.severity = severityOverrides(value, problems);
      continue;
    }
    if (!CONFIG_KEYS.includes(key)) {
      problems.push(`unknown key "${key}": the keys are ${CONFIG_KEYS.join(", ")}`);
      continue;
    }
    const parsed = parseFileValue(key, value);
    if ("problem" in parsed) problems.push(`${key} ${JSON.stringify(value)} ${parsed.problem}`);
    else config.settings[key] = parsed.value;
  }
  if (problems.length > 0) throw new UserError(`${where}: ${problems.join("; ")}`);
  config.ignore = config.settings.ignore ?? [];
  return config;
}
function severityOverrides(value, problems) {
  const out = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push("severity: write a mapping of rule id to error, warning, info or off, like `IG007: off`");
    return out;
  }
  for (const [id, level] of Object.entries(value)) {
    const rule = id.trim().toUpperCase();
    if (!isKnownRuleId(rule)) {
      problems.push(`severity: unknown rule id "${id}": ${KNOWN_RULES_HINT}`);
      continue;
    }
    const l = level === false ? "off" : typeof level === "string" ? level.trim().toLowerCase() : level;
    if (typeof l !== "string" || !SEVERITY_LEVELS.includes(l)) {
      problems.push(`severity: ${id}: write error, warning, info or off (got ${JSON.stringify(level)})`);
      continue;
    }
    out[rule] = l;
  }
  return out;
}
async function loadConfig(path, cwd) {
  const file = path === null ? join3(cwd, CONFIG_FILE) : resolve3(cwd, path);
  const shown = path ?? CONFIG_FILE;
  let text2;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new UserError(`config ${shown} is a directory: give the path of a YAML file`);
    if (!st.isFile())
      throw new UserError(`config ${shown} is not a regular file: give the path of a YAML file`);
    if (st.size > MAX_CONFIG_BYTES)
      throw new UserError(
        `config ${shown} is ${formatBytes(st.size)}: config files are read up to ${formatBytes(MAX_CONFIG_BYTES)}; give the path of an .image-guard.yml`
      );
    text2 = await readFile(file, "utf8");
  } catch (error2) {
    if (error2 instanceof UserError) throw error2;
    if (path === null) return emptyConfig();
    throw new UserError(`config ${shown} not found: give the path of an existing .image-guard.yml`);
  }
  const config = configFromObject(await parseYaml(text2, `config ${shown}`), `config ${shown}`);
  config.path = file;
  return config;
}
async function parseYaml(text2, where) {
  const mod = await import("./dist-LXITOLAZ.js");
  const { parse, YAMLParseError } = mod.YAMLParseError ? mod : mod.default ?? mod;
  try {
    return parse(text2);
  } catch (error2) {
    if (error2 instanceof YAMLParseError) {
      const line = error2.linePos?.[0]?.line;
      throw new UserError(
        `${where}${line ? `:${line}` : ""} is not valid YAML: ${error2.message.split("\n")[0]}`
      );
    }
    if (error2 instanceof RangeError)
      throw new UserError(`${where} is nested too deeply to be a config file: write a flat mapping of keys`);
    throw error2;
  }
}

// src/app/load-settings.ts
async function loadSettings(written, dir, what) {
  const { settings: first } = resolveSettings(written, {}, what);
  const config = await loadConfig(first.config, dir);
  const { settings, explicit } = resolveSettings(written, config.settings, what);
  return { settings, config: { ...config, ignore: settings.ignore }, explicit };
}

// src/action/inputs.ts
var INPUT_NAMES = SETTING_NAMES.filter((name) => specOf(name).input);
function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function writtenInputs(env = process.env) {
  const written = {};
  for (const name of INPUT_NAMES) {
    const text2 = (env[inputVariable(name)] ?? "").trim();
    if (text2 !== "") written[name] = { text: text2, shown: name };
  }
  return written;
}
async function actionSettings(env, workspace) {
  const written = writtenInputs(env);
  insideWorkspace(workspace, written.config?.text ?? CONFIG_FILE, "config");
  return loadSettings(written, workspace, "bad inputs");
}

// src/action/outputs.ts
function annotate(findings2, dockerfile) {
  const shown = findings2.filter((f) => f.severity !== "info").sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.line ?? 0) - (b.line ?? 0));
  for (const f of shown) {
    const title = `${f.rule} ${f.name}`;
    const message = f.fix ? `${f.message}
Fix: ${f.fix}` : f.message;
    const props = { title, file: f.file ?? dockerfile };
    if (f.line) props.startLine = f.line;
    if (f.severity === "error") error(message, props);
    else warning(message, props);
  }
}
function setOutputs(report, files) {
  const head = report?.head ?? null;
  const base = report?.base ?? null;
  const set = (name, value) => setOutput(name, value ?? "");
  set("size", head?.size);
  set("base-size", base?.size);
  set("size-delta", report?.delta?.size);
  set("size-delta-percent", report?.delta?.percent);
  set("layers", head ? head.layers.filter((l) => !l.empty).length : null);
  set("efficiency", head?.files?.efficiency);
  set("wasted-bytes", head?.files?.wastedBytes);
  set("findings", report?.findings.length ?? 0);
  set("passed", String(files.passed));
  set("report-file", files.reportFile);
  set("comment-file", files.commentFile);
  set("comment-url", files.commentUrl);
  set("report-html", files.htmlFile);
}

// src/action/publish.ts
import { mkdir as mkdir2, writeFile } from "node:fs/promises";
import { join as join4 } from "node:path";

// src/github/artifact.ts
import { basename as basename2, dirname as dirname2 } from "node:path";
function artifactService(env = process.env) {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return {
      unavailable: "the artifact service is not available here (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL: a local run, or GitHub Enterprise Server without it)"
    };
  }
  if (isEnterpriseServer(env.GITHUB_SERVER_URL)) {
    return {
      unavailable: "GitHub Enterprise Server does not offer the artifact service (v2) to @actions/artifact"
    };
  }
  return {
    uploader: {
      async upload(name, file) {
        const { DefaultArtifactClient } = await import("./artifact-JUAL35YV.js");
        const client = new DefaultArtifactClient();
        const { id } = await client.uploadArtifact(name, [file], dirname2(file), { compressionLevel: 9 });
        if (id === void 0) throw new Error(`the artifact service gave no id for ${basename2(file)}`);
        return { id, url: artifactUrl(env, id) };
      }
    }
  };
}
function artifactUrl(env, id) {
  const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const repo = env.GITHUB_REPOSITORY;
  const run2 = env.GITHUB_RUN_ID;
  if (!repo || !run2 || !/^\d+$/.test(run2) || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return "";
  return `${server}/${repo}/actions/runs/${run2}/artifacts/${id}`;
}
function isEnterpriseServer(serverUrl) {
  let host;
  try {
    host = new URL(serverUrl || "https://github.com").hostname.toUpperCase();
  } catch {
    return false;
  }
  return host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
}
function artifactName(prefix, key) {
  const safe = key.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "");
  return safe ? `${prefix}-${safe}`.slice(0, 200) : prefix;
}

// src/render/html/index.ts
import { createHash } from "node:crypto";

// src/render/html/escape.ts
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function html(text2) {
  return String(text2).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function scriptJson(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

// src/render/html/page-script.ts
var PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var dataEl = document.getElementById('ig-data');
  var D = JSON.parse(dataEl.textContent);
  var UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  function fmt(n) {
    var sign = n < 0 ? '-' : '';
    var v = Math.abs(n);
    var u = 0;
    while (v >= 1000 && u < UNITS.length - 1) { v /= 1000; u++; }
    var r = u === 0 ? Math.round(v) : Number(v.toPrecision(3));
    if (r >= 1000 && u < UNITS.length - 1) { r = Number((r / 1000).toPrecision(3)); u++; }
    return (r === 0 ? '' : sign) + r + ' ' + UNITS[u];
  }
  function signed(n) { return n > 0 ? '+' + fmt(n) : fmt(n); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var KIND = { d: 'directory', f: 'file', l: 'symlink', h: 'hard link', o: 'other', x: 'deleted' };

  // ---- A tree of rows that expand on click: used for the filesystem and the diff.
  function treeView(host, columns, root, describe) {
    var header = el('div', 'row head');
    columns.forEach(function (c, i) { header.appendChild(el('div', i === 0 ? 'name' : 'n', c)); });
    host.appendChild(header);
    var list = el('div', 'rows');
    host.appendChild(list);
    function addRows(node, depth, after) {
      var rows = [];
      describe.children(node).forEach(function (child) { rows.push(makeRow(child, depth)); });
      var extra = describe.folded(node);
      if (extra) {
        var f = el('div', 'row folded');
        var name = el('div', 'name', extra[0]);
        name.style.paddingLeft = (depth * 16 + 18) + 'px';
        f.appendChild(name);
        extra.slice(1).forEach(function (v) { f.appendChild(el('div', 'n', v)); });
        rows.push(f);
      }
      var ref = after ? after.nextSibling : null;
      rows.forEach(function (r) { list.insertBefore(r, ref); });
      return rows;
    }
    function makeRow(node, depth) {
      var d = describe.row(node);
      var row = el('div', 'row' + (d.cls ? ' ' + d.cls : ''));
      row.dataset.path = d.path;
      var name = el('div', 'name');
      name.style.paddingLeft = (depth * 16) + 'px';
      var open = describe.children(node).length > 0 || describe.folded(node);
      var btn = el('button', 'tw', open ? '\u25b8' : '');
      btn.type = 'button';
      if (open) {
        btn.setAttribute('aria-expanded', 'false');
        btn.setAttribute('aria-label', 'expand ' + d.name);
      } else btn.disabled = true;
      name.appendChild(btn);
      name.appendChild(document.createTextNode(d.name));
      name.title = d.path;
      row.appendChild(name);
      d.cells.forEach(function (c) {
        var cell = el('div', 'n' + (c.cls ? ' ' + c.cls : ''), c.text);
        if (c.value !== undefined) cell.dataset.value = String(c.value);
        row.appendChild(cell);
      });
      var shown = null;
      btn.addEventListener('click', function () {
        if (shown) {
          shown.forEach(function (r) { collapse(r); r.remove(); });
          shown = null;
          btn.textContent = '\u25b8';
          btn.setAttribute('aria-expanded', 'false');
        } else {
          shown = addRows(node, depth + 1, lastRowOf(row));
          btn.textContent = '\u25be';
          btn.setAttribute('aria-expanded', 'true');
        }
      });
      row._collapse = function () { if (shown) btn.click(); };
      return row;
    }
    function collapse(r) { if (r._collapse) r._collapse(); }
    function lastRowOf(row) { return row; }
    addRows(root, 0, null);
  }

  // ---- The final filesystem.
  var tree = D.tree;
  var fsHost = document.getElementById('fs-tree');
  if (tree && fsHost) {
    var pathOf = new Map();
    pathOf.set(tree, '');
    treeView(fsHost, ['path', 'size', 'files', 'wasted', 'layer'], tree, {
      children: function (n) {
        var kids = n[6] || [];
        var base = pathOf.get(n);
        kids.forEach(function (k) { if (!pathOf.has(k)) pathOf.set(k, base + '/' + k[0]); });
        return kids;
      },
      folded: function (n) {
        var f = n[7];
        if (!f) return null;
        return [f[0] + ' smaller entries', fmt(f[1]), String(f[2]), f[3] ? fmt(f[3]) : '', ''];
      },
      row: function (n) {
        var cls = (n[3] > 0 ? 'wasted' : '') + (n[5] === 'x' ? ' gone' : '');
        return {
          name: n[0] + (n[5] === 'd' ? '/' : n[5] === 'l' ? ' \u2192' : ''),
          path: pathOf.get(n) || '/',
          cls: cls,
          cells: [
            { text: n[5] === 'x' ? KIND.x : fmt(n[1]), value: n[1] },
            { text: n[5] === 'd' ? String(n[2]) : '', value: n[2] },
            { text: n[3] ? fmt(n[3]) : '', value: n[3], cls: 'w' },
            { text: n[4] >= 0 ? String(n[4]) : '' },
          ],
        };
      },
    });
  }

  // ---- The diff against the base, nested by path from the report's directories and files.
  var diffHost = document.getElementById('diff-tree');
  if (D.diff && diffHost) {
    var droot = { name: '', path: '/', kids: new Map(), dir: null, file: null };
    var at = function (path) {
      var node = droot;
      path.split('/').filter(Boolean).forEach(function (part) {
        var next = node.kids.get(part);
        if (!next) {
          next = { name: part, path: (node.path === '/' ? '' : node.path) + '/' + part, kids: new Map(), dir: null, file: null };
          node.kids.set(part, next);
        }
        node = next;
      });
      return node;
    };
    (D.diff.directories || []).forEach(function (d) {
      at(d.path).dir = d;
      (d.largest || []).forEach(function (f) { at(f.path).file = f; });
    });
    (D.diff.files || []).forEach(function (f) { at(f.path).file = f; });
    var weightOf = function (n) {
      if (n.file) return Math.abs(n.file.delta);
      if (n.dir) return Math.abs(n.dir.net);
      var w = 0;
      n.kids.forEach(function (k) { w = Math.max(w, weightOf(k)); });
      return w;
    };
    treeView(diffHost, ['path', 'change', 'base', 'head', 'delta'], droot, {
      children: function (n) {
        return Array.from(n.kids.values()).sort(function (a, b) { return weightOf(b) - weightOf(a); });
      },
      folded: function () { return null; },
      row: function (n) {
        var f = n.file;
        var d = n.dir;
        var delta = f ? f.delta : d ? d.net : null;
        var what = f ? f.change : d ? '+' + d.added.files + ' \u2212' + d.removed.files + ' \u00b1' + (d.grown.files + d.shrunk.files) : '';
        return {
          name: n.name + (n.kids.size && !f ? '/' : ''),
          path: n.path,
          cls: delta === null ? '' : delta > 0 ? 'plus' : delta < 0 ? 'minus' : '',
          cells: [
            { text: what },
            { text: f && f.baseSize !== null ? fmt(f.baseSize) : '' },
            { text: f && f.headSize !== null ? fmt(f.headSize) : '' },
            { text: delta === null ? '' : signed(delta), value: delta === null ? undefined : delta },
          ],
        };
      },
    });
  }

  // ---- The treemap: squarified, one directory at a time with its children's children inside; click zooms.
  var mapHost = document.getElementById('treemap');
  if (tree && mapHost) {
    var W = 960, H = 420, NS = 'http://www.w3.org/2000/svg';
    var COLORS = ['#0969da', '#1a7f37', '#8250df', '#bf3989', '#9a6700', '#0550ae', '#116329', '#6639ba', '#953800', '#1b7c83'];
    var crumbs = el('div', 'crumbs');
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('role', 'img');
    mapHost.appendChild(crumbs);
    mapHost.appendChild(svg);
    var squarify = function (items, x, y, w, h) {
      var out = [];
      var total = items.reduce(function (s, i) { return s + i.v; }, 0);
      if (total <= 0) return out;
      var scale = (w * h) / total;
      var rest = items.map(function (i) { return { item: i, a: i.v * scale }; });
      while (rest.length) {
        var side = Math.min(w, h);
        var row = [];
        var worst = Infinity;
        while (rest.length) {
          var trial = row.concat([rest[0]]);
          var sum = trial.reduce(function (s, r) { return s + r.a; }, 0);
          var mx = Math.max.apply(null, trial.map(function (r) { return r.a; }));
          var mn = Math.min.apply(null, trial.map(function (r) { return r.a; }));
          var wst = Math.max((side * side * mx) / (sum * sum), (sum * sum) / (side * side * mn));
          if (row.length && wst > worst) break;
          row = trial;
          worst = wst;
          rest.shift();
        }
        var rowSum = row.reduce(function (s, r) { return s + r.a; }, 0);
        var thick = rowSum / side;
        var off = 0;
        row.forEach(function (r) {
          var len = r.a / thick;
          if (w >= h) out.push({ item: r.item, x: x, y: y + off, w: thick, h: len });
          else out.push({ item: r.item, x: x + off, y: y, w: len, h: thick });
          off += len;
        });
        if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
      }
      return out;
    };
    var itemsOf = function (n) {
      var items = (n[6] || []).filter(function (k) { return k[1] > 0; }).map(function (k) { return { node: k, v: k[1], name: k[0] }; });
      if (n[7] && n[7][1] > 0) items.push({ node: null, v: n[7][1], name: n[7][0] + ' smaller' });
      // Too small to see: what falls under one pixel in 2 is drawn as one block.
      var total = items.reduce(function (s, i) { return s + i.v; }, 0);
      var min = total / (W * H) * 2;
      var small = items.filter(function (i) { return i.v < min; });
      if (small.length > 1) {
        items = items.filter(function (i) { return i.v >= min; });
        items.push({ node: null, v: small.reduce(function (s, i) { return s + i.v; }, 0), name: small.length + ' small' });
      }
      return items.sort(function (a, b) { return b.v - a.v; });
    };
    var trail = [tree];
    var draw = function () {
      var cur = trail[trail.length - 1];
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      while (crumbs.firstChild) crumbs.removeChild(crumbs.firstChild);
      trail.forEach(function (n, i) {
        var b = el('button', '', i === 0 ? '/' : n[0] + '/');
        b.type = 'button';
        b.addEventListener('click', function () { trail = trail.slice(0, i + 1); draw(); });
        crumbs.appendChild(b);
      });
      crumbs.appendChild(el('span', 'muted', ' ' + fmt(cur[1])));
      squarify(itemsOf(cur), 0, 0, W, H).forEach(function (box, i) {
        var color = COLORS[i % COLORS.length];
        var g = document.createElementNS(NS, 'g');
        var r = document.createElementNS(NS, 'rect');
        r.setAttribute('x', box.x); r.setAttribute('y', box.y);
        r.setAttribute('width', Math.max(0, box.w)); r.setAttribute('height', Math.max(0, box.h));
        r.setAttribute('fill', box.item.node ? color : '#8c959f');
        var title = document.createElementNS(NS, 'title');
        title.textContent = box.item.name + ': ' + fmt(box.item.v);
        r.appendChild(title);
        g.appendChild(r);
        var node = box.item.node;
        if (node && node[6] && node[6].length && box.w > 24 && box.h > 24) {
          squarify(itemsOf(node), box.x + 2, box.y + 16, box.w - 4, box.h - 18).forEach(function (inner) {
            var ir = document.createElementNS(NS, 'rect');
            ir.setAttribute('x', inner.x); ir.setAttribute('y', inner.y);
            ir.setAttribute('width', Math.max(0, inner.w)); ir.setAttribute('height', Math.max(0, inner.h));
            ir.setAttribute('fill', color); ir.setAttribute('fill-opacity', '0.55');
            var t2 = document.createElementNS(NS, 'title');
            t2.textContent = node[0] + '/' + inner.item.name + ': ' + fmt(inner.item.v);
            ir.appendChild(t2);
            g.appendChild(ir);
          });
        }
        if (box.w > 40 && box.h > 14) {
          var t = document.createElementNS(NS, 'text');
          t.setAttribute('x', box.x + 4); t.setAttribute('y', box.y + 12);
          var label = box.item.name + ' ' + fmt(box.item.v);
          var fit = Math.floor((box.w - 8) / 6.5);
          t.textContent = label.length > fit ? label.slice(0, Math.max(0, fit - 1)) + '\u2026' : label;
          g.appendChild(t);
        }
        if (node && node[6] && node[6].length) {
          g.addEventListener('click', function () { trail.push(node); draw(); });
        }
        svg.appendChild(g);
      });
    };
    draw();
  }
  document.body.dataset.ready = 'true';
})();
`;

// src/render/html/page-style.ts
var PAGE_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 48px; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans",
  Helvetica, Arial, sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d1d9e0; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
.muted { color: #59636e; }
.status { display: inline-block; padding: 2px 10px; border-radius: 2em; font-weight: 600; }
.status.pass { background: #dafbe1; color: #116329; }
.status.fail { background: #ffebe9; color: #a40e26; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { padding: 4px 10px; border: 1px solid #d1d9e0; vertical-align: top; }
th { background: #f6f8fa; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.better { color: #116329; }
.worse { color: #a40e26; }
nav a { margin-right: 14px; color: #0969da; text-decoration: none; }
table.layers { width: 100%; table-layout: fixed; }
table.layers td.side { width: 44%; }
table.layers td.st { width: 12%; text-align: center; }
.bar { height: 8px; background: #0969da; border-radius: 2px; margin: 3px 0; min-width: 1px; }
.bar.base { background: #8c959f; }
.instr { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.st-same { color: #59636e; } .st-changed { color: #9a6700; } .st-added { color: #116329; } .st-removed { color: #a40e26; }
details.chg summary { cursor: pointer; color: #0969da; font-size: 12px; }
details.chg ul { margin: 2px 0 6px; padding-left: 18px; font-size: 12px; }
.add { color: #116329; } .mod { color: #9a6700; } .del { color: #a40e26; }
.tree { font-size: 13px; border: 1px solid #d1d9e0; border-radius: 6px; max-height: 640px; overflow: auto; }
.tree .row { display: grid; grid-template-columns: minmax(240px, 1fr) 90px 70px 90px 50px; gap: 6px;
  padding: 1px 8px; border-bottom: 1px solid #f0f2f4; align-items: center; }
.tree .row.head { position: sticky; top: 0; background: #f6f8fa; font-weight: 600; }
.tree .row:hover { background: #f6f8fa; }
.tree .name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tree .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tree button.tw { border: 0; background: none; width: 18px; padding: 0; cursor: pointer; font-size: 11px; }
.tree .wasted .name, .tree .wasted .w { color: #a40e26; }
.tree .gone .name { text-decoration: line-through; }
.tree .folded { color: #59636e; font-style: italic; }
.tree .plus { color: #116329; } .tree .minus { color: #a40e26; }
#treemap svg { width: 100%; height: auto; border: 1px solid #d1d9e0; border-radius: 6px; }
#treemap rect { stroke: #fff; stroke-width: 1; cursor: pointer; }
#treemap text { font-size: 11px; pointer-events: none; fill: #fff; }
.crumbs button { border: 0; background: none; color: #0969da; cursor: pointer; padding: 0 2px; font: inherit; }
.legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; border-radius: 2px; }
`;

// src/render/html/index.ts
var DEFAULT_LAYER_PATHS = 20;
function renderHtml(report, options) {
  const head = report.head;
  const base = report.base;
  const title = `image-guard${options.title ? `: ${options.title}` : ""}`;
  const script = PAGE_SCRIPT;
  const hash = createHash("sha256").update(script).digest("base64");
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:`;
  const headTree = options.explore?.head?.tree ?? null;
  const data = { tree: headTree, diff: report.diff ?? null };
  const sections = [];
  const nav = [];
  const section = (id, heading, body) => {
    nav.push([id, heading]);
    sections.push(`<section id="${id}"><h2>${html(heading)}</h2>${body}</section>`);
  };
  if (head) {
    section("overview", "Overview", overview(report, head, base, options) + costs(report));
    section("layers", "Layers", layers(report, head, base, options));
    if (headTree) {
      section(
        "where",
        "Where the bytes are",
        `<p class="muted">The head's final filesystem by directory; click a block to go into it.</p><div id="treemap"></div>`
      );
      section(
        "files",
        "Final filesystem",
        `<p class="muted">The head's final filesystem, heaviest first; <span class="del">red</span>: bytes that a later layer hid (written again or deleted), <s>struck</s>: a path deleted. ${foldNote(options.explore.head)}</p><div id="fs-tree" class="tree"></div>`
      );
    }
    if (report.diff) {
      section(
        "diff",
        "Diff against the base",
        `${diffTotals(report)}<p class="muted">The directories that changed most and their largest changed files, nested by path.</p><div id="diff-tree" class="tree"></div>`
      );
    }
  }
  if (report.findings.length || report.budgets.length)
    section("findings", "Findings and budgets", findings(report));
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${html(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    "</head><body>",
    `<h1>${html(title)}</h1>`,
    `<p><span class="status ${report.passed ? "pass" : "fail"}" data-figure="passed" data-value="${report.passed}">${html(statusLine(report, options.failOn))}</span> <span class="muted">${html(report.tool.name)} ${html(report.tool.version)}</span></p>`,
    `<nav>${nav.map(([id, h]) => `<a href="#${id}">${html(h)}</a>`).join("")}</nav>`,
    ...sections,
    `<script type="application/json" id="ig-data">${scriptJson(data)}</script>`,
    `<script>${script}</script>`,
    "</body></html>",
    ""
  ].join("\n");
}
var num = (figure, value, text2) => value === null || value === void 0 ? `<td class="num">${html(text2)}</td>` : `<td class="num" data-figure="${html(figure)}" data-value="${value}">${html(text2)}</td>`;
function shortId(image) {
  return image.id.replace(/^sha256:/, "").slice(0, 12);
}
function overview(report, head, base, o) {
  const d = report.delta;
  const count2 = (i) => i.layers.filter((l) => !l.empty).length;
  const label = (l, i) => `<code>${html(l ?? i.ref)}</code> <span class="muted">${html(shortId(i))}</span>`;
  const rows = [];
  const row2 = (name, cells) => rows.push(`<tr><th>${html(name)}</th>${cells.join("")}</tr>`);
  const side = (i, key, value, text2) => {
    const v = i ? value(i) : null;
    return num(key, v, v === null ? "\u2013" : text2(v));
  };
  const both = (key, value, text2) => base ? [side(base, `base.${key}`, value, text2), side(head, `head.${key}`, value, text2)] : [side(head, `head.${key}`, value, text2)];
  row2("size", [
    ...both("size", (i) => i.size, formatBytes),
    ...d ? [
      num(
        "delta.size",
        d.size,
        `${signed(d.size, formatBytes)}${d.percent === null ? "" : ` (${signed(d.percent, (n) => `${n}%`)})`}`
      )
    ] : []
  ]);
  row2("layers", [
    ...both("layers", count2, String),
    ...d ? [num("delta.layers", d.layers, signed(d.layers, String))] : []
  ]);
  if (head.files) {
    row2("files", [
      ...both(
        "files.fileCount",
        (i) => i.files?.fileCount ?? null,
        (n) => n.toLocaleString("en-US")
      ),
      ...d ? ["<td></td>"] : []
    ]);
    row2("wasted", [
      ...both("files.wastedBytes", (i) => i.files?.wastedBytes ?? null, formatBytes),
      ...d ? [
        num(
          "delta.wastedBytes",
          d.wastedBytes,
          d.wastedBytes === null ? "\u2013" : signed(d.wastedBytes, formatBytes)
        )
      ] : []
    ]);
    row2("efficiency", [
      ...both("files.efficiency", (i) => i.files?.efficiency ?? null, percent),
      ...d ? ["<td></td>"] : []
    ]);
  }
  const headers = base ? `<tr><th></th><th>base ${label(o.baseLabel, base)}</th><th>head ${label(o.headLabel, head)}</th>${d ? "<th>delta</th>" : ""}</tr>` : `<tr><th></th><th>head ${label(o.headLabel, head)}</th></tr>`;
  const why = !base && report.baseUnavailable ? `<p class="muted">No base: ${html(report.baseUnavailable)}</p>` : "";
  const judged = report.judged ? `<p class="muted">${html(describeJudged(report.judged))}</p>` : "";
  return `<table class="overview">${headers}${rows.join("")}</table>${why}${judged}`;
}
function costs(report) {
  if (!report.costs) return "";
  const { rows, notes } = costRows(report.costs);
  const withBase = report.costs.base !== null;
  const body = rows.map((r) => {
    const cls = r.better === null ? "" : r.better ? " better" : " worse";
    return withBase ? `<tr><th>${html(r.label)}</th><td class="num">${html(r.base)}</td><td class="num">${html(r.head)}</td><td class="num${cls}">${html(r.change)}</td></tr>` : `<tr><th>${html(r.label)}</th><td class="num">${html(r.head)}</td></tr>`;
  }).join("");
  const head = withBase ? "<tr><th></th><th>base</th><th>head</th><th>change</th></tr>" : "<tr><th></th><th>head</th></tr>";
  const list = notes.length ? `<ul class="muted">${notes.map((n) => `<li>${html(n)}</li>`).join("")}</ul>` : "";
  return `<h3>Size, build, pull and start-up</h3><table class="costs">${head}${body}</table>${list}`;
}
function layers(report, head, base, o) {
  const rows = report.layers.length ? report.layers : head.layers.map((l) => ({
    status: "added",
    base: null,
    head: l.index,
    createdBy: l.createdBy,
    baseSize: null,
    headSize: l.size,
    delta: l.size
  }));
  const max = Math.max(1, ...rows.map((r) => Math.max(r.baseSize ?? 0, r.headSize ?? 0)));
  const limit = o.layerPaths ?? DEFAULT_LAYER_PATHS;
  const changesOf = (explore) => new Map((explore?.layers ?? []).map((l) => [l.layer, l]));
  const headChanges = changesOf(o.explore?.head);
  const baseChanges = changesOf(o.explore?.base);
  const cell = (side, image, index, changes) => {
    if (!image || index === null) return '<td class="side"></td>';
    const layer = image.layers[index];
    if (!layer) return '<td class="side"></td>';
    const width = (layer.size / max * 100).toFixed(2);
    const instruction = normalizeInstruction(layer.createdBy) || "(no instruction recorded)";
    const c = changes.get(index);
    return `<td class="side"><div class="muted">${side} layer ${index} \xB7 <span data-figure="${side}.layers.${index}.size" data-value="${layer.size}">${html(formatBytes(layer.size))}</span>${layer.empty ? " \xB7 empty" : ""}</div><div class="bar${side === "base" ? " base" : ""}" style="width:${width}%"></div><div class="instr">${html(instruction)}</div>${c ? layerChanges(c, limit) : ""}</td>`;
  };
  const body = rows.map(
    (r) => `<tr>${base ? cell("base", base, r.base, baseChanges) : ""}<td class="st st-${r.status}">${html(r.status)}<br><span class="muted">${html(signed(r.delta, formatBytes))}</span></td>${cell("head", head, r.head, headChanges)}</tr>`
  ).join("");
  const heading = base ? "<tr><th>base</th><th>status</th><th>head</th></tr>" : "<tr><th>status</th><th>head</th></tr>";
  return `<table class="layers">${heading}${body}</table>`;
}
function layerChanges(c, limit) {
  const part = (kind, cls) => {
    const t = c[kind];
    if (t.count === 0) return "";
    const items = c.top[kind].slice(0, limit).map(
      ([path, bytes]) => `<li class="${cls}"><code>${html(path)}</code> ${html(formatBytes(bytes))}</li>`
    ).join("");
    const more = t.count > Math.min(limit, c.top[kind].length) ? `<li class="muted">${(t.count - Math.min(limit, c.top[kind].length)).toLocaleString("en-US")} more</li>` : "";
    return `<div class="${cls}">${kind}: <span data-figure="changes.${c.layer}.${kind}.count" data-value="${t.count}">${t.count.toLocaleString("en-US")}</span> (${html(formatBytes(t.bytes))})</div><ul>${items}${more}</ul>`;
  };
  const summary2 = `+${c.added.count.toLocaleString("en-US")} ~${c.changed.count.toLocaleString("en-US")} \u2212${c.deleted.count.toLocaleString("en-US")}`;
  const body = part("added", "add") + part("changed", "mod") + part("deleted", "del");
  return body ? `<details class="chg"><summary>what it changed: ${html(summary2)}</summary>${body}</details>` : "";
}
function foldNote(explore) {
  return `${explore.nodes.toLocaleString("en-US")} paths; the lightest are summed up per directory as \u201Csmaller entries\u201D.`;
}
function diffTotals(report) {
  const diff = report.diff;
  const t = (name, key, v) => `<tr><th>${html(name)}</th>${num(`diff.${key}.files`, v.files, v.files.toLocaleString("en-US"))}${num(`diff.${key}.bytes`, v.bytes, formatBytes(v.bytes))}</tr>`;
  return `<table class="diff-totals"><tr><th></th><th>files</th><th>bytes</th></tr>${t("added", "added", diff.added)}${t("removed", "removed", diff.removed)}${t("grown", "grown", diff.grown)}${t("shrunk", "shrunk", diff.shrunk)}<tr><th>net</th><td></td>${num("diff.net", diff.net, signed(diff.net, formatBytes))}</tr></table>`;
}
function findings(report) {
  const out = [];
  if (report.budgets.length) {
    out.push('<table class="budgets"><tr><th>budget</th><th>limit</th><th>actual</th><th></th></tr>');
    for (const b of report.budgets) {
      const f = budgetFigures(b);
      out.push(
        `<tr><td>${html(b.name)}</td><td class="num">${html(f.limit)}</td><td class="num">${html(f.actual)}</td><td class="${b.passed ? "better" : "worse"}">${b.passed ? "ok" : "broken"}</td></tr>`
      );
    }
    out.push("</table>");
  }
  if (report.findings.length) {
    out.push(`<table class="findings"><tr><th>rule</th><th>where</th><th>problem</th><th>fix</th></tr>`);
    for (const f of report.findings) out.push(findingRow(f));
    out.push("</table>");
  }
  return out.join("");
}
function findingRow(f) {
  const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ""}` : "image";
  const bytes = f.bytes ? ` (${formatBytes(f.bytes)})` : "";
  return `<tr><td>${html(f.severity)} ${html(f.rule)} ${html(f.name)}</td><td><code>${html(where)}</code></td><td>${html(f.message + bytes)}</td><td>${html(f.fix ?? "")}</td></tr>`;
}

// src/render/markdown-escape.ts
var ZWSP = "&#8203;";
function escapeMarkdown(text2) {
  return text2.replace(/\r?\n|\r/g, " ").replace(/[\\`*_{}[\]()#+!|~>]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/@/g, `@${ZWSP}`).replace(/(https?|ftp):\/\//gi, `$1:/${ZWSP}/`);
}
function inlineCode(text2, max = 120) {
  let s = text2.replace(/\r?\n|\r/g, " ");
  if (s.length > max) s = `${s.slice(0, max - 1)}\u2026`;
  s = s.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run2) => run2.length));
  const fence = "`".repeat(longest + 1);
  const pad = s.startsWith("`") || s.endsWith("`") || s.startsWith(" ") ? " " : "";
  return `${fence}${pad}${s}${pad}${fence}`;
}
function escapeMessage(message) {
  const parts = message.split("`");
  if (parts.length % 2 === 0) return escapeMarkdown(message);
  return parts.map((part, i) => i % 2 === 1 ? inlineCode(part, 200) : escapeMarkdown(part)).join("");
}
function escapeHtml(text2) {
  return text2.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/@/g, `@${ZWSP}`);
}

// src/render/markdown.ts
var COMMENT_LIMIT = 65536;
var FULL = {
  directories: 6,
  layers: 500,
  files: 20,
  wasters: 20,
  otherFindings: 500,
  failing: 500
};
var FILES_PER_DIRECTORY = 3;
function renderMarkdown(report, options) {
  const max = options.maxChars ?? Number.POSITIVE_INFINITY;
  let body = compose(report, options, FULL, false);
  if (body.length <= max) return body;
  const steps = [
    { directories: 6, layers: 60, files: 10, wasters: 10, otherFindings: 50, failing: FULL.failing },
    { directories: 3, layers: 20, files: 5, wasters: 5, otherFindings: 10, failing: FULL.failing },
    { directories: 0, layers: 0, files: 0, wasters: 0, otherFindings: 0, failing: FULL.failing }
  ];
  for (const limits of steps) {
    body = compose(report, options, limits, true);
    if (body.length <= max) return body;
  }
  let lo = 0;
  let hi = FULL.failing;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (compose(report, options, { ...steps[2], failing: mid }, true).length <= max) lo = mid;
    else hi = mid - 1;
  }
  body = compose(report, options, { ...steps[2], failing: lo }, true);
  if (body.length <= max) return body;
  const note = `

\u2026 cut to fit. ${options.fullReportHint ?? ""}
`;
  return body.slice(0, Math.max(0, max - note.length)) + note;
}
function compose(report, o, lim, cut) {
  const out = [];
  if (o.prefix) out.push(o.prefix);
  const icon = report.passed ? "\u2705" : "\u274C";
  const title = o.title ? ` \xB7 ${escapeMarkdown(o.title)}` : "";
  out.push(`### ${icon} image-guard${title}: ${escapeMarkdown(statusLine(report, o.failOn))}`, "");
  if (cut) {
    out.push(
      `> Some sections were shortened to fit in a comment. ${escapeMarkdown(o.fullReportHint ?? "")}`,
      ""
    );
  }
  const { head, base } = report;
  if (head) out.push(...overview2(report, head, base, o), "");
  if (report.baseUnavailable)
    out.push(`> No base image to compare with: ${escapeMarkdown(report.baseUnavailable)}`, "");
  if (report.judged)
    out.push(
      `<sub>Dockerfile judged as the final image: ${escapeMarkdown(describeJudged(report.judged))}</sub>`,
      ""
    );
  if (report.costs) out.push(...costsTable(report), "");
  if (report.diff && lim.directories > 0) out.push(...whereTheBytesWent(report.diff, lim.directories), "");
  const failing = report.findings.filter((f) => reachesFailOn(f.severity, o.failOn));
  const others = report.findings.filter((f) => !reachesFailOn(f.severity, o.failOn));
  const brokenBudgets = report.budgets.filter((b) => !b.passed);
  if (brokenBudgets.length) {
    out.push("**Budgets broken**", "", "| budget | limit | actual |", "|---|---:|---:|");
    for (const b of brokenBudgets) {
      const f = budgetFigures(b);
      out.push(`| ${b.name} | ${f.limit} | ${f.actual} |`);
    }
    out.push("");
  }
  if (failing.length) {
    out.push(`**Findings that fail the check** (fail-on: ${o.failOn})`, "");
    out.push(...findingTable(failing.slice(0, lim.failing)));
    if (failing.length > lim.failing) out.push(`| | | \u2026 and ${failing.length - lim.failing} more | |`);
    out.push("");
  }
  if (head && lim.layers > 0) {
    const rows = layerRows(report, head, lim.layers);
    out.push(...details(`Layers (${rows.total}): where the bytes are`, rows.lines));
  }
  if (head?.files && lim.files > 0 && head.files.largest.length) {
    out.push(...largestFiles(head, report.diff, lim.files));
  }
  if (head?.files && lim.wasters > 0 && head.files.wasted.length) {
    out.push(
      ...details(`Biggest wasters (${formatBytes(head.files.wastedBytes)} wasted in all)`, [
        "| wasted | path | layers |",
        "|---:|---|---|",
        ...head.files.wasted.slice(0, lim.wasters).map((w) => `| ${formatBytes(w.bytes)} | ${inlineCode(w.path)} | ${w.layers.join(", ")} |`)
      ])
    );
  }
  if (others.length && lim.otherFindings > 0) {
    const shown = others.slice(0, lim.otherFindings);
    const more = others.length - shown.length;
    out.push(
      ...details(`Other findings (${others.length}, below fail-on)`, [
        ...findingTable(shown),
        ...more > 0 ? [`| | | \u2026 and ${more} more | |`] : []
      ])
    );
  }
  if (report.cacheProbe && lim.layers > 0)
    out.push(...details(probeSummary(report.cacheProbe), probeLines(report.cacheProbe)));
  const passedBudgets = report.budgets.filter((b) => b.passed);
  if (passedBudgets.length || o.unchecked?.length) {
    const lines2 = ["| budget | limit | actual | |", "|---|---:|---:|---|"];
    for (const b of passedBudgets) {
      const f = budgetFigures(b);
      lines2.push(`| ${b.name} | ${f.limit} | ${f.actual} | \u2705 |`);
    }
    for (const u of o.unchecked ?? []) lines2.push(`| ${escapeMarkdown(u)} | | | not checked |`);
    out.push(...details("Budgets kept", lines2));
  }
  if (o.htmlReport)
    out.push(
      `\u{1F4CA} [HTML report](${o.htmlReport.replace(/[()\s]/g, encodeURIComponent)}): the layers, the final filesystem and the diff to explore (a workflow artifact: download, unzip, open \`report.html\`)`,
      ""
    );
  out.push(`<sub>image-guard ${escapeMarkdown(report.tool.version)}</sub>`);
  return `${out.join("\n")}
`;
}
function whereTheBytesWent(diff, limit) {
  const lines2 = [`**Where the bytes went**: ${diffTotalsLine(diff)}`];
  const dirs = shortDirectoryList(diff, limit);
  if (dirs.length === 0) return lines2;
  lines2.push("", "| change | directory | files | largest changes |", "|---:|---|---|---|");
  for (const d of dirs) {
    const counts = [
      d.added.files ? `+${d.added.files}` : "",
      d.removed.files ? `\u2212${d.removed.files}` : "",
      d.grown.files + d.shrunk.files ? `~${d.grown.files + d.shrunk.files}` : ""
    ].filter(Boolean).join(" ").concat(d.wholly === "added" ? " (new)" : d.wholly === "removed" ? " (gone)" : "");
    const files = d.largest.slice(0, FILES_PER_DIRECTORY).map(
      (f) => `${inlineCode(relativeTo(d.path, f.path), 60)} ${escapeMarkdown(fileChangeLabel(f))}${f.change === "added" || f.change === "removed" ? ` ${formatBytes(Math.abs(f.delta))}` : ""}`
    ).join("<br>");
    lines2.push(`| **${signed(d.net, formatBytes)}** | ${inlineCode(d.path, 80)} | ${counts} | ${files} |`);
  }
  if (diff.directories.length > dirs.length) {
    lines2.push(
      "",
      `<sub>The JSON report lists ${diff.directories.length} directories (\`diff.directories\`), nested ones too.</sub>`
    );
  }
  return lines2;
}
function largestFiles(head, diff, limit) {
  const all = head.files?.largest ?? [];
  const touched = (diff?.largest ?? []).slice(0, limit);
  const listed = new Set(touched.map((f) => f.path));
  const rest = all.filter((f) => !listed.has(f.path)).slice(0, Math.max(0, limit - touched.length));
  const max = Math.max(1, ...touched.map((f) => f.headSize ?? 0), ...rest.map((f) => f.size));
  const rows = [
    ...touched.map((f) => ({
      size: f.headSize ?? 0,
      what: fileChangeLabel(f),
      path: f.path,
      layer: f.layer
    })),
    ...rest.map((f) => ({ size: f.size, what: diff ? "" : null, path: f.path, layer: f.layer }))
  ];
  const withChange = diff !== void 0;
  const summary2 = withChange ? `Largest files (${rows.length}; ${touched.length} added or changed by this PR first)` : `Largest files (${rows.length})`;
  return details(summary2, [
    withChange ? "| size | | change | path | layer |" : "| size | | path | layer |",
    withChange ? "|---:|---|---|---|---:|" : "|---:|---|---|---:|",
    ...rows.map(
      (r) => withChange ? `| ${formatBytes(r.size)} | ${bar(r.size, max, 12)} | ${escapeMarkdown(r.what ?? "")} | ${inlineCode(r.path)} | ${r.layer ?? ""} |` : `| ${formatBytes(r.size)} | ${bar(r.size, max, 12)} | ${inlineCode(r.path)} | ${r.layer ?? ""} |`
    )
  ]);
}
function details(summary2, lines2) {
  return ["<details>", `<summary>${escapeHtml(summary2)}</summary>`, "", ...lines2, "", "</details>", ""];
}
function overview2(report, head, base, o) {
  const label = (l, i) => l ? inlineCode(l, 40) : inlineCode(i.id.replace(/^sha256:/, "").slice(0, 12));
  const d = report.delta;
  const count2 = (i) => String(i.layers.filter((l) => !l.empty).length);
  const cols = (b, h, delta) => base ? `| ${b} | ${h} | ${delta} |` : `| ${h} |`;
  const lines2 = [
    base ? `| | base ${label(o.baseLabel, base)} | head ${label(o.headLabel, head)} | delta |` : `| | head ${label(o.headLabel, head)} |`,
    base ? "|---|---:|---:|---:|" : "|---|---:|"
  ];
  const sizeDelta = d ? `**${signed(d.size, formatBytes)}**${d.percent === null ? "" : ` (${signed(d.percent, (n) => `${n}%`)})`}` : "";
  lines2.push(`| size ${cols(base ? formatBytes(base.size) : "", formatBytes(head.size), sizeDelta)}`);
  lines2.push(`| layers ${cols(base ? count2(base) : "", count2(head), d ? signed(d.layers, String) : "")}`);
  if (head.files) {
    const w = (i) => i?.files ? formatBytes(i.files.wastedBytes) : "\u2013";
    const e = (i) => i?.files ? percent(i.files.efficiency) : "\u2013";
    const wd = d?.wastedBytes === null || d?.wastedBytes === void 0 ? "\u2013" : signed(d.wastedBytes, formatBytes);
    lines2.push(`| wasted ${cols(w(base), w(head), wd)}`);
    lines2.push(`| efficiency ${cols(e(base), e(head), "")}`);
  }
  return lines2;
}
function costsTable(report) {
  const costs2 = report.costs;
  const { rows, notes } = costRows(costs2);
  const withBase = costs2.base !== null;
  const mark = (better) => better === null ? "" : better ? " \u2705" : " \u26A0\uFE0F";
  const lines2 = [
    "**Size, build, pull and start-up**: what the change costs",
    "",
    withBase ? "| | base | head | change |" : "| | head |",
    withBase ? "|---|---:|---:|---:|" : "|---|---:|"
  ];
  for (const r of rows) {
    lines2.push(
      withBase ? `| ${r.label} | ${r.base} | ${r.head} | ${r.change}${mark(r.better)} |` : `| ${r.label} | ${r.head} |`
    );
  }
  if (notes.length) lines2.push("", ...notes.map((n) => `- <sub>${escapeMarkdown(n)}</sub>`));
  return lines2;
}
function findingTable(findings2) {
  const lines2 = ["| rule | where | problem | fix |", "|---|---|---|---|"];
  for (const f of findings2) {
    const where = f.file ? inlineCode(`${f.file}${f.line ? `:${f.line}` : ""}`, 80) : "image";
    const sev = f.severity === "error" ? "\u{1F534}" : f.severity === "warning" ? "\u{1F7E0}" : "\u2139\uFE0F";
    const bytes = f.bytes ? ` (${formatBytes(f.bytes)})` : "";
    lines2.push(
      `| ${sev} ${f.rule} ${escapeMarkdown(f.name)} | ${where} | ${escapeMessage(f.message)}${bytes} | ${f.fix ? escapeMessage(f.fix) : ""} |`
    );
  }
  return lines2;
}
function layerRows(report, head, limit) {
  if (report.layers.length) {
    const max2 = Math.max(1, ...report.layers.map((r) => Math.max(r.baseSize ?? 0, r.headSize ?? 0)));
    const icon = { same: "", changed: "\u270F\uFE0F", added: "\u2795", removed: "\u2796" };
    const rows2 = report.layers.slice(0, limit).map((r) => {
      const size2 = Math.max(r.headSize ?? 0, r.baseSize ?? 0);
      const delta = r.status === "same" ? "" : signed(r.delta, formatBytes);
      return `| ${icon[r.status]} ${r.status} | ${r.baseSize === null ? "" : formatBytes(r.baseSize)} | ${r.headSize === null ? "" : formatBytes(r.headSize)} | ${delta} | ${bar(size2, max2, 12)} | ${instructionCell(r.createdBy)} |`;
    });
    const more = report.layers.length - rows2.length;
    return {
      total: report.layers.length,
      lines: [
        "| | base | head | delta | | instruction |",
        "|---|---:|---:|---:|---|---|",
        ...rows2,
        ...more > 0 ? [`| | | | | | \u2026 and ${more} more |`] : []
      ]
    };
  }
  const layers2 = head.layers.filter((l) => !l.empty);
  const max = Math.max(1, ...layers2.map((l) => l.size));
  const rows = layers2.slice(0, limit).map(
    (l) => `| ${l.index} | ${formatBytes(l.size)} | ${bar(l.size, max, 12)} | ${instructionCell(normalizeInstruction(l.createdBy))} |`
  );
  return {
    total: layers2.length,
    lines: ["| # | size | | instruction |", "|---:|---:|---|---|", ...rows]
  };
}
function probeSummary(p) {
  if (p.note) return `Cache probe: ${p.note}`;
  if (p.missed.length === 0) return `Cache probe: changing ${p.changedFile} rebuilt no layer`;
  return `Cache probe: changing ${p.changedFile} rebuilt ${p.missed.length} layer${p.missed.length === 1 ? "" : "s"} (${formatBytes(p.missedBytes)})`;
}
function probeLines(p) {
  if (p.note || !p.changedFile) return [escapeMarkdown(p.note ?? "")];
  const lines2 = [
    `A one-line change to ${inlineCode(p.changedFile)} in a scratch copy of the build context, rebuilt in ${p.seconds} s. Every layer below missed the cache and is rebuilt and pushed again on each such commit:`,
    ""
  ];
  if (p.missed.length === 0) return [...lines2.slice(0, 1), "", "Every layer came from the cache. \u{1F44D}"];
  lines2.push("| layer | size | instruction |", "|---:|---:|---|");
  for (const l of p.missed) {
    lines2.push(
      `| ${l.index} | ${formatBytes(l.size)} | ${instructionCell(normalizeInstruction(l.createdBy))} |`
    );
  }
  return lines2;
}
function instructionCell(instruction) {
  return instruction ? inlineCode(instruction, 100) : "*(no instruction recorded: imported or base layer)*";
}

// src/action/publish.ts
var SUMMARY_LIMIT = 9e5;
function githubPublisher(token) {
  return {
    async upsert(comment) {
      if (!token) return { url: "", action: "skipped", reason: "no github-token" };
      const { createClient } = await import("./client-A5PORYOR.js");
      const { octokitCommentsApi, upsertStickyComment } = await import("./sticky-comment-KAFK25WZ.js");
      const api = octokitCommentsApi(
        createClient({ token, log: { debug, warning, mask: setSecret } })
      );
      return upsertStickyComment({ api, ...comment });
    }
  };
}
function commentKey(settings) {
  if (settings["comment-key"]) return settings["comment-key"];
  return settings.target ? `${settings.dockerfile}:${settings.target}` : settings.dockerfile;
}
var titleOf = (s) => s.target ? `${s.dockerfile} (${s.target})` : s.dockerfile;
async function publishReport(p, report, view) {
  const options = {
    failOn: p.settings["fail-on"],
    title: titleOf(p.settings),
    ...view.labels,
    unchecked: view.unchecked
  };
  const html2 = await writeHtmlReport(p, report, { ...options, explore: view.explore });
  const link = html2.url ? { htmlReport: html2.url } : {};
  const summary2 = renderMarkdown(report, { ...options, ...link, maxChars: SUMMARY_LIMIT });
  const comment = renderMarkdown(commentView(report), {
    ...options,
    ...link,
    maxChars: COMMENT_LIMIT - 200,
    fullReportHint: "The full report is in the job summary of this run."
  });
  await publish(p, { summary: summary2, comment, report, passed: report.passed, htmlFile: html2.file });
}
async function writeHtmlReport(p, report, options) {
  const file = join4(p.outDir, "report.html");
  try {
    await mkdir2(p.outDir, { recursive: true });
    await writeFile(file, renderHtml(report, options));
  } catch (error2) {
    warning(`image-guard: the HTML report could not be written: ${messageOf(error2)}`);
    return { file: "", url: "" };
  }
  const service = p.deps.artifacts ?? artifactService();
  if ("unavailable" in service) {
    info(`image-guard: the HTML report was not uploaded: ${service.unavailable}; it is in ${file}`);
    return { file, url: "" };
  }
  try {
    const uploaded = await service.uploader.upload(
      artifactName("image-guard-report", commentKey(p.settings)),
      file
    );
    info(
      `image-guard: HTML report uploaded as a workflow artifact${uploaded.url ? `: ${uploaded.url}` : ""}`
    );
    return { file, url: uploaded.url };
  } catch (error2) {
    warning(`image-guard: the HTML report could not be uploaded: ${messageOf(error2)}; it is in ${file}`);
    return { file, url: "" };
  }
}
async function publishBrokenBuild(p, logTail) {
  const heading = "### \u274C image-guard: failed: the image did not build";
  const footer = `<sub>${escapeMarkdown("image-guard")}</sub>`;
  const summary2 = [
    heading,
    "",
    "The last lines of the build:",
    "",
    "```text",
    ...logTail.map((l) => l.replace(/```/g, "'''")),
    "```",
    "",
    footer,
    ""
  ].join("\n");
  const comment = [
    heading,
    "",
    "The build log is in the job summary and the step output of this run.",
    "",
    footer,
    ""
  ].join("\n");
  await publish(p, { summary: summary2, comment, report: null, passed: false });
}
async function publish(p, out) {
  await mkdir2(p.outDir, { recursive: true });
  const reportFile = join4(p.outDir, "report.json");
  const commentFile = join4(p.outDir, "comment.md");
  if (out.report) await writeFile(reportFile, `${JSON.stringify(out.report, null, 2)}
`);
  await writeFile(commentFile, out.comment);
  try {
    await summary.addRaw(out.summary).write();
  } catch (error2) {
    warning(`image-guard: could not write the job summary: ${messageOf(error2)}`);
  }
  let commentUrl = "";
  const pr = p.event.pullRequest;
  if (p.settings.comment && pr) {
    const publisher = p.deps.publisher ?? githubPublisher(p.settings["github-token"]);
    try {
      const result = await publisher.upsert({
        owner: p.event.owner,
        repo: p.event.repo,
        issueNumber: pr.number,
        key: commentKey(p.settings),
        body: out.comment
      });
      commentUrl = result.url;
      if (result.action === "skipped") {
        warning(
          `image-guard: the PR comment was not posted (${result.reason ?? "no permission"}); the report is in the job summary and in ${commentFile}. For PRs from forks, see the workflow_run example in the README.`
        );
      } else info(`image-guard: PR comment ${result.action}: ${result.url}`);
    } catch (error2) {
      warning(
        `image-guard: the PR comment could not be posted: ${messageOf(error2)}; the report is in the job summary and in ${commentFile}.`
      );
    }
  }
  setOutputs(out.report, {
    passed: out.passed,
    reportFile: out.report ? reportFile : "",
    commentFile,
    commentUrl,
    htmlFile: out.htmlFile ?? ""
  });
}
function commentView(report) {
  const c = report.costs;
  if (!c || !c.head.build && !c.base?.build) return report;
  if (c.head.build?.noCache || c.base?.build?.noCache) return report;
  return {
    ...report,
    costs: {
      ...c,
      head: { ...c.head, build: null },
      base: c.base ? { ...c.base, build: null } : null,
      notes: {
        ...c.notes,
        build: "builds reuse the engine\u2019s cache (build-time: cached), so their times compare nothing; they are in the job summary. build-time: fresh builds both without the cache and shows them here"
      }
    }
  };
}

// src/action/main.ts
async function run(deps = {}) {
  try {
    info(`image-guard ${VERSION}`);
    const verdict = await runAction(deps);
    if (verdict !== null) setFailed(`image-guard: ${verdict}`);
  } catch (error2) {
    setFailed(`image-guard: ${messageOf(error2)}`);
  }
}
async function runAction(deps) {
  const env = deps.env ?? process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const { settings, config } = await actionSettings(env, workspace);
  const build = actionBuild(settings, env, workspace);
  const dockerfile = insideWorkspace(workspace, settings.dockerfile, "dockerfile");
  const context = insideWorkspace(workspace, settings.context, "context");
  const event = (deps.event ?? (await import("./event-PXW5G6DY.js")).readEvent)(env);
  const docker = deps.docker ?? (await import("./docker-cli-MAPYUSAY.js")).dockerCli();
  if (!settings.image || !settings["base-image"]) await checkBuilder(docker, build);
  const git = deps.git ?? (await import("./git-DALLNPLP.js")).gitCli(workspace);
  const outDir = await mkdtemp3(join5(env.RUNNER_TEMP ?? tmpdir3(), "image-guard-"));
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  const fresh = settings["build-time"] === "fresh";
  const shownDockerfile = relative4(workspace, dockerfile) || settings.dockerfile;
  const publishing = { deps, settings, event, outDir };
  const cleanup = new Cleanup();
  try {
    let headRef = settings.image;
    let headBuild = null;
    if (!headRef) {
      headRef = `image-guard-head:${runId}`;
      const tag = headRef;
      startGroup(`image-guard: building the head image (${shownDockerfile})`);
      headBuild = await docker.build({
        dockerfile,
        context,
        target: settings.target,
        buildArgs: settings["build-args"],
        tag,
        noCache: fresh,
        options: build.head
      });
      endGroup();
      cleanup.add(() => docker.removeImage(tag));
      if (!headBuild.ok) {
        await publishBrokenBuild(publishing, redactLines(headBuild.logTail, build.secretValues));
        throw new UserError(whyNotBuilt(headBuild, build.head));
      }
    }
    const base = await getBase({
      settings,
      event,
      docker,
      git,
      runId,
      noCache: fresh,
      cleanup,
      options: build.other
    });
    const ports = actionPorts(deps, docker);
    const { report, unchecked, explore } = await runComparison(
      {
        head: {
          ref: headRef,
          shownAs: settings.image ?? shownDockerfile,
          build: buildFigures(headBuild, fresh)
        },
        base: base.ref ? { ref: base.ref, build: buildFigures(base.build ?? null, fresh), optional: true } : { unavailable: base.why ?? "no base image" },
        dockerfile: existsSync2(dockerfile) ? { path: dockerfile, context, target: settings.target } : null,
        settings,
        config,
        root: workspace,
        buildWhy: !headBuild ? "the head image was given (image), not built: no build time" : !base.build && base.ref ? "the base image was given (base-image), not built: no build time to compare" : null
      },
      ports
    );
    for (const u of unchecked) info(`image-guard: budget not checked: ${u}`);
    if (settings["cache-probe"]) {
      const probe = await cacheProbe(settings, docker, ports, report.head, {
        dockerfile,
        context,
        runId,
        options: build.other
      });
      if (probe) report.cacheProbe = probe;
    }
    const labels = { headLabel: shortSha(event.pullRequest?.headSha ?? event.sha), baseLabel: base.label };
    await publishReport(publishing, report, { labels, unchecked, explore });
    annotate(report.findings, shownDockerfile);
    return report.passed ? null : statusLine(report, settings["fail-on"]);
  } finally {
    await cleanup.run();
  }
}
function actionPorts(deps, docker) {
  const registry = deps.registry;
  return {
    analyze: deps.analyze ?? realPorts.analyze,
    registry: registry ? () => registry : realPorts.registry,
    containers: () => docker.containers,
    lint: deps.lint ?? realPorts.lint
  };
}
async function cacheProbe(settings, docker, ports, head, where) {
  if (settings.image) {
    warning(
      "image-guard: cache-probe needs the Action to build the head image itself; it is skipped when `image` is given"
    );
    return null;
  }
  startGroup("image-guard: cache probe (a one-file source change, rebuilt)");
  try {
    return await runCacheProbe({
      docker,
      dockerfile: where.dockerfile,
      context: where.context,
      target: settings.target,
      buildArgs: settings["build-args"],
      options: where.options,
      tag: `image-guard-probe:${where.runId}`,
      head,
      load: async (ref) => (await ports.analyze(ref, { files: false, pullSize: false })).image
    });
  } finally {
    endGroup();
  }
}
function whyNotBuilt(built, options) {
  if (options.cacheTo?.length && built.logTail.some((l) => /cache export is not supported/i.test(l))) {
    return "cache-to: this builder cannot export a build cache (the docker driver on the classic image store): set up a builder with docker/setup-buildx-action, or use the containerd image store, or leave cache-to empty";
  }
  return "the head image did not build; the last lines of its log are in the job summary";
}
async function checkBuilder(docker, build) {
  const needs = buildxOnly(build.head);
  if (needs.length > 0 && !await docker.hasBuildx()) {
    throw new UserError(
      `${needs.join(", ")} need${needs.length === 1 ? "s" : ""} docker buildx, which this runner's docker CLI does not have: set it up first (docker/setup-buildx-action)`
    );
  }
  const name = build.head.builder;
  if (name) {
    const why = await docker.builderProblem(name);
    if (why !== null)
      throw new UserError(
        `builder ${JSON.stringify(name)} cannot be used (${why}): create it earlier in the job (docker/setup-buildx-action) or leave builder empty`
      );
  }
}
function buildFigures(build, noCache) {
  if (!build?.ok) return null;
  return { seconds: Math.round(build.seconds * 100) / 100, cache: build.cache?.cache ?? "unknown", noCache };
}
export {
  run
};
