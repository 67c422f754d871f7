// The application layer: one comparison (or one image's analysis) end to end, the same for the CLI's `compare`
// and `analyze` and for the Action. Given its ports (how an image is read and analyzed, a registry client,
// something that starts containers, the linter, the Action's cache probe), it reads base and head, asks the
// registries, probes start-up and the build cache, lints the Dockerfile with the config, and hands every
// figure to buildReport, which returns the report complete and frozen. It builds nothing and publishes
// nothing: the callers do that, and only read what it returns.
import { isAbsolute, relative } from 'node:path';
import type { ImageAnalysis } from '../analysis/analyze.js';
import type { BudgetLimits } from '../analysis/budgets.js';
import type { ImageExplore } from '../analysis/explore.js';
import type { FileIndex } from '../analysis/file-index.js';
import { measureFindings } from '../analysis/finding-bytes.js';
import { buildReport, type RunReport } from '../analysis/report.js';
import type { ImageGuardConfig } from '../config/config.js';
import type { Settings } from '../config/settings.js';
import { messageOf, UserError } from '../core/errors.js';
import { namesRegistry, referenceProblem, registrySource } from '../core/image-ref.js';
import type { JudgedImage } from '../core/judged.js';
import type { BuildFigures, CacheProbe, Finding, Image, PolicyReport } from '../core/report.js';
import { isArchiveRef } from '../image/archive-ref.js';
import type { ContextScan } from '../lint/context.js';
import type { FinalSteps } from '../lint/final-steps.js';
import type { RegistryClient, RegistryResult } from '../registry/registry-client.js';
import type { ContainerRunner } from '../startup/startup-probe.js';
import { registryLookup, startupFor, withRegistrySizes } from './costs.js';
import { applyPolicy } from './policy.js';

export interface AnalyzeOptions {
  files: boolean;
  pullSize: boolean;
  /** The platform a `registry:` image is read for (`os/arch[/variant]`); null: the runner's. */
  platform?: string | null;
}

/** What the comparison needs from the outside world. */
export interface ComparePorts {
  /** Reads and analyzes one image (engine or archive), through the analysis cache. */
  analyze(ref: string, options: AnalyzeOptions): Promise<ImageAnalysis>;
  /** The registry client, made only when a reference names a registry. */
  registry(): RegistryClient | Promise<RegistryClient>;
  /** Starts containers for the start-up probe; made only when a probe is asked for. */
  containers(): ContainerRunner | undefined | Promise<ContainerRunner | undefined>;
  /** Lints a Dockerfile on disk with the config's policy; findings come back with the path as given. */
  lint(
    dockerfile: string,
    options: {
      context: string;
      target: string | null;
      config: ImageGuardConfig;
      platform?: string | null;
      buildContexts?: readonly string[];
    },
  ): Promise<{
    findings: Finding[];
    judged: JudgedImage | null;
    final?: FinalSteps | null;
    /** The build context as the lint read it (null: not read), which the Action's fixer takes as it is. */
    context?: ContextScan | null;
  }>;
  /**
   * The Action's cache probe (`cache-probe: true`): the head rebuilt after a one-file source change, compared
   * with the head image's layers. Absent: no probe.
   */
  cacheProbe?(head: Image): Promise<CacheProbe>;
}

export interface ImageRequest {
  ref: string;
  /** How the report names the image (the Dockerfile's path for an image the Action built); default `ref`. */
  shownAs?: string;
  /** The build this run (or another tool) timed; null when the image was given. */
  build?: BuildFigures | null;
  /** A short name for the renderers' columns (the Action's short commit SHA); default none. */
  label?: string;
}

export interface CompareRequest {
  head: ImageRequest;
  /** The base image, or why there is none. */
  base: (ImageRequest & { optional?: boolean }) | { unavailable: string };
  /** The Dockerfile to lint; null: no lint. */
  dockerfile: { path: string; context: string; target: string | null } | null;
  settings: Settings;
  /** The config file with `ignore` as resolved (src/app/load-settings.ts): the policy for every finding. */
  config: ImageGuardConfig;
  /** Finding paths are shown relative to this folder when they are inside it. */
  root: string;
  /** Why the images were not timed as built, when they were not. */
  buildWhy?: string | null;
  /** Whose config judged the change (src/app/load-settings.ts), when the base's config was read. */
  policy?: PolicyReport;
}

