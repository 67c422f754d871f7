// Link speeds as people write them: `100Mbit/s`, `1 Gbit/s`, `50 Mbps`, `12.5MB/s` (bytes), or a bare number of
// Mbit/s. Bits are a lower-case `b` or the word `bit`; bytes are an upper-case `B`. Decimal prefixes only (a
// link's megabit is 10^6 bits).

const PREFIX: Record<string, number> = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 };

/** Bits per second, or null when the text is not a speed. */
export function parseBandwidth(text: string): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return positive(Number(t) * 1e6);
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([kKmMgG]?)(bit\/s|bits\/s|bps|b\/s|B\/s|Bps)$/.exec(t);
  if (!m) return null;
  const bytes = m[3] === 'B/s' || m[3] === 'Bps';
  return positive(Number(m[1]) * PREFIX[m[2]!]! * (bytes ? 8 : 1));
}

const positive = (n: number): number | null => (Number.isFinite(n) && n > 0 ? Math.round(n) : null);

/** `100 Mbit/s`, `1.5 Gbit/s`, `800 kbit/s`. */
export function formatBandwidth(bitsPerSecond: number): string {
  for (const [unit, size] of [
    ['Gbit/s', 1e9],
    ['Mbit/s', 1e6],
    ['kbit/s', 1e3],
  ] as const) {
    if (bitsPerSecond >= size) return `${Number((bitsPerSecond / size).toPrecision(3))} ${unit}`;
  }
  return `${bitsPerSecond} bit/s`;
}
