// One pass over a tar stream, with back-pressure: the source is pulled only as fast as the members' consumers
// take the bytes, and members nobody asked for are skipped without being buffered.
//
// A small reader of its own rather than node-tar's Parser: a layer of 100,000 files spent most of its time in
// node-tar's per-member machinery (a full Header decode with dates and regexes, a Minipass stream and its
// events per member, whether the member is wanted or not), about 20 µs a member, several times the cost of
// the bytes. Here a header costs a checksum, three field reads and one object. It reads what moby writes and
// what node-tar read: ustar (with prefix), pax (path, linkpath, size), GNU long names and links, base-256
// numbers. Everything node-tar would only warn about (bad checksum, truncation, a meta header over the size
// limit, a missing or misplaced link target) is a failure here: a layer we cannot read exactly cannot be
// measured exactly.

export class TarFormatError extends Error {
  constructor(
    message: string,
    /** True when no valid member was seen before the failure: probably not a tar at all. */
    readonly notTar: boolean,
  ) {
    super(message);
  }
}

/** Member types by their node-tar names (what the readers above this one switch on). */
export type TarEntryType =
  | 'File'
  | 'OldFile'
  | 'Link'
  | 'SymbolicLink'
  | 'CharacterDevice'
  | 'BlockDevice'
  | 'Directory'
  | 'FIFO'
  | 'ContiguousFile'
  | 'GNUDumpDir'
  | 'SolarisACL'
  | 'Inode'
  | 'ContinuationFile'
  | 'SparseFile'
  | 'TapeVolumeHeader'
  | 'Unsupported';

export interface TarEntry {
  /** As written (pax and GNU long names and the ustar prefix applied), not normalized. */
  path: string;
  type: TarEntryType;
  /** Body bytes (0 for directories). */
  size: number;
  /** Link target of a hard or symbolic link; for other types only when the header carries one anyway. */
  linkpath?: string;
}

export interface TarVisitor {
  /**
   * Called for every member, in tar order, with its header only. Return false to skip the body without
   * buffering it, true to get it through `body`, or a number n to get its first n bytes through `head`.
   */
  header(entry: TarEntry): boolean | number;
  /** The first bytes of a member asked for with a number (fewer when the member is shorter). */
  head?(entry: TarEntry, bytes: Buffer): void;
  /**
   * Consumes a member's body. Whatever it leaves unread when its promise settles is skipped; a rejection stops
   * the read. The chunks are views of the source's buffers, valid as long as they are kept.
   */
  body?(entry: TarEntry, content: AsyncIterable<Buffer>): void | Promise<void>;
}

export interface TarReadOptions {
  /** Largest pax / GNU long-name header accepted; a bigger one is an error, not a memory blow-up. */
  maxMetaEntrySize?: number;
}

const DEFAULT_MAX_META_ENTRY_SIZE = 1024 * 1024;

const BLOCK = 512;
const EMPTY = Buffer.alloc(0);

const TYPES: Record<string, TarEntryType> = {
  '0': 'File',
  '': 'OldFile',
  '1': 'Link',
  '2': 'SymbolicLink',
  '3': 'CharacterDevice',
  '4': 'BlockDevice',
  '5': 'Directory',
  '6': 'FIFO',
  '7': 'ContiguousFile',
  A: 'SolarisACL',
  D: 'GNUDumpDir',
  I: 'Inode',
  M: 'ContinuationFile',
  S: 'SparseFile',
  V: 'TapeVolumeHeader',
};

const META_TYPES: Record<string, string> = {
  x: 'ExtendedHeader',
  X: 'OldExtendedHeader',
  g: 'GlobalExtendedHeader',
  L: 'NextFileHasLongPath',
  N: 'OldGnuLongPath',
  K: 'NextFileHasLongLinkpath',
};

/** What pax and GNU meta members say about the next member. */
interface Pending {
  path?: string;
  linkpath?: string;
  size?: number;
}

/** The source's chunks, queued; bytes are taken from the front without copying unless a read spans chunks. */
class ChunkQueue {
  #chunks: Buffer[] = [];
  /** Index of the front chunk in #chunks (shift() per chunk would be quadratic on tiny chunks). */
  #head = 0;
  #offset = 0;
  length = 0;
  #done = false;
  readonly #source: AsyncIterator<Buffer>;

