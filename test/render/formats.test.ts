// The formats other systems read, held to each consumer's published rules: JUnit to the XSD Jenkins' xUnit
// plugin validates with, checkstyle to its report's shape written out as a schema (checkstyle publishes none),
// GitLab Code Quality to the fields GitLab documents, GitHub workflow commands to what the Actions toolkit writes.
// The schemas are in test/fixtures/formats (README there: sources and licences).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runLintCommand } from '../../src/cli/lint-command.js';
import { type ImageLoader, main } from '../../src/cli/main.js';
import { FORMATS } from '../../src/config/settings.js';
import type { Finding, Report } from '../../src/core/report.js';
import { RULES } from '../../src/lint/rules/index.js';
import { escapeData, escapeProperty } from '../../src/render/formats/github.js';
import { INTERCHANGE_FORMATS, renderInterchange } from '../../src/render/formats/index.js';
import type { FormatContext } from '../../src/render/formats/items.js';
import { imageData, layer } from '../analysis/helpers.js';
import { captureIO } from '../support/cli-io.js';
import { validateGitlab, xmlErrors } from '../support/format-schemas.js';

const root = join(import.meta.dirname, '../..');

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'IG005',
  name: 'os-package-cache',
  severity: 'warning',
  message: 'the package index stays in the layer',
  file: 'Dockerfile',
  line: 3,
  fix: 'Append `&& rm -rf /var/lib/apt/lists/*`.',
  bytes: 45_000_000,
  ...over,
});

/** Text a Dockerfile or an image could hand a finding: markup, quotes, line ends, controls, command syntax. */
const HOSTILE = `a <b> & "c" 'd' ]]> %25 :: , \r\n::error::injected\u0001\u0008\u001b[31m\t\uFFFE \uD800 end`;

function report(findings: Finding[], budgets: Report['budgets'] = []): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'image-guard', version: '1.0.0' },
    head: null,
    base: null,
    baseUnavailable: null,
    delta: null,
    layers: [],
    findings,
    budgets,
    passed: budgets.every((b) => b.passed) && !findings.some((f) => f.severity === 'error'),
  };
}

const ctx: FormatContext = { failOn: 'warning', dockerfile: 'Dockerfile', rules: RULES };

const sample = report(
  [
    finding({}),
    finding({ rule: 'IG010', name: 'non-root', severity: 'error', line: 1, fix: null, bytes: null }),
    finding({ rule: 'IG012', name: 'copy-all-final', severity: 'info', line: 7 }),
    finding({
      rule: 'IG104',
      name: 'secret-in-image',
      file: null,
      line: null,
      message: HOSTILE,
      fix: HOSTILE,
    }),
  ],
  [
    { name: 'max-size', limit: 100_000_000, actual: 250_000_000, passed: false, unit: 'bytes' },
    { name: 'max-layers', limit: 10, actual: 4, passed: true, unit: 'layers' },
  ],
);

describe('the formats --format takes', () => {
  it('every command takes each of them, and each has a renderer', () => {
    for (const list of Object.values(FORMATS))
      expect(list).toEqual(expect.arrayContaining(INTERCHANGE_FORMATS));
    expect(INTERCHANGE_FORMATS.sort()).toEqual(['checkstyle', 'github', 'gitlab', 'junit']);
  });
});

describe('junit', () => {
  it('is valid against the JUnit XSD Jenkins reads, and the XSD catches what it must', async () => {
    const xml = renderInterchange('junit', sample, ctx);
    expect(await xmlErrors(xml, 'junit-10.xsd')).toEqual([]);
    // the schema can fail: a test suite without its required counts
    expect(await xmlErrors('<testsuites><testsuite name="x"/></testsuites>', 'junit-10.xsd')).not.toEqual([]);
  });

  it('one test case per rule and per budget; failures for findings at or above fail-on and broken budgets', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      renderInterchange('junit', sample, ctx),
    );
    const [rules, budgets] = doc.testsuites.testsuite;
    expect(rules.testcase).toHaveLength(RULES.length + 1); // IG104 is a content rule, not in the list given
    const byName = (suite: { testcase: { name: string }[] }, name: string) =>
      suite.testcase.find((c) => c.name.startsWith(name)) as Record<string, unknown>;
    expect(byName(rules, 'IG005').failure).toBeDefined(); // warning, fail-on warning
    expect(byName(rules, 'IG010').failure).toBeDefined();
    expect(byName(rules, 'IG012').failure).toBeUndefined(); // info: below fail-on, listed in system-out
    expect(byName(rules, 'IG012')['system-out']).toContain('Dockerfile:7: info:');
    expect(byName(rules, 'IG001').failure).toBeUndefined();
    expect(byName(budgets, 'budget max-size').failure).toBeDefined();
    expect(byName(budgets, 'budget max-layers').failure).toBeUndefined();
    expect(rules.failures).toBe('3');
    expect(doc.testsuites.failures).toBe('4');
    expect(doc.testsuites.tests).toBe(String(RULES.length + 1 + 2));
  });

  it('untrusted text survives as text: escaped, and what XML cannot carry written visibly', () => {
    const xml = renderInterchange('junit', sample, ctx);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be in the document
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true }).parse(
      xml,
    );
    const ig104 = doc.testsuites.testsuite[0].testcase.find((c: { name: string }) =>
      c.name.startsWith('IG104'),
    );
    const expected = HOSTILE.replace('\u0001', '\\u0001')
      .replace('\u0008', '\\u0008')
      .replace('\u001b', '\\u001B')
      .replace('\uFFFE', '\\uFFFE')
      .replace('\uD800', '\\uD800');
    expect(ig104.failure.message).toBe(expected);
    expect(ig104.failure['#text']).toContain(`Fix: ${expected}`);
  });
});

