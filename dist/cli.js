#!/usr/bin/env node
import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  setCodeEntry
} from "./chunks/chunk-U3MXK4HS.js";
import "./chunks/chunk-BKVAAZPZ.js";
import "./chunks/chunk-6S3NRT4R.js";

// src/cli.ts
setCodeEntry(import.meta.url);
var argv = process.argv.slice(2);
var io = { stdout: process.stdout, stderr: process.stderr };
process.exitCode = argv[0] === "lint" ? await (await import("./chunks/lint-command-NMSCDQWX.js")).runLintCommand(argv.slice(1), io) : await (await import("./chunks/main-M5LMZQ4U.js")).main(argv, io);
