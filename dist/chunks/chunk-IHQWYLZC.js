import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  normalizeHardlinkTarget
} from "./chunk-2IQNWKMG.js";
import {
  formatBytes
} from "./chunk-IIRAH6Y5.js";

// src/analysis/filesystem.ts
var isDir = (n) => n.kind === "dir" || n.kind === null;
function pathOf(node) {
  const parts = [];
  for (let n = node; n?.parent; n = n.parent) parts.push(n.name);
  return `/${parts.reverse().join("/")}`;
}
function mergeLayers(layers, layerIndexes, observer) {
  const overlay = new Overlay(observer);
  layers.forEach((layer, i) => {
    const by = layerIndexes[i] ?? i;
    overlay.clearOpaqueDirs(layer.opaqueDirs, by);
    overlay.removeWhiteouts(layer.whiteouts, by);
    overlay.addEntries(layer.entries, by);
  });
  const { root, totalBytes, wastedBytes, wasted, inodes } = overlay;
  return { root, totalBytes, wastedBytes, wasted, inodes };
}
var Overlay = class {
  root = { name: "", parent: null, kind: "dir", size: 0, layer: -1, children: /* @__PURE__ */ new Map() };
  wasted = /* @__PURE__ */ new Map();
  inodes = /* @__PURE__ */ new Map();
  totalBytes = 0;
  wastedBytes = 0;
  // Members come grouped by directory: the directory of the previous entry is remembered, so a sibling
  // costs one lookup instead of one per path segment. Anything that could detach or replace a directory
  // (a non-directory written over a node with children) forgets it.
  #cachedDir = "";
  #cachedNode = null;
  #observer;
  /** Non-directories hidden so far (what an observer is told a deletion took). */
  #hiddenCount = 0;
  constructor(observer) {
    this.#observer = observer;
  }
  clearOpaqueDirs(dirs, by) {
    for (const dir of dirs) {
      const node = this.#lookup(dir);
      if (!node || !isDir(node)) continue;
      const had = node.children?.size ?? 0;
      const [bytes, count] = [this.wastedBytes, this.#hiddenCount];
      this.#hideChildren(node, by);
      if (had > 0) {
        const path = dir === "" ? "/*" : `/${dir}/*`;
        this.#observer?.deleted(by, path, this.wastedBytes - bytes, this.#hiddenCount - count);
      }
    }
  }
  removeWhiteouts(paths, by) {
    for (const gone of paths) {
      const node = this.#lookup(gone);
      if (!node?.parent) continue;
      const [bytes, count] = [this.wastedBytes, this.#hiddenCount];
      this.#hideTree(node, by);
      node.parent.children?.delete(node.name);
      this.#observer?.deleted(by, `/${gone}`, this.wastedBytes - bytes, this.#hiddenCount - count);
    }
  }
  addEntries(entries, by) {
    this.#cachedDir = "";
    this.#cachedNode = null;
    for (const entry of entries) {
      if (entry.path === "") continue;
      if (entry.kind === "file") this.totalBytes += entry.size;
      this.#put(entry, by);
      if (entry.kind === "hardlink") this.#link(entry);
    }
  }
  /**
   * Joins a hard link to its target's inode as the tar goes (a tar names the target before the link; the link
   * takes the target as it is at that point, as applying the layer does). A target that is not a file or a
   * link of the tree is left alone: the link then weighs nothing, as its tar member does.
   */
  #link(entry) {
    const link = findPath(this.root, entry.path);
    if (link?.kind !== "hardlink") return;
    let targetPath;
    try {
      targetPath = normalizeHardlinkTarget(entry.linkTarget ?? "");
    } catch {
      return;
    }
    const target = findPath(this.root, targetPath);
    if (!target || target === link) return;
    let inode = this.inodes.get(target);
    if (!inode) {
      if (target.kind !== "file") return;
      inode = { size: target.size };
      this.inodes.set(target, inode);
    }
    this.inodes.set(link, inode);
  }
  /** Writes one entry: walks (or creates) its parent directories, then puts it on top of what was there. */
  #put(entry, by) {
    const path = entry.path;
    const slash = path.lastIndexOf("/");
    let node = this.root;
    let from = 0;
    const cached = this.#cachedNode;
    if (cached !== null && slash === this.#cachedDir.length && path.startsWith(this.#cachedDir)) {
      node = cached;
      from = slash + 1;
    }
    for (; ; ) {
      const end = path.indexOf("/", from);
      const last = end < 0;
      const name = last ? path.slice(from) : path.slice(from, end);
      if (!node.children) node.children = /* @__PURE__ */ new Map();
      let child = node.children.get(name);
      if (!child) {
        child = { name, parent: node, kind: null, size: 0, layer: by, children: null };
        node.children.set(name, child);
      } else if (!last && !isDir(child)) {
        this.#hide(child, by);
        this.inodes.delete(child);
        child.kind = null;
        child.size = 0;
        child.secret = void 0;
      }
      if (last) {
        this.#replace(child, entry, by);
        return;
      }
      node = child;
      from = end + 1;
      if (end === slash) {
        this.#cachedDir = path.slice(0, slash);
        this.#cachedNode = node;
      }
    }
  }
  /** Puts `entry` on top of `node`, hiding what it replaces. */
  #replace(node, entry, by) {
    if (this.inodes.size > 0) this.inodes.delete(node);
    if (entry.kind === "dir") {
      if (!isDir(node)) this.#hide(node, by);
      node.kind = "dir";
    } else {
      const existed = node.kind !== null || (node.children?.size ?? 0) > 0;
      this.#observer?.written(by, `/${entry.path}`, entry.kind === "file" ? entry.size : 0, existed);
      if (existed) {
        this.#hide(node, by);
        this.#hideChildren(node, by);
      }
      if (node.children !== null || node === this.#cachedNode) this.#cachedNode = null;
      node.kind = entry.kind;
      node.children = null;
    }
    node.size = entry.kind === "file" ? entry.size : 0;
    node.layer = by;
    node.secret = entry.secret;
  }
  #lookup(path) {
    return path === "" ? this.root : findPath(this.root, path);
  }
  // The path of what is hidden is spelled out only when it holds bytes: most hidden nodes are directories.
  #hide(node, by) {
    if (node.kind !== null && node.kind !== "dir") this.#hiddenCount++;
    if (node.kind === "file" && node.size > 0) {
      const path = pathOf(node);
      let w = this.wasted.get(path);
      if (!w) {
        w = { bytes: 0, layers: /* @__PURE__ */ new Set() };
        this.wasted.set(path, w);
      }
      w.bytes += node.size;
      w.layers.add(node.layer);
      w.layers.add(by);
      this.wastedBytes += node.size;
    }
  }
  /** Hides a node and everything below it (without recursion: a path may be thousands of levels deep). */
  #hideTree(node, by) {
    this.#hide(node, by);
    for (const child of walk(node)) this.#hide(child, by);
  }
  #hideChildren(node, by) {
    if (!node.children) return;
    for (const child of walk(node)) this.#hide(child, by);
    node.children.clear();
  }
};
function findPath(root, path) {
  let node = root;
  for (const part of path.split("/")) {
    node = node.children?.get(part);
    if (!node) return void 0;
  }
  return node;
}
function* walk(node) {
  const stack = [];
  if (node.children) stack.push(node.children.values());
  while (stack.length > 0) {
    const next = stack[stack.length - 1].next();
    if (next.done) {
      stack.pop();
      continue;
    }
    const child = next.value;
    yield child;
    if (child.children) stack.push(child.children.values());
  }
}
function topBy(items, limit, size, key) {
  const top = [];
  for (const item of items) {
    if (top.length === limit && size(item) <= size(top[top.length - 1])) continue;
    top.push(item);
    top.sort((a, b) => size(b) - size(a) || key(a).localeCompare(key(b)));
    if (top.length > limit) top.pop();
  }
  return top;
}
function largestFiles(root, limit = 20) {
  let fileCount = 0;
  const files = [];
  for (const node of walk(root)) {
    if (node.kind === "file" || node.kind === "hardlink") fileCount++;
    if (node.kind === "file") files.push(node);
  }
  const largest = topBy(files, limit, (n) => n.size, pathOf).map((n) => ({
    path: pathOf(n),
    size: n.size,
    layer: n.layer
  }));
  return { fileCount, largest };
}
function biggestWasters(fs, limit = 20) {
  const items = [...fs.wasted].map(([path, w]) => ({
    path,
    bytes: w.bytes,
    layers: [...w.layers].sort((a, b) => a - b)
  }));
  return topBy(
    items,
    limit,
    (w) => w.bytes,
    (w) => w.path
  );
}

