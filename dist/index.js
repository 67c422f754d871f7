import { createRequire as __igCreateRequire } from 'node:module'; const require = __igCreateRequire(import.meta.url);

// src/index.ts
process.stdout.write("::error::image-guard: the Action is not implemented yet; use the image-guard CLI for now\n");
process.exitCode = 1;
