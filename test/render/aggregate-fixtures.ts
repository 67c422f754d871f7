// Reports of images as an image job of the Action writes them, made by the real code: the images analyzed from
// layer summaries, the Dockerfile linted by the real rules, the report built by buildReport, then the `action`
// stamp the Action's publish step adds (its commit, comment key and how its comment showed it).
import { analyzeImage } from '../../src/analysis/analyze.js';
import type { BudgetLimits } from '../../src/analysis/budgets.js';
import { buildReport } from '../../src/analysis/report.js';
import type { LoadedReport } from '../../src/core/aggregate.js';
import type { FailOn, Report, ReportAction } from '../../src/core/report.js';
import { lint } from '../../src/lint/index.js';
import { imageData, layer } from '../analysis/helpers.js';

export const COMMIT = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

const OS = { createdBy: 'ADD rootfs.tar /', summary: layer('bin/busybox:900000', 'etc/passwd:500') };

export interface ImageSpec {
  key: string;
  title?: string;
  /** The app's bytes in the base and the head image; no base: a new image. */
  baseBytes: number | null;
  headBytes: number;
  dockerfile: string;
  failOn?: FailOn;
  limits?: BudgetLimits;
  commit?: string;
  /** Files in the head's app layer (many make a long report). */
  files?: number;
  /** Seconds of both builds, served from the engine's cache, as the Action times them. */
  cachedBuildSeconds?: number;
}

export function imageReport(spec: ImageSpec): Report & { action: ReportAction } {
  const failOn = spec.failOn ?? 'error';
  const files = spec.files ?? 1;
  const appLayer = (bytes: number, prefix: string) =>
    layer(...Array.from({ length: files }, (_, i) => `app/${prefix}${i}.bin:${Math.floor(bytes / files)}`));
  const head = analyzeImage(
    imageData([OS, { createdBy: 'COPY app /app # buildkit', summary: appLayer(spec.headBytes, 'h') }]),
  );
  const base =
    spec.baseBytes === null
      ? null
      : analyzeImage(
          imageData([OS, { createdBy: 'COPY app /app # buildkit', summary: appLayer(spec.baseBytes, 'b') }]),
        );
  const findings = lint(spec.dockerfile, null, { file: spec.title ?? spec.key });
  const built = buildReport({
    head: head.image,
    base: base?.image ?? null,
    baseUnavailable: base
      ? null
      : 'Dockerfile does not exist at the base commit 0123abc: this is a new image',
    findings,
    failOn,
    limits: spec.limits ?? {},
    ...(spec.cachedBuildSeconds
      ? {
          costs: {
            pullBandwidth: 100_000_000,
            builds: {
              head: { seconds: spec.cachedBuildSeconds, cache: 'all' as const, noCache: false },
              base: base ? { seconds: spec.cachedBuildSeconds, cache: 'all' as const, noCache: false } : null,
            },
          },
        }
      : {}),
  });
  return {
    ...built.report,
    action: {
      commit: spec.commit ?? COMMIT,
      key: spec.key,
      title: spec.title ?? spec.key,
      failOn,
      baseLabel: base ? '0123abc' : null,
      headLabel: 'a1b2c3d',
      unchecked: [...built.unchecked],
      htmlReport: null,
    },
  };
}

export const loaded = (file: string, report: Report & { action: ReportAction }): LoadedReport => ({
  file,
  report,
});

/** Three images as a matrix of jobs writes them: one passes, one breaks a budget, one is new with findings. */
export function threeImages(): LoadedReport[] {
  return [
    loaded(
      'reports/web.json',
      imageReport({
        key: 'web',
        title: 'web/Dockerfile',
        baseBytes: 1_000_000,
        headBytes: 1_200_000,
        dockerfile: 'FROM busybox:1.36\nCOPY app /app\nUSER nobody\n',
      }),
    ),
    loaded(
      'reports/api.json',
      imageReport({
        key: 'api',
        title: 'api/Dockerfile',
        baseBytes: 2_000_000,
        headBytes: 5_000_000,
        dockerfile: 'FROM busybox:1.36\nCOPY app /app\nUSER nobody\n',
        limits: { maxSize: 4_000_000 },
      }),
    ),
    loaded(
      'reports/worker.json',
      imageReport({
        key: 'worker',
        title: 'worker/Dockerfile',
        baseBytes: null,
        headBytes: 300_000,
        dockerfile: 'FROM python:3.13\nRUN pip install requests\nCOPY . /app\n',
      }),
    ),
  ];
}
