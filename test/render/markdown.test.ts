import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { buildReport } from '../../src/analysis/report.js';
import type { Finding } from '../../src/core/report.js';
import { COMMENT_LIMIT, renderMarkdown } from '../../src/render/markdown.js';
import { escapeMarkdown, escapeMessage, inlineCode } from '../../src/render/markdown-escape.js';
import { imageData, layer } from '../analysis/helpers.js';

describe('escaping untrusted text', () => {
  it('cannot mention, link, inject HTML or break a table', () => {
    const hostile =
      '@octocat <img src=x onerror=alert(1)> [x](https://evil) | **bold** `code` <!-- -->\nnext';
    const safe = escapeMarkdown(hostile);
    expect(safe).not.toMatch(/@octocat/);
    expect(safe).not.toContain('<');
    expect(safe).not.toMatch(/(^|[^\\])\|/);
    expect(safe).not.toMatch(/(^|[^\\])\[/);
    expect(safe).not.toContain('\n');
    expect(safe).not.toContain('https://');
  });

  it('inline code survives backticks and pipes and stays one line', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('a | b\nc')).toBe('`a \\| b c`');
    expect(inlineCode('x'.repeat(200), 10)).toBe(`\`${'x'.repeat(9)}…\``);
  });

  it('messages keep their quoted code and escape the rest', () => {
    expect(escapeMessage('`COPY . .` (line 6) hits @team')).toBe('`COPY . .` \\(line 6\\) hits @&#8203;team');
    expect(escapeMessage('odd ` count <b>')).toBe('odd \\` count &lt;b\\>');
  });
});

function report(findingCount: number, fileName = 'f') {
  const files = Array.from({ length: 40 }, (_, i) => `${fileName}${i}:${1000 + i}`);
  const head = analyzeImage(
    imageData([
      { createdBy: 'ADD rootfs', summary: layer(...files) },
      ...Array.from({ length: 60 }, (_, i) => ({
        createdBy: `RUN step ${i} ${'x'.repeat(100)}`,
        summary: layer(`${fileName}${i % 40}:5`),
      })),
    ]),
  );
  const findings: Finding[] = Array.from({ length: findingCount }, (_, i) => ({
    rule: 'IG004',
    name: 'pip-cache',
    severity: i % 2 ? 'warning' : 'error',
    message: `\`RUN pip install\` (line ${i + 1}) ${'keeps the cache '.repeat(10)}`,
    file: 'Dockerfile',
    line: i + 1,
    fix: 'Use `pip install --no-cache-dir`.',
    bytes: null,
  }));
  return buildReport({ head: head.image, base: null, findings, failOn: 'error' }).report;
}

describe('renderMarkdown', () => {
  it('has the status first, failing findings, and collapsed sections', () => {
    const md = renderMarkdown(report(3), { failOn: 'error', prefix: '<!-- image-guard:k -->' });
    const lines = md.split('\n');
    expect(lines[0]).toBe('<!-- image-guard:k -->');
    expect(lines[1]).toBe('### ❌ image-guard: failed: 2 errors');
    expect(md).toContain('**Findings that fail the check** (fail-on: error)');
    expect(md).toContain('`Dockerfile:1`');
    expect(md).toMatch(/<details>\n<summary>Layers \(61\): where the bytes are<\/summary>\n\n/);
    expect(md).toContain('<summary>Other findings (1, below fail-on)</summary>');
  });

  it('fits the comment limit by shrinking collapsed sections first, keeping the findings', () => {
    const big = report(150, 'p'.repeat(150));
    const full = renderMarkdown(big, { failOn: 'error' });
    expect(full.length).toBeGreaterThan(20_000);
    const max = 20_000;
    const md = renderMarkdown(big, {
      failOn: 'error',
      maxChars: max,
      fullReportHint: 'The full report is in the job summary.',
    });
    expect(md.length).toBeLessThanOrEqual(max);
    expect(md).toContain('The full report is in the job summary.');
    expect(md).toContain('**Findings that fail the check**');
    expect(md.match(/IG004/g)?.length).toBeGreaterThan(60);
    expect(md).toContain('… and ');
  });

  it('never exceeds the limit, whatever the report', () => {
    const huge = report(2000, 'q'.repeat(200));
    const md = renderMarkdown(huge, {
      failOn: 'error',
      maxChars: COMMENT_LIMIT,
      fullReportHint: 'See the job summary.',
    });
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md.startsWith('### ❌ image-guard')).toBe(true);
  });
});
