import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  EXIT_STATUS,
  commandHelp,
  parseFlags,
  usageLine,
  writeOutputs
} from "./chunk-BZJ4ZVVI.js";
import {
  costPhrase,
  parseHistory,
  policySentences,
  realPorts,
  renderMarkdown,
  runAnalysis,
  runAnalyzer,
  runComparison,
  sizeTrend,
  tallyLine
} from "./chunk-LF5Q6SJU.js";
import {
  loadSettings
} from "./chunk-WEDDGH6R.js";
import "./chunk-BEXT4FQZ.js";
import {
  textTrend,
  trendRows
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
import "./chunk-JHBJJO36.js";
import {
  reachesFailOn
} from "./chunk-YVMMMQ26.js";
import "./chunk-45SRNV5D.js";
import {
  analyzeImage
} from "./chunk-J6DLBQHV.js";
import "./chunk-6CMD2RE7.js";
import "./chunk-DNIAJJEW.js";
import {
  normalizeInstruction
} from "./chunk-QPMSVJNA.js";
import "./chunk-XVBP4U7C.js";
import {
  escapeTerminal
} from "./chunk-VRCMAYR7.js";
import {
  TOOL_NAME,
  VERSION
} from "./chunk-BKVAAZPZ.js";
import "./chunk-3HU7N3WQ.js";
import "./chunk-JBCH6BUI.js";
import "./chunk-IYZ2ET24.js";
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

// src/cli/main.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";

// src/render/text.ts
var shortId = (id) => id.replace(/^sha256:/, "").slice(0, 12);
var cut = (s, max) => s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
function table(rows, right = [], gap = "  ") {
  const width = (s) => [...s].length;
  const widths = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(cell));
    });
  }
  return rows.map(
    (row) => row.map((cell, i) => {
      const pad = " ".repeat((widths[i] ?? 0) - width(cell));
      if (i === row.length - 1 && !right.includes(i)) return cell;
      return right.includes(i) ? pad + cell : cell + pad;
    }).join(gap).trimEnd()
  );
}
function renderText(report, options) {
  const paint = (code, s) => options.color ? `\x1B[${code}m${s}\x1B[0m` : s;
  const bold = (s) => paint("1", s);
  const dim = (s) => paint("2", s);
  const red = (s) => paint("31", s);
  const green = (s) => paint("32", s);
  const yellow = (s) => paint("33", s);
  const out = [];
  const { head, base } = report;
  if (report.policy) {
    const style = { code: (t) => escapeTerminal(t), strong: (t) => yellow(escapeTerminal(t)), text: escapeTerminal };
    out.push(...policySentences(report.policy, style), "");
  }
  if (head) {
    out.push(`${bold("head")} ${escapeTerminal(head.ref)} ${dim(shortId(head.id))}`);
    if (base) out.push(`${bold("base")} ${escapeTerminal(base.ref)} ${dim(shortId(base.id))}`);
    else if (report.baseUnavailable)
      out.push(`${bold("base")} ${yellow(`unavailable: ${escapeTerminal(report.baseUnavailable)}`)}`);
    if (report.judged) out.push(dim(`judged as the final image: ${escapeTerminal(describeJudged(report.judged))}`));
    out.push("");
    out.push(...overview(report, head, base));
    out.push("");
    if (report.costs) {
      const { rows, notes } = costRows(report.costs);
      const withBase = report.costs.base !== null;
      out.push(bold("Size, build, pull and start-up"));
      out.push(
        ...table(
          [
            ["", ...withBase ? ["base"] : [], "head", ...withBase ? ["change"] : []].map(dim),
            ...rows.map((r) => [
              r.label,
              ...withBase ? [r.base] : [],
              r.head,
              ...withBase ? [r.better === null ? r.change : r.better ? green(r.change) : yellow(r.change)] : []
            ])
          ],
          [1, 2, 3]
        ).map((l) => `  ${l}`)
      );
      for (const n of notes) out.push(`  ${dim(`\xB7 ${n}`)}`);
      out.push("");
    }
    if (report.history) out.push(...trendLines(report.history, { bold, dim, yellow }), "");
    if (report.diff) {
      out.push(bold("Where the bytes went"), ...diffLines(report.diff, dim), "");
    }
    if (report.packages) {
      out.push(bold("Packages"), ...packageLines(report.packages, dim), "");
    }
    out.push(bold(base ? "Layers, aligned (oldest first)" : "Layers (oldest first)"));
    out.push(...layerLines(report, head, dim));
    if (head.files) {
      out.push("");
      out.push(bold("Largest files"));
      out.push(...largestLines(head, report.diff, dim));
      if (head.files.wasted.length) {
        out.push("");
        out.push(bold("Biggest wasters"));
        out.push(
          ...table(
            head.files.wasted.map((w) => [
              "  ",
              formatBytes(w.bytes),
              escapeTerminal(w.path),
              dim(`layers ${w.layers.join(", ")}`)
            ]),
            [1]
          )
        );
      }
    }
  }
  if (report.findings.length) {
    if (out.length) out.push("");
    out.push(bold(`Findings (${report.findings.length})`));
    for (const f of report.findings) out.push(...findingLines(f, options.failOn, { red, yellow, dim }));
  }
  if (report.budgets.length || options.unchecked?.length) {
    out.push("");
    out.push(bold("Budgets"));
    for (const b of report.budgets) {
      const f = budgetFigures(b);
      const mark = b.passed ? green("\u2713") : red("\u2717");
      out.push(`  ${mark} ${b.name} ${f.limit}: ${f.actual}`);
    }
    for (const u of options.unchecked ?? []) out.push(`  ${yellow("?")} ${u}`);
  }
  out.push("");
  const status = statusLine(report, options.failOn);
  out.push(report.passed ? green(bold(status)) : red(bold(status)));
  return `${out.join("\n")}
`;
}
function overview(report, head, base) {
  const layerCount = (i) => String(i.layers.filter((l) => !l.empty).length);
  const wasted = (i) => i?.files ? formatBytes(i.files.wastedBytes) : "\u2013";
  const eff = (i) => i?.files ? percent(i.files.efficiency) : "\u2013";
  const d = report.delta;
  const rows = [["", ...base ? ["base"] : [], "head", ...d ? ["delta"] : []]];
  const sizeDelta = d ? `${signed(d.size, formatBytes)}${d.percent === null ? "" : ` (${signed(d.percent, (n) => `${n}%`)})`}` : "";
  rows.push([
    "size",
    ...base ? [formatBytes(base.size)] : [],
    formatBytes(head.size),
    ...d ? [sizeDelta] : []
  ]);
  rows.push([
    "layers",
    ...base ? [layerCount(base)] : [],
    layerCount(head),
    ...d ? [signed(d.layers, String)] : []
  ]);
  if (head.files) {
    rows.push([
      "wasted",
      ...base ? [wasted(base)] : [],
      wasted(head),
      ...d ? [d.wastedBytes === null ? "\u2013" : signed(d.wastedBytes, formatBytes)] : []
    ]);
    rows.push(["efficiency", ...base ? [eff(base)] : [], eff(head), ...d ? [""] : []]);
    rows.push([
      "files",
      ...base ? [String(base.files?.fileCount ?? "\u2013")] : [],
      String(head.files.fileCount)
    ]);
  }
  if (head.packages) {
    const count = (i) => i?.packages ? String(i.packages.length) : "\u2013";
    rows.push(["packages", ...base ? [count(base)] : [], count(head)]);
  }
  return table(rows, [1, 2, 3]);
}
var DIRECTORIES = 10;
var FILES_PER_DIRECTORY = 5;
function diffLines(diff, dim) {
  const out = [`  ${diffTotalsLine(diff)}`];
  const rows = [];
  const shown = shortDirectoryList(diff, DIRECTORIES);
  for (const d of shown) {
    const whole = d.wholly === "added" ? " (new)" : d.wholly === "removed" ? " (gone)" : "";
    const owner = d.owner ? ` (${escapeTerminal(d.owner.name)})` : "";
    rows.push([signed(d.net, formatBytes), `${escapeTerminal(d.path)}${owner}${dim(whole)}`]);
    for (const f of d.largest.slice(0, FILES_PER_DIRECTORY)) {
      const label = fileChangeLabel(f);
      const size = f.change === "added" || f.change === "removed" ? ` ${formatBytes(Math.abs(f.delta))}` : "";
      rows.push(["", dim(`  ${escapeTerminal(relativeTo(d.path, f.path))}  ${label}${size}`)]);
    }
  }
  out.push(...table(rows, [0]).map((l) => `  ${l}`));
  if (diff.directories.length > shown.length) {
    out.push(
      `  ${dim(`--format json lists ${diff.directories.length} directories (diff.directories), nested ones too`)}`
    );
  }
  return out;
}
var PACKAGES = 30;
function packageLines(packages, dim) {
  const out = [`  ${packageCountsLine(packages)}`];
  const shown = packages.changes.slice(0, PACKAGES);
  out.push(
    ...table(
      shown.map((c) => [
        signed(c.delta, formatBytes),
        c.change,
        escapeTerminal(c.name),
        cut(escapeTerminal(packageVersions(c)), 60),
        dim(c.ecosystem)
      ]),
      [0]
    ).map((l) => `  ${l}`)
  );
  if (packages.changes.length > shown.length) {
    out.push(
      `  ${dim(`\u2026 and ${packages.changes.length - shown.length} more: --format json lists them all (packages.changes)`)}`
    );
  }
  return out;
}
function largestLines(head, diff, dim) {
  const all = head.files?.largest ?? [];
  const limit = Math.max(all.length, 1);
  const touched = (diff?.largest ?? []).slice(0, limit);
  const listed = new Set(touched.map((f) => f.path));
  const rows = [
    ...touched.map((f) => [
      "  ",
      formatBytes(f.headSize ?? 0),
      escapeTerminal(f.path),
      dim(`layer ${f.layer}`),
      fileChangeLabel(f)
    ]),
    ...all.filter((f) => !listed.has(f.path)).slice(0, Math.max(0, limit - touched.length)).map((f) => ["  ", formatBytes(f.size), escapeTerminal(f.path), dim(`layer ${f.layer}`), ""])
  ];
  return table(rows, [1]);
}
function layerLines(report, head, dim) {
  if (report.layers.length) {
    const max2 = Math.max(1, ...report.layers.map((r) => Math.max(r.baseSize ?? 0, r.headSize ?? 0)));
    return table(
      [
        ["status", "base", "head", "delta", "", "instruction"].map(dim),
        ...report.layers.map((r) => [
          r.status,
          r.baseSize === null ? "" : formatBytes(r.baseSize),
          r.headSize === null ? "" : formatBytes(r.headSize),
          r.status === "same" ? "" : signed(r.delta, formatBytes),
          bar(Math.max(r.headSize ?? 0, r.baseSize ?? 0), max2, 16).padEnd(16),
          cut(escapeTerminal(r.createdBy) || "(no instruction recorded)", 80)
        ])
      ],
      [1, 2, 3]
    ).map((l) => `  ${l}`);
  }
  const nonEmpty = head.layers.filter((l) => !l.empty);
  const max = Math.max(1, ...nonEmpty.map((l) => l.size));
  return table(
    nonEmpty.map((l) => [
      String(l.index),
      formatBytes(l.size),
      bar(l.size, max, 20).padEnd(20),
      cut(escapeTerminal(normalizeInstruction(l.createdBy)) || "(no instruction recorded)", 80)
    ]),
    [0, 1]
  ).map((l) => `  ${l}`);
}
function findingLines(f, failOn, c) {
  const where = f.file ? `${escapeTerminal(f.file)}${f.line ? `:${f.line}` : ""} ` : "";
  const sev = f.severity === "error" ? c.red(f.severity) : f.severity === "warning" ? c.yellow(f.severity) : f.severity;
  const fails = reachesFailOn(f.severity, failOn) ? "" : c.dim(" (does not fail)");
  const bytes = f.measured ? c.dim(` [${escapeTerminal(costPhrase(f.bytes ?? 0, f.measured))}]`) : f.bytes ? c.dim(` [${formatBytes(f.bytes)}]`) : "";
  const lines = [`  ${where}${sev} ${f.rule} ${f.name}: ${escapeTerminal(f.message)}${bytes}${fails}`];
  if (f.fix) lines.push(`    ${c.dim("fix:")} ${escapeTerminal(f.fix)}`);
  return lines;
}
function trendLines(t, c) {
  const { line, caption, largest } = textTrend(t);
  const out = [`${c.bold("Size over time")} ${c.dim(`(${caption})`)}`, `  ${line}`];
  if (largest) out.push(`  ${c.yellow(largest)}`);
  const rows = trendRows(t).map((r) => [r.what, escapeTerminal(r.commit), formatBytes(r.size), r.change]);
  out.push(...table(rows, [2, 3]).map((l) => `  ${l}`));
  return out;
}

