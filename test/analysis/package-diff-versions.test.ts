// The version order of each ecosystem, held to published examples: dpkg's (Debian policy 5.6.12 and dpkg's own
// tests; every row also checked with `dpkg --compare-versions` on Debian 12 when written), apk-tools'
// test/version.data, rpm's tests/rpmvercmp.at, PEP 440's own ordering example, the Semantic Versioning
// specification's precedence example, and RubyGems' documented Gem::Version order.
import { describe, expect, it } from 'vitest';
import {
  compareApk,
  compareDpkg,
  compareGem,
  comparePep440,
  compareRpm,
  compareSemver,
  compareVersions,
  rpmvercmp,
} from '../../src/analysis/package-version.js';

type Op = '<' | '=' | '>';
const OPS: Record<Op, number> = { '<': -1, '=': 0, '>': 1 };
const sign = (n: number) => Math.sign(n) + 0;

/** Each row both ways: a op b, and b the reverse op a. */
function holds(compare: (a: string, b: string) => number, rows: [string, Op, string][]) {
  const wrong: string[] = [];
  for (const [a, op, b] of rows) {
    if (sign(compare(a, b)) !== OPS[op]) wrong.push(`${a} ${op} ${b}`);
    if (sign(compare(b, a)) !== -OPS[op]) wrong.push(`reversed: ${a} ${op} ${b}`);
  }
  expect(wrong).toEqual([]);
}

/** A list in ascending order: every pair compares as its positions do. */
function ascending(compare: (a: string, b: string) => number, list: string[]) {
  const wrong: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = 0; j < list.length; j++) {
      if (sign(compare(list[i]!, list[j]!)) !== Math.sign(i - j) + 0) wrong.push(`${list[i]} vs ${list[j]}`);
    }
  expect(wrong).toEqual([]);
}

const DPKG: [string, Op, string][] = [
  ['1.0', '<', '1.1'],
  ['1.0-1', '<', '1.0-2'],
  ['1.0', '=', '1.0-0'],
  ['0', '=', '0:0-0'],
  ['0:0-00', '=', '0:00-0'],
  ['1:0', '>', '9.9'],
  ['0:1.0', '=', '1.0'],
  ['1.0~rc1', '<', '1.0'],
  ['1.0~rc1~git1', '<', '1.0~rc1'],
  ['1.0~~', '<', '1.0~~a'],
  ['1.0~~a', '<', '1.0~'],
  ['1.0~', '<', '1.0'],
  ['1.0', '<', '1.0a'],
  ['1.0a', '<', '1.0+'],
  ['1.0+', '<', '1.0.1'],
  ['1.2.10', '>', '1.2.9'],
  ['1.002', '=', '1.2'],
  ['2.36-9+deb12u4', '>', '2.36-9+deb12u3'],
  ['2.36-9+deb12u4', '<', '2.36-9+deb12u10'],
  ['12.2.0-14', '>', '12.2.0-13+b1'],
  ['12.2.0-14+deb12u1', '>', '12.2.0-14'],
  ['1:2.38.1-5+deb12u1', '>', '2.40'],
  ['3.0.11-1~deb12u2', '<', '3.0.11-1'],
  ['5.2.15-2+b7', '>', '5.2.15-2+b2'],
  ['0:0-a', '<', '0:0-b'],
  ['1.0-1ubuntu1', '>', '1.0-1'],
  ['1.0-1', '<', '1.0-1.1'],
  ['0:0-0-0', '=', '0:0-0-0'],
];

