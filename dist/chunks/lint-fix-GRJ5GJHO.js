import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  FILE_HEADERS_ONLY,
  formatPatch,
  structuredPatch
} from "./chunk-CDSK65MU.js";
import {
  fixContext,
  fixDockerfile
} from "./chunk-5HI5YKL4.js";
import {
  buildReport
} from "./chunk-BEXT4FQZ.js";
import "./chunk-YVMMMQ26.js";
import "./chunk-DNIAJJEW.js";
import "./chunk-QPMSVJNA.js";
import {
  lintDockerfileResult,
  readDockerfile
} from "./chunk-HJQIF5J6.js";
import "./chunk-BKVAAZPZ.js";
import "./chunk-FLWQEM3A.js";
import "./chunk-JBCH6BUI.js";
import "./chunk-IYZ2ET24.js";
import "./chunk-24J7FLEC.js";
import "./chunk-IIRAH6Y5.js";
import {
  UserError
} from "./chunk-UH7RQI7X.js";
import "./chunk-6S3NRT4R.js";

// src/cli/lint-fix.ts
import { readFile, writeFile } from "node:fs/promises";
import { basename, relative } from "node:path";
var patchPath = (path) => relative(process.cwd(), path).split("\\").join("/") || basename(path);
function unifiedDiff(path, before, after) {
  const name = patchPath(path);
  const patch = structuredPatch(
    before === null ? "/dev/null" : `a/${name}`,
    `b/${name}`,
    before ?? "",
    after,
    void 0,
    void 0,
    { context: 3 }
  );
  return formatPatch(patch, FILE_HEADERS_ONLY);
}
async function runLintFix(req, io) {
  const { dockerfile, settings, config } = req;
  const diffOnly = settings.diff;
  if (req.format !== "text" && req.format !== "json")
    throw new UserError(`--fix prints text or json, not ${req.format}`);
  const read = await readDockerfile(dockerfile);
  if (read.tooLarge || read.problems.length > 0)
    throw new UserError(`${dockerfile} cannot be fixed: ${read.tooLarge ?? read.problems[0].message}`);
  const bytes = await readFile(dockerfile);
  const bom = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? "\uFEFF" : "";
  const text = bom + read.text;
  const options = {
    file: dockerfile,
    dockerfileName: basename(dockerfile),
    target: settings.target ?? void 0,
    platform: settings.platform ?? void 0,
    config
  };
  const linted = await lintDockerfileResult(dockerfile, { ...options, context: req.context });
  const { findings, judged } = linted;
  const context = await fixContext(req.context, dockerfile, linted.context);
  const result = fixDockerfile({ text, findings, context, options });
  const changes = [];
  if (result.text !== text) changes.push({ path: dockerfile, before: text, after: result.text });
  if (result.ignoreText !== null && context)
    changes.push({ path: context.ignorePath, before: context.ignoreText, after: result.ignoreText });
  const diff = diffOnly ? changes.map((c) => unifiedDiff(c.path, c.before, c.after)).join("") : "";
  if (!diffOnly) {
    for (const c of changes) {
      try {
        await writeFile(c.path, c.after);
      } catch (error) {
        throw new UserError(
          `${c.path} cannot be written: ${error.code ?? "error"}`
        );
      }
    }
  }
  const { report } = buildReport({
    head: null,
    base: null,
    findings: result.findings,
    failOn: settings["fail-on"]
  });
  if (req.format === "json") {
    const fix = {
      fixed: result.fixed.map((f) => ({ rule: f.finding.rule, line: f.line, change: f.summary })),
      left: result.left.map((l) => ({ rule: l.finding.rule, line: l.line ?? null, reason: l.reason })),
      written: diffOnly ? [] : changes.map((c) => c.path),
      ...diffOnly ? { diff } : {}
    };
    io.stdout.write(`${JSON.stringify({ ...report, judged, fix }, null, 2)}
`);
  } else if (diffOnly) {
    io.stdout.write(diff);
  } else
    io.stdout.write(
      fixText(
        dockerfile,
        result,
        changes.map((c) => c.path)
      )
    );
  return report.passed ? 0 : 1;
}
function fixText(dockerfile, result, written) {
  const lines = [];
  for (const f of result.fixed)
    lines.push(`${dockerfile}:${f.line ?? 1}: fixed ${f.finding.rule} ${f.finding.name}: ${f.summary}`);
  for (const l of result.left) {
    const at = l.line === null || l.line === void 0 ? dockerfile : `${dockerfile}:${l.line}`;
    lines.push(`${at}: left ${l.finding.rule} ${l.finding.name} (${l.finding.severity}): ${l.reason}`);
  }
  const n = (k, what) => `${k} ${what}`;
  lines.push(
    `${n(result.fixed.length, "fixed")}, ${n(result.left.length, "left")}${written.length > 0 ? `; wrote ${written.map((p) => p).join(" and ")}` : "; nothing written"}`
  );
  return `${lines.join("\n")}
`;
}
export {
  fixText,
  runLintFix
};
