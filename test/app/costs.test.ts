import { describe, expect, it } from 'vitest';
import { withRegistrySizes } from '../../src/app/costs.js';
import type { CompressedSize, Image } from '../../src/core/report.js';
import type { RegistryResult } from '../../src/registry/registry-client.js';

const d = (c: string) => `sha256:${c.repeat(64)}`;
const fromRegistry: CompressedSize = {
  gzip: 10,
  zstd: null,
  source: 'registry',
  layers: [{ diffId: d('1'), gzip: 10, zstd: null }],
};
const computed: CompressedSize = { ...fromRegistry, gzip: 12, source: 'computed' };
const image = (id: string) => ({ id, compressed: computed }) as unknown as Image;
const result = (extra: Partial<Extract<RegistryResult, { ok: true }>>): RegistryResult => ({
  ok: true,
  configDigest: d('c'),
  manifestDigest: d('m'),
  compressed: fromRegistry,
  ...extra,
});

describe('withRegistrySizes: the registry sizes describe the analyzed image when one of its digests is its ID', () => {
  it.each([
    ['the config digest (the classic store)', d('c')],
    ['the manifest digest (the containerd store, a plain manifest)', d('m')],
    ['the index digest (the containerd store, an index with attestations)', d('i')],
  ])('%s', (_, id) => {
    const r = withRegistrySizes(image(id), result({ indexDigest: d('i') }), 'localhost:5000/app:1');
    expect(r).toEqual({ image: { id, compressed: fromRegistry }, note: null });
  });

  it('another image: computed sizes kept, and a note', () => {
    const r = withRegistrySizes(image(d('x')), result({}), 'localhost:5000/app:1');
    expect(r.image.compressed).toBe(computed);
    expect(r.note).toMatch(/the registry's tag points at another image/);
  });
});