const APK: [string, Op, string][] = [
  ['2.34', '>', '0.1.0_alpha'],
  ['23_foo', '>', '4_beta'],
  ['1.0', '<', '1.0bc'],
  ['0.1.0_alpha', '=', '0.1.0_alpha'],
  ['0.1.0_alpha', '<', '0.1.3_alpha'],
  ['0.1.0_alpha2', '>', '0.1.0_alpha'],
  ['0.1.0_alpha', '<', '2.2.39-r1'],
  ['1.0.4-r3', '<', '1.0.4-r4'],
  ['1.1', '>', '1.1_alpha1'],
  ['1.2.1', '>', '1.2'],
  ['1.2', '<', '1.3_alpha'],
  ['1.3_alpha2', '<', '1.3_alpha3'],
  ['0.8_beta1', '<', '0.8_beta2'],
  ['3.10.18-r1', '>', '2.3.0b-r1'],
  ['2.3.0b-r1', '<', '2.3.0b-r2'],
  ['0.12.3', '>', '0.12'],
  ['1.06-r6', '<', '006'],
  ['006', '>', '1.0.0'],
  ['1.2.2-r1', '>', '1.2.2'],
  ['3.1_p16', '<', '3.1_p17'],
  ['3.9.8-r5', '>', '2.01.01_alpha10'],
  ['1.0', '>', '0.99.3.20040818'],
  ['2.59', '<', '20050718-r1'],
  ['3.0.20060720', '<', '20060720'],
  ['2.5.1-r8', '<', '2.5.1a-r1'],
  ['1.3.5-r10', '>', '1.3.5-r8'],
  ['2.0.0_rc3-r1', '>', '1.5'],
  ['0.10.0', '<', '0.10.1_rc1'],
  ['0.10.0-r1', '>', '0.10.0'],
  ['1.2.07.8', '<', '1.2.12.04'],
  ['1.2.12.04', '<', '1.2.12.05'],
  ['0.01', '<', '0.06'],
  ['4.01', '<', '4.20'],
  ['0.20070118', '<', '0.20070207_rc1'],
  ['2.10.1', '>', '02.08.01b'],
  ['4.5_p1-r1', '>', '4.5_p1'],
  ['1.8.5', '<', '1.8.5_p2'],
  ['1.6.8_p12-r1', '>', '1.6.8_p9-r2'],
  ['2.9.11_pre20051101-r3', '>', '2.9.11_pre20051101'],
  ['7.0.17', '<', '7.0.174'],
  ['2.12r-r4', '<', '2.12r-r5'],
  ['1.3-r0', '<', '1.3.1-r0'],
  ['1.3_pre1-r1', '<', '1.3.2'],
  ['1.0_p10-r0', '>', '1.0_p9-r0'],
  ['0.1.0_alpha_pre2', '<', '0.1.0_alpha'],
  ['1.0.0_pre20191002222144-r0', '<', '1.0.0_pre20210530193627-r0'],
];

const RPM: [string, string, number][] = [
  ['1.0', '1.0', 0],
  ['1.0', '2.0', -1],
  ['2.0.1', '2.0', 1],
  ['2.0.1a', '2.0.1', 1],
  ['5.5p1', '5.5p2', -1],
  ['5.5p1', '5.5p10', -1],
  ['10xyz', '10.1xyz', -1],
  ['xyz10', 'xyz10.1', -1],
  ['xyz.4', '8', -1],
  ['2', 'xyz.4', 1],
  ['5.5p2', '5.6p1', -1],
  ['6.0.rc1', '6.0', 1],
  ['10b2', '10a1', 1],
  ['1.0a', '1.0aa', -1],
  ['10.0001', '10.1', 0],
  ['10.0001', '10.0039', -1],
  ['4.999.9', '5.0', -1],
  ['20101121', '20101122', -1],
  ['2_0', '2.0', 0],
  ['a+', 'a_', 0],
  ['+a', '_a', 0],
  ['_+', '+_', 0],
  ['+', '_', 0],
  ['1.0~rc1', '1.0', -1],
  ['1.0~rc1', '1.0~rc2', -1],
  ['1.0~rc1~git123', '1.0~rc1', -1],
  ['1.0~rc1~git123', '1.0~rc1~git123', 0],
];

describe('dpkg order (Debian policy)', () => {
  it('agrees with the published and dpkg-checked examples', () => holds(compareDpkg, DPKG));
  it('orders ~ before the end, the end before letters, letters before other characters', () =>
    ascending(compareDpkg, ['1~~', '1~~a', '1~', '1', '1a', '1+', '1.1']));
});

