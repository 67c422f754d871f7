// What each Dockerfile finding costs, on generated images: the Dockerfile is linted for real (its context a real
// folder), the image's layers are generated with the history a builder records, and every expected figure is
// summed here from the files the test generated, never read back from the code under test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeImage } from '../../src/analysis/analyze.js';
import { layersOfSteps, measureFindings } from '../../src/analysis/finding-bytes.js';
import { AnalysisCache, cacheKey } from '../../src/cache/analysis-cache.js';
import type { Image, Package } from '../../src/core/report.js';
import { readContext } from '../../src/lint/context.js';
import { lintResult } from '../../src/lint/engine.js';
import { lintDockerfileResult } from '../../src/lint/index.js';
import { imageData, layer } from './helpers.js';

let dir: string;
let ctxDir: string;
const CONTEXT_FILES = {
  '.git/objects/pack/pack-1.pack': 30_000,
  '.git/HEAD': 23,
  'node_modules/left-pad/index.js': 1_200,
  'node_modules/left-pad/package.json': 300,
  'app/main.py': 40,
  'requirements.txt': 12,
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ig-finding-bytes-'));
  ctxDir = join(dir, 'ctx');
  for (const [path, size] of Object.entries(CONTEXT_FILES)) {
    mkdirSync(join(ctxDir, path, '..'), { recursive: true });
    writeFileSync(join(ctxDir, path), Buffer.alloc(size, 0x61));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DOCKERFILE = `FROM python:3.13-slim
WORKDIR /app
RUN apt-get update && \\
    apt-get install -y build-essential
COPY . .
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install -r requirements.txt
CMD ["python", "app/main.py"]
`;

/** The files each generated layer holds, `path:size`, as the layer helper reads them. */
const BASE = [
  'usr/',
  'usr/bin/',
  'usr/bin/python3:5000',
  'var/',
  'var/lib/',
  'var/lib/apt/',
  'var/lib/apt/lists/',
];
const APT = [
  'var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease:151000',
  'var/lib/apt/lists/deb.debian.org_dists_bookworm_main_binary-amd64_Packages.lz4:9000000',
  'var/lib/apt/lists/lock:0',
  'var/cache/',
  'var/cache/apt/',
  'var/cache/apt/pkgcache.bin:400000',
  'var/cache/apt/archives/',
  'var/cache/apt/archives/gcc-12_12.2.0_amd64.deb:2000',
  'usr/bin/gcc-12:1200000',
  'usr/lib/',
  'usr/lib/gcc/',
  'usr/lib/gcc/cc1:30000000',
];
const COPY = Object.entries(CONTEXT_FILES).map(([p, s]) => `app/${p}:${s}`);
const PIP = [
  'root/',
  'root/.cache/',
  'root/.cache/pip/',
  'root/.cache/pip/http-v2/a/b:700000',
  'root/.cache/pip/wheels/x.whl:55000',
  'usr/local/lib/python3.13/site-packages/flask/__init__.py:9000',
];

/** The sum of `path:size` specs whose path starts with one of the prefixes. */
function sumOf(specs: readonly string[], ...prefixes: string[]): number {
  return specs
    .filter((s) => !s.endsWith('/') && prefixes.some((p) => s.startsWith(p)))
    .reduce((n, s) => n + Number(s.slice(s.lastIndexOf(':') + 1)), 0);
}

/** BuildKit's history for DOCKERFILE, after the base image's own. */
function buildkitHistory(apt = APT, copy = COPY, pip = PIP) {
  return [
    { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', summary: layer(...BASE) },
    { createdBy: 'CMD ["python3"]', empty: true },
    { createdBy: 'WORKDIR /app', empty: true },
    {
      createdBy: 'RUN /bin/sh -c apt-get update &&     apt-get install -y build-essential # buildkit',
      summary: layer(...apt),
    },
    { createdBy: 'COPY . . # buildkit', summary: layer('app/', ...dirsOf(copy), ...copy) },
    { createdBy: 'ENV PIP_DISABLE_PIP_VERSION_CHECK=1', empty: true },
    { createdBy: 'RUN /bin/sh -c pip install -r requirements.txt # buildkit', summary: layer(...pip) },
    { createdBy: 'CMD ["python" "app/main.py"]', empty: true },
  ];
}

/** The directories above each file spec, so the layer lists them as a tar would. */
function dirsOf(specs: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const s of specs) {
    const parts = s.slice(0, s.lastIndexOf(':')).split('/');
    for (let k = 1; k < parts.length; k++) dirs.add(`${parts.slice(0, k).join('/')}/`);
  }
  return [...dirs].sort((a, b) => a.length - b.length);
}

function lintFindings(text = DOCKERFILE) {
  const context = readContext(ctxDir, null);
  return lintResult(text, context, { file: 'Dockerfile' });
}

function measure(history: Parameters<typeof imageData>[0], text = DOCKERFILE, image?: Partial<Image>) {
  const linted = lintFindings(text);
  const analysis = analyzeImage(imageData(history));
  const findings = measureFindings({
    findings: linted.findings,
    steps: linted.final,
    image: { ...analysis.image, ...image },
    fileIndex: analysis.fileIndex,
  });
  return { findings, byRule: (rule: string) => findings.find((f) => f.rule === rule)!, analysis, linted };
}

describe('what a Dockerfile finding costs in the image built from it', () => {
  it('IG005: the package index and apt cache its RUN left, in that RUN layer', () => {
    const { byRule } = measure(buildkitHistory());
    const ig005 = byRule('IG005');
    expect(ig005.line).toBe(3);
    expect(ig005.bytes).toBe(sumOf(APT, 'var/lib/apt/lists/', 'var/cache/apt/'));
    expect(ig005.bytes).toBe(151_000 + 9_000_000 + 400_000 + 2_000);
    expect(ig005.measured).toEqual({ layer: 3, paths: ['/var/lib/apt/lists', '/var/cache/apt'] });
  });

  it('IG004: the pip cache its RUN left', () => {
    const { byRule } = measure(buildkitHistory());
    const ig004 = byRule('IG004');
    expect(ig004.bytes).toBe(sumOf(PIP, 'root/.cache/pip/'));
    expect(ig004.measured).toEqual({ layer: 6, paths: ['/root/.cache/pip'] });
  });

  it('IG008 and IG012: the context paths the ignore file would keep out, under the COPY destination', () => {
    const { byRule } = measure(buildkitHistory());
    const expected = sumOf(COPY, 'app/.git/', 'app/node_modules/');
    expect(expected).toBe(30_000 + 23 + 1_200 + 300);
    for (const rule of ['IG008', 'IG012']) {
      const f = byRule(rule);
      expect(f.bytes, rule).toBe(expected);
      expect(f.measured, rule).toEqual({ layer: 4, paths: ['/app/.git', '/app/node_modules'] });
    }
  });

  it('counts only the files of that layer still on top: a later layer that rewrote the path takes them', () => {
    const history = buildkitHistory();
    history.push({
      createdBy: 'RUN /bin/sh -c echo > /var/lib/apt/lists/lock2 # buildkit',
      summary: layer('var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease:10'),
    });
    // the Dockerfile must end with that RUN too, or nothing is measured
    const text = `${DOCKERFILE}RUN echo > /var/lib/apt/lists/lock2\n`;
    const ig005 = measure(history, text).byRule('IG005');
    expect(ig005.bytes).toBe(sumOf(APT, 'var/lib/apt/lists/', 'var/cache/apt/') - 151_000);
  });

  it('the same from the legacy builder’s history', () => {
    const history = buildkitHistory().map((h) => ({
      ...h,
      createdBy: h.createdBy.startsWith('RUN ')
        ? h.createdBy.slice(4).replace(/ # buildkit$/, '')
        : h.createdBy === 'COPY . . # buildkit'
          ? `/bin/sh -c #(nop) COPY dir:${'ab'.repeat(32)} in . `
          : h.createdBy.startsWith('WORKDIR') || h.createdBy.startsWith('ENV')
            ? `/bin/sh -c #(nop) ${h.createdBy}`
            : h.createdBy,
    }));
    const { byRule } = measure(history);
    expect(byRule('IG005').bytes).toBe(sumOf(APT, 'var/lib/apt/lists/', 'var/cache/apt/'));
    expect(byRule('IG008').bytes).toBe(sumOf(COPY, 'app/.git/', 'app/node_modules/'));
    expect(byRule('IG004').measured?.layer).toBe(6);
  });

  it('measures nothing when the image was not built from this Dockerfile', () => {
    const history = buildkitHistory();
    history[6] = { ...history[6]!, createdBy: 'RUN /bin/sh -c pip install flask # buildkit' };
    const { findings } = measure(history);
    // the newest RUN does not match: no step older than it can be placed either
    for (const f of findings) expect(f.measured, f.rule).toBeUndefined();
    expect(findings.find((f) => f.rule === 'IG005')!.bytes).toBeNull();
  });

  it('measures nothing without a file index (an image read with --no-files)', () => {
    const linted = lintFindings();
    const analysis = analyzeImage(imageData(buildkitHistory()));
    const out = measureFindings({
      findings: linted.findings,
      steps: linted.final,
      image: analysis.image,
      fileIndex: undefined,
    });
    expect(out).toEqual(linted.findings);
  });

  it('a whole-context COPY in a builder stage is not the final image: IG008 keeps the context figure only', () => {
    const text = `FROM python:3.13-slim AS build
WORKDIR /src
COPY . .
RUN pip wheel -w /wheels .
FROM python:3.13-slim
COPY --from=build /wheels /wheels
`;
    const history = [
      { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', summary: layer(...BASE) },
      { createdBy: 'COPY /wheels /wheels # buildkit', summary: layer('wheels/', 'wheels/a.whl:10') },
    ];
    const { byRule } = measure(history, text);
    const ig008 = byRule('IG008');
    expect(ig008.measured).toBeUndefined();
    // IG008's own figure: the context bytes of the paths it names
    expect(ig008.bytes).toBe(30_000 + 23 + 1_200 + 300);
  });

  it('gives the same figures from an analysis read back from the analysis cache', async () => {
    const linted = lintFindings();
    const fresh = analyzeImage(imageData(buildkitHistory()));
    const cache = new AnalysisCache(join(dir, 'cache'));
    const key = cacheKey({ id: fresh.image.id, diffIds: [], code: 'test', files: true, count: 0 } as never);
    await cache.put(key, fresh);
    const cached = (await cache.get(key, fresh.image.ref))!;
    expect(cached.fileIndex).toBeDefined();
    const run = (a: typeof fresh) =>
      measureFindings({
        findings: linted.findings,
        steps: linted.final,
        image: a.image,
        fileIndex: a.fileIndex,
      });
    expect(run(cached)).toEqual(run(fresh));
    expect(run(cached).some((f) => f.measured)).toBe(true);
  });
});

describe('IG001/IG011: the build tooling’s packages', () => {
  const pkg = (name: string, bytes: number, ecosystem: Package['ecosystem'] = 'deb'): Package => ({
    ecosystem,
    name,
    version: '1',
    location: '/var/lib/dpkg/status',
    bytes,
    bytesFrom: 'files',
  });
  // build-essential brings gcc-12, cpp-12, make, libc6-dev …; python3 and libssl3 are not build tooling
  const packages = [
    pkg('build-essential', 20_000),
    pkg('gcc-12', 40_000_000),
    pkg('cpp-12', 30_000_000),
    pkg('make', 500_000),
    pkg('libc6-dev', 12_000_000),
    pkg('binutils-x86-64-linux-gnu', 10_000_000),
    // Debian 13 splits the compiler's binaries into their own package
    pkg('gcc-14-x86-64-linux-gnu', 70_000_000),
    pkg('python3', 600_000),
    pkg('libssl3', 5_000_000),
    pkg('setuptools', 3_000_000, 'python'),
  ];

  it('sums the packages the installed tools bring, with the list in the report', () => {
    const { byRule } = measure(buildkitHistory(), DOCKERFILE, { packages });
    const ig001 = byRule('IG001');
    expect(ig001.bytes).toBe(
      20_000 + 40_000_000 + 30_000_000 + 500_000 + 12_000_000 + 10_000_000 + 70_000_000,
    );
    expect(ig001.measured).toEqual({
      layer: null,
      paths: [],
      packages: [
        'deb:gcc-14-x86-64-linux-gnu',
        'deb:gcc-12',
        'deb:cpp-12',
        'deb:libc6-dev',
        'deb:binutils-x86-64-linux-gnu',
        'deb:make',
        'deb:build-essential',
      ],
    });
  });

  it('with file owners known, only packages with files from the tooling RUN count (not the base’s)', () => {
    const { analysis, linted } = measure(buildkitHistory());
    const ix = analysis.fileIndex!;
    // hand-made owners: gcc-12 owns the RUN's usr/bin/gcc-12, make owns the base's usr/bin/python3 (as if the
    // base had shipped it), the rest own nothing
    const owners = ix.paths.map((p) => (p === 'usr/bin/gcc-12' ? 1 : p === 'usr/bin/python3' ? 3 : -1));
    const out = measureFindings({
      findings: linted.findings,
      steps: linted.final,
      image: { ...analysis.image, packages },
      fileIndex: { ...ix, owners },
    });
    const ig001 = out.find((f) => f.rule === 'IG001')!;
    expect(ig001.bytes).toBe(40_000_000);
    expect(ig001.measured?.packages).toEqual(['deb:gcc-12']);
  });

  it('is inert without a package list', () => {
    const { byRule } = measure(buildkitHistory());
    expect(byRule('IG001').bytes).toBeNull();
    expect(byRule('IG001').measured).toBeUndefined();
  });

  it("claims nothing when the image has no package database of the tools' manager, and 0 B when it has one without them", () => {
    const none = measure(buildkitHistory(), DOCKERFILE, {
      packages: [pkg('setuptools', 3_000_000, 'python')],
    });
    expect(none.byRule('IG001').bytes).toBeNull();
    expect(none.byRule('IG001').measured).toBeUndefined();
    const without = measure(buildkitHistory(), DOCKERFILE, { packages: [pkg('python3', 600_000)] });
    expect(without.byRule('IG001').bytes).toBe(0);
    expect(without.byRule('IG001').measured).toEqual({ layer: null, paths: [], packages: [] });
  });

  it('IG011 in a multi-stage Dockerfile counts pip build tools of the final stage', () => {
    const text = `FROM python:3.13-slim AS build
RUN echo build
FROM python:3.13-slim
RUN pip install --no-cache-dir setuptools flask
`;
    const history = [
      { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', summary: layer(...BASE) },
      {
        createdBy: 'RUN /bin/sh -c pip install --no-cache-dir setuptools flask # buildkit',
        summary: layer('usr/', 'usr/lib/', 'usr/lib/setuptools.py:3000000'),
      },
    ];
    const ig011 = measure(history, text, { packages }).byRule('IG011');
    expect(ig011.bytes).toBe(3_000_000);
    expect(ig011.measured?.packages).toEqual(['python:setuptools']);
  });
});

describe('layersOfSteps', () => {
  const step = (line: number, recorded: string | null, keyword: 'RUN' | 'COPY' = 'RUN') => ({
    line,
    keyword,
    recorded: recorded === null ? null : [recorded],
    destination: null,
    wholeContext: false,
    tooling: [],
    cacheDirs: [],
  });
  const layers = (...createdBy: string[]) =>
    createdBy.map((c, index) => ({ index, diffId: null, createdBy: c, size: 1, empty: c.startsWith('ENV') }));

  it('matches from the newest, skipping instructions that make no layer', () => {
    const map = layersOfSteps(
      layers('ADD file:x in /', 'RUN /bin/sh -c a # buildkit', 'ENV A=1', 'RUN /bin/sh -c b   c # buildkit'),
      [step(2, 'RUN a'), step(4, 'RUN b c')],
    );
    expect([...map]).toEqual([
      [4, 3],
      [2, 1],
    ]);
  });

  it('a step recorded otherwise stops the walk there; a heredoc step is passed by keyword, unmeasured', () => {
    const l = layers('RUN /bin/sh -c a', 'RUN /bin/sh -c x', 'RUN /bin/sh -c b');
    expect([...layersOfSteps(l, [step(1, 'RUN a'), step(2, 'RUN y'), step(3, 'RUN b')])]).toEqual([[3, 2]]);
    expect([...layersOfSteps(l, [step(1, 'RUN a'), step(2, null), step(3, 'RUN b')])]).toEqual([
      [3, 2],
      [1, 0],
    ]);
  });
});

describe('IG013: npm’s development-only packages, from the lockfile the install used', () => {
  const LOCK = {
    name: 'web',
    lockfileVersion: 3,
    packages: {
      '': {
        name: 'web',
        dependencies: { express: '^4' },
        devDependencies: { jest: '^29', '@types/node': '^22' },
      },
      'node_modules/express': { version: '4.21.0' },
      'node_modules/ms': { version: '2.1.3' },
      'node_modules/jest': { version: '29.7.0', dev: true },
      'node_modules/jest/node_modules/chalk': { version: '4.1.2', dev: true },
      'node_modules/@types/node': { version: '22.0.0', dev: true },
    },
  };
  const NPM = [
    'app/node_modules/express/index.js:1000',
    'app/node_modules/ms/index.js:50',
    'app/node_modules/jest/index.js:7000',
    'app/node_modules/jest/node_modules/chalk/index.js:300',
    'app/node_modules/@types/node/index.d.ts:2000',
  ];
  const DOCKERFILE_NPM = `FROM node:22-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY src/ src/
`;
  let npmCtx: string;
  beforeAll(() => {
    npmCtx = join(dir, 'npm');
    mkdirSync(join(npmCtx, 'src'), { recursive: true });
    writeFileSync(join(npmCtx, 'Dockerfile'), DOCKERFILE_NPM);
    writeFileSync(join(npmCtx, 'package.json'), JSON.stringify({ name: 'web' }));
    writeFileSync(join(npmCtx, 'package-lock.json'), JSON.stringify(LOCK));
    writeFileSync(join(npmCtx, 'src/index.js'), 'x');
  });
  const history = [
    { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', summary: layer(...BASE) },
    { createdBy: 'WORKDIR /app', empty: true },
    {
      createdBy: 'COPY package*.json ./ # buildkit',
      summary: layer('app/', 'app/package.json:15', 'app/package-lock.json:400'),
    },
    { createdBy: 'RUN /bin/sh -c npm ci # buildkit', summary: layer(...dirsOf(NPM), ...NPM) },
    { createdBy: 'COPY src/ src/ # buildkit', summary: layer('app/src/', 'app/src/index.js:1') },
  ];

  it('sums the node_modules paths the lockfile marks dev, in the install’s layer', async () => {
    const linted = await lintDockerfileResult(join(npmCtx, 'Dockerfile'), { context: npmCtx });
    const analysis = analyzeImage(imageData(history));
    const ig013 = measureFindings({
      findings: linted.findings,
      steps: linted.final,
      image: analysis.image,
      fileIndex: analysis.fileIndex,
    }).find((f) => f.rule === 'IG013')!;
    expect(ig013.line).toBe(4);
    expect(ig013.bytes).toBe(sumOf(NPM, 'app/node_modules/jest/', 'app/node_modules/@types/'));
    expect(ig013.measured).toEqual({
      layer: 3,
      paths: ['/app/node_modules/jest', '/app/node_modules/@types/node'],
    });
  });

  it('without a lockfile in the context nothing is claimed', async () => {
    rmSync(join(npmCtx, 'package-lock.json'));
    try {
      const linted = await lintDockerfileResult(join(npmCtx, 'Dockerfile'), { context: npmCtx });
      const analysis = analyzeImage(imageData(history));
      const ig013 = measureFindings({
        findings: linted.findings,
        steps: linted.final,
        image: analysis.image,
        fileIndex: analysis.fileIndex,
      }).find((f) => f.rule === 'IG013')!;
      expect(ig013.measured).toBeUndefined();
      expect(ig013.bytes).toBeNull();
    } finally {
      writeFileSync(join(npmCtx, 'package-lock.json'), JSON.stringify(LOCK));
    }
  });
});

describe('instructions as each builder records them', () => {
  const text = `FROM busybox
SHELL ["/bin/sh", "-e", "-c"]
ENV A=1
RUN apt-get update && apt-get install -y curl
RUN ["/bin/sh", "-c", "echo b > /b"]
RUN ["pip", "install", "flask"]
`;
  // as observed on the classic engine: BuildKit, then the legacy builder
  const recorded = {
    buildkit: [
      'SHELL [/bin/sh -e -c]',
      'ENV A=1',
      'RUN /bin/sh -e -c apt-get update && apt-get install -y curl # buildkit',
      'RUN /bin/sh -c echo b > /b # buildkit',
      'RUN pip install flask # buildkit',
    ],
    legacy: [
      '/bin/sh -e -c #(nop)  SHELL [/bin/sh -e -c]',
      '/bin/sh -e -c #(nop)  ENV A=1',
      '/bin/sh -e -c apt-get update && apt-get install -y curl',
      '/bin/sh -c echo b > /b',
      'pip install flask',
    ],
  };
  for (const [builder, entries] of Object.entries(recorded)) {
    it(`${builder}: a SHELL of the Dockerfile's and exec-form RUNs are matched with their layers`, () => {
      const { final } = lintResult(text, null);
      const layers = [
        { index: 0, diffId: 'sha256:0', createdBy: 'ADD file:x in /', size: 10, empty: false },
        ...entries.map((createdBy, k) => ({
          index: k + 1,
          diffId: null,
          createdBy,
          size: 0,
          empty: !/(apt-get|echo|pip)/.test(createdBy),
        })),
      ];
      expect([...layersOfSteps(layers, final!.steps)]).toEqual([
        [6, 5],
        [5, 4],
        [4, 3],
      ]);
    });
  }
});
