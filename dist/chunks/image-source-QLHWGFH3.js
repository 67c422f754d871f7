import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  analyzeImage
} from "./chunk-J6DLBQHV.js";
import {
  isArchiveRef,
  readArchiveRef
} from "./chunk-6CMD2RE7.js";
import "./chunk-DNIAJJEW.js";
import "./chunk-QPMSVJNA.js";
import {
  KnownLayerMismatch,
  configDigest,
  fromSummaries,
  parseImageConfig,
  readSaveStream,
  tallyOf
} from "./chunk-XVBP4U7C.js";
import "./chunk-VRCMAYR7.js";
import {
  registryAuth
} from "./chunk-KPJIGWYP.js";
import {
  codeFingerprint
} from "./chunk-U3MXK4HS.js";
import {
  VERSION
} from "./chunk-BKVAAZPZ.js";
import {
  referenceProblem,
  registryOf,
  registrySource,
  withTag
} from "./chunk-IYZ2ET24.js";
import "./chunk-IHQWYLZC.js";
import "./chunk-2IQNWKMG.js";
import "./chunk-24J7FLEC.js";
import "./chunk-IIRAH6Y5.js";
import {
  DEFAULT_STALL_SECONDS,
  EngineStatusError,
  apiPath,
  oneLine
} from "./chunk-LDHSXB4P.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";
import "./chunk-6S3NRT4R.js";

