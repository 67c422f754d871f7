// The one table of settings. Each setting is written once: its Action input, its CLI flag and the commands that
// take it, whether `.image-guard.yml` may set it, its default, its parser and the words of its error. The
// Action's inputs (src/action/inputs.ts), the CLI's flags and usage (src/cli/), the config file
// (src/config/config.ts) and the docs are read from here; tests hold action.yml, `--help` and the README's
// tables against it.
//
// Precedence, the same everywhere: a value the user wrote (an input, a flag), then the config file, then the
// default. action.yml declares no `default:` for a setting the config file can set: the runner passes an
// action.yml default as if the user had written it, and a written `fail-on: error` must win over the file.
import { CONTENT_RULES } from '../analysis/content-rules/index.js';
import { DEFAULT_PULL_BANDWIDTH } from '../analysis/costs.js';
import { parseBandwidth } from '../core/bandwidth.js';
import { UserError } from '../core/errors.js';
import { referenceProblem } from '../core/image-ref.js';
import { parseStartupProbe, STARTUP_PROBE_HINT, type StartupProbe } from '../core/probe.js';
import type { FailOn } from '../core/report.js';
import { type Increase, parseIncrease, parseSize } from '../core/size.js';
import { RULES } from '../lint/rules/index.js';

/** Every rule id there is: the Dockerfile rules' registry and the image-content rules' registry. */
const KNOWN_RULE_IDS: readonly string[] = [...RULES, ...CONTENT_RULES].map((r) => r.id);
export const isKnownRuleId = (id: string): boolean => KNOWN_RULE_IDS.includes(id);
export const KNOWN_RULES_HINT = `rule ids are ${RULES[0]?.id}–${RULES.at(-1)?.id} and ${CONTENT_RULES[0]?.id}–${CONTENT_RULES.at(-1)?.id}`;

export type Command = 'lint' | 'analyze' | 'compare';

/** A parser's answer: the value, or the end of a sentence that starts with the setting's name and text. */
type Parsed<T> = { value: T } | { problem: string };

