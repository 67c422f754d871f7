import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  DEFAULT_PULL_BANDWIDTH
} from "./chunk-BEXT4FQZ.js";
import {
  parseBandwidth
} from "./chunk-JHBJJO36.js";
import {
  gitPath
} from "./chunk-3HU7N3WQ.js";
import {
  RULES
} from "./chunk-JBCH6BUI.js";
import {
  referenceProblem
} from "./chunk-IYZ2ET24.js";
import {
  CONTENT_RULES
} from "./chunk-IHQWYLZC.js";
import {
  formatBytes,
  parseIncrease,
  parseSize
} from "./chunk-IIRAH6Y5.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";

// src/config/config.ts
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

// src/core/probe.ts
function parseStartupProbe(text2) {
  const t = text2.trim();
  const port = /^port:(\d{1,5})$/.exec(t);
  if (port) {
    const n = Number(port[1]);
    return n >= 1 && n <= 65535 ? { kind: "port", port: n } : null;
  }
  const cmd = /^cmd:([\s\S]+)$/.exec(t);
  if (cmd && cmd[1].trim()) return { kind: "cmd", command: cmd[1].trim() };
  return null;
}
var STARTUP_PROBE_HINT = "must be port:PORT (e.g. port:8000) or cmd:COMMAND (e.g. cmd:test -f /tmp/ready)";
function describeProbe(probe) {
  return probe.kind === "port" ? `port:${probe.port}` : `cmd:${probe.command}`;
}

