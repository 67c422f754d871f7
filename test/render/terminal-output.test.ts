// Names and text from an image or a Dockerfile reach `--format text` escaped, so they
// cannot drive the terminal (ESC), overwrite a line (CR) or forge one (LF).

import { describe, expect, it } from 'vitest';
import type { ImageLoader } from '../../src/cli/main.js';
import type { Finding } from '../../src/core/report.js';
import { formatText } from '../../src/lint/format-text.js';
import { imageData, layer } from '../analysis/helpers.js';
import { runCli } from '../support/cli-io.js';

const ESC = '\u001b';
const hostile = `${ESC}[2J${ESC}]0;pwned\u0007`;

function expectNoRawControls(text: string): void {
  // Only the newlines the report itself writes between its lines.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters on purpose
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
}

describe('analyze --format text', () => {
  it('escapes file names, instructions and refs from the image', async () => {
    const ref = `app:pr\n${hostile}`;
    const data = imageData(
      [
        {
          createdBy: `RUN echo hi\rimage-guard: passed ${hostile}`,
          summary: layer(
            `app/${hostile}big:5000000`,
            `app/.env\n${hostile}:10`,
            `tmp\u202e/x:3000`,
            `src${hostile}/.git/objects/pack/p.pack:300000`,
          ),
        },
        { createdBy: 'RUN rm', summary: layer(`-tmp\u202e/x`) },
      ],
      ref,
    );
    // The argument itself must be a reference (checked before any read); the name inside the image is not.
    const loader: ImageLoader = { load: async () => data };
    const { out, err } = await runCli(['analyze', 'app:pr', '--format', 'text', '--fail-on', 'never'], {
      loader,
    });
    expect(err).toBe('');
    expectNoRawControls(out);
    expect(out).toContain('app:pr\\n\\x1b[2J\\x1b]0;pwned\\x07');
    expect(out).toContain('/app/\\x1b[2J\\x1b]0;pwned\\x07big');
    expect(out).toContain('echo hi image-guard: passed \\x1b[2J');
    expect(out).toContain('/tmp\\u202e/x');
    // The finding quotes the folder's name: escaped too.
    expect(out).toMatch(/IG103 .*src\\x1b\[2J\\x1b\]0;pwned\\x07\/\.git/);
  });
});

describe('lint --format text', () => {
  it('escapes messages, fixes and file names', () => {
    const finding: Finding = {
      rule: 'IG012',
      name: 'copy-all-final',
      severity: 'warning',
      message: `COPY . ${hostile}\rfake`,
      file: `Dockerfile${ESC}[31m`,
      line: 3,
      fix: `COPY app/\n${hostile}`,
      bytes: null,
    };
    const text = formatText([finding], { colour: false, file: `Dockerfile${ESC}[31m` });
    expectNoRawControls(text);
    expect(text).toContain('Dockerfile\\x1b[31m:3 warning IG012 copy-all-final: COPY . \\x1b[2J');
    expect(text).toContain('\\rfake');
    expect(text).toContain('  fix: COPY app/\\n\\x1b[2J');
    expect(formatText([], { colour: false, file: `D\r${ESC}` })).toBe('D\\r\\x1b: no findings\n');
  });
});
