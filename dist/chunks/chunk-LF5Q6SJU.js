import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  applyPolicy,
  describeProbe
} from "./chunk-WEDDGH6R.js";
import {
  buildReport
} from "./chunk-BEXT4FQZ.js";
import {
  markdownTrend
} from "./chunk-PFW6J5NA.js";
import {
  bar,
  budgetFigures,
  costRows,
  diffTotalsLine,
  fileChangeLabel,
  packageCountsLine,
  packageVersions,
  percent,
  relativeTo,
  shortDirectoryList,
  signed,
  statusLine
} from "./chunk-VFUMJL3I.js";
import {
  describeJudged
} from "./chunk-7OYFYWMG.js";
import {
  reachesFailOn
} from "./chunk-YVMMMQ26.js";
import {
  escapeHtml,
  escapeMarkdown,
  escapeMessage,
  inlineCode
} from "./chunk-45SRNV5D.js";
import {
  isArchiveRef
} from "./chunk-6CMD2RE7.js";
import {
  comparePaths
} from "./chunk-DNIAJJEW.js";
import {
  normalizeInstruction
} from "./chunk-QPMSVJNA.js";
import {
  namesRegistry,
  referenceProblem,
  registrySource
} from "./chunk-IYZ2ET24.js";
import {
  formatBytes
} from "./chunk-IIRAH6Y5.js";
import {
  UserError,
  messageOf
} from "./chunk-UH7RQI7X.js";

// src/app/compare.ts
import { isAbsolute, relative } from "node:path";

// src/lint/tooling-packages.ts
var CROSS = "(-[a-z0-9_-]+-linux-gnu[a-z0-9_]*)?";
var DEB_GCC = [
  new RegExp(`^(gcc|cpp)(-\\d+)?${CROSS}$`),
  /^lib(gomp|atomic|jansson|sframe)\d+$/,
  /^libgcc-\d+-dev$/,
  /^binutils(-[a-z0-9_-]+)?$/,
  /^libbinutils$/,
  /^libctf(-nobfd)?\d+$/,
  /^libgprofng\d+$/,
  /^lib(asan|lsan|tsan|ubsan|hwasan|itm|quadmath)\d+$/,
  /^libcc1-\d+$/,
  /^libisl\d+$/,
  /^libmpc\d+$/,
  /^libmpfr\d+$/,
  /^libc6-dev$/,
  /^libc-dev-bin$/,
  /^linux-libc-dev$/,
  /^libcrypt-dev$/,
  /^libnsl-dev$/,
  /^libtirpc-dev$/,
  /^rpcsvc-proto$/
];
var DEB_GXX = [new RegExp(`^g\\+\\+(-\\d+)?${CROSS}$`), /^libstdc\+\+-\d+-dev$/, ...DEB_GCC];
var DEB = {
  gcc: DEB_GCC,
  "g++": DEB_GXX,
  // dpkg-dev brings perl and the Perl modules it uses, compressors, fakeroot, sq (signatures) and manual pages
  "build-essential": [
    /^build-essential$/,
    /^make$/,
    /^dpkg-dev$/,
    /^patch$/,
    /^bzip2$/,
    /^xz-utils$/,
    /^(lib)?fakeroot$/,
    /^sq$/,
    /^manpages(-dev)?$/,
    /^libgdbm(-compat)?\d+(t64)?$/,
    /^perl$/,
    /^libperl5\.\d+$/,
    /^perl-modules-5\.\d+$/,
    /^lib(dpkg|algorithm-diff|algorithm-diff-xs|algorithm-merge|file-fcntllock|locale-gettext)-perl$/,
    ...DEB_GXX
  ],
  clang: [/^clang(-\d+)?$/, /^libclang/, /^llvm(-\d+)?(-[a-z-]+)?$/, /^libllvm\d+/, ...DEB_GCC],
  make: [/^make$/],
  cmake: [/^cmake(-data)?$/]
};
var APK_GCC = [
  /^gcc$/,
  /^binutils$/,
  /^isl\d*$/,
  /^mpc1$/,
  /^mpfr4$/,
  /^libgomp$/,
  /^libatomic$/,
  /^musl-dev$/
];
var APK_BASE = [
  /^build-base$/,
  /^g\+\+$/,
  /^make$/,
  /^libc-dev$/,
  /^fortify-headers$/,
  /^libstdc\+\+-dev$/,
  /^patch$/,
  ...APK_GCC
];
var APK = {
  gcc: APK_GCC,
  "g++": [/^g\+\+$/, /^libstdc\+\+-dev$/, ...APK_GCC],
  "build-base": APK_BASE,
  "alpine-sdk": [/^alpine-sdk$/, /^abuild$/, ...APK_BASE],
  clang: [/^clang\d*(-[a-z-]+)?$/, /^llvm\d*-libs$/, ...APK_GCC],
  make: [/^make$/],
  cmake: [/^cmake$/]
};
var RPM_GCC = [
  /^gcc$/,
  /^cpp$/,
  /^glibc-devel$/,
  /^glibc-headers$/,
  /^kernel-headers$/,
  /^libmpc$/,
  /^binutils(-gold)?$/,
  /^libxcrypt-devel$/
];
var RPM = {
  gcc: RPM_GCC,
  "gcc-c++": [/^gcc-c\+\+$/, /^libstdc\+\+-devel$/, ...RPM_GCC],
  clang: [/^clang(-libs|-resource-filesystem)?$/, /^llvm-libs$/, ...RPM_GCC],
  make: [/^make$/],
  cmake: [/^cmake(-data|-filesystem|-rpm-macros)?$/]
};
function pythonName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
function toolingPackages(manager, tool) {
  if (manager === "pip") {
    const wanted = pythonName(tool);
    return (name) => pythonName(name) === wanted;
  }
  const table = manager === "apt" ? DEB : manager === "apk" ? APK : RPM;
  const family = table[tool] ?? table[tool.replace(/-\d+(\.\d+)*$/, "")] ?? [];
  return (name) => name === tool || family.some((re) => re.test(name));
}
function ecosystemOf(manager) {
  return manager === "apt" ? "deb" : manager === "pip" ? "python" : manager;
}

