// The aggregate comment: a row per image, each image's own report collapsed under it, one status for all, and
// the comment limit kept by shortening the details, never the table.
import { describe, expect, it } from 'vitest';
import {
  buildAggregate,
  checkReports,
  type LoadedReport,
  parseReportFile,
} from '../../src/core/aggregate.js';
import { VERSION } from '../../src/core/version.js';
import { renderAggregate, severities } from '../../src/render/aggregate.js';
import { COMMENT_LIMIT, renderMarkdown } from '../../src/render/markdown.js';
import { statusLine } from '../../src/render/summary.js';
import { COMMIT, imageReport, loaded, threeImages } from './aggregate-fixtures.js';

const HINT = 'the full report is in the job summary of this run.';
const aggregateOf = (reports: LoadedReport[]) =>
  buildAggregate(reports, { commit: COMMIT, key: 'aggregate', version: VERSION, status: statusLine });
const render = (reports: LoadedReport[], maxChars?: number) => {
  const { aggregate, ordered } = aggregateOf(reports);
  return renderAggregate(aggregate, ordered, { fullReportHint: HINT, ...(maxChars ? { maxChars } : {}) });
};
/** The table's rows after its header, up to the blank line. */
const rowsOf = (md: string) => {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith('|---'));
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end);
};

describe('the aggregate report', () => {
  it('orders the images by key and sums up what each report says', () => {
    const { aggregate } = aggregateOf(threeImages());
    expect(aggregate.images.map((i) => i.key)).toEqual(['api', 'web', 'worker']);
    expect(aggregate.passed).toBe(false);
    const [api, web, worker] = aggregate.images;
    expect(api).toMatchObject({ passed: false, file: 'reports/api.json', title: 'api/Dockerfile' });
    expect(api!.status).toMatch(/^failed: max-size 5\.9 MB \(limit 4 MB\)$/);
    expect(web!.delta?.size).toBe(200_000);
    expect(web!.size).toBe(web!.baseSize! + 200_000);
    expect(worker!.delta).toBeNull();
    expect(worker!.baseUnavailable).toMatch(/new image/);
    // The linter's findings, counted by severity, for each image and for all.
    expect(worker!.findings.warning + worker!.findings.error + worker!.findings.info).toBeGreaterThan(0);
    const all = aggregate.images.reduce(
      (n, i) => n + i.findings.error + i.findings.warning + i.findings.info,
      0,
    );
    expect(aggregate.findings.error + aggregate.findings.warning + aggregate.findings.info).toBe(all);
    expect(aggregate).toMatchObject({
      schemaVersion: 1,
      kind: 'aggregate',
      commit: COMMIT,
      key: 'aggregate',
    });
  });
});

