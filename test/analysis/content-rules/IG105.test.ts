import { describe, expect, it } from 'vitest';
import { layer } from '../helpers.js';
import { findings, ids } from './run.js';

describe('IG105 toolchain-in-image', () => {
  it('fires once, naming every compiler tool found', () => {
    const f = findings(
      layer('usr/bin/gcc-12:900', 'usr/bin/gcc->gcc-12', 'usr/bin/make:200', 'usr/local/bin/clang:5'),
    );
    expect(ids(f)).toEqual(['IG105']);
    expect(f[0]?.message).toContain('/usr/bin/gcc');
    expect(f[0]?.message).toContain('/usr/bin/make');
    expect(f[0]?.message).toContain('/usr/local/bin/clang');
    expect(f[0]?.bytes).toBe(205);
  });
  it('stays quiet for other places and names', () => {
    expect(findings(layer('usr/lib/gcc/x:9', 'opt/bin/make:3', 'usr/bin/makepkg:4'))).toEqual([]);
  });
});
