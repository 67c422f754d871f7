import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  biggestWasters,
  checkContent,
  fileIndexOf,
  imageLayers,
  isArchiveRef,
  largestFiles,
  mergeLayers,
  nonEmptyIndexes,
  normalizeInstruction,
  readArchiveRef,
  readSaveStream
} from "./chunk-M4FRV2NX.js";
import {
  codeFingerprint
} from "./chunk-3JUT2OWM.js";
import {
  registryAuth
} from "./chunk-OXC5L5OA.js";
import "./chunk-N2DJFWSA.js";
import {
  UserError
} from "./chunk-2YHXANQQ.js";
import {
  VERSION
} from "./chunk-UMRFFDX4.js";
import {
  referenceProblem,
  registryOf,
  withTag
} from "./chunk-AKU6XGOV.js";
import "./chunk-KDXOXGTE.js";

// src/analysis/explore.ts
var MAX_TREE_NODES = 12e3;
var MAX_LAYER_PATHS = 40;
var LayerChangeCollector = class {
  #layers = /* @__PURE__ */ new Map();
  #limit;
  constructor(limit = MAX_LAYER_PATHS) {
    this.#limit = limit;
  }
  written(layer, path, size, existed) {
    this.#add(layer, existed ? "changed" : "added", path, size, 1);
  }
  deleted(layer, path, bytes, files) {
    this.#add(layer, "deleted", path, bytes, files);
  }
  /** Every layer that was stacked, in the order of `indexes` (those without changes get zero totals). */
  result(indexes) {
    return indexes.map((i) => this.#layers.get(i) ?? emptyChanges(i));
  }
  #add(layer, kind, path, bytes, count) {
    let l = this.#layers.get(layer);
    if (!l) {
      l = emptyChanges(layer);
      this.#layers.set(layer, l);
    }
    l[kind].count += count;
    l[kind].bytes += bytes;
    const top = l.top[kind];
    if (top.length === this.#limit && bytes <= top[top.length - 1][1]) return;
    let at = top.length;
    while (at > 0 && top[at - 1][1] < bytes) at--;
    top.splice(at, 0, [path, bytes]);
    if (top.length > this.#limit) top.pop();
  }
};
function emptyChanges(layer) {
  return {
    layer,
    added: { count: 0, bytes: 0 },
    changed: { count: 0, bytes: 0 },
    deleted: { count: 0, bytes: 0 },
    top: { added: [], changed: [], deleted: [] }
  };
}
var KIND = { file: "f", dir: "d", symlink: "l", hardlink: "h", other: "o" };
function exploreTree(fs, maxNodes = MAX_TREE_NODES) {
  const { root, count } = copyTree(fs.root);
  let nodes = count;
  for (const [path, w] of fs.wasted) nodes += markWasted(root, path, w.bytes, w.layers);
  return { tree: fold(root, nodes, maxNodes), nodes };
}
function copyTree(fsRoot) {
  const root = { name: "", bytes: 0, files: 0, wasted: 0, layer: -1, kind: "d", children: [] };
  let count = 0;
  const stack = [];
  if (fsRoot.children) stack.push({ from: fsRoot.children.values(), to: root });
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const next = top.from.next();
    if (next.done) {
      stack.pop();
      const parent = stack[stack.length - 1]?.to;
      if (parent) {
        parent.bytes += top.to.bytes;
        parent.files += top.to.files;
      }
      continue;
    }
    const child = next.value;
    count++;
    const kind = child.kind === null ? "d" : KIND[child.kind];
    const work = {
      name: child.name,
      bytes: kind === "f" ? child.size : 0,
      files: kind === "f" || kind === "h" ? 1 : 0,
      wasted: 0,
      layer: child.kind === null ? -1 : child.layer,
      kind,
      children: kind === "d" ? [] : null
    };
    top.to.children.push(work);
    if (kind === "d") {
      if (child.children?.size) stack.push({ from: child.children.values(), to: work });
    } else {
      top.to.bytes += work.bytes;
      top.to.files += work.files;
    }
  }
  return { root, count };
}
function markWasted(root, path, bytes, layers) {
  let made = 0;
  let node2 = root;
  node2.wasted += bytes;
  const parts = path.split("/");
  for (let i = 1; i < parts.length; i++) {
    if (!node2.children) break;
    const name = parts[i];
    const last = i === parts.length - 1;
    node2.byName ??= new Map(node2.children.map((c) => [c.name, c]));
    let child = node2.byName.get(name);
    if (!child) {
      child = {
        name,
        bytes: 0,
        files: 0,
        wasted: 0,
        layer: last ? Math.max(-1, ...layers) : -1,
        kind: last ? "x" : "d",
        children: last ? null : []
      };
      node2.children.push(child);
      node2.byName.set(name, child);
      made++;
    }
    node2 = child;
    node2.wasted += bytes;
  }
  return made;
}
var weight = (w) => Math.max(w.bytes, w.wasted);
var heavierFirst = (a, b) => weight(b) - weight(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
function fold(root, nodes, maxNodes) {
  let keep = () => true;
  if (nodes > maxNodes) {
    const weights = new Float64Array(nodes);
    let n = 0;
    const stack = [root];
    while (stack.length > 0) {
      const node2 = stack.pop();
      if (!node2.children) continue;
      for (const c of node2.children) {
        weights[n++] = weight(c);
        if (c.children) stack.push(c);
      }
    }
    const sorted = weights.subarray(0, n).sort();
    const cut = sorted[n - maxNodes];
    let atOrAbove = 0;
    for (let i = n - 1; i >= 0 && sorted[i] >= cut; i--) atOrAbove++;
    keep = atOrAbove > maxNodes ? (w) => weight(w) > cut : (w) => weight(w) >= cut;
  }
  const out = node(root);
  const pending = [[root, out]];
  while (pending.length > 0) {
    const [work, tree] = pending.pop();
    if (!work.children) continue;
    const kept = [];
    let folded = null;
    for (const child of work.children) {
      if (keep(child)) kept.push(child);
      else {
        folded ??= [0, 0, 0, 0];
        folded[0]++;
        folded[1] += child.bytes;
        folded[2] += child.files;
        folded[3] += child.wasted;
      }
    }
    kept.sort(heavierFirst);
    tree[6] = kept.map((child) => {
      const t = node(child);
      pending.push([child, t]);
      return t;
    });
    tree[7] = folded;
  }
  return out;
}
function node(w) {
  return [w.name, w.bytes, w.files, w.wasted, w.layer, w.kind, w.children ? [] : null, null];
}

// src/analysis/analyze.ts
var shorten = (s, max) => s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
function describeLayer(layers, index) {
  const instruction = normalizeInstruction(layers[index]?.createdBy ?? "");
  return instruction ? `layer ${index} (\`${shorten(instruction, 60)}\`)` : `layer ${index}`;
}
function analyzeImage(data) {
  const layers = imageLayers(data);
  const size = layers.reduce((sum, l) => sum + l.size, 0);
  const compressed = computedCompressed(data);
  const extra = compressed ? { compressed } : {};
  if (!data.layers) {
    return { image: { ref: data.ref, id: data.id, size, layers, files: null, ...extra }, findings: [] };
  }
  const indexes = nonEmptyIndexes(layers);
  const changes = new LayerChangeCollector();
  const fs = mergeLayers(data.layers, indexes, changes);
  const { fileCount, largest } = largestFiles(fs.root);
  const files = {
    totalBytes: fs.totalBytes,
    wastedBytes: fs.wastedBytes,
    efficiency: fs.totalBytes === 0 ? 1 : 1 - fs.wastedBytes / fs.totalBytes,
    fileCount,
    largest,
    wasted: biggestWasters(fs)
  };
  const findings = checkContent({ root: fs.root, describeLayer: (i) => describeLayer(layers, i) });
  const explore = { ...exploreTree(fs), layers: changes.result(indexes) };
  const fileIndex = fileIndexOf(
    fs,
    layers.map((l) => l.diffId)
  );
  return {
    image: { ref: data.ref, id: data.id, size, layers, files, ...extra },
    findings,
    fileIndex,
    explore
  };
}
function computedCompressed(data) {
  const counted = data.layerCompressed ?? data.layers?.map((l) => l.compressed ?? null) ?? null;
  const diffIds = data.config.diffIds;
  if (!counted?.length || counted.length !== diffIds.length || counted.some((c) => !c)) return null;
  const all = counted;
  return {
    gzip: all.reduce((n, c) => n + c.gzip, 0),
    zstd: all.every((c) => c.zstd !== null) ? all.reduce((n, c) => n + c.zstd, 0) : null,
    source: "computed",
    layers: all.map((c, i) => ({ diffId: diffIds[i], gzip: c.gzip, zstd: c.zstd }))
  };
}

// src/cache/analysis-cache.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
var FORMAT = 4;
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
    diffIds: index.diffIds
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
  const { shared, rest, sizes, layers, diffIds } = v;
  if (!Array.isArray(shared) || !Array.isArray(rest) || !Array.isArray(sizes) || !Array.isArray(layers) || !Array.isArray(diffIds) || rest.length !== shared.length || sizes.length !== shared.length || layers.length !== shared.length || !diffIds.every((d) => d === null || typeof d === "string") || !sizes.every((n) => Number.isSafeInteger(n) && n >= 0) || !layers.every((n) => Number.isInteger(n) && n >= 0 && n < diffIds.length)) {
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
  return {
    paths,
    sizes,
    layers,
    diffIds
  };
}
function isEntry(value, key) {
  if (typeof value !== "object" || value === null) return false;
  const e = value;
  const image = e.image;
  return e.format === FORMAT && e.key === key && typeof e.sum === "string" && Array.isArray(e.findings) && (e.fileIndex === null || typeof e.fileIndex === "string") && typeof image === "object" && image !== null && typeof image.id === "string" && typeof image.size === "number" && Array.isArray(image.layers) && (e.explore === void 0 || typeof e.explore === "object" && e.explore !== null) && (image.files === null || typeof image.files === "object" && image.files !== void 0);
}

// src/engine/docker-engine.ts
import { existsSync } from "node:fs";
import { homedir as homedir2 } from "node:os";
import { join as join3 } from "node:path";

// src/engine/engine-api.ts
import { readFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { join as join2 } from "node:path";
import { Readable } from "node:stream";
var DEFAULT_STALL_SECONDS = 120;
var MAX_JSON_ANSWER = 32 * 1024 * 1024;
function engineTarget(address, env = process.env) {
  const bad = (why) => new UserError(
    `cannot use DOCKER_HOST=${JSON.stringify(address)} (${why}): set it like unix:///var/run/docker.sock or tcp://HOST:2375`
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
          ca: readFileSync(join2(env.DOCKER_CERT_PATH, "ca.pem")),
          cert: readFileSync(join2(env.DOCKER_CERT_PATH, "cert.pem")),
          key: readFileSync(join2(env.DOCKER_CERT_PATH, "key.pem"))
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
function apiPath(template, ...parts) {
  let i = 0;
  return template.replace(
    /\{\}/g,
    () => parts[i++].split("/").map((part) => encodeURIComponent(part).replace(/%3A/g, ":").replace(/%40/g, "@")).join("/")
  );
}
var CONNECTION_ERRORS = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ENOENT",
  "EACCES",
  "EPERM",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "ECONNRESET",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTSOCK"
]);
var EngineStatusError = class extends Error {
  constructor(status, said) {
    super(`HTTP ${status}: ${said}`);
    this.status = status;
    this.said = said;
  }
  status;
  said;
};
var EngineApi = class {
  constructor(address, target, stallMs = DEFAULT_STALL_SECONDS * 1e3) {
    this.address = address;
    this.target = target;
    this.stallMs = stallMs;
  }
  address;
  target;
  stallMs;
  #sshAgent;
  /** A request whose 2xx answer is JSON; throws EngineStatusError for other statuses, UserError for the rest. */
  async json(request3) {
    const res = await this.#send(request3);
    const body = await this.#readBody(res, request3);
    this.#check(res, request3, body);
    const type = String(res.headers["content-type"] ?? "");
    const text = body.toString("utf8");
    if (/^\s*(text\/html|application\/xhtml)/i.test(type) || !/^\s*[[{]/.test(text)) {
      throw this.#notApi(request3, type, text);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw this.#notApi(request3, type, text);
    }
  }
  /**
   * A request whose 2xx answer streams; the stream fails with a UserError when the engine sends nothing for
   * `stallMs` while it is being waited on (time the reader spends elsewhere does not count).
   */
  async stream(request3, doing) {
    const res = await this.#send(request3);
    if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) > 299) {
      this.#check(res, request3, await this.#readBody(res, request3));
    }
    const type = String(res.headers["content-type"] ?? "");
    if (/^\s*(text\/html|application\/xhtml)/i.test(type)) {
      throw this.#notApi(request3, type, (await this.#readBody(res, request3)).toString("utf8"));
    }
    const stalled = (bytes) => new UserError(
      `the Docker engine at ${this.address} stalled while it sent ${doing}: no data for ${seconds(this.stallMs)} after ${megabytes(bytes)}; check the engine (docker info), or raise IMAGE_GUARD_ENGINE_TIMEOUT (seconds, default ${DEFAULT_STALL_SECONDS})`
    );
    return new WatchedStream(res, this.stallMs, stalled, (error) => this.#failed(error, `send ${doing}`));
  }
  async #send(request3) {
    const query = request3.query ? `?${new URLSearchParams(request3.query)}` : "";
    const options = {
      method: request3.method,
      path: `${request3.path}${query}`,
      // Over a socket there is no host to name; over TCP Node names the engine's.
      headers: this.target.kind === "tcp" ? { ...request3.headers } : { Host: "docker", ...request3.headers }
    };
    let send = http.request;
    const target = this.target;
    if (target.kind === "socket") options.socketPath = target.socketPath;
    else if (target.kind === "tcp") {
      options.host = target.host;
      options.port = target.port;
      if (target.tls) {
        send = https.request;
        Object.assign(options, target.tls);
      }
    } else {
      options.agent = await this.#ssh(target);
    }
    return new Promise((resolve, reject) => {
      let req;
      try {
        req = send(options);
      } catch (error) {
        reject(this.#failed(error, describe(request3)));
        return;
      }
      req.setTimeout(this.stallMs, () => {
        req.destroy(
          new UserError(
            `the Docker engine at ${this.address} did not answer ${describe(request3)} within ${seconds(this.stallMs)}; check the engine (docker info), or raise IMAGE_GUARD_ENGINE_TIMEOUT (seconds, default ${DEFAULT_STALL_SECONDS})`
          )
        );
      });
      req.on(
        "error",
        (error) => reject(error instanceof UserError ? error : this.#failed(error, describe(request3)))
      );
      req.on("response", (res) => {
        req.setTimeout(0);
        res.on("error", () => {
        });
        const status = res.statusCode ?? 0;
        if (status >= 300 && status <= 399) {
          res.destroy();
          reject(
            new UserError(
              `the Docker engine at ${this.address} answered ${describe(request3)} with a redirect (HTTP ${status}), which image-guard does not follow: does DOCKER_HOST point at a Docker engine?`
            )
          );
          return;
        }
        resolve(res);
      });
      req.end();
    });
  }
  async #readBody(res, request3) {
    const parts = [];
    let size = 0;
    return new Promise((resolve, reject) => {
      const idle = () => {
        res.destroy();
        reject(
          new UserError(
            `the Docker engine at ${this.address} stopped sending its answer to ${describe(request3)}: no data for ${seconds(this.stallMs)}; check the engine (docker info), or raise IMAGE_GUARD_ENGINE_TIMEOUT (seconds, default ${DEFAULT_STALL_SECONDS})`
          )
        );
      };
      let timer = setTimeout(idle, this.stallMs);
      res.on("data", (chunk) => {
        clearTimeout(timer);
        timer = setTimeout(idle, this.stallMs);
        size += chunk.length;
        if (size > MAX_JSON_ANSWER) {
          clearTimeout(timer);
          res.destroy();
          reject(
            new UserError(
              `the Docker engine at ${this.address} answered ${describe(request3)} with more than ${MAX_JSON_ANSWER / 1024 / 1024} MiB: does DOCKER_HOST point at a Docker engine?`
            )
          );
          return;
        }
        parts.push(chunk);
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve(Buffer.concat(parts));
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(this.#failed(error, describe(request3)));
      });
    });
  }
  /** Throws EngineStatusError for an answer outside 2xx. */
  #check(res, request3, body) {
    const status = res.statusCode ?? 0;
    if (status >= 200 && status <= 299) return;
    const text = body.toString("utf8");
    let said;
    try {
      const message = JSON.parse(text).message;
      if (typeof message === "string") said = message;
    } catch {
    }
    if (said === void 0) {
      const type = String(res.headers["content-type"] ?? "");
      if (/html/i.test(type) || /^\s*</.test(text)) throw this.#notApi(request3, type, text, status);
      said = text;
    }
    throw new EngineStatusError(status, oneLine(said, 300));
  }
  #notApi(request3, type, text, status) {
    const what = type ? oneLine(type.split(";")[0], 40) : "no content type";
    const start = oneLine(text, 60);
    return new UserError(
      `the Docker engine at ${this.address} answered ${describe(request3)}${status ? ` with HTTP ${status}` : ""} with ${what} (${JSON.stringify(start)}), not the Engine API's JSON: does DOCKER_HOST point at a Docker engine?`
    );
  }
  #failed(error, doing) {
    const e = error;
    if (e?.code && CONNECTION_ERRORS.has(e.code)) {
      return new UserError(
        `no Docker engine answers at ${this.address} (${e.code}): start it, or set DOCKER_HOST to an engine that runs`
      );
    }
    return new UserError(
      `the Docker engine at ${this.address} failed during ${doing}: ${oneLine(e?.message ?? String(error), 200)}`
    );
  }
  #ssh(target) {
    this.#sshAgent ??= import("./lib-4K2K4YI2.js").then((ssh2) => {
      const Client = ssh2.Client ?? ssh2.default.Client;
      const agent = new http.Agent();
      agent.createConnection = ((_options, done) => {
        const conn = new Client();
        const fail = (error) => {
          conn.end();
          done(error);
        };
        conn.once("ready", () => {
          conn.exec("docker system dial-stdio", (error, channel) => {
            if (error) return fail(error);
            channel.once("close", () => conn.end());
            done(null, channel);
          });
        }).once("error", fail).connect({
          host: target.host,
          port: target.port,
          username: target.username,
          agent: process.env.SSH_AUTH_SOCK
        });
        return void 0;
      });
      return agent;
    });
    return this.#sshAgent;
  }
};
var WatchedStream = class extends Readable {
  constructor(res, stallMs, stalled, failed) {
    super({ highWaterMark: 1 << 20 });
    this.res = res;
    this.stallMs = stallMs;
    this.stalled = stalled;
    res.pause();
    res.on("data", (chunk) => {
      this.#disarm();
      this.#bytes += chunk.length;
      if (this.push(chunk)) this.#arm();
      else res.pause();
    });
    res.on("end", () => {
      this.#disarm();
      this.push(null);
    });
    res.on("error", (error) => this.destroy(failed(error)));
    res.on("aborted", () => this.destroy(failed(new Error("the connection closed mid-answer"))));
  }
  res;
  stallMs;
  stalled;
  #timer;
  #bytes = 0;
  _read() {
    this.#arm();
    this.res.resume();
  }
  _destroy(error, callback) {
    this.#disarm();
    this.res.destroy();
    callback(error);
  }
  #arm() {
    this.#disarm();
    this.#timer = setTimeout(() => this.destroy(this.stalled(this.#bytes)), this.stallMs);
  }
  #disarm() {
    clearTimeout(this.#timer);
    this.#timer = void 0;
  }
};
function describe(request3) {
  return `${request3.method} ${oneLine(request3.path, 120)}`;
}
function oneLine(text, max) {
  const flat = text.replace(/[^\x20-\x7e]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}\u2026` : flat;
}
function seconds(ms) {
  return ms >= 1e3 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
function megabytes(bytes) {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

// src/engine/docker-engine.ts
function engineAddress(env = process.env) {
  if (env.DOCKER_HOST) return env.DOCKER_HOST;
  const userSocket = join3(homedir2(), ".docker", "run", "docker.sock");
  return `unix://${existsSync(userSocket) ? userSocket : "/var/run/docker.sock"}`;
}
function engineStallSeconds(env = process.env) {
  const text = env.IMAGE_GUARD_ENGINE_TIMEOUT;
  if (text === void 0 || text === "") return DEFAULT_STALL_SECONDS;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UserError(
      `IMAGE_GUARD_ENGINE_TIMEOUT=${JSON.stringify(oneLine(text, 40))} is not a number of seconds above 0`
    );
  }
  return value;
}
function connectEngine(env = process.env) {
  const address = engineAddress(env);
  const api = new EngineApi(address, engineTarget(address, env), engineStallSeconds(env) * 1e3);
  return new ApiEngine(api);
}
var IMAGE_ID = /^[a-z0-9]+:[0-9a-f]{32,128}$/;
var ApiEngine = class {
  constructor(api) {
    this.api = api;
  }
  api;
  #containerd;
  get address() {
    return this.api.address;
  }
  async inspect(ref) {
    const request3 = this.#get("/images/{}/json", ref);
    let answer;
    try {
      answer = await this.api.json(request3);
    } catch (error) {
      if (error instanceof EngineStatusError && error.status === 404) return null;
      throw this.#explain(error, `inspect ${ref}`);
    }
    const image = answer;
    if (typeof image !== "object" || image === null || typeof image.Id !== "string" || !IMAGE_ID.test(image.Id) || image.RootFS?.Layers !== void 0 && !isStringArray(image.RootFS.Layers)) {
      throw this.#unexpected(request3, "an image without an id of the form sha256:HEX and its layers");
    }
    if (typeof image.Size !== "number") image.Size = 0;
    return image;
  }
  async history(ref) {
    const request3 = this.#get("/images/{}/history", ref);
    let answer;
    try {
      answer = await this.api.json(request3);
    } catch (error) {
      if (error instanceof EngineStatusError && error.status === 404) throw notFound(ref, this.address);
      throw this.#explain(error, `read the history of ${ref}`);
    }
    if (!Array.isArray(answer) || !answer.every(
      (row) => typeof row === "object" && row !== null && typeof row.CreatedBy === "string" && typeof row.Size === "number"
    )) {
      throw this.#unexpected(request3, "a history that is not a list of rows with CreatedBy and Size");
    }
    return answer.map((row) => ({ ...row, Comment: String(row.Comment ?? "") }));
  }
  async pull(ref) {
    checkRef(ref);
    const tagged = withTag(ref);
    const auth = registryAuth(registryOf(tagged));
    const { name, tag } = nameAndTag(tagged);
    const request3 = {
      method: "POST",
      path: "/images/create",
      query: { fromImage: name, tag },
      headers: auth ? { "X-Registry-Auth": Buffer.from(JSON.stringify(auth)).toString("base64url") } : {}
    };
    let stream;
    try {
      stream = await this.api.stream(request3, `the progress of pulling ${tagged}`);
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
      return await this.api.stream(this.#get("/images/{}/get", ref), `the export of ${ref} (docker save)`);
    } catch (error) {
      if (error instanceof EngineStatusError && error.status === 404) throw notFound(ref, this.address);
      throw this.#explain(error, `export ${ref}`);
    }
  }
  isContainerdStore() {
    const request3 = { method: "GET", path: "/info" };
    this.#containerd ??= this.api.json(request3).then(
      (info) => {
        const status = info?.DriverStatus ?? [];
        if (typeof info !== "object" || info === null || !Array.isArray(status)) {
          throw this.#unexpected(request3, "an info without a DriverStatus list");
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
  #unexpected(request3, what) {
    return new UserError(
      `the Docker engine at ${this.address} answered ${request3.method} ${request3.path} with ${what}: does DOCKER_HOST point at a Docker engine?`
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
  const engine = opts.engine ?? connectEngine();
  const image = await findImage(engine, ref, opts.pull);
  const diffIds = image.RootFS?.Layers ?? [];
  const containerd = await engine.isContainerdStore();
  if (opts.files || containerd) {
    const stream = await engine.exportImage(image.Id);
    try {
      const progress = opts.onProgress;
      const data = await readSaveStream(stream, {
        ref,
        files: opts.files,
        count: opts.count,
        select: ref,
        onProgress: progress && ((bytes) => progress(bytes, image.Size))
      });
      if (data.config.diffIds.join() !== diffIds.join() && !containerd) {
        throw new UserError(
          `the export of ${ref} does not match its inspect (the image changed while reading?): run again`
        );
      }
      const layerSizes2 = containerd ? data.layerSizes : sizesFromHistory(await engine.history(image.Id), data);
      return { ...data, ref, id: image.Id, layerSizes: layerSizes2 };
    } finally {
      stream.destroy();
    }
  }
  const items = await engine.history(image.Id);
  const { history, layerSizes } = historyFromEngine(items, diffIds.length);
  return { ref, id: image.Id, config: { diffIds, history }, layerSizes, layers: null };
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
    engine: options.engine
  });
}
async function analyzeRef(ref, options) {
  const cache = options.cache === void 0 ? defaultCache() : options.cache;
  const load = { ...options, count: options.pullSize !== false };
  if (!cache || isArchiveRef(ref)) return analyzeImage(await loadImage(ref, load));
  const engine = options.engine ?? connectEngine();
  const code = cacheCode();
  const keyOf = (id, diffIds) => cacheKey({ id, diffIds, code, files: options.files, count: load.count });
  const found = await engine.inspect(ref);
  const key = found ? keyOf(found.Id, found.RootFS?.Layers ?? []) : void 0;
  if (key) {
    const hit = await cache.get(key, ref);
    if (hit) return hit;
  }
  const analysis = analyzeImage(await loadImage(ref, { ...load, engine }));
  await cache.put(
    key ?? keyOf(
      analysis.image.id,
      analysis.image.layers.flatMap((l) => l.diffId ?? [])
    ),
    analysis
  );
  return analysis;
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