describe('apk order (apk-tools)', () => {
  it("agrees with apk-tools' test/version.data", () => holds(compareApk, APK));
  it('puts pre-release suffixes before the release, then the revision, then post-release suffixes and letters', () =>
    ascending(compareApk, [
      '1.0_alpha',
      '1.0_beta',
      '1.0_pre',
      '1.0_rc',
      '1.0',
      '1.0-r1',
      '1.0_cvs',
      '1.0_svn',
      '1.0_git',
      '1.0_hg',
      '1.0_p1',
      '1.0a',
    ]));
  it('compares a part with a leading zero as a string', () => {
    expect(sign(compareApk('8.2.0015', '8.2.002'))).toBe(-1);
    expect(sign(compareApk('1.02', '1.1'))).toBe(-1);
  });
});

describe('rpm order (rpmvercmp)', () => {
  it("agrees with rpm's tests/rpmvercmp.at", () => {
    const wrong = RPM.filter(([a, b, r]) => sign(rpmvercmp(a, b)) !== r || sign(rpmvercmp(b, a)) !== -r + 0);
    expect(wrong).toEqual([]);
  });
  it('puts ^ after the end of the version and before anything else', () => {
    expect(rpmvercmp('1.0^', '1.0')).toBe(1);
    expect(rpmvercmp('1.0^git1', '1.0.1')).toBe(-1);
    expect(rpmvercmp('1.0^git1', '1.0^git2')).toBe(-1);
  });
  it('compares epoch, then version, then release', () =>
    holds(compareRpm, [
      ['1:1.0-1', '>', '2.0-1'],
      ['1.0-2.el9', '>', '1.0-1.el9'],
      ['1.0-10.el9', '>', '1.0-9.el9'],
      ['2.34-100.el9_4.2', '<', '2.34-100.el9_4.10'],
      ['0:1.0-1', '=', '1.0-1'],
    ]));
});

describe('PEP 440 order', () => {
  it("agrees with the specification's ordering example", () =>
    ascending(comparePep440, [
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.0.15',
      '1.1.dev1',
    ]));
  it('normalizes spellings and epochs', () => {
    expect(comparePep440('1.0', '1.0.0')).toBe(0);
    expect(comparePep440('1.0-alpha-1', '1.0a1')).toBe(0);
    expect(comparePep440('1!0.1', '2.0')).toBe(1);
  });
});

describe('semver order (npm)', () => {
  it("agrees with the specification's precedence example", () =>
    ascending(compareSemver, [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.1.0',
      '2.0.0',
    ]));
  it('ignores build metadata', () => expect(compareSemver('1.0.0+a', '1.0.0+b')).toBe(0));
});

describe('RubyGems order', () => {
  it('orders pre-releases (a letter segment) before the release, trailing zeros ignored', () => {
    ascending(compareGem, ['1.0.a', '1.0.a.2', '1.0.b1', '1.0', '1.0.1', '1.1', '1.10']);
    expect(compareGem('1.0', '1')).toBe(0);
    expect(compareGem('1.0.a', '1.a')).toBe(0);
  });
});

describe('compareVersions', () => {
  it("uses each ecosystem's own order", () => {
    // 1.0~rc1 is older than 1.0 in Debian's order; semver reads neither as a pre-release of the other.
    expect(sign(compareVersions('deb', '1.0~rc1', '1.0'))).toBe(-1);
    expect(sign(compareVersions('apk', '1.0_rc1', '1.0'))).toBe(-1);
    expect(sign(compareVersions('python', '1.0rc1', '1.0'))).toBe(-1);
    expect(sign(compareVersions('npm', '1.0.0-rc.1', '1.0.0'))).toBe(-1);
    expect(sign(compareVersions('rpm', '1.0~rc1', '1.0'))).toBe(-1);
    expect(sign(compareVersions('gem', '1.0.rc1', '1.0'))).toBe(-1);
    // Where the orders differ: apk and dpkg read `1.02` and `1.1` otherwise.
    expect(sign(compareVersions('deb', '1.02', '1.1'))).toBe(1);
    expect(sign(compareVersions('apk', '1.02', '1.1'))).toBe(-1);
  });
  it('orders versions its library cannot parse without throwing', () => {
    expect(sign(compareVersions('npm', 'not-a-version-2', 'not-a-version-10'))).toBe(-1);
    expect(sign(compareVersions('python', 'weird 2', 'weird 10'))).toBe(-1);
    expect(sign(compareVersions('apk', '\u001b[31m', '1.0'))).toBe(-1);
  });
});
