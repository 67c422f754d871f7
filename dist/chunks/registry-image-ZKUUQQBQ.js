import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  RegistryError,
  Session,
  compressedFromManifest,
  parseReference,
  resolveImage,
  runnerPlatform
} from "./chunk-WQ5X7DHV.js";
import {
  configDigest,
  fromSummaries,
  parseImageConfig,
  summarizeLayer
} from "./chunk-XVBP4U7C.js";
import "./chunk-VRCMAYR7.js";
import "./chunk-KPJIGWYP.js";
import "./chunk-IYZ2ET24.js";
import "./chunk-2IQNWKMG.js";
import "./chunk-24J7FLEC.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";
import "./chunk-6S3NRT4R.js";

// src/registry/registry-image.ts
var LAYER_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.layer.v1.tar",
  "application/vnd.oci.image.layer.v1.tar+gzip",
  "application/vnd.oci.image.layer.v1.tar+zstd",
  "application/vnd.docker.image.rootfs.diff.tar",
  "application/vnd.docker.image.rootfs.diff.tar.gzip",
  "application/vnd.docker.image.rootfs.diff.tar.zstd"
]);
var FOREIGN = /nondistributable|foreign/;
var CONFIG_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.config.v1+json",
  "application/vnd.docker.container.image.v1+json"
]);
var DEFAULT_TIMEOUT_SECONDS = 60;
async function openRegistryImage(ref, options = {}) {
  const parsed = parseReference(ref);
  if (!parsed) throw new UserError(`${ref} is not an image reference: write registry:NAME[:TAG][@DIGEST]`);
  const env = options.env ?? process.env;
  const session = new Session(parsed, options.fetch ?? fetch, options.timeoutMs ?? timeoutOf(env), env);
  const platform = options.platform ?? runnerPlatform();
  try {
    const resolved = await resolveImage(session, ref, platform, true);
    const manifest = resolved.manifest;
    const configDescriptor = manifest.config;
    if (configDescriptor.mediaType && !CONFIG_TYPES.has(configDescriptor.mediaType)) {
      throw new UserError(
        `${ref} is an artifact (config ${configDescriptor.mediaType.slice(0, 80)}), not a container image`
      );
    }
    const layers = manifest.layers;
    for (const layer of layers) {
      if (!layer.digest || !LAYER_TYPES.has(layer.mediaType ?? "") && !FOREIGN.test(layer.mediaType ?? ""))
        throw new UserError(
          `${ref} has a layer of unknown media type ${(layer.mediaType ?? "(none)").slice(0, 80)}: not a container image image-guard reads`
        );
    }
    const configBytes = await session.blob(configDescriptor.digest, 16 * 1024 * 1024);
    const id = configDigest(configBytes);
    const config = parseImageConfig(configBytes, `the config of ${ref}`);
    if (config.diffIds.length !== layers.length) {
      throw new UserError(
        `${ref}: the manifest lists ${layers.length} layers but the config has ${config.diffIds.length} diff_ids`
      );
    }
    return {
      configDigest: id,
      manifestDigest: resolved.manifestDigest,
      ...resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {},
      config,
      compressed: compressedFromManifest(layers, config.diffIds),
      read: (shownAs, readOptions) => readLayers(session, layers, config, shownAs, readOptions).then((summaries) => ({
        ref: shownAs,
        id,
        config,
        ...fromSummaries(summaries, { files: readOptions.files })
      }))
    };
  } catch (error) {
    throw asUserError(error);
  }
}
function timeoutOf(env) {
  const text = env.IMAGE_GUARD_REGISTRY_TIMEOUT;
  if (text === void 0 || text === "") return DEFAULT_TIMEOUT_SECONDS * 1e3;
  const seconds = Number(text);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    throw new UserError(
      `IMAGE_GUARD_REGISTRY_TIMEOUT=${JSON.stringify(text.slice(0, 40))} is not a number of seconds above 0`
    );
  }
  return seconds * 1e3;
}
function asUserError(error) {
  return error instanceof RegistryError ? new UserError(error.message) : error;
}
async function readLayers(session, layers, config, shownAs, options) {
  const total = layers.reduce((n, l) => n + (l.size ?? 0), 0);
  let done = 0;
  const progress = (n) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const keyOf = (index) => config.diffIds[index];
  const tally = { readBytes: 0, readLayers: 0, skippedBytes: 0, skippedLayers: 0 };
  const store = options.store;
  const stored = /* @__PURE__ */ new Map();
  if (store) {
    const unique = [...new Set(config.diffIds)];
    const found = await Promise.all(unique.map((d) => store.get(d).catch(() => null)));
    unique.forEach((d, i) => {
      const layer = found[i];
      if (layer) stored.set(d, layer.summary);
    });
  }
  const writes = [];
  const readFresh = (layer, index) => {
    const key = keyOf(index);
    const cached = stored.get(key);
    if (cached) {
      progress(layer.size ?? 0);
      tally.skippedBytes += layer.size ?? 0;
      tally.skippedLayers++;
      return Promise.resolve(cached);
    }
    const foreign = FOREIGN.test(layer.mediaType ?? "");
    const reading = foreign ? foreignLayer(layer, index, shownAs, options) : readBlob(session, layer, index, shownAs, options.files, progress).then((summary) => {
      tally.readBytes += layer.size ?? 0;
      tally.readLayers++;
      if (store) {
        const write = store.put(key, { summary, blob: layer.digest ?? null, tarBytes: null }).catch(() => void 0);
        (options.writes ?? writes).push(write);
      }
      return summary;
    });
    options.shared?.set(key, reading);
    reading.catch(() => {
      if (options.shared?.get(key) === reading) options.shared.delete(key);
    });
    return reading;
  };
  const readOne = (layer, index) => {
    const known = options.shared?.get(keyOf(index));
    if (!known) return readFresh(layer, index);
    return known.then(
      (summary) => {
        progress(layer.size ?? 0);
        tally.skippedBytes += layer.size ?? 0;
        tally.skippedLayers++;
        return summary;
      },
      () => readFresh(layer, index)
    );
  };
  const out = new Array(layers.length);
  const left = layers.map((_, i) => i);
  const pick = () => {
    const own = left.findIndex((i) => !options.shared?.has(keyOf(i)));
    return left.splice(Math.max(own, 0), 1)[0];
  };
  let failed = false;
  const worker = async () => {
    while (left.length > 0 && !failed) {
      const index = pick();
      try {
        out[index] = await readOne(layers[index], index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 2, layers.length));
  await Promise.all(Array.from({ length: workers }, worker));
  await Promise.all(writes);
  options.onTally?.(tally);
  return out;
}
async function foreignLayer(layer, index, shownAs, options) {
  options.onNote?.(
    `${shownAs}: layer ${index} (${layer.digest?.slice(0, 19)}) is a foreign layer, which registries do not serve: it is left out (0 bytes, no files)`
  );
  return { entries: [], whiteouts: [], opaqueDirs: [], size: 0 };
}
async function readBlob(session, layer, index, shownAs, files, progress) {
  const digest = layer.digest;
  const blob = session.blobStream(digest, layer.size)[Symbol.asyncIterator]();
  let blobError = null;
  const source = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        try {
          const r = await blob.next();
          if (!r.done) progress(r.value.length);
          return r;
        } catch (error) {
          blobError = error;
          throw error;
        }
      },
      return: async () => ({ done: true, value: void 0 })
    })
  };
  const drain = async () => {
    for (let r = await blob.next(); !r.done; r = await blob.next()) progress(r.value.length);
  };
  let summary;
  try {
    summary = await summarizeLayer(source, {
      name: `${index} (${digest.slice(0, 19)}) of ${shownAs}`,
      files
    });
  } catch (error) {
    if (blobError) throw asUserError(blobError);
    try {
      await drain();
    } catch (cause) {
      await blob.return?.(void 0);
      throw asUserError(cause);
    }
    throw error;
  }
  try {
    await drain();
  } catch (error) {
    await blob.return?.(void 0);
    throw asUserError(error);
  }
  return summary;
}
export {
  openRegistryImage
};
