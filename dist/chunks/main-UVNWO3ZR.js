import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  COMMENT_LIMIT,
  HISTORY_FILE,
  appendRecord,
  historyRecord,
  parseHistory,
  realPorts,
  renderMarkdown,
  runAnalyzer,
  runComparison,
  sizeTrend
} from "./chunk-LF5Q6SJU.js";
import {
  CONFIG_FILE,
  SETTING_NAMES,
  loadSettings,
  resolveSettings,
  specOf
} from "./chunk-WEDDGH6R.js";
import "./chunk-BEXT4FQZ.js";
import {
  renderHtml
} from "./chunk-XTL7JD2H.js";
import "./chunk-PFW6J5NA.js";
import {
  signed,
  statusLine
} from "./chunk-VFUMJL3I.js";
import "./chunk-7OYFYWMG.js";
import "./chunk-JHBJJO36.js";
import {
  severityRank
} from "./chunk-YVMMMQ26.js";
import {
  escapeHtml,
  escapeMarkdown,
  inlineCode
} from "./chunk-45SRNV5D.js";
import "./chunk-6CMD2RE7.js";
import "./chunk-DNIAJJEW.js";
import "./chunk-QPMSVJNA.js";
import "./chunk-XVBP4U7C.js";
import "./chunk-VRCMAYR7.js";
import {
  buildxOnly
} from "./chunk-KANYQZGK.js";
import {
  debug,
  endGroup,
  error,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning
} from "./chunk-AFFAS66Q.js";
import "./chunk-35774WMP.js";
import {
  TOOL_NAME,
  VERSION
} from "./chunk-BKVAAZPZ.js";
import "./chunk-3HU7N3WQ.js";
import {
  isManifest,
  readContext
} from "./chunk-JBCH6BUI.js";
import {
  REGISTRY_PREFIX
} from "./chunk-IYZ2ET24.js";
import "./chunk-IHQWYLZC.js";
import "./chunk-2IQNWKMG.js";
import "./chunk-24J7FLEC.js";
import {
  formatBytes
} from "./chunk-IIRAH6Y5.js";
import {
  UserError,
  messageOf
} from "./chunk-UH7RQI7X.js";
import "./chunk-6S3NRT4R.js";

// src/action/main.ts
import { existsSync as existsSync3 } from "node:fs";
import { mkdtemp as mkdtemp4 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join5, relative as relative4 } from "node:path";

// src/github/event.ts
import { existsSync, readFileSync } from "node:fs";
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var NO_COMMIT = /^0+$/;
var obj = (value) => typeof value === "object" && value !== null ? value : void 0;
var str = (value) => typeof value === "string" ? value : void 0;
function pullRequestOf(payload, repo) {
  const pr = obj(payload.pull_request);
  const head = obj(pr?.head);
  const base = obj(pr?.base);
  const number = pr?.number;
  const headSha = str(head?.sha);
  const baseSha = str(base?.sha);
  if (typeof number !== "number" || !headSha || !baseSha) {
    throw new UserError(
      "the pull_request event payload lacks pull_request.number, head.sha or base.sha (is GITHUB_EVENT_PATH the event file?)"
    );
  }
  const headRepo = str(obj(head?.repo)?.full_name);
  const baseRepo = str(obj(base?.repo)?.full_name) ?? `${repo.owner}/${repo.repo}`;
  return {
    number,
    headSha,
    baseSha,
    headRef: str(head?.ref) ?? "",
    baseRef: str(base?.ref) ?? "",
    // GitHub compares repository names without regard to case; a null head repo is a deleted fork.
    fromFork: headRepo === void 0 || headRepo.toLowerCase() !== baseRepo.toLowerCase()
  };
}
function eventFromContext(ctx) {
  const { owner, repo } = ctx.repo;
  const payload = ctx.payload ?? {};
  const before = str(payload.before);
  const pullRequest = PULL_REQUEST_EVENTS.has(ctx.eventName) ? pullRequestOf(payload, { owner, repo }) : null;
  return {
    name: ctx.eventName ?? "",
    owner,
    repo,
    sha: ctx.sha ?? "",
    pullRequest,
    before: ctx.eventName === "push" && before && !NO_COMMIT.test(before) ? before : null,
    ...untrustedField(untrustedHead(ctx.eventName, payload, pullRequest, `${owner}/${repo}`)),
    ...branchFields(payload)
  };
}
function branchFields(payload) {
  const ref = str(payload.ref);
  const defaultBranch = str(obj(payload.repository)?.default_branch);
  return { ...ref ? { ref } : {}, ...defaultBranch ? { defaultBranch } : {} };
}
var untrustedField = (untrusted) => untrusted ? { untrusted } : {};
var headRepoName = (repoObject) => str(obj(repoObject)?.full_name) ?? "a fork deleted since";
function untrustedHead(name, payload, pullRequest, repository) {
  if (name === "pull_request_target" && pullRequest?.fromFork)
    return { trigger: name, headRepo: headRepoName(obj(obj(payload.pull_request)?.head)?.repo) };
  if (name === "workflow_run") {
    const run2 = obj(payload.workflow_run);
    const triggeredBy = str(run2?.event);
    if (triggeredBy !== "pull_request" && triggeredBy !== "pull_request_target") return null;
    const head = str(obj(run2?.head_repository)?.full_name);
    const base = str(obj(run2?.repository)?.full_name) ?? repository;
    if (head === void 0 || head.toLowerCase() !== base.toLowerCase())
      return { trigger: name, headRepo: headRepoName(run2?.head_repository) };
  }
  return null;
}
function contextFromEnv(env = process.env) {
  let payload = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path && existsSync(path)) {
    try {
      payload = obj(JSON.parse(readFileSync(path, "utf8"))) ?? {};
    } catch (error2) {
      throw new UserError(`GITHUB_EVENT_PATH ${path} is not JSON: ${error2.message}`);
    }
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const repository = obj(payload.repository);
  const fromPayload = { owner: str(obj(repository?.owner)?.login), repo: str(repository?.name) };
  const resolved = owner && repo ? { owner, repo } : fromPayload.owner && fromPayload.repo ? fromPayload : void 0;
  if (!resolved)
    throw new UserError("GITHUB_REPOSITORY is not set (owner/repo); is this running in GitHub Actions?");
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    sha: env.GITHUB_SHA ?? "",
    payload,
    repo: { owner: resolved.owner, repo: resolved.repo }
  };
}
function readEvent(env = process.env) {
  return eventFromContext(contextFromEnv(env));
}

// src/action/aggregate.ts
import { mkdtemp as mkdtemp2, readFile } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { isAbsolute as isAbsolute2, join as join3, relative as relative2, resolve as resolve2 } from "node:path";

