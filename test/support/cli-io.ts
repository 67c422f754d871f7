import { PassThrough } from 'node:stream';
import { type CliDeps, main } from '../../src/cli/main.js';

/** A CLI's stdout and stderr captured as text; `tty` makes stdout claim to be a terminal. */
export function captureIO(tty = false) {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

/** Runs `image-guard ARGS` in-process and returns its exit status and what it printed. */
export async function runCli(
  args: string[],
  deps?: CliDeps,
): Promise<{ code: number; out: string; err: string }> {
  const t = captureIO();
  const code = await main(args, t.io, deps);
  return { code, out: t.out(), err: t.err() };
}
