import type { EntryKind, ImageData, LayerEntry, LayerSummary, SecretHint } from '../../src/image/model.js';

type Spec =
  | string // "path:size" a file, "path/" a dir, "path->target" a symlink, "path=>target" a hard link
  | { path: string; size: number; secret: SecretHint };

/** A layer summary from a compact list: `a/b:10`, `d/`, `l->a/b`, `h=>a/b`, `-gone` (whiteout), `d/*` (opaque). */
export function layer(...specs: Spec[]): LayerSummary {
  const entries: LayerEntry[] = [];
  const whiteouts: string[] = [];
  const opaqueDirs: string[] = [];
  let size = 0;
  for (const spec of specs) {
    if (typeof spec !== 'string') {
      entries.push({ path: spec.path, kind: 'file', size: spec.size, secret: spec.secret });
      size += spec.size;
      continue;
    }
    if (spec.startsWith('-')) whiteouts.push(spec.slice(1));
    else if (spec.endsWith('/*')) opaqueDirs.push(spec.slice(0, -2));
    else if (spec.endsWith('/')) entries.push({ path: spec.slice(0, -1), kind: 'dir', size: 0 });
    else if (spec.includes('->')) {
      const [path, target] = spec.split('->') as [string, string];
      entries.push({ path, kind: 'symlink', size: 0, linkTarget: target });
      size += target.length;
    } else if (spec.includes('=>')) {
      const [path, target] = spec.split('=>') as [string, string];
      entries.push({ path, kind: 'hardlink', size: 0, linkTarget: target });
    } else {
      const [path, bytes] = spec.split(':') as [string, string];
      const kind: EntryKind = 'file';
      entries.push({ path, kind, size: Number(bytes) });
      size += Number(bytes);
    }
  }
  return { entries, whiteouts, opaqueDirs, size };
}

let counter = 0;
const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;

/** An ImageData whose history has one non-empty entry per layer, with optional empty entries between. */
export function imageData(
  layers: { createdBy: string; summary?: LayerSummary; size?: number; diffId?: string; empty?: boolean }[],
  ref = 'test:image',
): ImageData {
  const history = layers.map((l) => ({ createdBy: l.createdBy, emptyLayer: Boolean(l.empty) }));
  const real = layers.filter((l) => !l.empty);
  const withFiles = real.every((l) => l.summary);
  return {
    ref,
    id: digest(++counter),
    config: { diffIds: real.map((l) => l.diffId ?? digest(++counter)), history },
    layerSizes: withFiles ? null : real.map((l) => l.size ?? 0),
    layers: withFiles ? real.map((l) => l.summary!) : null,
  };
}
