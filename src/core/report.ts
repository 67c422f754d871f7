// The public JSON report (contract v1). Everything the CLI prints with --format json and the Action writes to
// its report-file has exactly these shapes; change them only by adding.
import type { JudgedImage } from './judged.js';

export type Severity = 'error' | 'warning' | 'info';
export type FailOn = Severity | 'never';

export interface Finding {
  rule: string;
  name: string;
  severity: Severity;
  message: string;
  file: string | null;
  line: number | null;
  fix: string | null;
  bytes: number | null;
  /**
   * Added to the contract: where `bytes` was measured in the built head image (the finding's cost), when it
   * was; absent or null when the finding's effect was not measured (then `bytes`, if set, is the rule's own
   * figure, such as IG008's context bytes).
   */
  measured?: FindingMeasure | null;
}

/** Added to the contract: what a Dockerfile finding costs, measured in the head image's file index. */
export interface FindingMeasure {
  /** The head layer (index into `head.layers`) the instruction made; null when summed over packages. */
  layer: number | null;
  /** Absolute paths whose files from that layer make up `bytes` (only those that hold bytes). */
  paths: string[];
  /** The packages whose bytes make up `bytes` (IG001, IG011), as `ecosystem:name`; absent otherwise. */
  packages?: string[];
}

export interface ImageLayer {
  index: number;
  diffId: string | null;
  createdBy: string;
  size: number;
  empty: boolean;
}

export interface FileEntryRef {
  path: string;
  size: number;
  layer: number;
}

export interface WastedEntry {
  path: string;
  bytes: number;
  layers: number[];
}

export interface FileStats {
  totalBytes: number;
  wastedBytes: number;
  efficiency: number;
  fileCount: number;
  largest: FileEntryRef[];
  wasted: WastedEntry[];
}

export interface Image {
  ref: string;
  id: string;
  size: number;
  layers: ImageLayer[];
  files: FileStats | null;
  /**
   * Added to the contract: what a `docker pull` of the image transfers (its compressed layers). Absent or null
   * when not known (an image read without its layers, or a registry that did not answer).
   */
  compressed?: CompressedSize | null;
  /**
   * Added to the contract: the packages installed in the final filesystem (dpkg, apk, rpm, Python, npm, gems),
   * read from the files the analysis streamed. Absent or null when the image was read without its files.
   */
  packages?: Package[] | null;
  /**
   * Added to the contract: why `packages` may be incomplete (package database files over the memory kept for
   * them, records that could not be read); absent or null when nothing is missing.
   */
  packagesNote?: string | null;
}

export type PackageEcosystem = 'deb' | 'apk' | 'rpm' | 'python' | 'npm' | 'gem';

/** Added to the contract: one installed package of an image. */
export interface Package {
  ecosystem: PackageEcosystem;
  name: string;
  version: string;
  /** Where its record is, absolute (`/var/lib/dpkg/status`, `/app/node_modules/a/node_modules/b/package.json`). */
  location: string;
  /** Bytes of the files it owns that are in the final filesystem (hard links once), or the declared size. */
  bytes: number;
  /** `files`: summed over its files still present; `declared`: the database's size (no file list to sum). */
  bytesFrom: 'files' | 'declared';
}

/** Added to the contract: the compressed layers of an image, from its registry manifest or computed. */
export interface CompressedSize {
  /**
   * Sum of the layers as gzip: from the manifest when the registry stores gzip layers, else computed at
   * level 6 (what `docker push` uses); null when the registry stores the layers otherwise (zstd).
   */
  gzip: number | null;
  /** Sum of the layers as zstd: from the manifest when the registry stores zstd, else computed at level 3; null when not known (no zstd encoder in this Node). */
  zstd: number | null;
  /** `registry`: the manifest's layer sizes (exact, no layer downloaded); `computed`: compressed while read. */
  source: 'registry' | 'computed';
  /** Per non-empty layer, oldest first (the config's diff_ids order): what is shared with another image is not pulled again. */
  layers: { diffId: string; gzip: number | null; zstd: number | null }[];
}

export type LayerStatus = 'same' | 'changed' | 'added' | 'removed';

export interface LayerRow {
  status: LayerStatus;
  base: number | null;
  head: number | null;
  createdBy: string;
  baseSize: number | null;
  headSize: number | null;
  delta: number;
}

export interface Delta {
  size: number;
  percent: number | null;
  layers: number;
  wastedBytes: number | null;
}

