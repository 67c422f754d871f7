import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/core/judged.ts
function describeJudged(judged) {
  const name = judged.stage === null ? `stage ${judged.index}` : `stage "${judged.stage}"`;
  const why = judged.reason === "target" ? "the target given" : "the last stage";
  return `${name} (FROM at line ${judged.line}), ${why}`;
}

export {
  describeJudged
};
