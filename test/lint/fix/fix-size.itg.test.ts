// `lint --fix` against a real build: a Dockerfile whose apt and pip RUNs leave their caches in the image is
// built, fixed with the CLI, and built again; the fixed image must be no larger, layer by layer. apt reaches
// Debian's mirror, so the base is the local Debian stand-in for python:3.13-slim (scripts/bases.sh python).
// PyPI is out of reach: pip installs from a simple index served on 127.0.0.1 inside the same RUN, whose
// answers may be cached (as a real index's are), so pip writes its HTTP cache as it would for PyPI; it needs
// `--trusted-host` for that, since pip caches nothing from an http:// index it does not trust. No Alpine base
// exists here, so the apk fix is not measured on an engine (its unit cases are in fixes.test.ts).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-io.js';
import {
  buildCommand,
  contentSizes,
  docker,
  engineAvailable,
  removeImages,
  uniqueTag,
} from '../../support/engine.js';

const run = promisify(execFile);
const repo = resolve(fileURLToPath(import.meta.url), '../../../..');
const PYTHON_BASE = process.env.IG_PYTHON_IMAGE ?? 'image-guard-fixture/python:3.13-slim';

/** Writes a wheel with 2 MiB of random bytes into /idx/ig-fixture/, a simple index's project folder. */
const MKWHEEL = `import base64, hashlib, os, zipfile
name, version = 'ig_fixture', '1.0'
root = '/idx/ig-fixture'
os.makedirs(root, exist_ok=True)
files = {
    f'{name}/__init__.py': b'',
    f'{name}/blob.bin': os.urandom(2 * 1024 * 1024),
    f'{name}-{version}.dist-info/METADATA': f'Metadata-Version: 2.1\\nName: ig-fixture\\nVersion: {version}\\n'.encode(),
    f'{name}-{version}.dist-info/WHEEL': b'Wheel-Version: 1.0\\nGenerator: image-guard-test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n',
}
record = ''.join(
    f'{p},sha256={base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode()},{len(d)}\\n'
    for p, d in files.items()
)
files[f'{name}-{version}.dist-info/RECORD'] = (record + f'{name}-{version}.dist-info/RECORD,,\\n').encode()
with zipfile.ZipFile(f'{root}/{name}-{version}-py3-none-any.whl', 'w', zipfile.ZIP_STORED) as z:
    for p, d in files.items():
        z.writestr(p, d)
`;

/** Serves /idx on 127.0.0.1:8765 with answers that may be cached for an hour. */
const SERVE = `import functools, http.server
class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header('Cache-Control', 'max-age=3600')
        super().end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(('127.0.0.1', 8765), functools.partial(Handler, directory='/idx')).serve_forever()
`;

const DOCKERFILE = [
  'ARG PYTHON_IMAGE=python:3.13-slim',
  'FROM ${PYTHON_IMAGE}',
  'ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1',
  'COPY mkwheel.py serve.py /tmp/',
  'RUN python3 /tmp/mkwheel.py',
  'RUN apt-get update \\',
  '    && apt-get install -y --no-install-recommends tini',
  'RUN python3 /tmp/serve.py & sleep 1 \\',
  '    && pip install --disable-pip-version-check --root-user-action=ignore \\',
  '       --trusted-host 127.0.0.1 --index-url http://127.0.0.1:8765/ ig-fixture',
  'USER 1000',
  '',
].join('\n');

async function buildAt(dir: string, tag: string): Promise<void> {
  const cmd = buildCommand('buildkit', ['-q', '--build-arg', `PYTHON_IMAGE=${PYTHON_BASE}`, '-t', tag, dir]);
  try {
    await docker(cmd.args, cmd.env);
  } catch (error) {
    // apt-get reaches Debian's mirror over the network: a failed download (exit 100) is tried once more
    if (!/exit code: 100/.test(String((error as { stderr?: string }).stderr ?? error))) throw error;
    await docker(cmd.args, cmd.env);
  }
}

describe.skipIf(!engineAvailable)('lint --fix: the apt and pip fixes on a real build', () => {
  const before = uniqueTag('fix-before');
  const after = uniqueTag('fix-after');
  let dir: string;

  beforeAll(async () => {
    await run('bash', [join(repo, 'scripts/bases.sh'), 'python'], {
      cwd: repo,
      env: { ...process.env, IG_PYTHON_IMAGE: PYTHON_BASE },
    });
    dir = mkdtempSync(join(tmpdir(), 'ig-fix-size-'));
    writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(dir, 'mkwheel.py'), MKWHEEL);
    writeFileSync(join(dir, 'serve.py'), SERVE);
  }, 600_000);

  afterAll(async () => {
    await removeImages(before, after);
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds an image no larger than before, each fixed RUN layer smaller', async () => {
    await buildAt(dir, before);
    const fix = await runCli(['lint', join(dir, 'Dockerfile'), '--fix']);
    expect(fix.err).toBe('');
    expect(fix.out).toContain('fixed IG005');
    expect(fix.out).toContain('fixed IG004');
    const fixed = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(fixed).toContain('&& rm -rf /var/lib/apt/lists/*');
    expect(fixed).toContain('pip install --no-cache-dir');
    await buildAt(dir, after);

    // layer content as GNU tar counts it, the same on both stores; the last three layers are mkwheel, apt, pip
    const [b, a] = await Promise.all([contentSizes(before), contentSizes(after)]);
    const total = (sizes: number[]) => sizes.reduce((x, y) => x + y, 0);
    const [bApt, bPip] = b.slice(-2);
    const [aApt, aPip] = a.slice(-2);
    console.log(
      `lint --fix on the engine: apt layer ${bApt} -> ${aApt} bytes, pip layer ${bPip} -> ${aPip} bytes, image ${total(b)} -> ${total(a)} bytes`,
    );
    expect(a.length).toBe(b.length);
    expect(aApt!).toBeLessThan(bApt!);
    expect(aPip!).toBeLessThan(bPip!);
    expect(total(a)).toBeLessThanOrEqual(total(b));
  }, 600_000);
});
