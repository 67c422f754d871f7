import { describe, expect, it } from 'vitest';
import { formatBytes, parseIncrease, parseSize } from '../../src/core/size.js';

describe('parseSize', () => {
  it.each([
    ['0', 0],
    ['1048576', 1048576],
    ['300B', 300],
    ['300 b', 300],
    ['1kB', 1000],
    ['1KB', 1000],
    ['250MB', 250_000_000],
    ['250mb', 250_000_000],
    ['1.5GB', 1_500_000_000],
    ['2TB', 2e12],
    ['1KiB', 1024],
    ['1.2GiB', Math.round(1.2 * 1024 ** 3)],
    ['512 MiB', 512 * 1024 ** 2],
    ['1tib', 1024 ** 4],
    ['.5MB', 500_000],
    ['  10 MB  ', 10_000_000],
    ['1.4999', 1],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each([
    '',
    'MB',
    '12QB',
    '-5MB',
    '+5MB',
    '1e6',
    '1,000',
    '1.2.3MB',
    '5%',
    '10 M B',
    'ten MB',
    '1G',
    '1.',
    '9e99TB',
  ])('%j is not a size', (text) => {
    expect(parseSize(text)).toBeNull();
  });
});

describe('parseIncrease', () => {
  it.each([
    ['5%', { percent: 5 }],
    ['2.5 %', { percent: 2.5 }],
    ['0%', { percent: 0 }],
    ['10MB', { bytes: 10_000_000 }],
    ['1024', { bytes: 1024 }],
  ])('%s', (text, expected) => {
    expect(parseIncrease(text)).toEqual(expected);
  });

  it.each(['', '%', '-5%', '5%%', 'five%', '12QB'])('%j is neither', (text) => {
    expect(parseIncrease(text)).toBeNull();
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [1536, '1.54 kB'],
    [215_000_000, '215 MB'],
    [215_400_000, '215 MB'],
    [1_020_000_000, '1.02 GB'],
    [12_345_678, '12.3 MB'],
    [999_700, '1 MB'],
    [999_999_999, '1 GB'],
    [3e15, '3 PB'],
    [-3_400_000, '-3.4 MB'],
    [-0, '0 B'],
  ])('%d is %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it('reads back through parseSize to within rounding', () => {
    for (const n of [1, 999, 123_456, 7_654_321_000]) {
      const back = parseSize(formatBytes(n).replace(' ', ''))!;
      expect(Math.abs(back - n) / n).toBeLessThan(0.005);
    }
  });
});
