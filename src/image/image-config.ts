// The image config (Docker image JSON / OCI image config) → what the analysis uses, and the mapping of its
// history onto layers: every history entry without `empty_layer` made the next diff_id, in order.

import { createHash } from 'node:crypto';
import { UserError } from '../core/errors.js';
import type { HistoryEntry, ImageConfigInfo } from './model.js';

export function configDigest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Parses config JSON; `where` names it in the error ("config blobs/sha256/ab… of docker-archive:x.tar"). */
export function parseImageConfig(bytes: Buffer, where: string): ImageConfigInfo {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new UserError(`${where} is not valid JSON: the archive is corrupt; export the image again`);
  }
  const config = json as {
    rootfs?: { diff_ids?: unknown };
    history?: { created_by?: unknown; empty_layer?: unknown; comment?: unknown }[];
  };
  const diffIds = config?.rootfs?.diff_ids;
  if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === 'string')) {
    throw new UserError(`${where} has no rootfs.diff_ids: it is not a container image config`);
  }
  const history: HistoryEntry[] = Array.isArray(config.history)
    ? config.history.map((h) => {
        const entry: HistoryEntry = {
          createdBy: typeof h?.created_by === 'string' ? h.created_by : '',
          emptyLayer: h?.empty_layer === true,
        };
        if (typeof h?.comment === 'string' && h.comment !== '') entry.comment = h.comment;
        return entry;
      })
    : [];
  return { diffIds: diffIds as string[], history };
}

export interface HistoryLayer {
  /** Position in the oldest-first list, empty entries included. */
  index: number;
  diffId: string | null;
  createdBy: string;
  empty: boolean;
  comment?: string;
  /** Index into diffIds (and ImageData.layers / layerSizes), null for an empty entry. */
  layer: number | null;
}

/**
 * History entries paired with diff_ids, oldest first: each entry without `empty_layer` takes the next
 * diff_id. Images without history (e.g. `docker import` + rewritten configs) or with fewer non-empty entries
 * than layers get an entry with an empty `createdBy` per unmatched layer; non-empty entries past the last
 * layer are shown as empty.
 */
export function mapHistory(config: ImageConfigInfo): HistoryLayer[] {
  const out: HistoryLayer[] = [];
  let next = 0;
  for (const h of config.history) {
    const takes = !h.emptyLayer && next < config.diffIds.length;
    const row: HistoryLayer = {
      index: out.length,
      diffId: takes ? config.diffIds[next]! : null,
      createdBy: h.createdBy,
      empty: !takes,
      layer: takes ? next : null,
    };
    if (h.comment) row.comment = h.comment;
    out.push(row);
    if (takes) next++;
  }
  for (; next < config.diffIds.length; next++) {
    out.push({ index: out.length, diffId: config.diffIds[next]!, createdBy: '', empty: false, layer: next });
  }
  return out;
}