// src/cli/history.ts
import { readFileSync } from "node:fs";
function loadHistory(file, key) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = error.code;
    throw new UserError(
      `--history ${JSON.stringify(file)} cannot be read (${code ?? "error"}): give a history file (JSON Lines, as the history branch keeps it)`
    );
  }
  const records = parseHistory(text);
  const keys = [...new Set(records.map((r) => r.key))];
  if (key !== null) {
    if (!keys.includes(key))
      throw new UserError(
        `--history-key ${JSON.stringify(key)} has no record in ${file}; it holds ${keys.length ? keys.map((k) => JSON.stringify(k)).join(", ") : "no record"}`
      );
    return { file, key, records };
  }
  if (keys.length === 1) return { file, key: keys[0], records };
  throw new UserError(
    keys.length === 0 ? `--history ${JSON.stringify(file)} holds no record (JSON Lines, as the history branch keeps it)` : `--history ${JSON.stringify(file)} holds several images (${keys.map((k) => JSON.stringify(k)).join(", ")}): choose one with --history-key`
  );
}
function withHistory(report, history, headLabel) {
  const head = report.head;
  if (!head) return report;
  const trend = sizeTrend(history.records, history.key, { label: headLabel, size: head.size }, history.file);
  return trend ? { ...report, history: trend } : report;
}

