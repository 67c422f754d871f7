import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type ImageLoader, main } from '../../src/cli/main.js';
import type { Report } from '../../src/core/report.js';
import { imageData, layer } from '../analysis/helpers.js';
import { captureIO as io } from '../support/cli-io.js';

const base = imageData(
  [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:aa in /',
      summary: layer('bin/', 'bin/busybox:1000000'),
      diffId: 'sha256:os',
    },
    {
      createdBy: 'RUN /bin/sh -c pip install -r requirements.txt # buildkit',
      summary: layer('root/.cache/pip/x:5000', 'venv/lib:40000'),
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
      createdBy: 'RUN /bin/sh -c pip install -r requirements.txt --no-cache-dir # buildkit',
      summary: layer('venv/lib:41000'),
    },
    { createdBy: 'RUN /bin/sh -c echo secret > /app/.env # buildkit', summary: layer('app/.env:7') },
  ],
  'app:pr',
);
const loader: ImageLoader = {
  async load(ref) {
    if (ref === 'app:main') return base;
    if (ref === 'app:pr') return head;
    throw new Error(`image ${ref} not found`);
  },
};
const noLint = { loader, lintDockerfile: async () => ({ findings: [], judged: null }) };

describe('image-guard compare', () => {
  it('--format json prints exactly one Report and exits 1 when a finding reaches fail-on', async () => {
    const t = io();
    const code = await main(
      ['compare', '--head', 'app:pr', '--base', 'app:main', '--format', 'json'],
      t.io,
      noLint,
    );
    expect(code).toBe(1);
    const report = JSON.parse(t.out()) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.head?.ref).toBe('app:pr');
    expect(report.delta).toEqual({ size: 41007 - 45000, percent: -0.38, layers: 1, wastedBytes: 0 });
    expect(report.layers.map((l) => l.status)).toEqual(['same', 'changed', 'added']);
    expect(report.findings.map((f) => f.rule)).toEqual(['IG104']);
    expect(report.passed).toBe(false);
    expect(t.err()).toBe('');
  });

  it('passes with --fail-on never, and budgets still fail it', async () => {
    const ok = io();
    expect(
      await main(['compare', '--head', 'app:pr', '--base', 'app:main', '--fail-on', 'never'], ok.io, noLint),
    ).toBe(0);
    expect(ok.out()).toContain('passed');
    const over = io();
    const args = [
      'compare',
      '--head',
      'app:pr',
      '--base',
      'app:main',
      '--fail-on',
      'never',
      '--max-size',
      '1MB',
    ];
    expect(await main(args, over.io, noLint)).toBe(1);
    expect(over.out()).toMatch(/failed: max-size 1\.04 MB \(limit 1 MB\)/);
  });

  it('text output has the overview, aligned layers with bars, and no colour when not a terminal', async () => {
    const t = io();
    await main(['compare', '--head', 'app:pr', '--base', 'app:main'], t.io, noLint);
    const out = t.out();
    expect(out).toMatch(/size\s+1\.04 MB\s+1\.04 MB\s+−3\.99 kB \(−0\.38%\)/);
    expect(out).toMatch(/same\s+1 MB\s+1 MB\s+█+/);
    expect(out).toContain('IG104 secret-in-image');
    expect(out).not.toContain('\x1b[');
    const tty = io(true);
    await main(['compare', '--head', 'app:pr', '--base', 'app:main'], tty.io, noLint);
    expect(tty.out()).toContain('\x1b[');
  });

  it('markdown output is the comment body', async () => {
    const t = io();
    await main(['compare', '--head', 'app:pr', '--base', 'app:main', '--format', 'markdown'], t.io, noLint);
    expect(t.out()).toMatch(/^### ❌ image-guard: failed: 1 error/);
    expect(t.out()).toContain('<details>');
  });

  it('bad budgets are all reported in one line, exit 2, nothing on stdout', async () => {
    const t = io();
    const args = [
      'compare',
      '--head',
      'app:pr',
      '--max-size',
      '12QB',
      '--min-efficiency',
      '2',
      '--max-layers',
      'x',
    ];
    expect(await main(args, t.io, noLint)).toBe(2);
    expect(t.out()).toBe('');
    const lines = t.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^image-guard: error: bad flags: --max-size "12QB" is not a size.*--min-efficiency.*--max-layers/,
    );
  });

  it('a missing image is one error line and exit 2', async () => {
    const t = io();
    expect(await main(['compare', '--head', 'nope:1', '--format', 'json'], t.io, noLint)).toBe(2);
    expect(t.out()).toBe('');
    expect(t.err()).toBe('image-guard: error: image nope:1 not found\n');
  });

  it('without --base the report says so and has no delta', async () => {
    const t = io();
    await main(['compare', '--head', 'app:pr', '--format', 'json', '--fail-on', 'never'], t.io, noLint);
    const report = JSON.parse(t.out()) as Report;
    expect(report.base).toBeNull();
    expect(report.delta).toBeNull();
    expect(report.layers).toEqual([]);
    expect(report.baseUnavailable).toBe('no --base was given');
  });
});

