import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  analyzeImage
} from "./chunk-32TH62ZH.js";
import {
  isArchiveRef,
  readArchiveRef
} from "./chunk-HD7YJO3N.js";
import "./chunk-DNIAJJEW.js";
import "./chunk-QPMSVJNA.js";
import {
  readSaveStream
} from "./chunk-M367CTP7.js";
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
import "./chunk-IFBXYHVM.js";
import "./chunk-RDRGCPW2.js";
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

// src/engine/engine-endpoint.ts
import { createHash as createHash2 } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir as homedir2 } from "node:os";
import { join as join2 } from "node:path";
function configDir(env) {
  return env.DOCKER_CONFIG || join2(homedir2(), ".docker");
}
function engineEndpoint(env = process.env) {
  if (env.DOCKER_HOST) return { address: env.DOCKER_HOST, target: engineTarget(env.DOCKER_HOST, env) };
  const context = currentContext(env);
  if (context !== null) return contextEndpoint(context, env);
  const address = defaultAddress();
  return { address, target: engineTarget(address, env) };
}
function defaultAddress() {
  const userSocket = join2(homedir2(), ".docker", "run", "docker.sock");
  return `unix://${existsSync(userSocket) ? userSocket : "/var/run/docker.sock"}`;
}
function currentContext(env) {
  if (env.DOCKER_CONTEXT) {
    return env.DOCKER_CONTEXT === "default" ? null : { name: env.DOCKER_CONTEXT, from: "DOCKER_CONTEXT" };
  }
  let config;
  try {
    config = JSON.parse(readFileSync(join2(configDir(env), "config.json"), "utf8"));
  } catch {
    return null;
  }
  const name = config?.currentContext;
  return typeof name === "string" && name !== "" && name !== "default" ? { name, from: `currentContext in ${join2(configDir(env), "config.json")}` } : null;
}
function contextEndpoint(context, env) {
  const store = join2(configDir(env), "contexts");
  const id = createHash2("sha256").update(context.name).digest("hex");
  const label = `the docker context ${JSON.stringify(context.name)} (${context.from})`;
  let meta;
  try {
    meta = JSON.parse(readFileSync(join2(store, "meta", id, "meta.json"), "utf8"));
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
    const tlsDir = join2(store, "tls", id, "docker");
    const read = (file) => existsSync(join2(tlsDir, file)) ? readFileSync(join2(tlsDir, file)) : void 0;
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
    engine: options.engine,
    engineTimeout: options.engineTimeout
  });
}
async function analyzeRef(ref, options) {
  const cache = options.cache === void 0 ? defaultCache() : options.cache;
  const load = { ...options, count: options.pullSize !== false };
  const remote = registrySource(ref);
  if (remote !== null) return analyzeRegistryRef(ref, remote, options, cache);
  if (isArchiveRef(ref) || !cache && !(options.shared && options.files))
    return analyzeImage(await loadImage(ref, load));
  const engine = options.engine ?? connectEngine(process.env, options.engineTimeout ?? null);
  const code = cacheCode();
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
async function analyzeRegistryRef(ref, remote, options, cache) {
  const { openRegistryImage } = await import("./registry-image-D5WB3QGA.js");
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
  const data = await image.read(ref, {
    files: options.files,
    onProgress: options.onProgress,
    onNote: options.onNote ?? ((note) => process.stderr.write(`image-guard: note: ${note}
`)),
    ...options.shared ? { shared: options.shared } : {}
  });
  const analysis = withSizes(analyzeImage(data));
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