// src/core/aggregate.ts
var isObject = (v) => typeof v === "object" && v !== null;
function parseReportFile(file, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error2) {
    throw new UserError(`${file} is not JSON (${error2.message.split("\n")[0]})`);
  }
  const tool = isObject(value) && isObject(value.tool) ? value.tool : null;
  if (!isObject(value) || value.schemaVersion !== 1 || tool?.name !== TOOL_NAME || typeof tool.version !== "string" || !Array.isArray(value.findings) || !Array.isArray(value.budgets) || typeof value.passed !== "boolean")
    throw new UserError(
      `${file} is not an image-guard report (schemaVersion 1, tool.name image-guard, findings, budgets, passed): give reports only the report-file of image-guard's image jobs`
    );
  const action = value.action;
  if (!isObject(action) || typeof action.commit !== "string" || typeof action.key !== "string" || typeof action.title !== "string" || !["error", "warning", "info", "never"].includes(action.failOn))
    throw new UserError(
      `${file} has no action.commit and action.key: only reports the image-guard Action wrote (its report-file output) can be put in one comment, not the CLI's`
    );
  return { file, report: value };
}
function minorOf(version) {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}` : version;
}
var short = (sha) => sha.slice(0, 7);
function checkReports(reports, run2) {
  const seen = /* @__PURE__ */ new Map();
  for (const { file, report } of reports) {
    const version = report.tool.version;
    if (minorOf(version) !== minorOf(run2.version))
      throw new UserError(
        `${file} was written by image-guard ${version} and this is ${run2.version}: reports are put together only by the same major.minor version; use one version of the Action in every job of the workflow`
      );
    if (report.action.commit !== run2.commit)
      throw new UserError(
        `${file} is a report of commit ${short(report.action.commit)}, and this run is of ${short(run2.commit)}: download the reports the image jobs of this same workflow run uploaded`
      );
    const other = seen.get(report.action.key);
    if (other !== void 0)
      throw new UserError(
        `${other} and ${file} are both of comment key ${JSON.stringify(report.action.key)}: give each image job its own comment-key`
      );
    seen.set(report.action.key, file);
  }
}
function countSeverities(findings) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
function buildAggregate(reports, run2) {
  const ordered = [...reports].sort(
    (a, b) => a.report.action.key < b.report.action.key ? -1 : a.report.action.key > b.report.action.key ? 1 : 0
  );
  const images = ordered.map(({ file, report }) => {
    const failOn = report.action.failOn;
    const pull = report.costs?.head.pull ?? null;
    const gzip = report.head?.compressed?.gzip ?? null;
    return {
      key: report.action.key,
      title: report.action.title,
      file,
      passed: report.passed,
      status: run2.status(report, failOn),
      failOn,
      size: report.head?.size ?? null,
      baseSize: report.base?.size ?? null,
      delta: report.delta,
      baseUnavailable: report.baseUnavailable,
      pull: pull ? { bytes: pull.bytes, compression: pull.compression } : gzip !== null ? { bytes: gzip, compression: "gzip" } : null,
      findings: countSeverities(report.findings)
    };
  });
  const findings = countSeverities(ordered.flatMap((r) => r.report.findings));
  return {
    ordered,
    aggregate: {
      schemaVersion: 1,
      kind: "aggregate",
      tool: { name: TOOL_NAME, version: run2.version },
      commit: run2.commit,
      key: run2.key,
      passed: images.every((i) => i.passed),
      findings,
      images
    }
  };
}

// src/render/aggregate.ts
var MIN_DETAILS = 600;
function renderAggregate(aggregate, reports, options) {
  const max = options.maxChars ?? Number.POSITIVE_INFINITY;
  const top = [heading(aggregate), "", ...table(aggregate.images), "", ""].join("\n");
  const footer = `<sub>image-guard ${escapeMarkdown(aggregate.tool.version)}</sub>
`;
  const cutLine = `Shortened to fit: ${escapeMarkdown(options.fullReportHint)}`;
  const wrappers = aggregate.images.map((image) => wrap(image, ""));
  const fixed = top.length + footer.length + wrappers.reduce((n, w) => n + w.length, 0);
  const full = reports.map((r) => imageDetails(r, options.fullReportHint));
  let left = max - fixed;
  if (left < cutLine.length * reports.length) return `${top}
${cutLine}

${footer}`;
  const bodies = new Array(reports.length);
  const order = full.map((_, i) => i).sort((a, b) => full[a].length - full[b].length);
  for (const [rank, i] of order.entries()) {
    const share = Math.floor(left / (reports.length - rank));
    const body = full[i].length <= share ? full[i] : shrink(reports[i], share, options, cutLine);
    bodies[i] = body;
    left -= body.length;
  }
  return `${top}${aggregate.images.map((image, i) => wrap(image, bodies[i])).join("")}${footer}`;
}
function heading(a) {
  const failed = a.images.filter((i) => !i.passed);
  const count = `${a.images.length} image${a.images.length === 1 ? "" : "s"}`;
  const verdict = failed.length ? `${failed.length} failed (${failed.map((i) => i.key).join(", ")})` : a.images.length === 1 ? "passed" : "all passed";
  return `### ${a.passed ? "\u2705" : "\u274C"} image-guard \xB7 ${escapeMarkdown(count)}: ${escapeMarkdown(verdict)}`;
}
function table(images) {
  const rows = ["| image | size | delta | pull | findings | verdict |", "|---|---:|---:|---:|---|---|"];
  for (const i of images) {
    const name = `${inlineCode(i.key, 60)}${i.title !== i.key ? `<br><sub>${escapeMarkdown(i.title)}</sub>` : ""}`;
    const size = i.size === null ? "\u2013" : formatBytes(i.size);
    const delta = i.delta ? `**${signed(i.delta.size, formatBytes)}**${i.delta.percent === null ? "" : ` (${signed(i.delta.percent, (n) => `${n}%`)})`}` : i.baseUnavailable ? "no base" : "\u2013";
    const pull = i.pull ? `${formatBytes(i.pull.bytes)}${i.pull.compression === "gzip" ? "" : ` (${i.pull.compression})`}` : "\u2013";
    const verdict = i.passed ? "\u2705 passed" : `\u274C ${escapeMarkdown(i.status)}`;
    rows.push(`| ${name} | ${size} | ${delta} | ${pull} | ${severities(i.findings)} | ${verdict} |`);
  }
  return rows;
}
function severities(c) {
  const parts = [
    c.error ? `\u{1F534} ${c.error}` : "",
    c.warning ? `\u{1F7E0} ${c.warning}` : "",
    c.info ? `\u2139\uFE0F ${c.info}` : ""
  ].filter(Boolean);
  return parts.length ? parts.join(" \xB7 ") : "none";
}
function wrap(image, body) {
  const summary2 = `${image.passed ? "\u2705" : "\u274C"} ${image.key}: ${image.status}`;
  return ["<details>", `<summary>${escapeHtml(summary2)}</summary>`, "", body, "</details>", "", ""].join(
    "\n"
  );
}
function markdownOptions(r, hint) {
  const a = r.report.action;
  return {
    failOn: a.failOn,
    title: a.title,
    nested: true,
    unchecked: a.unchecked ?? [],
    fullReportHint: hint,
    ...a.baseLabel ? { baseLabel: a.baseLabel } : {},
    ...a.headLabel ? { headLabel: a.headLabel } : {},
    ...a.htmlReport ? { htmlReport: a.htmlReport } : {}
  };
}
function imageDetails(r, hint) {
  return renderMarkdown(r.report, markdownOptions(r, hint));
}
function shrink(r, room, o, cutLine) {
  if (room < MIN_DETAILS) return `${cutLine}
`;
  const body = renderMarkdown(r.report, { ...markdownOptions(r, o.fullReportHint), maxChars: room });
  const opened = body.split("<details>").length;
  const closed = body.split("</details>").length;
  if (body.length > room || opened !== closed || body.includes("\n\n\u2026 cut to fit.")) return `${cutLine}
`;
  return body;
}