// src/analysis/content-rules/rule.ts
function tally(node, include = () => true) {
  let bytes = 0;
  let files = 0;
  const layers = /* @__PURE__ */ new Set();
  const visit = (n, rel) => {
    if (!n.children) return;
    for (const [name, child] of n.children) {
      const path = rel ? `${rel}/${name}` : name;
      if (child.kind !== "dir" && child.kind !== null && include(path, child)) {
        files++;
        bytes += child.size;
        layers.add(child.layer);
      }
      visit(child, path);
    }
  };
  visit(node, "");
  return { bytes, files, layers: [...layers].sort((a, b) => a - b) };
}
function toFinding(rule, hit) {
  return {
    rule: rule.id,
    name: rule.name,
    severity: rule.severity,
    message: hit.message,
    file: null,
    line: null,
    fix: rule.fix,
    bytes: hit.bytes
  };
}

// src/analysis/content-rules/IG101-pip-cache-in-image.ts
var IG101 = {
  id: "IG101",
  name: "pip-cache-in-image",
  severity: "warning",
  summary: "A `.cache/pip` or `.cache/uv` directory with files is in the final filesystem (bytes reported).",
  rationale: "A download cache only speeds up the next install on the same machine; in an image it is never read again, and every node that pulls the image downloads and stores it.",
  fix: "Install with `pip install --no-cache-dir` / `uv sync --no-cache`, or keep the cache out of the layer with `RUN --mount=type=cache,target=/root/.cache/pip \u2026`.",
  check(ctx) {
    const hits = [];
    for (const node of walk(ctx.root)) {
      if (node.name !== "pip" && node.name !== "uv" || node.parent?.name !== ".cache") continue;
      if (node.kind !== "dir" && node.kind !== null) continue;
      const t = tally(node);
      if (t.files === 0) continue;
      const where = t.layers.map((l) => ctx.describeLayer(l)).join(", ");
      hits.push({
        message: `\`${pathOf(node)}\` holds ${formatBytes(t.bytes)} in ${t.files} files of ${node.name}'s download cache, written by ${where}: it only makes the image bigger.`,
        bytes: t.bytes
      });
    }
    return hits;
  }
};

