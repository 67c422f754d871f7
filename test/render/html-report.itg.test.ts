// The HTML report in a real browser (headless Chromium, Debian's `chromium`, driven by puppeteer-core): no
// console errors, no request but the page, the figures on the page equal the JSON report's, the trees expand
// on click, hostile names stay text, and a 100,000-file image gives a page within its size bound that opens
// in about a second. Screenshots and measurements are kept in test-output/ (gitignored).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/report.js';
import { type ImageLoader, main } from '../../src/cli/main.js';
import type { Image, Package, Report } from '../../src/core/report.js';
import type { ImageData, LayerEntry } from '../../src/image/model.js';
import { renderHtml } from '../../src/render/html/index.js';
import { imageData, layer } from '../analysis/helpers.js';
import { findChromium, launchBrowser, watchedPage } from '../support/browser.js';
import { captureIO } from '../support/cli-io.js';

const OUT = join(process.cwd(), 'test-output', 'html-report');
/** The size bound stated in docs/html-report.md for a 100,000-file image. */
const MAX_BYTES_100K = 1_500_000;

const chromium = findChromium();
if (!chromium && process.env.CI === 'true')
  throw new Error('no Chromium: apt-get install chromium, or set CHROMIUM');

// Names hold no `/` (the merge would read it as a directory); the instruction has a whole `</script>`.
const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_DIR = '<script>alert(2)<!--';
const HOSTILE_RUN = '</script><script>alert(3)</script>';

const base = imageData(
  [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:aa in /',
      summary: layer('bin/', 'bin/busybox:1000000'),
      diffId: 'sha256:os',
    },
    {
      createdBy: 'RUN /bin/sh -c apt-get install -y gcc # buildkit',
      summary: layer('usr/', 'usr/bin/', 'usr/bin/gcc:800000', 'var/lib/apt/lists/x:30000'),
    },
  ],
  'app:main',
);
const head = imageData(
  [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:aa in /',
      summary: layer('bin/', 'bin/busybox:1000000'),
      diffId: 'sha256:os',
    },
    { createdBy: '/bin/sh -c #(nop)  ENV PIP_NO_CACHE_DIR=1', empty: true },
    {
      createdBy: `RUN /bin/sh -c echo "${HOSTILE_RUN}" # buildkit`,
      summary: layer(
        'app/',
        'app/main.py:4000',
        `app/${HOSTILE}:123`,
        `${HOSTILE_DIR}/`,
        `${HOSTILE_DIR}/f:77`,
        'tmp/big:50000',
      ),
    },
    {
      createdBy: 'RUN /bin/sh -c rm -rf /tmp/big # buildkit',
      summary: layer('-tmp/big', 'venv/', 'venv/lib:410000'),
    },
  ],
  'app:pr',
);

function loaderOf(images: ImageData[]): ImageLoader {
  return {
    async load(ref) {
      const found = images.find((i) => i.ref === ref);
      if (!found) throw new Error(`image ${ref} not found`);
      return found;
    },
  };
}

async function cli(argv: string[], images: ImageData[]): Promise<string> {
  const t = captureIO();
  await main(argv, t.io, {
    loader: loaderOf(images),
    lintDockerfile: async () => ({ findings: [], judged: null }),
  });
  expect(t.err()).toBe('');
  return t.out();
}

/** The value at a figure's key in the JSON report (`head.files.wastedBytes`, `base.layers.2.size`). */
function figureOf(report: Report, key: string): unknown {
  if (key === 'head.layers' || key === 'base.layers') {
    const image = key.startsWith('head') ? report.head : report.base;
    return image?.layers.filter((l) => !l.empty).length;
  }
  let value: unknown = report;
  for (const part of key.split('.')) value = (value as Record<string, unknown> | null)?.[part];
  return value;
}

async function open(browser: Browser, file: string, name: string) {
  const watched = await watchedPage(browser);
  const url = pathToFileURL(file).href;
  const started = performance.now();
  await watched.page.goto(url, { waitUntil: 'load' });
  await watched.page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  const ms = performance.now() - started;
  await watched.page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  return { ...watched, url, ms };
}