// src/action/workspace.ts
import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
function insideWorkspace(workspace, path, what) {
  const abs = resolve(workspace, path);
  const real = realOrNearest(abs);
  const root = realOrNearest(resolve(workspace));
  const rel = relative(root, real);
  if (rel.startsWith("..") || isAbsolute(rel)) {
    throw new UserError(
      `${what} ${JSON.stringify(path)} resolves outside the workspace: give a path inside the repository`
    );
  }
  return abs;
}
function realOrNearest(path) {
  try {
    return realpathSync(path);
  } catch {
    const parent = resolve(path, "..");
    if (parent === path) return path;
    return resolve(realOrNearest(parent), relative(parent, path));
  }
}

// src/action/inputs.ts
var INPUT_NAMES = SETTING_NAMES.filter((name) => specOf(name).input);
function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}
function writtenInputs(env = process.env) {
  const written = {};
  for (const name of INPUT_NAMES) {
    const text = (env[inputVariable(name)] ?? "").trim();
    if (text !== "") written[name] = { text, shown: name };
  }
  return written;
}
function getInputs(env = process.env) {
  return resolveSettings(writtenInputs(env)).settings;
}
async function actionSettings(env, workspace, policy = {}) {
  const written = writtenInputs(env);
  insideWorkspace(workspace, written.config?.text ?? CONFIG_FILE, "config");
  return loadSettings(written, workspace, "bad inputs", policy);
}

// src/action/publish.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/github/artifact.ts
import { basename, dirname } from "node:path";
function artifactService(env = process.env) {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return {
      unavailable: "the artifact service is not available here (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL: a local run, or GitHub Enterprise Server without it)"
    };
  }
  if (isEnterpriseServer(env.GITHUB_SERVER_URL)) {
    return {
      unavailable: "GitHub Enterprise Server does not offer the artifact service (v2) to @actions/artifact"
    };
  }
  return {
    uploader: {
      async upload(name, file) {
        const { DefaultArtifactClient } = await import("./artifact-V4XPSZSG.js");
        const client = new DefaultArtifactClient();
        const { id } = await client.uploadArtifact(name, [file], dirname(file), { compressionLevel: 9 });
        if (id === void 0) throw new Error(`the artifact service gave no id for ${basename(file)}`);
        return { id, url: artifactUrl(env, id) };
      }
    }
  };
}
function artifactUrl(env, id) {
  const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const repo = env.GITHUB_REPOSITORY;
  const run2 = env.GITHUB_RUN_ID;
  if (!repo || !run2 || !/^\d+$/.test(run2) || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return "";
  return `${server}/${repo}/actions/runs/${run2}/artifacts/${id}`;
}
function isEnterpriseServer(serverUrl) {
  let host;
  try {
    host = new URL(serverUrl || "https://github.com").hostname.toUpperCase();
  } catch {
    return false;
  }
  return host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
}
function artifactName(prefix, key) {
  const safe = key.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "");
  return safe ? `${prefix}-${safe}`.slice(0, 200) : prefix;
}

// src/action/base-image.ts
import { existsSync as existsSync2 } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var shortSha = (sha) => sha ? sha.slice(0, 7) : "";
async function getBase(request) {
  const { settings, event, docker, git } = request;
  const given = settings["base-image"];
  if (given) {
    const source = settings["base-source"];
    if (source === "registry")
      return { ref: `${REGISTRY_PREFIX}${given}`, shownAs: given, why: null, label: given };
    if (!await docker.imageExists(given)) {
      if (source === "auto")
        return { ref: `${REGISTRY_PREFIX}${given}`, shownAs: given, why: null, label: given };
      const pulled = await docker.pull(given);
      if (!pulled.ok) return { ref: null, why: `pulling ${given} failed: ${pulled.message}` };
    }
    return { ref: given, why: null, label: given };
  }
  const sha = settings["base-ref"] ?? event.pullRequest?.baseSha ?? event.before;
  if (!sha) {
    return { ref: null, why: `no base commit to build (event ${event.name}); set base-ref or base-image` };
  }
  const label = shortSha(sha);
  if (!await git.hasCommit(sha) && !await git.fetchCommit(sha)) {
    return { ref: null, why: `the base commit ${label} could not be fetched`, label };
  }
  const dir = await mkdtemp(join(tmpdir(), "image-guard-base-"));
  await rm(dir, { recursive: true, force: true });
  try {
    await git.addWorktree(dir, sha);
  } catch (error2) {
    return { ref: null, why: messageOf(error2), label };
  }
  request.cleanup.add(async () => {
    await git.removeWorktree(dir);
    await rm(dir, { recursive: true, force: true });
  });
  let dockerfile;
  let context;
  try {
    dockerfile = insideWorkspace(dir, settings.dockerfile, "dockerfile at the base commit");
    context = insideWorkspace(dir, settings.context, "context at the base commit");
  } catch (error2) {
    return { ref: null, why: messageOf(error2), label };
  }
  if (!existsSync2(dockerfile)) {
    return {
      ref: null,
      why: `${settings.dockerfile} does not exist at the base commit ${label}: this is a new image`,
      label
    };
  }
  const tag = `image-guard-base:${request.runId}`;
  startGroup(`image-guard: building the base image at ${label}`);
  const built = await docker.build({
    dockerfile,
    context,
    target: settings.target,
    buildArgs: settings["build-args"],
    tag,
    noCache: request.noCache,
    ...request.options ? { options: request.options } : {}
  });
  endGroup();
  request.cleanup.add(() => docker.removeImage(tag));
  if (!built.ok) {
    return {
      ref: null,
      // Its log stays in the step's output: a build error can quote files, and this line reaches the comment.
      why: `the base image did not build at ${label} (its log is in the step's output)`,
      label
    };
  }
  return { ref: tag, why: null, label, build: built };
}

