// Debian and Ubuntu: dpkg's database. `/var/lib/dpkg/status` holds a stanza per package and `info/<name>.list`
// (or `<name>:<arch>.list` for a Multi-Arch: same package) the paths it installed; distroless images write one
// stanza per file in `status.d/` instead, with the installed files in `status.d/<name>.md5sums`.
import {
  headerFields,
  linesOf,
  normalizeListed,
  type PackageFiles,
  type PackageRecord,
  type ReaderResult,
} from './record.js';

const DPKG = 'var/lib/dpkg';
const KEYS = new Set(['Package', 'Status', 'Version', 'Architecture', 'Installed-Size']);
/** Status words (the third of `Status:`) of a package whose files are on disk. */
const UNPACKED = new Set([
  'installed',
  'half-installed',
  'unpacked',
  'half-configured',
  'triggers-awaited',
  'triggers-pending',
]);

export function readDpkg(files: PackageFiles): ReaderResult {
  const records: PackageRecord[] = [];
  const archs: string[] = [];
  let skipped = 0;
  const read = (
    body: Buffer,
    location: string,
    list: (name: string, arch: string) => string[] | undefined,
  ) => {
    let stanza: string[] = [];
    const flush = () => {
      if (stanza.length === 0) return;
      const fields = headerFields(stanza, KEYS);
      stanza = [];
      const name = fields.get('Package');
      const version = fields.get('Version');
      const status = fields.get('Status');
      if (!name || !version || /\s/.test(name)) {
        skipped++;
        return;
      }
      if (status !== undefined && !UNPACKED.has(status.split(/\s+/)[2] ?? '')) return;
      const arch = fields.get('Architecture') ?? '';
      const record: PackageRecord = { ecosystem: 'deb', name, version, location };
      const listed = list(name, arch);
      if (listed) record.files = listed;
      const kib = Number(fields.get('Installed-Size'));
      if (Number.isSafeInteger(kib) && kib >= 0) record.declared = kib * 1024;
      records.push(record);
      archs.push(arch);
    };
    for (const line of linesOf(body)) {
      if (line.trim() === '') flush();
      else stanza.push(line);
    }
    flush();
  };

  const status = files.get(`${DPKG}/status`);
  if (status) {
    read(status, `/${DPKG}/status`, (name, arch) => {
      const body = files.get(`${DPKG}/info/${name}:${arch}.list`) ?? files.get(`${DPKG}/info/${name}.list`);
      return body ? listedPaths(body) : undefined;
    });
  }
  for (const [path, body] of files) {
    if (!path.startsWith(`${DPKG}/status.d/`) || path.endsWith('.md5sums')) continue;
    read(body, `/${path}`, () => {
      const sums = files.get(`${path}.md5sums`);
      return sums ? md5sumsPaths(sums) : undefined;
    });
  }
  // A Multi-Arch: same package installed for two architectures: each is named `name:arch`.
  const count = new Map<string, number>();
  for (const r of records) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  records.forEach((r, i) => {
    if ((count.get(r.name) ?? 0) > 1 && archs[i]) r.name = `${r.name}:${archs[i]}`;
  });
  return { records, skipped };
}

/** The paths of an `info/*.list` file: one absolute path a line, directories included, `/.` for the root. */
function listedPaths(body: Buffer): string[] {
  const paths: string[] = [];
  for (const line of linesOf(body)) {
    const path = normalizeListed(line);
    if (path !== null) paths.push(path);
  }
  return paths;
}

/** The paths of an md5sums file: `<md5>  <path>` a line, the path relative to the root. */
function md5sumsPaths(body: Buffer): string[] {
  const paths: string[] = [];
  for (const line of linesOf(body)) {
    const match = /^[0-9a-fA-F]+\s+\*?(.+)$/.exec(line);
    const path = match ? normalizeListed(match[1]!) : null;
    if (path !== null) paths.push(path);
  }
  return paths;
}
