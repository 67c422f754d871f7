import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename);
import {
  MAX_DOCKERFILE_BYTES,
  defaultContext,
  formatSarif,
  formatText,
  lint,
  lintDockerfileAt,
  readDockerfile
} from "./chunk-URMKJ5WX.js";
import {
  RULES,
  memoryTree,
  readContext,
  walkContext
} from "./chunk-JA3NUO37.js";
import "./chunk-LGOGIA6D.js";
import "./chunk-BV2NKFVU.js";
import "./chunk-ZEUIUMBT.js";
import "./chunk-FDTZHO7K.js";
export {
  MAX_DOCKERFILE_BYTES,
  RULES,
  defaultContext,
  formatSarif,
  formatText,
  lint,
  lintDockerfileAt,
  memoryTree,
  readContext,
  readDockerfile,
  walkContext
};
