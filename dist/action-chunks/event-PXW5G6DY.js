import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  context
} from "./chunk-65GHB32L.js";
import "./chunk-X6JSJRID.js";
import {
  UserError
} from "./chunk-2YHXANQQ.js";
import "./chunk-KDXOXGTE.js";

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
  return {
    name: ctx.eventName ?? "",
    owner,
    repo,
    sha: ctx.sha ?? "",
    pullRequest: PULL_REQUEST_EVENTS.has(ctx.eventName) ? pullRequestOf(payload, { owner, repo }) : null,
    before: ctx.eventName === "push" && before && !NO_COMMIT.test(before) ? before : null
  };
}
function contextFromEnv(env = process.env) {
  let payload = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path && existsSync(path)) {
    try {
      payload = obj(JSON.parse(readFileSync(path, "utf8"))) ?? {};
    } catch (error) {
      throw new UserError(`GITHUB_EVENT_PATH ${path} is not JSON: ${error.message}`);
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
function currentEvent() {
  return eventFromContext(context);
}
export {
  contextFromEnv,
  currentEvent,
  eventFromContext,
  readEvent
};
