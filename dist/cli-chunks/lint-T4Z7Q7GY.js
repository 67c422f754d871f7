import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename);
import {
  MAX_DOCKERFILE_BYTES,
  defaultContext,
  formatSarif,
  formatText,
  lint,
  lintDockerfileAt,
  lintDockerfileResult,
  lintResult,
  readDockerfile
} from "./chunk-X5FJYYJO.js";
import {
  RULES,
  describeJudged,
  memoryTree,
  readContext,
  walkContext
} from "./chunk-7JEAXR23.js";
import "./chunk-6BKARZ73.js";
import "./chunk-PZ62ZESO.js";
import "./chunk-ZEUIUMBT.js";
import "./chunk-FDTZHO7K.js";
export {
  MAX_DOCKERFILE_BYTES,
  RULES,
  defaultContext,
  describeJudged,
  formatSarif,
  formatText,
  lint,
  lintDockerfileAt,
  lintDockerfileResult,
  lintResult,
  memoryTree,
  readContext,
  readDockerfile,
  walkContext
};
