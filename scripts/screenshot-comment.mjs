// `npm run screenshot`: a PR comment as GitHub shows it, as a PNG for the README. Renders the comment's
// Markdown to HTML (marked, GitHub-flavoured) inside a page styled like a GitHub comment, with every
// <details> open, and photographs it with headless Chromium (Debian: apt-get install chromium).
// With --review, the review of suggestions image-guard posts, as a reviewer sees it (scripts/screenshot-review.mjs).
// With --trend, the size trend a PR comment shows against a history file (the sources' own renderers, bundled
// on the fly), its Mermaid chart drawn by Mermaid itself (the mermaid package's bundle, loaded from node_modules:
// nothing is fetched), as GitHub draws ```mermaid blocks.
//
//   node scripts/screenshot-comment.mjs [COMMENT.md] [--out PNG] [--width PX]
//   node scripts/screenshot-comment.mjs --review [REVIEW.json] [--out PNG] [--width PX]
//   node scripts/screenshot-comment.mjs --trend [HISTORY.jsonl] [--out PNG] [--width PX]
//     COMMENT.md     the comment's Markdown (default: demo-output/comment.md, which `npm run demo` writes)
//     REVIEW.json    a recorded review request (default: demo-output/review.json, which `npm run demo` and
//                    scripts/suggestion-request.mjs write)
//     HISTORY.jsonl  a size history as the history branch keeps it (default: examples/history/python-api.jsonl,
//                    an example history of the bundled example's image)
//     --out PNG      default docs/images/pr-comment.png, or docs/images/pr-suggestion.png with --review, or
//                    docs/images/size-trend.png with --trend
//     --width PX     the page width in CSS pixels (default 920); the height is the page's own
//
// Fonts: the page names GitHub's font stack; on Linux its fallbacks must be there (Debian: fonts-liberation2 for
// Arial, fonts-noto-color-emoji for the status marks), or digits and emoji come out of the wrong font.
// Environment: CHROMIUM, the browser binary (default: chromium, chromium-browser or google-chrome on PATH).
//
// The picture carries, as PNG text chunks, the image-guard version the comment's footer names
// (`image-guard-version`) and the file it was made from (`image-guard-source`): a test holds the README's
// picture to the package's version, so a picture of an older release is noticed. A review's picture also carries
// the version that recorded it, the SHA-256 of its request body without commit_id (`image-guard-request-sha256`:
// a test records the request again and compares) and the commented lines (`image-guard-comments`). A trend's
// picture carries the head it was drawn with (`image-guard-head`: label and size) and the SHA-256 of the Markdown
// it showed (`image-guard-markdown-sha256`): a test renders the trend again from the same file and compares.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { build } from 'esbuild';
import { marked } from 'marked';
import { reviewHtml } from './screenshot-review.mjs';
import { requestFingerprint } from './suggestion-request.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCALE = 2; // device pixels per CSS pixel: sharp on high-density screens, where most READMEs are read

