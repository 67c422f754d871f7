// The lint entry points for the CLI, `compare` and the Action: `lintDockerfileResult`, which reads the Dockerfile
// and its build context from disk, and `defaultContext`. `lint` and `readContext` are exported for
// scripts/bench.mjs, which bundles this file (of the working tree and of an older revision) and calls them.
import { open, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { formatBytes } from '../core/size.js';
import { type ContextInfo, type ContextScan, scanContext } from './context.js';
import { type LintPolicy, type LintResult, lintResult, looksLikeDockerfile } from './engine.js';
import type { FinalSteps } from './final-steps.js';
import type { Problem } from './parse.js';

export { readContext } from './context.js';
export { lint } from './engine.js';

/** Far larger than any real Dockerfile: beyond it the file is reported (IG000), not linted. */
const MAX_DOCKERFILE_BYTES = 1024 * 1024;

export interface DockerfileText {
  /** The file's text, without a UTF-8 byte order mark. */
  text: string;
  /** The file starts with a UTF-8 byte order mark (which `text` leaves out). */
  bom: boolean;
  problems: Problem[];
  /** Set when the file is too large to lint: the reason, reported as IG000 at line 1. */
  tooLarge?: string;
}

/** Reads a Dockerfile as UTF-8; bad input is a UserError (not a Dockerfile at all) or an IG000 problem. */
export async function readDockerfile(path: string): Promise<DockerfileText> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory())
      throw new UserError(
        `${path} is a directory: give the Dockerfile's path (e.g. ${path.replace(/\/+$/, '')}/Dockerfile)`,
      );
    if (!st.isFile()) throw new UserError(`${path} is not a regular file`);
    size = st.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path} not found: give the path of a Dockerfile`);
  }
  let bytes: Buffer;
  try {
    if (size > MAX_DOCKERFILE_BYTES) {
      const handle = await open(path, 'r');
      try {
        const head = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        bytes = head.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    } else bytes = await readFile(path);
  } catch (error) {
    throw new UserError(`${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (size > MAX_DOCKERFILE_BYTES) {
    const head = new TextDecoder('utf-8').decode(bytes);
    if (bytes.includes(0) || !looksLikeDockerfile(head))
      throw new UserError(`${path} is ${formatBytes(size)} and not a Dockerfile`);
    return {
      text: '',
      bom: false,
      problems: [],
      tooLarge: `the Dockerfile is ${formatBytes(size)}: image-guard lints Dockerfiles up to ${formatBytes(MAX_DOCKERFILE_BYTES)}. Split it, or generate a smaller one`,
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UserError(`${path} is UTF-16: save it as UTF-8`);
  }
  if (bytes.includes(0)) throw new UserError(`${path} is a binary file, not a Dockerfile`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom, problems: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    if (!looksLikeDockerfile(text))
      throw new UserError(`${path} is not UTF-8 text and holds no Dockerfile instruction`);
    const lines = text.split('\n');
    const bad = lines.findIndex((l) => l.includes('\ufffd'));
    return {
      text,
      bom,
      problems: [
        {
          line: bad + 1,
          message: `line ${bad + 1} holds bytes that are not UTF-8: save the Dockerfile as UTF-8`,
        },
      ],
    };
  }
}

export interface LintFileOptions {
  context: string | null;
  target?: string;
  /** `os/arch[/variant]` for the automatic platform ARGs (default linux/amd64). */
  platform?: string;
  /** Names of extra build contexts, which `COPY --from=NAME` may use. */
  buildContexts?: readonly string[];
  config?: LintPolicy;
}

/**
 * Lints a Dockerfile on disk against its build context (null: judge the Dockerfile alone). Findings come back
 * filtered by inline ignores and the config's `ignore` and `severity`, sorted by line, with the stage judged as
 * the final image (null when none could be judged), and the context as it was read (`context`: null when it
 * was not, the Dockerfile having no COPY or ADD), which a fixer can take instead of reading it again.
 */
export async function lintDockerfileResult(
  dockerfilePath: string,
  opts: LintFileOptions,
): Promise<LintResult & { context?: ContextScan | null }> {
  const { text, problems, tooLarge } = await readDockerfile(dockerfilePath);
  if (tooLarge) {
    // only the IG000 finding: nothing else can be judged (the config may still switch IG000 off)
    const findings = lintResult('FROM scratch\n', null, {
      file: dockerfilePath,
      config: opts.config,
      readProblems: [{ line: 1, message: tooLarge }],
    }).findings.filter((f) => f.rule === 'IG000');
    return { findings, judged: null };
  }
  let context: ContextInfo | null = null;
  let scan: ContextScan | null = null;
  if (opts.context !== null && /^[ \t]*(copy|add)[ \t]/im.test(text)) {
    try {
      if (!(await stat(opts.context)).isDirectory())
        throw new UserError(`context ${opts.context} is not a directory`);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`context ${opts.context} not found: give the build context directory`);
    }
    scan = scanContext(opts.context, dockerfilePath);
    context = scan.info;
  }
  const result = lintResult(text, context, {
    file: dockerfilePath,
    dockerfileName: basename(dockerfilePath),
    target: opts.target,
    platform: opts.platform,
    buildContexts: opts.buildContexts,
    config: opts.config,
    readProblems: problems,
  });
  if (opts.context !== null && result.final) await readDevPaths(result.final, opts.context);
  // the context as read, for a fixer that comes after (the Action's review suggestions): it need not read it again
  return { ...result, context: scan };
}

/** The lockfile entries only development needs, for each npm install step that copied a lockfile (IG013's cost). */
async function readDevPaths(final: FinalSteps, contextDir: string): Promise<void> {
  for (const step of final.steps) {
    if (!step.npm?.lockfile) continue;
    try {
      const lock = JSON.parse(await readFile(join(contextDir, step.npm.lockfile), 'utf8')) as {
        packages?: Record<string, { dev?: boolean }>;
      };
      step.npm.devPaths = Object.entries(lock.packages ?? {})
        .filter(([path, entry]) => path.startsWith('node_modules/') && entry?.dev === true)
        .map(([path]) => path);
    } catch {
      // unreadable or not npm's lockfile v2/v3: the cost is not measured
    }
  }
}

/** The context `lint` uses when none is given: the Dockerfile's directory. */
export function defaultContext(dockerfilePath: string): string {
  return dirname(dockerfilePath);
}