  constructor(source: AsyncIterator<Buffer>) {
    this.#source = source;
  }

  /** Pulls until `n` bytes are queued; false when the source ends first. */
  async fill(n: number): Promise<boolean> {
    while (this.length < n) {
      if (this.#done) return false;
      const next = await this.#source.next();
      if (next.done) {
        this.#done = true;
        return false;
      }
      const chunk = next.value;
      if (chunk.length === 0) continue;
      this.#chunks.push(chunk);
      this.length += chunk.length;
    }
    return true;
  }

  /** `n` queued bytes (a view when they sit in one chunk). */
  take(n: number): Buffer {
    const first = this.#chunks[this.#head]!;
    if (first.length - this.#offset >= n) {
      const out = first.subarray(this.#offset, this.#offset + n);
      this.#advance(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const chunk = this.#chunks[this.#head]!;
      const part = Math.min(n - at, chunk.length - this.#offset);
      chunk.copy(out, at, this.#offset, this.#offset + part);
      at += part;
      this.#advance(part);
    }
    return out;
  }

  /** Up to `max` queued bytes from the front chunk, as a view. */
  takeSome(max: number): Buffer {
    const first = this.#chunks[this.#head]!;
    const n = Math.min(max, first.length - this.#offset);
    const out = first.subarray(this.#offset, this.#offset + n);
    this.#advance(n);
    return out;
  }

  /** Drops `n` queued bytes. */
  drop(n: number): void {
    while (n > 0) {
      const first = this.#chunks[this.#head]!;
      const part = Math.min(n, first.length - this.#offset);
      this.#advance(part);
      n -= part;
    }
  }

  /** Skips `n` bytes, pulling as needed; false when the source ends first. */
  async skip(n: number): Promise<boolean> {
    while (n > 0) {
      if (this.length === 0 && !(await this.fill(1))) return false;
      const part = Math.min(n, this.length);
      this.drop(part);
      n -= part;
    }
    return true;
  }

  /** Reads and drops whatever the source still has. */
  async drain(): Promise<void> {
    this.drop(this.length);
    while (await this.fill(1)) this.drop(this.length);
  }

  #advance(n: number): void {
    this.#offset += n;
    this.length -= n;
    if (this.#offset === this.#chunks[this.#head]!.length) {
      this.#chunks[this.#head] = EMPTY;
      this.#head++;
      this.#offset = 0;
      if (this.#head === this.#chunks.length) {
        this.#chunks = [];
        this.#head = 0;
      } else if (this.#head >= 1024) {
        this.#chunks = this.#chunks.slice(this.#head);
        this.#head = 0;
      }
    }
  }
}

export async function readTar(
  chunks: AsyncIterable<Buffer>,
  visitor: TarVisitor,
  options: TarReadOptions = {},
): Promise<void> {
  const maxMeta = options.maxMetaEntrySize ?? DEFAULT_MAX_META_ENTRY_SIZE;
  const source = chunks[Symbol.asyncIterator]();
  const queue = new ChunkQueue(source);
  let members = 0;
  let finished = false;
  const fail = (message: string): never => {
    throw new TarFormatError(message, members === 0);
  };
  const truncated = (needed: number): never => fail(`Truncated input (needed ${needed} more bytes)`);

  try {
    let pending: Pending | undefined;
    let sawNullBlock = false;
    let sawEndMarker = false;
    for (;;) {
      if (queue.length < BLOCK && !(await queue.fill(BLOCK))) {
        if (queue.length > 0) truncated(BLOCK - queue.length);
        break;
      }
      const block = queue.take(BLOCK);
      const header = decodeHeader(block);
      if (header === null) {
        sawEndMarker = true;
        if (sawNullBlock) {
          // The end-of-archive marker: whatever follows (record padding, or anything) is read and dropped.
          await queue.drain();
          break;
        }
        sawNullBlock = true;
        continue;
      }
      sawNullBlock = false;
      if (header === 'bad-checksum') fail('checksum failure');
      const h = header as RawHeader;
      const meta = META_TYPES[h.typeflag];
      if (meta !== undefined) {
        if (h.size > maxMeta) {
          fail(`a ${meta} header of ${h.size} bytes for "${h.name}" is over the limit of ${maxMeta} bytes`);
        }
        if (queue.length < h.size && !(await queue.fill(h.size))) truncated(h.size - queue.length);
        const body = queue.take(h.size);
        const padding = padded(h.size) - h.size;
        if (queue.length < padding && !(await queue.fill(padding))) truncated(padding - queue.length);
        queue.drop(padding);
        members++;
        if (h.typeflag === 'x' || h.typeflag === 'X') pending = parsePax(body, pending ?? {});
        else if (h.typeflag === 'L' || h.typeflag === 'N') {
          pending ??= {};
          pending.path = cString(body, 0, body.length);
        } else if (h.typeflag === 'K') {
          pending ??= {};
          pending.linkpath = cString(body, 0, body.length);
        }
        // A global pax header ('g') changes nothing this reader reports: skipped, like Go's reader does.
        continue;
      }

      const entry = makeEntry(h, block, pending);
      pending = undefined;
      checkEntry(entry, fail);
      members++;
      const want = visitor.header(entry);
      const size = entry.size;
      const blocks = padded(size);
      if (want === false || size === 0) {
        if (queue.length >= blocks) queue.drop(blocks);
        else if (!(await queue.skip(blocks))) truncated(blocks);
        continue;
      }
      if (typeof want === 'number') {
        const n = Math.min(want, size);
        if (queue.length < n && !(await queue.fill(n))) truncated(n - queue.length);
        visitor.head?.(entry, queue.take(n));
        const rest = blocks - n;
        if (queue.length >= rest) queue.drop(rest);
        else if (!(await queue.skip(rest))) truncated(rest);
        continue;
      }
      let remaining = size;
      let failed = false;
      async function* content(): AsyncGenerator<Buffer> {
        while (remaining > 0) {
          if (queue.length === 0 && !(await queue.fill(1))) {
            failed = true;
            return;
          }
          const chunk = queue.takeSome(remaining);
          remaining -= chunk.length;
          yield chunk;
        }
      }
      await visitor.body?.(entry, content());
      if (failed) truncated(remaining);
      const rest = remaining + (blocks - size);
      if (queue.length >= rest) queue.drop(rest);
      else if (!(await queue.skip(rest))) truncated(rest);
    }
    finished = true;
    if (!sawEndMarker) {
      throw new TarFormatError(
        'the stream ends without the tar end-of-archive marker (truncated?)',
        members === 0,
      );
    }
  } finally {
    // On a failure, tell the source we are done with it (a pipeline behind it is torn down).
    if (!finished) await source.return?.().catch(() => {});
  }
}

const padded = (size: number): number => Math.ceil(size / BLOCK) * BLOCK;

interface RawHeader {
  /** The 100-byte name field, prefix not applied. */
  name: string;
  typeflag: string;
  size: number;
}

/** null for a block of zeros; 'bad-checksum' when the checksum does not match. */
function decodeHeader(block: Buffer): RawHeader | null | 'bad-checksum' {
  // The checksum field itself counts as eight spaces.
  let sum = 8 * 0x20;
  for (let i = 0; i < 148; i++) sum += block[i]!;
  for (let i = 156; i < BLOCK; i++) sum += block[i]!;
  const stored = octal(block, 148, 8);
  if (stored === undefined) {
    // An empty checksum field and nothing else: a block of zeros.
    if (sum === 8 * 0x20) return null;
    return 'bad-checksum';
  }
  // Some old writers summed signed bytes; Go's reader accepts both, so does this one.
  if (stored !== sum && stored !== signedSum(block)) return 'bad-checksum';
  const typeflag = block[156] === 0 ? '' : String.fromCharCode(block[156]!);
  const size = number(block, 124, 12);
  return { name: cString(block, 0, 100), typeflag, size };
}

function signedSum(block: Buffer): number {
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) {
    if (i >= 148 && i < 156) continue;
    const b = block[i]!;
    sum += b > 127 ? b - 256 : b;
  }
  return sum;
}

function makeEntry(h: RawHeader, block: Buffer, pending: Pending | undefined): TarEntry {
  let path = pending?.path;
  if (path === undefined) {
    path = h.name;
    // POSIX ustar: a prefix completes a long name (Go writes it empty when a pax path is given).
    if (block[257] === 0x75 && block.toString('latin1', 257, 265) === 'ustar\u000000') {
      const prefix = cString(block, 345, block[475] !== 0 ? 155 : 130);
      if (prefix) path = `${prefix}/${path}`;
    }
  }
  let type: TarEntryType = TYPES[h.typeflag] ?? 'Unsupported';
  // Old tars mark directories as files named with a trailing slash.
  if ((type === 'OldFile' || type === 'File') && path.endsWith('/')) type = 'Directory';
  // Directories have no body, whatever size an implementation wrote for them.
  const size = type === 'Directory' ? 0 : (pending?.size ?? h.size);
  const entry: TarEntry = { path, type, size };
  const linkpath = pending?.linkpath ?? (block[157] === 0 ? '' : cString(block, 157, 100));
  if (linkpath !== '') entry.linkpath = linkpath;
  return entry;
}

/** node-tar's entry checks, failures here: a member must have a path; links, and only links, a target. */
function checkEntry(entry: TarEntry, fail: (message: string) => never): void {
  if (!entry.path) fail('path is required');
  const link = entry.type === 'Link' || entry.type === 'SymbolicLink';
  if (link && !entry.linkpath) fail('linkpath required');
  if (!link && entry.linkpath) {
    // moby writes whiteouts that share overlayfs's single whiteout inode (kernels ≥ 5.8) as empty regular
    // files carrying the first one's name as Linkname. Go's reader and `docker load` accept them: take the
    // member as what it is, without the link.
    if (entry.size === 0) delete entry.linkpath;
    else fail('linkpath forbidden');
  }
}

/** A NUL-terminated UTF-8 field. */
function cString(buf: Buffer, start: number, length: number): string {
  const end = start + length;
  let stop = start;
  while (stop < end && buf[stop] !== 0) stop++;
  // Names are nearly always ASCII: latin1 is the same then, and cheaper.
  for (let i = start; i < stop; i++) if (buf[i]! > 127) return buf.toString('utf8', start, stop);
  return buf.toString('latin1', start, stop);
}

/** An octal field (spaces and NULs around it allowed); undefined when empty or not octal. */
function octal(buf: Buffer, start: number, length: number): number | undefined {
  let i = start;
  const end = start + length;
  while (i < end && (buf[i] === 0x20 || buf[i] === 0)) i++;
  let value = 0;
  let digits = 0;
  for (; i < end; i++) {
    const b = buf[i]!;
    if (b < 0x30 || b > 0x37) break;
    value = value * 8 + (b - 0x30);
    digits++;
  }
  for (; i < end; i++) if (buf[i] !== 0x20 && buf[i] !== 0) return undefined;
  return digits === 0 ? undefined : value;
}

/** A numeric field: octal, or GNU base-256 when the high bit is set. Sizes must be exact and not negative. */
function number(buf: Buffer, start: number, length: number): number {
  const first = buf[start]!;
  if (first & 0x80) {
    if (first & 0x40) throw new TarFormatError('a negative size in a tar header', false);
    let value = first & 0x3f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + buf[i]!;
    if (!Number.isSafeInteger(value)) throw new TarFormatError('a size over 2^53 in a tar header', false);
    return value;
  }
  const value = octal(buf, start, length);
  if (value !== undefined) return value;
  for (let i = start; i < start + length; i++) {
    if (buf[i] !== 0 && buf[i] !== 0x20) throw new TarFormatError('a size field that is not a number', false);
  }
  return 0;
}

/** pax records (`LEN key=value\n`); malformed ones are skipped, as node-tar does. */
function parsePax(body: Buffer, into: Pending): Pending {
  let at = 0;
  while (at < body.length) {
    let space = at;
    while (space < body.length && body[space] !== 0x20) space++;
    const len = Number.parseInt(body.toString('latin1', at, space), 10);
    if (!(len > 0) || at + len > body.length || body[at + len - 1] !== 0x0a) break;
    const record = body.toString('utf8', space + 1, at + len - 1);
    at += len;
    const eq = record.indexOf('=');
    if (eq <= 0) continue;
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1).replace(/\0.*/s, '');
    if (key === 'path') into.path = value;
    else if (key === 'linkpath') into.linkpath = value;
    else if (key === 'size') {
      const size = Number(value);
      if (Number.isSafeInteger(size) && size >= 0) into.size = size;
    }
  }
  return into;
}
