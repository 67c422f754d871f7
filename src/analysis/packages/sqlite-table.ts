// The rows of one table of an SQLite database file, read from its bytes: the format's b-tree pages walked by
// hand (https://www.sqlite.org/fileformat2.html), enough for rpm's `Packages (hnum INTEGER PRIMARY KEY, blob
// BLOB)`. Read-only and defensive: a page out of range, a cycle or a malformed cell ends the read with an error
// the caller turns into a note. A write-ahead log (`-wal`) is not read.

export class SqliteFormatError extends Error {}

const MAGIC = 'SQLite format 3\u0000';

export type SqliteValue = null | number | bigint | Buffer | string;

/** Every row of the table named `table`, each as its column values (the INTEGER PRIMARY KEY column is null). */
export function sqliteTableRows(db: Buffer, table: string): SqliteValue[][] {
  if (db.length < 100 || db.toString('latin1', 0, 16) !== MAGIC)
    throw new SqliteFormatError('not an SQLite 3 database');
  const raw = db.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw new SqliteFormatError(`page size ${raw}`);
  const usable = pageSize - db[20]!;
  const pages = Math.floor(db.length / pageSize);
  const reader = { db, pageSize, usable, pages };
  const schema = readTable(reader, 1);
  const entry = schema.find((row) => row[0] === 'table' && row[1] === table);
  const root = entry?.[3];
  if (typeof root !== 'number') throw new SqliteFormatError(`no table ${table}`);
  return readTable(reader, root);
}

interface Reader {
  db: Buffer;
  pageSize: number;
  usable: number;
  pages: number;
}

function pageStart(r: Reader, page: number): number {
  if (!Number.isInteger(page) || page < 1 || page > r.pages)
    throw new SqliteFormatError(`page ${page} out of range`);
  return (page - 1) * r.pageSize;
}

/** The rows of the table b-tree rooted at `root`, in rowid order. */
function readTable(r: Reader, root: number): SqliteValue[][] {
  const rows: SqliteValue[][] = [];
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const page = stack.pop()!;
    if (seen.has(page)) throw new SqliteFormatError(`page ${page} is reached twice`);
    seen.add(page);
    const start = pageStart(r, page);
    const header = page === 1 ? start + 100 : start;
    const type = r.db[header];
    const cells = r.db.readUInt16BE(header + 3);
    if (type === 0x05) {
      const children: number[] = [];
      for (let i = 0; i < cells; i++)
        children.push(r.db.readUInt32BE(start + r.db.readUInt16BE(header + 12 + 2 * i)));
      children.push(r.db.readUInt32BE(header + 8));
      // Popped last-first: pushed in reverse keeps rowid order.
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (type === 0x0d) {
      for (let i = 0; i < cells; i++)
        rows.push(readLeafCell(r, start + r.db.readUInt16BE(header + 8 + 2 * i)));
    } else {
      throw new SqliteFormatError(`page ${page} is not a table b-tree page (type ${type})`);
    }
  }
  return rows;
}

function readLeafCell(r: Reader, at: number): SqliteValue[] {
  const [size, afterSize] = varint(r.db, at);
  const [, afterRowid] = varint(r.db, afterSize);
  const payloadSize = Number(size);
  const U = r.usable;
  const X = U - 35;
  let local = payloadSize;
  if (payloadSize > X) {
    const M = Math.floor(((U - 12) * 32) / 255) - 23;
    const K = M + ((payloadSize - M) % (U - 4));
    local = K <= X ? K : M;
  }
  const parts = [r.db.subarray(afterRowid, afterRowid + local)];
  let left = payloadSize - local;
  let next = left > 0 ? r.db.readUInt32BE(afterRowid + local) : 0;
  const seen = new Set<number>();
  while (left > 0) {
    if (seen.has(next)) throw new SqliteFormatError(`overflow page ${next} is reached twice`);
    seen.add(next);
    const start = pageStart(r, next);
    const n = Math.min(left, U - 4);
    parts.push(r.db.subarray(start + 4, start + 4 + n));
    left -= n;
    next = r.db.readUInt32BE(start);
  }
  const payload = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  if (payload.length !== payloadSize) throw new SqliteFormatError('a cell runs past the end of the file');
  return record(payload);
}

/** A record: a header of serial types, then the values. */
function record(payload: Buffer): SqliteValue[] {
  const [headerSize, first] = varint(payload, 0);
  const end = Number(headerSize);
  const types: number[] = [];
  for (let at = first; at < end; ) {
    const [type, next] = varint(payload, at);
    types.push(Number(type));
    at = next;
  }
  const values: SqliteValue[] = [];
  let at = end;
  for (const type of types) {
    const size = type >= 12 ? Math.floor((type - 12) / 2) : ([0, 1, 2, 3, 4, 6, 8, 8, 0, 0][type] ?? 0);
    if (at + size > payload.length) throw new SqliteFormatError('a record runs past its cell');
    if (type === 0) values.push(null);
    else if (type >= 1 && type <= 6) values.push(intOf(payload, at, size));
    else if (type === 7) values.push(payload.readDoubleBE(at));
    else if (type === 8 || type === 9) values.push(type - 8);
    else if (type >= 12 && type % 2 === 0) values.push(payload.subarray(at, at + size));
    else if (type >= 13) values.push(payload.toString('utf8', at, at + size));
    else throw new SqliteFormatError(`serial type ${type}`);
    at += size;
  }
  return values;
}

function intOf(buf: Buffer, at: number, size: number): number | bigint {
  if (size === 8) {
    const n = buf.readBigInt64BE(at);
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  return buf.readIntBE(at, size);
}

/** SQLite's big-endian varint (1–9 bytes) at `at`: its value and where it ends. */
function varint(buf: Buffer, at: number): [bigint, number] {
  let value = 0n;
  for (let i = 0; i < 9; i++) {
    if (at + i >= buf.length) throw new SqliteFormatError('a varint runs past the end');
    const byte = buf[at + i]!;
    if (i === 8) return [(value << 8n) | BigInt(byte), at + 9];
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (byte < 0x80) return [value, at + i + 1];
  }
  return [value, at + 9];
}
