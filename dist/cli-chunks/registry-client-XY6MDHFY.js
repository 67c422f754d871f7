import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename);
import {
  compressedFromManifest,
  namesRegistry,
  parseReference,
  pickPlatform,
  registryClient,
  runnerPlatform
} from "./chunk-SJ2ORBN3.js";
import "./chunk-NYZ64QH6.js";
import "./chunk-FDTZHO7K.js";
export {
  compressedFromManifest,
  namesRegistry,
  parseReference,
  pickPlatform,
  registryClient,
  runnerPlatform
};
