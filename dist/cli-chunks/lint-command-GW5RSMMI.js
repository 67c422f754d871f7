import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename);
import {
  RULES,
  defaultContext,
  formatSarif,
  formatText,
  lintDockerfileAt
} from "./chunk-LBKT2N3I.js";
import {
  buildReport
} from "./chunk-JKP7XTPK.js";
import "./chunk-YMPRV5SS.js";
import {
  UserError,
  messageOf,
  parseIncrease,
  parseSize
} from "./chunk-LGOGIA6D.js";
import "./chunk-IAM365J3.js";
import "./chunk-FDTZHO7K.js";

// src/cli/lint-command.ts
import { parseArgs } from "node:util";

// src/config/config.ts
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
var CONFIG_FILE = ".image-guard.yml";
var KNOWN_RULE_IDS = [
  ...Array.from({ length: 18 }, (_, i) => `IG${String(i).padStart(3, "0")}`),
  "IG101",
  "IG102",
  "IG103",
  "IG104",
  "IG105"
];
var KEYS = [
  "ignore",
  "fail-on",
  "max-size",
  "max-increase",
  "max-wasted",
  "min-efficiency",
  "max-layers",
  "files",
  "severity"
];
function emptyConfig() {
  return {
    path: null,
    ignore: [],
    failOn: null,
    severity: {},
    maxSize: null,
    maxIncrease: null,
    maxWasted: null,
    minEfficiency: null,
    maxLayers: null,
    files: null
  };
}
function parseRuleList(value, where) {
  const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\n]/) : [value];
  const ids = [];
  for (const item of items) {
    if (typeof item !== "string")
      throw new UserError(`${where}: write rule ids like \`IG004, IG007\` (got ${JSON.stringify(item)})`);
    const id = item.trim().toUpperCase();
    if (id === "") continue;
    if (!KNOWN_RULE_IDS.includes(id)) {
      throw new UserError(
        `${where}: unknown rule id "${item.trim()}": rule ids are IG000\u2013IG017 and IG101\u2013IG105`
      );
    }
    ids.push(id);
  }
  return ids;
}
function parseFailOn(value, where) {
  const v = typeof value === "string" ? value.trim().toLowerCase() : value;
  if (v === "error" || v === "warning" || v === "info" || v === "never") return v;
  throw new UserError(`${where}: write one of error, warning, info, never (got ${JSON.stringify(value)})`);
}
function sizeValue(value, where) {
  const n = typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : typeof value === "string" ? parseSize(value) : null;
  if (n === null)
    throw new UserError(
      `${where}: write a size like 250MB, 1.2GiB or a number of bytes (got ${JSON.stringify(value)})`
    );
  return n;
}
function configFromObject(doc, where) {
  const config = emptyConfig();
  if (doc === null || doc === void 0) return config;
  if (typeof doc !== "object" || Array.isArray(doc)) {
    throw new UserError(
      `${where}: write a mapping of keys (${KEYS.join(", ")}), not ${Array.isArray(doc) ? "a list" : typeof doc}`
    );
  }
  for (const [key, value] of Object.entries(doc)) {
    const at = `${where}: ${key}`;
    if (value === null || value === void 0) continue;
    switch (key) {
      case "ignore":
        config.ignore = parseRuleList(value, at);
        break;
      case "fail-on":
        config.failOn = parseFailOn(value, at);
        break;
      case "max-size":
        config.maxSize = sizeValue(value, at);
        break;
      case "max-wasted":
        config.maxWasted = sizeValue(value, at);
        break;
      case "max-increase": {
        const inc = typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? { bytes: value } : typeof value === "string" ? parseIncrease(value) : null;
        if (!inc)
          throw new UserError(
            `${at}: write a size like 10MB or a percentage like 5% (got ${JSON.stringify(value)})`
          );
        config.maxIncrease = inc;
        break;
      }
      case "min-efficiency": {
        const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
        if (!Number.isFinite(n) || n < 0 || n > 1)
          throw new UserError(`${at}: write a number from 0 to 1, like 0.95 (got ${JSON.stringify(value)})`);
        config.minEfficiency = n;
        break;
      }
      case "max-layers": {
        const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
        if (!Number.isSafeInteger(n) || n < 0)
          throw new UserError(
            `${at}: write a whole number of layers, like 20 (got ${JSON.stringify(value)})`
          );
        config.maxLayers = n;
        break;
      }
      case "files": {
        if (typeof value === "boolean") config.files = value;
        else if (value === "true" || value === "false") config.files = value === "true";
        else throw new UserError(`${at}: write true or false (got ${JSON.stringify(value)})`);
        break;
      }
      case "severity": {
        if (typeof value !== "object" || Array.isArray(value)) {
          throw new UserError(
            `${at}: write a mapping of rule id to error, warning, info or off, like \`IG007: off\``
          );
        }
        for (const [id, level] of Object.entries(value)) {
          const [rule] = parseRuleList(id, `${at}`);
          const l = level === false ? "off" : typeof level === "string" ? level.trim().toLowerCase() : level;
          if (l !== "error" && l !== "warning" && l !== "info" && l !== "off") {
            throw new UserError(
              `${at}: ${id}: write error, warning, info or off (got ${JSON.stringify(level)})`
            );
          }
          config.severity[rule] = l;
        }
        break;
      }
      default:
        throw new UserError(`${where}: unknown key "${key}": the keys are ${KEYS.join(", ")}`);
    }
  }
  return config;
}
async function loadConfig(path, cwd) {
  const file = path === null ? join(cwd, CONFIG_FILE) : resolve(cwd, path);
  const shown = path ?? CONFIG_FILE;
  let text;
  try {
    if ((await stat(file)).isDirectory())
      throw new UserError(`config ${shown} is a directory: give the path of a YAML file`);
    text = await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (path === null) return emptyConfig();
    throw new UserError(`config ${shown} not found: give the path of an existing .image-guard.yml`);
  }
  const { parse: parse2, YAMLParseError } = await import("./dist-FCRMILBV.js");
  let doc;
  try {
    doc = parse2(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new UserError(
        `config ${shown}${line ? `:${line}` : ""} is not valid YAML: ${error.message.split("\n")[0]}`
      );
    }
    throw error;
  }
  const config = configFromObject(doc, `config ${shown}`);
  config.path = file;
  return config;
}

