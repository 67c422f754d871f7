// The Action's entry point: the runner executes dist/index.js, built from this file.
process.stdout.write(
  '::error::image-guard: the Action is not implemented yet; use the image-guard CLI for now\n',
);
process.exitCode = 1;
