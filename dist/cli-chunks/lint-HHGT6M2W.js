import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
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
} from "./chunk-DIDDMG5M.js";
import {
  RULES,
  memoryTree,
  readContext,
  walkContext
} from "./chunk-CIEE7OYJ.js";
import {
  describeJudged
} from "./chunk-D5YAGET4.js";
import "./chunk-2RNWAOZS.js";
import "./chunk-MENXIJHE.js";
import "./chunk-YAS4EG4A.js";
import "./chunk-D3W3FW7B.js";
import "./chunk-R3ZKXXJG.js";
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
