// Generated tars for tests: layer tars, `docker save` archives (legacy and OCI layouts) and OCI image
// layouts, built in memory with tar-stream, plus raw headers for what tar-stream will not write (GNU long
// names, oversized pax headers, hostile members).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

type Header = Parameters<ReturnType<typeof pack>['entry']>[0];

export type FixtureEntry =
  | {
      path: string;
      type?: 'file' | 'dir' | 'symlink' | 'link' | 'char' | 'block' | 'fifo';
      /** File body; `size` alone makes a zero-filled body of that many bytes. */
      content?: string | Buffer;
      size?: number;
      /** Symlink or hard-link target. */
      target?: string;
      /** Force a pax header (tar-stream writes one anyway for names ustar cannot hold). */
      pax?: boolean;
      /** Write the name (and target) through GNU `././@LongLink` members instead of pax. */
      gnuLongName?: boolean;
      mode?: number;
    }
  | { raw: Buffer };

const END = Buffer.alloc(1024);

/** A layer tar (plain), with the end-of-archive marker unless `end: false`. */
export async function layerTar(entries: FixtureEntry[], opts: { end?: boolean } = {}): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    if ('raw' in entry) parts.push(entry.raw);
    else if (entry.gnuLongName) parts.push(gnuMember(entry));
    else parts.push(await packOne(entry));
  }
  if (opts.end !== false) parts.push(END);
  return Buffer.concat(parts);
}

function bodyOf(entry: Extract<FixtureEntry, { path: string }>): Buffer {
  if (entry.content !== undefined) return Buffer.from(entry.content);
  return Buffer.alloc(entry.size ?? 0, 0x61);
}

async function packOne(entry: Extract<FixtureEntry, { path: string }>): Promise<Buffer> {
  const p = pack();
  const type = entry.type ?? 'file';
  const tsType =
    type === 'char'
      ? 'character-device'
      : type === 'block'
        ? 'block-device'
        : type === 'dir'
          ? 'directory'
          : type;
  const body = type === 'file' ? bodyOf(entry) : undefined;
  const header: Header = {
    name: entry.path,
    type: tsType,
    size: body?.length ?? 0,
    ...(entry.target !== undefined ? { linkname: entry.target } : {}),
    mode: entry.mode ?? (type === 'dir' ? 0o755 : 0o644),
    mtime: new Date(0),
    ...(entry.pax ? { pax: {} } : {}),
  };
  if (body) p.entry(header, body);
  else p.entry(header).end(() => {});
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const c of p) chunks.push(c as Buffer);
  const all = Buffer.concat(chunks);
  return all.subarray(0, all.length - 1024);
}

const TYPEFLAG: Record<string, string> = {
  file: '0',
  link: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};

/** A raw ustar header block (checksum filled in); names and targets are cut to 100 bytes. */
export function rawHeader(h: { name: string; type: string; size?: number; linkname?: string }): Buffer {
  const buf = Buffer.alloc(512);
  buf.write(h.name.slice(0, 100), 0, 'utf8');
  buf.write('0000644\0', 100);
  buf.write('0000000\0', 108);
  buf.write('0000000\0', 116);
  buf.write(`${(h.size ?? 0).toString(8).padStart(11, '0')}\0`, 124);
  buf.write('00000000000\0', 136);
  buf.write('        ', 148);
  buf.write(h.type, 156);
  if (h.linkname) buf.write(h.linkname.slice(0, 100), 157, 'utf8');
  buf.write('ustar\0', 257);
  buf.write('00', 263);
  let sum = 0;
  for (const b of buf) sum += b;
  buf.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return buf;
}

/** A header plus its body padded to whole blocks. */
export function rawMember(
  h: { name: string; type: string; linkname?: string },
  body: Buffer = Buffer.alloc(0),
) {
  const pad = (512 - (body.length % 512)) % 512;
  return Buffer.concat([rawHeader({ ...h, size: body.length }), body, Buffer.alloc(pad)]);
}

