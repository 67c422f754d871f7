// The Action's entry point: the runner executes dist/index.js, built from this file.
import { run } from './action/main.js';

await run();
