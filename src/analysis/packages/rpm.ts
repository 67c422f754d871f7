// RPM: the SQLite rpmdb (rpm 4.16+: Fedora 33+, RHEL/UBI 9, Amazon Linux 2023), `rpmdb.sqlite` in
// /var/lib/rpm or /usr/lib/sysimage/rpm. Its `Packages` table holds one header blob per package: an index of
// (tag, type, offset, count) entries and a data store, from which the name, epoch, version, release, the
// declared size and the file list (DIRNAMES[DIRINDEXES[i]] + BASENAMES[i]) are read. Berkeley DB (`Packages`)
// and NDB (`Packages.db`) databases are not read.
import { normalizeListed, type PackageFiles, type PackageRecord, type ReaderResult } from './record.js';
import { SqliteFormatError, sqliteTableRows } from './sqlite-table.js';

export const RPM_SQLITE = ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/rpmdb.sqlite'];

const TAG = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  size: 1009,
  dirIndexes: 1116,
  basenames: 1117,
  dirnames: 1118,
  longSize: 5009,
} as const;

const INT32 = 4;
const INT64 = 5;
const STRING = 6;
const STRING_ARRAY = 8;
const I18NSTRING = 9;

/** An RPM reader's result, with a reason when a database could not be read at all. */
export interface RpmResult extends ReaderResult {
  failed: string | null;
}

export function readRpm(files: PackageFiles): RpmResult {
  const records: PackageRecord[] = [];
  let skipped = 0;
  let failed: string | null = null;
  for (const path of RPM_SQLITE) {
    const db = files.get(path);
    if (!db) continue;
    let rows: ReturnType<typeof sqliteTableRows>;
    try {
      rows = sqliteTableRows(db, 'Packages');
    } catch (error) {
      if (!(error instanceof SqliteFormatError) && !(error instanceof RangeError)) throw error;
      failed = `the RPM database /${path} could not be read (${error.message})`;
      continue;
    }
    for (const row of rows) {
      const blob = row.find((v): v is Buffer => Buffer.isBuffer(v));
      let header: ReturnType<typeof rpmHeader> = null;
      try {
        header = blob ? rpmHeader(blob) : null;
      } catch (error) {
        // A header whose offsets point outside its blob: skipped like any malformed record.
        if (!(error instanceof RangeError)) throw error;
      }
      if (!header) {
        skipped++;
        continue;
      }
      records.push({ ...header, location: `/${path}` });
    }
  }
  return { records, skipped, failed };
}

/** The package a header blob describes; null when the blob is not a header or lacks a name or version. */
export function rpmHeader(blob: Buffer): Omit<PackageRecord, 'location'> | null {
  if (blob.length < 8) return null;
  const count = blob.readUInt32BE(0);
  const dataLength = blob.readUInt32BE(4);
  const store = 8 + count * 16;
  if (count > 100_000 || store + dataLength > blob.length) return null;
  const entries = new Map<number, { type: number; offset: number; count: number }>();
  for (let i = 0; i < count; i++) {
    const at = 8 + i * 16;
    const offset = blob.readInt32BE(at + 8);
    if (offset < 0 || offset >= dataLength) continue;
    entries.set(blob.readUInt32BE(at), {
      type: blob.readUInt32BE(at + 4),
      offset,
      count: blob.readUInt32BE(at + 12),
    });
  }
  const end = store + dataLength;
  const strings = (tag: number): string[] | null => {
    const e = entries.get(tag);
    if (!e || (e.type !== STRING && e.type !== STRING_ARRAY && e.type !== I18NSTRING)) return null;
    const out: string[] = [];
    let at = store + e.offset;
    const n = e.type === STRING ? 1 : e.count;
    for (let i = 0; i < n; i++) {
      const zero = blob.indexOf(0, at);
      if (zero < 0 || zero >= end) return null;
      out.push(blob.toString('utf8', at, zero));
      at = zero + 1;
    }
    return out;
  };
  const ints = (tag: number): number[] | null => {
    const e = entries.get(tag);
    if (!e) return null;
    const width = e.type === INT32 ? 4 : e.type === INT64 ? 8 : 0;
    const at = store + e.offset;
    if (width === 0 || at + width * e.count > end) return null;
    const out: number[] = [];
    for (let i = 0; i < e.count; i++) {
      out.push(width === 4 ? blob.readUInt32BE(at + 4 * i) : Number(blob.readBigUInt64BE(at + 8 * i)));
    }
    return out;
  };
  const name = strings(TAG.name)?.[0];
  const version = strings(TAG.version)?.[0];
  if (!name || !version) return null;
  const release = strings(TAG.release)?.[0];
  const epoch = ints(TAG.epoch)?.[0];
  const record: Omit<PackageRecord, 'location'> = {
    ecosystem: 'rpm',
    name,
    version: `${epoch ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`,
  };
  const size = ints(TAG.longSize)?.[0] ?? ints(TAG.size)?.[0];
  if (size !== undefined) record.declared = size;
  const basenames = strings(TAG.basenames);
  const dirnames = strings(TAG.dirnames);
  const dirIndexes = ints(TAG.dirIndexes);
  if (basenames && dirnames && dirIndexes && dirIndexes.length === basenames.length) {
    const files: string[] = [];
    basenames.forEach((base, i) => {
      const path = normalizeListed(`${dirnames[dirIndexes[i]!] ?? ''}${base}`);
      if (path !== null) files.push(path);
    });
    record.files = files;
  }
  return record;
}