// src/cli/progress.ts
function terminalProgress(stream, label) {
  if (!stream.isTTY) return null;
  let last = 0;
  let shown = false;
  return {
    update(bytes, total) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const pct = total > 0 ? ` (${Math.min(100, Math.round(bytes / total * 100))}%)` : "";
      stream.write(
        `\r\x1B[2Kreading ${label}: ${formatBytes(bytes)}${total > 0 ? ` of ~${formatBytes(total)}` : ""}${pct}`
      );
    },
    done() {
      if (shown) stream.write("\r\x1B[2K");
    }
  };
}

// src/cli/main.ts
var USAGE = `Usage:
  ${["lint", "analyze", "compare"].map(usageLine).join("\n  ")}

<IMAGE> is an image the engine knows (pulled when missing), registry:NAME[:TAG] (read from its registry, no
engine), docker-archive:PATH, oci-archive:PATH or oci:DIR.
image-guard COMMAND --help says what each flag means.
${EXIT_STATUS}
`;
async function main(argv, io, deps = {}) {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "lint": {
        const lint = deps.lint ?? (await import("./lint-command-NMSCDQWX.js")).runLintCommand;
        return await lint(rest, io);
      }
      case "analyze":
      case "compare":
        return await imageCommand(command, rest, io, deps);
      case "--version":
      case "-v":
        io.stdout.write(`${TOOL_NAME} ${VERSION}
`);
        return 0;
      case void 0:
      case "--help":
      case "-h":
      case "help":
        io.stdout.write(USAGE);
        return command === void 0 ? 2 : 0;
      default:
        throw new UserError(
          `unknown command "${command}": use lint, analyze or compare (image-guard --help)`
        );
    }
  } catch (error) {
    if (process.env.IMAGE_GUARD_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}
`);
    io.stderr.write(`${TOOL_NAME}: error: ${messageOf(error)}
`);
    return 2;
  }
}
async function imageCommand(command, argv, io, deps) {
  const flags = parseFlags(command, argv);
  if (flags.help) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  const cwd = process.cwd();
  const { settings, config, explicit, policy } = await loadSettings(
    flags.written,
    cwd,
    "bad flags",
    command === "compare" ? comparePolicy(flags.written, cwd) : {}
  );
  const ports = cliPorts(deps, io, settings["engine-timeout"], flags.verbose);
  let result;
  if (command === "analyze") {
    const ref = flags.positionals[0];
    if (!ref) throw new UserError("analyze needs an image: image-guard analyze <IMAGE>");
    result = await runAnalysis(ref, settings, config, ports);
  } else {
    if (!settings.head) throw new UserError("compare needs --head <IMAGE> (image-guard compare --help)");
    const dockerfile2 = explicit.has("dockerfile") ? settings.dockerfile : null;
    const history = settings.history ? loadHistory(settings.history, settings["history-key"]) : null;
    result = await runComparison(
      {
        head: { ref: settings.head, build: settings["head-build-time"] },
        base: settings.base ? { ref: settings.base, build: settings["base-build-time"] } : { unavailable: "no --base was given" },
        dockerfile: dockerfile2 ? {
          path: dockerfile2,
          // Like `lint`: the Dockerfile's folder unless --context says otherwise.
          context: explicit.has("context") ? settings.context : (await import("./lint-QDOR45XR.js")).defaultContext(dockerfile2),
          target: settings.target
        } : null,
        settings,
        config,
        root: process.cwd(),
        ...policy ? { policy } : {}
      },
      ports
    );
    if (history) result = { ...result, report: withHistory(result.report, history, settings.head) };
  }
  const dockerfile = command === "compare" && explicit.has("dockerfile") ? settings.dockerfile : null;
  return emit(result, flags.outputs, io, {
    failOn: settings["fail-on"],
    dockerfile: dockerfile ?? settings.dockerfile,
    // the rules the run checked: the content rules when the files were read, the Dockerfile's with one
    rules: async () => [
      ...result.report.head?.files ? (await import("./content-rules-NNCGCZCK.js")).CONTENT_RULES : [],
      ...dockerfile ? (await import("./rules-QAUUHCBC.js")).RULES : []
    ]
  });
}
function comparePolicy(written, cwd) {
  return {
    async baseFor(first) {
      if (!first["base-ref"]) {
        if (written["policy-from"])
          throw new UserError(
            "--policy-from base needs --base-ref REF: the commit whose config file judges the change"
          );
        return null;
      }
      const { baseCommit } = await import("./base-commit-FQKP4TRT.js");
      const { gitIn } = await import("./git-CYFNO4DP.js");
      return baseCommit(gitIn(cwd), first["base-ref"], "--base-ref");
    },
    dockerfile: (settings) => {
      if (!written.dockerfile) return null;
      const path = resolve(cwd, settings.dockerfile);
      return existsSync(path) ? path : null;
    }
  };
}
function cliPorts(deps, io, engineTimeout, verbose = false) {
  const { loader, registry, containers } = deps;
  const onTally = verbose ? (ref, tally) => io.stderr.write(`${TOOL_NAME}: ${tallyLine(ref, tally)}
`) : void 0;
  const analyze = loader ? async (ref, options) => analyzeImage(await loader.load(ref, options)) : runAnalyzer(void 0, engineTimeout, onTally ? { onTally } : {});
  return {
    analyze: (ref, options) => withProgress(analyze, ref, options, io),
    registry: registry ? () => registry : realPorts.registry,
    containers: containers ? () => containers : realPorts.containers,
    lint: deps.lintDockerfile ?? realPorts.lint
  };
}
async function withProgress(analyze, ref, options, io) {
  const progress = options.files ? terminalProgress(io.stderr, ref) : null;
  try {
    return await analyze(ref, { ...options, onProgress: progress?.update });
  } finally {
    progress?.done();
  }
}
async function emit(result, outputs, io, ctx) {
  const { report, unchecked } = result;
  const { failOn } = ctx;
  const options = { failOn, unchecked };
  await writeOutputs(
    outputs,
    async ({ format, file }) => {
      if (format === "json") return `${JSON.stringify(report, null, 2)}
`;
      if (format === "markdown") return renderMarkdown(report, options);
      if (format === "html") {
        const { renderHtml } = await import("./html-OCRNGHS2.js");
        return renderHtml(report, { failOn, explore: result.explore });
      }
      if (format !== "text") {
        const { renderInterchange } = await import("./formats-62VWFJ4E.js");
        return renderInterchange(format, report, { ...ctx, rules: await ctx.rules() });
      }
      const color = file === null && Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;
      return renderText(report, { ...options, color });
    },
    io
  );
  if (!outputs.some((o) => o.format === "text" && o.file === null))
    for (const u of unchecked) io.stderr.write(`${TOOL_NAME}: note: budget not checked: ${u}
`);
  return report.passed ? 0 : 1;
}
export {
  USAGE,
  main
};
