// Paths the workflow names (the Dockerfile, the context, the config) must stay inside the workspace: a PR could
// add `Dockerfile -> /etc/shadow`, or an input could say `../../etc/passwd`, and the run would read a file of
// the runner's and quote it in a public comment. Symlinks are followed, then the real path is checked.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '../core/errors.js';

/** The absolute path of `path` (relative to the workspace); a UserError when it resolves outside it. */
export function insideWorkspace(workspace: string, path: string, what: string): string {
  const abs = resolve(workspace, path);
  const real = realOrNearest(abs);
  const root = realOrNearest(resolve(workspace));
  const rel = relative(root, real);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new UserError(
      `${what} ${JSON.stringify(path)} resolves outside the workspace: give a path inside the repository`,
    );
  }
  return abs;
}

/** The real path; for a path that does not exist (yet), that of its nearest existing parent plus the rest. */
function realOrNearest(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = resolve(path, '..');
    if (parent === path) return path;
    return resolve(realOrNearest(parent), relative(parent, path));
  }
}
