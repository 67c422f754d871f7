import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  budgetFigures,
  statusLine
} from "./chunk-VFUMJL3I.js";
import "./chunk-JHBJJO36.js";
import {
  reachesFailOn
} from "./chunk-YVMMMQ26.js";
import {
  Builder
} from "./chunk-PXJVGPH6.js";
import {
  VERSION
} from "./chunk-BKVAAZPZ.js";
import "./chunk-IIRAH6Y5.js";
import "./chunk-6S3NRT4R.js";

// src/render/formats/items.ts
function budgetMessage(b) {
  const f = budgetFigures(b);
  return `Budget ${b.name} broken: ${f.actual} against a limit of ${f.limit}`;
}
var findingItem = (f, failOn) => ({
  kind: "finding",
  id: f.rule,
  name: f.name,
  severity: f.severity,
  message: f.message,
  fix: f.fix,
  file: f.file,
  line: f.line,
  bytes: f.bytes,
  fails: reachesFailOn(f.severity, failOn)
});
var budgetItem = (b) => ({
  kind: "budget",
  id: b.name,
  name: "budget",
  severity: "error",
  message: budgetMessage(b),
  fix: null,
  file: null,
  line: null,
  bytes: null,
  fails: true
});
function itemsOf(report, failOn) {
  return [
    ...report.findings.map((f) => findingItem(f, failOn)),
    ...report.budgets.filter((b) => !b.passed).map(budgetItem)
  ];
}
var SECURITY_RULES = /* @__PURE__ */ new Set(["IG010", "IG104"]);
var withFix = (item) => item.fix ? `${item.message}
Fix: ${item.fix}` : item.message;

// src/render/formats/xml.ts
var NOT_XML = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it replaces
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
);
function xmlSafe(text) {
  return text.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}
function escapeXml(text) {
  return xmlSafe(text).replace(/[&<>"'\r\n\t]/g, (c) => ESCAPE[c]);
}
var ESCAPE = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\r": "&#13;",
  "\n": "&#10;",
  "	": "&#9;"
};
var escapeValue = (_name, value) => typeof value === "string" ? escapeXml(value) : value;
var builder = new Builder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  processEntities: false,
  tagValueProcessor: escapeValue,
  attributeValueProcessor: escapeValue
});
function buildXml(root) {
  return `<?xml version="1.0" encoding="UTF-8"?>
${builder.build(root)}`;
}

// src/render/formats/checkstyle.ts
var SEVERITY = {
  error: "error",
  warning: "warning",
  info: "info"
};
function renderCheckstyle(report, ctx) {
  const files = /* @__PURE__ */ new Map();
  for (const item of itemsOf(report, ctx.failOn)) {
    const name = item.file ?? ctx.dockerfile;
    const errors = files.get(name) ?? [];
    errors.push({
      // a finding without a line (image content, budgets) is placed on the file's first line, as SARIF's is
      "@line": Math.max(1, item.line ?? 1),
      "@severity": SEVERITY[item.severity],
      "@message": item.kind === "budget" ? item.message : `${item.id} ${item.name}: ${withFix(item)}`,
      "@source": item.kind === "budget" ? `image-guard.budget.${item.id}` : `image-guard.${item.id}`
    });
    files.set(name, errors);
  }
  const file = [...files].map(([name, errors]) => ({ "@name": name, error: errors }));
  return buildXml({ checkstyle: { "@version": "4.3", ...file.length > 0 ? { file } : {} } });
}

// src/render/formats/github.ts
var COMMAND = {
  error: "error",
  warning: "warning",
  info: "notice"
};
var escapeData = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
var escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
function renderGithub(report, ctx) {
  const lines = itemsOf(report, ctx.failOn).map((item) => {
    const props = [];
    if (item.file !== null) props.push(["file", item.file]);
    if (item.file !== null && item.line !== null) props.push(["line", String(item.line)]);
    props.push([
      "title",
      item.kind === "budget" ? `image-guard budget ${item.id}` : `${item.id} ${item.name}`
    ]);
    const properties = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",");
    return `::${COMMAND[item.severity]} ${properties}::${escapeData(withFix(item))}`;
  });
  lines.push(`image-guard: ${statusLine(report, ctx.failOn)}`);
  return `${lines.join("\n")}
`;
}

