// The SQLite rpmdb, written by SQLite itself (Python's sqlite3 module) with rpm's schema, its header blobs
// written here in rpm's header format: read back through the hand-written page reader.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../../src/analysis/analyze.js';
import { readRpm } from '../../../src/analysis/packages/rpm.js';
import { imageData, layer } from '../helpers.js';

type Tag =
  | { tag: number; string: string }
  | { tag: number; strings: string[] }
  | { tag: number; int32: number[] }
  | { tag: number; int64: number[] };

/** An rpm header as rpmdb stores it: entry count, data length, 16-byte entries, the data store (aligned). */
function rpmHeaderBlob(tags: Tag[]): Buffer {
  const data: Buffer[] = [];
  let length = 0;
  const entries: number[][] = [];
  const put = (buf: Buffer, align: number) => {
    const pad = (align - (length % align)) % align;
    if (pad) data.push(Buffer.alloc(pad));
    length += pad;
    const offset = length;
    data.push(buf);
    length += buf.length;
    return offset;
  };
  for (const t of tags) {
    if ('string' in t) entries.push([t.tag, 6, put(Buffer.from(`${t.string}\0`), 1), 1]);
    else if ('strings' in t)
      entries.push([
        t.tag,
        8,
        put(Buffer.from(t.strings.map((s) => `${s}\0`).join('')), 1),
        t.strings.length,
      ]);
    else if ('int32' in t) {
      const b = Buffer.alloc(4 * t.int32.length);
      t.int32.forEach((n, i) => {
        b.writeUInt32BE(n, 4 * i);
      });
      entries.push([t.tag, 4, put(b, 4), t.int32.length]);
    } else {
      const b = Buffer.alloc(8 * t.int64.length);
      t.int64.forEach((n, i) => {
        b.writeBigUInt64BE(BigInt(n), 8 * i);
      });
      entries.push([t.tag, 5, put(b, 8), t.int64.length]);
    }
  }
  // The immutable region's trailer, as rpm writes it: tag 63 pointing back over the entries.
  const trailer = Buffer.alloc(16);
  trailer.writeUInt32BE(63, 0);
  trailer.writeUInt32BE(7, 4);
  trailer.writeInt32BE(-(entries.length + 1) * 16, 8);
  trailer.writeUInt32BE(16, 12);
  entries.unshift([63, 7, put(trailer, 1), 16]);
  const head = Buffer.alloc(8 + 16 * entries.length);
  head.writeUInt32BE(entries.length, 0);
  head.writeUInt32BE(length, 4);
  entries.forEach((e, i) => {
    head.writeUInt32BE(e[0]!, 8 + 16 * i);
    head.writeUInt32BE(e[1]!, 12 + 16 * i);
    head.writeInt32BE(e[2]!, 16 + 16 * i);
    head.writeUInt32BE(e[3]!, 20 + 16 * i);
  });
  return Buffer.concat([head, ...data]);
}

const SCHEMA = `
CREATE TABLE 'Packages' (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL);
CREATE TABLE 'Name' (key TEXT NOT NULL, hnum INTEGER NOT NULL, idx INTEGER NOT NULL, FOREIGN KEY (hnum) REFERENCES 'Packages'(hnum));
CREATE INDEX 'Name_key_idx' ON 'Name'(key ASC);
`;

/** An rpmdb.sqlite holding `blobs`, written by SQLite with a small page (overflow and interior pages). */
function rpmdb(blobs: Buffer[], pageSize = 1024): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ig-rpmdb-'));
  try {
    blobs.forEach((b, i) => {
      writeFileSync(join(dir, `${i}.blob`), b);
    });
    const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1] + '/rpmdb.sqlite')
db.execute('PRAGMA page_size=${pageSize}')
db.executescript(sys.argv[2])
for i in range(int(sys.argv[3])):
    db.execute('INSERT INTO Packages (blob) VALUES (?)', (open('%s/%d.blob' % (sys.argv[1], i), 'rb').read(),))
    db.execute('INSERT INTO Name VALUES (?, ?, 0)', ('p%d' % i, i + 1))
