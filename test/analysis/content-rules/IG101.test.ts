import { describe, expect, it } from 'vitest';
import { layer } from '../helpers.js';
import { findings, ids } from './run.js';

describe('IG101 pip-cache-in-image', () => {
  it('fires for pip and uv caches with files, with their bytes', () => {
    const f = findings(
      layer('root/.cache/pip/http/a:300', 'root/.cache/pip/http/b:200', 'app/.cache/uv/x:7'),
    );
    expect(f.map((x) => [x.rule, x.bytes])).toEqual([
      ['IG101', 500],
      ['IG101', 7],
    ]);
    expect(f[0]?.message).toContain('/root/.cache/pip');
    expect(f[0]?.message).toContain('layer 0');
  });
  it.each([
    ['an empty cache dir', layer('root/.cache/pip/')],
    ['a cache removed later', layer('root/.cache/pip/a:9')],
    ['a pip dir that is not a cache', layer('usr/lib/python3/site-packages/pip/__init__.py:9')],
  ])('stays quiet for %s', (_, l) => {
    const extra = _ === 'a cache removed later' ? [layer('-root/.cache')] : [];
    expect(ids(findings(l, ...extra))).not.toContain('IG101');
  });
});
