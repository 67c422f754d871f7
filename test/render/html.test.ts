// The HTML report as a string (the browser tests open it): escaping, the page's JSON, the Content-Security-Policy
// that lets only the page's own script run, and the pages for reports without files or without an image.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { buildReport } from '../../src/analysis/report.js';
import { html, scriptJson } from '../../src/render/html/escape.js';
import { renderHtml } from '../../src/render/html/index.js';
import { imageData, layer } from '../analysis/helpers.js';

const EVIL = `</script><script>alert(1)</script><!--\u2028'"&`;

function page(files = true) {
  const data = imageData(
    [
      {
        createdBy: `RUN /bin/sh -c echo '${EVIL}' # buildkit`,
        summary: layer(`app/${EVIL.replace(/\//g, '')}:5`, 'b:9'),
      },
      { createdBy: 'RUN /bin/sh -c rm /b # buildkit', summary: layer('-b') },
    ],
    `img:${EVIL.length}`,
  );
  const analysis = analyzeImage(files ? data : { ...data, layers: null, layerSizes: [5, 0] });
  const { report } = buildReport({ head: analysis.image, base: null, findings: [], failOn: 'error' });
  return {
    report,
    text: renderHtml(report, { failOn: 'error', title: EVIL, explore: { head: analysis.explore } }),
  };
}

describe('renderHtml', () => {
  it('writes hostile names as text: no tag of theirs, no end of the data element', () => {
    const { text } = page();
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('<!--');
    expect(text.match(/<\/script>/g)).toHaveLength(2);
    expect(text).toContain(`<title>image-guard: ${html(EVIL)}</title>`);
  });

  it('the page JSON parses back to the explore data, names and all', () => {
    const { text } = page();
    const json = /<script type="application\/json" id="ig-data">(.*?)<\/script>/s.exec(text)![1]!;
    const data = JSON.parse(json);
    const app = data.tree[6].find((n: unknown[]) => n[0] === 'app');
    expect(app[6][0][0]).toBe(EVIL.replace(/\//g, ''));
    expect(scriptJson({ s: EVIL })).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(scriptJson({ s: EVIL }))).toEqual({ s: EVIL });
  });

  it('runs only its own script (CSP by hash) and fetches nothing', () => {
    const { text } = page();
    const script = /<script>(.*)<\/script>\n<\/body>/s.exec(text)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    // In the attribute, quotes are written as &#39;.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/
      .exec(text)![1]!
      .replace(/&#39;/g, "'");
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(text).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it('without files: the overview and layers, no tree or treemap; without an image: only the findings', () => {
    const { text } = page(false);
    expect(text).toContain('id="layers"');
    expect(text).not.toContain('id="fs-tree"');
    expect(text).not.toContain('id="treemap"');
    const lint = buildReport({ head: null, base: null, findings: [], failOn: 'error' }).report;
    const bare = renderHtml(lint, { failOn: 'error' });
    expect(bare).toMatch(/^<!DOCTYPE html>/);
    expect(bare).not.toContain('id="layers"');
  });
});
