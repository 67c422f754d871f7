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
} from "./chunk-GYTZK5JO.js";

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
        const record = {
          ecosystem: "apk",
          name,
          version,
          location: `/${INSTALLED}`,
          files: paths
        };
        if (paths.length === 0) delete record.files;
        if (declared !== void 0) record.declared = declared;
        records.push(record);
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
  let byPath = null;
  const resolvedDirs = /* @__PURE__ */ new Map();
  const find = (path) => {
    if (byPath === null) {
      byPath = /* @__PURE__ */ new Map();
      for (let i = 0; i < paths.length; i++) byPath.set(paths[i], i);
    }
    if (!linkTarget) return byPath.get(path);
    const slash = path.lastIndexOf("/");
    if (slash < 0) return byPath.get(path);
    const dir = path.slice(0, slash);
    let resolved = resolvedDirs.get(dir);
    if (resolved === void 0) {
      resolved = throughLinks(dir, linkTarget, true);
      resolvedDirs.set(dir, resolved);
    }
    if (resolved === null) return void 0;
    return byPath.get(resolved === dir ? path : `${resolved}${path.slice(slash)}`);
  };
  const order = records.map((_, i) => i).sort((a, b) => CLAIM_RANK[records[a].ecosystem] - CLAIM_RANK[records[b].ecosystem] || a - b);
  for (const r of order) {
    const record = records[r];
    for (const path of record.files ?? []) {
      const at = find(path);
      if (at !== void 0 && owners[at] === -1) owners[at] = r;
    }
    for (const dir of record.dirs ?? []) {
      const prefix = dir.path === "" ? "" : `${dir.path}/`;
      const except = dir.except === void 0 ? null : `${dir.except}/`;
      for (let at = lowerBound(paths, prefix); at < paths.length && paths[at].startsWith(prefix); at++) {
        if (except !== null && paths[at].startsWith(except)) continue;
        if (owners[at] === -1) owners[at] = r;
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
      current = normalizeParts(`${base}/${target}${slash < 0 ? "" : current.slice(slash)}`);
      from = 0;
      continue;
    }
    if (slash < 0) return current;
    from = slash + 1;
  }
}
function normalizeParts(path) {
  const out = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
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
      const record = { ecosystem: "deb", name, version, location };
      const listed = list(name, arch);
      if (listed) record.files = listed;
      const kib = Number(fields.get("Installed-Size"));
      if (Number.isSafeInteger(kib) && kib >= 0) record.declared = kib * 1024;
      records.push(record);
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
      const record2 = files.get(`${metaDir}/RECORD`);
      if (record2) listed = recordPaths(record2, dirOf(metaDir));
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
    const record = { ecosystem: "python", name, version, location: `/${path}` };
    if (metaDir === null) record.files = [path];
    else record.dirs = [{ path: metaDir }];
    if (listed) record.files = listed;
    records.push(record);
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
  if (options.rpmDatabase) {
    notes.push(`the RPM database /${options.rpmDatabase} is not read: rpm packages are not listed`);
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
      rpmDatabase: RPM_DATABASES.find((path) => findPath(fs.root, path)?.kind === "file") ?? null
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
