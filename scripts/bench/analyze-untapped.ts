// Diagnostic for the bench: analyzeRef (the seam the CLI calls) without the CLI's compressed-size tap on the
// export, printing the JSON analysis. Bundled by scripts/bench.mjs into its cache folder.
import { analyzeRef } from '../../src/cli/image-source.js';

const ref = process.argv[2];
if (!ref) throw new Error('usage: analyze-untapped IMAGE');
const analysis = await analyzeRef(ref, { files: true, cache: null });
process.stdout.write(`${JSON.stringify(analysis)}\n`);