// src/cli/lint-command.ts
var USAGE = "usage: image-guard lint <Dockerfile> [--context DIR] [--target STAGE] [--config FILE] [--fail-on LEVEL] [--format text|json|sarif]";
async function runLintCommand(argv, io) {
  try {
    let parsed;
    try {
      parsed = parse(argv);
    } catch (error) {
      throw new UserError(`${messageOf(error).replace(/\. To specify.*$/, "")}; ${USAGE}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout.write(`${USAGE}
`);
      return 0;
    }
    if (positionals.length !== 1) {
      throw new UserError(
        positionals.length === 0 ? `give the Dockerfile to lint; ${USAGE}` : `give one Dockerfile, not ${positionals.length}; ${USAGE}`
      );
    }
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json" && format !== "sarif") {
      throw new UserError(`--format: write text, json or sarif (got "${format}")`);
    }
    const dockerfile = positionals[0];
    const config = await loadConfig(values.config ?? null, process.cwd());
    const failOn = values["fail-on"] !== void 0 ? parseFailOn(values["fail-on"], "--fail-on") : config.failOn ?? "error";
    const findings = await lintDockerfileAt(dockerfile, {
      context: values.context ?? defaultContext(dockerfile),
      target: values.target,
      config
    });
    const { report } = buildReport({ head: null, base: null, findings, failOn });
    const passed = report.passed;
    let out;
    if (format === "json") {
      out = `${JSON.stringify(report, null, 2)}
`;
    } else if (format === "sarif") {
      out = formatSarif(findings, RULES, dockerfile, process.cwd());
    } else {
      const colour = io.stdout.isTTY === true && !process.env.NO_COLOR;
      out = formatText(findings, { colour, file: dockerfile });
    }
    io.stdout.write(out);
    return passed ? 0 : 1;
  } catch (error) {
    const message = error instanceof UserError ? error.message : `internal error: ${messageOf(error)}`;
    io.stderr.write(`image-guard: error: ${message}
`);
    return 2;
  }
}
function parse(argv) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      context: { type: "string" },
      target: { type: "string" },
      config: { type: "string" },
      "fail-on": { type: "string" },
      format: { type: "string" },
      help: { type: "boolean", short: "h" }
    }
  });
}
export {
  runLintCommand
};
