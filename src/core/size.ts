// Sizes as people write them in budgets and as docker prints them. Decimal units (kB, MB, GB, TB) are powers
// of 1000 because that is what `docker images` and `docker history` show; binary units (KiB…TiB) are powers of
// 1024 for those who think in them. Units are case-insensitive: nobody means millibytes.

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

const SIZE = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i;

/**
 * Bytes from `250MB`, `1.2GiB`, `512kb`, `300 B` or plain bytes like `1048576`; `null` when the text is not a size
 * (no sign, no exponent, no unknown unit). Fractions of a byte are rounded to the nearest byte.
 */
export function parseSize(text: string): number | null {
  const match = SIZE.exec(text.trim());
  if (!match) return null;
  const [, number, unit = ''] = match;
  const factor = unit === '' ? 1 : UNITS[unit.toLowerCase()];
  if (factor === undefined) return null;
  const bytes = Math.round(Number(number) * factor);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** A growth budget: an absolute size (`10MB`) or a percentage of the base (`5%`, `2.5 %`). */
export type Increase = { bytes: number } | { percent: number };

export function parseIncrease(text: string): Increase | null {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(trimmed);
  if (percent) return { percent: Number(percent[1]) };
  const bytes = parseSize(trimmed);
  return bytes === null ? null : { bytes };
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * Human form in docker's units (powers of 1000) with three significant digits: `512 B`, `215 MB`, `1.02 GB`.
 * Negative numbers keep their sign (`-3.4 MB`), so deltas read the same way.
 */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  let value = Math.abs(n);
  let unit = 0;
  while (value >= 1000 && unit < DECIMAL_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  let rounded = unit === 0 ? Math.round(value) : Number(value.toPrecision(3));
  // 999.7 kB rounds to 1000 kB: carry into the next unit so it reads 1 MB.
  if (rounded >= 1000 && unit < DECIMAL_UNITS.length - 1) {
    rounded = Number((rounded / 1000).toPrecision(3));
    unit++;
  }
  return `${rounded === 0 ? '' : sign}${rounded} ${DECIMAL_UNITS[unit]}`;
}
