import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-io.js';
import {
  buildCommand,
  contentSizes,
  docker,
  ENGINE,
  engineAvailable,
  inspectSize,
  removeImages,
  uniqueTag,
} from '../support/engine.js';

// The bundled example (what `npm run demo` shows) must keep building, and its "after" must keep being the
// small, working image a multi-stage build promises. Built on the local stand-in for python:3.13-slim, so that the
// test means the same on every machine (Docker Hub is not reachable here).
const run = promisify(execFile);
const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const example = join(repo, 'examples/python-api');
const PYTHON_BASE = process.env.IG_PYTHON_IMAGE ?? 'image-guard-fixture/python:3.13-slim';

const PROBE = `
import json, urllib.request
with urllib.request.urlopen("http://127.0.0.1:8000/items", timeout=2) as r:
    print(json.dumps({"status": r.status, "etag": r.headers["ETag"], "body": json.load(r)}))
`;

async function buildExample(dockerfile: string, tag: string): Promise<void> {
  const cmd = buildCommand('buildkit', [
    '-q',
    '-f',
    join(example, dockerfile),
    '--build-arg',
    `PYTHON_IMAGE=${PYTHON_BASE}`,
    '-t',
    tag,
    example,
  ]);
  try {
    await docker(cmd.args, cmd.env);
  } catch (error) {
    // apt-get inside the build reaches Debian's mirrors over the network: a failed download (apt's exit 100)
    // is tried once more, anything else fails the test at once.
    if (!/apt-get[^\n]*exit code: 100/.test(String((error as { stderr?: string }).stderr ?? error)))
      throw error;
    await docker(cmd.args, cmd.env);
  }
}

/**
 * An image's size as the classic store counts it: `docker image inspect` there; the layers' content on the
 * containerd store, whose inspect Size adds the compressed blobs to the unpacked snapshots.
 */
async function imageSize(ref: string): Promise<number> {
  if (!ENGINE.containerdStore) return inspectSize(ref);
  return (await contentSizes(ref)).reduce((a, b) => a + b, 0);
}

async function probeUntilReady(container: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await docker(['exec', container, 'python', '-c', PROBE]);
    } catch (error) {
      if (Date.now() > deadline) {
        const logs = await docker(['logs', container]).catch(() => '');
        throw new Error(`the API did not answer within ${timeoutMs} ms; container logs:\n${logs}`, {
          cause: error,
        });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe.skipIf(!engineAvailable)('examples/python-api', () => {
  const single = uniqueTag('python-api-single');
  const multi = uniqueTag('python-api-multi');

  beforeAll(async () => {
    // About a minute the first time on a machine, then kept by the engine; on a second engine, copied from the
    // first in seconds (scripts/bases.sh).
    await run('bash', [join(repo, 'scripts/bases.sh'), 'python'], {
      cwd: repo,
      env: { ...process.env, IG_PYTHON_IMAGE: PYTHON_BASE },
    });
  }, 600_000);

  afterAll(async () => {
    await removeImages(single, multi);
  });

  it('both Dockerfiles build; the multi-stage image is far smaller and serves the API as a non-root user', async () => {
    // Side by side: most of either build is apt downloading and unpacking the toolchain.
    await Promise.all([buildExample('Dockerfile.single', single), buildExample('Dockerfile.multi', multi)]);

    const [singleSize, multiSize, baseSize] = await Promise.all([
      imageSize(single),
      imageSize(multi),
      imageSize(PYTHON_BASE),
    ]);
    // Measured here: single about 548 MB, multi about 124 MB on a 113 MB base. The single-stage image carries
    // the toolchain and apt's lists; the multi-stage one adds little more than the virtualenv to its base.
    expect(multiSize).toBeLessThan(singleSize / 2);
    expect(singleSize - baseSize).toBeGreaterThan(150_000_000);
    expect(multiSize - baseSize).toBeLessThan(40_000_000);

    // The C extension was compiled in the single-stage image too.
    expect(
      await docker(['run', '--rm', single, 'python', '-c', 'import fasthash; print(fasthash.etag(b"x"))']),
    ).toMatch(/^"[0-9a-f]{16}"$/);

    const container = await docker(['run', '-d', multi]);
    try {
      const answer = JSON.parse(await probeUntilReady(container, 20_000)) as {
        status: number;
        etag: string;
        body: { items: { id: number; name: string; quantity: number }[] };
      };
      expect(answer.status).toBe(200);
      expect(answer.etag).toMatch(/^"[0-9a-f]{16}"$/); // computed by fasthash, the compiled dependency
      expect(answer.body.items.map((i) => i.name)).toEqual(['keyboard', 'monitor', 'usb-c cable']);

      expect(await docker(['exec', container, 'id', '-un'])).toBe('app');
      // No compiler reached the runtime image: it stayed in the builder stage.
      expect(await docker(['exec', container, 'sh', '-c', 'command -v gcc cc make || true'])).toBe('');
    } finally {
      await docker(['rm', '-f', container]).catch(() => undefined);
    }

    // What `npm run demo` shows (issue 14): the comment says the build tools and apt's lists went and the
    // virtualenv came, and its largest files are the ones the change added, not the OS base's.
    const md = await runCli([
      'compare',
      '--base',
      single,
      '--head',
      multi,
      '--format',
      'markdown',
      '--fail-on',
      'never',
    ]);
    expect(md.err).toBe('');
    const section = md.out.slice(md.out.indexOf('**Where the bytes went**'), md.out.indexOf('<details>'));
    const rows = section.split('\n').filter((l) => l.startsWith('| **'));
    expect(rows.some((r) => /^\| \*\*−[^|]+\| `\/usr\/libexec\/gcc\/[^`]*` \| −\d+ \(gone\)/.test(r))).toBe(
      true,
    );
    expect(rows.some((r) => /^\| \*\*−[^|]+\| `\/var\/lib\/apt\/lists` \|/.test(r))).toBe(true);
    expect(rows.some((r) => /^\| \*\*\+[^|]+\| `\/opt\/venv` \| \+\d+ \(new\)/.test(r))).toBe(true);
    const largest = md.out.slice(md.out.indexOf('<summary>Largest files'));
    const firstRows = largest
      .split('\n')
      .filter((l) => /^\| [\d.]+ [kMG]?B \|/.test(l))
      .slice(0, 10);
    expect(firstRows).toHaveLength(10);
    for (const row of firstRows) expect(row).toMatch(/\| added \| `\/(opt\/venv|app)\//);
  }, 900_000);
});