// src/analysis/finding-bytes.ts
var PACKAGE_CACHE_PATHS = [
  "/var/lib/apt/lists",
  "/var/cache/apt",
  "/var/cache/apk",
  "/etc/apk/cache",
  "/var/cache/dnf",
  "/var/cache/yum",
  "/var/cache/libdnf5"
];
var NO_LAYER = /* @__PURE__ */ new Set([
  "ARG",
  "ENV",
  "LABEL",
  "WORKDIR",
  "USER",
  "EXPOSE",
  "CMD",
  "ENTRYPOINT",
  "VOLUME",
  "SHELL",
  "STOPSIGNAL",
  "HEALTHCHECK",
  "ONBUILD",
  "MAINTAINER"
]);
var squash = (s) => s.replace(/\s+/g, "");
function layersOfSteps(layers, steps) {
  const out = /* @__PURE__ */ new Map();
  let j = layers.length - 1;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    let matched = false;
    while (j >= 0 && !matched) {
      const layer = layers[j];
      const text = normalizeInstruction(layer.createdBy).replace(/^.*?#\(nop\)\s*/, "");
      const kind = /^([A-Z]+)\b/.exec(text)?.[1] ?? "";
      if (step.recorded === null ? kind === step.keyword : step.recorded.some((r) => squash(r) === squash(text))) {
        if (step.recorded !== null) out.set(step.line, layer.index);
        matched = true;
      } else if (!NO_LAYER.has(kind) && !(layer.empty && text === "")) {
        return out;
      }
      j--;
    }
    if (!matched) return out;
  }
  return out;
}
function lowerBound(paths, path) {
  let lo = 0;
  let hi = paths.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (comparePaths(paths[mid], path) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function bytesInLayer(index, layer, prefixes) {
  const counted = /* @__PURE__ */ new Set();
  let bytes = 0;
  const paths = [];
  for (const prefix of prefixes) {
    const p = prefix.replace(/^\/+/, "").replace(/\/+$/, "");
    let here = 0;
    for (let i = p === "" ? 0 : lowerBound(index.paths, p); i < index.paths.length; i++) {
      const path = index.paths[i];
      if (p !== "" && path !== p && !path.startsWith(`${p}/`)) break;
      if (index.layers[i] !== layer || counted.has(i)) continue;
      counted.add(i);
      here += index.sizes[i];
    }
    if (here > 0 && !paths.includes(`/${p}`)) paths.push(`/${p}`);
    bytes += here;
  }
  return { bytes, paths };
}
function cachesInLayer(index, layer, named) {
  const roots = new Set(named.map((d) => d.replace(/\/+$/, "")));
  for (let i = 0; i < index.paths.length; i++) {
    if (index.layers[i] !== layer) continue;
    const path = index.paths[i];
    if (!path.includes(".cache/")) continue;
    const m = /^(?:.*\/)?\.cache\/(?:pip|uv)(?=\/)/.exec(path);
    if (m) roots.add(`/${m[0]}`);
  }
  return bytesInLayer(index, layer, [...roots].sort());
}
function tooling(steps, layerOf, image, index) {
  const packages = image.packages;
  const installs = steps.filter((s) => s.tooling.length > 0);
  if (!packages || installs.length === 0) return null;
  const layers = /* @__PURE__ */ new Set();
  for (const s of installs) {
    const layer = layerOf.get(s.line);
    if (layer === void 0) return null;
    layers.add(layer);
  }
  let installed = null;
  if (index.owners) {
    installed = /* @__PURE__ */ new Set();
    for (let i = 0; i < index.paths.length; i++)
      if (index.owners[i] >= 0 && layers.has(index.layers[i])) installed.add(index.owners[i]);
  }
  const tests = installs.flatMap(
    (s) => s.tooling.flatMap(
      (t) => t.packages.map((p) => ({ eco: ecosystemOf(t.manager), test: toolingPackages(t.manager, p) }))
    )
  );
  const chosen = packages.filter(
    (p, k) => (installed === null || installed.has(k)) && tests.some((t) => t.eco === p.ecosystem && t.test(p.name))
  );
  if (chosen.length === 0 && !packages.some((p) => tests.some((t) => t.eco === p.ecosystem))) return null;
  return { bytes: chosen.reduce((n, p) => n + p.bytes, 0), packages: chosen };
}
function measureFindings(input) {
  const { steps, image, fileIndex: index } = input;
  if (!steps || !index || steps.steps.length === 0) return [...input.findings];
  const layerOf = layersOfSteps(image.layers, steps.steps);
  const stepAt = new Map(steps.steps.map((s) => [s.line, s]));
  let toolingCost;
  return input.findings.map((f) => {
    if (f.line === null || f.file === null) return f;
    const step = stepAt.get(f.line);
    const layer = layerOf.get(f.line);
    let measure = null;
    if (f.rule === "IG001" || f.rule === "IG011") {
      toolingCost ??= tooling(steps.steps, layerOf, image, index);
      if (toolingCost)
        measure = {
          bytes: toolingCost.bytes,
          measured: {
            layer: null,
            paths: [],
            packages: toolingCost.packages.slice().sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1)).map((p) => `${p.ecosystem}:${p.name}`)
          }
        };
    } else if (step && layer !== void 0) {
      let found = null;
      if (f.rule === "IG005" && step.keyword === "RUN")
        found = bytesInLayer(index, layer, PACKAGE_CACHE_PATHS);
      else if (f.rule === "IG004" && step.keyword === "RUN")
        found = cachesInLayer(index, layer, step.cacheDirs);
      else if ((f.rule === "IG008" || f.rule === "IG012") && step.wholeContext && step.destination && steps.heavy.length)
        found = bytesInLayer(
          index,
          layer,
          steps.heavy.map((h) => `${step.destination.replace(/\/+$/, "")}/${h.path}`)
        );
      else if (f.rule === "IG013" && step.npm?.devPaths?.length)
        found = bytesInLayer(
          index,
          layer,
          step.npm.devPaths.map((p) => `${step.npm.workdir.replace(/\/+$/, "")}/${p}`)
        );
      if (found) measure = { bytes: found.bytes, measured: { layer, paths: found.paths } };
    }
    return measure ? { ...f, ...measure } : f;
  });
}

