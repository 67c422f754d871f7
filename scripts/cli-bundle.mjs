// Keeps only the files the CLI runs in a copy of dist/: dist/cli.js and the chunks it imports, statically or on
// demand, followed through every chunk; the Action's own chunks (its artifact client among them) are deleted.
// Used by the Dockerfile's bundle stage: `node cli-bundle.mjs DIR` prunes DIR/dist/chunks.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? '.', 'dist');
const keep = new Set();
// every relative `.js` path a file names: an import, static or dynamic (a string that names no file is skipped)
const visit = (file) => {
  if (keep.has(file) || !existsSync(file)) return;
  keep.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/["'](\.\.?\/[^"'\s]+\.js)["']/g))
    visit(resolve(dirname(file), spec));
};
visit(join(dist, 'cli.js'));
let removed = 0;
for (const name of readdirSync(join(dist, 'chunks'))) {
  const file = join(dist, 'chunks', name);
  if (!keep.has(file)) {
    rmSync(file);
    removed++;
  }
}
console.log(`cli-bundle: kept ${keep.size} files, removed ${removed} chunks the CLI does not load`);
