// The README's picture of the PR comment is made by `npm run screenshot` from a comment image-guard wrote, and
// says in its PNG text chunks which version's footer it showed: a picture of an older release fails here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../support/browser.js';

const root = resolve(import.meta.dirname, '../..');
const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const tmp = mkdtempSync(join(tmpdir(), 'ig-picture-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A PNG's tEXt chunks, each chunk's CRC checked (a chunk written by hand without one fails). */
function pngText(png: Buffer): Record<string, string> {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const text: Record<string, string> = {};
  let at = 8;
  let last = '';
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const typed = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of the chunk at ${at}`).toBe(crc32(typed));
    last = typed.toString('latin1', 0, 4);
    if (last === 'tEXt') {
      const data = typed.subarray(4);
      const nul = data.indexOf(0);
      text[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    }
    at += 12 + length;
  }
  expect(last).toBe('IEND');
  return text;
}

describe("the README's picture of the PR comment", () => {
  it("shows the package's version, made from the demo's comment", () => {
    const text = pngText(readFileSync(join(root, 'docs/images/pr-comment.png')));
    expect(text['image-guard-version']).toBe(packageVersion);
    expect(text['image-guard-source']).toBe('demo-output/comment.md');
  });

  const chromium = findChromium();
  const screenshot = (input: string, out: string) =>
    spawnSync(process.execPath, [join(root, 'scripts/screenshot-comment.mjs'), input, '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, ...(chromium ? { CHROMIUM: chromium } : {}) },
      timeout: 120_000,
    });

  it.skipIf(!chromium)(
    'npm run screenshot records the version in the footer it rendered',
    { timeout: 240_000 },
    () => {
      const input = join(tmp, 'comment.md');
      writeFileSync(
        input,
        '### image-guard\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<sub>image-guard 9.8.7-rc.1</sub>\n',
      );
      const out = join(tmp, 'picture.png');
      const run = screenshot(input, out);
      expect(run.stderr).toContain('image-guard 9.8.7-rc.1');
      expect(run.status).toBe(0);
      const text = pngText(readFileSync(out));
      expect(text['image-guard-version']).toBe('9.8.7-rc.1');
      // A second run over the same file replaces the chunks instead of adding more.
      writeFileSync(input, readFileSync(input, 'utf8').replace('9.8.7-rc.1', '9.8.8'));
      expect(screenshot(input, out).status).toBe(0);
      const png = readFileSync(out);
      expect(pngText(png)['image-guard-version']).toBe('9.8.8');
      expect(png.toString('latin1').split('image-guard-version').length).toBe(2);
    },
  );

  it.skipIf(!chromium)(
    'refuses a comment without image-guard footer, in one line',
    { timeout: 120_000 },
    () => {
      const input = join(tmp, 'other.md');
      writeFileSync(input, '# not a comment of ours\n');
      const run = screenshot(input, join(tmp, 'other.png'));
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toMatch(/^screenshot: the comment has no image-guard footer .*$/);
    },
  );
});
