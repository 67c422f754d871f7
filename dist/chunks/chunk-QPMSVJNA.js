import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/analysis/layers.ts
function imageLayers(data) {
  const { diffIds, history } = data.config;
  const sizeOf = (diffIndex) => data.layerSizes?.[diffIndex] ?? data.layers?.[diffIndex]?.size ?? 0;
  const layers = [];
  let next = 0;
  for (const entry of history) {
    const index = layers.length;
    if (entry.emptyLayer || next >= diffIds.length) {
      layers.push({ index, diffId: null, createdBy: entry.createdBy, size: 0, empty: true });
      continue;
    }
    layers.push({
      index,
      diffId: diffIds[next] ?? null,
      createdBy: entry.createdBy,
      size: sizeOf(next),
      empty: false
    });
    next++;
  }
  for (; next < diffIds.length; next++) {
    layers.push({
      index: layers.length,
      diffId: diffIds[next] ?? null,
      createdBy: "",
      size: sizeOf(next),
      empty: false
    });
  }
  return layers;
}
function nonEmptyIndexes(layers) {
  return layers.filter((l) => !l.empty).map((l) => l.index);
}
function normalizeInstruction(createdBy) {
  let s = createdBy.trim();
  s = s.replace(/\s+# buildkit$/, "");
  s = s.replace(/^(RUN )?\|\d+(?:\s+\S+=\S*)*\s+/, "$1");
  const nop = /^\/bin\/sh -c #\(nop\)\s*/;
  if (nop.test(s)) {
    s = s.replace(nop, "");
  } else if (s.startsWith("/bin/sh -c ")) {
    s = `RUN ${s.slice("/bin/sh -c ".length)}`;
  } else if (/^RUN \/bin\/sh -c /.test(s)) {
    s = `RUN ${s.slice("RUN /bin/sh -c ".length)}`;
  }
  s = s.replace(/\b(file|dir|multi):[0-9a-f]{64}\b/g, "$1:\u2026");
  return s.replace(/\s+/g, " ").trim();
}
function instructionKind(createdBy) {
  const match = /^([A-Z]+)\b/.exec(normalizeInstruction(createdBy));
  return match?.[1] ?? "";
}

export {
  imageLayers,
  nonEmptyIndexes,
  normalizeInstruction,
  instructionKind
};