// src/cache/analysis-cache.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
var FORMAT = 5;
var SUFFIX = ".json";
var DEFAULT_MAX_ENTRIES = 50;
function cacheDir(env = process.env) {
  const explicit = env.IMAGE_GUARD_CACHE_DIR;
  if (explicit !== void 0 && explicit !== "") return explicit === "off" ? null : explicit;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "image-guard");
  return join(homedir(), ".cache", "image-guard");
}
function cacheKey(parts) {
  const canonical = JSON.stringify([
    FORMAT,
    parts.id,
    [...parts.diffIds],
    parts.code,
    parts.files,
    parts.count
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
var AnalysisCache = class {
  dir;
  maxEntries;
  constructor(dir, options = {}) {
    this.dir = dir;
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  }
  /** The analysis stored under `key`, given back under `ref`; null on a miss or an unreadable entry. */
  async get(key, ref) {
    const file = this.#file(key);
    let entry;
    try {
      entry = JSON.parse(await readFile(file, "utf8"));
    } catch {
      return null;
    }
    if (!isEntry(entry, key)) return null;
    if (entry.sum !== checksum(key, entry.image, entry.findings, entry.fileIndex, entry.explore)) return null;
    let fileIndex = null;
    if (entry.fileIndex !== null) {
      fileIndex = unpackIndex(entry.fileIndex);
      if (!fileIndex) return null;
      const count = entry.image.packages?.length ?? 0;
      if (fileIndex.owners?.some((owner) => owner >= count)) return null;
    }
    const now = /* @__PURE__ */ new Date();
    await utimes(file, now, now).catch(() => {
    });
    const analysis = { image: { ref, ...entry.image }, findings: entry.findings };
    if (fileIndex) analysis.fileIndex = fileIndex;
    if (entry.explore) analysis.explore = entry.explore;
    return analysis;
  }
  /** Stores an analysis (written to a temporary file, then renamed: readers never see half an entry). */
  async put(key, analysis) {
    const { ref: _ref, ...image } = analysis.image;
    const { findings, explore } = analysis;
    const fileIndex = analysis.fileIndex ? packIndex(analysis.fileIndex) : null;
    const entry = {
      format: FORMAT,
      key,
      sum: checksum(key, image, findings, fileIndex, explore),
      image,
      findings,
      fileIndex
    };
    if (explore) entry.explore = explore;
    const file = this.#file(key);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, JSON.stringify(entry));
      await rename(temp, file);
    } catch {
      await rm(temp, { force: true }).catch(() => {
      });
      return;
    }
    await this.#evict().catch(() => {
    });
  }
  #file(key) {
    return join(this.dir, `${key}${SUFFIX}`);
  }
  /** Keeps the `maxEntries` most recently used entries; drops the rest and temporary files left by a crash. */
  async #evict() {
    const names = await readdir(this.dir);
    const entries = [];
    const staleBefore = Date.now() - 60 * 60 * 1e3;
    for (const name of names) {
      const path = join(this.dir, name);
      if (/^[0-9a-f]{64}\.json$/.test(name)) {
        const s = await stat(path).catch(() => null);
        if (s) entries.push({ path, mtime: s.mtimeMs });
      } else if (name.endsWith(".tmp")) {
        const s = await stat(path).catch(() => null);
        if (s && s.mtimeMs < staleBefore) await rm(path, { force: true }).catch(() => {
        });
      }
    }
    if (entries.length <= this.maxEntries) return;
    entries.sort((a, b) => b.mtime - a.mtime);
    for (const old of entries.slice(this.maxEntries)) await rm(old.path, { force: true }).catch(() => {
    });
  }
};
function checksum(key, image, findings, fileIndex, explore) {
  return createHash("sha256").update(JSON.stringify([key, image, findings])).update(fileIndex ?? "").update(JSON.stringify(explore ?? null)).digest("hex");
}
function packIndex(index) {
  const shared = [];
  const rest = [];
  let previous = "";
  for (const path of index.paths) {
    let n = 0;
    const max = Math.min(previous.length, path.length);
    while (n < max && previous.charCodeAt(n) === path.charCodeAt(n)) n++;
    shared.push(n);
    rest.push(path.slice(n));
    previous = path;
  }
  const json = JSON.stringify({
    shared,
    rest,
    sizes: index.sizes,
    layers: index.layers,
    diffIds: index.diffIds,
    ...index.owners ? { owners: index.owners } : {}
  });
  return gzipSync(json, { level: 1 }).toString("base64");
}
function unpackIndex(packed) {
  let value;
  try {
    value = JSON.parse(gunzipSync(Buffer.from(packed, "base64")).toString("utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = value;
  const { shared, rest, sizes, layers, diffIds, owners } = v;
  if (!Array.isArray(shared) || !Array.isArray(rest) || !Array.isArray(sizes) || !Array.isArray(layers) || !Array.isArray(diffIds) || rest.length !== shared.length || sizes.length !== shared.length || layers.length !== shared.length || !diffIds.every((d) => d === null || typeof d === "string") || !sizes.every((n) => Number.isSafeInteger(n) && n >= 0) || !layers.every((n) => Number.isInteger(n) && n >= 0 && n < diffIds.length) || owners !== void 0 && (!Array.isArray(owners) || owners.length !== shared.length || !owners.every((n) => Number.isInteger(n) && n >= -1))) {
    return null;
  }
  const paths = [];
  let previous = "";
  for (let i = 0; i < shared.length; i++) {
    const n = shared[i];
    const tail = rest[i];
    if (!Number.isInteger(n) || n < 0 || n > previous.length || typeof tail !== "string") return null;
    previous = previous.slice(0, n) + tail;
    paths.push(previous);
  }
  const index = {
    paths,
    sizes,
    layers,
    diffIds
  };
  if (owners !== void 0) index.owners = owners;
  return index;
}
function isEntry(value, key) {
  if (typeof value !== "object" || value === null) return false;
  const e = value;
  const image = e.image;
  return e.format === FORMAT && e.key === key && typeof e.sum === "string" && Array.isArray(e.findings) && (e.fileIndex === null || typeof e.fileIndex === "string") && typeof image === "object" && image !== null && typeof image.id === "string" && typeof image.size === "number" && Array.isArray(image.layers) && (e.explore === void 0 || typeof e.explore === "object" && e.explore !== null) && (image.packages === void 0 || image.packages === null || Array.isArray(image.packages)) && (image.files === null || typeof image.files === "object" && image.files !== void 0);
}

// src/cache/layer-cache.ts
import { createHash as createHash2, randomBytes as randomBytes2 } from "node:crypto";
import { access, mkdir as mkdir2, readdir as readdir2, readFile as readFile2, rename as rename2, rm as rm2, stat as stat2, utimes as utimes2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
var gzipAsync = promisify(gzip);
var gunzipAsync = promisify(gunzip);
var FORMAT2 = 1;
var MAGIC = Buffer.from("IGL1");
var SUFFIX2 = ".igl";
var NAME = /^[0-9a-f]{64}\.igl$/;
var ALIAS = /^[0-9a-f]{64}\.iga$/;
var IMAGE = /^[0-9a-f]{64}\.igi$/;
var DEFAULT_MAX_LAYER_BYTES = 512 * 1024 * 1024;
var MAX_ALIASES = 4096;
var MAX_IMAGES = 256;
var KINDS = ["file", "dir", "symlink", "hardlink", "other"];
var KIND_CODE = { file: "f", dir: "d", symlink: "s", hardlink: "h", other: "o" };
var HINTS = /* @__PURE__ */ new Set(["private-key", "npm-token", "docker-auths"]);
function layerKey(diffId, parts) {
  return createHash2("sha256").update(JSON.stringify([FORMAT2, diffId, parts.code, parts.files, parts.count])).digest("hex");
}
var LayerCache = class {
  dir;
  maxBytes;
  /** `dir`: the layer folder itself (`layerCacheDir(cacheDir())`). */
  constructor(dir, options = {}) {
    this.dir = dir;
    this.maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_MAX_LAYER_BYTES);
  }
  /** The layer stored under these parts; null on a miss or an entry that does not check out. */
  async get(diffId, parts) {
    const key = layerKey(diffId, parts);
    const file = join2(this.dir, `${key}${SUFFIX2}`);
    let bytes;
    try {
      bytes = await readFile2(file);
    } catch {
      return null;
    }
    const layer = await unpackLayer(bytes, key, diffId);
    if (!layer) return null;
    const now = /* @__PURE__ */ new Date();
    await utimes2(file, now, now).catch(() => {
    });
    return layer;
  }
  /**
   * Stores a layer (a temporary file renamed into place: readers never see half an entry), then evicts down to
   * the bound. A summary that lost package files to the image's budget is not stored: it depends on the other
   * layers of the image it was read with.
   */
  async put(layer, parts) {
    if (layer.summary.packageFilesDropped) return;
    const key = layerKey(layer.diffId, parts);
    let bytes;
    try {
      bytes = await packLayer(layer, key);
    } catch {
      return;
    }
    if (await this.#write(`${key}${SUFFIX2}`, bytes)) await this.evict().catch(() => {
    });
  }
  /** The cache as the readers see it, for one way of reading. */
  view(parts) {
    return {
      count: parts.count,
      get: (diffId) => this.get(diffId, parts),
      has: (diffId) => access(join2(this.dir, `${layerKey(diffId, parts)}${SUFFIX2}`)).then(
        () => true,
        () => false
      ),
      put: (diffId, layer) => this.put({ diffId, ...layer }, parts),
      alias: (member) => this.alias(member),
      setAlias: (member, diffId) => this.setAlias(member, diffId),
      imageConfig: (id) => this.imageConfig(id),
      setImageConfig: (id, config) => this.setImageConfig(id, config)
    };
  }
  /** The diff ID an archive member (`<id>/layer.tar`, `blobs/sha256/…`) was found to hold; null if unknown. */
  async alias(member) {
    try {
      const text = await readFile2(join2(this.dir, `${aliasName(member)}`), "utf8");
      const [name, diffId] = text.split("\n");
      return name === member && diffId && /^sha256:[0-9a-f]{64}$/.test(diffId) ? diffId : null;
    } catch {
      return null;
    }
  }
  async setAlias(member, diffId) {
    const name = aliasName(member);
    const current = await this.alias(member);
    if (current === diffId) return;
    await this.#write(name, Buffer.from(`${member}
${diffId}`));
  }
  /** An image's config as stored under the engine's image ID; null when unknown or damaged. */
  async imageConfig(id) {
    let bytes;
    try {
      bytes = await readFile2(join2(this.dir, imageName(id)));
    } catch {
      return null;
    }
    const body = checked(bytes);
    if (!body) return null;
    const newline = body.indexOf(10);
    if (newline < 0 || body.toString("utf8", 0, newline) !== id) return null;
    return body.subarray(newline + 1);
  }
  async setImageConfig(id, config) {
    const body = Buffer.concat([Buffer.from(`${id}
`), config]);
    await this.#write(imageName(id), sealed(body));
  }
  /**
   * Keeps the most recently used layer entries within `maxBytes` (and a few thousand aliases and image
   * configs); drops temporary files a crash left behind.
   */
  async evict() {
    const names = await readdir2(this.dir);
    const layers = [];
    const small = { aliases: [], images: [] };
    const staleBefore = Date.now() - 60 * 60 * 1e3;
    for (const name of names) {
      const path = join2(this.dir, name);
      const bucket = NAME.test(name) ? layers : ALIAS.test(name) ? small.aliases : IMAGE.test(name) ? small.images : null;
      if (bucket) {
        const s = await stat2(path).catch(() => null);
        if (s) bucket.push({ path, mtime: s.mtimeMs, size: s.size });
      } else if (name.endsWith(".tmp")) {
        const s = await stat2(path).catch(() => null);
        if (s && s.mtimeMs < staleBefore) await rm2(path, { force: true }).catch(() => {
        });
      }
    }
    layers.sort((a, b) => b.mtime - a.mtime);
    let total = 0;
    for (const layer of layers) {
      total += layer.size;
      if (total > this.maxBytes) await rm2(layer.path, { force: true }).catch(() => {
      });
    }
    for (const [list, max] of [
      [small.aliases, MAX_ALIASES],
      [small.images, MAX_IMAGES]
    ]) {
      list.sort((a, b) => b.mtime - a.mtime);
      for (const old of list.slice(max)) await rm2(old.path, { force: true }).catch(() => {
      });
    }
  }
  async #write(name, bytes) {
    const file = join2(this.dir, name);
    const temp = `${file}.${process.pid}.${randomBytes2(4).toString("hex")}.tmp`;
    try {
      await mkdir2(this.dir, { recursive: true });
      await writeFile2(temp, bytes);
      await rename2(temp, file);
      return true;
    } catch {
      await rm2(temp, { force: true }).catch(() => {
      });
      return false;
    }
  }
};
function layerCacheDir(cacheDir2) {
  return join2(cacheDir2, "layers");
}
function aliasName(member) {
  return `${createHash2("sha256").update(member).digest("hex")}.iga`;
}
function imageName(id) {
  return `${createHash2("sha256").update(id).digest("hex")}.igi`;
}
function sealed(body) {
  return Buffer.concat([MAGIC, createHash2("sha256").update(body).digest(), body]);
}
function checked(bytes) {
  if (bytes.length < MAGIC.length + 32 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const body = bytes.subarray(MAGIC.length + 32);
  const sum = createHash2("sha256").update(body).digest();
  return sum.equals(bytes.subarray(MAGIC.length, MAGIC.length + 32)) ? body : null;
}
async function packLayer(layer, key) {
  const { summary } = layer;
  const n = summary.entries.length;
  let kinds = "";
  const sizes = new Array(n);
  const shared = new Array(n);
  const tails = new Array(n);
  const links = [];
  const secrets = [];
  let previous = "";
  for (let i = 0; i < n; i++) {
    const entry = summary.entries[i];
    kinds += KIND_CODE[entry.kind];
    sizes[i] = entry.size;
    const path = entry.path;
    let same = 0;
    const max = Math.min(previous.length, path.length);
    while (same < max && previous.charCodeAt(same) === path.charCodeAt(same)) same++;
    shared[i] = same;
    tails[i] = path.slice(same);
    previous = path;
    if (entry.linkTarget !== void 0) links.push([i, entry.linkTarget]);
    if (entry.secret) secrets.push([i, entry.secret]);
  }
  const text = Buffer.from(tails.join("\0"), "utf8");
  const bodies = [];
  let packageFiles = null;
  if (summary.packageFiles) {
    packageFiles = [];
    for (const [path, body2] of summary.packageFiles) {
      packageFiles.push([path, body2.length]);
      bodies.push(body2);
    }
  }
  const header = {
    format: FORMAT2,
    key,
    diffId: layer.diffId,
    blob: layer.blob,
    tarBytes: layer.tarBytes,
    size: summary.size,
    compressed: summary.compressed ?? null,
    kinds,
    sizes,
    shared,
    links,
    secrets,
    whiteouts: summary.whiteouts,
    opaqueDirs: summary.opaqueDirs,
    packageFiles,
    text: text.length
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const body = await gzipAsync(Buffer.concat([length, json, text, ...bodies]), { level: 6 });
  return sealed(body);
}
async function unpackLayer(bytes, key, diffId) {
  const body = checked(bytes);
  if (!body) return null;
  let plain;
  let header;
  try {
    plain = await gunzipAsync(body);
    const length = plain.readUInt32BE(0);
    header = JSON.parse(plain.toString("utf8", 4, 4 + length));
    plain = plain.subarray(4 + length);
  } catch {
    return null;
  }
  if (!isHeader(header) || header.key !== key || header.diffId !== diffId) return null;
  const n = header.kinds.length;
  if (header.text > plain.length) return null;
  const tails = n === 0 ? [] : plain.toString("utf8", 0, header.text).split("\0");
  if (tails.length !== n) return null;
  const entries = new Array(n);
  let previous = "";
  for (let i = 0; i < n; i++) {
    const same = header.shared[i];
    if (!(same >= 0 && same <= previous.length)) return null;
    const path = same === 0 ? tails[i] : previous.slice(0, same) + tails[i];
    const kind = KINDS[KINDS.findIndex((k) => KIND_CODE[k] === header.kinds[i])];
    if (!kind) return null;
    entries[i] = { path, kind, size: header.sizes[i] };
    previous = path;
  }
  for (const [i, target] of header.links) {
    const entry = entries[i];
    if (!entry || typeof target !== "string") return null;
    entry.linkTarget = target;
  }
  for (const [i, hint] of header.secrets) {
    const entry = entries[i];
    if (!entry || !HINTS.has(hint)) return null;
    entry.secret = hint;
  }
  const summary = {
    entries,
    whiteouts: header.whiteouts,
    opaqueDirs: header.opaqueDirs,
    size: header.size
  };
  if (header.packageFiles) {
    const packageFiles = /* @__PURE__ */ new Map();
    let at = header.text;
    for (const [path, length] of header.packageFiles) {
      if (typeof path !== "string" || !Number.isSafeInteger(length) || length < 0) return null;
      if (at + length > plain.length) return null;
      packageFiles.set(path, Buffer.from(plain.subarray(at, at + length)));
      at += length;
    }
    if (at !== plain.length) return null;
    summary.packageFiles = packageFiles;
  } else if (header.text !== plain.length) return null;
  if (header.compressed) summary.compressed = header.compressed;
  return { diffId, summary, blob: header.blob, tarBytes: header.tarBytes };
}
function isHeader(value) {
  if (typeof value !== "object" || value === null) return false;
  const h = value;
  const n = typeof h.kinds === "string" ? h.kinds.length : -1;
  return h.format === FORMAT2 && typeof h.key === "string" && typeof h.diffId === "string" && (h.blob === null || typeof h.blob === "string") && (h.tarBytes === null || Number.isSafeInteger(h.tarBytes)) && Number.isSafeInteger(h.size) && (h.compressed === null || typeof h.compressed === "object" && h.compressed !== void 0 && typeof h.compressed.gzip === "number" && (h.compressed.zstd === null || typeof h.compressed.zstd === "number")) && Array.isArray(h.sizes) && h.sizes.length === n && h.sizes.every((s) => Number.isSafeInteger(s) && s >= 0) && Array.isArray(h.shared) && h.shared.length === n && Array.isArray(h.links) && h.links.every((l) => Array.isArray(l) && l.length === 2) && Array.isArray(h.secrets) && h.secrets.every((l) => Array.isArray(l) && l.length === 2) && Array.isArray(h.whiteouts) && h.whiteouts.every((w) => typeof w === "string") && Array.isArray(h.opaqueDirs) && h.opaqueDirs.every((w) => typeof w === "string") && (h.packageFiles === null || Array.isArray(h.packageFiles) && h.packageFiles.every(Array.isArray)) && Number.isSafeInteger(h.text) && (h.text ?? -1) >= 0;
}

// src/engine/engine-endpoint.ts
import { createHash as createHash3 } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir as homedir2 } from "node:os";
import { join as join3 } from "node:path";
function configDir(env) {
  return env.DOCKER_CONFIG || join3(homedir2(), ".docker");
}
function engineEndpoint(env = process.env) {
  if (env.DOCKER_HOST) return { address: env.DOCKER_HOST, target: engineTarget(env.DOCKER_HOST, env) };
  const context = currentContext(env);
  if (context !== null) return contextEndpoint(context, env);
  const address = defaultAddress();
  return { address, target: engineTarget(address, env) };
}
function defaultAddress() {
  const userSocket = join3(homedir2(), ".docker", "run", "docker.sock");
  return `unix://${existsSync(userSocket) ? userSocket : "/var/run/docker.sock"}`;
}
function currentContext(env) {
  if (env.DOCKER_CONTEXT) {
    return env.DOCKER_CONTEXT === "default" ? null : { name: env.DOCKER_CONTEXT, from: "DOCKER_CONTEXT" };
  }
  let config;
  try {
    config = JSON.parse(readFileSync(join3(configDir(env), "config.json"), "utf8"));
  } catch {
    return null;
  }
  const name = config?.currentContext;
  return typeof name === "string" && name !== "" && name !== "default" ? { name, from: `currentContext in ${join3(configDir(env), "config.json")}` } : null;
}
function contextEndpoint(context, env) {
  const store = join3(configDir(env), "contexts");
  const id = createHash3("sha256").update(context.name).digest("hex");
  const label = `the docker context ${JSON.stringify(context.name)} (${context.from})`;
  let meta;
  try {
    meta = JSON.parse(readFileSync(join3(store, "meta", id, "meta.json"), "utf8"));
  } catch (error) {
    const code = error.code;
    throw new UserError(
      `cannot use ${label}: ${code === "ENOENT" ? `it is not in ${store}` : `its meta.json is unreadable (${code ?? "not JSON"})`}; docker context ls lists the contexts`
    );
  }
  const docker = meta?.Endpoints?.docker;
  const host = typeof docker?.Host === "string" && docker.Host !== "" ? docker.Host : defaultAddress();
  const target = engineTarget(host, {}, label);
  if (target.kind === "tcp") {
    const tlsDir = join3(store, "tls", id, "docker");
    const read = (file) => existsSync(join3(tlsDir, file)) ? readFileSync(join3(tlsDir, file)) : void 0;
    const tls = { ca: read("ca.pem"), cert: read("cert.pem"), key: read("key.pem") };
    for (const part of ["ca", "cert", "key"]) if (tls[part] === void 0) delete tls[part];
    if (docker?.SkipTLSVerify === true) tls.skipVerify = true;
    if (Object.keys(tls).length > 0) target.tls = { ...target.tls, ...tls };
  }
  return { address: host, target, context: context.name };
}
function engineTarget(address, env = process.env, source = "DOCKER_HOST") {
  const bad = (why) => new UserError(
    source === "DOCKER_HOST" ? `cannot use DOCKER_HOST=${JSON.stringify(address)} (${why}): set it like unix:///var/run/docker.sock or tcp://HOST:2375` : `cannot use ${source}: its host ${JSON.stringify(address)} is not usable (${why}); docker context inspect shows it`
  );
  if (address.startsWith("unix://")) {
    const socketPath = address.slice("unix://".length);
    if (!socketPath) throw bad("no socket path");
    return { kind: "socket", socketPath };
  }
  if (address.startsWith("npipe://")) {
    return { kind: "socket", socketPath: address.slice("npipe://".length) || "//./pipe/docker_engine" };
  }
  let url;
  try {
    url = new URL(address.includes("//") ? address : `tcp://${address}`);
  } catch {
    throw bad("not a URL");
  }
  if (!url.hostname) throw bad("no host");
  if (url.protocol === "ssh:") {
    return {
      kind: "ssh",
      host: url.hostname,
      port: Number(url.port || 22),
      username: decodeURIComponent(url.username)
    };
  }
  if (url.protocol !== "tcp:" && url.protocol !== "http:" && url.protocol !== "https:") {
    throw bad(`the scheme ${url.protocol} is not unix, npipe, tcp, http, https or ssh`);
  }
  const port = Number(url.port || (url.protocol === "https:" ? 2376 : 2375));
  const tls = url.protocol === "https:" || (env.DOCKER_TLS_VERIFY ?? "") !== "" || port === 2376;
  let certs = null;
  if (tls) {
    certs = {};
    if (env.DOCKER_CERT_PATH) {
      try {
        certs = {
          ca: readFileSync(join3(env.DOCKER_CERT_PATH, "ca.pem")),
          cert: readFileSync(join3(env.DOCKER_CERT_PATH, "cert.pem")),
          key: readFileSync(join3(env.DOCKER_CERT_PATH, "key.pem"))
        };
      } catch (error) {
        throw new UserError(
          `cannot read the TLS certificates in DOCKER_CERT_PATH=${env.DOCKER_CERT_PATH} (${error.code ?? "unreadable"}): it must hold ca.pem, cert.pem and key.pem`
        );
      }
    }
  }
  return { kind: "tcp", host: url.hostname.replace(/^\[|\]$/g, ""), port, tls: certs };
}

// src/engine/docker-engine.ts
function engineStallSeconds(env = process.env, timeout = null) {
  if (timeout !== null) return timeout;
  const text = env.IMAGE_GUARD_ENGINE_TIMEOUT;
  if (text === void 0 || text === "") return DEFAULT_STALL_SECONDS;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UserError(
      `IMAGE_GUARD_ENGINE_TIMEOUT=${JSON.stringify(oneLine(text, 40))} is not a number of seconds above 0: fix or unset it (or set engine-timeout)`
    );
  }
  return value;
}
function connectEngine(env = process.env, timeout = null) {
  const endpoint = engineEndpoint(env);
  const stallMs = engineStallSeconds(env, timeout) * 1e3;
  return new ApiEngine(
    endpoint.address,
    () => import("./engine-modem-432NVCJ3.js").then(({ ModemApi }) => new ModemApi(endpoint, stallMs, env))
  );
}
var IMAGE_ID = /^[a-z0-9]+:[0-9a-f]{32,128}$/;
var ApiEngine = class {
  constructor(address, load) {
    this.address = address;
    this.load = load;
  }
  address;
  load;
  #containerd;
  #api;
  /** The transport, loaded once. */
  get #engine() {
    this.#api ??= this.load();
    return this.#api;
  }
  async inspect(ref) {
    const request = this.#get("/images/{}/json", ref);
    let answer;
    try {
      answer = await (await this.#engine).json(request);
    } catch (error) {
      if (error instanceof EngineStatusError && error.status === 404) return null;
      throw this.#explain(error, `inspect ${ref}`);
    }
    const image = answer;
    if (typeof image !== "object" || image === null || typeof image.Id !== "string" || !IMAGE_ID.test(image.Id) || image.RootFS?.Layers !== void 0 && !isStringArray(image.RootFS.Layers)) {
      throw this.#unexpected(request, "an image without an id of the form sha256:HEX and its layers");
    }
    if (typeof image.Size !== "number") image.Size = 0;
    return image;
  }
  async history(ref) {
    const request = this.#get("/images/{}/history", ref);
    let answer;
    try {
      answer = await (await this.#engine).json(request);
    } catch (error) {
      if (error instanceof EngineStatusError && error.status === 404) throw notFound(ref, this.address);
      throw this.#explain(error, `read the history of ${ref}`);
    }
    if (!Array.isArray(answer) || !answer.every(
      (row) => typeof row === "object" && row !== null && typeof row.CreatedBy === "string" && typeof row.Size === "number"
    )) {
      throw this.#unexpected(request, "a history that is not a list of rows with CreatedBy and Size");
    }
    return answer.map((row) => ({ ...row, Comment: String(row.Comment ?? "") }));
  }
  async pull(ref) {
    checkRef(ref);
    const tagged = withTag(ref);
    const auth = registryAuth(registryOf(tagged));
    const { name, tag } = nameAndTag(tagged);
    const request = {
      method: "POST",
      path: "/images/create",
      query: { fromImage: name, tag },
      auth
    };
    let stream;
    try {
      stream = await (await this.#engine).stream(request, `the progress of pulling ${tagged}`);
    } catch (error) {
      throw this.#explain(error, `pull ${tagged}`);
    }
    let rest = "";
    let why = null;
    const consider = (line) => {
      if (why !== null || line.trim() === "") return;
      try {
        const event = JSON.parse(line);
        const said = event.errorDetail?.message ?? event.error;
        if (said) why = String(said);
      } catch {
        why = `its progress is not JSON (${JSON.stringify(oneLine(line, 60))})`;
      }
    };
    try {
      for await (const chunk of stream) {
        rest += chunk.toString("utf8");
        const lines = rest.split("\n");
        rest = lines.pop();
        for (const line of lines) consider(line);
        if (rest.length > 1024 * 1024) {
          why = "its progress has a line longer than 1 MiB";
          break;
        }
      }
      consider(rest);
    } catch (error) {
      throw this.#explain(error, `pull ${tagged}`);
    } finally {
      stream.destroy();
    }
    if (why !== null) {
      throw new UserError(
        `cannot pull ${tagged}: ${oneLine(why, 300)}; check the name and your registry login`
      );
    }
  }
  async exportImage(ref) {
    try {
      const request = this.#get("/images/{}/get", ref);
      return await (await this.#engine).stream(request, `the export of ${ref} (docker save)`);
    } catch (error) {
      if (error instanceof EngineStatusError && error.status === 404) throw notFound(ref, this.address);
      throw this.#explain(error, `export ${ref}`);
    }
  }
  isContainerdStore() {
    const request = { method: "GET", path: "/info" };
    this.#containerd ??= this.#engine.then((api) => api.json(request)).then(
      (info) => {
        const status = info?.DriverStatus ?? [];
        if (typeof info !== "object" || info === null || !Array.isArray(status)) {
          throw this.#unexpected(request, "an info without a DriverStatus list");
        }
        return status.some(
          (pair) => Array.isArray(pair) && pair[0] === "driver-type" && pair[1] === "io.containerd.snapshotter.v1"
        );
      },
      (error) => {
        throw this.#explain(error, "read the engine info");
      }
    );
    return this.#containerd;
  }
  /** A GET of one image's resource; the reference is checked first (ids from inspect are references too). */
  #get(template, ref) {
    checkRef(ref);
    return { method: "GET", path: apiPath(template, ref) };
  }
  #unexpected(request, what) {
    return new UserError(
      `the Docker engine at ${this.address} answered ${request.method} ${request.path} with ${what}: does DOCKER_HOST point at a Docker engine?`
    );
  }
  #explain(error, doing) {
    if (error instanceof UserError) return error;
    const message = error instanceof EngineStatusError ? error.said : oneLine(String(error?.message ?? error), 300);
    return new UserError(`the Docker engine at ${this.address} could not ${doing}: ${message}`);
  }
};
function checkRef(ref) {
  if (IMAGE_ID.test(ref)) return;
  const problem = referenceProblem(ref);
  if (problem !== null) {
    throw new UserError(
      `${JSON.stringify(oneLine(ref, 200))} is not an image reference: it ${problem}; nothing was sent to the Docker engine`
    );
  }
}
function isStringArray(value) {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
function nameAndTag(ref) {
  const at = ref.indexOf("@");
  if (at >= 0) return { name: ref.slice(0, at).replace(/:[^/:]*$/, ""), tag: ref.slice(at + 1) };
  const colon = ref.lastIndexOf(":");
  return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}
function notFound(ref, address) {
  return new UserError(`image ${ref} not found in the Docker engine at ${address}: build or pull it first`);
}

// src/engine/engine-image.ts
async function readEngineImage(ref, opts) {
  const engine = opts.engine ?? connectEngine(process.env, opts.engineTimeout ?? null);
  const image = await findImage(engine, ref, opts.pull);
  const diffIds = image.RootFS?.Layers ?? [];
  const containerd = await engine.isContainerdStore();
  if (opts.files || containerd) {
    const store = opts.store;
    let early = null;
    if (!store || !await hasAll(store, image.Id, diffIds)) {
      early = engine.exportImage(image.Id);
      early.catch(() => void 0);
    }
    const stored = store ? await storedLayers(store, diffIds) : /* @__PURE__ */ new Map();
    if (store && !early) {
      const all = await fromStore(store, image.Id, diffIds, stored, containerd, opts);
      if (all) {
        const layerSizes3 = containerd ? all.layerSizes : sizesFromHistory(await engine.history(image.Id), all);
        return { ...all, ref, layerSizes: layerSizes3 };
      }
    }
    let reads = [];
    let configBytes = null;
    const exportAndRead = async (known2) => {
      const started = early;
      early = null;
      const stream = await (started ?? engine.exportImage(image.Id));
      try {
        const progress = opts.onProgress;
        return await readSaveStream(stream, {
          ref,
          files: opts.files,
          count: opts.count,
          select: ref,
          onProgress: progress && ((bytes) => progress(bytes, image.Size)),
          ...known2 ? { known: known2 } : {},
          onLayers: (layers, config) => {
            reads = layers;
            configBytes = config;
          }
        });
      } finally {
        stream.destroy();
      }
    };
    const known = store && stored.size > 0 ? knownLayers(store, diffIds, stored) : void 0;
    let data;
    try {
      data = await exportAndRead(known);
    } catch (error) {
      if (!(error instanceof KnownLayerMismatch)) throw error;
      data = await exportAndRead(void 0);
    }
    if (data.config.diffIds.join() !== diffIds.join() && !containerd) {
      throw new UserError(
        `the export of ${ref} does not match its inspect (the image changed while reading?): run again`
      );
    }
    const layerSizes2 = containerd ? data.layerSizes : sizesFromHistory(await engine.history(image.Id), data);
    opts.onTally?.(tallyOf(reads));
    if (store && configBytes) {
      const writing = storeReads(store, image.Id, data.config.diffIds, reads, configBytes);
      if (opts.writes) opts.writes.push(writing);
      else await writing;
    }
    return { ...data, ref, id: image.Id, layerSizes: layerSizes2 };
  }
  const items = await engine.history(image.Id);
  const { history, layerSizes } = historyFromEngine(items, diffIds.length);
  return { ref, id: image.Id, config: { diffIds, history }, layerSizes, layers: null };
}
async function hasAll(store, id, diffIds) {
  if (diffIds.length === 0) return false;
  const found = await Promise.all(diffIds.map((d) => store.has(d).catch(() => false)));
  return found.every(Boolean) && await store.imageConfig(id).catch(() => null) !== null;
}
async function storedLayers(store, diffIds) {
  const unique = [...new Set(diffIds)];
  const found = await Promise.all(unique.map((d) => store.get(d).catch(() => null)));
  const stored = /* @__PURE__ */ new Map();
  unique.forEach((d, i) => {
    const layer = found[i];
    if (layer) stored.set(d, layer);
  });
  return stored;
}
async function fromStore(store, id, diffIds, stored, containerd, opts) {
  if (diffIds.length === 0) return null;
  const layers = diffIds.map((d) => stored.get(d));
  const fits = (l) => l !== void 0 && (!store.count || l.blob !== null === containerd);
  if (!layers.every(fits)) return null;
  const configBytes = await store.imageConfig(id).catch(() => null);
  if (!configBytes) return null;
  let config;
  try {
    config = parseImageConfig(configBytes, `the stored config of ${id}`);
  } catch {
    return null;
  }
  if (config.diffIds.join() !== diffIds.join()) return null;
  if (!containerd && configDigest(configBytes) !== id) return null;
  const summaries = layers.map((l) => l.summary);
  opts.onTally?.({
    readBytes: 0,
    readLayers: 0,
    skippedBytes: layers.reduce((n, l) => n + (l.tarBytes ?? l.summary.size), 0),
    skippedLayers: layers.length
  });
  return { ref: "", id, config, ...fromSummaries(summaries, { files: opts.files, count: opts.count }) };
}
function knownLayers(store, diffIds, stored) {
  const wanted = new Set(diffIds);
  const usable = (diffId, blob) => {
    const layer = stored.get(diffId);
    if (!layer || !wanted.has(diffId)) return null;
    if (store.count && layer.blob !== blob) return null;
    return { diffId, summary: layer.summary };
  };
  return {
    async lookup(path, size) {
      const digest = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(path)?.[1];
      if (digest && stored.has(`sha256:${digest}`)) return usable(`sha256:${digest}`, null);
      const alias = await store.alias(path).catch(() => null);
      if (alias) {
        const blob = digest !== void 0 && `sha256:${digest}` !== alias ? `sha256:${digest}` : null;
        const named = usable(alias, blob);
        if (named) return named;
      }
      if (digest || !path.endsWith("layer.tar")) return null;
      const candidates = /* @__PURE__ */ new Map();
      for (const [diffId, layer] of stored) {
        if (layer.tarBytes === size && layer.blob === null) candidates.set(diffId, layer.summary);
      }
      return candidates.size > 0 ? { candidates } : null;
    }
  };
}
async function storeReads(store, id, diffIds, reads, configBytes) {
  const small = [store.setImageConfig(id, configBytes)];
  const done = /* @__PURE__ */ new Set();
  const layers = [];
  reads.forEach((read, i) => {
    const diffId = diffIds[i];
    if (!diffId) return;
    if (read.path !== `blobs/sha256/${diffId.slice("sha256:".length)}`)
      small.push(store.setAlias(read.path, diffId));
    if (read.skipped || done.has(diffId)) return;
    if (store.count && read.blob === "unknown") return;
    done.add(diffId);
    layers.push([diffId, read]);
  });
  for (const [diffId, read] of layers) {
    await store.put(diffId, {
      summary: read.summary,
      blob: read.blob,
      tarBytes: read.blob === null ? read.bytes : null
    }).catch(() => void 0);
  }
  await Promise.all(small.map((w) => w.catch(() => void 0)));
}
function sizesFromHistory(items, data) {
  const rows = [...items].reverse();
  if (rows.length !== data.config.history.length) return data.layerSizes;
  const sizes = rows.filter((_, i) => !data.config.history[i].emptyLayer).map((r) => r.Size);
  return sizes.length === data.config.diffIds.length ? sizes : data.layerSizes;
}
async function findImage(engine, ref, pull) {
  const found = await engine.inspect(ref);
  if (found) return found;
  if (!pull) throw notFound(ref, engine.address);
  await engine.pull(ref);
  const pulled = await engine.inspect(ref);
  if (!pulled) throw notFound(ref, engine.address);
  return pulled;
}
function classifyInstruction(createdBy) {
  const line = createdBy.trim();
  if (line === "") return "maybe";
  const nop = /#\(nop\)\s*(\w+)/.exec(line);
  if (nop) return /^(ADD|COPY|WORKDIR)$/i.test(nop[1]) ? "layer" : "empty";
  const first = /^([A-Z]+)\s/.exec(line)?.[1];
  if (first && first !== "ADD" && first !== "COPY" && first !== "RUN" && first !== "WORKDIR") {
    return /^(ENV|CMD|ENTRYPOINT|LABEL|EXPOSE|USER|ARG|VOLUME|STOPSIGNAL|HEALTHCHECK|SHELL|ONBUILD|MAINTAINER)$/.test(
      first
    ) ? "empty" : "maybe";
  }
  return "layer";
}
function historyFromEngine(items, layerCount) {
  const rows = [...items].reverse();
  const makes = rows.map((r) => r.Size > 0);
  let count = makes.filter(Boolean).length;
  for (const wanted of ["layer", "maybe"]) {
    rows.forEach((row, i) => {
      if (count < layerCount && !makes[i] && classifyInstruction(row.CreatedBy) === wanted) {
        makes[i] = true;
        count++;
      }
    });
  }
  const history = rows.map((row, i) => {
    const entry = { createdBy: row.CreatedBy, emptyLayer: !makes[i] };
    if (row.Comment) entry.comment = row.Comment;
    return entry;
  });
  const layerSizes = rows.filter((_, i) => makes[i]).map((r) => r.Size);
  while (layerSizes.length < layerCount) layerSizes.push(0);
  return { history, layerSizes: layerSizes.slice(0, layerCount) };
}

// src/app/image-source.ts
async function loadImage(ref, options) {
  if (isArchiveRef(ref)) return readArchiveRef(ref, options);
  return readEngineImage(ref, {
    files: options.files,
    count: options.count,
    pull: true,
    onProgress: options.onProgress,
    engine: options.engine,
    engineTimeout: options.engineTimeout,
    ...options.store ? { store: options.store } : {},
    ...options.onTally ? { onTally: options.onTally } : {},
    ...options.writes ? { writes: options.writes } : {}
  });
}
async function analyzeRef(ref, options) {
  const cache = options.cache === void 0 ? defaultCache() : options.cache;
  const layers = options.layerCache === void 0 ? cache && new LayerCache(layerCacheDir(cache.dir)) : options.layerCache;
  const count = options.pullSize !== false;
  const code = cacheCode();
  const writes = [];
  const load = {
    ...options,
    count,
    writes,
    ...layers ? { store: layers.view({ code, files: options.files, count }) } : {}
  };
  const remote = registrySource(ref);
  if (remote !== null) return analyzeRegistryRef(ref, remote, options, cache, layers);
  if (isArchiveRef(ref) || !cache && !layers && !(options.shared && options.files))
    return analyzeImage(await loadImage(ref, load));
  const engine = options.engine ?? connectEngine(process.env, options.engineTimeout ?? null);
  const keyOf = (id, diffIds) => cacheKey({ id, diffIds, code, files: options.files, count: load.count });
  const found = await engine.inspect(ref);
  const key = found && cache ? keyOf(found.Id, found.RootFS?.Layers ?? []) : void 0;
  if (key && cache) {
    const hit = await cache.get(key, ref);
    if (hit) return hit;
  }
  const offered = offerLayers(options, found?.RootFS?.Layers ?? []);
  let data;
  try {
    data = await loadImage(ref, { ...load, engine });
  } catch (error) {
    offered?.settle(null);
    throw error;
  }
  offered?.settle(data);
  const analysis = analyzeImage(data);
  await Promise.all(writes);
  await cache?.put(
    key ?? keyOf(
      analysis.image.id,
      analysis.image.layers.flatMap((l) => l.diffId ?? [])
    ),
    analysis
  );
  return analysis;
}
function offerLayers(options, diffIds) {
  const shared = options.shared;
  if (!shared || !options.files || diffIds.length === 0) return null;
  const offered = /* @__PURE__ */ new Map();
  for (const diffId of new Set(diffIds)) {
    if (shared.has(diffId)) continue;
    let resolve;
    let reject;
    const promise = new Promise((ok, fail) => {
      resolve = ok;
      reject = () => fail(new Error("withdrawn"));
    });
    promise.catch(() => void 0);
    shared.set(diffId, promise);
    offered.set(diffId, { promise, resolve, reject });
  }
  return {
    settle(data) {
      for (const [diffId, offer] of offered) {
        const summary = data?.layers?.[data.config.diffIds.indexOf(diffId)];
        if (summary) offer.resolve(summary);
        else {
          if (shared.get(diffId) === offer.promise) shared.delete(diffId);
          offer.reject();
        }
      }
    }
  };
}
async function analyzeRegistryRef(ref, remote, options, cache, layers) {
  const { openRegistryImage } = await import("./registry-image-ZKUUQQBQ.js");
  const image = await openRegistryImage(remote, {
    ...options.platform ? { platform: platformOf(options.platform) } : {},
    ...options.registryEnv ? { env: options.registryEnv } : {}
  });
  const withSizes = (analysis2) => ({
    ...analysis2,
    image: { ...analysis2.image, compressed: image.compressed }
  });
  const key = cache ? cacheKey({
    id: image.configDigest,
    diffIds: image.config.diffIds,
    code: cacheCode(),
    files: options.files,
    count: false
  }) : void 0;
  if (cache && key) {
    const hit = await cache.get(key, ref);
    if (hit) return withSizes(hit);
  }
  const writes = [];
  const data = await image.read(ref, {
    files: options.files,
    onProgress: options.onProgress,
    onNote: options.onNote ?? ((note) => process.stderr.write(`image-guard: note: ${note}
`)),
    ...options.shared ? { shared: options.shared } : {},
    ...layers ? { store: layers.view({ code: cacheCode(), files: options.files, count: false }), writes } : {},
    ...options.onTally ? { onTally: options.onTally } : {}
  });
  const analysis = withSizes(analyzeImage(data));
  await Promise.all(writes);
  if (cache && key) await cache.put(key, analysis);
  return analysis;
}
function platformOf(text) {
  const [os, architecture, variant] = text.split("/");
  return { os, architecture, ...variant ? { variant } : {} };
}
function defaultCache(env = process.env) {
  const dir = cacheDir(env);
  if (!dir) return null;
  if (codeFingerprint() === null && !env.IMAGE_GUARD_CACHE_DIR) return null;
  return new AnalysisCache(dir);
}
function cacheCode() {
  return codeFingerprint() ?? `${VERSION}+sources`;
}
export {
  analyzeRef,
  loadImage
};