// src/startup/startup-probe.ts
import { randomBytes } from "node:crypto";
import { Socket } from "node:net";
var STARTUP_LABEL = "image-guard.startup";
var POLL_MS = 50;
function tcpConnect(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.connect(port, host);
  });
}
function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
var round = (s) => Math.round(s * 1e3) / 1e3;
async function measureStartup(image, probe, options, deps) {
  const now = deps.now ?? (() => performance.now() / 1e3);
  const sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const connect = deps.connect ?? tcpConnect;
  const label = options.label ?? randomBytes(6).toString("hex");
  const times = [];
  let note = null;
  for (let i = 0; i < options.runs && note === null; i++) {
    const outcome = await oneRun(image, probe, options.timeoutSeconds, label, deps.runner, {
      now,
      sleep,
      connect
    });
    if (typeof outcome === "number") times.push(round(outcome));
    else note = times.length ? `run ${i + 1} of ${options.runs}: ${outcome}` : outcome;
  }
  return { medianSeconds: median(times), runs: times, probe: describeProbe(probe), note };
}
async function oneRun(image, probe, timeoutSeconds, label, runner, t) {
  const started = t.now();
  let id = null;
  try {
    const run = await runner.run(image, { [STARTUP_LABEL]: label });
    id = run.id;
    if ("error" in run) return `docker run failed: ${run.error}`;
    for (; ; ) {
      const state = await runner.state(run.id);
      if (!state.running) {
        const last = (await runner.logsTail(run.id)).at(-1);
        const code = state.exitCode === null ? "" : ` with code ${state.exitCode}`;
        return `the container stopped${code} before it was ready${last ? ` (last output: ${last.slice(0, 160)})` : ""}`;
      }
      const left = timeoutSeconds - (t.now() - started);
      if (left <= 0) break;
      const ready = probe.kind === "port" ? await t.connect(state.address ?? "127.0.0.1", probe.port, Math.min(1e3, left * 1e3)) : await runner.exec(run.id, probe.command) === 0;
      if (ready) return t.now() - started;
      if (t.now() - started >= timeoutSeconds) break;
      await t.sleep(POLL_MS);
    }
    return `not ready within ${timeoutSeconds} s (${describeProbe(probe)})`;
  } finally {
    if (id) await runner.remove(id).catch(() => void 0);
  }
}

// src/app/costs.ts
function registryLookup(client, ref) {
  if (!ref || !namesRegistry(ref)) return null;
  return client.compressedSize(ref).catch((error) => ({ ok: false, why: String(error) }));
}
function withRegistrySizes(image, result, ref) {
  if (!result) return { image, note: null };
  if (!result.ok) {
    const fallback = image.compressed ? "; computed sizes used instead" : "";
    return { image, note: `${ref}: ${result.why}${fallback}` };
  }
  const ids = [result.configDigest, result.manifestDigest, result.indexDigest];
  if (!ids.includes(image.id)) {
    return {
      image,
      note: `${ref}: the registry's tag points at another image than the one analyzed (${result.configDigest.slice(0, 19)}); its sizes are not used`
    };
  }
  return { image: { ...image, compressed: result.compressed }, note: null };
}
async function startupFor(request) {
  const out = {};
  for (const { side, ref, why } of request.images) {
    if (!ref || !request.runner) {
      out[side] = {
        medianSeconds: null,
        runs: [],
        probe: request.probe.kind === "port" ? `port:${request.probe.port}` : `cmd:${request.probe.command}`,
        note: why ?? (request.runner ? "no image to start" : "no docker CLI to start containers with")
      };
      continue;
    }
    out[side] = await measureStartup(
      ref,
      request.probe,
      { runs: request.runs, timeoutSeconds: request.timeoutSeconds },
      { runner: request.runner }
    );
  }
  return out;
}