// src/action/outputs.ts
function annotate(findings, dockerfile) {
  const shown = findings.filter((f) => f.severity !== "info").sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.line ?? 0) - (b.line ?? 0));
  for (const f of shown) {
    const title = `${f.rule} ${f.name}`;
    const message = f.fix ? `${f.message}
Fix: ${f.fix}` : f.message;
    const props = { title, file: f.file ?? dockerfile };
    if (f.line) props.startLine = f.line;
    if (f.severity === "error") error(message, props);
    else warning(message, props);
  }
}
function setOutputs(report, files) {
  const head = report?.head ?? null;
  const base = report?.base ?? null;
  const set = (name, value) => setOutput(name, value ?? "");
  set("size", head?.size);
  set("base-size", base?.size);
  set("size-delta", report?.delta?.size);
  set("size-delta-percent", report?.delta?.percent);
  set("layers", head ? head.layers.filter((l) => !l.empty).length : null);
  set("efficiency", head?.files?.efficiency);
  set("wasted-bytes", head?.files?.wastedBytes);
  set("findings", files.findings ?? report?.findings.length ?? 0);
  set("passed", String(files.passed));
  set("report-file", files.reportFile);
  set("comment-file", files.commentFile);
  set("comment-url", files.commentUrl);
  set("report-html", files.htmlFile);
}