db.commit()
db.close()
`;
    execFileSync('python3', ['-c', script, dir, SCHEMA, String(blobs.length)]);
    return readFileSync(join(dir, 'rpmdb.sqlite'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pkg = (name: string, version: string, release: string, extra: Tag[] = []) =>
  rpmHeaderBlob([
    { tag: 1000, string: name },
    { tag: 1001, string: version },
    { tag: 1002, string: release },
    { tag: 1004, string: `the ${name} package` },
    ...extra,
  ]);

describe('readRpm (SQLite rpmdb)', () => {
  it('reads every header: epoch:version-release, the declared size and the file list', () => {
    const bash = pkg('bash', '5.1.8', '9.el9', [
      { tag: 1003, int32: [0] },
      { tag: 1009, int32: [7_738_600] },
      { tag: 1116, int32: [0, 0, 1] },
      { tag: 1117, strings: ['bash', 'sh', 'bash'] },
      { tag: 1118, strings: ['/usr/bin/', '/usr/share/doc/'] },
    ]);
    const openssl = pkg('openssl-libs', '3.0.7', '27.el9', [
      { tag: 1003, int32: [1] },
      { tag: 5009, int64: [6_000_000_000] },
      // A big file list: the blob spills onto overflow pages.
      { tag: 1116, int32: Array.from({ length: 300 }, () => 0) },
      { tag: 1117, strings: Array.from({ length: 300 }, (_, i) => `lib${i}.so`) },
      { tag: 1118, strings: ['/usr/lib64/'] },
    ]);
    // Enough rows for interior pages of the table b-tree.
    const fillers = Array.from({ length: 120 }, (_, i) => pkg(`filler${i}`, '1', '1'));
    const db = rpmdb([bash, openssl, ...fillers]);
    const { records, skipped, failed } = readRpm(new Map([['var/lib/rpm/rpmdb.sqlite', db]]));
    expect(failed).toBeNull();
    expect(skipped).toBe(0);
    expect(records).toHaveLength(122);
    expect(records[0]).toEqual({
      ecosystem: 'rpm',
      name: 'bash',
      version: '5.1.8-9.el9',
      location: '/var/lib/rpm/rpmdb.sqlite',
      declared: 7_738_600,
      files: ['usr/bin/bash', 'usr/bin/sh', 'usr/share/doc/bash'],
    });
    expect(records[1]!.version).toBe('1:3.0.7-27.el9');
    expect(records[1]!.declared).toBe(6_000_000_000);
    expect(records[1]!.files).toHaveLength(300);
    expect(records[1]!.files![299]).toBe('usr/lib64/lib299.so');
    expect(records.slice(2).map((r) => r.name)).toEqual(fillers.map((_, i) => `filler${i}`));
  });

  it('skips a blob that is not a header, and notes a database it cannot read without failing', () => {
    const db = rpmdb([Buffer.from('not a header'), pkg('zlib', '1.2.11', '40.el9')]);
    const read = readRpm(new Map([['usr/lib/sysimage/rpm/rpmdb.sqlite', db]]));
    expect(read.records.map((r) => r.name)).toEqual(['zlib']);
    expect(read.skipped).toBe(1);
    const cut = readRpm(new Map([['var/lib/rpm/rpmdb.sqlite', db.subarray(0, 1500)]]));
    expect(cut.records).toEqual([]);
    expect(cut.failed).toMatch(/^the RPM database \/var\/lib\/rpm\/rpmdb\.sqlite could not be read \(/);
    const garbage = readRpm(new Map([['var/lib/rpm/rpmdb.sqlite', Buffer.alloc(4096, 0xff)]]));
    expect(garbage.failed).toMatch(/not an SQLite 3 database/);
  });

  it('through the analysis: bytes from the files it lists, its write-ahead log noted', () => {
    const db = rpmdb([
      pkg('tzdata', '2024a', '1.el9', [
        { tag: 1009, int32: [1_700_000] },
        { tag: 1116, int32: [0, 0] },
        { tag: 1117, strings: ['UTC', 'Europe'] },
        { tag: 1118, strings: ['/usr/share/zoneinfo/'] },
      ]),
    ]);
    const summary = layer(
      `var/lib/rpm/rpmdb.sqlite:${db.length}`,
      'var/lib/rpm/rpmdb.sqlite-wal:32',
      'usr/share/zoneinfo/UTC:114',
      'usr/share/zoneinfo/Europe/Paris:2962',
    );
    summary.packageFiles = new Map([['var/lib/rpm/rpmdb.sqlite', db]]);
    const { image } = analyzeImage(imageData([{ createdBy: 'RUN microdnf install tzdata', summary }]));
    expect(image.packages).toEqual([
      {
        ecosystem: 'rpm',
        name: 'tzdata',
        version: '2024a-1.el9',
        location: '/var/lib/rpm/rpmdb.sqlite',
        bytes: 114,
        bytesFrom: 'files',
      },
    ]);
    expect(image.packagesNote).toBe(
      "the RPM database's write-ahead log /var/lib/rpm/rpmdb.sqlite-wal is not read: rpm packages may be out of date",
    );
  });
});
