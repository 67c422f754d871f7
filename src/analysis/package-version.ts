// Version order per package ecosystem: which of two installed versions is the newer one, as the ecosystem's own
// package manager decides it. dpkg (Debian policy), apk (apk-tools), rpm (rpmvercmp) and RubyGems are short,
// well-specified algorithms written here from their specifications; Python (PEP 440) and npm (semver) use the
// well-kept libraries made for them. Pure; versions are untrusted text and never throw.
import { compare as pep440Compare } from '@renovatebot/pep440/lib/operator.js';
import { valid as pep440Valid } from '@renovatebot/pep440/lib/version.js';
import semverCompare from 'semver/functions/compare.js';
import semverValid from 'semver/functions/valid.js';
import type { PackageEcosystem } from '../core/report.js';

/** Negative when `a` is older than `b`, 0 when the ecosystem orders them alike, positive when newer. */
export function compareVersions(ecosystem: PackageEcosystem, a: string, b: string): number {
  if (a === b) return 0;
  switch (ecosystem) {
    case 'deb':
      return compareDpkg(a, b);
    case 'apk':
      return compareApk(a, b);
    case 'rpm':
      return compareRpm(a, b);
    case 'python':
      return comparePep440(a, b);
    case 'npm':
      return compareSemver(a, b);
    case 'gem':
      return compareGem(a, b);
  }
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** Plain string order by UTF-16 code units (what C's strcmp gives for ASCII). */
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---- dpkg: [epoch:]upstream[-revision], Debian policy 5.6.12.

/** Debian's version order (`dpkg --compare-versions`): epoch, then upstream version, then revision. */
export function compareDpkg(a: string, b: string): number {
  const x = splitDpkg(a);
  const y = splitDpkg(b);
  if (x.epoch !== y.epoch) return x.epoch < y.epoch ? -1 : 1;
  return sign(dpkgPart(x.upstream, y.upstream)) || sign(dpkgPart(x.revision, y.revision));
}

/** `[epoch:]version[-release]`, as dpkg and rpm both write it: the release is what follows the last `-`. */
function splitEvr(evr: string): { epoch: number; version: string; release: string | null } {
  let v = evr;
  let epoch = 0;
  const colon = v.indexOf(':');
  if (colon > 0 && /^[0-9]+$/.test(v.slice(0, colon))) {
    epoch = Number(v.slice(0, colon));
    v = v.slice(colon + 1);
  }
  const dash = v.lastIndexOf('-');
  return dash >= 0
    ? { epoch, version: v.slice(0, dash), release: v.slice(dash + 1) }
    : { epoch, version: v, release: null };
}

function splitDpkg(text: string): { epoch: number; upstream: string; revision: string } {
  const { epoch, version, release } = splitEvr(text.trim());
  return { epoch, upstream: version, revision: release ?? '' };
}

/** A character's weight in the non-digit parts: `~` before the end, the end before letters, letters before the rest. */
function dpkgOrder(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 0x7e) return -1;
  return c + 256;
}

/** dpkg's `verrevcmp`: alternating non-digit parts (by `dpkgOrder`) and digit parts (as numbers). */
function dpkgPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const x = dpkgOrder(a, i);
      const y = dpkgOrder(b, j);
      if (x !== y) return x - y;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 0x30) i++;
    while (b.charCodeAt(j) === 0x30) j++;
    let firstDiff = 0;
    while (i < a.length && j < b.length && isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && isDigit(a.charCodeAt(i))) return 1;
    if (j < b.length && isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

// ---- apk: digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}, apk-tools' version.c.

enum Apk {
  InitialDigit,
  Digit,
  Letter,
  Suffix,
  SuffixNumber,
  CommitHash,
  Revision,
  End,
  Invalid,
}
/** Suffix ranks: the pre-releases below 5 (none), the post-releases above. */
const APK_SUFFIX: Record<string, number> = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10,
};
const APK_NO_SUFFIX = 5;

interface ApkToken {
  kind: Apk;
  /** The token's text (digits, the letter, the suffix word, the hash). */
  text: string;
  suffix: number;
}