// src/action/publish.ts
var SUMMARY_LIMIT = 9e5;
var clientOf = async (token) => {
  const { createClient } = await import("./client-A2KVVOSM.js");
  return createClient({ token, log: { debug, warning, mask: setSecret } });
};
function githubPublisher(token) {
  let client;
  const github = () => {
    client ??= clientOf(token);
    return client;
  };
  let identity;
  const whoAmI = (ask) => {
    identity ??= ask().catch((error2) => {
      identity = void 0;
      throw error2;
    });
    return identity;
  };
  return {
    async upsert(comment) {
      if (!token) return { url: "", action: "skipped", reason: "no github-token" };
      const { octokitCommentsApi, upsertStickyComment } = await import("./sticky-comment-ETAXSC2N.js");
      const api = octokitCommentsApi(await github());
      return upsertStickyComment({ api: { ...api, whoAmI: () => whoAmI(api.whoAmI) }, ...comment });
    },
    async suggest(review) {
      if (!token)
        return {
          action: "skipped",
          created: 0,
          updated: 0,
          unchanged: 0,
          deleted: 0,
          offDiff: 0,
          reason: "no github-token"
        };
      const { octokitReviewApi, syncReviewSuggestions } = await import("./review-suggestions-UNP4RSKJ.js");
      const api = octokitReviewApi(await github());
      return syncReviewSuggestions({ api: { ...api, whoAmI: () => whoAmI(api.whoAmI) }, ...review });
    }
  };
}
var publishers = /* @__PURE__ */ new WeakMap();
function publisherOf(publishing) {
  if (publishing.deps.publisher) return publishing.deps.publisher;
  let publisher = publishers.get(publishing);
  if (!publisher) {
    publisher = githubPublisher(publishing.settings["github-token"]);
    publishers.set(publishing, publisher);
  }
  return publisher;
}
function commentKey(settings) {
  if (settings["comment-key"]) return settings["comment-key"];
  return settings.target ? `${settings.dockerfile}:${settings.target}` : settings.dockerfile;
}
var titleOf = (s) => s.target ? `${s.dockerfile} (${s.target})` : s.dockerfile;
var MAX_DOCKERFILE_BYTES = 1024 * 1024;
async function headDockerfile(headSha, req) {
  const { git } = req;
  if (await git.checkedOut() === headSha) return { text: null };
  const head = shortSha(headSha);
  if (!await git.hasCommit(headSha) && !await git.fetchCommit(headSha))
    return { why: `the PR head ${head} could not be fetched` };
  const file = await (await git.baseCommit(headSha)).read(req.shownDockerfile, MAX_DOCKERFILE_BYTES);
  if (file.kind !== "file")
    return {
      why: `${req.shownDockerfile} at the PR head ${head} is ${file.kind === "missing" ? "not there" : file.why}`
    };
  return { text: file.text };
}
async function publishSuggestions(publishing, req) {
  const pr = publishing.event.pullRequest;
  if (!pr || !publishing.settings.suggestions || !publishing.settings.comment) return;
  const publisher = publisherOf(publishing);
  if (!publisher.suggest) return;
  if (pr.fromFork) {
    notice(
      "image-guard: no review suggestions: a fork's pull request runs with a read-only token; the fixes are in the report"
    );
    return;
  }
  try {
    const head = await headDockerfile(pr.headSha, req);
    if ("why" in head) {
      notice(
        `image-guard: no review suggestions: ${head.why}, so they cannot be put on its lines; the fixes are in the report`
      );
      return;
    }
    const result = await publisher.suggest({
      owner: publishing.event.owner,
      repo: publishing.event.repo,
      pullNumber: pr.number,
      headSha: pr.headSha,
      path: req.shownDockerfile,
      key: commentKey(publishing.settings),
      suggestions: await req.plan(head.text)
    });
    if (result.action === "skipped") {
      notice(
        `image-guard: no review suggestions: ${result.reason ?? "no permission"}; the fixes are in the report`
      );
      return;
    }
    const { created, updated, unchanged, deleted, offDiff } = result;
    info(
      `image-guard: review suggestions: ${created} posted, ${updated} updated, ${unchanged} unchanged, ${deleted} removed; ${offDiff} not on the PR's diff (in the report)`
    );
  } catch (error2) {
    warning(`image-guard: the review suggestions could not be posted: ${messageOf(error2)}`);
  }
}
async function publishReport(publishing, result) {
  const { report } = result;
  const options = {
    failOn: publishing.settings["fail-on"],
    title: titleOf(publishing.settings),
    ...result.labels,
    unchecked: result.unchecked
  };
  const html = await writeHtmlReport(publishing, report, { ...options, explore: result.explore });
  const link = html.url ? { htmlReport: html.url } : {};
  const summary2 = renderMarkdown(report, { ...options, ...link, maxChars: SUMMARY_LIMIT });
  const comment = renderMarkdown(commentView(report), {
    ...options,
    ...link,
    maxChars: COMMENT_LIMIT - 200,
    fullReportHint: "The full report is in the job summary of this run."
  });
  await publish(publishing, {
    summary: summary2,
    comment,
    report: stamped(publishing, report, { ...options, htmlReport: html.url }),
    passed: report.passed,
    htmlFile: html.file
  });
}
function stamped(p, report, shown) {
  return {
    ...report,
    action: {
      commit: runCommit(p.event),
      key: commentKey(p.settings),
      title: shown.title,
      failOn: shown.failOn,
      baseLabel: shown.baseLabel || null,
      headLabel: shown.headLabel || null,
      unchecked: [...shown.unchecked],
      htmlReport: shown.htmlReport || null
    }
  };
}
function runCommit(event) {
  return event.pullRequest?.headSha ?? event.sha;
}
async function writeHtmlReport(p, report, options) {
  const file = join2(p.outDir, "report.html");
  try {
    await mkdir(p.outDir, { recursive: true });
    await writeFile(file, renderHtml(report, options));
  } catch (error2) {
    warning(`image-guard: the HTML report could not be written: ${messageOf(error2)}`);
    return { file: "", url: "" };
  }
  const service = p.deps.artifacts ?? artifactService();
  if ("unavailable" in service) {
    info(`image-guard: the HTML report was not uploaded: ${service.unavailable}; it is in ${file}`);
    return { file, url: "" };
  }
  try {
    const uploaded = await service.uploader.upload(
      artifactName("image-guard-report", commentKey(p.settings)),
      file
    );
    info(
      `image-guard: HTML report uploaded as a workflow artifact${uploaded.url ? `: ${uploaded.url}` : ""}`
    );
    return { file, url: uploaded.url };
  } catch (error2) {
    warning(`image-guard: the HTML report could not be uploaded: ${messageOf(error2)}; it is in ${file}`);
    return { file, url: "" };
  }
}
async function publishBrokenBuild(publishing, logTail) {
  const heading2 = "### \u274C image-guard: failed: the image did not build";
  const footer = `<sub>${escapeMarkdown("image-guard")}</sub>`;
  const summary2 = [
    heading2,
    "",
    "The last lines of the build:",
    "",
    "```text",
    ...logTail.map((l) => l.replace(/```/g, "'''")),
    "```",
    "",
    footer,
    ""
  ].join("\n");
  const comment = [
    heading2,
    "",
    "The build log is in the job summary and the step output of this run.",
    "",
    footer,
    ""
  ].join("\n");
  await publish(publishing, { summary: summary2, comment, report: null, passed: false });
}
async function publish(p, out) {
  await mkdir(p.outDir, { recursive: true });
  const reportFile = join2(p.outDir, "report.json");
  const commentFile = join2(p.outDir, "comment.md");
  if (out.report) await writeFile(reportFile, `${JSON.stringify(out.report, null, 2)}
`);
  await writeFile(commentFile, out.comment);
  try {
    await summary.addRaw(out.summary).write();
  } catch (error2) {
    warning(`image-guard: could not write the job summary: ${messageOf(error2)}`);
  }
  const commentUrl = await postComment(p, commentKey(p.settings), out.comment, commentFile);
  setOutputs(out.report, {
    passed: out.passed,
    reportFile: out.report ? reportFile : "",
    commentFile,
    commentUrl,
    htmlFile: out.htmlFile ?? ""
  });
}
async function postComment(p, key, body, commentFile) {
  const pr = p.event.pullRequest;
  if (!p.settings.comment || !pr) return "";
  const publisher = publisherOf(p);
  try {
    const result = await publisher.upsert({
      owner: p.event.owner,
      repo: p.event.repo,
      issueNumber: pr.number,
      key,
      body
    });
    if (result.action === "skipped") {
      warning(
        `image-guard: the PR comment was not posted (${result.reason ?? "no permission"}); the report is in the job summary and in ${commentFile}. For PRs from forks, see the workflow_run example in the README.`
      );
    } else info(`image-guard: PR comment ${result.action}: ${result.url}`);
    return result.url;
  } catch (error2) {
    warning(
      `image-guard: the PR comment could not be posted: ${messageOf(error2)}; the report is in the job summary and in ${commentFile}.`
    );
    return "";
  }
}
async function publishAggregate(publishing, out) {
  await mkdir(publishing.outDir, { recursive: true });
  const reportFile = join2(publishing.outDir, "aggregate.json");
  const commentFile = join2(publishing.outDir, "comment.md");
  await writeFile(reportFile, `${JSON.stringify(out.json, null, 2)}
`);
  await writeFile(commentFile, out.comment);
  try {
    await summary.addRaw(out.summary).write();
  } catch (error2) {
    warning(`image-guard: could not write the job summary: ${messageOf(error2)}`);
  }
  const commentUrl = await postComment(publishing, out.key, out.comment, commentFile);
  setOutputs(null, { passed: out.passed, reportFile, commentFile, commentUrl, findings: out.findings });
}
function commentView(report) {
  const c = report.costs;
  if (!c || !c.head.build && !c.base?.build) return report;
  if (c.head.build?.noCache || c.base?.build?.noCache) return report;
  return {
    ...report,
    costs: {
      ...c,
      head: { ...c.head, build: null },
      base: c.base ? { ...c.base, build: null } : null,
      notes: {
        ...c.notes,
        build: "builds reuse the engine\u2019s cache (build-time: cached), so their times compare nothing; they are in the job summary. build-time: fresh builds both without the cache and shows them here"
      }
    }
  };
}

// src/action/aggregate.ts
var AGGREGATE_KEY = "aggregate";
function wantsAggregate(env) {
  return (env[inputVariable("reports")] ?? "").trim() !== "";
}
async function runAggregate(deps) {
  const env = deps.env ?? process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const settings = getInputs(env);
  const event = (deps.event ?? readEvent)(env);
  const commit = runCommit(event);
  if (!commit)
    throw new UserError("GITHUB_SHA is not set: reports are checked against the commit of the run");
  const files = await findReports(settings.reports, workspace);
  const loaded = await Promise.all(files.map((file) => readReport(file, workspace)));
  checkReports(loaded, { commit, version: VERSION });
  const key = settings["comment-key"] ?? AGGREGATE_KEY;
  const { aggregate, ordered } = buildAggregate(loaded, {
    commit,
    key,
    version: VERSION,
    status: statusLine
  });
  info(
    `image-guard: ${ordered.length} report${ordered.length === 1 ? "" : "s"}: ${ordered.map((r) => `${r.file} (${r.report.action.key})`).join(", ")}`
  );
  const outDir = await mkdtemp2(join3(env.RUNNER_TEMP ?? tmpdir2(), "image-guard-"));
  await publishAggregate(
    { deps, settings, event, outDir },
    {
      key,
      json: aggregate,
      passed: aggregate.passed,
      findings: aggregate.findings.error + aggregate.findings.warning + aggregate.findings.info,
      summary: renderAggregate(aggregate, ordered, {
        maxChars: SUMMARY_LIMIT,
        fullReportHint: "the full report is in the job summary of the image's own job."
      }),
      // Each image as its own comment shows it: build times from the cache, which vary run to run, left out.
      comment: renderAggregate(aggregate, ordered.map(asInComment), {
        maxChars: COMMENT_LIMIT - 200,
        fullReportHint: "the full report is in the job summary of this run."
      })
    }
  );
  const failed = aggregate.images.filter((i) => !i.passed);
  if (failed.length === 0) return null;
  return `${failed.length} of ${aggregate.images.length} images failed: ${failed.map((i) => `${i.key} (${i.status})`).join("; ")}`;
}
var asInComment = (r) => ({
  ...r,
  report: { ...commentView(r.report), action: r.report.action }
});
async function findReports(patterns, workspace) {
  const absolute = patterns.map((p) => {
    const negated = p.startsWith("!");
    const path = negated ? p.slice(1) : p;
    return `${negated ? "!" : ""}${isAbsolute2(path) ? path : resolve2(workspace, path)}`;
  });
  const { create } = await import("./glob-CBP4AEO3.js");
  const globber = await create(absolute.join("\n"), { matchDirectories: false, implicitDescendants: false });
  const files = [...new Set(await globber.glob())].sort();
  if (files.length === 0)
    throw new UserError(
      `reports: nothing matches ${patterns.map((p) => JSON.stringify(p)).join(", ")} in ${workspace}: download the image jobs' reports there first (actions/download-artifact)`
    );
  return files;
}
async function readReport(file, workspace) {
  const shown = relative2(workspace, file).startsWith("..") ? file : relative2(workspace, file);
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error2) {
    const code = error2.code;
    throw new UserError(`${shown} cannot be read (${code ?? error2.message})`);
  }
  return parseReportFile(shown, text);
}

// src/action/build-options.ts
import { readFileSync as readFileSync2, statSync } from "node:fs";
import { resolve as resolve3 } from "node:path";
function actionBuild(settings, env, workspace) {
  const secretValues = settings.secrets.map((s) => s.value);
  const problems = [];
  const secretEnvs = settings["secret-envs"].map(({ id, value: name }) => {
    const value = env[name];
    if (value === void 0 || value === "")
      problems.push(
        `secret-envs: ${name} (secret ${id}) is not set in this step's environment: set it under env:`
      );
    else secretValues.push(value);
    return { id, env: name };
  });
  const secretFiles = settings["secret-files"].map(({ id, value }) => {
    const path = resolve3(workspace, value);
    const file = secretFile(path);
    if (file === null)
      problems.push(
        `secret-files: ${JSON.stringify(value)} (secret ${id}) is not a file: give the path of an existing file`
      );
    else if (file.text !== null) secretValues.push(file.text.replace(/\r?\n$/, ""));
    return { id, path };
  });
  for (const value of secretValues) maskSecret(value);
  if (problems.length > 0) throw new UserError(`bad inputs: ${problems.join("; ")}`);
  const head = {
    secrets: settings.secrets,
    secretFiles,
    secretEnvs,
    ssh: settings.ssh,
    cacheFrom: settings["cache-from"],
    cacheTo: settings["cache-to"],
    buildContexts: settings["build-contexts"],
    platform: settings.platform,
    builder: settings.builder,
    network: settings.network,
    pull: settings.pull,
    labels: settings.labels,
    provenance: settings.provenance,
    sbom: settings.sbom
  };
  return { head, other: { ...head, cacheTo: [] }, secretValues };
}
function maskSecret(value) {
  if (value === "") return;
  setSecret(value);
  for (const line of value.split(/\r?\n/)) if (line.trim() !== "" && line !== value) setSecret(line);
}
function secretFile(path) {
  let size;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    size = stat.size;
  } catch {
    return null;
  }
  if (size > SECRET_FILE_MASK_LIMIT) return { text: null };
  try {
    const text = readFileSync2(path, "utf8");
    return { text: text.includes("\0") || text.includes("\uFFFD") ? null : text };
  } catch {
    return { text: null };
  }
}
var SECRET_FILE_MASK_LIMIT = 64 * 1024;

