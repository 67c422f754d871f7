import { describe, expect, it } from 'vitest';
import { type CliDeps, main } from '../../src/cli/main.js';
import type { Report } from '../../src/core/report.js';
import type { RegistryClient } from '../../src/registry/registry-client.js';
import type { ContainerRunner } from '../../src/startup/startup-probe.js';
import { imageData, layer } from '../analysis/helpers.js';
import { captureIO as io } from '../support/cli-io.js';

const os = { createdBy: 'ADD rootfs /', summary: layer('bin/busybox:1000000'), diffId: 'sha256:os' };
const baseData = imageData(
  [os, { createdBy: 'RUN make', summary: layer('app:5000'), diffId: 'sha256:b1' }],
  'app:main',
);
const headData = imageData(
  [os, { createdBy: 'RUN make', summary: layer('app:9000'), diffId: 'sha256:h1' }],
  'localhost:5000/app:pr',
);
// What each analysis would carry when the layers were counted while read.
baseData.layerCompressed = [
  { gzip: 400_000, zstd: null },
  { gzip: 2000, zstd: null },
];

const registry: RegistryClient = {
  async compressedSize(ref) {
    if (ref !== 'localhost:5000/app:pr') throw new Error(`asked about ${ref}`);
    return {
      ok: true,
      configDigest: headData.id,
      manifestDigest: null,
      compressed: {
        gzip: 403_500,
        zstd: null,
        source: 'registry',
        layers: [
          { diffId: 'sha256:os', gzip: 400_000, zstd: null },
          { diffId: 'sha256:h1', gzip: 3500, zstd: null },
        ],
      },
    };
  },
};

/** Containers that get ready at once, counted so the test can see every one was removed. */
function containers(): ContainerRunner & { live: Set<string> } {
  const live = new Set<string>();
  let n = 0;
  return {
    live,
    async run() {
      const id = `c${n++}`;
      live.add(id);
      return { id };
    },
    async state() {
      return { running: true, exitCode: null, address: '10.0.0.2' };
    },
    async exec() {
      return 0;
    },
    async logsTail() {
      return [];
    },
    async remove(id) {
      live.delete(id);
    },
  };
}

const deps = (extra: Partial<CliDeps> = {}): CliDeps => ({
  loader: {
    async load(ref) {
      if (ref === 'app:main') return baseData;
      if (ref === 'localhost:5000/app:pr') return headData;
      throw new Error(`no ${ref}`);
    },
  },
  lintDockerfile: async () => ({ findings: [], judged: null }),
  registry,
  ...extra,
});

describe('image-guard compare: the costs table', () => {
  it('pull sizes from the registry and from the read, start-up by command, build times as given', async () => {
    const t = io();
    const runner = containers();
    const code = await main(
      [
        'compare',
        '--base',
        'app:main',
        '--head',
        'localhost:5000/app:pr',
        '--format',
        'json',
        '--pull-bandwidth',
        '8Mbit/s',
        '--startup-probe',
        'cmd:test -f /ready',
        '--startup-runs',
        '2',
        '--base-build-time',
        '120.5/fresh',
        '--head-build-time',
        '125.3/fresh',
      ],
      t.io,
      deps({ containers: runner }),
    );
    expect(t.err()).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(t.out()) as Report;
    const g = report.costs!;
    expect(g.pullBandwidth).toBe(8_000_000);
    expect(g.base?.pull).toEqual({ bytes: 402_000, seconds: 0.402, compression: 'gzip', source: 'computed' });
    expect(g.head.pull).toEqual({ bytes: 403_500, seconds: 0.4035, compression: 'gzip', source: 'registry' });
    expect(g.headPullAfterBase).toEqual({ bytes: 3500, seconds: 0.0035 });
    expect(g.base?.build).toEqual({ seconds: 120.5, cache: 'none', noCache: true });
    expect(g.notes.build).toBeNull();
    expect(g.head.startup?.runs).toHaveLength(2);
    expect(g.base?.startup?.medianSeconds).not.toBeNull();
    expect(runner.live.size).toBe(0);
    expect(report.head?.compressed?.source).toBe('registry');
  });

  it('the text report shows the table; without a probe there is no start-up row', async () => {
    const t = io();
    await main(['compare', '--base', 'app:main', '--head', 'localhost:5000/app:pr'], t.io, deps());
    expect(t.out()).toContain('Size, build, pull and start-up');
    expect(t.out()).toMatch(/pull size \(gzip\)\s+402 kB\s+404 kB\s+0%/);
    expect(t.out()).not.toMatch(/start-up \(median|start-up:/);
  });

  it('a registry that fails is a note, the computed size (if any) stands in', async () => {
    const t = io();
    const down: RegistryClient = {
      compressedSize: async () => ({ ok: false, why: 'localhost:5000 did not answer within 10 s' }),
    };
    await main(
      ['compare', '--base', 'app:main', '--head', 'localhost:5000/app:pr', '--format', 'json'],
      t.io,
      deps({ registry: down }),
    );
    const g = (JSON.parse(t.out()) as Report).costs!;
    expect(g.head.pull).toBeNull();
    expect(g.notes.pull).toContain('localhost:5000/app:pr: localhost:5000 did not answer within 10 s');
  });

  it('reports every bad costs flag at once, exit 2', async () => {
    const t = io();
    const code = await main(
      [
        'compare',
        '--head',
        'x',
        '--pull-bandwidth',
        'fast',
        '--startup-probe',
        'http',
        '--startup-runs',
        '0',
        '--startup-timeout',
        'x',
        '--base-build-time',
        'slow',
      ],
      t.io,
      deps(),
    );
    expect(code).toBe(2);
    expect(t.out()).toBe('');
    expect(t.err()).toMatch(
      /--pull-bandwidth "fast" is not a speed.*--startup-probe "http" must be port:PORT.*--startup-runs "0".*--startup-timeout "x".*--base-build-time "slow"/,
    );
  });
});
