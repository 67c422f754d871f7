import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/lib/daemon.sh decides whether a pid file left on disk names the daemon or something else: a machine
// whose processes were stopped while its disk was kept (CI's, a restarted container) holds pid files whose
// numbers now belong to other processes, and dockerd then refuses to start or waits for a containerd that is
// not there. Run here with bash and real processes.
const lib = resolve('scripts/lib/daemon.sh');
const bash = (script: string, ...args: string[]): { status: number; stderr: string } => {
  try {
    execFileSync('bash', ['-c', `. "${lib}"; ${script}`, 'test', ...args], { stdio: 'pipe' });
    return { status: 0, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stderr: Buffer };
    return { status: err.status, stderr: err.stderr.toString() };
  }
};

describe('scripts/lib/daemon.sh', () => {
  let dir: string;
  let sleeper: ChildProcess;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ig-daemon-'));
    sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });
  });
  afterAll(() => {
    sleeper.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a pid file whose pid is a live process of that name', () => {
    const file = join(dir, 'live.pid');
    writeFileSync(file, `${sleeper.pid}\n`);
    expect(bash('clear_stale_pidfile "$1" sleep', file).status).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(bash('pidfile_alive "$1" sleep', file).status).toBe(0);
  });

  it('removes a pid file whose pid is alive but another program (a reused number)', () => {
    const file = join(dir, 'reused.pid');
    writeFileSync(file, `${sleeper.pid}\n`);
    expect(bash('pidfile_alive "$1" dockerd', file).status).toBe(1);
    expect(bash('clear_stale_pidfile "$1" dockerd', file).status).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('removes a pid file whose process is gone, and one that holds no number', () => {
    const gone = join(dir, 'gone.pid');
    const { pid } = spawnSync('true'); // exited and reaped
    writeFileSync(gone, `${pid}`);
    bash('clear_stale_pidfile "$1" true', gone);
    expect(existsSync(gone)).toBe(false);
    const junk = join(dir, 'junk.pid');
    writeFileSync(junk, 'not a pid');
    bash('clear_stale_pidfile "$1" dockerd', junk);
    expect(existsSync(junk)).toBe(false);
  });

  it('stops waiting as soon as the started daemon exits, and shows the end of its log', () => {
    const log = join(dir, 'daemon.log');
    writeFileSync(log, 'starting\nfailed to start daemon: pid file found, ensure docker is not running\n');
    const started = Date.now();
    const r = bash('sh -c "exit 1" & await_daemon dockerd $! "$1" 30 false', log);
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.stderr).toContain('image-guard: error: dockerd exited while starting');
    expect(r.stderr).toContain('  failed to start daemon: pid file found');
  });

  it('returns when the check passes, and gives up after the time it was given', () => {
    expect(bash('await_daemon dockerd "" /dev/null 1 true').status).toBe(0);
    const r = bash('await_daemon "the modern dockerd" "" /dev/null 1 false');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the modern dockerd did not answer within 1 s');
  });
});
