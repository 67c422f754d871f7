// The file-level diff (issue 14) against an independent calculation on real images: two images built on the
// engine, each exported from a container (`docker export`: the engine's own merge of the layers), unpacked
// with the system's tar and walked with Node's fs. Nothing of image-guard's reader or overlay is used for the
// expected figures. The head's layer makes every case the diff must handle: a whiteout, an opaque directory, a
// directory replaced by a file, hard links (a new pair, and a pair whose first path is deleted), a file grown
// and one shrunk; and the base has a layer of its own (build tools) that the head does not.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { runCli } from '../support/cli-io.js';
import {
  BUSYBOX,
  type Builder,
  build,
  DOCKER,
  ENGINE,
  engineAvailable,
  legacyBuilderTested,
  removeImages,
} from '../support/engine.js';

const SHARED = `RUN mkdir -p /data /tree/sub /opq/old /hl \\
 && head -c 1000 /dev/urandom > /data/keep && head -c 2000 /dev/urandom > /data/gone \\
 && head -c 100 /dev/urandom > /data/grow && head -c 5000 /dev/urandom > /data/shrink \\
 && head -c 300 /dev/urandom > /tree/a && head -c 400 /dev/urandom > /tree/sub/b \\
 && head -c 700 /dev/urandom > /opq/old/x && head -c 800 /dev/urandom > /opq/y \\
 && head -c 900 /dev/urandom > /hl/t && ln /hl/t /hl/u && ln /hl/t /hl/v`;

const BASE = `FROM ${BUSYBOX}
${SHARED}
RUN mkdir -p /tools/bin && head -c 1500 /dev/urandom > /tools/bin/gcc && ln /tools/bin/gcc /tools/bin/cc
`;

const HEAD = `FROM ${BUSYBOX}
${SHARED}
RUN rm /data/gone \\
 && head -c 400 /dev/urandom > /data/grow && head -c 1000 /dev/urandom > /data/shrink \\
 && rm -rf /tree && head -c 50 /dev/urandom > /tree \\
 && rm -rf /opq && mkdir /opq && head -c 60 /dev/urandom > /opq/new \\
 && rm /hl/t \\
 && mkdir /venv && head -c 3000 /dev/urandom > /venv/lib.so && ln /venv/lib.so /venv/lib2.so
`;

/** A container's filesystem as the engine merges it: `docker export`, unpacked by tar into a folder. */
function exportTree(ref: string, into: string): void {
  const id = execFileSync(DOCKER, ['create', ref, 'true'], { encoding: 'utf8' }).trim();
  try {
    const archive = `${into}.tar`;
    execFileSync(DOCKER, ['export', '-o', archive, id]);
    mkdirSync(into);
    // Device nodes and the engine's mount points are the same in both; they are not files the diff counts.
    execFileSync('tar', ['-xf', archive, '-C', into, '--exclude=./dev', '--exclude=dev', '--no-same-owner']);
    rmSync(archive);
  } finally {
    execFileSync(DOCKER, ['rm', '-f', id]);
  }
}

/**
 * Every regular file of a folder with its bytes, each inode once, given to the first of its paths when the
 * paths are sorted segment by segment (as `du` gives an inode to the first path it meets).
 */
function filesOf(root: string): Map<string, number> {
  const found: { path: string; segments: string[]; ino: number; size: number }[] = [];
  const walk = (dir: string, rel: string[]) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const st = lstatSync(full);
      if (st.isDirectory()) walk(full, [...rel, name]);
      else if (st.isFile())
        found.push({
          path: `/${[...rel, name].join('/')}`,
          segments: [...rel, name],
          ino: st.ino,
          size: st.size,
        });
    }
  };
  walk(root, []);
  found.sort((a, b) => {
    for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
      const x = a.segments[i]!;
      const y = b.segments[i]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return a.segments.length - b.segments.length;
  });
  const seen = new Set<number>();
  const files = new Map<string, number>();
  for (const f of found) {
    files.set(f.path, seen.has(f.ino) ? 0 : f.size);
    seen.add(f.ino);
  }
  return files;
}

function expectedDiff(base: Map<string, number>, head: Map<string, number>) {
  const t = { added: [0, 0], removed: [0, 0], grown: [0, 0], shrunk: [0, 0] };
  const add = (k: keyof typeof t, bytes: number) => {
    t[k][0]! += 1;
    t[k][1]! += bytes;
  };
  for (const [path, size] of head) {
    const was = base.get(path);
    if (was === undefined) add('added', size);
    else if (size > was) add('grown', size - was);
    else if (size < was) add('shrunk', was - size);
  }
  for (const [path, size] of base) if (!head.has(path)) add('removed', size);
  const pair = ([files, bytes]: number[]) => ({ files, bytes });
  return { added: pair(t.added), removed: pair(t.removed), grown: pair(t.grown), shrunk: pair(t.shrunk) };
}

