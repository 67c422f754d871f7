import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLintCommand } from '../../src/cli/lint-command.js';
import { VERSION } from '../../src/core/version.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object
const addFormats = addFormatsModule as unknown as { default: (ajv: Ajv) => void };

class Capture extends Writable {
  text = '';
  isTTY?: boolean;
  constructor(tty = false) {
    super();
    if (tty) this.isTTY = true;
  }
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

let dir: string;
const cwd = process.cwd();

async function cli(args: string[], tty = false) {
  const stdout = new Capture(tty);
  const stderr = new Capture();
  const code = await runLintCommand(args, { stdout, stderr });
  return { code, out: stdout.text, err: stderr.text };
}

/** Checks a SARIF log against the official SARIF 2.1.0 schema (from @microsoft/jest-sarif), every error listed. */
function expectValidSarif(log: unknown): void {
  const schemaPath = join(cwd, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  expect(validate(log) ? [] : validate.errors).toEqual([]);
}

function write(rel: string, content: string | Buffer) {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ig-lint-cli-'));
  process.chdir(dir);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const CLEAN = 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nUSER app\n';
const WARN = 'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nUSER app\nRUN pip install flask\n';
const ERROR =
  'FROM python:3.13-slim\nENV PYTHONUNBUFFERED=1\nUSER app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n';

describe('exit status', () => {
  it('0 when nothing reaches --fail-on, 1 when something does', async () => {
    write('clean/Dockerfile', CLEAN);
    write('warn/Dockerfile', WARN);
    write('error/Dockerfile', ERROR);
    write('error/.dockerignore', '.git\n');
    expect((await cli(['clean/Dockerfile'])).code).toBe(0);
    expect((await cli(['warn/Dockerfile'])).code).toBe(0);
    expect((await cli(['warn/Dockerfile', '--fail-on', 'warning'])).code).toBe(1);
    expect((await cli(['error/Dockerfile'])).code).toBe(1);
    expect((await cli(['error/Dockerfile', '--fail-on=never'])).code).toBe(0);
  });
  it('takes fail-on and ignores from the config; --fail-on wins', async () => {
    write('cfg/Dockerfile', WARN);
    write('cfg/strict.yml', 'fail-on: warning\n');
    write('cfg/quiet.yml', 'fail-on: warning\nignore: [IG004]\n');
    expect((await cli(['cfg/Dockerfile', '--config', 'cfg/strict.yml'])).code).toBe(1);
    expect((await cli(['cfg/Dockerfile', '--config', 'cfg/quiet.yml'])).code).toBe(0);
    expect((await cli(['cfg/Dockerfile', '--config', 'cfg/strict.yml', '--fail-on', 'error'])).code).toBe(0);
  });
});

describe('errors: exit 2, one line on stderr, nothing on stdout', () => {
  const cases: [string, () => string[]][] = [
    ['missing file', () => ['nope/Dockerfile']],
    [
      'a directory',
      () => {
        write('adir/x', '');
        return ['adir'];
      },
    ],
    ['a binary file', () => [write('bin/Dockerfile', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))]],
    ['UTF-16', () => [write('u16/Dockerfile', Buffer.from('\ufeffFROM a\n', 'utf16le'))]],
    ['latin-1 junk', () => [write('junk/Dockerfile', Buffer.from([0xe9, 0xe8, 0x0a, 0xff]))]],
    ['no argument', () => []],
    ['two arguments', () => ['a', 'b']],
    ['unknown option', () => ['--nope', 'Dockerfile']],
    ['bad --fail-on', () => [write('f1/Dockerfile', CLEAN), '--fail-on', 'loud']],
    ['bad --format', () => [write('f2/Dockerfile', CLEAN), '--format', 'xml']],
    ['unknown --target', () => [write('f3/Dockerfile', CLEAN), '--target', 'prod']],
    ['missing --config', () => [write('f4/Dockerfile', CLEAN), '--config', 'nope.yml']],
    [
      'bad config key',
      () => [write('f5/Dockerfile', CLEAN), '--config', write('f5/c.yml', 'fail_on: warning\n')],
    ],
    ['missing context', () => [write('f6/Dockerfile', 'FROM a:1\nCOPY . .\n'), '--context', 'nope']],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      const r = await cli(args());
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^image-guard: error: [^\n]+\n$/);
      expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
    });
  }
});

