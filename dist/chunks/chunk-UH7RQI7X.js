import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/core/errors.ts
var UserError = class extends Error {
  name = "UserError";
};
function messageOf(error) {
  if (error instanceof Error) return error.message.split("\n")[0] ?? String(error);
  return String(error);
}

export {
  UserError,
  messageOf
};