export interface Budget {
  name: string;
  limit: number;
  actual: number;
  passed: boolean;
  /** Added to the contract: what `limit` and `actual` count (a `max-increase` can be bytes or percent). */
  unit: 'bytes' | 'percent' | 'ratio' | 'layers';
}

/** Added to the contract: what the cache probe (the Action's `cache-probe: true`) measured. */
export interface CacheProbe {
  /** The context file changed for the rebuild, or null when there was none to change. */
  changedFile: string | null;
  /** Layers the rebuild could not take from the cache (index into the probe image's layers). */
  missed: { index: number; createdBy: string; size: number }[];
  missedBytes: number;
  /** Seconds the rebuild took. */
  seconds: number;
  /** Why the probe says nothing, when it does not. */
  note: string | null;
}

/**
 * Added to the contract: what the change costs, base beside head (size, build time, pull size and time, start-up time)
 * for base and head. A figure that could not be measured is null and `notes` says why.
 */
export interface Costs {
  /** Bits per second the pull times assume (`pull-bandwidth`, default 100 Mbit/s = 100,000,000). */
  pullBandwidth: number;
  base: ImageCosts | null;
  head: ImageCosts;
  /**
   * Compressed bytes of the head's layers whose diffId the base does not have: what a node that already holds
   * the base image pulls for the head. null without a base or without compressed sizes.
   */
  headPullAfterBase: { bytes: number; seconds: number } | null;
  /**
   * Per row, what a reader must know: why a figure is missing (a registry that did not answer, a probe that
   * failed) or, for `build`, why no base → head change is shown (a build served from the cache). null: nothing.
   */
  notes: { build: string | null; pull: string | null; startup: string | null };
}

export interface ImageCosts {
  /** Bytes, as the image's `size`. */
  size: number;
  /** The build the run timed itself; null when the image was given, not built. */
  build: BuildFigures | null;
  /** What `docker pull` transfers and how long that takes at `pullBandwidth`; null when not known. */
  pull: {
    bytes: number;
    seconds: number;
    compression: 'gzip' | 'zstd';
    source: 'registry' | 'computed';
  } | null;
  /** Time from `docker run` to ready; null when no `startup-probe` was asked for. */
  startup: StartupFigures | null;
}

export interface BuildFigures {
  seconds: number;
  /** How much of the build the engine's cache served: `all` and `partial` builds time no real build. */
  cache: 'none' | 'partial' | 'all' | 'unknown';
  /** Built with `--no-cache` (`build-time: fresh`). */
  noCache: boolean;
}

export interface StartupFigures {
  /** Median seconds from `docker run -d` to ready over the runs that got ready; null when none did. */
  medianSeconds: number | null;
  /** Each run's seconds to ready, in order (runs that failed are not listed). */
  runs: number[];
  /** The probe: `port:8000` or `cmd:…`. */
  probe: string;
  /** Why there is no median, or why fewer runs than asked got ready. */
  note: string | null;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'image-guard'; version: string };
  head: Image | null;
  base: Image | null;
  baseUnavailable: string | null;
  delta: Delta | null;
  layers: LayerRow[];
  findings: Finding[];
  budgets: Budget[];
  passed: boolean;
  /** Added to the contract: present when the Action ran with `cache-probe: true`. */
  cacheProbe?: CacheProbe;
  /**
   * Added to the contract: the Dockerfile stage judged as the final image and why, when a Dockerfile was linted
   * (`lint`, `compare --dockerfile`, the Action); null when no stage could be judged.
   */
  judged?: JudgedImage | null;
  /** Added to the contract: size, build, pull and start-up costs, when the run measured them. */
  costs?: Costs;
  /**
   * Added to the contract: the file-level diff of the final filesystems, base → head. Absent for `analyze`,
   * without a base, and when either image was read without its files (`--no-files`).
   */
  diff?: FileDiff;
  /**
   * Added to the contract: the packages that changed base → head, biggest byte change first. Absent without a
   * base or when either image was read without its files.
   */
  packages?: PackageDiff;
  /**
   * Added to the contract: whose config file judged a pull request, and how the PR changes the policy. Present
   * when the run read the base commit's config (the Action on a pull request with `policy-from: base`, the
   * CLI's `compare --policy-from base --base-ref REF`).
   */
  policy?: PolicyReport;
  /**
   * Added to the contract: the image's size over the default branch's history, with this run's head after it.
   * Present when a history was read (the Action on a pull request, `compare --history FILE`) and holds the image.
   */
  history?: SizeTrend;
  /**
   * Added to the contract: the Action's run that wrote the report (its `report-file`); absent from the CLI's. What
   * the Action's `reports:` mode checks and shows when it puts several images' reports in one comment.
   */
  action?: ReportAction;
}

