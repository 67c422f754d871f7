import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  biggestWasters,
  checkContent,
  largestFiles,
  mergeLayers
} from "./chunk-AAIW3EU7.js";
import {
  fileIndexOf
} from "./chunk-DNIAJJEW.js";
import {
  imageLayers,
  nonEmptyIndexes,
  normalizeInstruction
} from "./chunk-QPMSVJNA.js";

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

export {
  analyzeImage
};