describe('bad input that is still a Dockerfile: IG000 with a line', () => {
  it('non-UTF-8 bytes in a Dockerfile', async () => {
    const p = write(
      'latin/Dockerfile',
      Buffer.concat([Buffer.from('FROM a:1\nLABEL author="Jos'), Buffer.from([0xe9]), Buffer.from('"\n')]),
    );
    const r = await cli([p, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.findings.find((f: { rule: string }) => f.rule === 'IG000').line).toBe(2);
  });
  it('an unterminated heredoc and an unknown instruction', async () => {
    const p = write('bad/Dockerfile', 'FROM a:1\nFOO bar\nRUN <<EOF\necho\n');
    const r = await cli([p, '--format', 'json']);
    const lines = JSON.parse(r.out)
      .findings.filter((f: { rule: string }) => f.rule === 'IG000')
      .map((f: { line: number }) => f.line);
    expect(lines).toEqual([2, 3]);
  });
  it('a 10 MB Dockerfile: one IG000 at line 1, quickly', async () => {
    const body = `FROM alpine:3.20\n${'RUN echo "0123456789012345678901234567890123456789012345678901234567890123456789"\n'.repeat(130_000)}`;
    const p = write('huge/Dockerfile', body);
    const t0 = performance.now();
    const r = await cli([p, '--format', 'json']);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(
      JSON.parse(r.out).findings.map((f: { rule: string; line: number }) => `${f.line} ${f.rule}`),
    ).toEqual(['1 IG000']);
  });
  it('10 MB of junk is not a Dockerfile: exit 2', async () => {
    const r = await cli([write('huge-junk/Dockerfile', 'x'.repeat(10 * 1024 * 1024))]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^image-guard: error: .*not a Dockerfile/);
  });
});

describe('formats', () => {
  it('text: file:line severity id name: message, the fix under it, no colour off a TTY', async () => {
    const p = write('t/Dockerfile', WARN);
    const r = await cli([p]);
    expect(r.out).toContain(`${p}:4 warning IG004 pip-cache: \`RUN pip install flask\` (line 4)`);
    expect(r.out).toMatch(/\n {2}fix: Add `--no-cache-dir`/);
    expect(r.out).not.toContain('\u001b[');
    const tty = await cli([p], true);
    expect(tty.out).toContain('\u001b[33mwarning\u001b[0m');
  });
  it('json: the contract Report', async () => {
    const p = write('j/Dockerfile', WARN);
    const r = await cli([p, '--format', 'json']);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'image-guard', version: VERSION },
      head: null,
      base: null,
      baseUnavailable: null,
      delta: null,
      layers: [],
      budgets: [],
      passed: true,
    });
    expect(report.findings[0]).toEqual({
      rule: 'IG004',
      name: 'pip-cache',
      severity: 'warning',
      message: expect.stringContaining('pip install flask'),
      file: p,
      line: 4,
      fix: expect.any(String),
      bytes: null,
    });
  });
  it('sarif: valid against the official SARIF 2.1.0 schema, with rule help and locations', async () => {
    write('s/.dockerignore', '');
    write('s/node_modules/a.js', 'x');
    const p = write('s/Dockerfile', `${ERROR}RUN apt-get update\n`);
    const r = await cli(['s/Dockerfile', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out);
    expectValidSarif(log);
    const run = log.runs[0];
    expect(run.tool.driver.rules).toHaveLength(19);
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
    }
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'IG009');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 's/Dockerfile' },
      region: { startLine: 5 },
    });
    expect(run.results.find((x: { ruleId: string }) => x.ruleId === 'IG008').properties.bytes).toBe(1);
    expect(p).toContain('s/Dockerfile');
  });
});

describe('SARIF fixes: the changes lint --fix makes, for a viewer to apply', () => {
  /** Applies SARIF replacements (whole-line regions, 1-based columns) to a text. */
  function applySarif(text: string, fixes: { artifactChanges: { replacements: unknown[] }[] }[]): string {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(eol);
    const replacements = fixes
      .flatMap((f) => f.artifactChanges.flatMap((c) => c.replacements))
      .map((r) => r as { deletedRegion: Record<string, number>; insertedContent: { text: string } })
      .filter((r, i, all) => all.findIndex((o) => JSON.stringify(o) === JSON.stringify(r)) === i)
      .sort((a, b) => b.deletedRegion.startLine! - a.deletedRegion.startLine!);
    for (const { deletedRegion: d, insertedContent } of replacements) {
      expect(d.startColumn).toBe(1);
      expect(d.endColumn).toBe(lines[d.endLine! - 1]!.length + 1);
      lines.splice(d.startLine! - 1, d.endLine! - d.startLine! + 1, ...insertedContent.text.split(eol));
    }
    return lines.join(eol);
  }

  for (const eol of ['\n', '\r\n']) {
    it(`are valid SARIF and make what lint --fix writes (${JSON.stringify(eol)} line ends)`, async () => {
      const name = eol === '\n' ? 'fx' : 'fxcr';
      write(`${name}/.dockerignore`, '.git\n');
      write(`${name}/requirements.txt`, 'flask\n');
      const text = [
        'FROM python:3.13-slim',
        'RUN apt-get update && \\',
        '    apt-get install -y --no-install-recommends curl',
        'COPY requirements.txt .',
        'RUN pip install -r requirements.txt',
        'ADD app.py /app/app.py',
        'CMD ["python", "/app/app.py"]',
        '',
      ].join(eol);
      write(`${name}/app.py`, 'print(1)\n');
      const p = write(`${name}/Dockerfile`, text);
      const log = JSON.parse((await cli([p, '--format', 'sarif'])).out);
      expectValidSarif(log);
      const results = log.runs[0].results as { ruleId: string; fixes?: [] }[];
      const withFixes = results.filter((r) => r.fixes).map((r) => r.ruleId);
      expect(withFixes).toEqual(expect.arrayContaining(['IG004', 'IG005', 'IG017']));
      // a finding with no mechanical fix carries none
      expect(results.filter((r) => r.ruleId === 'IG010').every((r) => !r.fixes)).toBe(true);
      const fixed = applySarif(
        text,
        results.flatMap((r) => r.fixes ?? []),
      );
      expect(fixed).toContain('pip install --no-cache-dir -r requirements.txt');
      expect(fixed).toContain(`COPY app.py /app/app.py`);

      const copy = write(`${name}-copy/Dockerfile`, text);
      for (const f of ['.dockerignore', 'requirements.txt', 'app.py'])
        write(`${name}-copy/${f}`, readFileSync(join(dir, name, f)));
      await cli([copy, '--fix']);
      expect(fixed).toBe(readFileSync(copy, 'utf8'));
    });
  }
});