// src/analysis/content-rules/IG102-os-cache-in-image.ts
var IG102 = {
  id: "IG102",
  name: "os-cache-in-image",
  severity: "warning",
  summary: "/var/lib/apt/lists holds files other than `lock` and `partial/`, or /var/cache/apk holds files (bytes reported).",
  rationale: "Package lists and caches are only needed while installing; left in a layer they add megabytes that every pull transfers and that go stale at once.",
  fix: "End the installing RUN with `rm -rf /var/lib/apt/lists/*` (apt) or use `apk add --no-cache` (apk), in the same RUN as the install.",
  check(ctx) {
    const hits = [];
    const lists = findPath(ctx.root, "var/lib/apt/lists");
    if (lists) {
      const t = tally(lists, (rel) => rel !== "lock" && rel !== "partial" && !rel.startsWith("partial/"));
      if (t.files > 0) {
        const where = t.layers.map((l) => ctx.describeLayer(l)).join(", ");
        hits.push({
          message: `\`/var/lib/apt/lists\` holds ${formatBytes(t.bytes)} of package indexes (${t.files} files) left by ${where}.`,
          bytes: t.bytes
        });
      }
    }
    const apk = findPath(ctx.root, "var/cache/apk");
    if (apk) {
      const t = tally(apk);
      if (t.files > 0) {
        const where = t.layers.map((l) => ctx.describeLayer(l)).join(", ");
        hits.push({
          message: `\`/var/cache/apk\` holds ${formatBytes(t.bytes)} of cached packages (${t.files} files) left by ${where}.`,
          bytes: t.bytes
        });
      }
    }
    return hits;
  }
};

// src/analysis/content-rules/IG103-vcs-in-image.ts
var IG103 = {
  id: "IG103",
  name: "vcs-in-image",
  severity: "warning",
  summary: "A `.git` directory is in the final filesystem (bytes reported).",
  rationale: "A repository's history is often larger than the code it tracks, is never used at run time, and can hold removed secrets and internal names.",
  fix: "Add `.git` to .dockerignore, or copy only what the app needs (`COPY app/ app/`) instead of the whole context.",
  check(ctx) {
    const hits = [];
    for (const node of walk(ctx.root)) {
      if (node.name !== ".git" || node.kind !== "dir" && node.kind !== null) continue;
      let nested = false;
      for (let p = node.parent; p; p = p.parent) if (p.name === ".git") nested = true;
      if (nested) continue;
      const t = tally(node);
      const where = t.layers.length ? `, from ${t.layers.map((l) => ctx.describeLayer(l)).join(", ")}` : "";
      hits.push({
        message: `\`${pathOf(node)}\` is a git directory in the image: ${formatBytes(t.bytes)} of history (${t.files} files)${where}.`,
        bytes: t.bytes
      });
    }
    return hits;
  }
};

