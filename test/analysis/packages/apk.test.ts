import { describe, expect, it } from 'vitest';
import { readApk } from '../../../src/analysis/packages/apk.js';

// Records in the shape apk 2 writes to /lib/apk/db/installed (Alpine 3.19's musl and alpine-baselayout-data).
const MUSL = `C:Q1Fz9Ydu1tAiV0SrdF55fvXEUCMnk=
P:musl
V:1.2.4_git20230717-r4
A:x86_64
S:407278
I:663552
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Natanael Copa <ncopa@alpinelinux.org>
t:1704373036
c:0e7a42e1c3e7de1f9d7b63ec5b2e5cbb05a14b49
p:so:libc.musl-x86_64.so.1=1
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1ZmmN9jr0yk+ZWA7gGcbDngvcbEI=
R:libc.musl-x86_64.so.1
a:0:0:777
Z:Q17yJ3JFNypA4mxhJJr0ou6CzsJVI=
`;

const BASELAYOUT = `C:Q1k6s6GP0Vt4mUl1P2bpTqIbP2bEo=
P:alpine-baselayout-data
V:3.4.3-r2
A:x86_64
S:11264
I:77824
T:Alpine base dir structure and init scripts
F:etc
R:fstab
Z:Q11Q7hNe8QpDS531guqCdrXBzoA/o=
R:group
Z:Q12Otk4M39fP2Zjkobu0nC9FvlRI0=
F:etc/apk
F:etc/profile.d
R:color_prompt.sh.disabled
Z:Q10wL23GuSCVfumMRgakabUI6EsSk=
`;

const META = `P:alpine-base
V:3.19.1-r0
A:x86_64
I:0
`;

describe('readApk', () => {
  it('reads name, version, files (R: under the F: before it) and the declared size', () => {
    const { records, skipped } = readApk(
      new Map([['lib/apk/db/installed', Buffer.from(`${MUSL}\n${BASELAYOUT}\n${META}\n`)]]),
    );
    expect(skipped).toBe(0);
    expect(records).toEqual([
      {
        ecosystem: 'apk',
        name: 'musl',
        version: '1.2.4_git20230717-r4',
        location: '/lib/apk/db/installed',
        files: ['lib/ld-musl-x86_64.so.1', 'lib/libc.musl-x86_64.so.1'],
        declared: 663552,
      },
      {
        ecosystem: 'apk',
        name: 'alpine-baselayout-data',
        version: '3.4.3-r2',
        location: '/lib/apk/db/installed',
        files: ['etc/fstab', 'etc/group', 'etc/profile.d/color_prompt.sh.disabled'],
        declared: 77824,
      },
      // No file at all: the declared size is what there is.
      {
        ecosystem: 'apk',
        name: 'alpine-base',
        version: '3.19.1-r0',
        location: '/lib/apk/db/installed',
        declared: 0,
      },
    ]);
  });

  it('skips a record without a name or version and reads the rest', () => {
    const { records, skipped } = readApk(
      new Map([['lib/apk/db/installed', Buffer.from(`V:1\nR:x\n\n\u0000\u00ff\n\n${MUSL}`)]]),
    );
    expect(records.map((r) => r.name)).toEqual(['musl']);
    expect(skipped).toBe(2);
  });
});
