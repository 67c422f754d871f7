// Python distributions: a wheel install's `*.dist-info/` (`METADATA` names it, `RECORD` lists its files relative to
// the directory holding the dist-info), an egg's `*.egg-info/` (`PKG-INFO`, and `installed-files.txt` relative to
// the egg-info when pip wrote one) or a single `*.egg-info` file (distutils). Each also owns its metadata directory.
import {
  dirOf,
  headerFields,
  linesOf,
  normalizeListed,
  type PackageFiles,
  type PackageRecord,
  type ReaderResult,
} from './record.js';

const KEYS = new Set(['Name', 'Version']);

export function readPython(files: PackageFiles): ReaderResult {
  const records: PackageRecord[] = [];
  let skipped = 0;
  for (const [path, body] of files) {
    let metaDir: string | null = null;
    let listed: string[] | undefined;
    if (path.endsWith('.dist-info/METADATA')) {
      metaDir = dirOf(path);
      const record = files.get(`${metaDir}/RECORD`);
      if (record) listed = recordPaths(record, dirOf(metaDir));
    } else if (path.endsWith('.egg-info/PKG-INFO')) {
      metaDir = dirOf(path);
      const installed = files.get(`${metaDir}/installed-files.txt`);
      if (installed) listed = installedPaths(installed, metaDir);
    } else if (!path.endsWith('.egg-info')) {
      continue;
    }
    const fields = headerFields(headerLines(body), KEYS);
    const name = fields.get('Name');
    const version = fields.get('Version');
    if (!name || !version) {
      skipped++;
      continue;
    }
    const record: PackageRecord = { ecosystem: 'python', name, version, location: `/${path}` };
    if (metaDir === null) record.files = [path];
    else record.dirs = [{ path: metaDir }];
    if (listed) record.files = listed;
    records.push(record);
  }
  return { records, skipped };
}

/** The header lines of a core-metadata file: up to the first blank line (the description follows it). */
function headerLines(body: Buffer): string[] {
  const lines = linesOf(body);
  const blank = lines.indexOf('');
  return blank < 0 ? lines : lines.slice(0, blank);
}

/** The paths of a RECORD: CSV rows `path,hash,size`, the path relative to the site directory `site`. */
function recordPaths(body: Buffer, site: string): string[] {
  const paths: string[] = [];
  for (const line of linesOf(body)) {
    const field = firstCsvField(line);
    const path = field ? normalizeListed(field, site) : null;
    if (path !== null) paths.push(path);
  }
  return paths;
}

/** The first field of a CSV row (RFC 4180: a quoted field may hold commas and doubled quotes). */
function firstCsvField(line: string): string {
  if (line[0] !== '"') {
    const comma = line.indexOf(',');
    return comma < 0 ? line : line.slice(0, comma);
  }
  let out = '';
  for (let i = 1; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (line[i + 1] === '"') {
        out += '"';
        i++;
      } else {
        return out;
      }
    } else {
      out += c;
    }
  }
  return out;
}

/** The paths of an egg-info's `installed-files.txt`: one a line, relative to the egg-info directory. */
function installedPaths(body: Buffer, eggInfo: string): string[] {
  const paths: string[] = [];
  for (const line of linesOf(body)) {
    const path = normalizeListed(line.trim(), eggInfo);
    if (path !== null) paths.push(path);
  }
  return paths;
}
