// `<IMAGE>` forms read without any engine: docker-archive:PATH, oci-archive:PATH (a tar, possibly gzip'd) and
// oci:DIR (an OCI image layout folder: index.json and the manifest first, then the layer blobs in order).
// Like skopeo, a trailing `:NAME` picks one image when the archive or layout holds several.

import { createReadStream, readFileSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { configDigest, parseImageConfig } from './image-config.js';
import { planImage } from './image-layout.js';
import { summarizeLayer } from './layer-summary.js';
import type { ImageData } from './model.js';
import { packageFileBudget } from './package-files.js';
import { fromSummaries, MAX_JSON_MEMBER, readSaveStream } from './save-archive.js';

export type ArchiveKind = 'docker-archive' | 'oci-archive' | 'oci';

const PREFIXES: ArchiveKind[] = ['docker-archive', 'oci-archive', 'oci'];

/** The archive form of an `<IMAGE>` argument, or null for an image the engine knows. */
export function parseArchiveRef(spec: string): { kind: ArchiveKind; path: string } | null {
  for (const kind of PREFIXES) {
    if (spec.startsWith(`${kind}:`)) return { kind, path: spec.slice(kind.length + 1) };
  }
  return null;
}

export function isArchiveRef(spec: string): boolean {
  return parseArchiveRef(spec) !== null;
}

const READ_CHUNK = 1024 * 1024;

export interface ReadArchiveOptions {
  files: boolean;
  /** Count each layer's compressed size (a compressed blob weighs its own bytes); default false. */
  count?: boolean;
  /** Bytes read so far and the total to read (the archive's size, or the sum of an oci: folder's layers). */
  onProgress?: (bytesRead: number, total: number) => void;
}

export async function readArchiveRef(spec: string, opts: ReadArchiveOptions): Promise<ImageData> {
  const parsed = parseArchiveRef(spec);
  if (!parsed || parsed.path === '') {
    throw new UserError(
      `"${spec}" is not an archive reference: use docker-archive:PATH, oci-archive:PATH or oci:DIR`,
    );
  }
  const { path, select, stats } = locate(parsed.kind, parsed.path, spec);
  if (parsed.kind === 'oci') {
    if (!stats.isDirectory())
      throw new UserError(`${path} is not a folder: oci: takes an OCI image layout folder`);
    return readOciDir(path, spec, {
      files: opts.files,
      count: opts.count,
      select,
      onProgress: opts.onProgress,
    });
  }
  if (stats.isDirectory()) {
    throw new UserError(
      `${path} is a folder: ${parsed.kind}: takes a tar file (use oci:${path} for a layout folder)`,
    );
  }
  if (!stats.isFile()) {
    // A device never ends (/dev/zero) and a FIFO waits for a writer: neither is an archive to read.
    throw new UserError(
      `${path} is ${kindOf(stats)}, not a regular file: ${parsed.kind}: takes a tar file (docker save -o FILE, skopeo copy … ${parsed.kind}:FILE)`,
    );
  }
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  try {
    const progress = opts.onProgress;
    return await readSaveStream(stream, {
      ref: spec,
      files: opts.files,
      count: opts.count,
      select,
      onProgress: progress && ((bytes) => progress(bytes, stats.size)),
    });
  } finally {
    stream.destroy();
  }
}

function locate(
  kind: ArchiveKind,
  raw: string,
  spec: string,
): { path: string; select?: string; stats: Stats } {
  const found = statOrNull(raw);
  if (found) return { path: raw, stats: found };
  const colon = raw.lastIndexOf(':');
  if (colon > 0) {
    const path = raw.slice(0, colon);
    const stats = statOrNull(path);
    if (stats) return { path, select: raw.slice(colon + 1), stats };
  }
  const what = kind === 'oci' ? 'folder' : 'file';
  throw new UserError(`no such ${what}: ${raw} (from ${spec}); check the path`);
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

async function readOciDir(
  dir: string,
  spec: string,
  opts: {
    files: boolean;
    count?: boolean;
    select?: string;
    onProgress?: (bytesRead: number, total: number) => void;
  },
): Promise<ImageData> {
  const json = (member: string): Buffer | undefined => {
    const file = join(dir, member);
    const stats = statOrNull(file);
    if (!stats?.isFile() || stats.size > MAX_JSON_MEMBER) return undefined;
    return readFileSync(file);
  };
  if (!json('index.json')) {
    throw new UserError(
      `${dir} has no index.json: it is not an OCI image layout (make one with skopeo copy … oci:DIR)`,
    );
  }
  // A folder has no docker manifest.json to prefer; read index.json as the layout's entry point.
  const plan = planImage((p) => (p === 'manifest.json' ? undefined : json(p)), spec, opts.select);
  const configBytes = json(plan.config);
  if (!configBytes)
    throw new UserError(`${spec} lacks the image config ${plan.config} its manifest points at`);
  const config = parseImageConfig(configBytes, `config ${plan.config} in ${spec}`);
  if (plan.layers.length !== config.diffIds.length) {
    throw new UserError(
      `${spec}: the manifest lists ${plan.layers.length} layers but the config has ${config.diffIds.length} diff_ids`,
    );
  }
  const files = plan.layers.map((layer) => {
    const file = join(dir, layer);
    const stats = statOrNull(file);
    if (!stats?.isFile()) {
      throw new UserError(`${spec} lacks the layer ${layer} its manifest points at: copy the image again`);
    }
    return { layer, file, size: stats.size };
  });
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  const summaries = [];
  const packageFiles = packageFileBudget();
  for (const { layer, file } of files) {
    const stream = createReadStream(file, { highWaterMark: READ_CHUNK });
    const report = opts.onProgress;
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const chunk of stream) {
        done += (chunk as Buffer).length;
        report?.(done, total);
        yield chunk as Buffer;
      }
    }
    try {
      summaries.push(
        await summarizeLayer(counted(), {
          name: `${layer} in ${spec}`,
          files: opts.files,
          count: opts.count,
          packageFiles,
        }),
      );
    } finally {
      stream.destroy();
    }
  }
  return { ref: spec, id: configDigest(configBytes), config, ...fromSummaries(summaries, opts) };
}
