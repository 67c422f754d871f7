import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  RegistryError,
  Session,
  compressedFromManifest,
  parseReference,
  pickPlatform,
  registryClient,
  resolveImage,
  runnerPlatform
} from "./chunk-WQ5X7DHV.js";
import "./chunk-KPJIGWYP.js";
import {
  namesRegistry
} from "./chunk-IYZ2ET24.js";
import "./chunk-6S3NRT4R.js";
export {
  RegistryError,
  Session,
  compressedFromManifest,
  namesRegistry,
  parseReference,
  pickPlatform,
  registryClient,
  resolveImage,
  runnerPlatform
};