/** Added to the contract: the sizes the history holds for an image, oldest first, and this run's head. */
export interface SizeTrend {
  /** The image's key in the history (the comment key). */
  key: string;
  /** Where the history was read: `branch image-guard-history`, or the file `--history` named. */
  source: string;
  /** Records the history holds for the key (at most `history-limit`). */
  records: number;
  /** The last 30 of them, oldest first. */
  points: { commit: string; date: string; size: number }[];
  /** This run's head: its label (a short SHA) and size. */
  head: { label: string; size: number };
  /** The first point's size, and the lowest and highest of the points and the head. */
  first: number;
  min: number;
  max: number;
  /** The head is bigger than every size the history holds for the key: the largest the image has been. */
  largest: boolean;
}

/** Added to the contract: which run of the Action wrote a report, and how its comment showed it. */
export interface ReportAction {
  /** The commit the report is of: the pull request's head on a PR, else GITHUB_SHA (full SHA). */
  commit: string;
  /** The sticky comment's key (`comment-key`, else the Dockerfile and target). */
  key: string;
  /** How the comment named the image (`docker/Dockerfile (runtime)`). */
  title: string;
  /** The `fail-on` that judged the findings. */
  failOn: FailOn;
  /** The columns' short names of base and head (the commits' short SHAs, or base-image); null when none. */
  baseLabel: string | null;
  headLabel: string | null;
  /** Budgets that were set but could not be judged, with the reason. */
  unchecked: string[];
  /** The HTML report's artifact page, when it was uploaded; null otherwise. */
  htmlReport: string | null;
}

/** Added to the contract: the config that judged the change, and what the PR changes of it. */
export interface PolicyReport {
  /**
   * `base`: the config file at the base commit; `head (no base config)`: the base has none (first adoption),
   * so the PR's is used; `head (base config invalid)`: the base's could not be read (`note` says why).
   */
  from: 'base' | 'head (no base config)' | 'head (base config invalid)';
  /** The config file's path, as the repository names it (`.image-guard.yml`, or the `config` input's). */
  file: string;
  /** The base commit read, short (`3f2a9c1`). */
  baseCommit: string;
  /** Every key whose value the PR's config file sets otherwise than the base's, in the file's key order. */
  changes: PolicyChange[];
  /** Inline ignores (`# image-guard ignore=…`, `ignore-file=…`) in the PR's Dockerfile that the base's lacks. */
  addedIgnores: AddedIgnore[];
  /** Why the base's config was not used, when `from` says it was not; null otherwise. */
  note: string | null;
}

export interface PolicyChange {
  /** A config key (`max-size`, `fail-on`, `ignore`), or `severity.ID` for a rule's severity override. */
  key: string;
  /** The value as the base's file writes it; null when it does not set the key. */
  base: string | null;
  /** The value as the PR's file writes it; null when it does not set the key. */
  head: string | null;
  /** Which value judged this run: the base's file's, the PR's (`from` is not `base`), or an input's (`with:`). */
  applies: 'base' | 'head' | 'input';
}

export interface AddedIgnore {
  /** The rule id silenced. */
  rule: string;
  /** `instruction`: `# image-guard ignore=` above one instruction; `file`: `ignore-file=`, the whole Dockerfile. */
  scope: 'instruction' | 'file';
  /** The Dockerfile, as the repository names it. */
  file: string;
  /** The line of the comment. */
  line: number;
}

/** Added to the contract: packages added, removed, upgraded or downgraded from base to head. */
export interface PackageDiff {
  added: number;
  removed: number;
  upgraded: number;
  downgraded: number;
  /** Same version, other bytes (files of it deleted or changed in a later layer). */
  changed: number;
  /** Net bytes of all package changes (head − base). */
  net: number;
  /** Every change, biggest |delta| first. */
  changes: PackageChange[];
}

export interface PackageChange {
  ecosystem: PackageEcosystem;
  name: string;
  change: 'added' | 'removed' | 'upgraded' | 'downgraded' | 'changed';
  baseVersion: string | null;
  headVersion: string | null;
  baseBytes: number | null;
  headBytes: number | null;
  /** headBytes − baseBytes (a missing side counts 0). */
  delta: number;
  /** The head's record (the base's when removed). */
  location: string;
}

