import { setCodeEntry } from './cache/code-fingerprint.js';
import { main } from './cli/main.js';

setCodeEntry(import.meta.url);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