// src/action/cache-probe.ts
import { appendFile, cp, mkdir as mkdir2, mkdtemp as mkdtemp3, rm as rm2 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { basename as basename2, dirname as dirname2, join as join4, relative as relative3 } from "node:path";
var SOURCE = /\.(py|js|mjs|cjs|ts|tsx|jsx|go|rb|java|kt|rs|php|cs|c|cc|cpp|h|hpp|swift|scala|ex|exs|sh|html|css|vue|svelte)$/i;
function pickProbeFile(files) {
  const candidates = files.filter((f) => {
    const name = basename2(f);
    return !isManifest(f) && !/^(Dockerfile|Containerfile)(\..*)?$|\.dockerignore$/i.test(name) && !f.startsWith(".");
  });
  const byDepth = (a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b);
  const sources = candidates.filter((f) => SOURCE.test(f)).sort(byDepth);
  return sources[0] ?? candidates.sort(byDepth)[0] ?? null;
}
function missedLayers(head, probe) {
  const headLayers = head.layers.filter((l) => !l.empty);
  return probe.layers.filter((l) => !l.empty).filter((l, i) => headLayers[i]?.diffId !== l.diffId).map((l) => ({ index: l.index, createdBy: l.createdBy, size: l.size }));
}
async function runCacheProbe(request) {
  const context = readContext(request.context, request.dockerfile);
  const file = pickProbeFile(context.files);
  if (!file)
    return {
      changedFile: null,
      missed: [],
      missedBytes: 0,
      seconds: 0,
      note: "no source file in the build context to change"
    };
  const scratch = await mkdtemp3(join4(tmpdir3(), "image-guard-probe-"));
  try {
    for (const f of context.files) {
      await mkdir2(join4(scratch, dirname2(f)), { recursive: true });
      await cp(join4(request.context, f), join4(scratch, f), { verbatimSymlinks: true });
    }
    if (context.ignoreFile)
      await cp(context.ignoreFile, join4(scratch, relative3(request.context, context.ignoreFile)));
    await appendFile(join4(scratch, file), "\n");
    const built = await request.docker.build({
      dockerfile: request.dockerfile,
      context: scratch,
      target: request.target,
      buildArgs: request.buildArgs,
      tag: request.tag,
      ...request.options ? { options: request.options } : {}
    });
    if (!built.ok) {
      return {
        changedFile: file,
        missed: [],
        missedBytes: 0,
        seconds: built.seconds,
        note: "the probe build failed"
      };
    }
    const probe = await request.load(request.tag);
    const missed = missedLayers(request.head, probe);
    return {
      changedFile: file,
      missed,
      missedBytes: missed.reduce((sum, l) => sum + l.size, 0),
      seconds: Math.round(built.seconds * 10) / 10,
      note: null
    };
  } finally {
    await rm2(scratch, { recursive: true, force: true });
    await request.docker.removeImage(request.tag);
  }
}

// src/action/cleanup.ts
var Cleanup = class {
  steps = [];
  add(step) {
    this.steps.push(step);
  }
  /** Runs every step; one that fails is a warning and the others still run. */
  async run() {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error2) {
        warning(`image-guard: clean-up: ${messageOf(error2)}`);
      }
    }
  }
};

// src/core/redact.ts
var MASK = "***";
function redact(text, secrets) {
  const values = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const value of values) out = out.split(value).join(MASK);
  return out;
}
function redactLines(lines, secrets) {
  const parts = secrets.flatMap((s) => [s, ...s.split(/\r?\n/).filter((p) => p.trim().length >= 4)]);
  return lines.map((l) => redact(l, parts));
}

