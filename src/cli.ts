import { setCodeEntry } from './cache/code-fingerprint.js';

setCodeEntry(import.meta.url);
const argv = process.argv.slice(2);
const io = { stdout: process.stdout, stderr: process.stderr };
// `lint` goes straight to its module: main's analysis, rendering and engine modules are not loaded for it.
process.exitCode =
  argv[0] === 'lint'
    ? await (await import('./cli/lint-command.js')).runLintCommand(argv.slice(1), io)
    : await (await import('./cli/main.js')).main(argv, io);
