import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  commandHelp,
  parseFlags,
  writeOutputs
} from "./chunk-BZJ4ZVVI.js";
import {
  loadSettings
} from "./chunk-WEDDGH6R.js";
import {
  buildReport
} from "./chunk-BEXT4FQZ.js";
import {
  describeJudged
} from "./chunk-7OYFYWMG.js";
import "./chunk-JHBJJO36.js";
import "./chunk-YVMMMQ26.js";
import "./chunk-DNIAJJEW.js";
import "./chunk-QPMSVJNA.js";
import {
  escapeTerminal
} from "./chunk-VRCMAYR7.js";
import {
  defaultContext,
  lintDockerfileResult
} from "./chunk-HJQIF5J6.js";
import {
  VERSION
} from "./chunk-BKVAAZPZ.js";
import "./chunk-3HU7N3WQ.js";
import "./chunk-FLWQEM3A.js";
import {
  RULES
} from "./chunk-JBCH6BUI.js";
import "./chunk-IYZ2ET24.js";
import "./chunk-IHQWYLZC.js";
import "./chunk-2IQNWKMG.js";
import "./chunk-24J7FLEC.js";
import "./chunk-IIRAH6Y5.js";
import {
  UserError,
  messageOf
} from "./chunk-UH7RQI7X.js";
import "./chunk-6S3NRT4R.js";

// src/cli/lint-command.ts
import { existsSync } from "node:fs";