// src/app/compare.ts
async function runComparison(request, ports) {
  const { settings } = request;
  checkImageRef(request.head.ref, "the head image");
  if ("ref" in request.base) checkImageRef(request.base.ref, "the base image");
  const what = { files: settings.files, pullSize: settings["pull-size"], platform: settings.platform };
  const baseRequest = "ref" in request.base ? request.base : null;
  const answers = askRegistries([request.head.ref, baseRequest?.ref], ports);
  answers.catch(() => void 0);
  const [head, base, linted] = await Promise.all([
    ports.analyze(request.head.ref, what),
    baseRequest ? readBase(baseRequest, what, ports) : { image: null, fileIndex: void 0, why: unavailableWhy(request.base), explore: null },
    lintStep(request, ports)
  ]);
  const pullNotes = [];
  const registry = await answers;
  const sized = (image, ref) => {
    const answer = registry.get(ref);
    if (!answer) return image;
    const r = withRegistrySizes(image, answer, ref);
    if (r.note) pullNotes.push(r.note);
    return r.image;
  };
  const headImage = sized(head.image, request.head.ref);
  const baseImage = base.image && baseRequest ? sized({ ...base.image, ref: baseRequest.shownAs ?? base.image.ref }, baseRequest.ref) : null;
  const startup = await startupStep(request, baseImage !== null, ports);
  const cacheProbe = ports.cacheProbe ? await ports.cacheProbe(headImage) : null;
  return buildReport({
    head: { ...headImage, ref: request.head.shownAs ?? request.head.ref },
    base: baseImage,
    baseUnavailable: baseImage ? null : base.why,
    // What each Dockerfile finding costs, measured in the head's own file index.
    findings: [
      ...measureFindings({
        findings: linted?.findings ?? [],
        steps: linted?.final,
        image: headImage,
        fileIndex: head.fileIndex
      }),
      ...applyPolicy(head.findings, request.config)
    ],
    limits: limitsOf(settings),
    failOn: settings["fail-on"],
    ...linted ? { judged: linted.judged } : {},
    // From the two analyses' file indexes (kept in the analysis cache too): no image is read again.
    fileIndexes: { base: base.fileIndex, head: head.fileIndex },
    costs: {
      pullBandwidth: settings["pull-bandwidth"],
      builds: { head: request.head.build ?? null, base: baseRequest?.build ?? null },
      buildWhy: request.buildWhy ?? null,
      startup,
      pullNotes
    },
    cacheProbe,
    explore: { head: head.explore ?? null, base: base.explore ?? null },
    labels: { headLabel: request.head.label, baseLabel: baseRequest?.label },
    ...request.policy ? { policy: request.policy } : {}
  });
}
async function runAnalysis(ref, settings, config, ports) {
  checkImageRef(ref, "the image");
  const { image, findings, explore } = await ports.analyze(ref, {
    files: settings.files,
    pullSize: settings["pull-size"],
    platform: settings.platform
  });
  return buildReport({
    head: image,
    base: null,
    findings: applyPolicy(findings, config),
    limits: limitsOf(settings),
    failOn: settings["fail-on"],
    explore: { head: explore ?? null }
  });
}
function checkImageRef(ref, what) {
  if (isArchiveRef(ref)) return;
  const problem = referenceProblem(registrySource(ref) ?? ref);
  if (problem === null) return;
  const shown = ref.length > 200 ? `${ref.slice(0, 200)}\u2026` : ref;
  throw new UserError(
    `${what} ${JSON.stringify(shown)} is not an image reference: it ${problem}. Write NAME[:TAG][@DIGEST] (e.g. ghcr.io/org/app:1.2), registry:NAME[:TAG][@DIGEST], docker-archive:PATH, oci-archive:PATH or oci:DIR`
  );
}
function unavailableWhy(base) {
  return "unavailable" in base ? base.unavailable : "no base image";
}
async function readBase(base, what, ports) {
  try {
    const { image, fileIndex, explore } = await ports.analyze(base.ref, what);
    return { image, fileIndex, why: null, explore: explore ?? null };
  } catch (error) {
    if (!base.optional) throw error;
    return {
      image: null,
      fileIndex: void 0,
      why: `the base image could not be read: ${messageOf(error)}`,
      explore: null
    };
  }
}
async function lintStep(request, ports) {
  const d = request.dockerfile;
  if (!d) return null;
  const { findings, judged, final } = await ports.lint(d.path, {
    context: d.context,
    target: d.target,
    config: request.config,
    platform: request.settings.platform,
    buildContexts: request.settings["build-contexts"].map((c) => c.slice(0, Math.max(0, c.indexOf("="))))
  });
  return {
    findings: findings.map((f) => f.file ? { ...f, file: shownPath(f.file, request.root) } : f),
    judged,
    final
  };
}
function shownPath(path, root) {
  if (!isAbsolute(path)) return path;
  const rel = relative(root, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}
async function askRegistries(refs, ports) {
  const answers = /* @__PURE__ */ new Map();
  const named = refs.filter((r) => !!r && !isArchiveRef(r) && namesRegistry(r));
  if (named.length === 0) return answers;
  const client = await ports.registry();
  await Promise.all(
    named.map(async (ref) => {
      const answer = await registryLookup(client, ref);
      if (answer) answers.set(ref, answer);
    })
  );
  return answers;
}
async function startupStep(request, withBase, ports) {
  const probe = request.settings["startup-probe"];
  if (!probe) return {};
  const side = (ref) => isArchiveRef(ref) ? { ref: null, why: "an archive cannot be started: give an image the engine has" } : { ref: registrySource(ref) ?? ref };
  const base = "ref" in request.base && withBase ? request.base.ref : null;
  return startupFor({
    runner: await ports.containers(),
    probe,
    runs: request.settings["startup-runs"],
    timeoutSeconds: request.settings["startup-timeout"],
    images: [
      ...base ? [{ side: "base", ...side(base) }] : [],
      { side: "head", ...side(request.head.ref) }
    ]
  });
}
function limitsOf(settings) {
  const limits = {};
  if (settings["max-size"] !== null) limits.maxSize = settings["max-size"];
  if (settings["max-increase"] !== null) limits.maxIncrease = settings["max-increase"];
  if (settings["max-wasted"] !== null) limits.maxWasted = settings["max-wasted"];
  if (settings["min-efficiency"] !== null) limits.minEfficiency = settings["min-efficiency"];
  if (settings["max-layers"] !== null) limits.maxLayers = settings["max-layers"];
  return limits;
}

// src/app/ports.ts
var realPorts = {
  analyze: async (ref, options) => (await import("./image-source-QLHWGFH3.js")).analyzeRef(ref, options),
  registry: async () => (await import("./registry-client-ZV4LVQLQ.js")).registryClient(),
  containers: async () => (await import("./docker-cli-PKVIUDU6.js")).dockerCli().containers,
  lint: async (path, options) => (await import("./lint-QDOR45XR.js")).lintDockerfileResult(path, {
    ...options,
    target: options.target ?? void 0,
    platform: options.platform ?? void 0
  })
};
function runAnalyzer(registryEnv, engineTimeout = null, hooks = {}) {
  const shared = /* @__PURE__ */ new Map();
  const { onTally } = hooks;
  return async (ref, options) => (await import("./image-source-QLHWGFH3.js")).analyzeRef(ref, {
    ...options,
    shared,
    engineTimeout,
    ...registryEnv ? { registryEnv } : {},
    ...onTally ? { onTally: (tally) => onTally(ref, tally) } : {}
  });
}
function tallyLine(ref, t) {
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  return `${ref}: layers read ${t.readLayers} (${mb(t.readBytes)}), skipped ${t.skippedLayers} (${mb(t.skippedBytes)}, known from the layer cache or the other image)`;
}

// src/render/fix-first.ts
var FIX_FIRST_LIMIT = 5;
function fixFirst(findings, limit = FIX_FIRST_LIMIT) {
  const items = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (!f.measured || !f.bytes || f.bytes <= 0) continue;
    const key = JSON.stringify([f.line, f.bytes, f.measured]);
    const known = items.get(key);
    if (known) known.rules.push(f.rule);
    else items.set(key, { rules: [f.rule], line: f.line, bytes: f.bytes, measured: f.measured });
  }
  return [...items.values()].sort((a, b) => b.bytes - a.bytes || (a.line ?? 0) - (b.line ?? 0)).slice(0, limit);
}
function some(names, max, code) {
  const shown = names.slice(0, max).map(code).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
function costPhrase(bytes, m, code = (s) => s) {
  const size = formatBytes(bytes);
  if (m.packages?.length) {
    const names = m.packages.map((p) => p.slice(p.indexOf(":") + 1));
    return `${size} of build tooling packages (${some(names, 3, code)})`;
  }
  const where = m.layer === null ? "" : ` in layer ${m.layer}`;
  return m.paths.length ? `${size} of ${some(m.paths, 2, code)}${where}` : `${size}${where}`;
}
function fixFirstMarkdown(findings) {
  const items = fixFirst(findings);
  if (items.length === 0) return [];
  return [
    "**Fix first**: what the findings cost in this image, measured",
    "",
    ...items.map((item) => {
      const where = item.line === null ? "" : ` line ${item.line}`;
      const phrase = costPhrase(item.bytes, item.measured, (s) => inlineCode(s, 100));
      return `- ${escapeMarkdown(item.rules.join(", "))}${where}: ${phrase}`;
    }),
    ""
  ];
}

// src/render/policy.ts
function change(c, s) {
  const rule = c.key.startsWith("severity.") ? c.key.slice("severity.".length) : null;
  const name = rule ?? c.key;
  let what;
  if (c.base === null && c.head !== null)
    what = rule ? `${name} ${s.code(c.head)}` : `${name} ${s.code(c.head)} (new)`;
  else if (c.head === null && c.base !== null)
    what = rule ? `${name} back to its default (was ${s.code(c.base)})` : `${name} ${s.code(c.base)} removed`;
  else what = `${name} ${s.code(c.base ?? "")} \u2192 ${s.code(c.head ?? "")}`;
  return c.applies === "input" ? `${what} (the workflow's input applies)` : what;
}
function ignore(i, s) {
  const where = s.text(`${i.file}:${i.line}`);
  return i.scope === "file" ? `${i.rule} in the whole file (${where})` : `${i.rule} for one instruction (${where})`;
}
function policySentences(policy, s) {
  const out = [];
  const changes = policy.changes.map((c) => change(c, s)).join("; ");
  const file = s.code(policy.file);
  if (policy.from === "base") {
    if (changes)
      out.push(
        `${s.strong("This PR changes the policy")}: ${changes}. It is judged by ${file} at the base commit ${s.text(policy.baseCommit)}, the reviewed one; the change applies once merged.`
      );
  } else {
    const why = policy.from === "head (no base config)" ? `${s.strong("First adoption")}: the base commit ${s.text(policy.baseCommit)} has no ${file}` : `${s.strong("The base commit's config could not be used")} (${s.text(policy.note ?? `${policy.file} unreadable`)})`;
    out.push(`${why}, so this PR's own config judges it${changes ? `; it sets ${changes}` : ""}.`);
  }
  if (policy.addedIgnores.length > 0)
    out.push(
      `${s.strong("This PR adds inline ignores")}: ${policy.addedIgnores.map((i) => ignore(i, s)).join("; ")}.`
    );
  return out;
}

// src/render/markdown.ts
var MARKDOWN_POLICY = {
  code: (t) => inlineCode(t),
  strong: (t) => `**${escapeMarkdown(t)}**`,
  text: escapeMarkdown
};
var COMMENT_LIMIT = 65536;
var FULL = {
  directories: 6,
  packages: 10,
  morePackages: 1e3,
  layers: 500,
  files: 20,
  wasters: 20,
  otherFindings: 500,
  failing: 500
};
var FILES_PER_DIRECTORY = 3;
function renderMarkdown(report, options) {
  const max = options.maxChars ?? Number.POSITIVE_INFINITY;
  let body = compose(report, options, FULL, false);
  if (body.length <= max) return body;
  const steps = [
    {
      directories: 6,
      packages: 10,
      morePackages: 100,
      layers: 60,
      files: 10,
      wasters: 10,
      otherFindings: 50,
      failing: FULL.failing
    },
    {
      directories: 3,
      packages: 5,
      morePackages: 0,
      layers: 20,
      files: 5,
      wasters: 5,
      otherFindings: 10,
      failing: FULL.failing,
      mermaid: false
    },
    {
      directories: 0,
      packages: 0,
      morePackages: 0,
      layers: 0,
      files: 0,
      wasters: 0,
      otherFindings: 0,
      failing: FULL.failing,
      mermaid: false
    }
  ];
  for (const limits of steps) {
    body = compose(report, options, limits, true);
    if (body.length <= max) return body;
  }
  let lo = 0;
  let hi = FULL.failing;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (compose(report, options, { ...steps[2], failing: mid }, true).length <= max) lo = mid;
    else hi = mid - 1;
  }
  body = compose(report, options, { ...steps[2], failing: lo }, true);
  if (body.length <= max) return body;
  const note = `

\u2026 cut to fit. ${options.fullReportHint ?? ""}
`;
  return body.slice(0, Math.max(0, max - note.length)) + note;
}
function compose(report, o, lim, cut) {
  const out = [];
  if (o.prefix) out.push(o.prefix);
  const icon = report.passed ? "\u2705" : "\u274C";
  const title = o.title ? ` \xB7 ${escapeMarkdown(o.title)}` : "";
  if (!o.nested)
    out.push(`### ${icon} image-guard${title}: ${escapeMarkdown(statusLine(report, o.failOn))}`, "");
  if (cut) {
    out.push(
      `> Some sections were shortened to fit in a comment. ${escapeMarkdown(o.fullReportHint ?? "")}`,
      ""
    );
  }
  if (report.policy)
    out.push(...policySentences(report.policy, MARKDOWN_POLICY).flatMap((l) => [`> ${l}`, ""]));
  const { head, base } = report;
  if (head) out.push(...overview(report, head, base, o), "");
  if (report.baseUnavailable)
    out.push(`> No base image to compare with: ${escapeMarkdown(report.baseUnavailable)}`, "");
  if (report.judged)
    out.push(
      `<sub>Dockerfile judged as the final image: ${escapeMarkdown(describeJudged(report.judged))}</sub>`,
      ""
    );
  if (report.costs) out.push(...costsTable(report), "");
  if (report.history) out.push(...markdownTrend(report.history, { mermaid: lim.mermaid !== false }), "");
  if (report.diff && lim.directories > 0) out.push(...whereTheBytesWent(report.diff, lim.directories), "");
  if (report.packages && lim.packages > 0) out.push(...packagesSection(report.packages, lim), "");
  out.push(...fixFirstMarkdown(report.findings));
  const failing = report.findings.filter((f) => reachesFailOn(f.severity, o.failOn));
  const others = report.findings.filter((f) => !reachesFailOn(f.severity, o.failOn));
  const brokenBudgets = report.budgets.filter((b) => !b.passed);
  if (brokenBudgets.length) {
    out.push("**Budgets broken**", "", "| budget | limit | actual |", "|---|---:|---:|");
    for (const b of brokenBudgets) {
      const f = budgetFigures(b);
      out.push(`| ${b.name} | ${f.limit} | ${f.actual} |`);
    }
    out.push("");
  }
  if (failing.length) {
    out.push(`**Findings that fail the check** (fail-on: ${o.failOn})`, "");
    out.push(...findingTable(failing.slice(0, lim.failing)));
    if (failing.length > lim.failing) out.push(`| | | \u2026 and ${failing.length - lim.failing} more | |`);
    out.push("");
  }
  if (head && lim.layers > 0) {
    const rows = layerRows(report, head, lim.layers);
    out.push(...details(`Layers (${rows.total}): where the bytes are`, rows.lines));
  }
  if (head?.files && lim.files > 0 && head.files.largest.length) {
    out.push(...largestFiles(head, report.diff, lim.files));
  }
  if (head?.files && lim.wasters > 0 && head.files.wasted.length) {
    out.push(
      ...details(`Biggest wasters (${formatBytes(head.files.wastedBytes)} wasted in all)`, [
        "| wasted | path | layers |",
        "|---:|---|---|",
        ...head.files.wasted.slice(0, lim.wasters).map((w) => `| ${formatBytes(w.bytes)} | ${inlineCode(w.path)} | ${w.layers.join(", ")} |`)
      ])
    );
  }
  if (others.length && lim.otherFindings > 0) {
    const shown = others.slice(0, lim.otherFindings);
    const more = others.length - shown.length;
    out.push(
      ...details(`Other findings (${others.length}, below fail-on)`, [
        ...findingTable(shown),
        ...more > 0 ? [`| | | \u2026 and ${more} more | |`] : []
      ])
    );
  }
  if (report.cacheProbe && lim.layers > 0)
    out.push(...details(probeSummary(report.cacheProbe), probeLines(report.cacheProbe)));
  const passedBudgets = report.budgets.filter((b) => b.passed);
  if (passedBudgets.length || o.unchecked?.length) {
    const lines = ["| budget | limit | actual | |", "|---|---:|---:|---|"];
    for (const b of passedBudgets) {
      const f = budgetFigures(b);
      lines.push(`| ${b.name} | ${f.limit} | ${f.actual} | \u2705 |`);
    }
    for (const u of o.unchecked ?? []) lines.push(`| ${escapeMarkdown(u)} | | | not checked |`);
    out.push(...details("Budgets kept", lines));
  }
  if (o.htmlReport)
    out.push(
      `\u{1F4CA} [HTML report](${o.htmlReport.replace(/[()\s]/g, encodeURIComponent)}): the layers, the final filesystem and the diff to explore (a workflow artifact: download, unzip, open \`report.html\`)`,
      ""
    );
  if (!o.nested) out.push(`<sub>image-guard ${escapeMarkdown(report.tool.version)}</sub>`);
  return `${out.join("\n")}
`;
}
function whereTheBytesWent(diff, limit) {
  const lines = [`**Where the bytes went**: ${diffTotalsLine(diff)}`];
  const dirs = shortDirectoryList(diff, limit);
  if (dirs.length === 0) return lines;
  lines.push("", "| change | directory | files | largest changes |", "|---:|---|---|---|");
  for (const d of dirs) {
    const counts = [
      d.added.files ? `+${d.added.files}` : "",
      d.removed.files ? `\u2212${d.removed.files}` : "",
      d.grown.files + d.shrunk.files ? `~${d.grown.files + d.shrunk.files}` : ""
    ].filter(Boolean).join(" ").concat(d.wholly === "added" ? " (new)" : d.wholly === "removed" ? " (gone)" : "");
    const files = d.largest.slice(0, FILES_PER_DIRECTORY).map(
      (f) => `${inlineCode(relativeTo(d.path, f.path), 60)} ${escapeMarkdown(fileChangeLabel(f))}${f.change === "added" || f.change === "removed" ? ` ${formatBytes(Math.abs(f.delta))}` : ""}`
    ).join("<br>");
    const owner = d.owner ? ` (${escapeMarkdown(d.owner.name)})` : "";
    lines.push(
      `| **${signed(d.net, formatBytes)}** | ${inlineCode(d.path, 80)}${owner} | ${counts} | ${files} |`
    );
  }
  if (diff.directories.length > dirs.length) {
    lines.push(
      "",
      `<sub>The JSON report lists ${diff.directories.length} directories (\`diff.directories\`), nested ones too.</sub>`
    );
  }
  return lines;
}
function packagesSection(packages, lim) {
  const lines = [`**Packages**: ${packageCountsLine(packages)}`];
  const changes = packages.changes;
  if (changes.length === 0) return lines;
  const header = ["| package | change | versions | bytes |", "|---|---|---|---:|"];
  const row = (c) => `| ${inlineCode(c.name, 60)} | ${c.change} | ${escapeMarkdown(packageVersions(c))} | ${signed(c.delta, formatBytes)} |`;
  const top = changes.slice(0, lim.packages);
  lines.push("", ...header, ...top.map(row));
  const rest = changes.slice(top.length);
  const more = rest.slice(0, lim.morePackages);
  if (more.length > 0) {
    lines.push(
      "",
      ...details(
        `${rest.length.toLocaleString("en-US")} more package change${rest.length === 1 ? "" : "s"}`,
        [...header, ...more.map(row)]
      )
    );
  }
  if (rest.length > more.length) {
    lines.push(
      `<sub>The JSON report lists all ${changes.length.toLocaleString("en-US")} package changes (\`packages.changes\`).</sub>`
    );
  }
  return lines;
}
function largestFiles(head, diff, limit) {
  const all = head.files?.largest ?? [];
  const touched = (diff?.largest ?? []).slice(0, limit);
  const listed = new Set(touched.map((f) => f.path));
  const rest = all.filter((f) => !listed.has(f.path)).slice(0, Math.max(0, limit - touched.length));
  const max = Math.max(1, ...touched.map((f) => f.headSize ?? 0), ...rest.map((f) => f.size));
  const rows = [
    ...touched.map((f) => ({
      size: f.headSize ?? 0,
      what: fileChangeLabel(f),
      path: f.path,
      layer: f.layer
    })),
    ...rest.map((f) => ({ size: f.size, what: diff ? "" : null, path: f.path, layer: f.layer }))
  ];
  const withChange = diff !== void 0;
  const summary = withChange ? `Largest files (${rows.length}; ${touched.length} added or changed by this PR first)` : `Largest files (${rows.length})`;
  return details(summary, [
    withChange ? "| size | | change | path | layer |" : "| size | | path | layer |",
    withChange ? "|---:|---|---|---|---:|" : "|---:|---|---|---:|",
    ...rows.map(
      (r) => withChange ? `| ${formatBytes(r.size)} | ${bar(r.size, max, 12)} | ${escapeMarkdown(r.what ?? "")} | ${inlineCode(r.path)} | ${r.layer ?? ""} |` : `| ${formatBytes(r.size)} | ${bar(r.size, max, 12)} | ${inlineCode(r.path)} | ${r.layer ?? ""} |`
    )
  ]);
}
function details(summary, lines) {
  return ["<details>", `<summary>${escapeHtml(summary)}</summary>`, "", ...lines, "", "</details>", ""];
}
function overview(report, head, base, o) {
  const label = (l, i) => l ? inlineCode(l, 40) : inlineCode(i.id.replace(/^sha256:/, "").slice(0, 12));
  const d = report.delta;
  const count = (i) => String(i.layers.filter((l) => !l.empty).length);
  const cols = (b, h, delta) => base ? `| ${b} | ${h} | ${delta} |` : `| ${h} |`;
  const lines = [
    base ? `| | base ${label(o.baseLabel, base)} | head ${label(o.headLabel, head)} | delta |` : `| | head ${label(o.headLabel, head)} |`,
    base ? "|---|---:|---:|---:|" : "|---|---:|"
  ];
  const sizeDelta = d ? `**${signed(d.size, formatBytes)}**${d.percent === null ? "" : ` (${signed(d.percent, (n) => `${n}%`)})`}` : "";
  lines.push(`| size ${cols(base ? formatBytes(base.size) : "", formatBytes(head.size), sizeDelta)}`);
  lines.push(`| layers ${cols(base ? count(base) : "", count(head), d ? signed(d.layers, String) : "")}`);
  if (head.files) {
    const w = (i) => i?.files ? formatBytes(i.files.wastedBytes) : "\u2013";
    const e = (i) => i?.files ? percent(i.files.efficiency) : "\u2013";
    const wd = d?.wastedBytes === null || d?.wastedBytes === void 0 ? "\u2013" : signed(d.wastedBytes, formatBytes);
    lines.push(`| wasted ${cols(w(base), w(head), wd)}`);
    lines.push(`| efficiency ${cols(e(base), e(head), "")}`);
  }
  return lines;
}
function costsTable(report) {
  const costs = report.costs;
  const { rows, notes } = costRows(costs);
  const withBase = costs.base !== null;
  const mark = (better) => better === null ? "" : better ? " \u2705" : " \u26A0\uFE0F";
  const lines = [
    "**Size, build, pull and start-up**: what the change costs",
    "",
    withBase ? "| | base | head | change |" : "| | head |",
    withBase ? "|---|---:|---:|---:|" : "|---|---:|"
  ];
  for (const r of rows) {
    lines.push(
      withBase ? `| ${r.label} | ${r.base} | ${r.head} | ${r.change}${mark(r.better)} |` : `| ${r.label} | ${r.head} |`
    );
  }
  if (notes.length) lines.push("", ...notes.map((n) => `- <sub>${escapeMarkdown(n)}</sub>`));
  return lines;
}
function findingTable(findings) {
  const lines = ["| rule | where | problem | fix |", "|---|---|---|---|"];
  for (const f of findings) {
    const where = f.file ? inlineCode(`${f.file}${f.line ? `:${f.line}` : ""}`, 80) : "image";
    const sev = f.severity === "error" ? "\u{1F534}" : f.severity === "warning" ? "\u{1F7E0}" : "\u2139\uFE0F";
    const bytes = f.bytes ? ` (${formatBytes(f.bytes)})` : "";
    lines.push(
      `| ${sev} ${f.rule} ${escapeMarkdown(f.name)} | ${where} | ${escapeMessage(f.message)}${bytes} | ${f.fix ? escapeMessage(f.fix) : ""} |`
    );
  }
  return lines;
}
function layerRows(report, head, limit) {
  if (report.layers.length) {
    const max2 = Math.max(1, ...report.layers.map((r) => Math.max(r.baseSize ?? 0, r.headSize ?? 0)));
    const icon = { same: "", changed: "\u270F\uFE0F", added: "\u2795", removed: "\u2796" };
    const rows2 = report.layers.slice(0, limit).map((r) => {
      const size = Math.max(r.headSize ?? 0, r.baseSize ?? 0);
      const delta = r.status === "same" ? "" : signed(r.delta, formatBytes);
      return `| ${icon[r.status]} ${r.status} | ${r.baseSize === null ? "" : formatBytes(r.baseSize)} | ${r.headSize === null ? "" : formatBytes(r.headSize)} | ${delta} | ${bar(size, max2, 12)} | ${instructionCell(r.createdBy)} |`;
    });
    const more = report.layers.length - rows2.length;
    return {
      total: report.layers.length,
      lines: [
        "| | base | head | delta | | instruction |",
        "|---|---:|---:|---:|---|---|",
        ...rows2,
        ...more > 0 ? [`| | | | | | \u2026 and ${more} more |`] : []
      ]
    };
  }
  const layers = head.layers.filter((l) => !l.empty);
  const max = Math.max(1, ...layers.map((l) => l.size));
  const rows = layers.slice(0, limit).map(
    (l) => `| ${l.index} | ${formatBytes(l.size)} | ${bar(l.size, max, 12)} | ${instructionCell(normalizeInstruction(l.createdBy))} |`
  );
  return {
    total: layers.length,
    lines: ["| # | size | | instruction |", "|---:|---:|---|---|", ...rows]
  };
}
function probeSummary(p) {
  if (p.note) return `Cache probe: ${p.note}`;
  if (p.missed.length === 0) return `Cache probe: changing ${p.changedFile} rebuilt no layer`;
  return `Cache probe: changing ${p.changedFile} rebuilt ${p.missed.length} layer${p.missed.length === 1 ? "" : "s"} (${formatBytes(p.missedBytes)})`;
}
function probeLines(p) {
  if (p.note || !p.changedFile) return [escapeMarkdown(p.note ?? "")];
  const lines = [
    `A one-line change to ${inlineCode(p.changedFile)} in a scratch copy of the build context, rebuilt in ${p.seconds} s. Every layer below missed the cache and is rebuilt and pushed again on each such commit:`,
    ""
  ];
  if (p.missed.length === 0) return [...lines.slice(0, 1), "", "Every layer came from the cache. \u{1F44D}"];
  lines.push("| layer | size | instruction |", "|---:|---:|---|");
  for (const l of p.missed) {
    lines.push(
      `| ${l.index} | ${formatBytes(l.size)} | ${instructionCell(normalizeInstruction(l.createdBy))} |`
    );
  }
  return lines;
}
function instructionCell(instruction) {
  return instruction ? inlineCode(instruction, 100) : "*(no instruction recorded: imported or base layer)*";
}

