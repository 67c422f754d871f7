// Ruby gems: `<gem dir>/specifications/<name>-<version>[-<platform>].gemspec`, the specification RubyGems writes
// at install; the gem's files are `<gem dir>/gems/<same base name>/`. Name and version come from the
// specification's `s.name = "…"` and `s.version = "…"` (RubyGems writes them as plain string literals); default
// gems (`specifications/default/`) are not read.
import { dirOf, type PackageFiles, type PackageRecord, type ReaderResult } from './record.js';

const NAME = /\.name\s*=\s*["']([^"'\n]+)["']/;
const VERSION = /\.version\s*=\s*(?:Gem::Version\.new\(\s*)?["']([^"'\n]+)["']/;

export function readGems(files: PackageFiles): ReaderResult {
  const records: PackageRecord[] = [];
  let skipped = 0;
  for (const [path, body] of files) {
    if (!path.endsWith('.gemspec')) continue;
    const text = body.toString('utf8');
    const name = NAME.exec(text)?.[1];
    const version = VERSION.exec(text)?.[1];
    if (!name || !version) {
      skipped++;
      continue;
    }
    const specs = dirOf(path);
    const gemDir = dirOf(specs);
    const full = path.slice(specs.length + 1, -'.gemspec'.length);
    records.push({
      ecosystem: 'gem',
      name,
      version,
      location: `/${path}`,
      files: [path],
      dirs: [{ path: gemDir === '' ? `gems/${full}` : `${gemDir}/gems/${full}` }],
    });
  }
  return { records, skipped };
}