describe('renderAggregate', () => {
  it('has one status for all, a row per image and each image collapsed under the table', () => {
    const md = render(threeImages());
    expect(md.split('\n')[0]).toBe('### ❌ image-guard · 3 images: 1 failed \\(api\\)');
    const rows = rowsOf(md);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(
      /^\| `api`<br><sub>api\/Dockerfile<\/sub> \| 5\.9 MB \| \*\*\+3 MB\*\* \(\+\d+(\.\d+)?%\) \|/,
    );
    expect(rows[0]).toContain('❌ failed: max-size 5.9 MB \\(limit 4 MB\\)');
    expect(rows[1]).toMatch(/^\| `web`.* \| \*\*\+200 kB\*\* .*✅ passed \|$/);
    expect(rows[2]).toMatch(/^\| `worker`.* \| no base \|/);
    expect(md.match(/<details>\n<summary>[✅❌] /g)).toHaveLength(3);
    expect(md).toContain('<summary>❌ api: failed: max-size 5.9 MB (limit 4 MB)</summary>');
    // Each image's own report under it, without its own heading and footer.
    expect(md).toContain('**Budgets broken**');
    expect(md.match(/^### /gm)).toHaveLength(1);
    expect(md.match(/<sub>image-guard /g)).toHaveLength(1);
    // Every details element closed.
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
  });

  it('all passed: a green heading', () => {
    const md = render([threeImages()[0]!]);
    expect(md.split('\n')[0]).toBe('### ✅ image-guard · 1 image: passed');
  });

  it('counts findings by severity in a cell', () => {
    expect(severities({ error: 0, warning: 0, info: 0 })).toBe('none');
    expect(severities({ error: 2, warning: 0, info: 3 })).toBe('🔴 2 · ℹ️ 3');
  });

  it('escapes what the reports bring: a key or title cannot break the table or the summary', () => {
    const r = imageReport({
      key: 'a|b <img src=x>',
      title: 'x|y @team',
      baseBytes: 1,
      headBytes: 2,
      dockerfile: 'FROM busybox:1.36\nUSER nobody\n',
    });
    const md = render([loaded('r.json', r)]);
    const [row] = rowsOf(md);
    expect(row!.split(/(?<!\\)\|/)).toHaveLength(8);
    expect(md.replace(/`[^`\n]*`/g, '')).not.toContain('<img');
    expect(md).not.toMatch(/[^\\]@team/);
  });

  it('fits the limit by shortening the details, then a line each; the table stays whole', () => {
    const big = (key: string, findings: number) =>
      loaded(
        `${key}.json`,
        imageReport({
          key,
          baseBytes: 10_000_000,
          headBytes: 12_000_000,
          files: 400,
          dockerfile: `FROM python:3.13\n${Array.from({ length: findings }, (_, i) => `RUN pip install pkg${i}`).join('\n')}\nCOPY . /app\n`,
        }),
      );
    const reports = [big('one', 40), big('two', 60), big('three', 80)];
    const full = render(reports);
    const table = rowsOf(full);
    for (const max of [COMMENT_LIMIT - 200, 20_000, 6_000, 1_500]) {
      const md = render(reports, max);
      expect(md.length, `max ${max}`).toBeLessThanOrEqual(max);
      expect(rowsOf(md)).toEqual(table);
      expect(md.split('<details>').length).toBe(md.split('</details>').length);
    }
    expect(full.length).toBeGreaterThan(20_000);
    // Shortened: each image's report in its shortest forms, then the one line.
    expect(render(reports, 20_000)).toContain('Some sections were shortened to fit in a comment.');
    const tight = render(reports, 1_500);
    const cut =
      tight.match(/\nShortened to fit: the full report is in the job summary of this run\.\n/g) ?? [];
    const shortened = tight.match(/Some sections were shortened to fit in a comment\./g) ?? [];
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.length + shortened.length).toBe(3);
  });

  it('a short image keeps its details whole while a long one is shortened', () => {
    const small = threeImages()[0]!;
    const long = loaded(
      'long.json',
      imageReport({
        key: 'long',
        baseBytes: 1,
        headBytes: 9_000_000,
        files: 400,
        dockerfile: `FROM python:3.13\n${Array.from({ length: 80 }, (_, i) => `RUN pip install p${i}`).join('\n')}\n`,
      }),
    );
    const md = render([small, long], 12_000);
    const whole = renderMarkdown(small.report, {
      failOn: 'error',
      title: 'web/Dockerfile',
      nested: true,
      baseLabel: '0123abc',
      headLabel: 'a1b2c3d',
      unchecked: [],
      fullReportHint: HINT,
    });
    expect(md).toContain(whole);
    expect(md.length).toBeLessThanOrEqual(12_000);
  });
});

describe('the checks of the reports', () => {
  const run = { commit: COMMIT, version: VERSION };
  const text = (r: object) => JSON.stringify(r);

  it('refuses a report of another commit, naming the file', () => {
    const other = imageReport({
      key: 'x',
      baseBytes: 1,
      headBytes: 2,
      dockerfile: 'FROM a\n',
      commit: 'f'.repeat(40),
    });
    expect(() => checkReports([...threeImages(), loaded('reports/x.json', other)], run)).toThrow(
      'reports/x.json is a report of commit fffffff, and this run is of a1b2c3d: download the reports the image jobs of this same workflow run uploaded',
    );
  });

  it('refuses another major.minor version, takes another patch', () => {
    const [web] = threeImages();
    const [major, minor, patch] = VERSION.split('.').map(Number);
    const withVersion = (v: string) =>
      loaded('w.json', { ...web!.report, tool: { name: 'image-guard', version: v } });
    expect(() => checkReports([withVersion(`${major}.${minor! + 1}.0`)], run)).toThrow(
      `w.json was written by image-guard ${major}.${minor! + 1}.0 and this is ${VERSION}: reports are put together only by the same major.minor version`,
    );
    expect(() => checkReports([withVersion(`${major! + 1}.${minor}.${patch}`)], run)).toThrow(
      /w\.json was written/,
    );
    expect(() => checkReports([withVersion(`${major}.${minor}.${patch! + 3}`)], run)).not.toThrow();
  });

  it('refuses two reports of one comment key', () => {
    const [web] = threeImages();
    expect(() => checkReports([web!, { ...web!, file: 'copy/web.json' }], run)).toThrow(
      'reports/web.json and copy/web.json are both of comment key "web": give each image job its own comment-key',
    );
  });

  it('reads a report file, or says in one line what is wrong with it', () => {
    const [web] = threeImages();
    expect(parseReportFile('a.json', text(web!.report)).report.action.key).toBe('web');
    const bad = (file: string, t: string) => {
      try {
        parseReportFile(file, t);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(bad('a.json', '{"schemaVersion": 1,')).toMatch(/^a\.json is not JSON \(.+\)$/);
    expect(bad('b.json', '[1, 2]')).toMatch(/^b\.json is not an image-guard report/);
    expect(bad('c.json', text({ ...web!.report, tool: { name: 'other', version: '1' } }))).toMatch(
      /^c\.json is not an image-guard report/,
    );
    const { action: _, ...cli } = web!.report;
    expect(bad('d.json', text(cli))).toBe(
      "d.json has no action.commit and action.key: only reports the image-guard Action wrote (its report-file output) can be put in one comment, not the CLI's",
    );
    for (const message of ['a.json', 'b.json', 'c.json', 'd.json'].map((f) => bad(f, '{')))
      expect(message).not.toContain('\n');
  });
});
