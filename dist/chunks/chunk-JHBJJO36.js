import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/core/bandwidth.ts
var PREFIX = { "": 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 };
function parseBandwidth(text) {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return positive(Number(t) * 1e6);
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([kKmMgG]?)(bit\/s|bits\/s|bps|b\/s|B\/s|Bps)$/.exec(t);
  if (!m) return null;
  const bytes = m[3] === "B/s" || m[3] === "Bps";
  return positive(Number(m[1]) * PREFIX[m[2]] * (bytes ? 8 : 1));
}
var positive = (n) => Number.isFinite(n) && n > 0 ? Math.round(n) : null;
function formatBandwidth(bitsPerSecond) {
  for (const [unit, size] of [
    ["Gbit/s", 1e9],
    ["Mbit/s", 1e6],
    ["kbit/s", 1e3]
  ]) {
    if (bitsPerSecond >= size) return `${Number((bitsPerSecond / size).toPrecision(3))} ${unit}`;
  }
  return `${bitsPerSecond} bit/s`;
}

export {
  parseBandwidth,
  formatBandwidth
};
