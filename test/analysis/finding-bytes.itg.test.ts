// What each Dockerfile finding costs, on an image the engine builds: stand-ins for apt-get and pip (apt and PyPI
// are out of reach) leave package lists, an apt cache and a pip cache of sizes chosen here, and `COPY . .` brings
// a .git and a node_modules the context has no .dockerignore for. Each finding's bytes must be the bytes this
// test wrote, and the apt layer's bytes as GNU tar counts them in `docker save`'s layer tar.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/report.js';
import { runCli } from '../support/cli-io.js';
import {
  BUSYBOX,
  type Builder,
  buildCommand,
  docker,
  ENGINE,
  engineAvailable,
  layerContents,
  legacyBuilderTested,
  removeImages,
} from '../support/engine.js';

const LISTS = { InRelease: 150_000, Packages: 2_500_000 };
const APT_CACHE = 60_000;
const PIP_CACHE = 80_000;

const CONTEXT: Record<string, string | number> = {
  Dockerfile: `FROM ${BUSYBOX}
COPY tools/ /bin/
WORKDIR /app
RUN apt-get update && apt-get install -y build-essential
COPY . .
RUN pip install -r requirements.txt
CMD ["sh"]
`,
  'tools/apt-get': `#!/bin/sh
case "$1" in
  update) mkdir -p /var/lib/apt/lists/partial
    head -c ${LISTS.InRelease} /dev/urandom > /var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease
    head -c ${LISTS.Packages} /dev/urandom > /var/lib/apt/lists/deb.debian.org_dists_bookworm_main_Packages ;;
  install) mkdir -p /var/cache/apt/archives
    head -c ${APT_CACHE} /dev/urandom > /var/cache/apt/pkgcache.bin ;;
esac
`,
  'tools/pip': `#!/bin/sh
mkdir -p /root/.cache/pip/http-v2/a /usr/lib/site
head -c ${PIP_CACHE} /dev/urandom > /root/.cache/pip/http-v2/a/b
head -c 1000 /dev/urandom > /usr/lib/site/flask.py
`,
  'requirements.txt': 'flask\n',
  'app/main.py': 'print("hi")\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.git/objects/pack/pack-1.pack': 40_000,
  'node_modules/left-pad/index.js': 5_000,
};
/** The bytes of the context's files under `dir`, as written here. */
const contextBytes = (dir: string) =>
  Object.entries(CONTEXT)
    .filter(([p]) => p.startsWith(`${dir}/`))
    .reduce((n, [, c]) => n + (typeof c === 'number' ? c : Buffer.byteLength(c)), 0);

describe.skipIf(!engineAvailable)('what each finding costs, on a built image', () => {
  const tags: string[] = [];
  let ctx: string;
  beforeAll(() => {
    ctx = mkdtempSync(join(tmpdir(), 'ig-costs-itg-'));
    for (const [path, content] of Object.entries(CONTEXT)) {
      mkdirSync(dirname(join(ctx, path)), { recursive: true });
      writeFileSync(join(ctx, path), typeof content === 'number' ? Buffer.alloc(content, 0x62) : content, {
        mode: path.startsWith('tools/') ? 0o755 : 0o644,
      });
    }
  });
  afterAll(async () => {
    await removeImages(...tags);
    rmSync(ctx, { recursive: true, force: true });
  });

  for (const builder of ['buildkit', 'legacy'] as Builder[]) {
    it.skipIf(builder === 'legacy' && !legacyBuilderTested)(
      `${builder}: IG005, IG004, IG008 and IG012 carry the bytes their instruction left`,
      async () => {
        const tag = `ig-costs/finding-bytes:${builder}-${ENGINE.name}-${process.pid}-${Date.now().toString(36)}`;
        tags.push(tag);
        const cmd = buildCommand(builder, ['-q', '-t', tag, ctx]);
        await docker(cmd.args, cmd.env);

        const r = await runCli([
          'compare',
          '--head',
          tag,
          '--dockerfile',
          join(ctx, 'Dockerfile'),
          '--format',
          'json',
          '--fail-on',
          'never',
          '--no-pull-size',
        ]);
        expect(r.err).toBe('');
        const report = JSON.parse(r.out) as Report;
        const head = report.head!;
        const rule = (id: string): Finding => {
          const f = report.findings.find((x) => x.rule === id);
          expect(f, id).toBeDefined();
          return f!;
        };
        const layerOf = (text: string) => head.layers.find((l) => l.createdBy.includes(text))!.index;

        const ig005 = rule('IG005');
        expect(ig005.line).toBe(4);
        expect(ig005.bytes).toBe(LISTS.InRelease + LISTS.Packages + APT_CACHE);
        expect(ig005.measured).toEqual({
          layer: layerOf('apt-get update'),
          paths: ['/var/lib/apt/lists', '/var/cache/apt'],
        });
        // GNU tar's count of that layer (nothing else is in it but directories)
        const nonEmpty = head.layers.filter((l) => !l.empty).map((l) => l.index);
        const contents = await layerContents(tag);
        expect(contents[nonEmpty.indexOf(ig005.measured!.layer!)]!.fileBytes).toBe(ig005.bytes);

        const ig004 = rule('IG004');
        expect(ig004.bytes).toBe(PIP_CACHE);
        expect(ig004.measured).toEqual({ layer: layerOf('pip install'), paths: ['/root/.cache/pip'] });
        // the RUN's layer holds the cache and the one installed module
        expect(contents[nonEmpty.indexOf(ig004.measured!.layer!)]!.fileBytes).toBe(PIP_CACHE + 1000);

        const copied = contextBytes('.git') + contextBytes('node_modules');
        for (const id of ['IG008', 'IG012']) {
          const f = rule(id);
          expect(f.bytes, id).toBe(copied);
          expect(f.measured, id).toEqual({
            layer: head.layers.findLast((l) => /COPY (\. \.|dir:)/.test(l.createdBy))!.index,
            paths: ['/app/.git', '/app/node_modules'],
          });
        }

        // no package database of apt's in this busybox image: IG001 (build-essential, one stage) claims nothing
        expect(rule('IG001').measured).toBeUndefined();
        expect(rule('IG001').bytes).toBeNull();
      },
      240_000,
    );
  }
});
