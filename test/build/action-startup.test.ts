// What every run of the Action parses before its first step: the committed dist/index.js (what the runner
// executes), the chunk it loads at the top level, and everything those import statically. Octokit and
// @actions/github (about 190 kB) belong to the PR comment alone and must stay out of it: they once came in
// through a static import of `github.context` that nothing used. esbuild keeps a `// node_modules/...` line
// before each bundled module, which is what is looked for here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const read = (file: string) => readFileSync(file, 'utf8');

/** Specifiers of the file's static imports (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
function staticImports(text: string): string[] {
  const re = /^import\s*(?:[^;'"()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/gm;
  return [...text.matchAll(re)].map((m) => m[1]!);
}

/** Specifiers of the file's dynamic imports: `import("./x.js")`. */
const dynamicImports = (text: string): string[] =>
  [...text.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]!);

/** The files reached from `roots` through static imports alone, roots included. */
function staticGraph(roots: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(read(file))) queue.push(normalize(join(dirname(file), spec)));
  }
  return [...seen];
}

const GITHUB_CLIENT = /^\/\/ node_modules\/(?:@actions\/github|@octokit)\//m;

describe('the Action’s start-up path in dist/', () => {
  const entry = join(dist, 'index.js');
  const entryText = read(entry);
  // src/index.ts names the code entry, then awaits the Action's main module: both run on every start.
  const loadedAtStart = dynamicImports(entryText).map((spec) => normalize(join(dist, spec)));
  const startup = staticGraph([entry, ...loadedAtStart]);

  it('is the entry and the main chunk it awaits, with what they import statically', () => {
    expect(loadedAtStart.map((f) => relative(dist, f))).toEqual([
      expect.stringMatching(/^chunks\/main-[A-Z0-9]+\.js$/),
    ]);
    for (const file of startup) expect(existsSync(file)).toBe(true);
    // More than the two files: the walk follows multi-line `import { … } from` statements too.
    expect(startup.length).toBeGreaterThan(2);
    // Every run reads its event first: the event reader is in this graph, not in a chunk loaded later (where
    // it once was, and brought @actions/github into every run with it).
    expect(startup.filter((file) => read(file).includes('GITHUB_EVENT_PATH'))).not.toEqual([]);
  });

  it('bundles neither @actions/github nor Octokit', () => {
    const offenders = startup.filter((file) => GITHUB_CLIENT.test(read(file)));
    expect(offenders.map((f) => relative(dist, f))).toEqual([]);
  });

  it('looks for something real: the chunks the PR comment loads on demand do bundle them', () => {
    const chunks = readdirSync(join(dist, 'chunks')).map((n) => join(dist, 'chunks', n));
    const client = chunks.find((c) => /\/client-[A-Z0-9]+\.js$/.test(c));
    expect(client).toBeDefined();
    expect(staticGraph([client!]).some((file) => GITHUB_CLIENT.test(read(file)))).toBe(true);
  });
});

describe('staticImports', () => {
  it('reads one-line and multi-line static imports, and leaves import() alone', () => {
    const text = [
      'import {',
      '  a,',
      '  b as c',
      '} from "./chunk-A.js";',
      'import "./chunk-B.js";',
      "import * as d from './chunk-C.js';",
      'import { x } from "node:fs";',
      'const e = await import("./chunk-D.js");',
      '  import("./chunk-E.js");',
    ].join('\n');
    expect(staticImports(text)).toEqual(['./chunk-A.js', './chunk-B.js', './chunk-C.js']);
  });
});