describe('image-guard analyze', () => {
  it('--no-files passes files:false to the loader', async () => {
    let asked: boolean | undefined;
    const t = io();
    const code = await main(['analyze', 'app:main', '--no-files', '--format', 'json'], t.io, {
      loader: {
        load: async (_ref, o) => {
          asked = o.files;
          return { ...base, layers: null, layerSizes: [1, 2] };
        },
      },
    });
    expect(code).toBe(0);
    expect(asked).toBe(false);
    expect((JSON.parse(t.out()) as Report).head?.files).toBeNull();
  });

  it('reports content findings and exits by fail-on', async () => {
    const t = io();
    expect(await main(['analyze', 'app:main'], t.io, noLint)).toBe(0);
    expect(t.out()).toContain('IG101 pip-cache-in-image');
    expect(await main(['analyze', 'app:main', '--fail-on', 'warning'], io().io, noLint)).toBe(1);
  });
});

describe('usage', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['analyze'], /analyze needs an image/],
    [['analyze', 'a', 'b'], /unexpected argument "b"/],
    [['analyze', 'a', '--bogus'], /Unknown option '--bogus'/],
    [['compare', '--base', 'x'], /compare needs --head/],
    [['analyze', 'a', '--format', 'yaml'], /--format "yaml" must be text, json/],
    [['analyze', 'a', '--fail-on', 'fatal'], /--fail-on "fatal" must be error, warning, info or never/],
  ])('%j is one error line', async (args, message) => {
    const t = io();
    expect(await main(args, t.io, noLint)).toBe(2);
    expect(t.err()).toMatch(message);
    expect(t.err().trim().split('\n')).toHaveLength(1);
  });
});

describe('progress', () => {
  const slow: ImageLoader = {
    async load(_ref, o) {
      o.onProgress?.(5_000_000, 10_000_000);
      return base;
    },
  };
  it('is drawn on stderr when it is a terminal, and cleared', async () => {
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let err = '';
    stderr.on('data', (d) => (err += d));
    stdout.resume();
    await main(['analyze', 'app:main', '--format', 'json'], { stdout, stderr }, { loader: slow });
    expect(err).toContain('reading app:main: 5 MB of ~10 MB (50%)');
    expect(err.endsWith('\r\x1b[2K')).toBe(true);
  });
  it('stays silent when stderr is not a terminal', async () => {
    const t = io();
    await main(['analyze', 'app:main', '--format', 'json'], t.io, { loader: slow });
    expect(t.err()).toBe('');
  });
});

