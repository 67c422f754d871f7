// The Action's entry point: the runner executes dist/index.js, built from this file.
import { setCodeEntry } from './cache/code-fingerprint.js';

// The bundle is an entry and chunks (scripts/build.mjs): the entry's bytes stand for all of the code.
setCodeEntry(import.meta.url);
const { run } = await import('./action/main.js');
await run();
