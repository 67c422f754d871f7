import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  MAX_JSON_MEMBER,
  configDigest,
  fromSummaries,
  packageFileBudget,
  parseImageConfig,
  planImage,
  readSaveStream,
  summarizeLayer
} from "./chunk-XVBP4U7C.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";

// src/image/archive-ref.ts
import { createReadStream, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
var PREFIXES = ["docker-archive", "oci-archive", "oci"];
function parseArchiveRef(spec) {
  for (const kind of PREFIXES) {
    if (spec.startsWith(`${kind}:`)) return { kind, path: spec.slice(kind.length + 1) };
  }
  return null;
}
function isArchiveRef(spec) {
  return parseArchiveRef(spec) !== null;
}
var READ_CHUNK = 1024 * 1024;
async function readArchiveRef(spec, opts) {
  const parsed = parseArchiveRef(spec);
  if (!parsed || parsed.path === "") {
    throw new UserError(
      `"${spec}" is not an archive reference: use docker-archive:PATH, oci-archive:PATH or oci:DIR`
    );
  }
  const { path, select, stats } = locate(parsed.kind, parsed.path, spec);
  if (parsed.kind === "oci") {
    if (!stats.isDirectory())
      throw new UserError(`${path} is not a folder: oci: takes an OCI image layout folder`);
    return readOciDir(path, spec, {
      files: opts.files,
      count: opts.count,
      select,
      onProgress: opts.onProgress
    });
  }
  if (stats.isDirectory()) {
    throw new UserError(
      `${path} is a folder: ${parsed.kind}: takes a tar file (use oci:${path} for a layout folder)`
    );
  }
  if (!stats.isFile()) {
    throw new UserError(
      `${path} is ${kindOf(stats)}, not a regular file: ${parsed.kind}: takes a tar file (docker save -o FILE, skopeo copy \u2026 ${parsed.kind}:FILE)`
    );
  }
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  try {
    const progress = opts.onProgress;
    return await readSaveStream(stream, {
      ref: spec,
      files: opts.files,
      count: opts.count,
      select,
      onProgress: progress && ((bytes) => progress(bytes, stats.size))
    });
  } finally {
    stream.destroy();
  }
}
function locate(kind, raw, spec) {
  const found = statOrNull(raw);
  if (found) return { path: raw, stats: found };
  const colon = raw.lastIndexOf(":");
  if (colon > 0) {
    const path = raw.slice(0, colon);
    const stats = statOrNull(path);
    if (stats) return { path, select: raw.slice(colon + 1), stats };
  }
  const what = kind === "oci" ? "folder" : "file";
  throw new UserError(`no such ${what}: ${raw} (from ${spec}); check the path`);
}
function kindOf(stats) {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}
function statOrNull(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
async function readOciDir(dir, spec, opts) {
  const json = (member) => {
    const file = join(dir, member);
    const stats = statOrNull(file);
    if (!stats?.isFile() || stats.size > MAX_JSON_MEMBER) return void 0;
    return readFileSync(file);
  };
  if (!json("index.json")) {
    throw new UserError(
      `${dir} has no index.json: it is not an OCI image layout (make one with skopeo copy \u2026 oci:DIR)`
    );
  }
  const plan = planImage((p) => p === "manifest.json" ? void 0 : json(p), spec, opts.select);
  const configBytes = json(plan.config);
  if (!configBytes)
    throw new UserError(`${spec} lacks the image config ${plan.config} its manifest points at`);
  const config = parseImageConfig(configBytes, `config ${plan.config} in ${spec}`);
  if (plan.layers.length !== config.diffIds.length) {
    throw new UserError(
      `${spec}: the manifest lists ${plan.layers.length} layers but the config has ${config.diffIds.length} diff_ids`
    );
  }
  const files = plan.layers.map((layer) => {
    const file = join(dir, layer);
    const stats = statOrNull(file);
    if (!stats?.isFile()) {
      throw new UserError(`${spec} lacks the layer ${layer} its manifest points at: copy the image again`);
    }
    return { layer, file, size: stats.size };
  });
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  const summaries = [];
  const packageFiles = packageFileBudget();
  for (const { layer, file } of files) {
    const stream = createReadStream(file, { highWaterMark: READ_CHUNK });
    const report = opts.onProgress;
    async function* counted() {
      for await (const chunk of stream) {
        done += chunk.length;
        report?.(done, total);
        yield chunk;
      }
    }
    try {
      summaries.push(
        await summarizeLayer(counted(), {
          name: `${layer} in ${spec}`,
          files: opts.files,
          count: opts.count,
          packageFiles
        })
      );
    } finally {
      stream.destroy();
    }
  }
  return { ref: spec, id: configDigest(configBytes), config, ...fromSummaries(summaries, opts) };
}

export {
  isArchiveRef,
  readArchiveRef
};
