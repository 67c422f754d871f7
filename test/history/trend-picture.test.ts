// The picture of the size trend (docs/images/size-trend.png) is made by `npm run screenshot -- --trend` from an
// example history, and records the head it drew and the SHA-256 of the Markdown it showed: rendered again here
// from the same file by the current sources, a different Markdown means the picture is stale. And the Mermaid
// chart the comment carries is parsed by Mermaid itself (the bundle GitHub's renderer is built from).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/core/version.js';
import { parseHistory, sizeTrend } from '../../src/history/record.js';
import { markdownTrend, mermaidTrend } from '../../src/render/trend.js';
import { findChromium, launchBrowser } from '../support/browser.js';

const root = resolve(import.meta.dirname, '../..');
const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const chromium = findChromium();

/** A PNG's tEXt chunks. */
function pngText(png: Buffer): Record<string, string> {
  const text: Record<string, string> = {};
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const nul = data.indexOf(0);
      text[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    }
    at += 12 + length;
  }
  return text;
}

describe('the picture of the size trend', () => {
  const text = pngText(readFileSync(join(root, 'docs/images/size-trend.png')));

  it("shows the package's version and the example history", () => {
    expect(text['image-guard-version']).toBe(packageVersion);
    expect(text['image-guard-source']).toBe('examples/history/python-api.jsonl');
  });

  it('shows the Markdown the current code renders for that history', () => {
    const [label, size] = text['image-guard-head']!.split(' ');
    const records = parseHistory(readFileSync(join(root, 'examples/history/python-api.jsonl'), 'utf8'));
    const trend = sizeTrend(
      records,
      records.at(-1)!.key,
      { label: label!, size: Number(size) },
      'branch image-guard-history',
    )!;
    expect(trend.largest).toBe(true);
    const markdown = `${markdownTrend(trend, { mermaid: true }).join('\n')}\n\n<sub>image-guard ${VERSION}</sub>\n`;
    expect(
      text['image-guard-markdown-sha256'],
      'stale picture: npm run screenshot -- --trend --width 760',
    ).toBe(createHash('sha256').update(markdown).digest('hex'));
  });
});

describe.skipIf(!chromium)("the comment's Mermaid chart", () => {
  it('is a chart Mermaid parses (and a broken one is not)', { timeout: 60_000 }, async () => {
    const browser = await launchBrowser(chromium!);
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ path: join(root, 'node_modules/mermaid/dist/mermaid.min.js') });
      const parse = (chart: string) =>
        page.evaluate(
          (c) =>
            (globalThis as unknown as { mermaid: { parse(t: string): Promise<unknown> } }).mermaid
              .parse(c)
              .then(
                () => 'ok',
                (e: Error) => e.message,
              ),
          chart,
        );
      const points = Array.from({ length: 30 }, (_, i) => ({
        commit: 'a'.repeat(40),
        date: '2026-01-01T00:00:00.000Z',
        size: 100e6 + i * 1e6,
      }));
      const chart = mermaidTrend({
        key: 'k',
        source: 's',
        records: 30,
        points,
        head: { label: 'abc1234', size: 140e6 },
        first: 100e6,
        min: 100e6,
        max: 140e6,
        largest: true,
      });
      const body = chart.slice(1, -1).join('\n');
      expect(await parse(body)).toBe('ok');
      expect(await parse(body.replace('line [', 'line ['.slice(0, 4)))).not.toBe('ok');
    } finally {
      await browser.close();
    }
  });
});
