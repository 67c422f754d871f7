import type { ImageLayer } from '../core/report.js';
import type { ImageData } from '../image/model.js';

/**
 * The image's layers as `docker history` lists them, reversed (oldest first), empty ones included, each
 * non-empty one paired with its diffId.
 */
export function imageLayers(data: ImageData): ImageLayer[] {
  const { diffIds, history } = data.config;
  // The engine's own figures win where it has them (they are what `docker image inspect` sums); layer
  // contents give the size elsewhere (archives, the containerd store).
  const sizeOf = (diffIndex: number): number =>
    data.layerSizes?.[diffIndex] ?? data.layers?.[diffIndex]?.size ?? 0;
  const layers: ImageLayer[] = [];
  let next = 0;
  for (const entry of history) {
    const index = layers.length;
    if (entry.emptyLayer || next >= diffIds.length) {
      layers.push({ index, diffId: null, createdBy: entry.createdBy, size: 0, empty: true });
      continue;
    }
    layers.push({
      index,
      diffId: diffIds[next] ?? null,
      createdBy: entry.createdBy,
      size: sizeOf(next),
      empty: false,
    });
    next++;
  }
  // Configs without (enough) history still have their layers: list them with no instruction.
  for (; next < diffIds.length; next++) {
    layers.push({
      index: layers.length,
      diffId: diffIds[next] ?? null,
      createdBy: '',
      size: sizeOf(next),
      empty: false,
    });
  }
  return layers;
}

/** Positions in `layers` of the non-empty ones, in diffId order. */
export function nonEmptyIndexes(layers: readonly ImageLayer[]): number[] {
  return layers.filter((l) => !l.empty).map((l) => l.index);
}

/**
 * An instruction as people read it: the builder's wrapping taken off (`/bin/sh -c #(nop) `, `|2 A=1 B=2
 * /bin/sh -c`, ` # buildkit`) and content hashes of the legacy builder's COPY (`file:3a…`) hidden, so that
 * the same Dockerfile line reads the same in base and head.
 */
export function normalizeInstruction(createdBy: string): string {
  let s = createdBy.trim();
  s = s.replace(/\s+# buildkit$/, '');
  // Build args used by a RUN are recorded before the command: `|2 A=1 B=2 /bin/sh -c …`.
  s = s.replace(/^(RUN )?\|\d+(?:\s+\S+=\S*)*\s+/, '$1');
  const nop = /^\/bin\/sh -c #\(nop\)\s*/;
  if (nop.test(s)) {
    s = s.replace(nop, '');
  } else if (s.startsWith('/bin/sh -c ')) {
    s = `RUN ${s.slice('/bin/sh -c '.length)}`;
  } else if (/^RUN \/bin\/sh -c /.test(s)) {
    s = `RUN ${s.slice('RUN /bin/sh -c '.length)}`;
  }
  s = s.replace(/\b(file|dir|multi):[0-9a-f]{64}\b/g, '$1:…');
  return s.replace(/\s+/g, ' ').trim();
}

/** The instruction keyword of a layer (RUN, COPY, ADD, …), or '' when it cannot be told. */
export function instructionKind(createdBy: string): string {
  const match = /^([A-Z]+)\b/.exec(normalizeInstruction(createdBy));
  return match?.[1] ?? '';
}