describe('checkstyle', () => {
  it("is valid against checkstyle's report shape, and the schema catches what it must", async () => {
    const xml = renderInterchange('checkstyle', sample, ctx);
    expect(await xmlErrors(xml, 'checkstyle.xsd')).toEqual([]);
    expect(await xmlErrors(renderInterchange('checkstyle', report([]), ctx), 'checkstyle.xsd')).toEqual([]);
    expect(
      await xmlErrors(
        '<checkstyle version="4.3"><file name="a"><error line="0" severity="bad"/></file></checkstyle>',
        'checkstyle.xsd',
      ),
    ).toHaveLength(4);
  });

  it('an error per finding and broken budget, grouped by file, with its rule as source', () => {
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => n === 'error' || n === 'file',
    }).parse(renderInterchange('checkstyle', sample, ctx));
    expect(doc.checkstyle.file).toHaveLength(1);
    const errors = doc.checkstyle.file[0].error;
    expect(errors.map((e: { source: string }) => e.source)).toEqual([
      'image-guard.IG005',
      'image-guard.IG010',
      'image-guard.IG012',
      'image-guard.IG104',
      'image-guard.budget.max-size',
    ]);
    expect(errors[3].line).toBe('1');
    expect(errors[4]).toMatchObject({
      severity: 'error',
      message: 'Budget max-size broken: 250 MB against a limit of 100 MB',
    });
  });
});

describe('gitlab (Code Quality)', () => {
  it("is valid against GitLab's documented fields, which catch what they must", () => {
    const issues = JSON.parse(renderInterchange('gitlab', sample, ctx));
    expect(validateGitlab(issues), JSON.stringify(validateGitlab.errors)).toBe(true);
    expect(issues).toHaveLength(5);
    expect(validateGitlab([{ ...issues[0], severity: 'warning' }])).toBe(false);
    const { location: _, ...noLocation } = issues[0];
    expect(validateGitlab([noLocation])).toBe(false);
  });

  it('fingerprints are unique, and stay when lines move and figures change', () => {
    const fp = (r: Report) =>
      JSON.parse(renderInterchange('gitlab', r, ctx)).map((i: { fingerprint: string }) => i.fingerprint);
    const twice = report([finding({ line: 3 }), finding({ line: 9 })]);
    const [a, b] = fp(twice);
    expect(a).not.toBe(b);
    const moved = report([
      finding({ line: 5, message: 'the package index stays in the layer' }),
      finding({ line: 12 }),
    ]);
    expect(fp(moved)).toEqual([a, b]);
    const figures = report([finding({ message: 'RUN (line 3) leaves 45 MB' })]);
    const otherFigures = report([finding({ line: 4, message: 'RUN (line 4) leaves 47.5 MB' })]);
    expect(fp(figures)).toEqual(fp(otherFigures));
    expect(fp(report([finding({ rule: 'IG004' })]))).not.toEqual(fp(report([finding({})])));
    expect(fp(report([finding({ file: 'other/Dockerfile' })]))).not.toEqual(fp(report([finding({})])));
  });

  it('places a finding without a file on the Dockerfile, on line 1', () => {
    const issues = JSON.parse(renderInterchange('gitlab', sample, { ...ctx, dockerfile: 'app/Dockerfile' }));
    expect(issues[3].location).toEqual({ path: 'app/Dockerfile', lines: { begin: 1 } });
    expect(issues[4]).toMatchObject({ check_name: 'image-guard/budget/max-size', severity: 'critical' });
  });
});