// src/analysis/content-rules/IG104-secret-in-image.ts
var KEY_NAMES = /* @__PURE__ */ new Set(["id_rsa", "id_ecdsa", "id_ed25519", "id_dsa"]);
var ENV_TEMPLATES = /* @__PURE__ */ new Set(["example", "sample", "template", "dist"]);
function secretKind(path, name, hint) {
  if (name === ".env") return "an environment file";
  if (name.startsWith(".env.") && !ENV_TEMPLATES.has(name.slice(5))) return "an environment file";
  if (KEY_NAMES.has(name)) return "an SSH private key";
  if (hint === "private-key") return "a private key";
  if (name === ".npmrc" && hint === "npm-token") return "an npm auth token";
  if (path.endsWith("/.aws/credentials")) return "AWS credentials";
  if (path.endsWith("/.docker/config.json") && hint === "docker-auths") return "registry credentials";
  return null;
}
var IG104 = {
  id: "IG104",
  name: "secret-in-image",
  severity: "error",
  summary: "The final filesystem holds `.env`, an SSH private key, a PEM private key, `.npmrc` with `_authToken`, `.aws/credentials` or `.docker/config.json` with credentials. The value is never printed.",
  rationale: "Anyone who can pull the image can read every file in every layer: a credential shipped in an image is a credential leaked, even when a later layer deletes it.",
  fix: "Keep it out of the build context (.dockerignore) and pass secrets at build time with `RUN --mount=type=secret,id=\u2026`, or at run time; rotate it, since anyone who pulls the image has it.",
  check(ctx) {
    const hits = [];
    for (const node of walk(ctx.root)) {
      if (node.kind !== "file" && node.kind !== "hardlink") continue;
      const path = pathOf(node);
      const kind = secretKind(path, node.name, node.secret);
      if (!kind) continue;
      hits.push({
        message: `\`${path}\` is ${kind}, shipped in ${ctx.describeLayer(node.layer)}; its content is not shown.`,
        bytes: node.size
      });
    }
    return hits;
  }
};

// src/analysis/content-rules/IG105-toolchain-in-image.ts
var TOOLS = ["gcc", "cc", "g++", "clang", "make"];
var DIRS = ["usr/bin", "usr/local/bin"];
var IG105 = {
  id: "IG105",
  name: "toolchain-in-image",
  severity: "info",
  summary: "gcc, cc, g++, clang or make is in /usr/bin or /usr/local/bin of the final filesystem.",
  rationale: "Compilers and build tools are needed to build, not to run: in the final image they add size and give an attacker who gets in the tools to build more.",
  fix: "Compile in a builder stage and copy only the results into the final stage (`COPY --from=builder \u2026`).",
  check(ctx) {
    const found = [];
    let bytes = 0;
    for (const dir of DIRS) {
      const node = findPath(ctx.root, dir);
      for (const tool of TOOLS) {
        const hit = node?.children?.get(tool);
        if (!hit || hit.kind === "dir" || hit.kind === null) continue;
        found.push(`/${dir}/${tool}`);
        bytes += hit.size;
      }
    }
    if (found.length === 0) return [];
    return [
      {
        message: `The image ships a compiler toolchain (${found.map((f) => `\`${f}\``).join(", ")}${bytes ? `, ${formatBytes(bytes)} in those entries alone` : ""}): build tools are only needed while building.`,
        bytes
      }
    ];
  }
};

// src/analysis/content-rules/index.ts
var CONTENT_RULES = [IG101, IG102, IG103, IG104, IG105];
function checkContent(ctx) {
  return CONTENT_RULES.flatMap((rule) => rule.check(ctx).map((hit) => toFinding(rule, hit)));
}

export {
  mergeLayers,
  findPath,
  largestFiles,
  biggestWasters,
  CONTENT_RULES,
  checkContent
};
