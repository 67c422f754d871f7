import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  CONTENT_RULES,
  checkContent
} from "./chunk-IHQWYLZC.js";
import "./chunk-2IQNWKMG.js";
import "./chunk-24J7FLEC.js";
import "./chunk-IIRAH6Y5.js";
import "./chunk-6S3NRT4R.js";
export {
  CONTENT_RULES,
  checkContent
};