// src/render/formats/gitlab.ts
import { createHash } from "node:crypto";
var SEVERITY2 = {
  info: "info",
  warning: "minor",
  error: "major"
};
function category(item) {
  if (item.kind === "finding" && SECURITY_RULES.has(item.id)) return "Security";
  return item.kind === "budget" || item.bytes !== null ? "Performance" : "Style";
}
function renderGitlab(report, ctx) {
  const seen = /* @__PURE__ */ new Map();
  const issues = itemsOf(report, ctx.failOn).map((item) => {
    const checkName = item.kind === "budget" ? `image-guard/budget/${item.id}` : `image-guard/${item.id}`;
    const path = item.file ?? ctx.dockerfile;
    const words = item.kind === "budget" ? "" : item.message.replace(/\d[\d.,]*/g, "#");
    const key = JSON.stringify([checkName, path, words]);
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return {
      type: "issue",
      check_name: checkName,
      description: item.kind === "budget" ? item.message : `${item.id} ${item.name}: ${item.message}`,
      content: { body: withFix(item) },
      categories: [category(item)],
      fingerprint: createHash("sha256").update(`${key}#${nth}`).digest("hex"),
      severity: item.kind === "budget" ? "critical" : SEVERITY2[item.severity],
      location: { path, lines: { begin: Math.max(1, item.line ?? 1) } }
    };
  });
  return `${JSON.stringify(issues, null, 2)}
`;
}

// src/render/formats/junit.ts
var where = (item, ctx) => `${item.file ?? ctx.dockerfile}${item.line !== null ? `:${item.line}` : ""}`;
var describe = (item, ctx) => `${where(item, ctx)}: ${item.severity}: ${withFix(item)}`;
function testCase(name, classname, items, ctx) {
  const node = { "@name": name, "@classname": classname, "@time": "0" };
  const failing = items.filter((i) => i.fails);
  const passing = items.filter((i) => !i.fails);
  if (failing.length > 0) {
    const first = failing[0];
    node.failure = {
      "@type": first.kind === "budget" ? "budget" : first.severity,
      "@message": failing.length === 1 ? first.message : `${first.message} (and ${failing.length - 1} more)`,
      "#text": failing.map((i) => describe(i, ctx)).join("\n\n")
    };
  }
  if (passing.length > 0) node["system-out"] = passing.map((i) => describe(i, ctx)).join("\n\n");
  return node;
}
function suite(name, cases) {
  return {
    "@name": name,
    "@tests": cases.length,
    "@failures": cases.filter((c) => c.failure !== void 0).length,
    "@errors": 0,
    "@skipped": 0,
    "@time": "0",
    testcase: cases
  };
}
function renderJunit(report, ctx) {
  const items = itemsOf(report, ctx.failOn);
  const findings = items.filter((i) => i.kind === "finding");
  const rules = [...ctx.rules.map((r) => ({ id: r.id, name: r.name }))];
  for (const f of findings) if (!rules.some((r) => r.id === f.id)) rules.push({ id: f.id, name: f.name });
  const ruleCases = rules.map(
    (r) => testCase(
      `${r.id} ${r.name}`,
      "image-guard.rules",
      findings.filter((f) => f.id === r.id),
      ctx
    )
  );
  const suites = [suite("image-guard rules", ruleCases)];
  if (report.budgets.length > 0) {
    const budgetCases = report.budgets.map(
      (b) => testCase(
        `budget ${b.name}`,
        "image-guard.budgets",
        items.filter((i) => i.kind === "budget" && i.id === b.name),
        ctx
      )
    );
    suites.push(suite("image-guard budgets", budgetCases));
  }
  const count = (key) => suites.reduce((n, s) => n + Number(s[key]), 0);
  return buildXml({
    testsuites: {
      "@name": `image-guard ${VERSION}`,
      "@tests": count("@tests"),
      "@failures": count("@failures"),
      "@errors": 0,
      "@time": "0",
      testsuite: suites
    }
  });
}

// src/render/formats/index.ts
var RENDER = {
  gitlab: renderGitlab,
  junit: renderJunit,
  checkstyle: renderCheckstyle,
  github: renderGithub
};
var INTERCHANGE_FORMATS = Object.keys(RENDER);
function renderInterchange(format, report, ctx) {
  const render = RENDER[format];
  if (!render) throw new Error(`no renderer for --format ${format}`);
  return render(report, ctx);
}
export {
  INTERCHANGE_FORMATS,
  renderInterchange
};
