// Which analyzing code made an entry. The version alone is not enough: between releases (and all through
// development) the version stays while the code changes. A bundle (dist/cli.js, dist/index.js) is fingerprinted
// by its contents, which also survive the Actions cache restoring the folder on another runner (mtimes do not).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../core/version.js';

let memo: string | null | undefined;
let entry: string | undefined;

/**
 * Names the bundle's entry file (its `import.meta.url`), called first thing by src/cli.ts and src/index.ts.
 * Both programs are an entry and chunks (dist/cli.js, dist/index.js, dist/chunks/): chunk names carry a hash
 * of their contents and of the chunks they import, so an entry's bytes stand for all of its program's code.
 */
export function setCodeEntry(url: string): void {
  entry = url;
  memo = undefined;
}

/**
 * `0.1.0+<hash of the bundle>`; null when running from TypeScript sources (tests, ts runners), where no
 * single file stands for the code: there the cache is used only when a folder is named explicitly.
 */
export function codeFingerprint(moduleUrl: string = entry ?? import.meta.url): string | null {
  const own = moduleUrl === (entry ?? import.meta.url);
  if (memo !== undefined && own) return memo;
  let result: string | null = null;
  try {
    const file = fileURLToPath(moduleUrl);
    if (file.endsWith('.js') || file.endsWith('.mjs')) {
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
      result = `${VERSION}+${hash}`;
    }
  } catch {
    result = null;
  }
  if (own) memo = result;
  return result;
}
