export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export async function main(_argv: string[], io: CliIO): Promise<number> {
  io.stderr.write('image-guard: error: not implemented yet\n');
  return 2;
}
