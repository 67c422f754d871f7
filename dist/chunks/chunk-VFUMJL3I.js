import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  formatBandwidth
} from "./chunk-JHBJJO36.js";
import {
  reachesFailOn
} from "./chunk-YVMMMQ26.js";
import {
  formatBytes
} from "./chunk-IIRAH6Y5.js";

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
function statusLine(report, failOn) {
  if (report.passed) return "passed";
  const reasons = [];
  for (const b of report.budgets.filter((x) => !x.passed)) {
    const f = budgetFigures(b);
    reasons.push(`${b.name} ${f.actual} (limit ${f.limit})`);
  }
  const failing = report.findings.filter((f) => reachesFailOn(f.severity, failOn));
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
function costRows(costs) {
  const { base, head } = costs;
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
    ...costs.notes.build ? { change: "", better: null } : change(base?.build?.seconds, head.build?.seconds)
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
    label: `pull time at ${formatBandwidth(costs.pullBandwidth)}`,
    base: cell(base, (f) => f.pull?.seconds ?? null, formatSeconds),
    head: cell(head, (f) => f.pull?.seconds ?? null, formatSeconds),
    ...comparablePull ? change(base.pull.seconds, head.pull.seconds) : { change: "", better: null }
  });
  if (costs.headPullAfterBase) {
    const a = costs.headPullAfterBase;
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
    const runs = head.startup?.runs.length || base?.startup?.runs.length || 0;
    const median = (f) => f.startup?.medianSeconds ?? null;
    rows.push({
      label: `start-up (median of ${runs || "no"} run${runs === 1 ? "" : "s"})`,
      base: cell(base, median, formatSeconds),
      head: cell(head, median, formatSeconds),
      ...change(base?.startup?.medianSeconds, head.startup?.medianSeconds)
    });
  }
  const notes = [];
  if (costs.notes.build) notes.push(`build time: ${costs.notes.build}`);
  if (costs.notes.pull) notes.push(`pull: ${costs.notes.pull}`);
  if (anyStartup && costs.notes.startup) notes.push(`start-up: ${costs.notes.startup}`);
  const source = head.pull?.source ?? base?.pull?.source;
  if (source)
    notes.push(
      `pull time = compressed bytes \xD7 8 / ${formatBandwidth(costs.pullBandwidth)} (transfer only); sizes ${base?.pull && head.pull && base.pull.source !== head.pull.source ? `base ${base.pull.source === "registry" ? "from the registry" : "computed"}, head ${head.pull.source === "registry" ? "from the registry" : "computed"}` : source === "registry" ? "from the registry manifest" : "computed from the layers (gzip level 6, as docker push)"}`
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
var churnOf = (d) => d.added.bytes + d.removed.bytes + d.grown.bytes + d.shrunk.bytes;
function shortDirectoryList(diff, limit) {
  if (limit <= 0) return [];
  const all = diff.directories;
  const inside = (outer, inner) => outer !== inner && (outer.path === "/" || inner.path.startsWith(`${outer.path}/`));
  const kept = all.filter((d) => {
    const below = all.filter((x) => inside(d, x));
    const outermost = below.filter((x) => !below.some((y) => inside(y, x)));
    return outermost.reduce((n, x) => n + churnOf(x), 0) < churnOf(d) / 2;
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
var CHANGE_ORDER = ["added", "removed", "upgraded", "downgraded", "changed"];
function packageCountsLine(packages) {
  const parts = CHANGE_ORDER.filter((kind) => packages[kind] > 0).map((kind) => {
    const bytes = packages.changes.filter((c) => c.change === kind).reduce((n, c) => n + c.delta, 0);
    return `${packages[kind].toLocaleString("en-US")} ${kind}${bytes === 0 ? "" : ` (${signed(bytes, formatBytes)})`}`;
  });
  if (parts.length === 0) return "no package was added, removed or changed";
  return `${parts.join(", ")}; net ${signed(packages.net, formatBytes)}`;
}
function packageVersions(change2) {
  const { baseVersion, headVersion } = change2;
  if (baseVersion !== null && headVersion !== null && baseVersion !== headVersion)
    return `${baseVersion} \u2192 ${headVersion}`;
  return headVersion ?? baseVersion ?? "";
}

export {
  bar,
  percent,
  signed,
  budgetFigures,
  statusLine,
  costRows,
  diffTotalsLine,
  fileChangeLabel,
  relativeTo,
  shortDirectoryList,
  packageCountsLine,
  packageVersions
};
