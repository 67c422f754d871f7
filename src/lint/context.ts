// The build context as the engine would send it: one walk, the ignore file applied as the engine applies it.
// Directories the ignore file excludes are not entered unless a `!` pattern could re-include something
// below them; `.git` is recognised by name like every other listed path, and only entered when the ignore
// file lets it through (then its bytes are what the ignore file would save).
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { rootedPath } from '../core/rooted-path.js';
import { IgnoreMatcher, readIgnoreFile as ignorePatterns } from './dockerignore.js';

/** Paths IG008 looks for at any depth of the context. */
export const HEAVY_PATHS = [
  '.git',
  '.venv',
  'venv',
  'node_modules',
  '__pycache__',
  '.env',
  '.pytest_cache',
  '.mypy_cache',
];
const HEAVY = new Set(HEAVY_PATHS);
/** Counted only when they are virtual environments: a type-stub package may well be named `venv`. */
const VENV_NAMES = new Set(['.venv', 'venv']);

/** A directory holding `pyvenv.cfg`, which `python -m venv`, virtualenv and uv all write. */
function isVirtualenv(source: TreeSource, path: string, entry: TreeEntry): boolean {
  if (!entry.dir) return false;
  try {
    return source.list(path).some((c) => c.name === 'pyvenv.cfg' && !c.dir);
  } catch {
    return false;
  }
}

export interface HeavyPath {
  path: string;
  bytes: number;
}

export interface ContextInfo {
  /** The ignore file in effect, as a path relative to the current directory of the caller, or null. */
  ignoreFile: string | null;
  /** Files and symlinks that reach the engine (slash paths relative to the context root). */
  files: string[];
  /** Directories that reach the engine. */
  dirs: Set<string>;
  /** Listed heavy paths that the ignore file lets through, with the bytes they add. */
  heavy: HeavyPath[];
  /** The paths the ignore file re-includes on purpose (its `!` patterns, without the `!`). */
  reincluded?: string[];
}

export interface TreeEntry {
  name: string;
  dir: boolean;
}

/** What the walker reads: a real directory or, in tests, a listing. */
export interface TreeSource {
  list(dir: string): TreeEntry[];
  size(path: string): number;
}

