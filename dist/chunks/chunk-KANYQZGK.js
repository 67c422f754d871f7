import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  getExecOutput
} from "./chunk-35774WMP.js";

// src/engine/build-cache.ts
function buildCacheUse(output) {
  const lines = output.split(/\r?\n/);
  const steps = /* @__PURE__ */ new Map();
  let legacyStep = null;
  let legacyCount = 0;
  for (const line of lines) {
    const start = /^#(\d+) \[([^\]]+)\] (.*)$/.exec(line);
    if (start) {
      const [, id, stage, text] = start;
      if (!stage.startsWith("internal") && !steps.has(id))
        steps.set(id, { instruction: instructionOf(text), cached: false });
      continue;
    }
    const hit = /^#(\d+) (?:CACHED\s*$|(?:extracting )?sha256:[0-9a-f]{64} )/.exec(line);
    if (hit) {
      const step = steps.get(hit[1]);
      if (step) step.cached = true;
      continue;
    }
    const legacy = /^Step \d+\/\d+ : (.*)$/.exec(line);
    if (legacy) {
      legacyStep = { instruction: instructionOf(legacy[1]), cached: false };
      steps.set(`legacy-${legacyCount++}`, legacyStep);
      continue;
    }
    if (legacyStep && /^\s*---> Using cache\s*$/.test(line)) legacyStep.cached = true;
  }
  const all = [...steps.values()];
  const runs = all.filter((s) => s.instruction === "RUN");
  const judged = runs.length ? runs : all.filter((s) => s.instruction === "COPY" || s.instruction === "ADD");
  if (judged.length === 0) return { cache: "unknown", steps: 0, cachedSteps: 0 };
  const cachedSteps = judged.filter((s) => s.cached).length;
  const cache = cachedSteps === 0 ? "none" : cachedSteps === judged.length ? "all" : "partial";
  return { cache, steps: judged.length, cachedSteps };
}
function instructionOf(text) {
  return /^([A-Za-z]+)/.exec(text.trim())?.[1]?.toUpperCase() ?? "";
}