/** apk's version order (`apk version -t`). A version apk would call invalid sorts below a valid one there. */
export function compareApk(a: string, b: string): number {
  const x = apkTokens(a);
  const y = apkTokens(b);
  let k = 0;
  for (; ; k++) {
    const s = x[k]!;
    const t = y[k]!;
    if (s.kind !== t.kind || s.kind >= Apk.End) break;
    const r = apkTokenOrder(s, t);
    if (r !== 0) return r;
  }
  const s = x[k]!;
  const t = y[k]!;
  if (s.kind === t.kind) return 0;
  // The longer version is newer, unless what it goes on with is a pre-release suffix (`1.0_rc1` < `1.0`).
  if (s.kind === Apk.Suffix && s.suffix < APK_NO_SUFFIX) return -1;
  if (t.kind === Apk.Suffix && t.suffix < APK_NO_SUFFIX) return 1;
  return s.kind > t.kind ? -1 : 1;
}

function apkTokenOrder(s: ApkToken, t: ApkToken): number {
  switch (s.kind) {
    case Apk.Digit:
      // A part with a leading zero compares as a string (`1.02` < `1.1`, `8.2.0015` < `8.2.002`).
      if (s.text.startsWith('0') || t.text.startsWith('0')) return byString(s.text, t.text);
      return digitsOrder(s.text, t.text);
    case Apk.InitialDigit:
    case Apk.SuffixNumber:
    case Apk.Revision:
      return digitsOrder(s.text, t.text);
    case Apk.Letter:
      return byString(s.text, t.text);
    case Apk.Suffix:
      return sign(s.suffix - t.suffix);
    default:
      return byString(s.text, t.text);
  }
}

/** Two digit strings as numbers, of any length. */
function digitsOrder(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  return x.length !== y.length ? sign(x.length - y.length) : byString(x, y);
}

/** The tokens of an apk version, ending with an End or Invalid token. */
function apkTokens(v: string): ApkToken[] {
  const out: ApkToken[] = [];
  let i = 0;
  const digits = (): string => {
    const start = i;
    while (i < v.length && isDigit(v.charCodeAt(i))) i++;
    return v.slice(start, i);
  };
  const push = (kind: Apk, text = '', suffix = 0): void => {
    out.push({
      kind: text === '' && kind < Apk.End && kind !== Apk.Suffix ? Apk.Invalid : kind,
      text,
      suffix,
    });
  };
  push(Apk.InitialDigit, digits());
  while (out[out.length - 1]!.kind < Apk.End) {
    const prev = out[out.length - 1]!.kind;
    if (i >= v.length) {
      push(Apk.End);
      break;
    }
    const c = v.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      if (prev > Apk.Digit) push(Apk.Invalid);
      else push(Apk.Letter, v[i++]!);
    } else if (c === 0x2e || isDigit(c)) {
      if (c === 0x2e) {
        if (prev > Apk.Digit) {
          push(Apk.Invalid);
          continue;
        }
        i++;
      }
      if (prev === Apk.InitialDigit || prev === Apk.Digit) push(Apk.Digit, digits());
      else if (prev === Apk.Suffix) push(Apk.SuffixNumber, digits());
      else push(Apk.Invalid);
    } else if (c === 0x5f) {
      if (prev > Apk.SuffixNumber) {
        push(Apk.Invalid);
        continue;
      }
      i++;
      const start = i;
      while (i < v.length && v.charCodeAt(i) >= 0x61 && v.charCodeAt(i) <= 0x7a) i++;
      const word = v.slice(start, i);
      const rank = Object.hasOwn(APK_SUFFIX, word) ? APK_SUFFIX[word]! : 0;
      if (rank === 0) push(Apk.Invalid);
      else push(Apk.Suffix, word, rank);
    } else if (c === 0x7e) {
      if (prev >= Apk.CommitHash) {
        push(Apk.Invalid);
        continue;
      }
      i++;
      const start = i;
      while (i < v.length && /[0-9a-fA-F]/.test(v[i]!)) i++;
      push(Apk.CommitHash, v.slice(start, i));
    } else if (c === 0x2d) {
      if (prev >= Apk.Revision || v[i + 1] !== 'r') {
        push(Apk.Invalid);
        continue;
      }
      i += 2;
      push(Apk.Revision, digits());
    } else {
      push(Apk.Invalid);
    }
  }
  return out;
}

