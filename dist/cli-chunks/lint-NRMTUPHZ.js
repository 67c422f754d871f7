import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  defaultContext,
  lint,
  lintDockerfileResult
} from "./chunk-YI3YLESQ.js";
import {
  readContext
} from "./chunk-GM7GXRJP.js";
import "./chunk-MENXIJHE.js";
import "./chunk-L73SEBKP.js";
import "./chunk-D3W3FW7B.js";
import "./chunk-III24EVK.js";
export {
  defaultContext,
  lint,
  lintDockerfileResult,
  readContext
};
