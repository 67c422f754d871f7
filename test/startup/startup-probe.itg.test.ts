// Start-up probes against the real engine, through the docker CLI adapter the Action uses: busybox's httpd
// ready by port and by command, one image that exits at once, one that never gets ready. None may leave a
// container behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerCli } from '../../src/engine/docker-cli.js';
import { measureStartup, STARTUP_LABEL } from '../../src/startup/startup-probe.js';
import {
  BUSYBOX,
  build,
  DOCKER,
  docker,
  engineAvailable,
  removeImages,
  uniqueTag,
} from '../support/engine.js';

describe.skipIf(!engineAvailable)('start-up probe on the real engine', () => {
  const web = uniqueTag('startup-web');
  const dies = uniqueTag('startup-dies');
  const idle = uniqueTag('startup-idle');
  const runner = dockerCli(DOCKER).containers!;
  const label = `itg-${process.pid}-${Date.now().toString(36)}`;
  const leftovers = () => docker(['ps', '-aq', '--filter', `label=${STARTUP_LABEL}=${label}`]);

  beforeAll(async () => {
    await Promise.all([
      // Sleeps a moment before listening, so that "ready" is something to wait for.
      build(
        web,
        `FROM ${BUSYBOX}\nRUN mkdir /www && echo ok > /www/index.html\nCMD ["sh", "-c", "sleep 0.3; exec httpd -f -p 8000 -h /www"]\n`,
        'buildkit',
      ),
      build(dies, `FROM ${BUSYBOX}\nCMD ["sh", "-c", "echo cannot start: no config; exit 3"]\n`, 'buildkit'),
      build(idle, `FROM ${BUSYBOX}\nCMD ["sleep", "3600"]\n`, 'buildkit'),
    ]);
  });
  afterAll(async () => {
    await removeImages(web, dies, idle);
  });

  it('httpd ready by port: three runs, the median between them, nothing left', async () => {
    const r = await measureStartup(
      web,
      { kind: 'port', port: 8000 },
      { runs: 3, timeoutSeconds: 20, label },
      { runner },
    );
    expect(r.note).toBeNull();
    expect(r.runs).toHaveLength(3);
    expect(r.medianSeconds).toBeGreaterThanOrEqual(0.3);
    expect(r.medianSeconds).toBeLessThan(10);
    expect(Math.min(...r.runs)).toBeLessThanOrEqual(r.medianSeconds!);
    expect(await leftovers()).toBe('');
  });

  it('ready by a command run inside the container', async () => {
    const r = await measureStartup(
      web,
      { kind: 'cmd', command: 'wget -q -O /dev/null http://127.0.0.1:8000/' },
      { runs: 1, timeoutSeconds: 20, label },
      { runner },
    );
    expect(r.note).toBeNull();
    expect(r.medianSeconds).toBeGreaterThanOrEqual(0.3);
    expect(await leftovers()).toBe('');
  });

  it('an image that exits at once is a line, with its last output', async () => {
    const started = Date.now();
    const r = await measureStartup(
      dies,
      { kind: 'port', port: 8000 },
      { runs: 3, timeoutSeconds: 20, label },
      { runner },
    );
    expect(r.medianSeconds).toBeNull();
    expect(r.note).toMatch(
      /stopped with code 3 before it was ready \(last output: cannot start: no config\)/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await leftovers()).toBe('');
  });

  it('a readiness probe that never succeeds ends at the timeout', async () => {
    const started = Date.now();
    const r = await measureStartup(
      idle,
      { kind: 'port', port: 8000 },
      { runs: 3, timeoutSeconds: 1.5, label },
      { runner },
    );
    expect(r.medianSeconds).toBeNull();
    expect(r.note).toBe('not ready within 1.5 s (port:8000)');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await leftovers()).toBe('');
  });
});
