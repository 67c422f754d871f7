import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  FORMATS,
  SETTING_NAMES,
  flagOf,
  parseFormat,
  specOf
} from "./chunk-WEDDGH6R.js";
import {
  UserError,
  messageOf
} from "./chunk-UH7RQI7X.js";

// src/cli/flags.ts
import { parseArgs } from "node:util";
var POSITIONAL = {
  lint: "<Dockerfile>...",
  analyze: "<IMAGE>",
  compare: null
};
var settingsOf = (command) => SETTING_NAMES.filter((name) => specOf(name).commands.includes(command));
var isSwitch = (name) => typeof specOf(name).default === "boolean";
function parseFlags(command, argv) {
  const options = {
    format: { type: "string", multiple: true },
    output: { type: "string", short: "o", multiple: true },
    help: { type: "boolean", short: "h" }
  };
  if (command !== "lint") options.verbose = { type: "boolean", short: "v" };
  for (const name of settingsOf(command))
    options[flagOf(name).slice(2)] = { type: isSwitch(name) ? "boolean" : "string" };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(
      `${messageOf(error).replace(/\. To specify a positional.*$/, "")} (image-guard ${command} --help)`
    );
  }
  const values = parsed.values;
  const written = {};
  for (const name of settingsOf(command)) {
    const flag = flagOf(name);
    const value = values[flag.slice(2)];
    if (value === void 0) continue;
    written[name] = {
      text: typeof value === "boolean" ? String(!flag.startsWith("--no-")) : String(value),
      shown: flag
    };
  }
  const outputs = pairOutputs(
    command,
    values.format ?? [],
    values.output ?? []
  );
  const max = command === "lint" ? Number.POSITIVE_INFINITY : POSITIONAL[command] ? 1 : 0;
  if (parsed.positionals.length > max)
    throw new UserError(`unexpected argument "${parsed.positionals[max]}" (image-guard ${command} --help)`);
  return {
    written,
    format: outputs[0].format,
    outputs,
    positionals: parsed.positionals,
    help: values.help === true,
    verbose: values.verbose === true
  };
}
function pairOutputs(command, formats, files) {
  const checked = formats.map((text) => {
    const f = parseFormat(command, text.trim());
    if ("problem" in f) throw new UserError(`--format ${JSON.stringify(text)} ${f.problem}`);
    return f.value;
  });
  if (files.length === 0) {
    if (checked.length > 1)
      throw new UserError(
        `${checked.length} --format flags need an --output FILE each (--output - for standard output)`
      );
    return [{ format: checked[0] ?? "text", file: null }];
  }
  if (checked.length === 0 && files.length === 1) checked.push("text");
  if (checked.length !== files.length)
    throw new UserError(
      `give one --output FILE for each --format (${checked.length} --format, ${files.length} --output)`
    );
  const outputs = checked.map((format, i) => ({ format, file: files[i] === "-" ? null : files[i] }));
  if (outputs.filter((o) => o.file === null).length > 1)
    throw new UserError("only one --output may be - (standard output)");
  const written = outputs.flatMap((o) => o.file === null ? [] : [o.file]);
  const twice = written.find((f, i) => written.indexOf(f) !== i);
  if (twice !== void 0) throw new UserError(`--output ${JSON.stringify(twice)} is given twice`);
  return outputs;
}
function flagUsage(name, required) {
  const spec = specOf(name);
  const flag = flagOf(name);
  const text = isSwitch(name) ? flag : `${flag} ${spec.metavar ?? "VALUE"}`;
  return required.includes(name) ? text : `[${text}]`;
}
var REQUIRED = { lint: [], analyze: [], compare: ["head"] };
function usageLine(command) {
  const parts = [`image-guard ${command}`];
  if (POSITIONAL[command]) parts.push(POSITIONAL[command]);
  for (const name of settingsOf(command)) parts.push(flagUsage(name, REQUIRED[command]));
  parts.push(`[--format ${FORMATS[command].join("|")}]`, "[--output FILE]");
  if (command !== "lint") parts.push("[--verbose]");
  return parts.join(" ");
}
var ABOUT = {
  lint: "Judges a Dockerfile (and its build context) against the Dockerfile rules.",
  analyze: "Reads one image (from the engine or an archive) and reports its size, layers, wasted bytes, largest files and content findings.",
  compare: "Compares the head image with the base image: size and layer deltas, budgets, content findings, the Dockerfile rules with --dockerfile, and the costs table."
};
function commandHelp(command) {
  const lines = [`Usage: ${usageLine(command)}`, "", ABOUT[command], "", "Options:"];
  const rows = [];
  for (const name of settingsOf(command)) {
    const spec = specOf(name);
    const left = isSwitch(name) ? flagOf(name) : `${flagOf(name)} ${spec.metavar ?? "VALUE"}`;
    const doc = spec.default === true ? `Leave out: ${spec.doc.charAt(0).toLowerCase()}${spec.doc.slice(1)}` : spec.doc;
    const def = !isSwitch(name) && spec.defaultDoc && !/\(default /i.test(doc) ? ` (default: ${spec.defaultDoc})` : "";
    const text = def ? `${doc.replace(/\.$/, "")}${def}.` : doc;
    rows.push([left, `${text}${spec.config ? " (also a key of .image-guard.yml)" : ""}`]);
  }
  rows.push([
    `--format ${FORMATS[command].join("|")}`,
    "Output format. Default: text. gitlab: GitLab Code Quality; junit: JUnit XML (Jenkins, Azure Pipelines, GitLab test reports); checkstyle: checkstyle XML; github: GitHub workflow commands (annotations). Give it more than once, each with an --output, to write several."
  ]);
  rows.push([
    "-o, --output FILE",
    "Write the --format given in the same place to FILE instead of standard output (- is standard output)."
  ]);
  if (command !== "lint")
    rows.push([
      "-v, --verbose",
      "Say on standard error how each image was read: its layers' bytes read and skipped (known from the layer cache, or read once for base and head)."
    ]);
  rows.push(["-h, --help", "This help."]);
  const width = Math.min(34, Math.max(...rows.map(([l]) => l.length)));
  for (const [left, right] of rows) {
    lines.push(
      left.length > width ? `  ${left}
  ${" ".repeat(width)}  ${right}` : `  ${left.padEnd(width)}  ${right}`
    );
  }
  lines.push("", EXIT_STATUS, "");
  return lines.join("\n");
}
var EXIT_STATUS = "Exit status: 0 passed, 1 a budget broken or a finding at or above --fail-on (default error), 2 the run could not be done.";

// src/cli/outputs.ts
import { writeFile } from "node:fs/promises";
async function writeOutputs(outputs, render, io) {
  const rendered = [];
  for (const output of outputs) rendered.push([output, await render(output)]);
  for (const [output, text] of rendered) {
    if (output.file === null) continue;
    try {
      await writeFile(output.file, text);
    } catch (error) {
      throw new UserError(`cannot write --output ${JSON.stringify(output.file)}: ${messageOf(error)}`);
    }
  }
  for (const [output, text] of rendered) if (output.file === null) io.stdout.write(text);
}

export {
  parseFlags,
  usageLine,
  commandHelp,
  EXIT_STATUS,
  writeOutputs
};
