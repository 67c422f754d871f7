// The trend inside the whole report: the comment keeps it under its size limit (the Mermaid chart is the first
// thing left out), the HTML report draws it as inline SVG under its own policy (no script from anywhere), and
// only a push or dispatch on the default branch records.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsHistory } from '../../src/action/history.js';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { buildReport } from '../../src/analysis/report.js';
import type { Finding, Report, SizeTrend } from '../../src/core/report.js';
import type { ActionEvent } from '../../src/github/event.js';
import { renderHtml } from '../../src/render/html/index.js';
import { COMMENT_LIMIT, renderMarkdown } from '../../src/render/markdown.js';
import { imageData, layer } from '../analysis/helpers.js';
import { findChromium, launchBrowser, watchedPage } from '../support/browser.js';

const chromium = findChromium();

const trend: SizeTrend = {
  key: 'Dockerfile',
  source: 'branch image-guard-history',
  records: 30,
  points: Array.from({ length: 30 }, (_, i) => ({
    commit: i.toString(16).padStart(40, '0'),
    date: '2026-11-01T00:00:00.000Z',
    size: 1_000_000 + i * 1000,
  })),
  head: { label: '"><img src=x onerror=alert(1)>', size: 2_000_000 },
  first: 1_000_000,
  min: 1_000_000,
  max: 2_000_000,
  largest: true,
};

function report(findingCount: number): Report {
  const files = Array.from({ length: 40 }, (_, i) => `f${i}:${1000 + i}`);
  const head = analyzeImage(
    imageData([
      { createdBy: 'ADD rootfs', summary: layer(...files) },
      ...Array.from({ length: 60 }, (_, i) => ({
        createdBy: `RUN step ${i} ${'x'.repeat(100)}`,
        summary: layer(`f${i % 40}:5`),
      })),
    ]),
  );
  const findings: Finding[] = Array.from({ length: findingCount }, (_, i) => ({
    rule: 'IG004',
    name: 'pip-cache',
    severity: 'error',
    message: `\`RUN pip install\` (line ${i + 1}) ${'keeps the cache '.repeat(10)}`,
    file: 'Dockerfile',
    line: i + 1,
    fix: null,
    bytes: null,
  }));
  return {
    ...buildReport({ head: head.image, base: null, findings, failOn: 'error' }).report,
    history: trend,
  };
}

describe('the trend in the comment', () => {
  it('is there with its chart when the comment has room', () => {
    const md = renderMarkdown(report(2), { failOn: 'error', maxChars: COMMENT_LIMIT - 200 });
    expect(md).toContain('**Size over time**');
    expect(md).toContain('```mermaid');
  });

  it('a comment that must be cut keeps the line and the table, and drops the chart first', () => {
    const md = renderMarkdown(report(400), { failOn: 'error', maxChars: COMMENT_LIMIT - 200 });
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT - 200);
    expect(md).toContain('**Size over time**');
    expect(md).toContain('| this run |');
    expect(md).not.toContain('```mermaid');
  });
});

describe('the trend in the HTML report', () => {
  it('an inline SVG chart, the line and the table; nothing from the repository unescaped, no script but its own', () => {
    const page = renderHtml(report(0), { failOn: 'error' });
    expect(page).toContain('<section id="trend"><h2>Size over time</h2>');
    expect(page).toContain('<svg class="trend"');
    expect(page).toContain('This PR would make the image the largest it has been.');
    expect(page).not.toContain('<img src=x');
    expect(page.match(/<script/g)).toHaveLength(2); // the page's data and its one script, as without a trend
    expect(page).not.toMatch(/<script[^>]* src=/);
  });
});

describe.skipIf(!chromium)('the trend in the HTML report, in a browser', () => {
  it('draws the chart with no error, no request and no script but the page’s', {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-trend-html-'));
    const browser = await launchBrowser(chromium!);
    try {
      const file = join(dir, 'report.html');
      writeFileSync(file, renderHtml(report(0), { failOn: 'error' }));
      const { page, problems, requests } = await watchedPage(browser);
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      const chart = await page.$eval('svg.trend', (svg) => {
        const box = svg.getBoundingClientRect();
        return { width: box.width, points: svg.querySelectorAll('circle').length };
      });
      expect(chart.points).toBe(31);
      expect(chart.width).toBeGreaterThan(300);
      // The hostile head label is text in the page, not an element.
      expect(await page.$$('img')).toHaveLength(0);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('which runs record', () => {
  const event = (name: string, ref: string | undefined, defaultBranch: string | undefined): ActionEvent => ({
    name,
    owner: 'o',
    repo: 'r',
    sha: 'a'.repeat(40),
    pullRequest: null,
    before: null,
    ...(ref ? { ref } : {}),
    ...(defaultBranch ? { defaultBranch } : {}),
  });
  it.each([
    ['push', 'refs/heads/main', 'main', true],
    ['workflow_dispatch', 'refs/heads/main', 'main', true],
    ['push', 'refs/heads/feature', 'main', false],
    ['push', 'refs/tags/v1', 'main', false],
    ['push', 'refs/heads/main', undefined, false],
    ['pull_request', 'refs/pull/7/merge', 'main', false],
    ['schedule', 'refs/heads/main', 'main', false],
  ])('%s to %s (default branch %s): %s', (name, ref, def, records) => {
    expect(recordsHistory(event(name, ref, def))).toBe(records);
  });
});
