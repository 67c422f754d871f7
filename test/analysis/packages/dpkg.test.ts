import { describe, expect, it } from 'vitest';
import { readDpkg } from '../../../src/analysis/packages/dpkg.js';

// Stanzas and lists as Debian 13's dpkg writes them (copied from the stand-in python:3.13-slim image).
const ZLIB = `Package: zlib1g
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 172
Maintainer: Mark Brown <broonie@debian.org>
Architecture: amd64
Multi-Arch: same
Source: zlib
Version: 1:1.3.dfsg+really1.3.1-1+deb13u1
Provides: libz1
Depends: libc6 (>= 2.14)
Breaks: libxml2 (<< 2.7.6.dfsg-2), texlive-binaries (<< 2023.20230311.66589-8)
Conflicts: zlib1 (<= 1:1.0.4-7)
Description: compression library - runtime
 zlib is a library implementing the deflate compression method found
 in gzip and PKZIP.  This package includes the shared library.
Homepage: http://zlib.net/
`;

const TZDATA = `Package: tzdata
Status: install ok installed
Priority: required
Section: localization
Installed-Size: 1360
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: all
Multi-Arch: foreign
Version: 2026f-0+deb13u1
Depends: debconf (>= 0.5) | debconf-2.0
Description: time zone and daylight-saving time data
 This package contains data required for the implementation of
 .
 standard local time for many representative locations around the
Homepage: https://www.iana.org/time-zones
`;

const REMOVED = `Package: vim-tiny
Status: deinstall ok config-files
Priority: important
Section: editors
Installed-Size: 1713
Architecture: amd64
Version: 2:9.1.1230-2
Conffiles:
 /etc/vim/vimrc.tiny 8b4ac4b4b7a9e5a7fe5e2e6a5f5f1a3c
Description: Vi IMproved - enhanced vi editor - compact version
`;

const ZLIB_LIST = `/.
/usr
/usr/lib
/usr/lib/x86_64-linux-gnu
/usr/lib/x86_64-linux-gnu/libz.so.1.3.1
/usr/share
/usr/share/doc
/usr/share/doc/zlib1g
/usr/share/doc/zlib1g/changelog.Debian.gz
/usr/share/doc/zlib1g/changelog.gz
/usr/share/doc/zlib1g/copyright
/usr/lib/x86_64-linux-gnu/libz.so.1
`;

const files = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]));

describe('readDpkg', () => {
  it('reads the installed stanzas of status, their lists (name:arch.list first) and declared sizes', () => {
    const { records, skipped } = readDpkg(
      files({
        'var/lib/dpkg/status': `${ZLIB}\n${TZDATA}\n${REMOVED}`,
        'var/lib/dpkg/info/zlib1g:amd64.list': ZLIB_LIST,
        'var/lib/dpkg/info/zlib1g.list': '/usr/share/wrong\n',
      }),
    );
    expect(skipped).toBe(0);
    expect(records).toEqual([
      {
        ecosystem: 'deb',
        name: 'zlib1g',
        version: '1:1.3.dfsg+really1.3.1-1+deb13u1',
        location: '/var/lib/dpkg/status',
        files: [
          'usr',
          'usr/lib',
          'usr/lib/x86_64-linux-gnu',
          'usr/lib/x86_64-linux-gnu/libz.so.1.3.1',
          'usr/share',
          'usr/share/doc',
          'usr/share/doc/zlib1g',
          'usr/share/doc/zlib1g/changelog.Debian.gz',
          'usr/share/doc/zlib1g/changelog.gz',
          'usr/share/doc/zlib1g/copyright',
          'usr/lib/x86_64-linux-gnu/libz.so.1',
        ],
        declared: 172 * 1024,
      },
      // No list: only its declared size is known.
      {
        ecosystem: 'deb',
        name: 'tzdata',
        version: '2026f-0+deb13u1',
        location: '/var/lib/dpkg/status',
        declared: 1360 * 1024,
      },
    ]);
  });

  it('reads distroless status.d stanzas with their md5sums as the file list', () => {
    const { records } = readDpkg(
      files({
        'var/lib/dpkg/status.d/zlib1g': ZLIB,
        'var/lib/dpkg/status.d/zlib1g.md5sums':
          'b425cfbae8cadf5f2753263b4a877aa3  usr/lib/x86_64-linux-gnu/libz.so.1.3.1\ndb976ce0f5b561b5456a3a8435fb3f83  usr/share/doc/zlib1g/copyright\n',
        'var/lib/dpkg/status.d/tzdata': TZDATA,
      }),
    );
    expect(records.map((r) => [r.name, r.location, r.files])).toEqual([
      [
        'zlib1g',
        '/var/lib/dpkg/status.d/zlib1g',
        ['usr/lib/x86_64-linux-gnu/libz.so.1.3.1', 'usr/share/doc/zlib1g/copyright'],
      ],
      ['tzdata', '/var/lib/dpkg/status.d/tzdata', undefined],
    ]);
  });

  it('skips malformed stanzas and counts them, and survives binary garbage and CRLF', () => {
    const { records, skipped } = readDpkg(
      files({
        'var/lib/dpkg/status': `Package: broken\nStatus: install ok installed\n\nVersion: 1\n\n\u0000\u0001\u00ff garbage\n\n${ZLIB.replace(/\n/g, '\r\n')}`,
      }),
    );
    expect(records.map((r) => r.name)).toEqual(['zlib1g']);
    expect(skipped).toBe(3);
  });

  it('names a package installed for two architectures name:arch', () => {
    const i386 = ZLIB.replace('Architecture: amd64', 'Architecture: i386');
    const { records } = readDpkg(files({ 'var/lib/dpkg/status': `${ZLIB}\n${i386}` }));
    expect(records.map((r) => r.name)).toEqual(['zlib1g:amd64', 'zlib1g:i386']);
  });
});
