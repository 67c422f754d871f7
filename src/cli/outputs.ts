// Writes a run's reports where `--format`/`--output` asked: every report is rendered first, so that a run that
// cannot render one writes none; then the files, then standard output.
import { writeFile } from 'node:fs/promises';
import { messageOf, UserError } from '../core/errors.js';
import type { Output } from './flags.js';
import type { CliIO } from './io.js';

export async function writeOutputs(
  outputs: readonly Output[],
  render: (output: Output) => string | Promise<string>,
  io: CliIO,
): Promise<void> {
  const rendered: [Output, string][] = [];
  for (const output of outputs) rendered.push([output, await render(output)]);
  for (const [output, text] of rendered) {
    if (output.file === null) continue;
    try {
      await writeFile(output.file, text);
    } catch (error) {
      throw new UserError(`cannot write --output ${JSON.stringify(output.file)}: ${messageOf(error)}`);
    }
  }
  for (const [output, text] of rendered) if (output.file === null) io.stdout.write(text);
}