// src/history/record.ts
var HISTORY_FILE = "history.jsonl";
var HISTORY_FORMAT = 1;
var TREND_POINTS = 30;
function historyRecord(report, at) {
  const head = report.head;
  if (!head) return null;
  const count = (s) => report.findings.filter((f) => f.severity === s).length;
  const pull = report.costs?.head.pull?.bytes ?? head.compressed?.gzip ?? head.compressed?.zstd ?? null;
  const build = report.costs?.head.build ?? null;
  return {
    format: HISTORY_FORMAT,
    key: at.key,
    commit: at.commit,
    date: at.date.toISOString(),
    size: head.size,
    pullSize: pull,
    layers: head.layers.filter((l) => !l.empty).length,
    wastedBytes: head.files?.wastedBytes ?? null,
    findings: { error: count("error"), warning: count("warning"), info: count("info") },
    build: build ? { seconds: build.seconds, cache: build.cache, noCache: build.noCache } : null,
    version: report.tool.version
  };
}
var isCount = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
function parseRecord(line) {
  let v;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null) return null;
  const r = v;
  if (r.format !== HISTORY_FORMAT || typeof r.key !== "string" || typeof r.commit !== "string") return null;
  if (typeof r.date !== "string" || !isCount(r.size)) return null;
  return v;
}
function parseHistory(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const r = line.trim() ? parseRecord(line) : null;
    if (r) out.push(r);
  }
  return out;
}
function appendRecord(text, record, limit) {
  const lines = text.split("\n").map((line) => ({ line, r: parseRecord(line) })).filter((l) => l.r !== null && !(l.r.key === record.key && l.r.commit === record.commit));
  lines.push({ line: JSON.stringify(record), r: record });
  let excess = lines.filter((l) => l.r?.key === record.key).length - Math.max(1, limit);
  const bounded = lines.filter((l) => {
    if (excess > 0 && l.r?.key === record.key) {
      excess--;
      return false;
    }
    return true;
  });
  return `${bounded.map((l) => l.line).join("\n")}
`;
}
function sizeTrend(records, key, head, source, shown = TREND_POINTS) {
  const mine = records.filter((r) => r.key === key);
  if (mine.length === 0) return null;
  const points = mine.slice(-shown).map((r) => ({ commit: r.commit, date: r.date, size: r.size }));
  const sizes = [...points.map((p) => p.size), head.size];
  const largestBefore = Math.max(...mine.map((r) => r.size));
  return {
    key,
    source,
    records: mine.length,
    points,
    head: { label: head.label, size: head.size },
    first: points[0].size,
    min: Math.min(...sizes),
    max: Math.max(...sizes),
    largest: head.size > largestBefore
  };
}

export {
  runComparison,
  runAnalysis,
  realPorts,
  runAnalyzer,
  tallyLine,
  costPhrase,
  policySentences,
  COMMENT_LIMIT,
  renderMarkdown,
  HISTORY_FILE,
  historyRecord,
  parseHistory,
  appendRecord,
  sizeTrend
};