/** Clicks the expand button of the tree row at `path` in the tree `#id`. */
async function expand(page: Page, id: string, path: string): Promise<void> {
  const button = await page.$(`#${id} .row[data-path="${CSS.escape(path)}"] button.tw`);
  expect(button, `row ${path}`).not.toBeNull();
  await button!.click();
}

const CSS = { escape: (s: string) => s.replace(/["\\]/g, '\\$&') };

const rowPaths = (page: Page, id: string) =>
  page.$$eval(`#${id} .row[data-path]`, (rows) => rows.map((r) => r.getAttribute('data-path')));

describe.skipIf(!chromium)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchBrowser(chromium!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the JSON report’s figures, expands the tree on click and keeps hostile names as text', async () => {
    const argv = ['compare', '--head', 'app:pr', '--base', 'app:main'];
    const report = JSON.parse(await cli([...argv, '--format', 'json'], [base, head])) as Report;
    const page = await cli([...argv, '--format', 'html'], [base, head]);
    for (const text of [HOSTILE, HOSTILE_DIR, HOSTILE_RUN, '<img']) expect(page).not.toContain(text);
    const file = join(OUT, 'compare.html');
    writeFileSync(file, page);
    const { page: p, problems, requests, url } = await open(browser, file, 'compare');
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);

    // Every figure the page marks equals the JSON report's.
    const figures = await p.$$eval('[data-figure]', (els) =>
      els.map((e) => [e.getAttribute('data-figure'), e.getAttribute('data-value')] as const),
    );
    const checked = figures.filter(([key]) => !key.startsWith('changes.'));
    expect(checked.length).toBeGreaterThanOrEqual(14);
    for (const [key, value] of checked) expect(String(figureOf(report, key)), key).toBe(value);
    for (const key of [
      'head.size',
      'base.size',
      'delta.size',
      'head.files.wastedBytes',
      'head.layers.3.size',
    ])
      expect(checked.map(([k]) => k)).toContain(key);

    // The tree: top-level directories first; a click shows a directory's children, a second hides them.
    // (/tmp weighs the 50 kB its deleted file wasted.)
    expect(await rowPaths(p, 'fs-tree')).toEqual(['/bin', '/venv', '/tmp', '/app', `/${HOSTILE_DIR}`]);
    await expand(p, 'fs-tree', '/app');
    expect(await rowPaths(p, 'fs-tree')).toEqual([
      '/bin',
      '/venv',
      '/tmp',
      '/app',
      '/app/main.py',
      `/app/${HOSTILE}`,
      `/${HOSTILE_DIR}`,
    ]);
    const hostileRow = await p.$eval(
      `#fs-tree .row[data-path="/app/${HOSTILE}"] .name`,
      (e) => e.textContent,
    );
    expect(hostileRow).toBe(HOSTILE);
    // The file's size on the page is the JSON report's (largest files).
    const mainPy = report.head!.files!.largest.find((f) => f.path === '/app/main.py')!;
    expect(
      await p.$eval('#fs-tree .row[data-path="/app/main.py"] .n', (e) => e.getAttribute('data-value')),
    ).toBe(String(mainPy.size));
    // A deleted path that wasted bytes is shown struck, with the bytes the JSON report counts as wasted.
    await expand(p, 'fs-tree', '/tmp');
    const big = report.head!.files!.wasted.find((w) => w.path === '/tmp/big')!;
    expect(
      await p.$eval('#fs-tree .row.gone[data-path="/tmp/big"] .w', (e) => e.getAttribute('data-value')),
    ).toBe(String(big.bytes));
    await expand(p, 'fs-tree', '/app');
    expect(await rowPaths(p, 'fs-tree')).not.toContain('/app/main.py');

    // The treemap drew a block per top-level directory with bytes, and zooms on click.
    const blocks = await p.$$eval('#treemap svg > g title', (ts) => ts.map((t) => t.textContent));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.some((b) => b?.startsWith('venv:'))).toBe(true);
    await p.click('#treemap svg > g:first-child rect');
    expect(await p.$$eval('#treemap .crumbs button', (bs) => bs.length)).toBe(2);

    // The diff against the base, as a tree: every changed file the JSON report lists, with its delta.
    expect(report.diff?.files.length).toBeGreaterThan(0);
    for (let round = 0; round < 10; round++) {
      const closed = await p.$$('#diff-tree button.tw[aria-expanded="false"]');
      if (closed.length === 0) break;
      await closed[0]!.click();
    }
    for (const f of report.diff!.files) {
      const delta = await p.$eval(`#diff-tree .row[data-path="${CSS.escape(f.path)}"] .n:last-child`, (e) =>
        e.getAttribute('data-value'),
      );
      expect(delta, f.path).toBe(String(f.delta));
    }
    expect(await rowPaths(p, 'diff-tree')).toContain('/usr/bin/gcc');

    // Per layer, what it added, changed and deleted.
    await p.$$eval('details.chg', (ds) => {
      for (const d of ds) d.setAttribute('open', '');
    });
    const layerText = await p.$eval('#layers', (e) => e.textContent ?? '');
    expect(layerText).toContain('/tmp/big');
    expect(layerText).toContain(HOSTILE);
    expect(layerText).toContain(HOSTILE_RUN);
    await p.screenshot({ path: join(OUT, 'compare-expanded.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(await p.$$eval('img, script:not(#ig-data)', (e) => e.length)).toBe(1);
  });

  it('a 100,000-file image gives a page within its bound that opens in about a second', async () => {
    const image = bigImage(101_200, 12);
    const html = await cli(['analyze', 'big:1', '--format', 'html'], [image]);
    const report = JSON.parse(await cli(['analyze', 'big:1', '--format', 'json'], [image])) as Report;
    expect(report.head!.files!.fileCount).toBeGreaterThanOrEqual(100_000);
    const bytes = Buffer.byteLength(html);
    const file = join(OUT, 'files-100k.html');
    writeFileSync(file, html);
    // Opened twice: the first run pays Chromium's own start-up of a renderer.
    await open(browser, file, 'files-100k-warmup');
    const { page: p, problems, ms } = await open(browser, file, 'files-100k');
    const rows = await p.$$eval('#fs-tree .row[data-path]', (r) => r.length);
    writeFileSync(
      join(OUT, 'files-100k.txt'),
      `files: ${report.head!.files!.fileCount}\nhtml bytes: ${bytes}\nopen to ready: ${ms.toFixed(0)} ms\n`,
    );
    expect(problems).toEqual([]);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES_100K);
    expect(rows).toBeGreaterThan(0);
    // About a second on a quiet machine; the bound leaves room for a busy CI runner.
    expect(ms).toBeLessThan(4_000);
    expect(await p.$eval('[data-figure="head.files.fileCount"]', (e) => e.getAttribute('data-value'))).toBe(
      String(report.head!.files!.fileCount),
    );
  });
});

/** An image of `files` files in `layers` layers, ~100 files a directory, some overwritten and deleted. */
function bigImage(files: number, layers: number): ImageData {
  const perLayer = Math.ceil(files / layers);
  const specs = [];
  for (let l = 0; l < layers; l++) {
    const entries: LayerEntry[] = [];
    for (let i = 0; i < perLayer; i++) {
      const dir = `usr/lib/pkg-${l}/sub-${Math.floor(i / 100)}`;
      if (i % 100 === 0) entries.push({ path: dir, kind: 'dir', size: 0 });
      entries.push({
        path: `${dir}/file-${i}.so`,
        kind: 'file',
        size: ((i * 7919 + l * 104729) % 200_000) + 1,
      });
    }
    // Each layer writes again a few files of the one below and deletes one directory of it.
    if (l > 0)
      for (let i = 0; i < 50; i++)
        entries.push({ path: `usr/lib/pkg-${l - 1}/sub-1/file-${100 + i}.so`, kind: 'file', size: 10 });
    const summary = {
      entries,
      whiteouts: l > 0 ? [`usr/lib/pkg-${l - 1}/sub-2`] : [],
      opaqueDirs: [],
      size: 0,
    };
    summary.size = entries.reduce((n, e) => n + e.size, 0);
    specs.push({ createdBy: `RUN /bin/sh -c make layer-${l} # buildkit`, summary });
  }
  return imageData(specs, 'big:1');
}

describe.skipIf(!chromium)('the packages table in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchBrowser(chromium!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pkg = (
    name: string,
    version: string,
    bytes: number,
    ecosystem: Package['ecosystem'] = 'deb',
  ): Package => ({
    ecosystem,
    name,
    version,
    location: ecosystem === 'deb' ? '/var/lib/dpkg/status' : `/app/node_modules/${name}/package.json`,
    bytes,
    bytesFrom: 'files',
  });
  const image = (id: string, packages: Package[]): Image => ({
    ref: `app:${id}`,
    id: `sha256:${id.padEnd(64, '0')}`,
    size: 1000,
    layers: [],
    files: null,
    packages,
  });

  it('sorts by a clicked column, filters by text and by change, and keeps hostile names as text', async () => {
    const base = [
      pkg('gcc-12', '12.2.0-14', 70_000),
      pkg('cpp-12', '12.2.0-14', 30_000),
      pkg('libc6', '2.36-9+deb12u3', 12_000),
      pkg(HOSTILE, '1.0', 5),
      pkg('zlib1g', '1:1.2.13.dfsg-1', 900),
    ];
    const head = [
      pkg('libc6', '2.36-9+deb12u4', 12_500),
      pkg('zlib1g', '1:1.2.13.dfsg-1', 700),
      pkg('left-pad', '1.3.0', 2_000, 'npm'),
    ];
    const { report } = buildReport({
      head: image('pr', head),
      base: image('main', base),
      findings: [],
      failOn: 'error',
    });
    const file = join(OUT, 'packages.html');
    writeFileSync(file, renderHtml(report, { failOn: 'error' }));
    const { page: p, problems, requests, url } = await open(browser, file, 'packages');
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    const names = () =>
      p.$$eval('#pkg-table tbody tr', (rows) =>
        rows.filter((r) => !r.hidden).map((r) => r.cells[0]!.textContent),
      );
    // As the report orders them: biggest |delta| first.
    expect(await names()).toEqual(['gcc-12', 'cpp-12', 'left-pad', 'libc6', 'zlib1g', HOSTILE]);
    const click = async (column: string) => {
      const headers = await p.$$('#pkg-table thead th button');
      const labels = await Promise.all(headers.map((h) => h.evaluate((b) => b.textContent)));
      await headers[labels.indexOf(column)]!.click();
    };
    await click('package');
    expect(await names()).toEqual([HOSTILE, 'cpp-12', 'gcc-12', 'left-pad', 'libc6', 'zlib1g']);
    await click('package');
    expect(await names()).toEqual(['zlib1g', 'libc6', 'left-pad', 'gcc-12', 'cpp-12', HOSTILE]);
    // Numbers sort as numbers, biggest first on the first click: +2,000, +500, −5, −200, −30,000, −70,000.
    await click('delta');
    expect(await names()).toEqual(['left-pad', 'libc6', HOSTILE, 'zlib1g', 'cpp-12', 'gcc-12']);
    // A missing side (added, removed) sorts below every number.
    await click('head bytes');
    expect((await names()).slice(0, 3)).toEqual(['libc6', 'left-pad', 'zlib1g']);

    await p.type('#pkg-filter', '12.2.0');
    expect((await names()).sort()).toEqual(['cpp-12', 'gcc-12']);
    expect(await p.$eval('#pkg-shown', (e) => e.textContent)).toBe('2 of 6 shown');
    await p.click('#pkg-filter', { clickCount: 3 });
    await p.keyboard.press('Backspace');
    await p.click('input.pkg-kind[value="removed"]');
    expect((await names()).sort()).toEqual(['left-pad', 'libc6', 'zlib1g']);
    // The hostile name is text in the page, not an element.
    expect(await p.$$('#pkg-table img')).toEqual([]);
    // The page's figures are the report's.
    const figures = await p.$$eval('#packages [data-figure]', (els) =>
      els.map((e) => [e.getAttribute('data-figure'), Number(e.getAttribute('data-value'))] as const),
    );
    expect(figures.length).toBeGreaterThan(1);
    for (const [key, value] of figures) expect(value, key!).toBe(figureOf(report, key!));
  });
});
