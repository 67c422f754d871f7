import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  comparePaths,
  fileIndexOf
} from "./chunk-DNIAJJEW.js";
import {
  imageLayers,
  nonEmptyIndexes,
  normalizeInstruction
} from "./chunk-QPMSVJNA.js";
import {
  biggestWasters,
  checkContent,
  findPath,
  largestFiles,
  mergeLayers
} from "./chunk-IHQWYLZC.js";
import {
  rootedPath
} from "./chunk-24J7FLEC.js";

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

// src/analysis/packages/record.ts
import { posix } from "node:path";
function normalizeListed(path, base = "") {
  if (path === "") return null;
  if (path[0] === "/" && !path.includes("/.") && !path.includes("//") && !path.endsWith("/")) {
    return path.length > 1 ? path.slice(1) : null;
  }
  if (path.startsWith("/")) {
    const normalized2 = posix.normalize(path).replace(/^\/+/, "").replace(/\/+$/, "");
    return normalized2 === "" ? null : normalized2;
  }
  const normalized = posix.normalize(base === "" ? path : `${base}/${path}`).replace(/\/+$/, "");
  if (normalized === "." || normalized === ".." || normalized.startsWith("../")) return null;
  return normalized;
}
function dirOf(path) {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}
function headerFields(lines, keys) {
  const fields = /* @__PURE__ */ new Map();
  for (const line of lines) {
    if (line === "" || line[0] === " " || line[0] === "	") continue;
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon);
    if (keys.has(key) && !fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
  }
  return fields;
}
function linesOf(body) {
  const text = body.toString("utf8");
  return text.includes("\r") ? text.split(/\r?\n/) : text.split("\n");
}

// src/analysis/packages/apk.ts
var INSTALLED = "lib/apk/db/installed";
function readApk(files) {
  const body = files.get(INSTALLED);
  const records = [];
  let skipped = 0;
  if (!body) return { records, skipped };
  let name;
  let version;
  let declared;
  let dir = "";
  let paths = [];
  let any = false;
  const flush = () => {
    if (any) {
      if (!name || !version) {
        skipped++;
      } else {
        const record2 = {
          ecosystem: "apk",
          name,
          version,
          location: `/${INSTALLED}`,
          files: paths
        };
        if (paths.length === 0) delete record2.files;
        if (declared !== void 0) record2.declared = declared;
        records.push(record2);
      }
    }
    name = version = declared = void 0;
    dir = "";
    paths = [];
    any = false;
  };
  for (const line of linesOf(body)) {
    if (line === "") {
      flush();
      continue;
    }
    any = true;
    if (line[1] !== ":") continue;
    const value = line.slice(2);
    switch (line[0]) {
      case "P":
        name = value;
        break;
      case "V":
        version = value;
        break;
      case "I": {
        const n = Number(value);
        if (Number.isSafeInteger(n) && n >= 0) declared = n;
        break;
      }
      case "F":
        dir = value;
        break;
      case "R": {
        const path = normalizeListed(value, dir);
        if (path !== null) paths.push(path);
        break;
      }
    }
  }
  flush();
  return { records, skipped };
}

