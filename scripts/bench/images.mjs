// The generated images of `npm run bench`, built once and kept by tag. Each has about 108,000 files in
// 13 layers on the busybox base, with overwritten files, whiteouts (deleted files and a deleted directory),
// an opaque directory (a directory deleted and made again in one step) and links. `scale` sets the bytes
// (big files of random and of repetitive data), not the number of paths: 1 ≈ 0.5 GiB, 2 ≈ 1 GiB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DOCKER = '/usr/bin/docker';
export const BASE = 'image-guard-fixture/busybox:1';
// Bump when the Dockerfile below changes, so that a cached image of the old shape is not reused.
const GENERATION = 'v1';

export const BENCH_IMAGES = [
  { name: 'gen-0.5g', tag: `image-guard-bench/gen:0.5g-${GENERATION}`, scale: 1 },
  { name: 'gen-1g', tag: `image-guard-bench/gen:1g-${GENERATION}`, scale: 2 },
];
/** The 1 GiB image plus one small layer: the new head of a second compare against the same base. */
export const NEXT_HEAD = { name: 'gen-1g+1', tag: `image-guard-bench/gen:1g-next-${GENERATION}` };

// 60 directories × 200 files of a line each: 12,000 paths, all with shell builtins (no process per file).
const files = (dir, tag) =>
  `mkdir -p ${dir} && cd ${dir} && for d in $(seq 1 60); do mkdir -p $d; for f in $(seq 1 200); do echo "${tag} $d $f some text to give the file a few dozen bytes" > $d/f$f; done; done`;
// MiB of random bytes (incompressible) and of repeated text (very compressible).
const big = (path, mib) =>
  `head -c $((${mib} * 1048576 / 2)) /dev/urandom > ${path}.bin && yes 'a line of repetitive text, as logs and sources often are 0123456789' | head -c $((${mib} * 1048576 / 2)) > ${path}.txt`;

export function dockerfile(scale) {
  const mib = 24 * scale;
  const steps = [`FROM ${BASE}`];
  for (let n = 1; n <= 9; n++)
    steps.push(`RUN ${files(`/data/L${n}`, `L${n}`)} && ${big(`/data/L${n}/big`, mib * 2)}`);
  // Overwrites: a big file and 2,000 small ones of layer 1 written again.
  steps.push(
    `RUN ${big('/data/L1/big', mib * 2)} && for d in $(seq 1 10); do for f in $(seq 1 200); do echo changed > /data/L1/$d/f$f; done; done`,
  );
  // Whiteouts: a directory tree of layer 2 and single files of layer 4 deleted, a big file deleted.
  steps.push(
    'RUN rm -rf /data/L2/1 /data/L2/2 /data/L2/big.bin && for f in $(seq 1 200); do rm /data/L4/5/f$f; done',
  );
  // Opaque directory: layer 3 deleted and made again in the same step; plus links.
  steps.push(
    `RUN rm -rf /data/L3 && ${files('/data/L3', 'L3again')} && ${big('/data/L3/big', mib)} && ln -s /data/L1/big.bin /data/link-to-big && ln /data/L3/big.txt /data/L3/hardlink.txt`,
  );
  steps.push(`RUN ${files('/data/L13', 'L13')} && ${big('/data/L13/big', mib)}`);
  return `${steps.join('\n')}\n`;
}

export function imageExists(tag) {
  return spawnSync(DOCKER, ['image', 'inspect', tag], { stdio: 'ignore' }).status === 0;
}

function build(tag, text, log) {
  const dir = mkdtempSync(join(tmpdir(), 'ig-bench-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), text);
    log(`building ${tag} (once; later runs reuse it)`);
    const r = spawnSync(DOCKER, ['build', '-q', '-t', tag, dir], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    });
    if (r.status !== 0) throw new Error(`docker build of ${tag} failed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds whatever bench image is missing. */
export function ensureImages(log = (m) => process.stderr.write(`bench: ${m}\n`)) {
  for (const image of BENCH_IMAGES) {
    if (!imageExists(image.tag)) build(image.tag, dockerfile(image.scale), log);
  }
  if (!imageExists(NEXT_HEAD.tag)) {
    build(NEXT_HEAD.tag, `FROM ${BENCH_IMAGES[1].tag}\nRUN echo next > /data/next.txt\n`, log);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureImages();