export function walkContext(
  source: TreeSource,
  ignoreText: string | null,
  ignoreFile: string | null,
): ContextInfo {
  const matcher = ignoreText === null ? null : IgnoreMatcher.fromText(ignoreText);
  const files: string[] = [];
  const dirs = new Set<string>();
  const heavy: (HeavyPath & { sent: boolean })[] = [];

  const addParents = (p: string) => {
    let slash = p.lastIndexOf('/');
    while (slash > 0) {
      const parent = p.slice(0, slash);
      if (dirs.has(parent)) break;
      dirs.add(parent);
      slash = parent.lastIndexOf('/');
    }
  };

  const walk = (
    dir: string,
    inside: (HeavyPath & { sent: boolean }) | null,
    ancestors: readonly number[] | null,
  ) => {
    let entries: TreeEntry[];
    try {
      entries = source.list(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = dir === '' ? e.name : `${dir}/${e.name}`;
      const excluded = matcher ? matcher.excludesWithin(p, ancestors) : false;
      let owner = inside;
      if (!owner && HEAVY.has(e.name) && (!VENV_NAMES.has(e.name) || isVirtualenv(source, p, e))) {
        owner = { path: p, bytes: 0, sent: !excluded };
        heavy.push(owner);
      }
      if (e.dir) {
        if (excluded && matcher!.canSkipDirectory(p)) continue;
        if (!excluded) {
          dirs.add(p);
          addParents(p);
        }
        walk(p, owner, matcher ? matcher.ancestorMatches(p, ancestors) : null);
      } else if (!excluded) {
        files.push(p);
        addParents(p);
        if (owner) {
          owner.sent = true;
          try {
            owner.bytes += source.size(p);
          } catch {
            // vanished or unreadable: counts as 0
          }
        }
      }
    }
  };
  walk('', null, null);
  return {
    ignoreFile,
    files,
    dirs,
    heavy: heavy.filter((h) => h.sent).map(({ path, bytes }) => ({ path, bytes })),
    reincluded:
      ignoreText === null
        ? []
        : ignorePatterns(ignoreText)
            .filter((p) => p.startsWith('!'))
            .map((p) => p.slice(1)),
  };
}

export function fsTree(root: string): TreeSource {
  return {
    list(dir) {
      return readdirSync(join(root, dir), { withFileTypes: true }).map((d) => ({
        name: d.name,
        dir: d.isDirectory(),
      }));
    },
    size(path) {
      return lstatSync(join(root, path)).size;
    },
  };
}

/**
 * A tree whose listings and sizes are read from `source` once each: a second walk (with another ignore file)
 * lists only the directories the first did not enter.
 */
export function keptTree(source: TreeSource): TreeSource {
  const lists = new Map<string, TreeEntry[]>();
  const sizes = new Map<string, number>();
  return {
    list(dir) {
      let entries = lists.get(dir);
      if (!entries) {
        entries = source.list(dir); // a directory that cannot be listed throws each time, as before
        lists.set(dir, entries);
      }
      return entries;
    },
    size(path) {
      let size = sizes.get(path);
      if (size === undefined) {
        size = source.size(path);
        sizes.set(path, size);
      }
      return size;
    },
  };
}

/**
 * A build context read once: what reaches the engine, the ignore file's text, and the listing walked (kept), so
 * the fixer (src/app/fix-context.ts) can take what the lint read instead of reading the context again.
 */
export interface ContextScan {
  /** The context directory as given. */
  dir: string;
  info: ContextInfo;
  /** The ignore file's text (of `info.ignoreFile`), or null when there is none. */
  ignoreText: string | null;
  /** The context's listing, as far as the walk read it; a walk with another ignore file reads only the rest. */
  tree: TreeSource;
}

/**
 * Reads a build context directory. The ignore file is `<Dockerfile>.dockerignore` beside the Dockerfile when
 * it exists (BuildKit's rule), else `.dockerignore` at the context root.
 */
export function readContext(contextDir: string, dockerfilePath: string | null): ContextInfo {
  return scanContext(contextDir, dockerfilePath).info;
}

/** readContext, keeping the ignore file's text and the listing for a later walk. */
export function scanContext(contextDir: string, dockerfilePath: string | null): ContextScan {
  if (!statSync(contextDir).isDirectory()) throw new Error(`${contextDir} is not a directory`);
  const candidates: string[] = [];
  if (dockerfilePath)
    candidates.push(join(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`));
  candidates.push(join(contextDir, '.dockerignore'));
  let ignoreText: string | null = null;
  let ignoreFile: string | null = null;
  for (const c of candidates) {
    ignoreText = readIgnoreFile(c);
    if (ignoreText !== null) {
      ignoreFile = c;
      break;
    }
  }
  const tree = keptTree(fsTree(contextDir));
  return { dir: contextDir, info: walkContext(tree, ignoreText, ignoreFile), ignoreText, tree };
}

/** Largest ignore file read: real ones are a few KiB; a bigger one is a mistake or an attack. */
const MAX_IGNORE_BYTES = 1024 * 1024;

/**
 * The ignore file's text, or null when there is none. Only a regular file is read: it is opened without
 * blocking and checked before a byte is read, so a FIFO (which would wait for a writer forever) or a device
 * like /dev/zero (which never ends) is one clear error.
 */
function readIgnoreFile(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null; // not there (or unreadable, which the engine would refuse on its own)
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      throw new UserError(
        `${path} is ${kindOf(st)}, not a regular file: an ignore file must be a plain text file`,
      );
    }
    if (st.size > MAX_IGNORE_BYTES) {
      throw new UserError(
        `${path} is ${st.size} bytes: image-guard reads ignore files up to ${MAX_IGNORE_BYTES} bytes (1 MiB); shorten it (a real one is a few KiB)`,
      );
    }
    const bytes = Buffer.alloc(st.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return bytes.subarray(0, got).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function kindOf(st: import('node:fs').Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

/** A tree from a listing: `{ 'src/app.py': 120, 'empty/': 0 }` (a trailing `/` marks a directory). */
export function memoryTree(listing: Record<string, number>): TreeSource {
  const children = new Map<string, Map<string, boolean>>();
  const sizes = new Map<string, number>();
  const add = (path: string, dir: boolean) => {
    const parts = path.split('/');
    for (let k = 0; k < parts.length; k++) {
      const parent = parts.slice(0, k).join('/');
      const isDir = k < parts.length - 1 || dir;
      if (!children.has(parent)) children.set(parent, new Map());
      const m = children.get(parent)!;
      m.set(parts[k]!, (m.get(parts[k]!) ?? false) || isDir);
    }
  };
  for (const [raw, size] of Object.entries(listing)) {
    const dir = raw.endsWith('/');
    const path = raw.replace(/\/+$/, '');
    add(path, dir);
    if (!dir) sizes.set(path, size);
  }
  return {
    list(dir) {
      return [...(children.get(dir) ?? new Map<string, boolean>()).entries()].map(([name, d]) => ({
        name,
        dir: d,
      }));
    },
    size(path) {
      return sizes.get(path) ?? 0;
    },
  };
}

/** Go's filepath.Match for one COPY source against slash paths (`*` and `?` never cross `/`). */
export function globToRegExp(glob: string): RegExp {
  let re = '^';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let cls = glob.slice(i + 1, end);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      re += `\\${glob[++i]}`;
    } else re += /[.+()|{}$^]/.test(c) ? `\\${c}` : c;
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return /^$/;
  }
}

export function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** A COPY source as a context path: no leading `./` or `/`, no trailing `/`; '' is the context root. */
export function contextPath(src: string): string {
  return rootedPath(src.replace(/\\/g, '/'));
}
