// A start-up probe as users write it (`port:8000`, `cmd:test -f /tmp/ready`): parsed here, measured by
// src/startup/startup-probe.ts.

export type StartupProbe = { kind: 'port'; port: number } | { kind: 'cmd'; command: string };

/** `port:8000` or `cmd:<command>`; null when the text is neither. */
export function parseStartupProbe(text: string): StartupProbe | null {
  const t = text.trim();
  const port = /^port:(\d{1,5})$/.exec(t);
  if (port) {
    const n = Number(port[1]);
    return n >= 1 && n <= 65_535 ? { kind: 'port', port: n } : null;
  }
  const cmd = /^cmd:([\s\S]+)$/.exec(t);
  if (cmd && cmd[1]!.trim()) return { kind: 'cmd', command: cmd[1]!.trim() };
  return null;
}

export const STARTUP_PROBE_HINT =
  'must be port:PORT (e.g. port:8000) or cmd:COMMAND (e.g. cmd:test -f /tmp/ready)';

export function describeProbe(probe: StartupProbe): string {
  return probe.kind === 'port' ? `port:${probe.port}` : `cmd:${probe.command}`;
}
