// Start-up time: from `docker run` of the image (its own entrypoint and command) to the
// moment it answers, repeated a few times, median reported. Readiness is the user's: `port:8000` (a TCP
// connection to the container's own address is accepted) or `cmd:<command>` (run with `sh -c` inside the
// container by `docker exec` until it exits 0). Every wait is bounded by the timeout; a container that exits
// or never gets ready becomes a note, and every container started is removed whatever happens.

import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { describeProbe, type StartupProbe } from '../core/probe.js';
import type { StartupFigures } from '../core/report.js';

export { describeProbe, parseStartupProbe, STARTUP_PROBE_HINT, type StartupProbe } from '../core/probe.js';

/** The containers the probe starts, behind the docker CLI (or a stand-in in tests). */
export interface ContainerRunner {
  /** `docker run -d` with labels; an error (and the id, when the container was created but not started). */
  run(
    image: string,
    labels: Record<string, string>,
  ): Promise<{ id: string } | { error: string; id: string | null }>;
  /** Whether it runs, its exit code once stopped, and its address on its first network. */
  state(id: string): Promise<{ running: boolean; exitCode: number | null; address: string | null }>;
  /** `docker exec ID sh -c COMMAND`: the exit code. */
  exec(id: string, command: string): Promise<number>;
  /** The last lines the container printed (for the note on a container that stopped). */
  logsTail(id: string): Promise<string[]>;
  /** `docker rm -f -v`. */
  remove(id: string): Promise<void>;
}

export interface StartupOptions {
  runs: number;
  /** Per run, from `docker run` to ready. */
  timeoutSeconds: number;
  /** Label value put on every container of this measurement (`image-guard.startup=…`); random by default. */
  label?: string;
}

export interface StartupDeps {
  runner: ContainerRunner;
  /** True when a TCP connection to host:port is accepted within timeoutMs. */
  connect?: (host: string, port: number, timeoutMs: number) => Promise<boolean>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const STARTUP_LABEL = 'image-guard.startup';
const POLL_MS = 50;

export function tcpConnect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (s: number) => Math.round(s * 1000) / 1000;

/** Runs `image` `runs` times and reports the median seconds to ready; never throws for what the image does. */
export async function measureStartup(
  image: string,
  probe: StartupProbe,
  options: StartupOptions,
  deps: StartupDeps,
): Promise<StartupFigures> {
  const now = deps.now ?? (() => performance.now() / 1000);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const connect = deps.connect ?? tcpConnect;
  const label = options.label ?? randomBytes(6).toString('hex');
  const times: number[] = [];
  let note: string | null = null;

  for (let i = 0; i < options.runs && note === null; i++) {
    const outcome = await oneRun(image, probe, options.timeoutSeconds, label, deps.runner, {
      now,
      sleep,
      connect,
    });
    if (typeof outcome === 'number') times.push(round(outcome));
    else note = times.length ? `run ${i + 1} of ${options.runs}: ${outcome}` : outcome;
  }
  return { medianSeconds: median(times), runs: times, probe: describeProbe(probe), note };
}

async function oneRun(
  image: string,
  probe: StartupProbe,
  timeoutSeconds: number,
  label: string,
  runner: ContainerRunner,
  t: {
    now: () => number;
    sleep: (ms: number) => Promise<void>;
    connect: (h: string, p: number, ms: number) => Promise<boolean>;
  },
): Promise<number | string> {
  const started = t.now();
  let id: string | null = null;
  try {
    const run = await runner.run(image, { [STARTUP_LABEL]: label });
    id = run.id;
    if ('error' in run) return `docker run failed: ${run.error}`;
    for (;;) {
      const state = await runner.state(run.id);
      if (!state.running) {
        const last = (await runner.logsTail(run.id)).at(-1);
        const code = state.exitCode === null ? '' : ` with code ${state.exitCode}`;
        return `the container stopped${code} before it was ready${last ? ` (last output: ${last.slice(0, 160)})` : ''}`;
      }
      const left = timeoutSeconds - (t.now() - started);
      if (left <= 0) break;
      const ready =
        probe.kind === 'port'
          ? await t.connect(state.address ?? '127.0.0.1', probe.port, Math.min(1000, left * 1000))
          : (await runner.exec(run.id, probe.command)) === 0;
      if (ready) return t.now() - started;
      if (t.now() - started >= timeoutSeconds) break;
      await t.sleep(POLL_MS);
    }
    return `not ready within ${timeoutSeconds} s (${describeProbe(probe)})`;
  } finally {
    if (id) await runner.remove(id).catch(() => undefined);
  }
}