/**
 * Added to the contract: what changed between the final filesystems of base and head, file by file. It counts
 * regular files (hard links: each inode once, at the first of its paths in path order, as `du` does);
 * directories, symlinks and devices weigh nothing and are not listed. A file whose size did not change is not
 * a change: contents are not compared.
 */
export interface FileDiff {
  /** Files only in the head (a directory of the base replaced by a file counts its files removed, the file added). */
  added: ChangeTotal;
  /** Files only in the base. */
  removed: ChangeTotal;
  /** Files in both, bigger in the head; `bytes` is the growth. */
  grown: ChangeTotal;
  /** Files in both, smaller in the head; `bytes` is the shrinkage (positive). */
  shrunk: ChangeTotal;
  /** Bytes of the head's final filesystem minus the base's: added + grown − removed − shrunk. */
  net: number;
  /** The final filesystems' regular files and bytes (inodes once). */
  base: ChangeTotal;
  head: ChangeTotal;
  /**
   * The directories that changed most, by churn (added + removed + grown + shrunk bytes below them, summed as
   * `du` sums a directory), biggest first. A directory whose files are all new, or all gone (`wholly`), is one
   * unit: the topmost such directory is listed (through directories holding nothing but one subdirectory) and
   * nothing inside it. Elsewhere a directory is listed unless one subdirectory holds half of its churn or more
   * (it would only stand for that subdirectory); listed directories may be inside one another, as `du` lists
   * them. The root only when no other directory changed.
   */
  directories: DirectoryChange[];
  /** The files that changed most (by |delta|), biggest first. */
  files: FileChange[];
  /**
   * The head's largest files that this PR touched: added, grown, or on top from a layer the base does not
   * have (`layerChanged`), biggest (head size) first.
   */
  largest: FileChange[];
  /** How many entries each list was cut to (`directories`, `files`, `largest`, files per directory). */
  limits: FileDiffLimits;
}

export interface ChangeTotal {
  files: number;
  bytes: number;
}

export type FileChangeKind = 'added' | 'removed' | 'grown' | 'shrunk' | 'same-size';

export interface FileChange {
  /** Absolute path in the image (`/usr/bin/gcc`). */
  path: string;
  /** `same-size`: only in `largest`, a file of a changed layer whose size did not change. */
  change: FileChangeKind;
  baseSize: number | null;
  headSize: number | null;
  /** headSize − baseSize (a missing side counts 0). */
  delta: number;
  /** Head layer (index into `head.layers`) the file's final version comes from; null when removed. */
  layer: number | null;
  /** The file's head layer has a diffId the base does not have (the PR built or changed it). */
  layerChanged: boolean;
}

export interface DirectoryChange {
  /** Absolute path (`/usr/lib/gcc`); `/` for the root. */
  path: string;
  /**
   * `added`: every file below it is new (none was in the base); `removed`: every file below it is gone; null:
   * it is in both. Always set by image-guard; optional only for readers of older reports.
   */
  wholly?: 'added' | 'removed' | null;
  /** Bytes added + grown − removed − shrunk below it. */
  net: number;
  added: ChangeTotal;
  removed: ChangeTotal;
  grown: ChangeTotal;
  shrunk: ChangeTotal;
  /** The files below it that changed most (by |delta|), biggest first. */
  largest: FileChange[];
  /**
   * Added to the contract: the package that owns most of this directory's churn (over half of it), with the
   * bytes of that churn it owns; absent or null when no one package does or packages were not read.
   */
  owner?: { ecosystem: PackageEcosystem; name: string; bytes: number } | null;
}

export interface FileDiffLimits {
  directories: number;
  files: number;
  largest: number;
  filesPerDirectory: number;
}

const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** True when a finding of this severity fails a run whose threshold is `failOn`. */
export function reachesFailOn(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && rank[severity] >= rank[failOn];
}

export function severityRank(severity: Severity): number {
  return rank[severity];
}

/** A run passes when no budget is broken and no finding reaches `failOn`. */
export function decidePassed(
  findings: readonly Finding[],
  budgets: readonly Budget[],
  failOn: FailOn,
): boolean {
  return budgets.every((b) => b.passed) && !findings.some((f) => reachesFailOn(f.severity, failOn));
}
