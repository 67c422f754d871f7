// Times the hot paths on a generated docker-archive of ~100,000 files (three layers: a base, a layer that
// rewrites and whites out part of it, a small one): readArchiveRef (tar reader + layer summaries) and
// mergeLayers. Run: npx tsx scripts/bench-hot-paths.ts [runs]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeLayers } from '../src/analysis/filesystem.js';
import { readArchiveRef } from '../src/image/archive-ref.js';
import { dockerSaveArchive, rawMember } from '../test/support/tar-fixtures.js';

function layer(members: Buffer[]): Buffer {
  return Buffer.concat([...members, Buffer.alloc(1024)]);
}

const base: Buffer[] = [];
for (let d = 0; d < 1000; d++) {
  base.push(rawMember({ name: `usr/lib/pkg${d}/`, type: '5' }));
  for (let f = 0; f < 80; f++) {
    base.push(rawMember({ name: `usr/lib/pkg${d}/file${f}.py`, type: '0' }, Buffer.alloc(f * 7, 0x61)));
  }
}
const second: Buffer[] = [];
for (let d = 0; d < 1000; d += 2) {
  second.push(rawMember({ name: `usr/lib/pkg${d}/.wh.file1.py`, type: '0' }));
  for (let f = 0; f < 30; f++) {
    second.push(rawMember({ name: `usr/lib/pkg${d}/file${f}.py`, type: '0' }, Buffer.alloc(10, 0x62)));
  }
}
const third = [rawMember({ name: 'app/main.py', type: '0' }, Buffer.from('print(1)\n'))];
const archive = await dockerSaveArchive({ layers: [layer(base), layer(second), layer(third)] });
const dir = mkdtempSync(join(tmpdir(), 'bench-hot-'));
const file = join(dir, 'big.tar');
writeFileSync(file, archive);
const files = 1000 * 81 + 500 * 31 + 1;

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const runs = Number(process.argv[2] ?? 7);
const read: number[] = [];
const merge: number[] = [];
for (let i = 0; i < runs; i++) {
  // CPU time of the process (the machine is shared: wall time moves with the neighbours' load).
  let t = process.cpuUsage();
  const data = await readArchiveRef(`docker-archive:${file}`, { files: true });
  read.push(cpuMs(t));
  t = process.cpuUsage();
  mergeLayers(data.layers!, [0, 1, 2]);
  merge.push(cpuMs(t));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0);
const min = (xs: number[]) => Math.min(...xs).toFixed(0);
console.log(
  `${files} members, ${(archive.length / 1e6).toFixed(0)} MB: readArchiveRef CPU median ${median(read)} min ${min(read)} ms ` +
    `(${read.map((x) => x.toFixed(0)).join(' ')}), mergeLayers median ${median(merge)} min ${min(merge)} ms ` +
    `(${merge.map((x) => x.toFixed(0)).join(' ')})`,
);
