import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  commandHelp,
  loadSettings,
  parseFlags
} from "./chunk-TNDCMMMN.js";
import "./chunk-AXV76V72.js";
import {
  buildReport
} from "./chunk-M4INHGGG.js";
import "./chunk-SLGCNK7V.js";
import {
  defaultContext,
  formatSarif,
  formatText,
  lintDockerfileResult
} from "./chunk-DIDDMG5M.js";
import {
  RULES
} from "./chunk-CIEE7OYJ.js";
import "./chunk-D5YAGET4.js";
import "./chunk-RGMIW7AQ.js";
import "./chunk-V7CDQE4S.js";
import {
  UserError,
  messageOf
} from "./chunk-2RNWAOZS.js";
import "./chunk-MENXIJHE.js";
import "./chunk-YAS4EG4A.js";
import "./chunk-D3W3FW7B.js";
import "./chunk-R3ZKXXJG.js";

// src/cli/lint-command.ts
async function runLintCommand(argv, io) {
  try {
    const flags = parseFlags("lint", argv);
    if (flags.help) {
      io.stdout.write(commandHelp("lint"));
      return 0;
    }
    const { positionals } = flags;
    if (positionals.length !== 1) {
      throw new UserError(
        positionals.length === 0 ? "give the Dockerfile to lint (image-guard lint --help)" : `give one Dockerfile, not ${positionals.length} (image-guard lint --help)`
      );
    }
    const dockerfile = positionals[0];
    const { settings, config, explicit } = await loadSettings(flags.written, process.cwd(), "bad flags");
    const context = explicit.has("context") ? settings.context : defaultContext(dockerfile);
    if (settings.diff && !settings.fix)
      throw new UserError("--diff goes with --fix (image-guard lint --help)");
    if (settings.fix) {
      const { runLintFix } = await import("./lint-fix-FFJUA7RZ.js");
      return await runLintFix({ dockerfile, context, settings, config, format: flags.format }, io);
    }
    const { findings, judged } = await lintDockerfileResult(dockerfile, {
      context,
      target: settings.target ?? void 0,
      platform: settings.platform ?? void 0,
      config
    });
    const { report } = buildReport({ head: null, base: null, findings, failOn: settings["fail-on"] });
    let out;
    if (flags.format === "json") {
      out = `${JSON.stringify({ ...report, judged }, null, 2)}
`;
    } else if (flags.format === "sarif") {
      out = formatSarif(findings, RULES, dockerfile, process.cwd(), judged);
    } else {
      const colour = io.stdout.isTTY === true && !process.env.NO_COLOR;
      out = formatText(findings, { colour, file: dockerfile, judged });
    }
    io.stdout.write(out);
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
