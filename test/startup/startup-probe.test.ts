import { describe, expect, it } from 'vitest';
import {
  type ContainerRunner,
  measureStartup,
  median,
  parseStartupProbe,
} from '../../src/startup/startup-probe.js';

/** A stand-in engine on a fake clock: each container gets ready after `readyAfter` seconds, or stops. */
function fakeEngine(behaviour: { readyAfter?: number[]; exitAt?: number; runError?: string }) {
  let clock = 0;
  let started = 0;
  const live = new Set<string>();
  const startedAt = new Map<string, number>();
  let n = 0;
  const readyAt = (id: string) => behaviour.readyAfter?.[Number(id.slice(1))] ?? Number.POSITIVE_INFINITY;
  const runner: ContainerRunner = {
    async run() {
      clock += 0.1; // docker run -d itself
      if (behaviour.runError) return { error: behaviour.runError, id: null };
      const id = `c${n++}`;
      live.add(id);
      startedAt.set(id, clock - 0.1);
      started++;
      return { id };
    },
    async state(id) {
      const age = clock - startedAt.get(id)!;
      const running = behaviour.exitAt === undefined || age < behaviour.exitAt;
      return { running, exitCode: running ? null : 1, address: '10.0.0.2' };
    },
    async exec(id) {
      clock += 0.05;
      return clock - startedAt.get(id)! >= readyAt(id) ? 0 : 1;
    },
    async logsTail() {
      return ['Traceback (most recent call last):', 'ModuleNotFoundError: No module named app'];
    },
    async remove(id) {
      live.delete(id);
    },
  };
  return {
    runner,
    live,
    started: () => started,
    deps: {
      runner,
      now: () => clock,
      sleep: async (ms: number) => {
        clock += ms / 1000;
      },
      connect: async (_h: string, _p: number) => {
        // the last started container answers once its time has come
        const id = `c${n - 1}`;
        return clock - startedAt.get(id)! >= readyAt(id);
      },
    },
  };
}

describe('parseStartupProbe', () => {
  it('takes port:N and cmd:…, and nothing else', () => {
    expect(parseStartupProbe('port:8000')).toEqual({ kind: 'port', port: 8000 });
    expect(parseStartupProbe(' cmd: wget -q -O- localhost:8000/health ')).toEqual({
      kind: 'cmd',
      command: 'wget -q -O- localhost:8000/health',
    });
    for (const bad of ['8000', 'port:', 'port:0', 'port:70000', 'cmd:', 'cmd:   ', 'http://x', ''])
      expect(parseStartupProbe(bad), bad).toBeNull();
  });
});

describe('median', () => {
  it('middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('measureStartup', () => {
  it('reports the median over the runs and removes every container', async () => {
    const e = fakeEngine({ readyAfter: [1, 3, 2] });
    const r = await measureStartup(
      'app',
      { kind: 'port', port: 8000 },
      { runs: 3, timeoutSeconds: 10 },
      e.deps,
    );
    expect(r.runs).toHaveLength(3);
    expect(r.medianSeconds).toBeGreaterThanOrEqual(2);
    expect(r.medianSeconds).toBeLessThan(2.2);
    expect(r.note).toBeNull();
    expect(r.probe).toBe('port:8000');
    expect(e.started()).toBe(3);
    expect(e.live.size).toBe(0);
  });

  it('a readiness command is polled until it exits 0', async () => {
    const e = fakeEngine({ readyAfter: [0.5] });
    const r = await measureStartup(
      'app',
      { kind: 'cmd', command: 'test -f /ready' },
      { runs: 1, timeoutSeconds: 5 },
      e.deps,
    );
    expect(r.medianSeconds).toBeGreaterThanOrEqual(0.5);
    expect(e.live.size).toBe(0);
  });

  it('a container that exits at once is a note with its last output, not a wait', async () => {
    const e = fakeEngine({ exitAt: 0 });
    const r = await measureStartup(
      'app',
      { kind: 'port', port: 8000 },
      { runs: 3, timeoutSeconds: 60 },
      e.deps,
    );
    expect(r.medianSeconds).toBeNull();
    expect(r.note).toMatch(/stopped with code 1 before it was ready \(last output: ModuleNotFoundError/);
    expect(e.started()).toBe(1); // no point in trying again
    expect(e.live.size).toBe(0);
  });

  it('a probe that never succeeds ends at the timeout', async () => {
    const e = fakeEngine({});
    const r = await measureStartup(
      'app',
      { kind: 'port', port: 8000 },
      { runs: 3, timeoutSeconds: 2 },
      e.deps,
    );
    expect(r.medianSeconds).toBeNull();
    expect(r.note).toBe('not ready within 2 s (port:8000)');
    expect(e.live.size).toBe(0);
  });

  it('a run that fails after good ones keeps the good ones and says which run failed', async () => {
    const e = fakeEngine({ readyAfter: [1, Number.POSITIVE_INFINITY] });
    const r = await measureStartup(
      'app',
      { kind: 'port', port: 8000 },
      { runs: 3, timeoutSeconds: 2 },
      e.deps,
    );
    expect(r.runs).toHaveLength(1);
    expect(r.medianSeconds).not.toBeNull();
    expect(r.note).toBe('run 2 of 3: not ready within 2 s (port:8000)');
  });

  it('docker run failing (no command, unknown image) is a note', async () => {
    const e = fakeEngine({ runError: 'No command specified' });
    const r = await measureStartup(
      'app',
      { kind: 'port', port: 8000 },
      { runs: 3, timeoutSeconds: 2 },
      e.deps,
    );
    expect(r.note).toBe('docker run failed: No command specified');
  });
});
