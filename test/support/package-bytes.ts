// What an image's packages weigh, measured inside a container of the image itself: the one yardstick the tests
// hold image-guard's package bytes to (test/analysis/packages.itg.test.ts, and the demo's package diff in
// test/support/demo-package-diff.ts). dpkg-query for the Debian packages, Python's importlib.metadata for
// distributions, a walk of /app's node_modules for npm; for each package the bytes of its files as lstat measures
// them: regular files only, a symlinked directory on the way followed, a hard-linked inode once per package, a
// path listed by two packages counted for the first (Debian packages first, each ecosystem in name order).
import { docker } from './engine.js';

export type Ecosystem = 'deb' | 'python' | 'npm';
/** name, version, bytes. */
export type PackageRow = [string, string, number];

/** Runs inside the image; argv: the ecosystems to measure. Prints {deb, python, npm} as sorted rows. */
const PACKAGE_BYTES = String.raw`
import json, os, stat, subprocess, sys

UNPACKED = {'installed', 'unpacked', 'half-installed', 'half-configured', 'triggers-awaited', 'triggers-pending'}
wanted = set(sys.argv[1:])
claimed = set()

def real(path):
    d, b = os.path.split(path)
    return os.path.join(os.path.realpath(d), b)

def count(paths):
    total, inodes = 0, set()
    for path in paths:
        p = real(path)
        try:
            st = os.lstat(p)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or p in claimed:
            continue
        claimed.add(p)
        if st.st_ino in inodes:
            continue
        inodes.add(st.st_ino)
        total += st.st_size
    return total

out = {'deb': [], 'python': [], 'npm': []}
if 'deb' in wanted:
    fmt = '\t'.join('$' + '{%s}' % k for k in ['db:Status-Status', 'Package', 'Version']) + '\n'
    q = subprocess.run(['dpkg-query', '-W', '-f', fmt], capture_output=True, text=True)
    for status, name, version in sorted((l.split('\t') for l in q.stdout.splitlines()), key=lambda r: r[1]):
        if status in UNPACKED:
            listed = subprocess.run(['dpkg-query', '-L', name], capture_output=True, text=True).stdout.splitlines()
            out['deb'].append([name, version, count(listed)])

if 'python' in wanted:
    import importlib.metadata as md
    dists = []
    for site in ['/usr/local/lib/python3.13/dist-packages', '/usr/lib/python3/dist-packages']:
        for d in md.distributions(path=[site]):
            meta = str(d._path)
            paths = [os.path.join(meta, f) for f in os.listdir(meta)] if os.path.isdir(meta) else [meta]
            paths += [str(d.locate_file(f)) for f in (d.files or [])]
            dists.append((d.metadata['Name'], d.version, paths))
    for name, version, paths in sorted(dists):
        out['python'].append([name, version, count(paths)])

if 'npm' in wanted:
    for top, dirs, files in os.walk('/app'):
        parts = top.split('/')
        if 'package.json' in files and (parts[-2] == 'node_modules' or (len(parts) > 2 and parts[-3] == 'node_modules' and parts[-2].startswith('@'))):
            manifest = json.load(open(os.path.join(top, 'package.json')))
            below = []
            for t, ds, fs in os.walk(top):
                if t == top and 'node_modules' in ds:
                    ds.remove('node_modules')
                below += [os.path.join(t, f) for f in fs]
            out['npm'].append([manifest['name'], manifest['version'], count(below)])
    out['npm'].sort()
print(json.dumps(out))
`;

/**
 * The packages of an image with their bytes, measured inside a container of it (as root, without a network):
 * rows sorted by name for each ecosystem asked for, none for the others. The image needs python3.
 */
export async function packagesInside(
  ref: string,
  ecosystems: readonly Ecosystem[] = ['deb', 'python', 'npm'],
): Promise<Record<Ecosystem, PackageRow[]>> {
  const out = await docker([
    'run',
    '--rm',
    '--network',
    'none',
    '--user',
    '0',
    '--entrypoint',
    'python3',
    ref,
    '-c',
    PACKAGE_BYTES,
    ...ecosystems,
  ]);
  return JSON.parse(out) as Record<Ecosystem, PackageRow[]>;
}

/** The installed Debian packages' bytes inside an image: name → bytes. */
export async function debBytesInside(ref: string): Promise<Record<string, number>> {
  const { deb } = await packagesInside(ref, ['deb']);
  return Object.fromEntries(deb.map(([name, , bytes]) => [name, bytes]));
}