// src/config/settings.ts
var KNOWN_RULE_IDS = [...RULES, ...CONTENT_RULES].map((r) => r.id);
var isKnownRuleId = (id) => KNOWN_RULE_IDS.includes(id);
var KNOWN_RULES_HINT = `rule ids are ${RULES[0]?.id}\u2013${RULES.at(-1)?.id} and ${CONTENT_RULES[0]?.id}\u2013${CONTENT_RULES.at(-1)?.id}`;
var FAIL_ON = ["error", "warning", "info", "never"];
var SIZE_HINT = "is not a size (write 250MB, 1.2GiB or bytes)";
var ok = (value) => ({ value });
var problem = (text2) => ({ problem: text2 });
var text = (t) => ok(t);
var pulledImage = (t) => {
  const why = referenceProblem(t);
  return why === null ? ok(t) : problem(`is not an image reference: it ${why} (write NAME[:TAG][@DIGEST], e.g. ghcr.io/org/app:main)`);
};
var size = (t) => {
  const n = parseSize(t);
  return n === null ? problem(SIZE_HINT) : ok(n);
};
var increase = (t) => {
  const n = parseIncrease(t);
  return n === null ? problem("is neither a size nor a percentage (write 10MB or 5%)") : ok(n);
};
var efficiency = (t) => {
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
  return n >= 0 && n <= 1 ? ok(n) : problem("must be a number from 0 to 1 (e.g. 0.95)");
};
var count = (t) => /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? ok(Number(t)) : problem("must be a whole number");
var failOn = (t) => {
  const v = t.toLowerCase();
  return FAIL_ON.includes(v) ? ok(v) : problem("must be error, warning, info or never");
};
var boolean = (t) => /^true$/i.test(t) ? ok(true) : /^false$/i.test(t) ? ok(false) : problem("must be true or false");
var ruleIds = (t) => {
  const ids = t.split(/[\s,]+/).map((id) => id.trim().toUpperCase()).filter(Boolean);
  const bad = ids.find((id) => !isKnownRuleId(id));
  return bad ? problem(`holds the unknown rule id "${bad}": ${KNOWN_RULES_HINT}`) : ok(ids);
};
var policyFrom = (t) => {
  const v = t.toLowerCase();
  return v === "base" || v === "head" ? ok(v) : problem("must be base or head");
};
var gitRef = (t) => /^[^-\s][^\s]*$/.test(t) && !t.includes("..") && !t.includes("^{") && !t.includes(":") ? ok(t) : problem("is not a commit, branch or tag (write a SHA or a name like origin/main)");
var bandwidth = (t) => {
  const bits = parseBandwidth(t);
  return bits === null ? problem("is not a speed (write 100Mbit/s, 1Gbit/s or 12.5MB/s)") : ok(bits);
};
var buildTime = (t) => {
  const v = t.toLowerCase();
  return v === "cached" || v === "fresh" ? ok(v) : problem("must be cached or fresh");
};
var baseSource = (t) => {
  const v = t.toLowerCase();
  return v === "auto" || v === "registry" || v === "engine" ? ok(v) : problem("must be auto, registry or engine");
};
var startupProbe = (t) => {
  const probe = parseStartupProbe(t);
  return probe ? ok(probe) : problem(STARTUP_PROBE_HINT);
};
var runs = (t) => /^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 20 ? ok(Number(t)) : problem("must be a whole number from 1 to 20");
var seconds = (t) => {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*s?$/.exec(t);
  const n = m ? Number(m[1]) : Number.NaN;
  return n > 0 && n <= 3600 ? ok(n) : problem("must be seconds, more than 0 and at most 3600 (e.g. 60 or 2.5s)");
};
var branchName = (t) => /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(t) && !t.includes("..") && !t.includes("//") && !t.endsWith("/") && !t.endsWith(".") && !t.endsWith(".lock") ? ok(t) : problem("is not a branch name (e.g. image-guard-history)");
var historyLimit = (t) => /^\d+$/.test(t) && Number(t) <= 1e5 ? ok(Number(t)) : problem("must be a whole number from 0 to 100000");
var nonEmptyLines = (t) => t.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
var lines = (t) => {
  const all = nonEmptyLines(t);
  const bad = all.find((l) => !/^[^=\s]+=/.test(l));
  return bad === void 0 ? ok(all) : problem(`has the line ${JSON.stringify(bad)}: write KEY=VALUE, one a line`);
};
var secretLines = (t) => {
  const out = [];
  for (const [i, raw] of t.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const pair = idAndValue(line);
    if (!pair) return problem(`line ${i + 1} is not ID=VALUE (the value is not shown; one secret a line)`);
    out.push(pair);
  }
  return ok(out);
};
var BUILD_ID = /^[A-Za-z0-9_.-]+$/;
function idAndValue(line) {
  const eq = line.indexOf("=");
  const id = eq > 0 ? line.slice(0, eq) : "";
  return BUILD_ID.test(id) ? { id, value: line.slice(eq + 1) } : null;
}
var idLines = (what, valid, example) => (t) => {
  const out = [];
  for (const line of nonEmptyLines(t)) {
    const pair = idAndValue(line);
    const value = pair?.value.trim() ?? "";
    if (!pair || !valid.test(value))
      return problem(
        `has the line ${JSON.stringify(line)}: write ID=${what}, one a line (e.g. ${example})`
      );
    out.push({ id: pair.id, value });
  }
  return ok(out);
};
var flagLines = (example) => (t) => {
  const all = nonEmptyLines(t);
  const bad = all.find((l) => /\s/.test(l) || l.startsWith("-"));
  return bad === void 0 ? ok(all) : problem(`has the line ${JSON.stringify(bad)}: one value a line, no spaces (e.g. ${example})`);
};
var DOCKER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
var builderName = (t) => DOCKER_NAME.test(t) ? ok(t) : problem("is not a buildx builder name (e.g. my-builder)");
var network = (t) => DOCKER_NAME.test(t) ? ok(t) : problem("must be default, none, host or a network name");
var attestation = (t) => /^[A-Za-z0-9_.,=:/-]+$/.test(t) && !t.startsWith("-") ? ok(t) : problem("must be false, true or buildx attestation options (e.g. mode=max)");
var givenBuild = (t) => {
  const m = /^(\d+(?:\.\d+)?)\s*s?(?:\/(fresh|uncached|cached|partly-cached))?$/.exec(t);
  if (!m)
    return problem(
      "must be seconds, optionally /fresh (--no-cache), /uncached, /cached or /partly-cached (e.g. 120.5/fresh)"
    );
  const cache = { fresh: "none", uncached: "none", cached: "all", "partly-cached": "partial" };
  return ok({
    seconds: Number(m[1]),
    cache: m[2] ? cache[m[2]] : "unknown",
    noCache: m[2] === "fresh"
  });
};
var format = (allowed) => (t) => allowed.includes(t) ? ok(t) : problem(`must be ${allowed.join(", ")}`);
var setting = (spec) => ({ defaultDoc: "", input: true, config: false, commands: [], ...spec });
var BUDGET = { input: true, config: true, metavar: "S" };
var SETTINGS = {
  dockerfile: setting({
    actionDefault: "Dockerfile",
    doc: "Path of the Dockerfile from the workspace root.",
    default: "Dockerfile",
    defaultDoc: "Dockerfile",
    parse: ok,
    commands: ["compare"],
    metavar: "FILE"
  }),
  context: setting({
    actionDefault: ".",
    doc: "Build context.",
    default: ".",
    defaultDoc: ".",
    parse: ok,
    commands: ["lint", "compare"],
    metavar: "DIR"
  }),
  target: setting({
    doc: "Build stage.",
    default: null,
    parse: text,
    commands: ["lint", "compare"],
    metavar: "STAGE"
  }),
  platform: setting({
    doc: "One platform, os/arch[/variant]: the builds' --platform, what the automatic platform ARGs (TARGETOS, TARGETARCH, \u2026) stand for while linting, and the image read from a multi-platform index of a registry: image. Default: the engine's own (lint: linux/amd64; registry: images: the runner's).",
    default: null,
    parse: (t) => /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(t) ? ok(t) : problem(
      "must be one platform, os/arch[/variant], e.g. linux/arm64 (the image analyzed is one platform's)"
    ),
    commands: ["lint", "analyze", "compare"],
    metavar: "OS/ARCH"
  }),
  fix: setting({
    doc: "Make the mechanical fixes whose effect is certain: the Dockerfile is rewritten in place (and .dockerignore, for IG008); each change and each finding left for a person is listed.",
    default: false,
    defaultDoc: "false",
    parse: boolean,
    input: false,
    commands: ["lint"]
  }),
  diff: setting({
    doc: "With --fix: print the changes as a unified diff instead, and write nothing.",
    default: false,
    defaultDoc: "false",
    parse: boolean,
    input: false,
    commands: ["lint"]
  }),
  "build-args": setting({ doc: "One KEY=VALUE a line.", default: [], parse: lines }),
  secrets: setting({
    doc: "Build secrets, one ID=VALUE a line, for `RUN --mount=type=secret,id=ID`. Masked; never in a log, comment, summary or report.",
    default: [],
    parse: secretLines,
    secret: true
  }),
  "secret-files": setting({
    doc: "Build secrets read from files, one ID=PATH a line.",
    default: [],
    parse: idLines("PATH", /^[^\s]+$/, "npmrc=/home/runner/.npmrc")
  }),
  "secret-envs": setting({
    doc: "Build secrets taken from the step's environment, one ID=ENV_NAME a line. Masked.",
    default: [],
    parse: idLines("ENV_NAME", /^[A-Za-z_][A-Za-z0-9_]*$/, "token=NPM_TOKEN")
  }),
  ssh: setting({
    doc: "SSH agent sockets or keys for `RUN --mount=type=ssh`, one a line: default, or ID=PATH.",
    default: [],
    parse: flagLines("default=/tmp/ssh-agent.sock")
  }),
  "cache-from": setting({
    doc: "Build cache sources, one a line (type=gha, type=registry,ref=\u2026, type=local,src=\u2026), for the head and base builds.",
    default: [],
    parse: flagLines("type=gha")
  }),
  "cache-to": setting({
    doc: "Build cache export, one a line (type=gha,mode=max, \u2026), written by the head image's build.",
    default: [],
    parse: flagLines("type=gha,mode=max")
  }),
  "build-contexts": setting({
    doc: "Additional build contexts, one NAME=PATH|docker-image://\u2026|https://\u2026 a line.",
    default: [],
    parse: (t) => {
      const parsed = flagLines("shared=../shared")(t);
      const bad = "value" in parsed ? parsed.value.find((l) => !/^[A-Za-z0-9][A-Za-z0-9_.-]*=./.test(l)) : void 0;
      return bad === void 0 ? parsed : problem(
        `has the line ${JSON.stringify(bad)}: write NAME=PATH or NAME=docker-image://\u2026, one a line`
      );
    }
  }),
  builder: setting({
    doc: "The buildx builder to build with (set up earlier, e.g. by docker/setup-buildx-action or a remote builder). Default: the current one.",
    default: null,
    parse: builderName
  }),
  network: setting({
    doc: "Network mode for RUN steps (default, none, host).",
    default: null,
    parse: network
  }),
  pull: setting({
    doc: "Always pull the newer version of base images while building.",
    default: false,
    defaultDoc: "false",
    parse: boolean
  }),
  labels: setting({ doc: "Image labels, one KEY=VALUE a line.", default: [], parse: lines }),
  provenance: setting({
    doc: "buildx's provenance attestation; off by default, since attestations would change what is compared.",
    default: "false",
    defaultDoc: "false",
    parse: attestation
  }),
  sbom: setting({
    doc: "buildx's SBOM attestation; off by default, like provenance.",
    default: "false",
    defaultDoc: "false",
    parse: attestation
  }),
  image: setting({
    doc: "An image already built by an earlier step; analyze it instead of building.",
    default: null,
    parse: text
  }),
  "base-image": setting({
    doc: "The image to compare against: the engine's copy, else read from its registry (base-source). Empty builds the same Dockerfile at the base commit.",
    default: null,
    parse: pulledImage
  }),
  "base-source": setting({
    doc: "Where base-image is read from: auto (the engine's copy when it has one, else the registry, with no pull), registry (always the registry: no pull, no export), or engine (pulled into the engine when missing, then exported).",
    default: "auto",
    defaultDoc: "auto",
    actionDefault: "auto",
    parse: baseSource
  }),
  "base-ref": setting({
    doc: "The base commit: its image is built, its config file judges a PR (policy-from). Default the PR's base SHA; on push, the before SHA.",
    default: null,
    defaultDoc: "the PR's base SHA; on push, before",
    parse: gitRef,
    commands: ["compare"],
    metavar: "REF"
  }),
  "policy-from": setting({
    doc: "Whose config file judges a pull request: base (the config at the base commit, the reviewed one; the PR's own changes to it, and the inline ignores it adds, are listed in the comment) or head (the PR's own). Inputs (with:) win over both. The CLI's compare: base needs --base-ref.",
    default: "base",
    defaultDoc: "base",
    parse: policyFrom,
    commands: ["compare"],
    metavar: "base|head"
  }),
  "allow-untrusted-build": setting({
    doc: "Build a fork's pull request under pull_request_target (or a workflow_run a fork's PR triggered), where the job has a write token and the secrets. Refused unless true; see SECURITY.md for the fork-safe recipe.",
    default: false,
    defaultDoc: "false",
    parse: boolean
  }),
  head: setting({
    doc: "The image to judge.",
    default: null,
    parse: text,
    input: false,
    commands: ["compare"],
    metavar: "IMAGE"
  }),
  base: setting({
    doc: "The image to compare against.",
    default: null,
    parse: text,
    input: false,
    commands: ["compare"],
    metavar: "IMAGE"
  }),
  "max-size": setting({
    ...BUDGET,
    doc: "Budget on the head image size (250MB, 1.2GiB, bytes).",
    default: null,
    parse: size,
    commands: ["analyze", "compare"]
  }),
  "max-increase": setting({
    ...BUDGET,
    doc: "Budget on growth against the base (10MB or 5%).",
    default: null,
    parse: increase,
    commands: ["compare"]
  }),
  "max-wasted": setting({
    ...BUDGET,
    doc: "Budget on wasted bytes.",
    default: null,
    parse: size,
    commands: ["analyze", "compare"]
  }),
  "min-efficiency": setting({
    ...BUDGET,
    doc: "Budget on efficiency, 0..1.",
    default: null,
    parse: efficiency,
    commands: ["analyze", "compare"],
    metavar: "E"
  }),
  "max-layers": setting({
    ...BUDGET,
    doc: "Budget on non-empty layers.",
    default: null,
    parse: count,
    commands: ["analyze", "compare"],
    metavar: "N"
  }),
  "fail-on": setting({
    doc: "The lowest finding severity that fails the step (error, warning, info, never); broken budgets always fail.",
    default: "error",
    defaultDoc: "error",
    parse: failOn,
    config: true,
    commands: ["lint", "analyze", "compare"],
    metavar: "LEVEL"
  }),
  ignore: setting({
    doc: "Rule ids to skip, comma or newline separated.",
    default: [],
    parse: ruleIds,
    config: true,
    commands: ["lint", "analyze", "compare"],
    metavar: "IDS"
  }),
  config: setting({
    doc: 'Config file: budgets, ignores, severity overrides and the other settings marked "config" (default .image-guard.yml when present).',
    default: null,
    defaultDoc: ".image-guard.yml when present",
    parse: text,
    commands: ["lint", "analyze", "compare"],
    metavar: "FILE"
  }),
  files: setting({
    doc: "File-level analysis (wasted space, largest files, content checks); false = layers only, no export.",
    default: true,
    defaultDoc: "true",
    parse: boolean,
    config: true,
    commands: ["analyze", "compare"]
  }),
  "pull-size": setting({
    doc: "Count the compressed size of locally built layers for the pull size and time (gzip and zstd of every byte); false = only what a registry manifest says.",
    default: true,
    defaultDoc: "true",
    parse: boolean,
    config: true,
    commands: ["analyze", "compare"]
  }),
  "cache-probe": setting({
    doc: "Rebuild the head image after a one-file source change and report which layers missed the cache.",
    default: false,
    defaultDoc: "false",
    parse: boolean,
    config: true
  }),
  comment: setting({
    actionDefault: "true",
    doc: "Post or update the sticky PR comment.",
    default: true,
    defaultDoc: "true",
    parse: boolean
  }),
  suggestions: setting({
    actionDefault: "true",
    doc: "Suggest mechanical fixes in a PR review.",
    default: true,
    defaultDoc: "true",
    parse: boolean
  }),
  "comment-key": setting({
    doc: "Separates sticky comments of several images in one PR (default derived from dockerfile and target).",
    default: null,
    defaultDoc: "dockerfile and target",
    parse: text
  }),
  reports: setting({
    doc: "JSON reports of image jobs to put in one comment (a glob, or several one a line, of report-file outputs downloaded from artifacts): the step then builds nothing and posts a table of all the images under its own comment-key (default aggregate).",
    default: [],
    parse: (t) => ok(nonEmptyLines(t))
  }),
  "github-token": setting({
    actionDefault: "${{ github.token }}",
    doc: "Token for the PR comment.",
    default: "",
    defaultDoc: "${{ github.token }}",
    parse: ok
  }),
  "pull-bandwidth": setting({
    doc: "Link speed for the pull-time estimate (100Mbit/s, 1Gbit/s, 12.5MB/s); pull time = compressed bytes x 8 / bandwidth.",
    default: DEFAULT_PULL_BANDWIDTH,
    defaultDoc: "100Mbit/s",
    parse: bandwidth,
    config: true,
    commands: ["compare"],
    metavar: "SPEED"
  }),
  "build-time": setting({
    doc: "cached (builds reuse the engine's cache; a cached build is reported as such) or fresh (both images built with --no-cache, so their build times compare).",
    default: "cached",
    defaultDoc: "cached",
    parse: buildTime,
    config: true
  }),
  "startup-probe": setting({
    doc: "Measure start-up time, docker run to ready: port:PORT (a TCP connect to the container) or cmd:COMMAND (run with sh -c in the container until it exits 0). Empty = not measured.",
    default: null,
    parse: startupProbe,
    config: true,
    commands: ["compare"],
    metavar: "port:PORT|cmd:COMMAND"
  }),
  "startup-runs": setting({
    doc: "Start-up runs per image; the median is reported.",
    default: 3,
    defaultDoc: "3",
    parse: runs,
    config: true,
    commands: ["compare"],
    metavar: "N"
  }),
  "startup-timeout": setting({
    doc: "Seconds a start-up run may take to get ready before it is reported as not ready.",
    default: 60,
    defaultDoc: "60",
    parse: seconds,
    config: true,
    commands: ["compare"],
    metavar: "SECONDS"
  }),
  "history-branch": setting({
    doc: "The branch that keeps the image's size history: a push to the default branch (or a workflow_dispatch on it) appends a record (needs contents: write), a PR reads it to show the trend (contents: read). Created as an orphan branch when missing.",
    default: "image-guard-history",
    defaultDoc: "image-guard-history",
    actionDefault: "image-guard-history",
    parse: branchName
  }),
  "history-limit": setting({
    doc: "Records the history keeps per image (comment-key), the oldest dropped first; 0: no history is written or read.",
    default: 500,
    defaultDoc: "500",
    actionDefault: "500",
    parse: historyLimit
  }),
  history: setting({
    doc: "A size history (JSON Lines, as the Action's history-branch keeps it): the head is shown against the last 30 sizes of its image.",
    default: null,
    parse: text,
    input: false,
    commands: ["compare"],
    metavar: "FILE"
  }),
  "history-key": setting({
    doc: "The image's key in --history (the Action's comment-key); default: the only key the file holds.",
    default: null,
    parse: text,
    input: false,
    commands: ["compare"],
    metavar: "KEY"
  }),
  "engine-timeout": setting({
    doc: "Seconds the Docker engine may send nothing while it answers a request (inspect, pull, the export of an image) before the run gives up on it with an error. Empty: the IMAGE_GUARD_ENGINE_TIMEOUT environment variable, else 120.",
    default: null,
    defaultDoc: "120",
    parse: seconds,
    config: true,
    commands: ["analyze", "compare"],
    metavar: "SECONDS"
  }),
  "base-build-time": setting({
    doc: "The base image's build time as measured elsewhere: seconds, optionally /fresh, /uncached, /cached or /partly-cached.",
    default: null,
    parse: givenBuild,
    input: false,
    commands: ["compare"],
    metavar: "S[/fresh|/uncached|/cached|/partly-cached]"
  }),
  "head-build-time": setting({
    doc: "The head image's build time as measured elsewhere, written like --base-build-time.",
    default: null,
    parse: givenBuild,
    input: false,
    commands: ["compare"],
    metavar: "S[/\u2026]"
  })
};
var SETTING_NAMES = Object.keys(SETTINGS);
var INTERCHANGE = ["gitlab", "junit", "checkstyle", "github"];
var FORMATS = {
  lint: ["text", "json", "sarif", ...INTERCHANGE],
  analyze: ["text", "json", "html", ...INTERCHANGE],
  compare: ["text", "json", "markdown", "html", ...INTERCHANGE]
};
var parseFormat = (command, t) => format(FORMATS[command])(t);
function specOf(name) {
  return SETTINGS[name];
}
function flagOf(name) {
  return specOf(name).default === true ? `--no-${name}` : `--${name}`;
}
function resolveSettings(written, fromFile = {}, what = "bad inputs") {
  const problems = [];
  const settings = {};
  const explicit = /* @__PURE__ */ new Set();
  for (const name of SETTING_NAMES) {
    const spec = specOf(name);
    const w = written[name];
    if (w !== void 0 && w.text.trim() !== "") {
      const parsed = spec.parse(w.text.trim());
      if ("problem" in parsed)
        problems.push(
          spec.secret ? `${w.shown}: ${parsed.problem}` : `${w.shown} ${JSON.stringify(w.text.trim())} ${parsed.problem}`
        );
      else {
        settings[name] = parsed.value;
        explicit.add(name);
        continue;
      }
    }
    settings[name] = name in fromFile && fromFile[name] !== void 0 ? fromFile[name] : spec.default;
  }
  if (problems.length > 0) throw new UserError(`${what}: ${problems.join("; ")}`);
  return { settings, explicit };
}
function parseFileValue(name, value) {
  let t;
  if (typeof value === "string") t = value.trim();
  else if (typeof value === "number" || typeof value === "boolean") t = String(value);
  else if (Array.isArray(value) && value.every((v) => typeof v === "string")) t = value.join("\n");
  else
    return problem(`must be ${Array.isArray(value) ? "a list of strings" : "text, a number or true/false"}`);
  if (t === "") return { value: specOf(name).default };
  return specOf(name).parse(t);
}

