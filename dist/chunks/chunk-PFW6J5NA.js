import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  signed
} from "./chunk-VFUMJL3I.js";
import {
  escapeMarkdown,
  inlineCode
} from "./chunk-45SRNV5D.js";
import {
  formatBytes
} from "./chunk-IIRAH6Y5.js";

// src/render/trend.ts
var TICKS = ["\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"];
function sparkline(sizes) {
  if (sizes.length === 0) return "";
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  if (hi === lo) return TICKS[3].repeat(sizes.length);
  return sizes.map((s) => TICKS[Math.round((s - lo) / (hi - lo) * (TICKS.length - 1))]).join("");
}
function shortCommit(commit) {
  return /^[0-9a-f]{7,64}$/i.test(commit) ? commit.slice(0, 7).toLowerCase() : "?";
}
var trendSizes = (t) => [...t.points.map((p) => p.size), t.head.size];
var LARGEST_SENTENCE = "This PR would make the image the largest it has been.";
function trendFigures(t) {
  const f = formatBytes;
  return `first ${f(t.first)} \xB7 min ${f(t.min)} \xB7 max ${f(t.max)} \xB7 now ${f(t.head.size)}`;
}
function trendLine(t) {
  return `${sparkline(trendSizes(t))} ${trendFigures(t)}`;
}
function trendCaption(t) {
  const n = t.points.length;
  const of = t.records > n ? `the last ${n} of ${t.records}` : `${n}`;
  return `${of} recorded build${t.records === 1 ? "" : "s"} of the default branch, then this run's head`;
}
function trendRows(t) {
  const pts = t.points;
  const last = pts.at(-1);
  const rows = [
    { what: "first", commit: shortCommit(pts[0].commit), size: pts[0].size, change: "" }
  ];
  const lowest = pts.reduce((a, b) => b.size < a.size ? b : a);
  const highest = pts.reduce((a, b) => b.size > a.size ? b : a);
  rows.push({ what: "lowest", commit: shortCommit(lowest.commit), size: lowest.size, change: "" });
  rows.push({ what: "highest", commit: shortCommit(highest.commit), size: highest.size, change: "" });
  rows.push({ what: "last recorded", commit: shortCommit(last.commit), size: last.size, change: "" });
  rows.push({
    what: "this run",
    commit: /^[0-9a-f]{7,64}$/i.test(t.head.label) ? shortCommit(t.head.label) : t.head.label,
    size: t.head.size,
    change: signed(t.head.size - last.size, formatBytes)
  });
  return rows;
}
var mermaidLabel = (s) => `"${s.replace(/[^0-9A-Za-z .,:()?-]/g, "")}"`;
var MERMAID_INIT = {
  xyChart: { width: 720, height: 300 },
  themeVariables: { xyChart: { plotColorPalette: "#0969da" } }
};
function mermaidTrend(t) {
  const sizes = trendSizes(t);
  const mb = (n) => Math.round(n / 1e4) / 100;
  const lo = mb(Math.min(...sizes));
  const hi = mb(Math.max(...sizes));
  const pad = Math.max((hi - lo) * 0.1, 0.01);
  return [
    "```mermaid",
    `%%{init: ${JSON.stringify(MERMAID_INIT)}}%%`,
    "xychart-beta",
    `  title ${mermaidLabel("Image size (MB)")}`,
    `  x-axis ${mermaidLabel(`builds, oldest first (${sizes.length}: this run)`)} 1 --> ${sizes.length}`,
    `  y-axis ${mermaidLabel("MB")} ${Math.max(0, Math.floor((lo - pad) * 100) / 100)} --> ${Math.ceil((hi + pad) * 100) / 100}`,
    `  line [${sizes.map(mb).join(", ")}]`,
    "```"
  ];
}
function markdownTrend(t, o) {
  const out = [
    `**Size over time** <sub>${escapeMarkdown(trendCaption(t))}</sub>`,
    "",
    `${inlineCode(sparkline(trendSizes(t)))} ${escapeMarkdown(trendFigures(t))}`,
    ""
  ];
  if (t.largest) out.push(`> \u26A0\uFE0F ${LARGEST_SENTENCE}`, "");
  out.push("| | commit | size | change |", "|---|---|---:|---:|");
  for (const r of trendRows(t))
    out.push(
      `| ${r.what} | ${inlineCode(r.commit, 60)} | ${formatBytes(r.size)} | ${escapeMarkdown(r.change)} |`
    );
  if (o.mermaid) out.push("", ...mermaidTrend(t));
  return out;
}
function textTrend(t) {
  return { line: trendLine(t), caption: trendCaption(t), largest: t.largest ? LARGEST_SENTENCE : null };
}

export {
  shortCommit,
  trendSizes,
  LARGEST_SENTENCE,
  trendLine,
  trendCaption,
  trendRows,
  markdownTrend,
  textTrend
};
