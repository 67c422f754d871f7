import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/core/size.ts
var UNITS = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
};
var SIZE = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i;
function parseSize(text) {
  const match = SIZE.exec(text.trim());
  if (!match) return null;
  const [, number, unit = ""] = match;
  const factor = unit === "" ? 1 : UNITS[unit.toLowerCase()];
  if (factor === void 0) return null;
  const bytes = Math.round(Number(number) * factor);
  return Number.isSafeInteger(bytes) ? bytes : null;
}
function parseIncrease(text) {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(trimmed);
  if (percent) return { percent: Number(percent[1]) };
  const bytes = parseSize(trimmed);
  return bytes === null ? null : { bytes };
}
var DECIMAL_UNITS = ["B", "kB", "MB", "GB", "TB", "PB"];
function formatBytes(n) {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? "-" : "";
  let value = Math.abs(n);
  let unit = 0;
  while (value >= 1e3 && unit < DECIMAL_UNITS.length - 1) {
    value /= 1e3;
    unit++;
  }
  let rounded = unit === 0 ? Math.round(value) : Number(value.toPrecision(3));
  if (rounded >= 1e3 && unit < DECIMAL_UNITS.length - 1) {
    rounded = Number((rounded / 1e3).toPrecision(3));
    unit++;
  }
  return `${rounded === 0 ? "" : sign}${rounded} ${DECIMAL_UNITS[unit]}`;
}

export {
  parseSize,
  parseIncrease,
  formatBytes
};