// src/action/head-image.ts
async function getHead(request) {
  const { settings, docker } = request;
  if (settings.image) return { ref: settings.image, build: null };
  const tag = `image-guard-head:${request.runId}`;
  startGroup(`image-guard: building the head image (${request.shownDockerfile})`);
  const built = await docker.build({
    dockerfile: request.dockerfile,
    context: request.context,
    target: settings.target,
    buildArgs: settings["build-args"],
    tag,
    noCache: request.noCache,
    options: request.options
  });
  endGroup();
  request.cleanup.add(() => docker.removeImage(tag));
  if (!built.ok) {
    await publishBrokenBuild(request.publishing, redactLines(built.logTail, request.secretValues));
    throw new UserError(whyNotBuilt(built, request.options));
  }
  return { ref: tag, build: built };
}
function whyNotBuilt(built, options) {
  if (options.cacheTo?.length && built.logTail.some((l) => /cache export is not supported/i.test(l))) {
    return "cache-to: this builder cannot export a build cache (the docker driver on the classic image store): set up a builder with docker/setup-buildx-action, or use the containerd image store, or leave cache-to empty";
  }
  return "the head image did not build; the last lines of its log are in the job summary";
}

// src/action/history.ts
var HISTORY_REF = "refs/image-guard/history";
var HISTORY_TRIES = 5;
function recordsHistory(event) {
  if (event.name !== "push" && event.name !== "workflow_dispatch") return false;
  return event.defaultBranch !== void 0 && event.ref === `refs/heads/${event.defaultBranch}`;
}
async function recordHistory(o, report, now = /* @__PURE__ */ new Date()) {
  if (!o.git || o.settings["history-limit"] === 0 || !recordsHistory(o.event)) return;
  const record = historyRecord(report, { key: o.key, commit: o.event.sha, date: now });
  if (!record) return;
  const branch = o.settings["history-branch"];
  const result = await appendHistory(o.git, {
    branch,
    record,
    limit: o.settings["history-limit"],
    sleep: o.sleep
  });
  if (result.ok) {
    info(
      `image-guard: size history: ${record.key} at ${record.commit.slice(0, 7)} recorded in branch ${branch}${result.tries > 1 ? ` (after ${result.tries} tries: other runs pushed meanwhile)` : ""}`
    );
  } else {
    warning(
      `image-guard: the size history could not be written to branch ${branch}: ${result.why}. A push needs permissions: contents: write; set history-limit: 0 to keep no history`
    );
  }
}
async function appendHistory(git, o) {
  const tries = o.tries ?? HISTORY_TRIES;
  const sleep = o.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  let why = "";
  try {
    for (let attempt = 1; attempt <= tries; attempt++) {
      const tip = await git.remoteTip(o.branch);
      const parent = tip === null ? null : await git.fetchInto(o.branch, HISTORY_REF);
      const text = parent ? await git.readFile(parent, HISTORY_FILE) ?? "" : "";
      const commit = await git.commitFile({
        parent,
        tree: parent ? await git.treeLines(parent) : [],
        path: HISTORY_FILE,
        text: appendRecord(text, o.record, o.limit),
        message: `image-guard: ${o.record.key} at ${o.record.commit.slice(0, 7)}`
      });
      const refused = await git.push(commit, o.branch);
      if (refused === null) return { ok: true, tries: attempt };
      why = refused;
      if (await git.remoteTip(o.branch) === parent) return { ok: false, why };
      await sleep(100 * attempt + Math.floor(Math.random() * 200 * attempt));
    }
    return { ok: false, why: `other runs kept pushing to it (${tries} tries; the last: ${why})` };
  } catch (error2) {
    return { ok: false, why: messageOf(error2) };
  } finally {
    await git.deleteRef(HISTORY_REF).catch(() => void 0);
  }
}
async function readTrend(o, head) {
  if (!o.git || o.settings["history-limit"] === 0) return null;
  const branch = o.settings["history-branch"];
  try {
    const tip = await o.git.remoteTip(branch);
    if (tip === null) {
      info(
        `image-guard: no size trend: the repository has no branch ${branch} yet (a push to the default branch writes it)`
      );
      return null;
    }
    const commit = await o.git.fetchInto(branch, HISTORY_REF);
    const records = parseHistory(await o.git.readFile(commit, HISTORY_FILE) ?? "");
    const trend = sizeTrend(records, o.key, head, `branch ${branch}`);
    if (!trend) info(`image-guard: no size trend: branch ${branch} has no record of ${o.key} yet`);
    return trend;
  } catch (error2) {
    info(`image-guard: no size trend: branch ${branch} could not be read: ${messageOf(error2)}`);
    return null;
  } finally {
    await o.git.deleteRef(HISTORY_REF).catch(() => void 0);
  }
}

