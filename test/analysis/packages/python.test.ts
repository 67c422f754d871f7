import { describe, expect, it } from 'vitest';
import { readPython } from '../../../src/analysis/packages/python.js';

const SITE = 'usr/local/lib/python3.13/site-packages';

// METADATA and RECORD as pip 25 writes them (from the demo image's fasthash wheel), plus a console script
// outside site-packages and a quoted path with a comma.
const METADATA = `Metadata-Version: 2.4
Name: fasthash
Version: 1.0.0
Summary: A tiny extension module
Requires-Dist: typing-extensions; python_version < "3.11"

Name: not-a-header
Version: 9 (this is the description)
`;
const RECORD = `fasthash-1.0.0.dist-info/INSTALLER,sha256=zuuue4knoyJ-UwPPXg8fezS7VCrXJQrAP7zeNuwvFQg,4
fasthash-1.0.0.dist-info/METADATA,sha256=Pv4PJAGJYFi1ki_4XhzrLG1bP-NW-3zjnUnXZzILfsg,142
fasthash-1.0.0.dist-info/RECORD,,
fasthash/__init__.py,sha256=dhypizOAbfHf1RudavwSqCbENx3uTh2IABRkgbemEGA,260
fasthash/__pycache__/__init__.cpython-313.pyc,,
fasthash/_fasthash.cpython-313-x86_64-linux-gnu.so,sha256=ijL85e0dSi0atktASMZbjGsa4AxazIPOI47nNrkxgAY,15832
../../../bin/fasthash,sha256=abc,220
"fasthash/data/a,b.txt",sha256=abc,3
../../../../../../../etc/escape,,
`;

const files = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]));

describe('readPython', () => {
  it('reads a dist-info: METADATA names it, RECORD lists its files relative to the site directory', () => {
    const { records, skipped } = readPython(
      files({
        [`${SITE}/fasthash-1.0.0.dist-info/METADATA`]: METADATA,
        [`${SITE}/fasthash-1.0.0.dist-info/RECORD`]: RECORD,
      }),
    );
    expect(skipped).toBe(0);
    expect(records).toEqual([
      {
        ecosystem: 'python',
        name: 'fasthash',
        version: '1.0.0',
        location: `/${SITE}/fasthash-1.0.0.dist-info/METADATA`,
        dirs: [{ path: `${SITE}/fasthash-1.0.0.dist-info` }],
        files: [
          `${SITE}/fasthash-1.0.0.dist-info/INSTALLER`,
          `${SITE}/fasthash-1.0.0.dist-info/METADATA`,
          `${SITE}/fasthash-1.0.0.dist-info/RECORD`,
          `${SITE}/fasthash/__init__.py`,
          `${SITE}/fasthash/__pycache__/__init__.cpython-313.pyc`,
          `${SITE}/fasthash/_fasthash.cpython-313-x86_64-linux-gnu.so`,
          'usr/local/bin/fasthash',
          `${SITE}/fasthash/data/a,b.txt`,
        ],
      },
    ]);
  });

  it('reads a dist-info without RECORD (a distribution packaged by Debian) as owning its directory', () => {
    const dir = 'usr/lib/python3/dist-packages/pip-25.1.1.dist-info';
    const { records } = readPython(
      files({ [`${dir}/METADATA`]: 'Metadata-Version: 2.4\nName: pip\nVersion: 25.1.1\n' }),
    );
    expect(records).toEqual([
      {
        ecosystem: 'python',
        name: 'pip',
        version: '25.1.1',
        location: `/${dir}/METADATA`,
        dirs: [{ path: dir }],
      },
    ]);
  });

  it('reads egg-info directories (with installed-files.txt) and egg-info files', () => {
    const egg = `${SITE}/six-1.16.0-py3.13.egg-info`;
    const { records } = readPython(
      files({
        [`${egg}/PKG-INFO`]: 'Metadata-Version: 1.2\nName: six\nVersion: 1.16.0\n',
        [`${egg}/installed-files.txt`]: '../six.py\n../__pycache__/six.cpython-313.pyc\nPKG-INFO\n',
        'usr/lib/python3/dist-packages/distro-1.0.egg-info':
          'Metadata-Version: 1.1\nName: distro\nVersion: 1.0\n',
      }),
    );
    expect(records).toEqual([
      {
        ecosystem: 'python',
        name: 'six',
        version: '1.16.0',
        location: `/${egg}/PKG-INFO`,
        dirs: [{ path: egg }],
        files: [`${SITE}/six.py`, `${SITE}/__pycache__/six.cpython-313.pyc`, `${egg}/PKG-INFO`],
      },
      {
        ecosystem: 'python',
        name: 'distro',
        version: '1.0',
        location: '/usr/lib/python3/dist-packages/distro-1.0.egg-info',
        files: ['usr/lib/python3/dist-packages/distro-1.0.egg-info'],
      },
    ]);
  });

  it('skips metadata without a name or version', () => {
    const { records, skipped } = readPython(
      files({
        'x/a-1.dist-info/METADATA': 'Metadata-Version: 2.1\nName: a\n',
        'x/b.egg-info': '\u0000\u00ff',
      }),
    );
    expect(records).toEqual([]);
    expect(skipped).toBe(2);
  });
});