function fail(message) {
  process.stderr.write(`screenshot: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    review: argv.includes('--review'),
    trend: argv.includes('--trend'),
    input: null,
    out: null,
    width: 920,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') options.out = resolve(argv[++i] ?? fail('--out needs a path'));
    else if (arg === '--width') options.width = Number(argv[++i]);
    else if (arg === '--review' || arg === '--trend') continue;
    else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else options.input = resolve(arg);
  }
  if (options.trend) {
    options.input ??= join(repo, 'examples/history/python-api.jsonl');
    options.out ??= join(repo, 'docs/images/size-trend.png');
  }
  options.input ??= join(repo, options.review ? 'demo-output/review.json' : 'demo-output/comment.md');
  options.out ??= join(repo, options.review ? 'docs/images/pr-suggestion.png' : 'docs/images/pr-comment.png');
  if (!Number.isInteger(options.width) || options.width < 320) fail('--width must be a whole number >= 320');
  return options;
}

function findChromium() {
  const candidates = process.env.CHROMIUM
    ? [process.env.CHROMIUM]
    : ['chromium', 'chromium-browser', 'google-chrome'];
  for (const name of candidates) {
    if (spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0) return name;
  }
  fail(`no Chromium found (tried ${candidates.join(', ')}): apt-get install chromium, or set CHROMIUM`);
}

// GitHub's comment view, reduced to what a comment of image-guard uses: its fonts and colours (Primer's light
// theme), the comment box with its header, tables, code, <details>, <sub>.
const STYLE = `
  * { box-sizing: border-box; }
  html { background: #ffffff; }
  body { margin: 0; padding: 16px; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans",
    Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; color: #1f2328; }
  .comment { border: 1px solid #d1d9e0; border-radius: 6px; }
  .header { display: flex; align-items: center; gap: 8px; padding: 8px 16px; background: #f6f8fa;
    border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
  .avatar { width: 20px; height: 20px; border-radius: 50%; background: #2da44e; color: #fff; font-size: 11px;
    font-weight: 600; display: inline-flex; align-items: center; justify-content: center; }
  .author { font-weight: 600; color: #1f2328; }
  .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 12px; font-weight: 500; }
  .markdown-body { padding: 16px; word-wrap: break-word; }
  .markdown-body > :first-child { margin-top: 0; }
  .markdown-body > :last-child { margin-bottom: 0; }
  h1, h2, h3, h4 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
  h3 { font-size: 1.25em; }
  p, table, details, ul, ol { margin: 0 0 16px; }
  ul, ol { padding-left: 2em; }
  a { color: #0969da; text-decoration: none; }
  code { padding: .2em .4em; font-size: 85%; background: rgba(129, 139, 152, .12); border-radius: 6px;
    font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; }
  pre { padding: 16px; background: #f6f8fa; border-radius: 6px; overflow: auto; font-size: 85%; }
  pre code { padding: 0; background: none; font-size: 100%; }
  table { border-collapse: collapse; border-spacing: 0; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  th { font-weight: 600; }
  /* Figures and the status column read on one line, as in GitHub's wider comment column. */
  td[align="right"], th[align="right"], td:first-child { white-space: nowrap; }
  tr { background: #ffffff; border-top: 1px solid #d1d9e0; }
  tr:nth-child(2n) { background: #f6f8fa; }
  summary { cursor: pointer; }
  details > :not(summary):first-of-type { margin-top: 16px; }
  sub { font-size: 75%; }
  strong { font-weight: 600; }
`;

function page(markdown, width) {
  // marked keeps the HTML a comment holds (<details>, <sub>, the sticky marker), as GitHub does.
  let body = marked.parse(markdown, { gfm: true, async: false }).replace(/<details>/g, '<details open>');
  // ```mermaid blocks: drawn by Mermaid, as GitHub draws them; the page's height is measured once they are.
  const mermaid = body.includes('class="language-mermaid"');
  body = body.replace(
    /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
    '<pre class="mermaid-chart">$1</pre>',
  );
  return htmlPage(
    width,
    STYLE,
    `<div class="comment">
  <div class="header"><span class="avatar">▶</span><span class="author">github-actions</span><span class="bot">bot</span>
    <span>commented</span></div>
  <div class="markdown-body">
${body}
  </div>
</div>`,
    mermaid,
  );
}

/** Mermaid's own bundle, and a script that draws every chart of the page before the page is measured. */
const MERMAID_SCRIPTS = `<script src="${pathToFileURL(join(repo, 'node_modules/mermaid/dist/mermaid.min.js')).href}"></script>
<script>
  mermaid.initialize({ startOnLoad: false, theme: 'default' });
  mermaid.run({ querySelector: '.mermaid-chart' }).then(measure, (e) => { document.title = 'mermaid: ' + e.message; });
</script>`;

/** The trend a PR comment shows for the history file, rendered by the sources' own functions; its head is fixed. */
const TREND_HEAD = { label: 'c0ffee1', size: 176_300_000 };
async function trendPage(text, width) {
  const result = await build({
    stdin: {
      contents: [
        "export { parseHistory, sizeTrend } from './src/history/record.ts';",
        "export { markdownTrend } from './src/render/trend.ts';",
        "export { VERSION } from './src/core/version.ts';",
      ].join('\n'),
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const dir = mkdtempSync(join(tmpdir(), 'image-guard-trend-'));
  let code;
  try {
    const file = join(dir, 'trend.mjs');
    writeFileSync(file, result.outputFiles[0].text);
    code = await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const records = code.parseHistory(text);
  const key = records.at(-1)?.key;
  if (!key) fail(`${relative(process.cwd(), options.input)} holds no history record`);
  const trend = code.sizeTrend(records, key, TREND_HEAD, `branch image-guard-history`);
  const markdown = `${code.markdownTrend(trend, { mermaid: true }).join('\n')}\n\n<sub>image-guard ${code.VERSION}</sub>\n`;
  return {
    html: page(markdown, width),
    version: code.VERSION,
    chunks: {
      'image-guard-head': `${TREND_HEAD.label} ${TREND_HEAD.size}`,
      'image-guard-markdown-sha256': createHash('sha256').update(markdown).digest('hex'),
    },
  };
}

function htmlPage(width, style, body, mermaid = false) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=${width}">
<style>${style}</style></head>
<body>
${body}
<script>function measure() { document.body.setAttribute('data-height', String(Math.ceil(document.documentElement.scrollHeight))); }</script>
${mermaid ? MERMAID_SCRIPTS : '<script>measure();</script>'}
</body></html>`;
}

function chromium(binary, profile, args) {
  const result = spawnSync(
    binary,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) fail(`${binary}: ${result.error.message}`);
  if (result.status !== 0)
    fail(`${binary} exited with ${result.status}: ${result.stderr.trim().split('\n').pop()}`);
  return result.stdout;
}

/** Refuses to make a picture with the wrong fonts, where fontconfig can say which are installed. */
function checkFonts() {
  const listed = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  if (listed.status !== 0) return; // no fontconfig: another system, which has its own fonts
  const lacking = [
    ['Liberation Sans', 'fonts-liberation2'],
    ['Noto Color Emoji', 'fonts-noto-color-emoji'],
  ].filter(([family]) => !listed.stdout.includes(family));
  if (lacking.length > 0) {
    const packages = lacking.map(([, name]) => name).join(' ');
    fail(`fonts missing (${lacking.map(([family]) => family).join(', ')}): apt-get install ${packages}`);
  }
}

/** The version in the comment's footer (`<sub>image-guard 1.2.3</sub>`); the picture is not made without one. */
function footerVersion(markdown) {
  const version = /<sub>image-guard ([0-9A-Za-z.+-]+)/.exec(markdown)?.[1];
  if (!version)
    fail(
      "the comment has no image-guard footer (<sub>image-guard VERSION…</sub>): is it one of image-guard's comments?",
    );
  return version;
}

/** The PNG with tEXt chunks (keyword, text: Latin-1) put right after its header chunk, replacing any of the same keyword. */
function withTextChunks(png, entries) {
  const signature = png.subarray(0, 8);
  const chunks = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    const type = png.toString('latin1', at + 4, at + 8);
    const keyword = type === 'tEXt' ? png.toString('latin1', at + 8, png.indexOf(0, at + 8)) : null;
    if (!(keyword !== null && keyword in entries)) chunks.push(png.subarray(at, end));
    at = end;
  }
  const text = Object.entries(entries).map(([keyword, value]) => {
    const data = Buffer.concat([
      Buffer.from(keyword, 'latin1'),
      Buffer.from([0]),
      Buffer.from(value, 'latin1'),
    ]);
    const typed = Buffer.concat([Buffer.from('tEXt', 'latin1'), data]);
    const chunk = Buffer.alloc(12 + data.length);
    chunk.writeUInt32BE(data.length, 0);
    typed.copy(chunk, 4);
    chunk.writeUInt32BE(crc32(typed), 8 + data.length);
    return chunk;
  });
  return Buffer.concat([signature, chunks[0], ...text, ...chunks.slice(1)]);
}

/** The review's page and what the picture records of it; a review that does not hold together fails in one line. */
function reviewPage(text, width) {
  let review;
  try {
    review = JSON.parse(text);
  } catch (error) {
    fail(`${relative(process.cwd(), options.input)} is not JSON: ${error.message}`);
  }
  const version = review?.imageGuardVersion;
  if (typeof version !== 'string' || !/^[0-9A-Za-z.+-]+$/.test(version))
    fail('the review names no imageGuardVersion: record it with node scripts/suggestion-request.mjs');
  let shown;
  try {
    shown = reviewHtml(review);
  } catch (error) {
    fail(error.message);
  }
  const { body } = review.request;
  return {
    html: htmlPage(width, STYLE + shown.style, shown.html),
    version,
    chunks: {
      'image-guard-request-sha256': requestFingerprint(body),
      'image-guard-comments': body.comments
        .map((c) => `${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}`)
        .join(' '),
    },
  };
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(options.input)) {
  const what = options.review ? 'a recorded review (scripts/suggestion-request.mjs)' : "a comment's Markdown";
  fail(
    `${relative(process.cwd(), options.input)} does not exist: run \`npm run demo\` first, or name ${what}`,
  );
}
const binary = findChromium();
checkFonts();
const work = mkdtempSync(join(tmpdir(), 'image-guard-screenshot-'));
try {
  const html = join(work, 'comment.html');
  const text = readFileSync(options.input, 'utf8');
  const shot = options.review
    ? reviewPage(text, options.width)
    : options.trend
      ? await trendPage(text, options.width)
      : { html: page(text, options.width), version: footerVersion(text), chunks: {} };
  const { version } = shot;
  writeFileSync(html, shot.html);
  const url = pathToFileURL(html).href;
  const size = (height) => `--window-size=${options.width},${height}`;
  // First the page's height at this width (its script writes it into the DOM), then the picture at that size.
  // Mermaid draws after the page loads: virtual time lets it finish before the DOM is read and the picture taken.
  const wait = options.trend ? ['--virtual-time-budget=10000', '--allow-file-access-from-files'] : [];
  const dom = chromium(binary, join(work, 'profile-measure'), [size(800), ...wait, '--dump-dom', url]);
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
  if (!Number.isFinite(height) || height <= 0) fail('could not measure the page');
  mkdirSync(dirname(options.out), { recursive: true });
  chromium(binary, join(work, 'profile-shot'), [
    size(height),
    `--force-device-scale-factor=${SCALE}`,
    ...wait,
    `--screenshot=${options.out}`,
    url,
  ]);
  if (!existsSync(options.out)) fail('Chromium wrote no screenshot');
  const source = relative(repo, options.input).split('\\').join('/');
  writeFileSync(
    options.out,
    withTextChunks(readFileSync(options.out), {
      'image-guard-version': version,
      'image-guard-source': source,
      ...shot.chunks,
    }),
  );
  process.stderr.write(
    `screenshot: ${relative(repo, options.out)} (${options.width}x${height} CSS px, x${SCALE}, image-guard ${version}) from ${source}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