/** Reads base and head (at the same time), lints, probes, and returns the run's report, complete and frozen. */
export async function runComparison(request: CompareRequest, ports: ComparePorts): Promise<RunReport> {
  const { settings } = request;
  checkImageRef(request.head.ref, 'the head image');
  if ('ref' in request.base) checkImageRef(request.base.ref, 'the base image');
  const what = { files: settings.files, pullSize: settings['pull-size'], platform: settings.platform };
  const baseRequest = 'ref' in request.base ? request.base : null;

  // Registries are asked while base and head are read: each export mostly waits.
  const answers = askRegistries([request.head.ref, baseRequest?.ref], ports);
  answers.catch(() => undefined);
  const [head, base, linted] = await Promise.all([
    ports.analyze(request.head.ref, what),
    baseRequest
      ? readBase(baseRequest, what, ports)
      : { image: null, fileIndex: undefined, why: unavailableWhy(request.base), explore: null },
    lintStep(request, ports),
  ]);

  const pullNotes: string[] = [];
  const registry = await answers;
  const sized = (image: Image, ref: string): Image => {
    const answer = registry.get(ref);
    if (!answer) return image;
    const r = withRegistrySizes(image, answer, ref);
    if (r.note) pullNotes.push(r.note);
    return r.image;
  };
  const headImage = sized(head.image, request.head.ref);
  const baseImage =
    base.image && baseRequest
      ? sized({ ...base.image, ref: baseRequest.shownAs ?? base.image.ref }, baseRequest.ref)
      : null;

  const startup = await startupStep(request, baseImage !== null, ports);
  const cacheProbe = ports.cacheProbe ? await ports.cacheProbe(headImage) : null;

  return buildReport({
    head: { ...headImage, ref: request.head.shownAs ?? request.head.ref },
    base: baseImage,
    baseUnavailable: baseImage ? null : base.why,
    // What each Dockerfile finding costs, measured in the head's own file index.
    findings: [
      ...measureFindings({
        findings: linted?.findings ?? [],
        steps: linted?.final,
        image: headImage,
        fileIndex: head.fileIndex,
      }),
      ...applyPolicy(head.findings, request.config),
    ],
    limits: limitsOf(settings),
    failOn: settings['fail-on'],
    ...(linted ? { judged: linted.judged } : {}),
    // From the two analyses' file indexes (kept in the analysis cache too): no image is read again.
    fileIndexes: { base: base.fileIndex, head: head.fileIndex },
    costs: {
      pullBandwidth: settings['pull-bandwidth'],
      builds: { head: request.head.build ?? null, base: baseRequest?.build ?? null },
      buildWhy: request.buildWhy ?? null,
      startup,
      pullNotes,
    },
    cacheProbe,
    explore: { head: head.explore ?? null, base: base.explore ?? null },
    labels: { headLabel: request.head.label, baseLabel: baseRequest?.label },
    ...(request.policy ? { policy: request.policy } : {}),
  });
}

/** One image on its own (`analyze`): its content findings under the config's policy, and its budgets. */
export async function runAnalysis(
  ref: string,
  settings: Settings,
  config: ImageGuardConfig,
  ports: Pick<ComparePorts, 'analyze'>,
): Promise<RunReport> {
  checkImageRef(ref, 'the image');
  const { image, findings, explore } = await ports.analyze(ref, {
    files: settings.files,
    pullSize: settings['pull-size'],
    platform: settings.platform,
  });
  return buildReport({
    head: image,
    base: null,
    findings: applyPolicy(findings, config),
    limits: limitsOf(settings),
    failOn: settings['fail-on'],
    explore: { head: explore ?? null },
  });
}

/**
 * An archive, or a reference the engine's grammar accepts; checked before any request, so that text like
 * `../../host:port/x?` never reaches the Engine API or a registry as part of a URL.
 */
