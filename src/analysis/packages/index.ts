// The packages of an image, read after the layers are merged from the package files that are on top (the bodies
// kept while the layers streamed past), with the bytes each owns in the final filesystem. Of RPM's databases only
// the SQLite one is read (docs/report.md says which and why).
import type { Package } from '../../core/report.js';
import type { FileIndex } from '../file-index.js';
import { readApk } from './apk.js';
import { attribute, type LinkTarget } from './attribute.js';
import { readDpkg } from './dpkg.js';
import { readGems } from './gem.js';
import { readNpm } from './npm.js';
import { readPython } from './python.js';
import type { PackageFiles, PackageRecord } from './record.js';
import { RPM_SQLITE, readRpm } from './rpm.js';

export type { LinkTarget } from './attribute.js';
export type { PackageFiles } from './record.js';

export interface PackageReading {
  /** Sorted by ecosystem, name, location (then version). */
  packages: Package[];
  /** Per path of the file index, the index into `packages` of its owner, -1 for none. */
  owners: number[];
  /** What the list may lack (package files not kept, records that could not be read); null when nothing. */
  note: string | null;
}

export interface ReadPackagesOptions {
  /** Follows symlinked directories of the final filesystem in listed paths. */
  linkTarget?: LinkTarget;
  /** Package files that were not kept while streaming (the budget for them was spent). */
  dropped?: number;
  /** The path of an RPM database in the final filesystem (only the SQLite ones are read; the others are noted). */
  rpmDatabase?: string | null;
  /** An SQLite rpmdb's write-ahead log with something in it, which is not read. */
  rpmWal?: string | null;
}

/** Where rpm keeps its database: SQLite (rpm 4.16+), Berkeley DB (`Packages`), NDB (`Packages.db`, SUSE). */
export const RPM_DATABASES = [
  'var/lib/rpm/rpmdb.sqlite',
  'var/lib/rpm/Packages',
  'var/lib/rpm/Packages.db',
  'usr/lib/sysimage/rpm/rpmdb.sqlite',
  'usr/lib/sysimage/rpm/Packages.db',
  'usr/lib/sysimage/rpm/Packages',
];

export function readPackages(
  files: PackageFiles,
  index: FileIndex,
  options: ReadPackagesOptions = {},
): PackageReading {
  const records: PackageRecord[] = [];
  let skipped = 0;
  for (const reader of [readDpkg, readApk, readPython, readNpm, readGems]) {
    const found = reader(files);
    records.push(...found.records);
    skipped += found.skipped;
  }
  const rpm = readRpm(files);
  records.push(...rpm.records);
  skipped += rpm.skipped;
  records.sort(
    (a, b) =>
      compare(a.ecosystem, b.ecosystem) ||
      compare(a.name, b.name) ||
      compare(a.location, b.location) ||
      compare(a.version, b.version),
  );
  const { owners, bytes } = attribute(records, index, options.linkTarget);
  const packages: Package[] = records.map((r, i) => {
    const listed = r.files !== undefined || r.dirs !== undefined;
    return {
      ecosystem: r.ecosystem,
      name: r.name,
      version: r.version,
      location: r.location,
      bytes: listed ? bytes[i]! : (r.declared ?? 0),
      bytesFrom: listed ? 'files' : 'declared',
    };
  });
  const notes: string[] = [];
  const dropped = options.dropped ?? 0;
  if (dropped > 0) {
    notes.push(
      `${dropped} package database file${dropped === 1 ? ' was' : 's were'} not read (over the memory kept for them): packages may be missing`,
    );
  }
  if (rpm.failed) notes.push(rpm.failed);
  if (options.rpmWal)
    notes.push(
      `the RPM database's write-ahead log /${options.rpmWal} is not read: rpm packages may be out of date`,
    );
  if (options.rpmDatabase && !RPM_SQLITE.includes(options.rpmDatabase)) {
    notes.push(
      `the RPM database /${options.rpmDatabase} (Berkeley DB or NDB) is not read: rpm packages are not listed`,
    );
  }
  if (skipped > 0) {
    notes.push(
      `${skipped} package record${skipped === 1 ? '' : 's'} could not be read and ${skipped === 1 ? 'was' : 'were'} skipped`,
    );
  }
  return { packages, owners, note: notes.length > 0 ? notes.join('; ') : null };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
