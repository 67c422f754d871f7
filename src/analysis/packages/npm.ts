// npm packages: each `node_modules/<name>/package.json` and `node_modules/@scope/<name>/package.json`, nested ones
// included. A package owns every file below its directory but those of its own nested `node_modules`, which are
// packages of their own.
import { dirOf, type PackageFiles, type PackageRecord, type ReaderResult } from './record.js';

export function readNpm(files: PackageFiles): ReaderResult {
  const records: PackageRecord[] = [];
  let skipped = 0;
  for (const [path, body] of files) {
    if (path !== 'package.json' && !path.endsWith('/package.json')) continue;
    let manifest: unknown;
    try {
      manifest = JSON.parse(body.toString('utf8'));
    } catch {
      skipped++;
      continue;
    }
    const { name, version } = (manifest ?? {}) as { name?: unknown; version?: unknown };
    if (typeof name !== 'string' || typeof version !== 'string' || name === '' || version === '') {
      skipped++;
      continue;
    }
    const dir = dirOf(path);
    records.push({
      ecosystem: 'npm',
      name,
      version,
      location: `/${path}`,
      dirs: [{ path: dir, except: `${dir}/node_modules` }],
    });
  }
  return { records, skipped };
}
