// The README's picture of the PR comment is made by `npm run screenshot` from a comment image-guard wrote, and
// says in its PNG text chunks which version's footer it showed: a picture of an older release fails here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../support/browser.js';

const root = resolve(import.meta.dirname, '../..');
const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
const tmp = mkdtempSync(join(tmpdir(), 'ig-picture-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const chromium = findChromium();

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

// The picture of a review suggestion (docs/images/pr-suggestion.png) is made by `npm run screenshot -- --review`
// from the review request scripts/suggestion-request.mjs records. It says in its text chunks which version
// recorded it and the SHA-256 of the request body it showed: recorded again from the current code, a different
// body means the picture is stale.
describe("the README's picture of a review suggestion", () => {
  const picture = join(root, 'docs/images/pr-suggestion.png');
  /** SHA-256 of the body's JSON without commit_id, computed here and not with the script's own function. */
  const fingerprint = (body: Record<string, unknown>) => {
    const { commit_id: _commit, ...shown } = body;
    return createHash('sha256').update(JSON.stringify(shown)).digest('hex');
  };
  interface ReviewBody {
    commit_id: string;
    event: string;
    body: string;
    comments: { path: string; line: number; start_line?: number; side: string; body: string }[];
  }
  let recorded: { imageGuardVersion: string; request: { path: string; body: ReviewBody } } | undefined;
  const record = () => {
    if (recorded) return recorded;
    const out = join(tmp, 'recorded/review.json');
    const run = spawnSync(process.execPath, [join(root, 'scripts/suggestion-request.mjs'), '--out', out], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    recorded = JSON.parse(readFileSync(out, 'utf8'));
    return recorded!;
  };

  it("shows the package's version, made from the demo's recorded review", () => {
    const text = pngText(readFileSync(picture));
    expect(text['image-guard-version']).toBe(packageVersion);
    expect(text['image-guard-source']).toBe('demo-output/review.json');
    expect(text['image-guard-request-sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows the review the current code sends for the example', { timeout: 120_000 }, () => {
    const review = record();
    expect(review.imageGuardVersion).toBe(packageVersion);
    expect(review.request.path).toBe('/repos/example/python-api/pulls/1/reviews');
    const { body } = review.request;
    expect(body.event).toBe('COMMENT');
    const text = pngText(readFileSync(picture));
    expect(
      text['image-guard-request-sha256'],
      'stale picture: node scripts/suggestion-request.mjs, then npm run screenshot -- --review',
    ).toBe(fingerprint(body as unknown as Record<string, unknown>));
    expect(text['image-guard-comments']).toBe(
      body.comments.map((c) => `${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}`).join(' '),
    );
  });

  it('the recorded suggestions, all committed, make the file `lint --fix` writes', {
    timeout: 120_000,
  }, () => {
    const { body } = record().request;
    const original = readFileSync(join(root, 'examples/python-api/Dockerfile.single'), 'utf8');
    const lines = original.replace(/\n$/, '').split('\n');
    // from the last to the first, so that earlier line numbers still hold
    for (const c of [...body.comments].sort((a, b) => b.line - a.line)) {
      const block = /```suggestion\n([\s\S]*?)\n```\n/.exec(c.body)?.[1];
      expect(block, c.body).toBeDefined();
      const first = c.start_line ?? c.line;
      lines.splice(first - 1, c.line - first + 1, ...block!.split('\n'));
    }
    const copy = join(tmp, 'fixed');
    cpSync(join(root, 'examples/python-api'), copy, { recursive: true });
    const fix = spawnSync(
      process.execPath,
      [join(root, 'dist/cli.js'), 'lint', '--fix', join(copy, 'Dockerfile.single'), '--context', copy],
      { encoding: 'utf8' },
    );
    expect([0, 1], fix.stderr).toContain(fix.status);
    expect(`${lines.join('\n')}\n`).toBe(readFileSync(join(copy, 'Dockerfile.single'), 'utf8'));
    expect(body.comments.length).toBeGreaterThanOrEqual(2);
  });

  it('is shown in the README, near the suggestions input, and in docs/rules.md', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/<img src="docs\/images\/pr-suggestion\.png" [^>]*alt="[^"]+">/);
    expect(readme.indexOf('docs/images/pr-suggestion.png')).toBeGreaterThan(
      readme.indexOf('| `suggestions` |'),
    );
    const rules = readFileSync(join(root, 'docs/rules.md'), 'utf8');
    expect(rules).toMatch(/<img src="images\/pr-suggestion\.png" [^>]*alt="[^"]+">/);
    expect(rules.indexOf('images/pr-suggestion.png')).toBeGreaterThan(rules.indexOf('## Mechanical fixes'));
  });

  // A small review: a two-line suggestion on lines 2-3 of a file whose diff changed line 3.
  const small = {
    imageGuardVersion: '9.8.7-rc.1',
    request: {
      method: 'POST',
      path: '/repos/o/r/pulls/7/reviews',
      body: {
        commit_id: 'a'.repeat(40),
        event: 'COMMENT',
        body: 'image-guard suggests a fix',
        comments: [
          {
            path: 'app/Dockerfile',
            body: '<!-- image-guard:suggestion key=k id=IG004@2-3 -->\n**IG004 pip-cache** (warning): no `--no-cache-dir`\n\n```suggestion\nRUN pip install --no-cache-dir a \\\n    b\n```\n',
            line: 3,
            side: 'RIGHT',
            start_line: 2,
            start_side: 'RIGHT',
          },
        ],
      },
    },
    files: [
      {
        filename: 'app/Dockerfile',
        patch: '@@ -1,3 +1,3 @@\n FROM busybox\n RUN pip install a \\\n-    c\n+    b',
      },
    ],
  };

  it('draws each comment as GitHub does: file, hunk, Markdown, the suggested change', async () => {
    const page = join(root, 'scripts/screenshot-review.mjs');
    const { reviewHtml } = (await import(pathToFileURL(page).href)) as {
      reviewHtml(review: unknown): { html: string };
    };
    const { html } = reviewHtml(small);
    expect(html).toContain('app/Dockerfile');
    // the hunk up to the commented line: the context line, the removed and the added one
    expect(html).toMatch(/<tr class="ctx"><td class="num">1<\/td><td class="num">1<\/td>/);
    expect(html).toMatch(/<tr class="del"><td class="num">3<\/td><td class="num"><\/td>/);
    expect(html).toContain('<strong>IG004 pip-cache</strong>');
    expect(html).not.toContain('```suggestion');
    const suggestion = html.slice(html.indexOf('Suggested change'));
    // lines 2-3 as the diff has them, going; the suggestion's two lines coming, numbered from 2
    expect(suggestion).toMatch(/<tr class="del"><td class="num">2<\/td>.*RUN pip install /);
    expect(suggestion).toMatch(/<tr class="del"><td class="num">3<\/td>.*b<\/td>/);
    expect(suggestion).toMatch(
      /<tr class="add"><td class="num"><\/td><td class="num">2<\/td>.*--no-cache-dir/,
    );
    expect(suggestion).toContain('Commit suggestion');
    expect(() => reviewHtml({ ...small, files: [] })).toThrow(/app\/Dockerfile/);
  });

  const shoot = (input: string, out: string) =>
    spawnSync(
      process.execPath,
      [join(root, 'scripts/screenshot-comment.mjs'), '--review', input, '--out', out],
      {
        encoding: 'utf8',
        env: { ...process.env, ...(chromium ? { CHROMIUM: chromium } : {}) },
        timeout: 120_000,
      },
    );

  it.skipIf(!chromium)(
    'npm run screenshot -- --review records the version, the body and the lines it rendered',
    { timeout: 240_000 },
    () => {
      const input = join(tmp, 'small-review.json');
      writeFileSync(input, JSON.stringify(small));
      const out = join(tmp, 'review.png');
      const run = shoot(input, out);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain('image-guard 9.8.7-rc.1');
      const text = pngText(readFileSync(out));
      expect(text['image-guard-version']).toBe('9.8.7-rc.1');
      expect(text['image-guard-source']).toMatch(/small-review\.json$/);
      expect(text['image-guard-request-sha256']).toBe(fingerprint(small.request.body));
      expect(text['image-guard-comments']).toBe('app/Dockerfile:2-3');
    },
  );

  it.skipIf(!chromium)(
    'refuses a comment on a line the diff lacks, in one line',
    { timeout: 120_000 },
    () => {
      const input = join(tmp, 'off-diff.json');
      const off = structuredClone(small);
      off.request.body.comments[0]!.line = 9;
      writeFileSync(input, JSON.stringify(off));
      const run = shoot(input, join(tmp, 'off-diff.png'));
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toMatch(/^screenshot: line 9 of app\/Dockerfile is not on the diff$/);
    },
  );
});