// ---- rpm: [epoch:]version[-release], rpmvercmp.

/** RPM's order (`rpm.vercmp`, `rpmdev-vercmp`): epoch, then version, then release, each by `rpmvercmp`. */
export function compareRpm(a: string, b: string): number {
  const x = splitEvr(a);
  const y = splitEvr(b);
  if (x.epoch !== y.epoch) return x.epoch < y.epoch ? -1 : 1;
  const v = rpmvercmp(x.version, y.version);
  if (v !== 0 || x.release === null || y.release === null) return v;
  return rpmvercmp(x.release, y.release);
}

/** rpm's `rpmvercmp`: alphanumeric segments, numbers newer than letters, `~` before anything, `^` after the end. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const alnum = (c: number) => isDigit(c) || isAlpha(c);
  while (i < a.length || j < b.length) {
    while (i < a.length && !alnum(a.charCodeAt(i)) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !alnum(b.charCodeAt(j)) && b[j] !== '~' && b[j] !== '^') j++;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(a.charCodeAt(i));
    const kind = numeric ? isDigit : isAlpha;
    let ei = i;
    let ej = j;
    while (ei < a.length && kind(a.charCodeAt(ei))) ei++;
    while (ej < b.length && kind(b.charCodeAt(ej))) ej++;
    // A number against letters: the number is newer.
    if (ej === j) return numeric ? 1 : -1;
    const x = a.slice(i, ei);
    const y = b.slice(j, ej);
    const r = numeric ? digitsOrder(x, y) : byString(x, y);
    if (r !== 0) return r;
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

// ---- Python: PEP 440.

/** PEP 440's order; a version PEP 440 cannot parse (legacy) falls back to dpkg's general-purpose order. */
export function comparePep440(a: string, b: string): number {
  if (pep440Valid(a) && pep440Valid(b)) return sign(pep440Compare(a, b));
  return sign(dpkgPart(a, b));
}

// ---- npm: semver.

/** Semantic Versioning's order (build metadata ignored); a version that is not semver falls back to dpkg's order. */
export function compareSemver(a: string, b: string): number {
  if (semverValid(a, { loose: true }) && semverValid(b, { loose: true }))
    return semverCompare(a, b, { loose: true });
  return sign(dpkgPart(a, b));
}

// ---- RubyGems: Gem::Version.

/** `Gem::Version#<=>`: numeric and letter segments, a letter segment marks a pre-release, trailing zeros ignored. */
export function compareGem(a: string, b: string): number {
  const x = gemSegments(a);
  const y = gemSegments(b);
  const n = Math.max(x.length, y.length);
  for (let k = 0; k < n; k++) {
    const s = x[k] ?? 0;
    const t = y[k] ?? 0;
    if (s === t) continue;
    if (typeof s === 'string' && typeof t === 'number') return -1;
    if (typeof s === 'number' && typeof t === 'string') return 1;
    return s < t ? -1 : 1;
  }
  return 0;
}

/** Gem::Version's canonical segments: numbers and letter runs, trailing zeros of the release and pre-release parts dropped. */
function gemSegments(v: string): (number | string)[] {
  const all = (v.match(/[0-9]+|[a-z]+/gi) ?? []).map((s) => (/^[0-9]/.test(s) ? Number(s) : s));
  const firstString = all.findIndex((s) => typeof s === 'string');
  const parts = firstString < 0 ? [all] : [all.slice(0, firstString), all.slice(firstString)];
  return parts.flatMap((p) => {
    let end = p.length;
    while (end > 0 && p[end - 1] === 0) end--;
    return p.slice(0, end);
  });
}
