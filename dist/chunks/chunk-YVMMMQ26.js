import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/core/report.ts
var rank = { error: 3, warning: 2, info: 1 };
function reachesFailOn(severity, failOn) {
  return failOn !== "never" && rank[severity] >= rank[failOn];
}
function severityRank(severity) {
  return rank[severity];
}
function decidePassed(findings, budgets, failOn) {
  return budgets.every((b) => b.passed) && !findings.some((f) => reachesFailOn(f.severity, failOn));
}

export {
  reachesFailOn,
  severityRank,
  decidePassed
};
