// Alpine: apk's database, `/lib/apk/db/installed`. A record per package, records apart by a blank line, each line
// `X:value`: `P:` name, `V:` version, `I:` installed size in bytes, `F:` a directory (relative to the root) and
// the `R:` lines after it the files installed in that directory.
import {
  linesOf,
  normalizeListed,
  type PackageFiles,
  type PackageRecord,
  type ReaderResult,
} from './record.js';

const INSTALLED = 'lib/apk/db/installed';

export function readApk(files: PackageFiles): ReaderResult {
  const body = files.get(INSTALLED);
  const records: PackageRecord[] = [];
  let skipped = 0;
  if (!body) return { records, skipped };
  let name: string | undefined;
  let version: string | undefined;
  let declared: number | undefined;
  let dir = '';
  let paths: string[] = [];
  let any = false;
  const flush = () => {
    if (any) {
      if (!name || !version) {
        skipped++;
      } else {
        const record: PackageRecord = {
          ecosystem: 'apk',
          name,
          version,
          location: `/${INSTALLED}`,
          files: paths,
        };
        if (paths.length === 0) delete record.files;
        if (declared !== undefined) record.declared = declared;
        records.push(record);
      }
    }
    name = version = declared = undefined;
    dir = '';
    paths = [];
    any = false;
  };
  for (const line of linesOf(body)) {
    if (line === '') {
      flush();
      continue;
    }
    any = true;
    if (line[1] !== ':') continue;
    const value = line.slice(2);
    switch (line[0]) {
      case 'P':
        name = value;
        break;
      case 'V':
        version = value;
        break;
      case 'I': {
        const n = Number(value);
        if (Number.isSafeInteger(n) && n >= 0) declared = n;
        break;
      }
      case 'F':
        dir = value;
        break;
      case 'R': {
        const path = normalizeListed(value, dir);
        if (path !== null) paths.push(path);
        break;
      }
    }
  }
  flush();
  return { records, skipped };
}