function checkImageRef(ref: string, what: string): void {
  if (isArchiveRef(ref)) return;
  const problem = referenceProblem(registrySource(ref) ?? ref);
  if (problem === null) return;
  const shown = ref.length > 200 ? `${ref.slice(0, 200)}…` : ref;
  throw new UserError(
    `${what} ${JSON.stringify(shown)} is not an image reference: it ${problem}. Write NAME[:TAG][@DIGEST] (e.g. ghcr.io/org/app:1.2), registry:NAME[:TAG][@DIGEST], docker-archive:PATH, oci-archive:PATH or oci:DIR`,
  );
}

function unavailableWhy(base: CompareRequest['base']): string {
  return 'unavailable' in base ? base.unavailable : 'no base image';
}

/** The base image, or why it could not be read: an optional base (the Action's) is a note, not a failure. */
async function readBase(
  base: ImageRequest & { optional?: boolean },
  what: AnalyzeOptions,
  ports: ComparePorts,
): Promise<{
  image: Image | null;
  fileIndex: FileIndex | undefined;
  why: string | null;
  explore: ImageExplore | null;
}> {
  try {
    const { image, fileIndex, explore } = await ports.analyze(base.ref, what);
    return { image, fileIndex, why: null, explore: explore ?? null };
  } catch (error) {
    if (!base.optional) throw error;
    return {
      image: null,
      fileIndex: undefined,
      why: `the base image could not be read: ${messageOf(error)}`,
      explore: null,
    };
  }
}

async function lintStep(
  request: CompareRequest,
  ports: ComparePorts,
): Promise<{ findings: Finding[]; judged: JudgedImage | null; final?: FinalSteps | null } | null> {
  const d = request.dockerfile;
  if (!d) return null;
  const { findings, judged, final } = await ports.lint(d.path, {
    context: d.context,
    target: d.target,
    config: request.config,
    platform: request.settings.platform,
    buildContexts: request.settings['build-contexts'].map((c) => c.slice(0, Math.max(0, c.indexOf('=')))),
  });
  return {
    findings: findings.map((f) => (f.file ? { ...f, file: shownPath(f.file, request.root) } : f)),
    judged,
    final,
  };
}

/** A path inside `root` as the repository names it (`docker/Dockerfile`); any other as it is. */
function shownPath(path: string, root: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Asks the registries about the refs that name one; no layer is downloaded. */
async function askRegistries(
  refs: (string | undefined)[],
  ports: ComparePorts,
): Promise<Map<string, RegistryResult>> {
  const answers = new Map<string, RegistryResult>();
  const named = refs.filter((r): r is string => !!r && !isArchiveRef(r) && namesRegistry(r));
  if (named.length === 0) return answers;
  const client = await ports.registry();
  await Promise.all(
    named.map(async (ref) => {
      const answer = await registryLookup(client, ref);
      if (answer) answers.set(ref, answer);
    }),
  );
  return answers;
}

/** Start-up times, base first, then head, one after the other; archives cannot be started. */
async function startupStep(request: CompareRequest, withBase: boolean, ports: ComparePorts) {
  const probe = request.settings['startup-probe'];
  if (!probe) return {};
  const side = (ref: string) =>
    isArchiveRef(ref)
      ? { ref: null, why: 'an archive cannot be started: give an image the engine has' }
      : { ref: registrySource(ref) ?? ref }; // a registry image is started as `docker run` pulls it
  const base = 'ref' in request.base && withBase ? request.base.ref : null;
  return startupFor({
    runner: await ports.containers(),
    probe,
    runs: request.settings['startup-runs'],
    timeoutSeconds: request.settings['startup-timeout'],
    images: [
      ...(base ? [{ side: 'base' as const, ...side(base) }] : []),
      { side: 'head' as const, ...side(request.head.ref) },
    ],
  });
}

function limitsOf(settings: Settings): BudgetLimits {
  const limits: BudgetLimits = {};
  if (settings['max-size'] !== null) limits.maxSize = settings['max-size'];
  if (settings['max-increase'] !== null) limits.maxIncrease = settings['max-increase'];
  if (settings['max-wasted'] !== null) limits.maxWasted = settings['max-wasted'];
  if (settings['min-efficiency'] !== null) limits.minEfficiency = settings['min-efficiency'];
  if (settings['max-layers'] !== null) limits.maxLayers = settings['max-layers'];
  return limits;
}
