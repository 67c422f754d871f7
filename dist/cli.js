#!/usr/bin/env node
import { createRequire as __igCreateRequire } from 'node:module'; const require = __igCreateRequire(import.meta.url);

// src/cli/main.ts
async function main(_argv, io) {
  io.stderr.write("image-guard: error: not implemented yet\n");
  return 2;
}

// src/cli.ts
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr
});