function gnuMember(entry: Extract<FixtureEntry, { path: string }>): Buffer {
  const type = entry.type ?? 'file';
  const parts: Buffer[] = [];
  if (entry.target && Buffer.byteLength(entry.target) > 100) {
    parts.push(rawMember({ name: '././@LongLink', type: 'K' }, Buffer.from(`${entry.target}\0`)));
  }
  parts.push(rawMember({ name: '././@LongLink', type: 'L' }, Buffer.from(`${entry.path}\0`)));
  parts.push(
    rawMember(
      { name: entry.path, type: TYPEFLAG[type] ?? '0', linkname: entry.target },
      type === 'file' ? bodyOf(entry) : undefined,
    ),
  );
  return Buffer.concat(parts);
}

/** A pax extended header of `bytes` bytes (one comment record) followed by a file: a memory-blow-up attempt. */
export function hugePaxMember(bytes: number, path = 'victim'): Buffer {
  const value = 'x'.repeat(bytes);
  let record = ` comment=${value}\n`;
  let len = record.length;
  len += String(len + String(len).length).length;
  record = `${len}${record}`;
  return Buffer.concat([
    rawMember({ name: 'PaxHeader', type: 'x' }, Buffer.from(record)),
    rawMember({ name: path, type: '0' }),
  ]);
}

export function gzip(buf: Buffer): Buffer {
  return gzipSync(buf);
}

/** zstd through the `zstd` CLI (Node 20 has no zstd encoder). */
export function zstd(buf: Buffer): Buffer {
  return execFileSync('zstd', ['-q', '-c', '-3'], { input: buf, maxBuffer: 1 << 30 });
}

export function sha256(buf: Buffer | string): string {
  return `sha256:${createHash('sha256').update(buf).digest('hex')}`;
}

/** A Readable handing `buf` over in chunks of `size` bytes, to exercise every boundary. */
export function chunked(buf: Buffer, size = 7919): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= buf.length) {
        this.push(null);
        return;
      }
      this.push(buf.subarray(offset, offset + size));
      offset += size;
    },
  });
}

// ---- images ----

export interface FixtureHistory {
  created_by: string;
  empty_layer?: boolean;
  comment?: string;
}

export interface FixtureImage {
  /** Plain layer tars, oldest first. */
  layers: Buffer[];
  /** Defaults to one non-empty entry per layer. */
  history?: FixtureHistory[];
  repoTag?: string;
}

export function imageConfig(image: FixtureImage): Buffer {
  const history = image.history ?? image.layers.map((_, i) => ({ created_by: `/bin/sh -c step ${i}` }));
  return Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/bin'] },
      rootfs: { type: 'layers', diff_ids: image.layers.map((l) => sha256(l)) },
      history,
    }),
  );
}

export type Member = { path: string; content: Buffer } | { path: string; symlink: string };
export type MemberOrder = 'natural' | 'reversed' | 'metadata-last';

/** A tar of whole-file members, in the order asked for. */
export async function archiveOf(members: Member[], order: MemberOrder = 'natural'): Promise<Buffer> {
  let list = [...members];
  if (order === 'reversed') list.reverse();
  if (order === 'metadata-last') {
    const isMeta = (m: Member) => /(^|\/)(manifest\.json|index\.json|oci-layout|repositories)$/.test(m.path);
    list = [...list.filter((m) => !isMeta(m)), ...list.filter(isMeta)];
  }
  return layerTar(
    list.map((m) =>
      'symlink' in m
        ? { path: m.path, type: 'symlink', target: m.symlink }
        : { path: m.path, content: m.content },
    ),
  );
}

/**
 * `docker save` output. legacy: engine 20.10's layout (`manifest.json`, `<id>/layer.tar`, `<config>.json`;
 * a repeated layer is a symlink to the first copy, as docker writes it). oci: engines 25+ (`index.json`,
 * `oci-layout`, `blobs/sha256/…`, plus `manifest.json` pointing into blobs).
 */