/** The members of every layer of an image, from `docker save` unpacked by tar (what the cases rely on). */
function layerMembers(ref: string, work: string): string[] {
  const dir = join(work, 'save');
  mkdirSync(dir);
  execFileSync('sh', ['-c', `"$0" save "$1" | tar -x -C "$2"`, DOCKER, ref, dir]);
  const manifest = JSON.parse(execFileSync('cat', [join(dir, 'manifest.json')], { encoding: 'utf8' }));
  return manifest[0].Layers.flatMap((layer: string) =>
    execFileSync('tar', ['-tvf', join(dir, layer)], { encoding: 'utf8' }).split('\n'),
  );
}

describe.skipIf(!engineAvailable)('the file-level diff equals an independent calculation', () => {
  const tags: string[] = [];
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ig-diff14-itg-'));
  });
  afterAll(async () => {
    await removeImages(...tags);
    rmSync(work, { recursive: true, force: true });
  });

  // The legacy builder only where runners still meet it: the classic store (see test/support/engine.ts).
  for (const builder of ['buildkit', 'legacy'] as Builder[]) {
    it.skipIf(builder === 'legacy' && !legacyBuilderTested)(
      `${builder}: added, removed, grown and shrunk bytes and files, and the net change`,
      async () => {
        const suffix = `${builder}-${process.pid}-${Date.now().toString(36)}`;
        const baseTag = `ig-diff14-base:${suffix}`;
        const headTag = `ig-diff14-head:${suffix}`;
        tags.push(baseTag, headTag);
        await build(baseTag, BASE, builder);
        await build(headTag, HEAD, builder);

        // The cases are really in the head's layers, as the engine wrote them.
        const members = layerMembers(headTag, mkdtempSync(join(work, 'layers-')));
        expect(members.some((m) => / data\/\.wh\.gone$/.test(m))).toBe(true);
        // overlay2 writes `rm -rf /opq && mkdir /opq` as an opaque directory; containerd's differ writes a
        // whiteout per removed entry instead. Either way the old content is gone in the head.
        if (ENGINE.containerdStore) expect(members.some((m) => / opq\/\.wh\.old$/.test(m))).toBe(true);
        else expect(members.some((m) => / opq\/\.wh\.\.wh\.\.opq$/.test(m))).toBe(true);
        expect(members.some((m) => / hl\/\.wh\.t$/.test(m))).toBe(true);
        expect(members.some((m) => /venv\/lib2?\.so link to venv\/lib2?\.so$/.test(m))).toBe(true);
        expect(members.some((m) => /^-.* tree$/.test(m))).toBe(true);

        const baseDir = join(work, `base-${builder}`);
        const headDir = join(work, `head-${builder}`);
        exportTree(baseTag, baseDir);
        exportTree(headTag, headDir);
        const baseFiles = filesOf(baseDir);
        const headFiles = filesOf(headDir);
        const expected = expectedDiff(baseFiles, headFiles);
        // The calculation is not empty-handed: every kind of change is there.
        expect(expected.added.files).toBeGreaterThan(0);
        expect(expected.removed.files).toBeGreaterThan(0);
        expect(expected.grown.files).toBeGreaterThan(0);
        expect(expected.shrunk.files).toBeGreaterThan(0);

        const r = await runCli([
          'compare',
          '--base',
          baseTag,
          '--head',
          headTag,
          '--format',
          'json',
          '--fail-on',
          'never',
          '--no-pull-size',
        ]);
        expect(r.err).toBe('');
        const diff = (JSON.parse(r.out) as Report).diff!;
        expect({ added: diff.added, removed: diff.removed, grown: diff.grown, shrunk: diff.shrunk }).toEqual(
          expected,
        );
        const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
        expect(diff.net).toBe(sum(headFiles) - sum(baseFiles));

        // Each changed file of the diff's lists is a change the walk saw, with the same sizes.
        for (const f of [...diff.files, ...diff.directories.flatMap((d) => d.largest)]) {
          expect([f.path, baseFiles.get(f.path) ?? null, headFiles.get(f.path) ?? null]).toEqual([
            f.path,
            f.baseSize,
            f.headSize,
          ]);
        }
      },
    );
  }
});