describe('one flow for every command: the config file and the Dockerfile context', () => {
  const dockerfileDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-cli-flow-'));
    mkdirSync(join(dir, 'app'));
    // No .dockerignore beside the Dockerfile, and a COPY of everything: IG008 fires when the context is read.
    writeFileSync(join(dir, 'app', 'Dockerfile'), 'FROM python:3.13-slim\nCOPY . /app\nUSER 1000\n');
    writeFileSync(join(dir, 'app', 'main.py'), 'print(1)\n');
    return { dir };
  };

  it('compare --dockerfile lints with .image-guard.yml found in the current folder, like lint does', async () => {
    const { dir } = dockerfileDir();
    writeFileSync(join(dir, '.image-guard.yml'), 'ignore: [IG104]\nseverity:\n  IG008: error\n');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const t = io();
      const code = await main(
        [
          'compare',
          '--head',
          'app:pr',
          '--base',
          'app:main',
          '--dockerfile',
          'app/Dockerfile',
          '--format',
          'json',
        ],
        t.io,
        { loader },
      );
      const report = JSON.parse(t.out()) as Report;
      // The config's ignore reaches the image's content findings (IG104 for /app/.env) and its severity the
      // Dockerfile's (IG008 raised to error); the context is the Dockerfile's folder, as `lint` takes it.
      expect(report.findings.map((f) => f.rule)).not.toContain('IG104');
      const ig008 = report.findings.find((f) => f.rule === 'IG008');
      expect(ig008?.severity).toBe('error');
      expect(ig008?.file).toBe('app/Dockerfile');
      expect(report.judged).toMatchObject({ index: 0, line: 1, reason: 'last stage' });
      expect(code).toBe(1);
      const lint = io();
      await main(['lint', 'app/Dockerfile', '--format', 'json'], lint.io);
      const linted = (JSON.parse(lint.out()) as Report).findings;
      expect(report.findings.filter((f) => f.line !== null)).toEqual(linted);
    } finally {
      process.chdir(cwd);
    }
  });

  it('analyze takes the config too: ignore and severity reach the content findings', async () => {
    const { dir } = dockerfileDir();
    writeFileSync(join(dir, 'ig.yml'), 'severity:\n  IG104: warning\n');
    const t = io();
    const code = await main(
      ['analyze', 'app:pr', '--config', join(dir, 'ig.yml'), '--format', 'json'],
      t.io,
      {
        loader,
      },
    );
    const report = JSON.parse(t.out()) as Report;
    expect(report.findings.find((f) => f.rule === 'IG104')?.severity).toBe('warning');
    expect(code).toBe(0);
    const strict = io();
    expect(await main(['analyze', 'app:pr', '--format', 'json'], strict.io, { loader })).toBe(1);
  });

  it('a flag wins over the config file, the file over the default', async () => {
    const { dir } = dockerfileDir();
    writeFileSync(join(dir, 'ig.yml'), 'fail-on: never\nmax-layers: 1\n');
    const args = ['analyze', 'app:pr', '--config', join(dir, 'ig.yml'), '--format', 'json'];
    const fileOnly = io();
    await main(args, fileOnly.io, { loader });
    expect((JSON.parse(fileOnly.out()) as Report).budgets).toEqual([
      expect.objectContaining({ name: 'max-layers', limit: 1, passed: false }),
    ]);
    const flag = io();
    expect(await main([...args, '--max-layers', '9', '--fail-on', 'error'], flag.io, { loader })).toBe(1);
    const r = JSON.parse(flag.out()) as Report;
    expect(r.budgets[0]).toMatchObject({ limit: 9, passed: true });
    expect(r.passed).toBe(false); // IG104 is an error, and --fail-on error won over the file's never
  });
});

describe('image references are checked before any request', () => {
  it.each([
    ['analyze', '../../127.0.0.1:5000/x?'],
    ['analyze', '../../info?'],
    ['analyze', '--'],
  ])('%s %j: exit 2, one line, nothing read', async (command, ref) => {
    const asked: string[] = [];
    const t = io();
    const code = await main([command, ...(ref === '--' ? ['--', '-x'] : [ref])], t.io, {
      loader: {
        load: async (r) => {
          asked.push(r);
          return base;
        },
      },
    });
    expect(code).toBe(2);
    expect(t.err()).toMatch(/^image-guard: error: the image "[^"]*" is not an image reference: it .*\n$/);
    expect(asked).toEqual([]);
  });

  it('compare checks --head and --base alike', async () => {
    const t = io();
    expect(await main(['compare', '--head', 'app:pr', '--base', 'Bad Ref'], t.io, { loader })).toBe(2);
    expect(t.err()).toMatch(/the base image "Bad Ref" is not an image reference/);
  });
});