// src/action/main.ts
async function run(deps = {}) {
  try {
    info(`image-guard ${VERSION}`);
    const verdict = await runAction(deps);
    if (verdict !== null) setFailed(`image-guard: ${verdict}`);
  } catch (error2) {
    setFailed(`image-guard: ${messageOf(error2)}`);
  }
}
async function runAction(deps) {
  if (wantsAggregate(deps.env ?? process.env)) return runAggregate(deps);
  const setup = await prepare(deps);
  const cleanup = new Cleanup();
  try {
    const { build, fresh } = setup;
    const head = await getHead({
      ...setup,
      noCache: fresh,
      cleanup,
      options: build.head,
      secretValues: build.secretValues
    });
    const base = await getBase({ ...setup, noCache: fresh, cleanup, options: build.other });
    const result = await withTrend(setup, await compare(setup, head, base));
    await publishReport(setup.publishing, result);
    await publishSuggestions(setup.publishing, {
      shownDockerfile: setup.shownDockerfile,
      git: setup.git,
      // On the PR head's text when the checkout is another commit (pull_request's merge commit).
      plan: async (headText) => headText !== null || existsSync3(setup.dockerfile) ? (await (await import("./suggestions-6RILNCGY.js")).dockerfileSuggestions({
        dockerfile: setup.dockerfile,
        context: setup.context,
        target: setup.settings.target,
        platform: setup.settings.platform,
        buildContexts: setup.settings["build-contexts"].map(
          (c) => c.slice(0, Math.max(0, c.indexOf("=")))
        ),
        config: setup.config,
        // The comparison's own lint of this Dockerfile (the image-content findings have no file),
        // and the build context as that lint read it: the context is read once in a run.
        findings: result.report.findings.filter((f) => f.file !== null),
        contextScan: setup.linted.context,
        ...headText === null ? {} : { text: headText }
      })).suggestions : []
    });
    annotate(result.report.findings, setup.shownDockerfile);
    await recordSize(setup, result);
    return result.report.passed ? null : statusLine(result.report, setup.settings["fail-on"]);
  } finally {
    await cleanup.run();
  }
}
async function prepare(deps) {
  const env = deps.env ?? process.env;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const event = (deps.event ?? readEvent)(env);
  const git = deps.git ?? (await import("./git-7OSO446V.js")).gitCli(workspace);
  const { settings, config, policy } = await actionSettings(env, workspace, {
    baseFor: (written) => policyBase(event, written, git),
    dockerfile: (s) => {
      const path = insideWorkspace(workspace, s.dockerfile, "dockerfile");
      return existsSync3(path) ? path : null;
    }
  });
  refuseUntrustedBuild(event, settings, env);
  const build = actionBuild(settings, env, workspace);
  const dockerfile = insideWorkspace(workspace, settings.dockerfile, "dockerfile");
  const context = insideWorkspace(workspace, settings.context, "context");
  const docker = deps.docker ?? (await import("./docker-cli-PKVIUDU6.js")).dockerCli();
  if (!settings.image || !settings["base-image"]) await checkBuilder(docker, build);
  const outDir = await mkdtemp4(join5(env.RUNNER_TEMP ?? tmpdir4(), "image-guard-"));
  return {
    deps,
    settings,
    config,
    ...policy ? { policy } : {},
    build,
    workspace,
    dockerfile,
    context,
    shownDockerfile: relative4(workspace, dockerfile) || settings.dockerfile,
    event,
    docker,
    git,
    runId: `${process.pid}-${Date.now().toString(36)}`,
    fresh: settings["build-time"] === "fresh",
    publishing: { deps, settings, event, outDir },
    linted: { context: null }
  };
}
function refuseUntrustedBuild(event, settings, env) {
  const untrusted = event.untrusted;
  if (!untrusted || settings.image || settings["allow-untrusted-build"]) return;
  const action = env.GITHUB_ACTION_REPOSITORY;
  const recipe = action ? `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${action}/blob/${env.GITHUB_ACTION_REF || "HEAD"}/SECURITY.md#how-image-guard-treats-pull-requests-from-forks` : "image-guard's SECURITY.md, How image-guard treats pull requests from forks";
  throw new UserError(
    `refusing to build ${untrusted.headRepo}'s pull request under ${untrusted.trigger}, which runs with a write token and the repository's secrets: build and analyze it under pull_request and comment from a workflow_run (the fork-safe recipe: ${recipe}), or give image: an image a sandboxed job built; allow-untrusted-build: true overrides this`
  );
}
async function policyBase(event, written, git) {
  const pr = event.pullRequest;
  if (!pr) return null;
  const ref = written["base-ref"] ?? pr.baseSha;
  if (!await git.hasCommit(ref) && !await git.fetchCommit(ref)) {
    throw new UserError(
      `the base commit ${shortSha(ref)} could not be fetched, so its config file, which judges this PR, cannot be read: give actions/checkout a token that can read the repository, or set policy-from: head`
    );
  }
  return git.baseCommit(ref);
}
async function withTrend(setup, result) {
  const pr = setup.event.pullRequest;
  const head = result.report.head;
  if (!pr || !head) return result;
  const history = await readTrend(historyOptions(setup), { label: shortSha(pr.headSha), size: head.size });
  return history ? { ...result, report: { ...result.report, history } } : result;
}
async function recordSize(setup, result) {
  await recordHistory(historyOptions(setup), result.report);
}
var historyOptions = (setup) => ({
  git: setup.git.history,
  settings: setup.settings,
  event: setup.event,
  key: commentKey(setup.settings)
});
async function compare(setup, head, base) {
  const { settings, event, fresh } = setup;
  const result = await runComparison(
    {
      head: {
        ref: head.ref,
        shownAs: settings.image ?? setup.shownDockerfile,
        build: buildFigures(head.build, fresh),
        label: shortSha(event.pullRequest?.headSha ?? event.sha)
      },
      base: base.ref ? {
        ref: base.ref,
        ...base.shownAs ? { shownAs: base.shownAs } : {},
        build: buildFigures(base.build ?? null, fresh),
        optional: true,
        label: base.label
      } : { unavailable: base.why ?? "no base image" },
      dockerfile: existsSync3(setup.dockerfile) ? { path: setup.dockerfile, context: setup.context, target: settings.target } : null,
      settings,
      config: setup.config,
      root: setup.workspace,
      ...setup.policy ? { policy: setup.policy } : {},
      buildWhy: !head.build ? "the head image was given (image), not built: no build time" : !base.build && base.ref ? "the base image was given (base-image), not built: no build time to compare" : null
    },
    actionPorts(setup)
  );
  for (const u of result.unchecked) info(`image-guard: budget not checked: ${u}`);
  return result;
}
function actionPorts(setup) {
  const { deps, docker } = setup;
  const registry = deps.registry;
  const env = deps.env ?? process.env;
  const token = setup.settings["github-token"];
  const lint = deps.lint ?? realPorts.lint;
  const analyze = deps.analyze ?? runAnalyzer(
    env.GITHUB_TOKEN || !token ? env : { ...env, GITHUB_TOKEN: token },
    setup.settings["engine-timeout"]
  );
  return {
    analyze,
    registry: registry ? () => registry : realPorts.registry,
    containers: () => docker.containers,
    async lint(dockerfile, options) {
      const linted = await lint(dockerfile, options);
      setup.linted.context = linted.context ?? null;
      return linted;
    },
    ...cacheProbePort(setup, analyze)
  };
}
function cacheProbePort(setup, analyze) {
  const { settings, docker } = setup;
  if (!settings["cache-probe"]) return {};
  if (settings.image) {
    warning(
      "image-guard: cache-probe needs the Action to build the head image itself; it is skipped when `image` is given"
    );
    return {};
  }
  return {
    async cacheProbe(head) {
      startGroup("image-guard: cache probe (a one-file source change, rebuilt)");
      try {
        return await runCacheProbe({
          docker,
          dockerfile: setup.dockerfile,
          context: setup.context,
          target: settings.target,
          buildArgs: settings["build-args"],
          options: setup.build.other,
          tag: `image-guard-probe:${setup.runId}`,
          head,
          load: async (ref) => (await analyze(ref, { files: false, pullSize: false })).image
        });
      } finally {
        endGroup();
      }
    }
  };
}
async function checkBuilder(docker, build) {
  const needs = buildxOnly(build.head);
  if (needs.length > 0 && !await docker.hasBuildx()) {
    throw new UserError(
      `${needs.join(", ")} need${needs.length === 1 ? "s" : ""} docker buildx, which this runner's docker CLI does not have: set it up first (docker/setup-buildx-action)`
    );
  }
  const name = build.head.builder;
  if (name) {
    const why = await docker.builderProblem(name);
    if (why !== null)
      throw new UserError(
        `builder ${JSON.stringify(name)} cannot be used (${why}): create it earlier in the job (docker/setup-buildx-action) or leave builder empty`
      );
  }
}
function buildFigures(build, noCache) {
  if (!build?.ok) return null;
  return { seconds: Math.round(build.seconds * 100) / 100, cache: build.cache?.cache ?? "unknown", noCache };
}
export {
  run
};
