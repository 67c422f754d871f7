// The files that say which packages an image holds: package-manager databases and language package metadata.
// Their bodies are kept while a layer streams past (every other file body is skipped), so that the packages can
// be read after the layers are merged without exporting the image again. What is kept is bounded per image
// (`PackageFileBudget`); the rest of a database is dropped and the analysis says so.

/** Bytes of package files one image read keeps at most; 64 MiB holds the dpkg database of a large image many times. */
export const DEFAULT_PACKAGE_FILE_BUDGET = 64 * 1024 * 1024;

/** Kept bytes left for one image read; one object is shared by all of its layers. */
export interface PackageFileBudget {
  left: number;
}

export function packageFileBudget(bytes = DEFAULT_PACKAGE_FILE_BUDGET): PackageFileBudget {
  return { left: bytes };
}

const DPKG = 'var/lib/dpkg';

/**
 * Whether a regular file at `path` (normalized, no leading `/`; `base` its last segment) is one whose body the
 * package readers need: dpkg's `status`, `status.d/*` (distroless) and `info/*.list`, apk's `installed`, rpm's `rpmdb.sqlite`, Python's
 * `*.dist-info/{METADATA,RECORD}` and `*.egg-info` (a file, or `PKG-INFO` and `installed-files.txt` in a
 * directory), `node_modules/[@scope/]name/package.json` and RubyGems' `specifications/*.gemspec`. Called for
 * every member, so the common answer (no) costs a few string compares on the last segment.
 */
export function isPackageFile(path: string, base: string): boolean {
  switch (base) {
    case 'status':
      return path === `${DPKG}/status`;
    case 'installed':
      return path === 'lib/apk/db/installed';
    case 'rpmdb.sqlite':
      return path === 'var/lib/rpm/rpmdb.sqlite' || path === 'usr/lib/sysimage/rpm/rpmdb.sqlite';
    case 'METADATA':
    case 'RECORD':
      return parentName(path, base).endsWith('.dist-info');
    case 'PKG-INFO':
    case 'installed-files.txt':
      return parentName(path, base).endsWith('.egg-info');
    case 'package.json':
      return isNpmManifest(path);
  }
  if (base.endsWith('.list'))
    return path.length === DPKG.length + 6 + base.length && path.startsWith(`${DPKG}/info/`);
  if (base.endsWith('.gemspec')) return parentName(path, base) === 'specifications';
  if (base.endsWith('.egg-info')) return true;
  return path.length === DPKG.length + 10 + base.length && path.startsWith(`${DPKG}/status.d/`);
}

/** The name of the directory holding `path`, whose last segment is `base`. */
function parentName(path: string, base: string): string {
  const end = path.length - base.length - 1;
  if (end <= 0) return '';
  return path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}

/** `…node_modules/name/package.json` or `…node_modules/@scope/name/package.json`. */
function isNpmManifest(path: string): boolean {
  const parts = path.split('/');
  const n = parts.length;
  if (n >= 3 && parts[n - 3] === 'node_modules') return !parts[n - 2]!.startsWith('.');
  return n >= 4 && parts[n - 4] === 'node_modules' && parts[n - 3]!.startsWith('@');
}
