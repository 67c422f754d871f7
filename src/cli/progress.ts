import { formatBytes } from '../core/size.js';

export type ProgressFn = (bytesRead: number, total: number) => void;

/**
 * A progress line per image on a terminal's stderr, redrawn at most a few times a second; nothing at all when
 * stderr is not a terminal (CI logs, pipes), so output stays clean where it is read by programs.
 */
export function terminalProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
): { update: ProgressFn; done(): void } | null {
  if (!stream.isTTY) return null;
  let last = 0;
  let shown = false;
  return {
    update(bytes, total) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const pct = total > 0 ? ` (${Math.min(100, Math.round((bytes / total) * 100))}%)` : '';
      stream.write(
        `\r\x1b[2Kreading ${label}: ${formatBytes(bytes)}${total > 0 ? ` of ~${formatBytes(total)}` : ''}${pct}`,
      );
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