describe('SARIF URIs', () => {
  it('are relative to the working directory, file:// outside it', async () => {
    const { toUri } = await import('../../src/lint/format-sarif.js');
    expect(toUri('./docker/Dockerfile')).toBe('docker/Dockerfile');
    expect(toUri('/repo/docker/my Dockerfile', '/repo')).toBe('docker/my%20Dockerfile');
    expect(toUri('/elsewhere/Dockerfile', '/repo')).toBe('file:///elsewhere/Dockerfile');
  });
});

describe('the judged image: which stage every report judged as the final image, and why', () => {
  const MULTI =
    'FROM python:3.13-slim AS runtime\nENV PYTHONUNBUFFERED=1\nUSER app\nFROM runtime AS test\nRUN true\n';
  it('json: `judged` beside the Report', async () => {
    const p = write('judged/Dockerfile', MULTI);
    const last = JSON.parse((await cli([p, '--format', 'json'])).out);
    expect(last.judged).toEqual({ stage: 'test', index: 1, line: 4, reason: 'last stage' });
    expect(last.findings.map((f: { rule: string }) => f.rule)).toContain('IG018');
    const target = JSON.parse((await cli([p, '--format', 'json', '--target', 'runtime'])).out);
    expect(target.judged).toEqual({ stage: 'runtime', index: 0, line: 1, reason: 'target' });
    expect(target.findings).toEqual([]);
  });
  it('text and sarif say it too', async () => {
    const p = write('judged2/Dockerfile', MULTI);
    expect((await cli([p])).out).toContain(
      'judged as the final image: stage "test" (FROM at line 4), the last stage',
    );
    const sarif = JSON.parse((await cli([p, '--format', 'sarif'])).out);
    expect(sarif.runs[0].properties.judgedImage).toEqual({
      stage: 'test',
      index: 1,
      line: 4,
      reason: 'last stage',
    });
  });
  it('text: a stage name holding terminal escapes is shown escaped, never raw', async () => {
    const p = write(
      'judged-esc/Dockerfile',
      'FROM busybox:1 AS runtime\nUSER app\nFROM runtime AS \u001b[31mtest\u001b]0;pwn\u0007\nUSER app\n',
    );
    const { out } = await cli([p]);
    expect(out).toContain(
      'judged as the final image: stage "\\x1b[31mtest\\x1b]0;pwn\\x07" (FROM at line 3)',
    );
    expect([...out].filter((c) => c !== '\n' && c < ' ')).toEqual([]);
  });
  it('--platform gives the platform ARGs their values; a malformed one is a usage error', async () => {
    const p = write(
      'plat/Dockerfile',
      'FROM alpine:3.20 AS base-amd64\nFROM python:3.13 AS base-arm64\nFROM base-${TARGETARCH}\nUSER app\n',
    );
    const amd = JSON.parse((await cli([p, '--format', 'json'])).out);
    expect(amd.findings.map((f: { rule: string }) => f.rule)).not.toContain('IG002');
    const arm = JSON.parse((await cli([p, '--format', 'json', '--platform', 'linux/arm64'])).out);
    expect(arm.findings.map((f: { rule: string }) => f.rule)).toContain('IG002');
    const bad = await cli([p, '--platform', 'arm64']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^image-guard: error: bad flags: --platform "arm64"/);
  });
});