export async function dockerSaveArchive(
  image: FixtureImage,
  opts: { layout: 'legacy' | 'oci'; order?: MemberOrder; compress?: 'gzip' | 'zstd' } = { layout: 'legacy' },
): Promise<Buffer> {
  const config = imageConfig(image);
  const configHex = sha256(config).slice(7);
  const members: Member[] = [];
  const repoTags = image.repoTag ? [image.repoTag] : null;
  if (opts.layout === 'legacy') {
    const layerPaths: string[] = [];
    const firstOf = new Map<string, string>();
    image.layers.forEach((layer, i) => {
      const id = createHash('sha256')
        .update(`${i}:${sha256(layer)}`)
        .digest('hex');
      const path = `${id}/layer.tar`;
      const seen = firstOf.get(sha256(layer));
      members.push({ path: `${id}/VERSION`, content: Buffer.from('1.0') });
      members.push({ path: `${id}/json`, content: Buffer.from('{}') });
      if (seen) members.push({ path, symlink: `../${seen}` });
      else {
        firstOf.set(sha256(layer), path);
        members.push({ path, content: layer });
      }
      layerPaths.push(path);
    });
    members.push({ path: `${configHex}.json`, content: config });
    members.push({
      path: 'manifest.json',
      content: Buffer.from(
        JSON.stringify([{ Config: `${configHex}.json`, RepoTags: repoTags, Layers: layerPaths }]),
      ),
    });
    return archiveOf(members, opts.order);
  }
  const layout = ociBlobs(image, opts.compress);
  for (const [hex, content] of layout.blobs) members.push({ path: `blobs/sha256/${hex}`, content });
  members.push({ path: 'oci-layout', content: Buffer.from('{"imageLayoutVersion":"1.0.0"}') });
  members.push({ path: 'index.json', content: layout.index });
  members.push({
    path: 'manifest.json',
    content: Buffer.from(
      JSON.stringify([
        {
          Config: `blobs/sha256/${configHex}`,
          RepoTags: repoTags,
          Layers: layout.layerHexes.map((h) => `blobs/sha256/${h}`),
        },
      ]),
    ),
  });
  return archiveOf(members, opts.order);
}

/** The blobs of an OCI image layout for `image`, with layers compressed as asked. */
export function ociBlobs(
  image: FixtureImage,
  compress?: 'gzip' | 'zstd',
  refName?: string,
): { blobs: Map<string, Buffer>; index: Buffer; layerHexes: string[] } {
  const blobs = new Map<string, Buffer>();
  const config = imageConfig(image);
  const configDigest = sha256(config);
  blobs.set(configDigest.slice(7), config);
  const mediaType =
    compress === 'gzip'
      ? 'application/vnd.oci.image.layer.v1.tar+gzip'
      : compress === 'zstd'
        ? 'application/vnd.oci.image.layer.v1.tar+zstd'
        : 'application/vnd.oci.image.layer.v1.tar';
  const layers = image.layers.map((plain) => {
    const blob = compress === 'gzip' ? gzip(plain) : compress === 'zstd' ? zstd(plain) : plain;
    const digest = sha256(blob);
    blobs.set(digest.slice(7), blob);
    return { mediaType, digest, size: blob.length };
  });
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers,
    }),
  );
  const manifestDigest = sha256(manifest);
  blobs.set(manifestDigest.slice(7), manifest);
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: manifestDigest,
          size: manifest.length,
          ...(refName ? { annotations: { 'org.opencontainers.image.ref.name': refName } } : {}),
        },
      ],
    }),
  );
  return { blobs, index, layerHexes: layers.map((l) => l.digest.slice(7)) };
}

/** An OCI layout tar as `skopeo copy … oci-archive:F.tar` writes it (no manifest.json). */
export async function ociLayout(
  image: FixtureImage,
  opts: { compress?: 'gzip' | 'zstd'; order?: MemberOrder; refName?: string } = {},
): Promise<Buffer> {
  const layout = ociBlobs(image, opts.compress, opts.refName);
  const members: Member[] = [
    { path: 'oci-layout', content: Buffer.from('{"imageLayoutVersion":"1.0.0"}') },
    { path: 'index.json', content: layout.index },
  ];
  for (const [hex, content] of layout.blobs) members.push({ path: `blobs/sha256/${hex}`, content });
  return archiveOf(members, opts.order);
}

/** The same layout written as a folder, for `oci:DIR`. */
export function writeOciDir(
  dir: string,
  image: FixtureImage,
  opts: { compress?: 'gzip' | 'zstd' } = {},
): void {
  const layout = ociBlobs(image, opts.compress);
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(join(dir, 'index.json'), layout.index);
  for (const [hex, content] of layout.blobs) writeFileSync(join(dir, 'blobs', 'sha256', hex), content);
}