// src/lint/format-sarif.ts
import { isAbsolute, relative } from "node:path";
import { pathToFileURL } from "node:url";
var LEVEL = {
  error: "error",
  warning: "warning",
  info: "note"
};
var SECURITY_SEVERITY = { IG010: "5.0" };
function toUri(path, root = null) {
  if (isAbsolute(path)) {
    const rel = root === null ? null : relative(root, path);
    if (rel === null || rel.startsWith("..") || isAbsolute(rel)) return pathToFileURL(path).href;
    path = rel;
  }
  const slashed = path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  return slashed.split("/").map((seg) => encodeURIComponent(seg)).join("/");
}
function sarifFix(fix, uri) {
  const rules = [...new Set(fix.findings.map((f) => f.rule))].join(", ");
  return {
    description: { text: `What image-guard lint --fix changes for ${rules}` },
    artifactChanges: [
      {
        artifactLocation: { uri },
        replacements: [
          {
            deletedRegion: {
              startLine: fix.startLine,
              startColumn: 1,
              endLine: fix.endLine,
              endColumn: (fix.original.at(-1)?.length ?? 0) + 1
            },
            insertedContent: { text: fix.replacement.join(fix.eol) }
          }
        ]
      }
    ]
  };
}
function formatSarif(findings, rules, dockerfile, root = null, judged = null, fixes = []) {
  const keyOf = (f) => `${f.rule}@${f.line ?? 0}`;
  const fixOf = /* @__PURE__ */ new Map();
  for (const fix of fixes) for (const f of fix.findings) fixOf.set(keyOf(f), fix);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "image-guard",
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.summary },
              fullDescription: { text: `${r.summary} ${r.rationale}` },
              help: {
                text: `${r.rationale}

Fix: ${r.fix}`,
                markdown: `**${r.id} ${r.name}**: ${r.summary}

${r.rationale}

**Fix:** ${r.fix}`
              },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: {
                tags: ["dockerfile", r.id === "IG010" ? "security" : "maintainability"],
                precision: "high",
                ...SECURITY_SEVERITY[r.id] ? { "security-severity": SECURITY_SEVERITY[r.id] } : {}
              }
            }))
          }
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {},
          level: LEVEL[f.severity],
          message: { text: f.fix ? `${f.message}
Fix: ${f.fix}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(f.file ?? dockerfile, root) },
                region: { startLine: Math.max(1, f.line ?? 1) }
              }
            }
          ],
          ...fixOf.has(keyOf(f)) ? { fixes: [sarifFix(fixOf.get(keyOf(f)), toUri(f.file ?? dockerfile, root))] } : {},
          ...f.bytes !== null ? { properties: { bytes: f.bytes } } : {}
        })),
        columnKind: "utf16CodeUnits",
        // which stage was judged as the image that ships, and why (`last stage` or `target`)
        ...judged ? { properties: { judgedImage: judged } } : {}
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}

// src/lint/format-text.ts
var COLOURS = { error: "\x1B[31m", warning: "\x1B[33m", info: "\x1B[36m" };
var DIM = "\x1B[2m";
var RESET = "\x1B[0m";
function formatText(findings, opts) {
  const paint = (code, s) => opts.colour ? `${code}${s}${RESET}` : s;
  const lines = [];
  for (const f of findings) {
    const where = `${escapeTerminal(f.file ?? opts.file)}${f.line !== null ? `:${f.line}` : ""}`;
    lines.push(`${where} ${paint(COLOURS[f.severity], f.severity)} ${f.rule} ${f.name}: ${escapeTerminal(f.message)}`);
    if (f.fix) lines.push(paint(DIM, `  fix: ${escapeTerminal(f.fix)}`));
  }
  if (opts.judged) lines.push(paint(DIM, `judged as the final image: ${escapeTerminal(describeJudged(opts.judged))}`));
  const count = (s) => findings.filter((f) => f.severity === s).length;
  if (findings.length === 0) lines.push(`${escapeTerminal(opts.file)}: no findings`);
  else {
    const parts = ["error", "warning", "info"].map(
      (s) => `${count(s)} ${s}${count(s) === 1 ? "" : "s"}`
    );
    lines.push(`${findings.length} finding${findings.length === 1 ? "" : "s"} (${parts.join(", ")})`);
  }
  return `${lines.join("\n")}
`;
}

// src/cli/lint-command.ts
async function runLintCommand(argv, io) {
  try {
    const flags = parseFlags("lint", argv);
    if (flags.help) {
      io.stdout.write(commandHelp("lint"));
      return 0;
    }
    const { positionals } = flags;
    if (positionals.length === 0)
      throw new UserError("give the Dockerfile to lint (image-guard lint --help)");
    if (positionals.length === 1) return await lintOne(positionals[0], flags, io);
    const [only] = flags.outputs;
    if (flags.outputs.length > 1 || only.file !== null || !["text", "github"].includes(only.format))
      throw new UserError(
        `${positionals.length} Dockerfiles are linted with --format text or github to standard output; give one Dockerfile for other formats or --output`
      );
    const missing = positionals.find((f) => !existsSync(f));
    if (missing !== void 0) throw new UserError(`${missing} not found: give the Dockerfiles to lint`);
    let worst = 0;
    for (const dockerfile of positionals) {
      worst = Math.max(worst, await lintOne(dockerfile, flags, io));
    }
    return worst;
  } catch (error) {
    const message = error instanceof UserError ? error.message : `internal error: ${messageOf(error)}`;
    io.stderr.write(`image-guard: error: ${message}
`);
    return 2;
  }
}
async function lintOne(dockerfile, flags, io) {
  try {
    const { settings, config, explicit } = await loadSettings(flags.written, process.cwd(), "bad flags");
    const context = explicit.has("context") ? settings.context : defaultContext(dockerfile);
    if (settings.diff && !settings.fix)
      throw new UserError("--diff goes with --fix (image-guard lint --help)");
    if (settings.fix) {
      const { runLintFix } = await import("./lint-fix-GRJ5GJHO.js");
      if (flags.outputs.length > 1 || flags.outputs[0].file !== null)
        throw new UserError("--fix prints its changes: --output goes with a lint without --fix");
      return await runLintFix({ dockerfile, context, settings, config, format: flags.format }, io);
    }
    const {
      findings,
      judged,
      context: contextScan
    } = await lintDockerfileResult(dockerfile, {
      context,
      target: settings.target ?? void 0,
      platform: settings.platform ?? void 0,
      config
    });
    const { report } = buildReport({ head: null, base: null, findings, failOn: settings["fail-on"], judged });
    const sarif = async () => {
      const { dockerfileSuggestions } = await import("./suggestions-6RILNCGY.js");
      const { suggestions, eol } = await dockerfileSuggestions({
        dockerfile,
        context,
        target: settings.target,
        platform: settings.platform,
        buildContexts: [],
        config,
        findings,
        contextScan
      });
      return formatSarif(
        findings,
        RULES,
        dockerfile,
        process.cwd(),
        judged,
        suggestions.map((c) => ({ ...c, endLine: c.line, eol }))
      );
    };
    await writeOutputs(
      flags.outputs,
      async ({ format, file }) => {
        if (format === "json") return `${JSON.stringify(report, null, 2)}
`;
        if (format === "sarif") return sarif();
        if (format !== "text") {
          const { renderInterchange } = await import("./formats-62VWFJ4E.js");
          return renderInterchange(format, report, {
            failOn: settings["fail-on"],
            dockerfile,
            rules: RULES
          });
        }
        const colour = file === null && io.stdout.isTTY === true && !process.env.NO_COLOR;
        return formatText(findings, { colour, file: dockerfile, judged });
      },
      io
    );
    return report.passed ? 0 : 1;
  } catch (error) {
    const message = error instanceof UserError ? error.message : `internal error: ${messageOf(error)}`;
    io.stderr.write(`image-guard: error: ${message}
`);
    return 2;
  }
}
export {
  runLintCommand
};
