import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  renderHtml
} from "./chunk-XTL7JD2H.js";
import "./chunk-PFW6J5NA.js";
import "./chunk-VFUMJL3I.js";
import "./chunk-7OYFYWMG.js";
import "./chunk-JHBJJO36.js";
import "./chunk-YVMMMQ26.js";
import "./chunk-45SRNV5D.js";
import "./chunk-QPMSVJNA.js";
import "./chunk-IIRAH6Y5.js";
import "./chunk-6S3NRT4R.js";
export {
  renderHtml
};
