import { describe, expect, it } from 'vitest';
import { layer } from '../helpers.js';
import { findings, ids } from './run.js';

describe('IG102 os-cache-in-image', () => {
  it('fires for apt lists beyond lock and partial/, and for the apk cache', () => {
    const f = findings(
      layer(
        'var/lib/apt/lists/lock:0',
        'var/lib/apt/lists/deb_Packages:4000',
        'var/cache/apk/APKINDEX.tar.gz:90',
      ),
    );
    expect(f.map((x) => [x.rule, x.bytes])).toEqual([
      ['IG102', 4000],
      ['IG102', 90],
    ]);
  });
  it('stays quiet for lock and partial/ only, and for removed lists', () => {
    expect(ids(findings(layer('var/lib/apt/lists/lock:0', 'var/lib/apt/lists/partial/')))).toEqual([]);
    expect(
      ids(findings(layer('var/lib/apt/lists/x:5'), layer('var/lib/apt/lists/*', 'var/lib/apt/lists/'))),
    ).toEqual([]);
  });
});
