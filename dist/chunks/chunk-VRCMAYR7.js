import { createRequire as __igCreateRequire } from 'node:module'; import { fileURLToPath as __igFileURLToPath } from 'node:url'; import { dirname as __igDirname } from 'node:path'; const require = __igCreateRequire(import.meta.url); const __filename = __igFileURLToPath(import.meta.url); const __dirname = __igDirname(__filename); process.noDeprecation = true;

// src/core/terminal-escape.ts
var UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
var UNSAFE_ALL = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function escapeOne(ch) {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.codePointAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function escapeTerminal(text) {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeOne) : text;
}

export {
  escapeTerminal
};