describe('github (workflow commands)', () => {
  /** What @actions/core writes for the same annotation: the toolkit's own escaping. */
  function toolkit(write: () => void): string {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    try {
      write();
    } finally {
      spy.mockRestore();
    }
    return out.trim();
  }

  it('escapes as the Actions toolkit does: a command per finding and broken budget, nothing else a command', () => {
    const lines = renderInterchange('github', sample, ctx).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.slice(0, 5).every((l) => l.startsWith('::'))).toBe(true);
    expect(lines[5]).toBe('image-guard: failed: max-size 250 MB (limit 100 MB); 1 error, 2 warnings');
    const parse = (line: string) => {
      const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line)!;
      return {
        command: m[1],
        props: Object.fromEntries(m[2]!.split(',').map((p) => p.split('=') as [string, string])),
        message: m[3],
      };
    };
    const hostile = parse(lines[3]!);
    const expected = parse(
      toolkit(() => core.warning(`${HOSTILE}\nFix: ${HOSTILE}`, { title: 'IG104 secret-in-image' })),
    );
    expect(hostile).toEqual(expected);
    const located = parse(lines[0]!);
    expect(located).toEqual(
      parse(
        toolkit(() =>
          core.warning(
            `the package index stays in the layer\nFix: Append \`&& rm -rf /var/lib/apt/lists/*\`.`,
            {
              title: 'IG005 os-package-cache',
              file: 'Dockerfile',
              startLine: 3,
            },
          ),
        ),
      ),
    );
    expect(parse(lines[2]!).command).toBe('notice');
  });

  it('property values escape : and , as well', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeData('a:b,c%\r\n')).toBe('a:b,c%25%0D%0A');
  });
});

describe('the demo Dockerfile (examples/python-api/Dockerfile.single), linted in each format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ig-formats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function lint(args: string[]) {
    let out = '';
    let err = '';
    const io = {
      stdout: {
        write: (s: string) => {
          out += s;
          return true;
        },
      },
      stderr: {
        write: (s: string) => {
          err += s;
          return true;
        },
      },
    } as unknown as Parameters<typeof runLintCommand>[1];
    const cwd = process.cwd();
    process.chdir(root);
    try {
      return { code: await runLintCommand(args, io), out, err };
    } finally {
      process.chdir(cwd);
    }
  }

  for (const [format, ext] of [
    ['gitlab', 'json'],
    ['junit', 'xml'],
    ['checkstyle', 'xml'],
    ['github', 'txt'],
  ] as const) {
    it(format, async () => {
      const r = await lint(['examples/python-api/Dockerfile.single', '--format', format]);
      expect(r.err).toBe('');
      expect(r.code).toBe(1);
      await expect(r.out).toMatchFileSnapshot(`__snapshots__/formats/demo-lint.${format}.${ext}`);
    });
  }

  it('--output writes several formats in one run, the same as each alone', async () => {
    const files = ['a.sarif', 'b.xml', 'c.json', 'd.xml', 'e.txt'].map((f) => join(dir, f));
    const args = ['examples/python-api/Dockerfile.single'];
    const formats = ['sarif', 'junit', 'gitlab', 'checkstyle', 'github'];
    for (const [i, f] of formats.entries()) args.push('--format', f, '--output', files[i]!);
    const r = await lint(args);
    expect(r).toEqual({ code: 1, out: '', err: '' });
    for (const [i, f] of formats.entries())
      expect(readFileSync(files[i]!, 'utf8')).toBe(
        (await lint(['examples/python-api/Dockerfile.single', '--format', f])).out,
      );
    expect(await xmlErrors(readFileSync(files[1]!, 'utf8'), 'junit-10.xsd')).toEqual([]);
    // one of them may go to standard output
    const mixed = await lint([
      ...args.slice(0, 1),
      '--format',
      'json',
      '--output',
      '-',
      '--format',
      'junit',
      '-o',
      files[1]!,
    ]);
    expect(JSON.parse(mixed.out).schemaVersion).toBe(1);
  });

  it('lint takes several Dockerfiles (as a pre-commit hook passes them) in text and github, each as alone', async () => {
    const files = ['examples/python-api/Dockerfile.single', 'examples/python-api/Dockerfile.multi'];
    const both = await lint([...files, '--format', 'github']);
    expect(both.code).toBe(1); // the worst of the two
    expect(both.out).toBe(
      (await lint([files[0]!, '--format', 'github'])).out +
        (await lint([files[1]!, '--format', 'github'])).out,
    );
    const text = await lint(files);
    expect(text.out).toContain('Dockerfile.single:14 error IG009');
    const junit = await lint([...files, '--format', 'junit']);
    expect(junit.code).toBe(2);
    expect(junit.err).toMatch(/2 Dockerfiles are linted with --format text or github/);
  });

  it('says in one line what is wrong with --format and --output', async () => {
    const bad = async (args: string[]) => {
      const r = await lint(['examples/python-api/Dockerfile.single', ...args]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      return r.err;
    };
    expect(await bad(['--format', 'junit', '--format', 'gitlab'])).toMatch(/need an --output FILE each/);
    expect(await bad(['--format', 'junit', '--output', 'x', '--output', 'y'])).toMatch(
      /one --output FILE for each --format/,
    );
    expect(await bad(['--format', 'xml'])).toMatch(/--format "xml" must be text, json, sarif, gitlab/);
    expect(await bad(['--format', 'junit', '--output', join(dir, 'no/such/dir/x.xml')])).toMatch(
      /^image-guard: error: cannot write --output ".*x\.xml": ENOENT/,
    );
    writeFileSync(join(dir, 'keep'), 'k');
    expect(
      await bad([
        '--format',
        'junit',
        '-o',
        join(dir, 'keep'),
        '--format',
        'gitlab',
        '-o',
        join(dir, 'keep'),
      ]),
    ).toMatch(/given twice/);
  });
});