// src/config/config.ts
var CONFIG_FILE = ".image-guard.yml";
var MAX_CONFIG_BYTES = 64 * 1024;
var CONFIG_KEYS = [...SETTING_NAMES.filter((name) => specOf(name).config), "severity"];
function emptyConfig() {
  return { path: null, settings: {}, ignore: [], severity: {} };
}
var CONFIG_MAX_BYTES = MAX_CONFIG_BYTES;
var SEVERITY_LEVELS = ["error", "warning", "info", "off"];
function configFromObject(doc, where, keyLines = /* @__PURE__ */ new Map()) {
  const config = emptyConfig();
  if (doc === null || doc === void 0) return config;
  if (typeof doc !== "object" || Array.isArray(doc)) {
    throw new UserError(
      `${where}: write a mapping of keys (${CONFIG_KEYS.join(", ")}), not ${Array.isArray(doc) ? "a list" : typeof doc}`
    );
  }
  const problems = [];
  const unknown = [];
  const written = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!CONFIG_KEYS.includes(key)) {
      unknown.push(unknownKey(key, keyLines.get(key)));
      continue;
    }
    if (value === null || value === void 0) continue;
    if (key === "severity") {
      config.severity = severityOverrides(value, problems);
      continue;
    }
    const parsed = parseFileValue(key, value);
    if ("problem" in parsed) problems.push(`${key} ${JSON.stringify(value)} ${parsed.problem}`);
    else {
      config.settings[key] = parsed.value;
      written[key] = Array.isArray(value) ? value.join(", ") : String(value).trim();
    }
  }
  config.written = written;
  if (unknown.length > 0) problems.push(`${unknown.join(", ")}: the keys are ${CONFIG_KEYS.join(", ")}`);
  if (problems.length > 0) throw new UserError(`${where}: ${problems.join("; ")}`);
  config.ignore = config.settings.ignore ?? [];
  return config;
}
function unknownKey(key, line) {
  const at = line === void 0 ? "" : ` at line ${line}`;
  if (SETTING_NAMES.includes(key))
    return `"${key}"${at} is an input and a flag, not a config key`;
  const near = CONFIG_KEYS.find((k) => editDistance(k, key.trim().toLowerCase()) <= 2);
  return `unknown key${at} (not shown${near ? `; did you mean ${near}?` : ""})`;
}
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 2 || b.length > 64) return Number.POSITIVE_INFINITY;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
function severityOverrides(value, problems) {
  const out = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push("severity: write a mapping of rule id to error, warning, info or off, like `IG007: off`");
    return out;
  }
  for (const [id, level] of Object.entries(value)) {
    const rule = id.trim().toUpperCase();
    if (!isKnownRuleId(rule)) {
      const shown = /^IG\d{1,4}$/.test(rule) ? ` "${id}"` : " (not shown)";
      problems.push(`severity: unknown rule id${shown}: ${KNOWN_RULES_HINT}`);
      continue;
    }
    const l = level === false ? "off" : typeof level === "string" ? level.trim().toLowerCase() : level;
    if (typeof l !== "string" || !SEVERITY_LEVELS.includes(l)) {
      problems.push(`severity: ${id}: write error, warning, info or off (got ${JSON.stringify(level)})`);
      continue;
    }
    out[rule] = l;
  }
  return out;
}
async function loadConfig(path, cwd) {
  const file = path === null ? join(cwd, CONFIG_FILE) : resolve(cwd, path);
  const shown = path ?? CONFIG_FILE;
  let text2;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new UserError(`config ${shown} is a directory: give the path of a YAML file`);
    if (!st.isFile())
      throw new UserError(`config ${shown} is not a regular file: give the path of a YAML file`);
    if (st.size > MAX_CONFIG_BYTES)
      throw new UserError(
        `config ${shown} is ${formatBytes(st.size)}: config files are read up to ${formatBytes(MAX_CONFIG_BYTES)}; give the path of an .image-guard.yml`
      );
    text2 = await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (path === null) return emptyConfig();
    throw new UserError(`config ${shown} not found: give the path of an existing .image-guard.yml`);
  }
  const config = await configFromText(text2, `config ${shown}`);
  config.path = file;
  return config;
}
async function configFromText(text2, where) {
  const bytes = Buffer.byteLength(text2);
  if (bytes > MAX_CONFIG_BYTES)
    throw new UserError(
      `${where} is ${formatBytes(bytes)}: config files are read up to ${formatBytes(MAX_CONFIG_BYTES)}`
    );
  const { value, keyLines } = await parseYaml(text2, where);
  return configFromObject(value, where, keyLines);
}
var MAX_ALIAS_COUNT = 100;
async function parseYaml(text2, where) {
  const mod = await import("./dist-3ZA2O6W7.js");
  const { parseDocument, LineCounter, isMap, isScalar } = mod.parseDocument ? mod : mod.default ?? mod;
  const lineCounter = new LineCounter();
  const lineOf = (pos) => pos === void 0 ? void 0 : lineCounter.linePos(pos).line;
  const at = (line) => `${where}${line ? `:${line}` : ""}`;
  try {
    const doc = parseDocument(text2, { lineCounter, logLevel: "silent", prettyErrors: false });
    const error = doc.errors[0];
    if (error)
      throw new UserError(`${at(lineOf(error.pos[0]))} is not valid YAML: ${firstLine(error.message)}`);
    const warning = doc.warnings[0];
    if (warning) {
      const line = lineOf(warning.pos[0]);
      throw new UserError(
        warning.code === "TAG_RESOLVE_FAILED" ? `${at(line)} has a YAML tag (!!\u2026) this reader does not know: a config file holds plain text, numbers, true/false and lists; remove the tag` : `${at(line)} is not plain YAML (${warning.code}): write a flat mapping of keys`
      );
    }
    const keyLines = /* @__PURE__ */ new Map();
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = pair.key;
        const line = isScalar(key) ? lineOf(key.range?.[0]) : void 0;
        if (isScalar(key) && line !== void 0) keyLines.set(String(key.value), line);
      }
    }
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), keyLines };
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      throw new UserError(
        `${where} expands its YAML aliases (*name) beyond ${MAX_ALIAS_COUNT}: a config file needs none; write the values out`
      );
    if (error instanceof RangeError)
      throw new UserError(`${where} is nested too deeply to be a config file: write a flat mapping of keys`);
    throw error;
  }
}
function firstLine(message) {
  return (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
}

// src/app/policy.ts
import { readFile as readFile2, stat as stat2 } from "node:fs/promises";
function applyPolicy(findings, policy) {
  const ignored = new Set(policy.ignore);
  const out = [];
  for (const f of findings) {
    const override = policy.severity[f.rule];
    if (ignored.has(f.rule) || override === "off") continue;
    out.push(override ? { ...f, severity: override } : f);
  }
  return out;
}
var MAX_DOCKERFILE_BYTES = 1024 * 1024;
async function addedInlineIgnores(base, dockerfile, dir) {
  const path = gitPath(dockerfile, dir);
  let headText;
  try {
    if ((await stat2(dockerfile)).size > MAX_DOCKERFILE_BYTES) return [];
    headText = await readFile2(dockerfile, "utf8");
  } catch {
    return [];
  }
  const baseFile = await base.read(path, MAX_DOCKERFILE_BYTES);
  const { inlineIgnoreList } = await import("./engine-Z5YMQ6EA.js");
  const baseList = baseFile.kind === "file" ? inlineIgnoreList(baseFile.text) : [];
  const key = (i) => `${i.scope}\0${i.rule}\0${i.instruction}`;
  const left = /* @__PURE__ */ new Map();
  for (const i of baseList) left.set(key(i), (left.get(key(i)) ?? 0) + 1);
  const added = [];
  for (const i of inlineIgnoreList(headText)) {
    const n = left.get(key(i)) ?? 0;
    if (n > 0) left.set(key(i), n - 1);
    else added.push({ rule: i.rule, scope: i.scope, file: path, line: i.line });
  }
  return added;
}

// src/app/load-settings.ts
async function loadSettings(written, dir, what, options = {}) {
  const { settings: first } = resolveSettings(written, {}, what);
  const head = await loadConfig(first.config, dir);
  const base = options.baseFor && first["policy-from"] === "base" ? await options.baseFor(first) : null;
  const governing = base ? await basePolicy(base, first.config, dir, head) : null;
  const config = governing?.config ?? head;
  const { settings, explicit } = resolveSettings(written, config.settings, what);
  const result = { settings, config: { ...config, ignore: settings.ignore }, explicit };
  if (base && governing) {
    const dockerfile = options.dockerfile?.(settings) ?? null;
    const { from, file, baseCommit, note } = governing.policy;
    result.policy = {
      from,
      file,
      baseCommit,
      changes: policyChanges(governing, head, explicit),
      addedIgnores: dockerfile ? await addedInlineIgnores(base, dockerfile, dir) : [],
      note
    };
  }
  return result;
}
async function basePolicy(base, written, dir, head) {
  const path = gitPath(written ?? CONFIG_FILE, dir);
  const where = `config ${path} at the base commit ${base.label}`;
  const policy = { file: path, baseCommit: base.label, addedIgnores: [], note: null };
  const empty = { path: null, settings: {}, ignore: [], severity: {}, written: {} };
  const file = await base.read(path, CONFIG_MAX_BYTES);
  if (file.kind === "missing")
    return { config: head, base: empty, policy: { ...policy, from: "head (no base config)" } };
  if (file.kind === "refused") {
    const note = `${where} is ${file.why}, not read`;
    return { config: head, base: empty, policy: { ...policy, from: "head (base config invalid)", note } };
  }
  try {
    const config = await configFromText(file.text, where);
    return {
      config: { ...config, path: `${path} (${base.label})` },
      base: config,
      policy: { ...policy, from: "base" }
    };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return {
      config: head,
      base: empty,
      policy: { ...policy, from: "head (base config invalid)", note: error.message }
    };
  }
}
var POLICY_KEYS = SETTING_NAMES.filter((name) => specOf(name).config);
function policyChanges(governing, head, explicit) {
  const base = governing.base;
  const fromFile = governing.policy.from === "base" ? "base" : "head";
  const changes = [];
  for (const key of POLICY_KEYS) {
    const b = key in base.settings ? JSON.stringify(base.settings[key]) : null;
    const h = key in head.settings ? JSON.stringify(head.settings[key]) : null;
    if (b === h) continue;
    changes.push({
      key,
      base: b === null ? null : base.written?.[key] ?? b,
      head: h === null ? null : head.written?.[key] ?? h,
      applies: explicit.has(key) ? "input" : fromFile
    });
  }
  const rules = [.../* @__PURE__ */ new Set([...Object.keys(base.severity), ...Object.keys(head.severity)])].sort();
  for (const rule of rules) {
    const b = base.severity[rule] ?? null;
    const h = head.severity[rule] ?? null;
    if (b !== h) changes.push({ key: `severity.${rule}`, base: b, head: h, applies: fromFile });
  }
  return changes;
}

export {
  describeProbe,
  applyPolicy,
  SETTING_NAMES,
  FORMATS,
  parseFormat,
  specOf,
  flagOf,
  resolveSettings,
  CONFIG_FILE,
  loadSettings
};
