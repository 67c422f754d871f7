import { describe, expect, it } from 'vitest';
import { layer } from '../helpers.js';
import { findings } from './run.js';

describe('IG103 vcs-in-image', () => {
  it('fires once per repository with its bytes', () => {
    const f = findings(
      layer('app/.git/HEAD:20', 'app/.git/objects/pack/p:1000', 'app/.git/modules/sub/.git/HEAD:3'),
    );
    expect(f.map((x) => [x.rule, x.bytes])).toEqual([['IG103', 1023]]);
  });
  it('stays quiet for .gitignore and .github', () => {
    expect(findings(layer('app/.gitignore:3', 'app/.github/workflows/ci.yml:30'))).toEqual([]);
  });
});