interface SettingSpec<T> {
  /** What it does, one line: action.yml's description and the docs' tables. */
  doc: string;
  default: T;
  /** The default as the docs show it ('' when there is none). */
  defaultDoc: string;
  /**
   * action.yml's `default:`. Only for a setting the config file cannot set: the runner passes a default as if the
   * user had written it, which would hide the file's value.
   */
  actionDefault?: string;
  /** Text as a user writes it (trimmed, never empty) to a value. */
  parse: (text: string) => Parsed<T>;
  /** An input of action.yml. */
  input: boolean;
  /** A key of `.image-guard.yml`. */
  config: boolean;
  /** CLI commands that take `--<name>` (or `--no-<name>` for a boolean that defaults to true). */
  commands: readonly Command[];
  /** The flag's value as `--help` shows it (`S`, `LEVEL`); absent for a switch. */
  metavar?: string;
  /** Its text holds secrets: an error never quotes it, and the Action masks it before anything else runs. */
  secret?: boolean;
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
const SIZE_HINT = 'is not a size (write 250MB, 1.2GiB or bytes)';

const ok = <T>(value: T): Parsed<T> => ({ value });
const problem = (text: string): Parsed<never> => ({ problem: text });

const text = (t: string): Parsed<string | null> => ok(t);
/** An image the docker CLI pulls: a reference in the engine's grammar, never something it would read as a flag. */
const pulledImage = (t: string): Parsed<string | null> => {
  const why = referenceProblem(t);
  return why === null
    ? ok(t)
    : problem(`is not an image reference: it ${why} (write NAME[:TAG][@DIGEST], e.g. ghcr.io/org/app:main)`);
};
const size = (t: string): Parsed<number | null> => {
  const n = parseSize(t);
  return n === null ? problem(SIZE_HINT) : ok(n);
};
const increase = (t: string): Parsed<Increase | null> => {
  const n = parseIncrease(t);
  return n === null ? problem('is neither a size nor a percentage (write 10MB or 5%)') : ok(n);
};
const efficiency = (t: string): Parsed<number | null> => {
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
  return n >= 0 && n <= 1 ? ok(n) : problem('must be a number from 0 to 1 (e.g. 0.95)');
};
const count = (t: string): Parsed<number | null> =>
  /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? ok(Number(t)) : problem('must be a whole number');
const failOn = (t: string): Parsed<FailOn> => {
  const v = t.toLowerCase() as FailOn;
  return FAIL_ON.includes(v) ? ok(v) : problem('must be error, warning, info or never');
};
const boolean = (t: string): Parsed<boolean> =>
  /^true$/i.test(t) ? ok(true) : /^false$/i.test(t) ? ok(false) : problem('must be true or false');
const ruleIds = (t: string): Parsed<string[]> => {
  const ids = t
    .split(/[\s,]+/)
    .map((id) => id.trim().toUpperCase())
    .filter(Boolean);
  const bad = ids.find((id) => !isKnownRuleId(id));
  return bad ? problem(`holds the unknown rule id "${bad}": ${KNOWN_RULES_HINT}`) : ok(ids);
};
const policyFrom = (t: string): Parsed<'base' | 'head'> => {
  const v = t.toLowerCase();
  return v === 'base' || v === 'head' ? ok(v) : problem('must be base or head');
};
/** A commit, branch or tag as git takes it: never something git would read as an option. */
const gitRef = (t: string): Parsed<string | null> =>
  /^[^-\s][^\s]*$/.test(t) && !t.includes('..') && !t.includes('^{') && !t.includes(':')
    ? ok(t)
    : problem('is not a commit, branch or tag (write a SHA or a name like origin/main)');
const bandwidth = (t: string): Parsed<number> => {
  const bits = parseBandwidth(t);
  return bits === null ? problem('is not a speed (write 100Mbit/s, 1Gbit/s or 12.5MB/s)') : ok(bits);
};
const buildTime = (t: string): Parsed<'cached' | 'fresh'> => {
  const v = t.toLowerCase();
  return v === 'cached' || v === 'fresh' ? ok(v) : problem('must be cached or fresh');
};
const baseSource = (t: string): Parsed<'auto' | 'registry' | 'engine'> => {
  const v = t.toLowerCase();
  return v === 'auto' || v === 'registry' || v === 'engine'
    ? ok(v)
    : problem('must be auto, registry or engine');
};
const startupProbe = (t: string): Parsed<StartupProbe | null> => {
  const probe = parseStartupProbe(t);
  return probe ? ok(probe) : problem(STARTUP_PROBE_HINT);
};
const runs = (t: string): Parsed<number> =>
  /^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 20
    ? ok(Number(t))
    : problem('must be a whole number from 1 to 20');
const seconds = (t: string): Parsed<number> => {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*s?$/.exec(t);
  const n = m ? Number(m[1]) : Number.NaN;
  return n > 0 && n <= 3600
    ? ok(n)
    : problem('must be seconds, more than 0 and at most 3600 (e.g. 60 or 2.5s)');
};
/** A branch name git takes and never reads as an option or a range. */
const branchName = (t: string): Parsed<string> =>
  /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(t) &&
  !t.includes('..') &&
  !t.includes('//') &&
  !t.endsWith('/') &&
  !t.endsWith('.') &&
  !t.endsWith('.lock')
    ? ok(t)
    : problem('is not a branch name (e.g. image-guard-history)');
const historyLimit = (t: string): Parsed<number> =>
  /^\d+$/.test(t) && Number(t) <= 100_000
    ? ok(Number(t))
    : problem('must be a whole number from 0 to 100000');
/** A setting's lines as a workflow writes them (`|` blocks), trimmed, blank ones left out. */
const nonEmptyLines = (t: string): string[] =>
  t
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const lines = (t: string): Parsed<string[]> => {
  const all = nonEmptyLines(t);
  const bad = all.find((l) => !/^[^=\s]+=/.test(l));
  return bad === undefined
    ? ok(all)
    : problem(`has the line ${JSON.stringify(bad)}: write KEY=VALUE, one a line`);
};
/** `ID=VALUE` lines whose values are secrets: a problem names the line by number, never by its text. */
const secretLines = (t: string): Parsed<{ id: string; value: string }[]> => {
  const out: { id: string; value: string }[] = [];
  for (const [i, raw] of t.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const pair = idAndValue(line);
    if (!pair) return problem(`line ${i + 1} is not ID=VALUE (the value is not shown; one secret a line)`);
    out.push(pair);
  }
  return ok(out);
};
/** A secret's or an SSH agent's id as BuildKit takes it. */
const BUILD_ID = /^[A-Za-z0-9_.-]+$/;
/** `ID=VALUE` split at the first `=`; null when what comes before it is no id BuildKit takes. */
function idAndValue(line: string): { id: string; value: string } | null {
  const eq = line.indexOf('=');
  const id = eq > 0 ? line.slice(0, eq) : '';
  return BUILD_ID.test(id) ? { id, value: line.slice(eq + 1) } : null;
}
/** `ID=SOMETHING` lines (a file, an environment variable's name). */
const idLines =
  (what: string, valid: RegExp, example: string) =>
  (t: string): Parsed<{ id: string; value: string }[]> => {
    const out: { id: string; value: string }[] = [];
    for (const line of nonEmptyLines(t)) {
      const pair = idAndValue(line);
      const value = pair?.value.trim() ?? '';
      if (!pair || !valid.test(value))
        return problem(
          `has the line ${JSON.stringify(line)}: write ID=${what}, one a line (e.g. ${example})`,
        );
      out.push({ id: pair.id, value });
    }
    return ok(out);
  };
/** Lines handed to one buildx flag each (`--cache-from`, `--ssh`, …), as docker/build-push-action takes them. */
const flagLines =
  (example: string) =>
  (t: string): Parsed<string[]> => {
    const all = nonEmptyLines(t);
    const bad = all.find((l) => /\s/.test(l) || l.startsWith('-'));
    return bad === undefined
      ? ok(all)
      : problem(`has the line ${JSON.stringify(bad)}: one value a line, no spaces (e.g. ${example})`);
  };
/** A builder's or a network's name, as docker names them. */
const DOCKER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const builderName = (t: string): Parsed<string | null> =>
  DOCKER_NAME.test(t) ? ok(t) : problem('is not a buildx builder name (e.g. my-builder)');
const network = (t: string): Parsed<string | null> =>
  DOCKER_NAME.test(t) ? ok(t) : problem('must be default, none, host or a network name');
const attestation = (t: string): Parsed<string> =>
  /^[A-Za-z0-9_.,=:/-]+$/.test(t) && !t.startsWith('-')
    ? ok(t)
    : problem('must be false, true or buildx attestation options (e.g. mode=max)');
/** A build's seconds as another tool measured them, with how much of it the cache served. */
interface GivenBuild {
  seconds: number;
  cache: 'none' | 'partial' | 'all' | 'unknown';
  noCache: boolean;
}
const givenBuild = (t: string): Parsed<GivenBuild | null> => {
  const m = /^(\d+(?:\.\d+)?)\s*s?(?:\/(fresh|uncached|cached|partly-cached))?$/.exec(t);
  if (!m)
    return problem(
      'must be seconds, optionally /fresh (--no-cache), /uncached, /cached or /partly-cached (e.g. 120.5/fresh)',
    );
  const cache = { fresh: 'none', uncached: 'none', cached: 'all', 'partly-cached': 'partial' } as const;
  return ok({
    seconds: Number(m[1]),
    cache: m[2] ? cache[m[2] as keyof typeof cache] : 'unknown',
    noCache: m[2] === 'fresh',
  });
};
const format =
  (allowed: readonly string[]) =>
  (t: string): Parsed<string> =>
    allowed.includes(t) ? ok(t) : problem(`must be ${allowed.join(', ')}`);

const setting = <T>(spec: Partial<SettingSpec<T>> & Pick<SettingSpec<T>, 'doc' | 'default' | 'parse'>) =>
  ({ defaultDoc: '', input: true, config: false, commands: [], ...spec }) as SettingSpec<T>;

const BUDGET = { input: true, config: true, metavar: 'S' } as const;

/** Every setting, in the order action.yml and the docs list them. */
const SETTINGS = {
  dockerfile: setting({
    actionDefault: 'Dockerfile',
    doc: 'Path of the Dockerfile from the workspace root.',
    default: 'Dockerfile' as string,
    defaultDoc: 'Dockerfile',
    parse: ok,
    commands: ['compare'],
    metavar: 'FILE',
  }),
  context: setting({
    actionDefault: '.',
    doc: 'Build context.',
    default: '.' as string,
    defaultDoc: '.',
    parse: ok,
    commands: ['lint', 'compare'],
    metavar: 'DIR',
  }),
  target: setting({
    doc: 'Build stage.',
    default: null,
    parse: text,
    commands: ['lint', 'compare'],
    metavar: 'STAGE',
  }),
  platform: setting({
    doc: "One platform, os/arch[/variant]: the builds' --platform, what the automatic platform ARGs (TARGETOS, TARGETARCH, …) stand for while linting, and the image read from a multi-platform index of a registry: image. Default: the engine's own (lint: linux/amd64; registry: images: the runner's).",
    default: null,
    parse: (t: string) =>
      /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(t)
        ? ok(t)
        : problem(
            "must be one platform, os/arch[/variant], e.g. linux/arm64 (the image analyzed is one platform's)",
          ),
    commands: ['lint', 'analyze', 'compare'],
    metavar: 'OS/ARCH',
  }),
  fix: setting({
    doc: 'Make the mechanical fixes whose effect is certain: the Dockerfile is rewritten in place (and .dockerignore, for IG008); each change and each finding left for a person is listed.',
    default: false,
    defaultDoc: 'false',
    parse: boolean,
    input: false,
    commands: ['lint'],
  }),
  diff: setting({
    doc: 'With --fix: print the changes as a unified diff instead, and write nothing.',
    default: false,
    defaultDoc: 'false',
    parse: boolean,
    input: false,
    commands: ['lint'],
  }),
  'build-args': setting({ doc: 'One KEY=VALUE a line.', default: [] as string[], parse: lines }),
  secrets: setting({
    doc: 'Build secrets, one ID=VALUE a line, for `RUN --mount=type=secret,id=ID`. Masked; never in a log, comment, summary or report.',
    default: [] as { id: string; value: string }[],
    parse: secretLines,
    secret: true,
  }),
  'secret-files': setting({
    doc: 'Build secrets read from files, one ID=PATH a line.',
    default: [] as { id: string; value: string }[],
    parse: idLines('PATH', /^[^\s]+$/, 'npmrc=/home/runner/.npmrc'),
  }),
  'secret-envs': setting({
    doc: "Build secrets taken from the step's environment, one ID=ENV_NAME a line. Masked.",
    default: [] as { id: string; value: string }[],
    parse: idLines('ENV_NAME', /^[A-Za-z_][A-Za-z0-9_]*$/, 'token=NPM_TOKEN'),
  }),
  ssh: setting({
    doc: 'SSH agent sockets or keys for `RUN --mount=type=ssh`, one a line: default, or ID=PATH.',
    default: [] as string[],
    parse: flagLines('default=/tmp/ssh-agent.sock'),
  }),
  'cache-from': setting({
    doc: 'Build cache sources, one a line (type=gha, type=registry,ref=…, type=local,src=…), for the head and base builds.',
    default: [] as string[],
    parse: flagLines('type=gha'),
  }),
  'cache-to': setting({
    doc: "Build cache export, one a line (type=gha,mode=max, …), written by the head image's build.",
    default: [] as string[],
    parse: flagLines('type=gha,mode=max'),
  }),
  'build-contexts': setting({
    doc: 'Additional build contexts, one NAME=PATH|docker-image://…|https://… a line.',
    default: [] as string[],
    parse: (t: string) => {
      const parsed = flagLines('shared=../shared')(t);
      const bad =
        'value' in parsed ? parsed.value.find((l) => !/^[A-Za-z0-9][A-Za-z0-9_.-]*=./.test(l)) : undefined;
      return bad === undefined
        ? parsed
        : problem(
            `has the line ${JSON.stringify(bad)}: write NAME=PATH or NAME=docker-image://…, one a line`,
          );
    },
  }),
  builder: setting({
    doc: 'The buildx builder to build with (set up earlier, e.g. by docker/setup-buildx-action or a remote builder). Default: the current one.',
    default: null,
    parse: builderName,
  }),
  network: setting({
    doc: 'Network mode for RUN steps (default, none, host).',
    default: null,
    parse: network,
  }),
  pull: setting({
    doc: 'Always pull the newer version of base images while building.',
    default: false,
    defaultDoc: 'false',
    parse: boolean,
  }),
  labels: setting({ doc: 'Image labels, one KEY=VALUE a line.', default: [] as string[], parse: lines }),
  provenance: setting({
    doc: "buildx's provenance attestation; off by default, since attestations would change what is compared.",
    default: 'false' as string,
    defaultDoc: 'false',
    parse: attestation,
  }),
  sbom: setting({
    doc: "buildx's SBOM attestation; off by default, like provenance.",
    default: 'false' as string,
    defaultDoc: 'false',
    parse: attestation,
  }),
  image: setting({
    doc: 'An image already built by an earlier step; analyze it instead of building.',
    default: null,
    parse: text,
  }),
  'base-image': setting({
    doc: "The image to compare against: the engine's copy, else read from its registry (base-source). Empty builds the same Dockerfile at the base commit.",
    default: null,
    parse: pulledImage,
  }),
  'base-source': setting({
    doc: "Where base-image is read from: auto (the engine's copy when it has one, else the registry, with no pull), registry (always the registry: no pull, no export), or engine (pulled into the engine when missing, then exported).",
    default: 'auto' as 'auto' | 'registry' | 'engine',
    defaultDoc: 'auto',
    actionDefault: 'auto',
    parse: baseSource,
  }),
  'base-ref': setting({
    doc: "The base commit: its image is built, its config file judges a PR (policy-from). Default the PR's base SHA; on push, the before SHA.",
    default: null,
    defaultDoc: "the PR's base SHA; on push, before",
    parse: gitRef,
    commands: ['compare'],
    metavar: 'REF',
  }),
  'policy-from': setting({
    doc: "Whose config file judges a pull request: base (the config at the base commit, the reviewed one; the PR's own changes to it, and the inline ignores it adds, are listed in the comment) or head (the PR's own). Inputs (with:) win over both. The CLI's compare: base needs --base-ref.",
    default: 'base' as 'base' | 'head',
    defaultDoc: 'base',
    parse: policyFrom,
    commands: ['compare'],
    metavar: 'base|head',
  }),
  'allow-untrusted-build': setting({
    doc: "Build a fork's pull request under pull_request_target (or a workflow_run a fork's PR triggered), where the job has a write token and the secrets. Refused unless true; see SECURITY.md for the fork-safe recipe.",
    default: false,
    defaultDoc: 'false',
    parse: boolean,
  }),
  head: setting({
    doc: 'The image to judge.',
    default: null,
    parse: text,
    input: false,
    commands: ['compare'],
    metavar: 'IMAGE',
  }),
  base: setting({
    doc: 'The image to compare against.',
    default: null,
    parse: text,
    input: false,
    commands: ['compare'],
    metavar: 'IMAGE',
  }),
  'max-size': setting({
    ...BUDGET,
    doc: 'Budget on the head image size (250MB, 1.2GiB, bytes).',
    default: null,
    parse: size,
    commands: ['analyze', 'compare'],
  }),
  'max-increase': setting({
    ...BUDGET,
    doc: 'Budget on growth against the base (10MB or 5%).',
    default: null,
    parse: increase,
    commands: ['compare'],
  }),
  'max-wasted': setting({
    ...BUDGET,
    doc: 'Budget on wasted bytes.',
    default: null,
    parse: size,
    commands: ['analyze', 'compare'],
  }),
  'min-efficiency': setting({
    ...BUDGET,
    doc: 'Budget on efficiency, 0..1.',
    default: null,
    parse: efficiency,
    commands: ['analyze', 'compare'],
    metavar: 'E',
  }),
  'max-layers': setting({
    ...BUDGET,
    doc: 'Budget on non-empty layers.',
    default: null,
    parse: count,
    commands: ['analyze', 'compare'],
    metavar: 'N',
  }),
  'fail-on': setting({
    doc: 'The lowest finding severity that fails the step (error, warning, info, never); broken budgets always fail.',
    default: 'error' as FailOn,
    defaultDoc: 'error',
    parse: failOn,
    config: true,
    commands: ['lint', 'analyze', 'compare'],
    metavar: 'LEVEL',
  }),
  ignore: setting({
    doc: 'Rule ids to skip, comma or newline separated.',
    default: [] as string[],
    parse: ruleIds,
    config: true,
    commands: ['lint', 'analyze', 'compare'],
    metavar: 'IDS',
  }),
  config: setting({
    doc: 'Config file: budgets, ignores, severity overrides and the other settings marked "config" (default .image-guard.yml when present).',
    default: null,
    defaultDoc: '.image-guard.yml when present',
    parse: text,
    commands: ['lint', 'analyze', 'compare'],
    metavar: 'FILE',
  }),
  files: setting({
    doc: 'File-level analysis (wasted space, largest files, content checks); false = layers only, no export.',
    default: true,
    defaultDoc: 'true',
    parse: boolean,
    config: true,
    commands: ['analyze', 'compare'],
  }),
  'pull-size': setting({
    doc: 'Count the compressed size of locally built layers for the pull size and time (gzip and zstd of every byte); false = only what a registry manifest says.',
    default: true,
    defaultDoc: 'true',
    parse: boolean,
    config: true,
    commands: ['analyze', 'compare'],
  }),
  'cache-probe': setting({
    doc: 'Rebuild the head image after a one-file source change and report which layers missed the cache.',
    default: false,
    defaultDoc: 'false',
    parse: boolean,
    config: true,
  }),
  comment: setting({
    actionDefault: 'true',
    doc: 'Post or update the sticky PR comment.',
    default: true,
    defaultDoc: 'true',
    parse: boolean,
  }),
  suggestions: setting({
    actionDefault: 'true',
    doc: 'Suggest mechanical fixes in a PR review.',
    default: true,
    defaultDoc: 'true',
    parse: boolean,
  }),
  'comment-key': setting({
    doc: 'Separates sticky comments of several images in one PR (default derived from dockerfile and target).',
    default: null,
    defaultDoc: 'dockerfile and target',
    parse: text,
  }),
  reports: setting({
    doc: 'JSON reports of image jobs to put in one comment (a glob, or several one a line, of report-file outputs downloaded from artifacts): the step then builds nothing and posts a table of all the images under its own comment-key (default aggregate).',
    default: [] as string[],
    parse: (t: string): Parsed<string[]> => ok(nonEmptyLines(t)),
  }),
  'github-token': setting({
    actionDefault: '${{ github.token }}',
    doc: 'Token for the PR comment.',
    default: '' as string,
    defaultDoc: '${{ github.token }}',
    parse: ok,
  }),
  'pull-bandwidth': setting({
    doc: 'Link speed for the pull-time estimate (100Mbit/s, 1Gbit/s, 12.5MB/s); pull time = compressed bytes x 8 / bandwidth.',
    default: DEFAULT_PULL_BANDWIDTH,
    defaultDoc: '100Mbit/s',
    parse: bandwidth,
    config: true,
    commands: ['compare'],
    metavar: 'SPEED',
  }),
  'build-time': setting({
    doc: "cached (builds reuse the engine's cache; a cached build is reported as such) or fresh (both images built with --no-cache, so their build times compare).",
    default: 'cached' as 'cached' | 'fresh',
    defaultDoc: 'cached',
    parse: buildTime,
    config: true,
  }),
  'startup-probe': setting({
    doc: 'Measure start-up time, docker run to ready: port:PORT (a TCP connect to the container) or cmd:COMMAND (run with sh -c in the container until it exits 0). Empty = not measured.',
    default: null,
    parse: startupProbe,
    config: true,
    commands: ['compare'],
    metavar: 'port:PORT|cmd:COMMAND',
  }),
  'startup-runs': setting({
    doc: 'Start-up runs per image; the median is reported.',
    default: 3,
    defaultDoc: '3',
    parse: runs,
    config: true,
    commands: ['compare'],
    metavar: 'N',
  }),
  'startup-timeout': setting({
    doc: 'Seconds a start-up run may take to get ready before it is reported as not ready.',
    default: 60,
    defaultDoc: '60',
    parse: seconds,
    config: true,
    commands: ['compare'],
    metavar: 'SECONDS',
  }),
  'history-branch': setting({
    doc: "The branch that keeps the image's size history: a push to the default branch (or a workflow_dispatch on it) appends a record (needs contents: write), a PR reads it to show the trend (contents: read). Created as an orphan branch when missing.",
    default: 'image-guard-history' as string,
    defaultDoc: 'image-guard-history',
    actionDefault: 'image-guard-history',
    parse: branchName,
  }),
  'history-limit': setting({
    doc: 'Records the history keeps per image (comment-key), the oldest dropped first; 0: no history is written or read.',
    default: 500,
    defaultDoc: '500',
    actionDefault: '500',
    parse: historyLimit,
  }),
  history: setting({
    doc: "A size history (JSON Lines, as the Action's history-branch keeps it): the head is shown against the last 30 sizes of its image.",
    default: null as string | null,
    parse: text,
    input: false,
    commands: ['compare'],
    metavar: 'FILE',
  }),
  'history-key': setting({
    doc: "The image's key in --history (the Action's comment-key); default: the only key the file holds.",
    default: null as string | null,
    parse: text,
    input: false,
    commands: ['compare'],
    metavar: 'KEY',
  }),
  'engine-timeout': setting({
    doc: 'Seconds the Docker engine may send nothing while it answers a request (inspect, pull, the export of an image) before the run gives up on it with an error. Empty: the IMAGE_GUARD_ENGINE_TIMEOUT environment variable, else 120.',
    default: null as number | null,
    defaultDoc: '120',
    parse: seconds,
    config: true,
    commands: ['analyze', 'compare'],
    metavar: 'SECONDS',
  }),
  'base-build-time': setting({
    doc: "The base image's build time as measured elsewhere: seconds, optionally /fresh, /uncached, /cached or /partly-cached.",
    default: null,
    parse: givenBuild,
    input: false,
    commands: ['compare'],
    metavar: 'S[/fresh|/uncached|/cached|/partly-cached]',
  }),
  'head-build-time': setting({
    doc: "The head image's build time as measured elsewhere, written like --base-build-time.",
    default: null,
    parse: givenBuild,
    input: false,
    commands: ['compare'],
    metavar: 'S[/…]',
  }),
};

export type SettingName = keyof typeof SETTINGS;
type ValueOf<S> = S extends SettingSpec<infer T> ? T : never;
/** Every setting's value, typed, keyed by its name. */
export type Settings = { -readonly [K in SettingName]: ValueOf<(typeof SETTINGS)[K]> };

export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** The formats other CI systems read, for every command (src/render/formats). */
const INTERCHANGE = ['gitlab', 'junit', 'checkstyle', 'github'] as const;

/** `--format` per command: not a setting of the Action or the config file, but parsed and checked the same way. */
export const FORMATS: Record<Command, readonly string[]> = {
  lint: ['text', 'json', 'sarif', ...INTERCHANGE],
  analyze: ['text', 'json', 'html', ...INTERCHANGE],
  compare: ['text', 'json', 'markdown', 'html', ...INTERCHANGE],
};
export const parseFormat = (command: Command, t: string): Parsed<string> => format(FORMATS[command])(t);

export function specOf(name: SettingName): SettingSpec<unknown> {
  return SETTINGS[name] as SettingSpec<unknown>;
}

/** The flag of a setting on the CLI: `--max-size`, or `--no-files` for a switch that is on by default. */
export function flagOf(name: SettingName): string {
  return specOf(name).default === true ? `--no-${name}` : `--${name}`;
}

/** What the user wrote for a setting and where: `{ text, shown }` where `shown` names it in an error. */
export interface Written {
  text: string;
  /** How an error names the source: `max-size` (an input), `--max-size` (a flag), `config x.yml: max-size`. */
  shown: string;
}

/**
 * Resolves every setting: what the user wrote (inputs or flags), then the config file's values, then the
 * defaults. Every bad value of either source is reported in one UserError, `bad inputs: a; b`. Returns the
 * values and the names the user wrote.
 */
export function resolveSettings(
  written: Partial<Record<SettingName, Written>>,
  fromFile: Partial<Settings> = {},
  what = 'bad inputs',
): { settings: Settings; explicit: Set<SettingName> } {
  const problems: string[] = [];
  const settings = {} as Record<SettingName, unknown>;
  const explicit = new Set<SettingName>();
  for (const name of SETTING_NAMES) {
    const spec = specOf(name);
    const w = written[name];
    if (w !== undefined && w.text.trim() !== '') {
      const parsed = spec.parse(w.text.trim());
      if ('problem' in parsed)
        problems.push(
          spec.secret
            ? `${w.shown}: ${parsed.problem}`
            : `${w.shown} ${JSON.stringify(w.text.trim())} ${parsed.problem}`,
        );
      else {
        settings[name] = parsed.value;
        explicit.add(name);
        continue;
      }
    }
    settings[name] = name in fromFile && fromFile[name] !== undefined ? fromFile[name] : spec.default;
  }
  if (problems.length > 0) throw new UserError(`${what}: ${problems.join('; ')}`);
  return { settings: settings as Settings, explicit };
}

/**
 * The config file's value of a setting, as YAML gives it (a string, a number, a boolean, a list of strings), to
 * the setting's value through the same parser as inputs and flags. A number or boolean reads as its text.
 */
export function parseFileValue(name: SettingName, value: unknown): Parsed<unknown> {
  let t: string;
  if (typeof value === 'string') t = value.trim();
  else if (typeof value === 'number' || typeof value === 'boolean') t = String(value);
  else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) t = value.join('\n');
  else
    return problem(`must be ${Array.isArray(value) ? 'a list of strings' : 'text, a number or true/false'}`);
  if (t === '') return { value: specOf(name).default };
  return specOf(name).parse(t);
}
