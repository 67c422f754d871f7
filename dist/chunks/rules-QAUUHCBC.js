import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  RULES
} from "./chunk-JBCH6BUI.js";
import "./chunk-IYZ2ET24.js";
import "./chunk-24J7FLEC.js";
import "./chunk-IIRAH6Y5.js";
import "./chunk-UH7RQI7X.js";
import "./chunk-6S3NRT4R.js";
export {
  RULES
};
