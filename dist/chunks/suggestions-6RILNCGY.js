import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  FIXES,
  applyEdits,
  fixContext,
  fixDockerfile,
  isLeft,
  readSource
} from "./chunk-5HI5YKL4.js";
import {
  lintDockerfileResult,
  readDockerfile
} from "./chunk-HJQIF5J6.js";
import {
  lint
} from "./chunk-FLWQEM3A.js";
import {
  DEFAULT_PLATFORM,
  buildStageGraph,
  parseDockerfile
} from "./chunk-JBCH6BUI.js";
import "./chunk-IYZ2ET24.js";
import "./chunk-24J7FLEC.js";
import "./chunk-IIRAH6Y5.js";
import "./chunk-UH7RQI7X.js";
import "./chunk-6S3NRT4R.js";

// src/app/suggestions.ts
import { basename } from "node:path";
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  if (text.endsWith("\n")) starts.pop();
  return starts;
}
function lineOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
function editLines(text, starts, e, findingLine) {
  if (e.start >= text.length) return [starts.length, starts.length];
  const first = lineOf(starts, e.start);
  const insertedAtLineStart = e.start === e.end && e.start > 0 && text[e.start - 1] === "\n";
  if (insertedAtLineStart && (findingLine ?? first) < first) return [first - 1, first - 1];
  return [first, lineOf(starts, Math.max(e.start, e.end - 1))];
}
var splitLines = (s) => s.split("\n").map((l) => l.replace(/\r$/, ""));
function planSuggestions(input) {
  const { text, findings, context, options } = input;
  const result = fixDockerfile({ text, findings, context, options });
  if (result.fixed.length === 0) return [];
  const parsed = parseDockerfile(text);
  const graph = buildStageGraph(parsed, options.target, options.platform ?? DEFAULT_PLATFORM).graph;
  if (!graph) return [];
  const file = readSource(text);
  const byLine = /* @__PURE__ */ new Map();
  for (const [k, instr] of parsed.instructions.entries())
    byLine.set(instr.line, { instr, seg: file.segments[k] });
  const env = { file, parsed, graph, at: (line) => byLine.get(line) ?? null, context };
  const starts = lineStarts(text);
  const regions = [];
  for (const { finding } of result.fixed) {
    let candidate;
    try {
      candidate = FIXES[finding.rule]?.fixer(finding, env);
    } catch {
      continue;
    }
    if (!candidate || isLeft(candidate) || candidate.edits.length === 0) continue;
    const lines = candidate.edits.map((e) => editLines(text, starts, e, finding.line));
    const start = Math.min(...lines.map(([a]) => a));
    const end = Math.max(...lines.map(([, b]) => b));
    regions.push({ start, end, edits: [...candidate.edits], findings: [finding] });
  }
  regions.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged = [];
  for (const r of regions) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      last.edits.push(...r.edits);
      last.findings.push(...r.findings);
    } else merged.push({ ...r, edits: [...r.edits], findings: [...r.findings] });
  }
  return merged.map((r) => {
    const from = starts[r.start - 1];
    const lastEnd = r.end < starts.length ? starts[r.end] : text.length;
    const to = Math.max(lastEnd, ...r.edits.map((e) => e.end));
    const shifted = r.edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
    const after = applyEdits(text.slice(from, to), shifted).replace(/\r?\n$/, "");
    const before = text.slice(from, lastEnd).replace(/\r?\n$/, "");
    const rules = [...new Set(r.findings.map((f) => f.rule))].sort();
    return {
      id: `${rules.join("+")}@${r.start}-${r.end}`,
      startLine: r.start,
      line: r.end,
      original: splitLines(before.replace(/^\ufeff/, "")),
      replacement: splitLines(after.replace(/^\ufeff/, "")),
      findings: r.findings
    };
  });
}
async function dockerfileSuggestions(req) {
  let text = req.text;
  if (text === void 0) {
    const read = await readDockerfile(req.dockerfile);
    if (read.tooLarge || read.problems.length > 0)
      return { suggestions: [], eol: /\r\n/.test(read.text) ? "\r\n" : "\n" };
    text = (read.bom ? "\uFEFF" : "") + read.text;
  }
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  const options = {
    file: req.dockerfile,
    dockerfileName: basename(req.dockerfile),
    target: req.target ?? void 0,
    platform: req.platform ?? void 0,
    buildContexts: req.buildContexts,
    config: req.config
  };
  let findings = req.text === void 0 ? req.findings : void 0;
  let scan = req.contextScan;
  let context;
  if (req.text !== void 0) {
    context = await fixContext(req.context, req.dockerfile, scan);
    findings = lint(text.replace(/^\ufeff/, ""), context?.info ?? null, options);
  } else {
    if (!findings) {
      const linted = await lintDockerfileResult(req.dockerfile, { ...options, context: req.context });
      findings = linted.findings;
      scan ??= linted.context;
    }
    context = await fixContext(req.context, req.dockerfile, scan);
  }
  return { suggestions: planSuggestions({ text, findings, context, options }), eol };
}
export {
  dockerfileSuggestions,
  planSuggestions
};