describe('analyze and compare write the same formats', () => {
  const image = (ref: string, extra: boolean) =>
    imageData(
      [
        {
          createdBy: '/bin/sh -c #(nop) ADD file:aa in /',
          summary: layer('bin/', 'bin/busybox:1000000'),
          diffId: 'sha256:os',
        },
        {
          createdBy: 'RUN /bin/sh -c pip install -r requirements.txt # buildkit',
          summary: layer(...(extra ? ['root/.cache/pip/x:5000000', 'app/.env:7'] : ['venv/lib:40000'])),
        },
      ],
      ref,
    );
  const loader: ImageLoader = {
    async load(ref) {
      return image(ref, ref === 'app:pr');
    },
  };
  const deps = { loader, lintDockerfile: async () => ({ findings: [], judged: null }) };
  const dir = mkdtempSync(join(tmpdir(), 'ig-formats-images-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compare: content findings and a broken budget in every format, each valid', async () => {
    const files = {
      junit: join(dir, 'c.xml'),
      checkstyle: join(dir, 'cs.xml'),
      gitlab: join(dir, 'cq.json'),
    };
    const t = captureIO();
    const args = ['compare', '--head', 'app:pr', '--base', 'app:main', '--max-size', '1MB', '--no-pull-size'];
    for (const [f, file] of Object.entries(files)) args.push('--format', f, '--output', file);
    args.push('--format', 'github', '--output', '-');
    expect(await main(args, t.io, deps)).toBe(1);
    expect(t.err()).toBe('');
    expect(await xmlErrors(readFileSync(files.junit, 'utf8'), 'junit-10.xsd')).toEqual([]);
    expect(await xmlErrors(readFileSync(files.checkstyle, 'utf8'), 'checkstyle.xsd')).toEqual([]);
    const issues = JSON.parse(readFileSync(files.gitlab, 'utf8'));
    expect(validateGitlab(issues), JSON.stringify(validateGitlab.errors)).toBe(true);
    expect(issues.map((i: { check_name: string }) => i.check_name)).toEqual(
      expect.arrayContaining(['image-guard/IG101', 'image-guard/IG104', 'image-guard/budget/max-size']),
    );
    // content findings have no file: placed on the default Dockerfile
    expect(issues[0].location.path).toBe('Dockerfile');
    const junit = readFileSync(files.junit, 'utf8');
    expect(junit).toContain('name="IG101 pip-cache-in-image"');
    expect(junit).toContain('name="budget max-size"');
    expect(junit).not.toContain('IG001'); // no --dockerfile: the Dockerfile rules were not checked
    expect(t.out()).toMatch(/^::(error|warning|notice) title=IG10\d/m);
    expect(t.out()).toMatch(/^::error title=image-guard budget max-size::Budget max-size broken/m);
  });

  it('analyze --format junit: the content rules, each a test case', async () => {
    const t = captureIO();
    expect(await main(['analyze', 'app:main', '--format', 'junit', '--no-pull-size'], t.io, deps)).toBe(0);
    expect(await xmlErrors(t.out(), 'junit-10.xsd')).toEqual([]);
    expect(t.out().match(/<testcase /g)).toHaveLength(5);
  });
});
