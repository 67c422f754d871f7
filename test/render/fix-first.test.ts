import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/core/report.js';
import { fixFirst, fixFirstLine, fixFirstMarkdown } from '../../src/render/fix-first.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';

const finding = (rule: string, line: number | null, extra: Partial<Finding> = {}): Finding => ({
  rule,
  name: rule.toLowerCase(),
  severity: 'warning',
  message: `${rule} message`,
  file: line === null ? null : 'Dockerfile',
  line,
  fix: null,
  bytes: null,
  ...extra,
});

const FINDINGS: Finding[] = [
  finding('IG010', 1),
  finding('IG004', 14, { bytes: 0, measured: { layer: 4, paths: [] } }),
  finding('IG005', 10, { bytes: 95_445_409, measured: { layer: 2, paths: ['/var/lib/apt/lists'] } }),
  finding('IG008', 13, { bytes: 31_523, measured: { layer: 3, paths: ['/app/.git', '/app/node_modules'] } }),
  finding('IG012', 13, { bytes: 31_523, measured: { layer: 3, paths: ['/app/.git', '/app/node_modules'] } }),
  // a context figure (IG008 without a build) is not a measurement of the image
  finding('IG008', 20, { bytes: 5_000_000 }),
  finding('IG001', 10, {
    bytes: 215_000_000,
    measured: { layer: null, paths: [], packages: ['deb:gcc-12', 'deb:cpp-12', 'deb:libc6-dev', 'deb:make'] },
  }),
  finding('IG102', null, { bytes: 95_445_409 }),
];

describe('Fix first', () => {
  it('lists measured findings with bytes, biggest first, the same bytes once', () => {
    expect(fixFirst(FINDINGS).map(fixFirstLine)).toEqual([
      'IG001 line 10: 215 MB of build tooling packages (gcc-12, cpp-12, libc6-dev and 1 more)',
      'IG005 line 10: 95.4 MB of /var/lib/apt/lists in layer 2',
      'IG008, IG012 line 13: 31.5 kB of /app/.git, /app/node_modules in layer 3',
    ]);
  });

  it('keeps at most five', () => {
    const many = Array.from({ length: 8 }, (_, k) =>
      finding('IG005', k + 1, { bytes: (k + 1) * 1000, measured: { layer: k, paths: ['/var/cache/apt'] } }),
    );
    expect(fixFirst(many).map((i) => i.line)).toEqual([8, 7, 6, 5, 4]);
  });

  it('says nothing when nothing was measured', () => {
    expect(fixFirstMarkdown([finding('IG005', 3), finding('IG008', 4, { bytes: 10 })])).toEqual([]);
    const report = reportWith([finding('IG005', 3)]);
    expect(renderMarkdown(report, { failOn: 'error' })).not.toContain('Fix first');
  });

  it('is a section of the PR comment, paths as code, untrusted text escaped', () => {
    const evil = '/app/`x`|<img src=x>@someone';
    const report = reportWith([
      finding('IG012', 5, { bytes: 2_000_000, measured: { layer: 1, paths: [evil] } }),
      ...FINDINGS,
    ]);
    const md = renderMarkdown(report, { failOn: 'error' });
    expect(md).toContain('**Fix first**');
    expect(md).toContain('- IG005 line 10: 95.4 MB of `/var/lib/apt/lists` in layer 2');
    const line = md.split('\n').find((l) => l.startsWith('- IG012 line 5'))!;
    expect(line).not.toMatch(/[^\\]\|/);
    expect(line).toContain('``/app/`x`\\|<img src=x>@someone`` in layer 1');
  });

  it('the text report shows each measured cost next to its finding', () => {
    const text = renderText(reportWith(FINDINGS), { failOn: 'error', color: false });
    expect(text).toContain('[95.4 MB of /var/lib/apt/lists in layer 2]');
    expect(text).toContain('[0 B in layer 4]');
    expect(text).toContain('[5 MB]');
  });
});

function reportWith(findings: Finding[]): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'image-guard', version: '0' },
    head: null,
    base: null,
    baseUnavailable: null,
    delta: null,
    layers: [],
    findings,
    budgets: [],
    passed: true,
  };
}