// src/engine/docker-cli.ts
function buildxOnly(options) {
  const used = [];
  if (options.secrets?.length) used.push("secrets");
  if (options.secretFiles?.length) used.push("secret-files");
  if (options.secretEnvs?.length) used.push("secret-envs");
  if (options.ssh?.length) used.push("ssh");
  if (options.cacheFrom?.length) used.push("cache-from");
  if (options.cacheTo?.length) used.push("cache-to");
  if (options.buildContexts?.length) used.push("build-contexts");
  if (options.builder) used.push("builder");
  return used;
}
var SECRET_ENV = "IMAGE_GUARD_BUILD_SECRET_";
function buildxArgs(request) {
  const o = request.options ?? {};
  const env = {};
  const args = ["buildx", "build"];
  if (o.builder) args.push(`--builder=${o.builder}`);
  args.push("--load", ...imageFlags(request));
  for (const [i, s] of (o.secrets ?? []).entries()) {
    env[`${SECRET_ENV}${i}`] = s.value;
    args.push(`--secret=id=${s.id},env=${SECRET_ENV}${i}`);
  }
  for (const s of o.secretFiles ?? []) args.push(`--secret=id=${s.id},src=${s.path}`);
  for (const s of o.secretEnvs ?? []) args.push(`--secret=id=${s.id},env=${s.env}`);
  for (const s of o.ssh ?? []) args.push(`--ssh=${s}`);
  for (const c of o.cacheFrom ?? []) args.push(`--cache-from=${c}`);
  for (const c of o.cacheTo ?? []) args.push(`--cache-to=${c}`);
  for (const c of o.buildContexts ?? []) args.push(`--build-context=${c}`);
  args.push(...runFlags(request), `--provenance=${o.provenance ?? "false"}`, `--sbom=${o.sbom ?? "false"}`);
  args.push(...lastFlags(request));
  return { args, env };
}
function classicArgs(request) {
  return ["build", ...imageFlags(request), ...runFlags(request), ...lastFlags(request)];
}
function imageFlags(request) {
  const o = request.options ?? {};
  const args = [`--file=${request.dockerfile}`, `--tag=${request.tag}`];
  if (request.target) args.push(`--target=${request.target}`);
  if (o.platform) args.push(`--platform=${o.platform}`);
  for (const arg of request.buildArgs) args.push(`--build-arg=${arg}`);
  for (const label of o.labels ?? []) args.push(`--label=${label}`);
  return args;
}
function runFlags(request) {
  const o = request.options ?? {};
  return [...o.network ? [`--network=${o.network}`] : [], ...o.pull ? ["--pull"] : []];
}
function lastFlags(request) {
  return [...request.noCache ? ["--no-cache"] : [], "--", request.context];
}
var TAIL = 30;
function tail(text, lines = TAIL) {
  return text.split(/\r?\n/).filter((l) => l.trim() !== "").slice(-lines);
}
function dockerCli(binary = process.env.IMAGE_GUARD_DOCKER ?? "docker") {
  let buildx;
  const hasBuildx = () => {
    buildx ??= getExecOutput(binary, ["buildx", "version"], { silent: true, ignoreReturnCode: true }).then(
      (r) => r.exitCode === 0,
      () => false
    );
    return buildx;
  };
  const run = (args, silent = false, env) => getExecOutput(binary, args, {
    ignoreReturnCode: true,
    silent,
    ...env && Object.keys(env).length ? { env: { ...process.env, ...env } } : {}
  }).catch((error) => ({
    exitCode: 127,
    stdout: "",
    stderr: `could not run ${binary}: ${error instanceof Error ? error.message : String(error)}`
  }));
  return {
    async build(request) {
      const { args, env } = await hasBuildx() ? buildxArgs(request) : { args: classicArgs(request), env: {} };
      const started = process.hrtime.bigint();
      const result = await run(args, false, env);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const output = `${result.stdout}
${result.stderr}`;
      return { ok: result.exitCode === 0, seconds, logTail: tail(output), cache: buildCacheUse(output) };
    },
    hasBuildx,
    async builderProblem(name) {
      const result = await run(["buildx", "inspect", "--bootstrap", `--builder=${name}`], true);
      if (result.exitCode === 0) return null;
      return tail(result.stderr || result.stdout, 1)[0]?.replace(/^ERROR:\s*/, "") ?? `exit ${result.exitCode}`;
    },
    async imageExists(ref) {
      return (await run(["image", "inspect", "--format", "{{.Id}}", "--", ref], true)).exitCode === 0;
    },
    async pull(ref) {
      const result = await run(["pull", "--", ref]);
      return { ok: result.exitCode === 0, message: tail(result.stderr || result.stdout, 1)[0] ?? "" };
    },
    async removeImage(ref) {
      await run(["image", "rm", "-f", "--", ref], true);
    },
    containers: containerRunner(run)
  };
}
function containerRunner(run) {
  return {
    async run(image, labels) {
      const args = ["run", "-d"];
      for (const [k, v] of Object.entries(labels)) args.push("--label", `${k}=${v}`);
      args.push("--", image);
      const result = await run(args, true);
      const id = result.stdout.trim().split(/\s+/).at(-1) ?? "";
      if (result.exitCode === 0 && id) return { id };
      return {
        error: tail(result.stderr || result.stdout, 1)[0] ?? `exit ${result.exitCode}`,
        id: id || null
      };
    },
    async state(id) {
      const format = "{{.State.Running}} {{.State.ExitCode}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}";
      const result = await run(["container", "inspect", "--format", format, id], true);
      if (result.exitCode !== 0) return { running: false, exitCode: null, address: null };
      const [running, code, ...ips] = result.stdout.trim().split(/\s+/);
      return {
        running: running === "true",
        exitCode: Number.isFinite(Number(code)) ? Number(code) : null,
        address: ips.find(Boolean) ?? null
      };
    },
    async exec(id, command) {
      return (await run(["exec", id, "sh", "-c", command], true)).exitCode;
    },
    async logsTail(id) {
      const result = await run(["logs", "--tail", "5", id], true);
      return tail(`${result.stdout}
${result.stderr}`, 5);
    },
    async remove(id) {
      await run(["rm", "-f", "-v", id], true);
    }
  };
}

export {
  buildxOnly,
  buildxArgs,
  dockerCli
};
