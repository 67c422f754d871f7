import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  lintResult,
  looksLikeDockerfile
} from "./chunk-FLWQEM3A.js";
import {
  scanContext
} from "./chunk-JBCH6BUI.js";
import {
  formatBytes
} from "./chunk-IIRAH6Y5.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";

// src/lint/index.ts
import { open, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
var MAX_DOCKERFILE_BYTES = 1024 * 1024;
async function readDockerfile(path) {
  let size;
  try {
    const st = await stat(path);
    if (st.isDirectory())
      throw new UserError(
        `${path} is a directory: give the Dockerfile's path (e.g. ${path.replace(/\/+$/, "")}/Dockerfile)`
      );
    if (!st.isFile()) throw new UserError(`${path} is not a regular file`);
    size = st.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path} not found: give the path of a Dockerfile`);
  }
  let bytes;
  try {
    if (size > MAX_DOCKERFILE_BYTES) {
      const handle = await open(path, "r");
      try {
        const head = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        bytes = head.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    } else bytes = await readFile(path);
  } catch (error) {
    throw new UserError(`${path} cannot be read: ${error.code ?? "error"}`);
  }
  if (size > MAX_DOCKERFILE_BYTES) {
    const head = new TextDecoder("utf-8").decode(bytes);
    if (bytes.includes(0) || !looksLikeDockerfile(head))
      throw new UserError(`${path} is ${formatBytes(size)} and not a Dockerfile`);
    return {
      text: "",
      bom: false,
      problems: [],
      tooLarge: `the Dockerfile is ${formatBytes(size)}: image-guard lints Dockerfiles up to ${formatBytes(MAX_DOCKERFILE_BYTES)}. Split it, or generate a smaller one`
    };
  }
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) {
    throw new UserError(`${path} is UTF-16: save it as UTF-8`);
  }
  if (bytes.includes(0)) throw new UserError(`${path} is a binary file, not a Dockerfile`);
  const bom = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), bom, problems: [] };
  } catch {
    const text = new TextDecoder("utf-8").decode(bytes);
    if (!looksLikeDockerfile(text))
      throw new UserError(`${path} is not UTF-8 text and holds no Dockerfile instruction`);
    const lines = text.split("\n");
    const bad = lines.findIndex((l) => l.includes("\uFFFD"));
    return {
      text,
      bom,
      problems: [
        {
          line: bad + 1,
          message: `line ${bad + 1} holds bytes that are not UTF-8: save the Dockerfile as UTF-8`
        }
      ]
    };
  }
}
async function lintDockerfileResult(dockerfilePath, opts) {
  const { text, problems, tooLarge } = await readDockerfile(dockerfilePath);
  if (tooLarge) {
    const findings = lintResult("FROM scratch\n", null, {
      file: dockerfilePath,
      config: opts.config,
      readProblems: [{ line: 1, message: tooLarge }]
    }).findings.filter((f) => f.rule === "IG000");
    return { findings, judged: null };
  }
  let context = null;
  let scan = null;
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
    readProblems: problems
  });
  if (opts.context !== null && result.final) await readDevPaths(result.final, opts.context);
  return { ...result, context: scan };
}
async function readDevPaths(final, contextDir) {
  for (const step of final.steps) {
    if (!step.npm?.lockfile) continue;
    try {
      const lock = JSON.parse(await readFile(join(contextDir, step.npm.lockfile), "utf8"));
      step.npm.devPaths = Object.entries(lock.packages ?? {}).filter(([path, entry]) => path.startsWith("node_modules/") && entry?.dev === true).map(([path]) => path);
    } catch {
    }
  }
}
function defaultContext(dockerfilePath) {
  return dirname(dockerfilePath);
}

export {
  readDockerfile,
  lintDockerfileResult,
  defaultContext
};
