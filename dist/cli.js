#!/usr/bin/env node
import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;
import {
  setCodeEntry
} from "./cli-chunks/chunk-DQZDH3PV.js";
import "./cli-chunks/chunk-YAS4EG4A.js";
import "./cli-chunks/chunk-R3ZKXXJG.js";

// src/cli.ts
setCodeEntry(import.meta.url);
var argv = process.argv.slice(2);
var io = { stdout: process.stdout, stderr: process.stderr };
process.exitCode = argv[0] === "lint" ? await (await import("./cli-chunks/lint-command-IZRJLWIM.js")).runLintCommand(argv.slice(1), io) : await (await import("./cli-chunks/main-VKIEKRF4.js")).main(argv, io);