// src/analysis/packages/attribute.ts
var CLAIM_RANK = {
  deb: 0,
  apk: 0,
  rpm: 0,
  python: 1,
  npm: 2,
  gem: 3
};
function attribute(records, index, linkTarget) {
  const { paths, sizes } = index;
  const owners = new Array(paths.length).fill(-1);
  const order = records.map((_, i) => i).sort((a, b) => CLAIM_RANK[records[a].ecosystem] - CLAIM_RANK[records[b].ecosystem] || a - b);
  const claims = /* @__PURE__ */ new Map();
  const resolvedDirs = /* @__PURE__ */ new Map();
  const resolve = (path) => {
    const slash = path.lastIndexOf("/");
    if (!linkTarget || slash < 0) return path;
    const dir = path.slice(0, slash);
    let resolved = resolvedDirs.get(dir);
    if (resolved === void 0) {
      resolved = throughLinks(dir, linkTarget, true);
      resolvedDirs.set(dir, resolved);
    }
    if (resolved === null) return null;
    return resolved === dir ? path : `${resolved}${path.slice(slash)}`;
  };
  for (const r of order) {
    for (const path of records[r].files ?? []) {
      const key = resolve(path);
      if (key !== null && !claims.has(key)) claims.set(key, r);
    }
  }
  if (claims.size > 0) {
    for (let at = 0; at < paths.length; at++) {
      const owner = claims.get(paths[at]);
      if (owner !== void 0) owners[at] = owner;
    }
  }
  for (const r of order) {
    for (const dir of records[r].dirs ?? []) {
      const prefix = dir.path === "" ? "" : `${dir.path}/`;
      const except = dir.except === void 0 ? null : `${dir.except}/`;
      for (let at = lowerBound(paths, prefix); at < paths.length && paths[at].startsWith(prefix); at++) {
        if (owners[at] !== -1 || except !== null && paths[at].startsWith(except)) continue;
        owners[at] = r;
      }
    }
  }
  const bytes = new Array(records.length).fill(0);
  for (let at = 0; at < owners.length; at++) {
    const owner = owners[at];
    if (owner >= 0) bytes[owner] += sizes[at];
  }
  return { owners, bytes };
}
function lowerBound(paths, key) {
  let lo = 0;
  let hi = paths.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (comparePaths(paths[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function throughLinks(path, linkTarget, whole = false) {
  let current = path;
  let hops = 0;
  let from = 0;
  for (; ; ) {
    const slash = current.indexOf("/", from);
    if (slash < 0 && !whole) return current;
    const prefix = slash < 0 ? current : current.slice(0, slash);
    const target = linkTarget(prefix);
    if (target !== void 0) {
      if (++hops > 32) return null;
      const parent = prefix.lastIndexOf("/");
      const base = target.startsWith("/") || parent < 0 ? "" : prefix.slice(0, parent);
      current = rootedPath(`${base}/${target}${slash < 0 ? "" : current.slice(slash)}`);
      from = 0;
      continue;
    }
    if (slash < 0) return current;
    from = slash + 1;
  }
}

// src/analysis/packages/dpkg.ts
var DPKG = "var/lib/dpkg";
var KEYS = /* @__PURE__ */ new Set(["Package", "Status", "Version", "Architecture", "Installed-Size"]);
var UNPACKED = /* @__PURE__ */ new Set([
  "installed",
  "half-installed",
  "unpacked",
  "half-configured",
  "triggers-awaited",
  "triggers-pending"
]);
function readDpkg(files) {
  const records = [];
  const archs = [];
  let skipped = 0;
  const read = (body, location, list) => {
    let stanza = [];
    const flush = () => {
      if (stanza.length === 0) return;
      const fields = headerFields(stanza, KEYS);
      stanza = [];
      const name = fields.get("Package");
      const version = fields.get("Version");
      const status2 = fields.get("Status");
      if (!name || !version || /\s/.test(name)) {
        skipped++;
        return;
      }
      if (status2 !== void 0 && !UNPACKED.has(status2.split(/\s+/)[2] ?? "")) return;
      const arch = fields.get("Architecture") ?? "";
      const record2 = { ecosystem: "deb", name, version, location };
      const listed = list(name, arch);
      if (listed) record2.files = listed;
      const kib = Number(fields.get("Installed-Size"));
      if (Number.isSafeInteger(kib) && kib >= 0) record2.declared = kib * 1024;
      records.push(record2);
      archs.push(arch);
    };
    for (const line of linesOf(body)) {
      if (line.trim() === "") flush();
      else stanza.push(line);
    }
    flush();
  };
  const status = files.get(`${DPKG}/status`);
  if (status) {
    read(status, `/${DPKG}/status`, (name, arch) => {
      const body = files.get(`${DPKG}/info/${name}:${arch}.list`) ?? files.get(`${DPKG}/info/${name}.list`);
      return body ? listedPaths(body) : void 0;
    });
  }
  for (const [path, body] of files) {
    if (!path.startsWith(`${DPKG}/status.d/`) || path.endsWith(".md5sums")) continue;
    read(body, `/${path}`, () => {
      const sums = files.get(`${path}.md5sums`);
      return sums ? md5sumsPaths(sums) : void 0;
    });
  }
  const count = /* @__PURE__ */ new Map();
  for (const r of records) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  records.forEach((r, i) => {
    if ((count.get(r.name) ?? 0) > 1 && archs[i]) r.name = `${r.name}:${archs[i]}`;
  });
  return { records, skipped };
}
function listedPaths(body) {
  const paths = [];
  for (const line of linesOf(body)) {
    const path = normalizeListed(line);
    if (path !== null) paths.push(path);
  }
  return paths;
}
function md5sumsPaths(body) {
  const paths = [];
  for (const line of linesOf(body)) {
    const match = /^[0-9a-fA-F]+\s+\*?(.+)$/.exec(line);
    const path = match ? normalizeListed(match[1]) : null;
    if (path !== null) paths.push(path);
  }
  return paths;
}

// src/analysis/packages/gem.ts
var NAME = /\.name\s*=\s*["']([^"'\n]+)["']/;
var VERSION = /\.version\s*=\s*(?:Gem::Version\.new\(\s*)?["']([^"'\n]+)["']/;
function readGems(files) {
  const records = [];
  let skipped = 0;
  for (const [path, body] of files) {
    if (!path.endsWith(".gemspec")) continue;
    const text = body.toString("utf8");
    const name = NAME.exec(text)?.[1];
    const version = VERSION.exec(text)?.[1];
    if (!name || !version) {
      skipped++;
      continue;
    }
    const specs = dirOf(path);
    const gemDir = dirOf(specs);
    const full = path.slice(specs.length + 1, -".gemspec".length);
    records.push({
      ecosystem: "gem",
      name,
      version,
      location: `/${path}`,
      files: [path],
      dirs: [{ path: gemDir === "" ? `gems/${full}` : `${gemDir}/gems/${full}` }]
    });
  }
  return { records, skipped };
}

// src/analysis/packages/npm.ts
function readNpm(files) {
  const records = [];
  let skipped = 0;
  for (const [path, body] of files) {
    if (path !== "package.json" && !path.endsWith("/package.json")) continue;
    let manifest;
    try {
      manifest = JSON.parse(body.toString("utf8"));
    } catch {
      skipped++;
      continue;
    }
    const { name, version } = manifest ?? {};
    if (typeof name !== "string" || typeof version !== "string" || name === "" || version === "") {
      skipped++;
      continue;
    }
    const dir = dirOf(path);
    records.push({
      ecosystem: "npm",
      name,
      version,
      location: `/${path}`,
      dirs: [{ path: dir, except: `${dir}/node_modules` }]
    });
  }
  return { records, skipped };
}

// src/analysis/packages/python.ts
var KEYS2 = /* @__PURE__ */ new Set(["Name", "Version"]);
function readPython(files) {
  const records = [];
  let skipped = 0;
  for (const [path, body] of files) {
    let metaDir = null;
    let listed;
    if (path.endsWith(".dist-info/METADATA")) {
      metaDir = dirOf(path);
      const record3 = files.get(`${metaDir}/RECORD`);
      if (record3) listed = recordPaths(record3, dirOf(metaDir));
    } else if (path.endsWith(".egg-info/PKG-INFO")) {
      metaDir = dirOf(path);
      const installed = files.get(`${metaDir}/installed-files.txt`);
      if (installed) listed = installedPaths(installed, metaDir);
    } else if (!path.endsWith(".egg-info")) {
      continue;
    }
    const fields = headerFields(headerLines(body), KEYS2);
    const name = fields.get("Name");
    const version = fields.get("Version");
    if (!name || !version) {
      skipped++;
      continue;
    }
    const record2 = { ecosystem: "python", name, version, location: `/${path}` };
    if (metaDir === null) record2.files = [path];
    else record2.dirs = [{ path: metaDir }];
    if (listed) record2.files = listed;
    records.push(record2);
  }
  return { records, skipped };
}
function headerLines(body) {
  const lines = linesOf(body);
  const blank = lines.indexOf("");
  return blank < 0 ? lines : lines.slice(0, blank);
}
function recordPaths(body, site) {
  const paths = [];
  for (const line of linesOf(body)) {
    const field = firstCsvField(line);
    const path = field ? normalizeListed(field, site) : null;
    if (path !== null) paths.push(path);
  }
  return paths;
}
function firstCsvField(line) {
  if (line[0] !== '"') {
    const comma = line.indexOf(",");
    return comma < 0 ? line : line.slice(0, comma);
  }
  let out = "";
  for (let i = 1; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (line[i + 1] === '"') {
        out += '"';
        i++;
      } else {
        return out;
      }
    } else {
      out += c;
    }
  }
  return out;
}
function installedPaths(body, eggInfo) {
  const paths = [];
  for (const line of linesOf(body)) {
    const path = normalizeListed(line.trim(), eggInfo);
    if (path !== null) paths.push(path);
  }
  return paths;
}

// src/analysis/packages/sqlite-table.ts
var SqliteFormatError = class extends Error {
};
var MAGIC = "SQLite format 3\0";
function sqliteTableRows(db, table) {
  if (db.length < 100 || db.toString("latin1", 0, 16) !== MAGIC)
    throw new SqliteFormatError("not an SQLite 3 database");
  const raw = db.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & pageSize - 1) !== 0) throw new SqliteFormatError(`page size ${raw}`);
  const usable = pageSize - db[20];
  const pages = Math.floor(db.length / pageSize);
  const reader = { db, pageSize, usable, pages };
  const schema = readTable(reader, 1);
  const entry = schema.find((row) => row[0] === "table" && row[1] === table);
  const root = entry?.[3];
  if (typeof root !== "number") throw new SqliteFormatError(`no table ${table}`);
  return readTable(reader, root);
}
function pageStart(r, page) {
  if (!Number.isInteger(page) || page < 1 || page > r.pages)
    throw new SqliteFormatError(`page ${page} out of range`);
  return (page - 1) * r.pageSize;
}
function readTable(r, root) {
  const rows = [];
  const seen = /* @__PURE__ */ new Set();
  const stack = [root];
  while (stack.length > 0) {
    const page = stack.pop();
    if (seen.has(page)) throw new SqliteFormatError(`page ${page} is reached twice`);
    seen.add(page);
    const start = pageStart(r, page);
    const header = page === 1 ? start + 100 : start;
    const type = r.db[header];
    const cells = r.db.readUInt16BE(header + 3);
    if (type === 5) {
      const children = [];
      for (let i = 0; i < cells; i++)
        children.push(r.db.readUInt32BE(start + r.db.readUInt16BE(header + 12 + 2 * i)));
      children.push(r.db.readUInt32BE(header + 8));
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    } else if (type === 13) {
      for (let i = 0; i < cells; i++)
        rows.push(readLeafCell(r, start + r.db.readUInt16BE(header + 8 + 2 * i)));
    } else {
      throw new SqliteFormatError(`page ${page} is not a table b-tree page (type ${type})`);
    }
  }
  return rows;
}
function readLeafCell(r, at) {
  const [size, afterSize] = varint(r.db, at);
  const [, afterRowid] = varint(r.db, afterSize);
  const payloadSize = Number(size);
  const U = r.usable;
  const X = U - 35;
  let local = payloadSize;
  if (payloadSize > X) {
    const M = Math.floor((U - 12) * 32 / 255) - 23;
    const K = M + (payloadSize - M) % (U - 4);
    local = K <= X ? K : M;
  }
  const parts = [r.db.subarray(afterRowid, afterRowid + local)];
  let left = payloadSize - local;
  let next = left > 0 ? r.db.readUInt32BE(afterRowid + local) : 0;
  const seen = /* @__PURE__ */ new Set();
  while (left > 0) {
    if (seen.has(next)) throw new SqliteFormatError(`overflow page ${next} is reached twice`);
    seen.add(next);
    const start = pageStart(r, next);
    const n = Math.min(left, U - 4);
    parts.push(r.db.subarray(start + 4, start + 4 + n));
    left -= n;
    next = r.db.readUInt32BE(start);
  }
  const payload = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  if (payload.length !== payloadSize) throw new SqliteFormatError("a cell runs past the end of the file");
  return record(payload);
}
function record(payload) {
  const [headerSize, first] = varint(payload, 0);
  const end = Number(headerSize);
  const types = [];
  for (let at2 = first; at2 < end; ) {
    const [type, next] = varint(payload, at2);
    types.push(Number(type));
    at2 = next;
  }
  const values = [];
  let at = end;
  for (const type of types) {
    const size = type >= 12 ? Math.floor((type - 12) / 2) : [0, 1, 2, 3, 4, 6, 8, 8, 0, 0][type] ?? 0;
    if (at + size > payload.length) throw new SqliteFormatError("a record runs past its cell");
    if (type === 0) values.push(null);
    else if (type >= 1 && type <= 6) values.push(intOf(payload, at, size));
    else if (type === 7) values.push(payload.readDoubleBE(at));
    else if (type === 8 || type === 9) values.push(type - 8);
    else if (type >= 12 && type % 2 === 0) values.push(payload.subarray(at, at + size));
    else if (type >= 13) values.push(payload.toString("utf8", at, at + size));
    else throw new SqliteFormatError(`serial type ${type}`);
    at += size;
  }
  return values;
}
function intOf(buf, at, size) {
  if (size === 8) {
    const n = buf.readBigInt64BE(at);
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  return buf.readIntBE(at, size);
}
function varint(buf, at) {
  let value = 0n;
  for (let i = 0; i < 9; i++) {
    if (at + i >= buf.length) throw new SqliteFormatError("a varint runs past the end");
    const byte = buf[at + i];
    if (i === 8) return [value << 8n | BigInt(byte), at + 9];
    value = value << 7n | BigInt(byte & 127);
    if (byte < 128) return [value, at + i + 1];
  }
  return [value, at + 9];
}

// src/analysis/packages/rpm.ts
var RPM_SQLITE = ["var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite"];
var TAG = {
  name: 1e3,
  version: 1001,
  release: 1002,
  epoch: 1003,
  size: 1009,
  dirIndexes: 1116,
  basenames: 1117,
  dirnames: 1118,
  longSize: 5009
};
var INT32 = 4;
var INT64 = 5;
var STRING = 6;
var STRING_ARRAY = 8;
var I18NSTRING = 9;
function readRpm(files) {
  const records = [];
  let skipped = 0;
  let failed = null;
  for (const path of RPM_SQLITE) {
    const db = files.get(path);
    if (!db) continue;
    let rows;
    try {
      rows = sqliteTableRows(db, "Packages");
    } catch (error) {
      if (!(error instanceof SqliteFormatError) && !(error instanceof RangeError)) throw error;
      failed = `the RPM database /${path} could not be read (${error.message})`;
      continue;
    }
    for (const row of rows) {
      const blob = row.find((v) => Buffer.isBuffer(v));
      let header = null;
      try {
        header = blob ? rpmHeader(blob) : null;
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
      }
      if (!header) {
        skipped++;
        continue;
      }
      records.push({ ...header, location: `/${path}` });
    }
  }
  return { records, skipped, failed };
}
function rpmHeader(blob) {
  if (blob.length < 8) return null;
  const count = blob.readUInt32BE(0);
  const dataLength = blob.readUInt32BE(4);
  const store = 8 + count * 16;
  if (count > 1e5 || store + dataLength > blob.length) return null;
  const entries = /* @__PURE__ */ new Map();
  for (let i = 0; i < count; i++) {
    const at = 8 + i * 16;
    const offset = blob.readInt32BE(at + 8);
    if (offset < 0 || offset >= dataLength) continue;
    entries.set(blob.readUInt32BE(at), {
      type: blob.readUInt32BE(at + 4),
      offset,
      count: blob.readUInt32BE(at + 12)
    });
  }
  const end = store + dataLength;
  const strings = (tag) => {
    const e = entries.get(tag);
    if (!e || e.type !== STRING && e.type !== STRING_ARRAY && e.type !== I18NSTRING) return null;
    const out = [];
    let at = store + e.offset;
    const n = e.type === STRING ? 1 : e.count;
    for (let i = 0; i < n; i++) {
      const zero = blob.indexOf(0, at);
      if (zero < 0 || zero >= end) return null;
      out.push(blob.toString("utf8", at, zero));
      at = zero + 1;
    }
    return out;
  };
  const ints = (tag) => {
    const e = entries.get(tag);
    if (!e) return null;
    const width = e.type === INT32 ? 4 : e.type === INT64 ? 8 : 0;
    const at = store + e.offset;
    if (width === 0 || at + width * e.count > end) return null;
    const out = [];
    for (let i = 0; i < e.count; i++) {
      out.push(width === 4 ? blob.readUInt32BE(at + 4 * i) : Number(blob.readBigUInt64BE(at + 8 * i)));
    }
    return out;
  };
  const name = strings(TAG.name)?.[0];
  const version = strings(TAG.version)?.[0];
  if (!name || !version) return null;
  const release = strings(TAG.release)?.[0];
  const epoch = ints(TAG.epoch)?.[0];
  const record2 = {
    ecosystem: "rpm",
    name,
    version: `${epoch ? `${epoch}:` : ""}${version}${release ? `-${release}` : ""}`
  };
  const size = ints(TAG.longSize)?.[0] ?? ints(TAG.size)?.[0];
  if (size !== void 0) record2.declared = size;
  const basenames = strings(TAG.basenames);
  const dirnames = strings(TAG.dirnames);
  const dirIndexes = ints(TAG.dirIndexes);
  if (basenames && dirnames && dirIndexes && dirIndexes.length === basenames.length) {
    const files = [];
    basenames.forEach((base, i) => {
      const path = normalizeListed(`${dirnames[dirIndexes[i]] ?? ""}${base}`);
      if (path !== null) files.push(path);
    });
    record2.files = files;
  }
  return record2;
}

// src/analysis/packages/index.ts
var RPM_DATABASES = [
  "var/lib/rpm/rpmdb.sqlite",
  "var/lib/rpm/Packages",
  "var/lib/rpm/Packages.db",
  "usr/lib/sysimage/rpm/rpmdb.sqlite",
  "usr/lib/sysimage/rpm/Packages.db",
  "usr/lib/sysimage/rpm/Packages"
];
function readPackages(files, index, options = {}) {
  const records = [];
  let skipped = 0;
  for (const reader of [readDpkg, readApk, readPython, readNpm, readGems]) {
    const found = reader(files);
    records.push(...found.records);
    skipped += found.skipped;
  }
  const rpm = readRpm(files);
  records.push(...rpm.records);
  skipped += rpm.skipped;
  records.sort(
    (a, b) => compare(a.ecosystem, b.ecosystem) || compare(a.name, b.name) || compare(a.location, b.location) || compare(a.version, b.version)
  );
  const { owners, bytes } = attribute(records, index, options.linkTarget);
  const packages = records.map((r, i) => {
    const listed = r.files !== void 0 || r.dirs !== void 0;
    return {
      ecosystem: r.ecosystem,
      name: r.name,
      version: r.version,
      location: r.location,
      bytes: listed ? bytes[i] : r.declared ?? 0,
      bytesFrom: listed ? "files" : "declared"
    };
  });
  const notes = [];
  const dropped = options.dropped ?? 0;
  if (dropped > 0) {
    notes.push(
      `${dropped} package database file${dropped === 1 ? " was" : "s were"} not read (over the memory kept for them): packages may be missing`
    );
  }
  if (rpm.failed) notes.push(rpm.failed);
  if (options.rpmWal)
    notes.push(
      `the RPM database's write-ahead log /${options.rpmWal} is not read: rpm packages may be out of date`
    );
  if (options.rpmDatabase && !RPM_SQLITE.includes(options.rpmDatabase)) {
    notes.push(
      `the RPM database /${options.rpmDatabase} (Berkeley DB or NDB) is not read: rpm packages are not listed`
    );
  }
  if (skipped > 0) {
    notes.push(
      `${skipped} package record${skipped === 1 ? "" : "s"} could not be read and ${skipped === 1 ? "was" : "were"} skipped`
    );
  }
  return { packages, owners, note: notes.length > 0 ? notes.join("; ") : null };
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
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
  let packages = {};
  if (data.layers.some((l) => l.packageFiles)) {
    const reading = readPackages(topPackageFiles(data.layers, indexes, fs), fileIndex, {
      linkTarget: linkTargets(data.layers, indexes, fs),
      dropped: data.layers.reduce((n, l) => n + (l.packageFilesDropped ?? 0), 0),
      rpmDatabase: RPM_DATABASES.find((path) => findPath(fs.root, path)?.kind === "file") ?? null,
      rpmWal: RPM_DATABASES.map((path) => `${path}-wal`).find((path) => (findPath(fs.root, path)?.size ?? 0) > 0) ?? null
    });
    fileIndex.owners = reading.owners;
    packages = { packages: reading.packages, ...reading.note ? { packagesNote: reading.note } : {} };
  }
  return {
    image: { ref: data.ref, id: data.id, size, layers, files, ...extra, ...packages },
    findings,
    fileIndex,
    explore
  };
}
function topPackageFiles(layers, indexes, fs) {
  const top = /* @__PURE__ */ new Map();
  layers.forEach((layer, i) => {
    for (const [path, body] of layer.packageFiles ?? []) {
      const node2 = findPath(fs.root, path);
      if (node2?.kind === "file" && node2.layer === (indexes[i] ?? i)) top.set(path, body);
    }
  });
  return top;
}
function linkTargets(layers, indexes, fs) {
  let links = null;
  return (path) => {
    if (links === null) {
      links = /* @__PURE__ */ new Map();
      for (let i = 0; i < layers.length; i++) {
        for (const entry of layers[i].entries) {
          if (entry.kind === "symlink")
            links.set(entry.path, { target: entry.linkTarget ?? "", layer: indexes[i] ?? i });
        }
      }
    }
    const link = links.get(path);
    if (!link) return void 0;
    const node2 = findPath(fs.root, path);
    return node2?.kind === "symlink" && node2.layer === link.layer ? link.target : void 0;
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

export {
  analyzeImage
};
