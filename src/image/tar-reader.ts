// One pass over a tar stream with node-tar's streaming Parser, with back-pressure: the source is read only as
// fast as the members' consumers take the bytes. Members nobody asked for are skipped by the parser without
// being buffered. Everything node-tar would only warn about (bad checksum, truncation, a meta header over the
// size limit) is a failure here: a layer we cannot read exactly cannot be measured exactly.

import { once } from 'node:events';
import { type Header, Parser, type ReadEntry } from 'tar';

export class TarFormatError extends Error {
  constructor(
    message: string,
    /** True when no valid member was seen before the failure: probably not a tar at all. */
    readonly notTar: boolean,
  ) {
    super(message);
  }
}

export interface TarVisitor {
  /**
   * Called for every member, in tar order, with its header only (pax and GNU long names applied). Return
   * true to get its body through `body`; false skips the body without buffering it.
   */
  header(entry: ReadEntry): boolean;
  /** Consumes a member's body (read it to its end, or set `entry.ignore`); a rejection stops the read. */
  body?(entry: ReadEntry): void | Promise<void>;
}

export interface TarReadOptions {
  /** Largest pax / GNU long-name header accepted; a bigger one is an error, not a memory blow-up. */
  maxMetaEntrySize?: number;
}

export const DEFAULT_MAX_META_ENTRY_SIZE = 1024 * 1024;

export async function readTar(
  chunks: AsyncIterable<Buffer>,
  visitor: TarVisitor,
  options: TarReadOptions = {},
): Promise<void> {
  const maxMeta = options.maxMetaEntrySize ?? DEFAULT_MAX_META_ENTRY_SIZE;
  let failure: Error | undefined;
  let rejectFailed: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    rejectFailed = reject;
  });
  failed.catch(() => {});
  let members = 0;
  let sawEndMarker = false;
  const fail = (error: Error) => {
    if (failure) return;
    failure = error;
    rejectFailed(error);
  };
  const bodies: Promise<void>[] = [];
  let lastFiltered: ReadEntry | undefined;

  const parser = new Parser({
    strict: false,
    maxMetaEntrySize: maxMeta,
    brotli: false,
    zstd: false,
    filter: (_path, entry) => {
      members++;
      lastFiltered = entry as ReadEntry;
      try {
        return visitor.header(entry as ReadEntry);
      } catch (error) {
        fail(error as Error);
        return false;
      }
    },
  });
  // node-tar keeps a pax header's fields in this slot; when it drops an entry it does not clear it.
  const extendedHeaderSlot = Object.getOwnPropertySymbols(parser).find(
    (s) => s.description === 'extendedHeader',
  );
  parser.on('warn', (code: string, message: string, data?: { header?: Header }) => {
    const header = data?.header;
    if (code === 'TAR_ENTRY_INVALID' && message === 'linkpath forbidden' && header?.path && !header.size) {
      // moby writes whiteouts that share overlayfs's single whiteout inode (kernels ≥ 5.8) as empty regular
      // files carrying the first one's name as Linkname. Go's reader and `docker load` accept them; node-tar
      // drops them. Take the member as what it is, without the link.
      if (extendedHeaderSlot) (parser as unknown as Record<symbol, unknown>)[extendedHeaderSlot] = undefined;
      members++;
      try {
        visitor.header({ path: header.path, type: header.type, size: 0, meta: false } as ReadEntry);
      } catch (error) {
        fail(error as Error);
      }
      return;
    }
    // A tar of nothing but the end marker is an empty layer, which node-tar calls unrecognized.
    if (code === 'TAR_BAD_ARCHIVE' && /Unrecognized/.test(message) && sawEndMarker && members === 0) return;
    fail(new TarFormatError(message, members === 0));
  });
  parser.on('error', (error: Error) => fail(new TarFormatError(error.message, members === 0)));
  parser.on('nullBlock', () => {
    sawEndMarker = true;
  });
  let sawEof = false;
  parser.on('eof', () => {
    sawEndMarker = true;
    sawEof = true;
  });
  parser.on('ignoredEntry', (entry: ReadEntry) => {
    if (entry.meta) {
      fail(
        new TarFormatError(
          `a ${entry.type} header of ${entry.size} bytes for "${entry.path}" is over the limit of ${maxMeta} bytes`,
          false,
        ),
      );
    } else if (entry !== lastFiltered) {
      // A member type node-tar does not know (sparse, volume label…): report its header, skip its body.
      members++;
      try {
        visitor.header(entry);
      } catch (error) {
        fail(error as Error);
      }
    }
  });
  parser.on('entry', (entry: ReadEntry) => {
    if (failure) {
      entry.resume();
      return;
    }
    if (!visitor.body) {
      entry.resume();
      return;
    }
    try {
      const result = visitor.body(entry);
      if (result) bodies.push(result.catch((error: Error) => fail(error)));
    } catch (error) {
      fail(error as Error);
      entry.resume();
    }
  });
  const ended = once(parser, 'end');
  ended.catch(() => {});

  for await (const chunk of chunks) {
    if (failure) break;
    // After the end-of-archive marker node-tar would keep appending whatever follows to one buffer; the
    // padding (or anything else) after it is read and dropped here instead.
    if (sawEof) continue;
    if (!parser.write(chunk)) {
      await Promise.race([once(parser, 'drain'), failed]);
    }
  }
  if (failure) throw failure;
  parser.end();
  await Promise.race([ended, failed]);
  await Promise.race([Promise.all(bodies), failed]);
  if (failure) throw failure;
  if (!sawEndMarker) {
    throw new TarFormatError(
      'the stream ends without the tar end-of-archive marker (truncated?)',
      members === 0,
    );
  }
}
