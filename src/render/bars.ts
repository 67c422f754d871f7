const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `value / max` over `width` cells, in eighths of a cell so small layers still show. */
export function bar(value: number, max: number, width = 20): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

export function percent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

export function signed(n: number, format: (n: number) => string): string {
  if (n === 0) return format(0);
  return n > 0 ? `+${format(n)}` : `−${format(-n)}`;
}
