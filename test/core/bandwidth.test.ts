import { describe, expect, it } from 'vitest';
import { formatBandwidth, parseBandwidth } from '../../src/core/bandwidth.js';

describe('parseBandwidth', () => {
  it('bits, bytes, prefixes and bare Mbit/s', () => {
    expect(parseBandwidth('100Mbit/s')).toBe(100e6);
    expect(parseBandwidth('1 Gbit/s')).toBe(1e9);
    expect(parseBandwidth('50 Mbps')).toBe(50e6);
    expect(parseBandwidth('800kbit/s')).toBe(800e3);
    expect(parseBandwidth('12.5MB/s')).toBe(100e6);
    expect(parseBandwidth('250')).toBe(250e6);
  });
  it('refuses what is not a positive speed', () => {
    for (const bad of ['', 'fast', '0', '-5Mbit/s', '100 MB', '10 Tbit/s', '1e3'])
      expect(parseBandwidth(bad), bad).toBeNull();
  });
  it('formats back', () => {
    expect(formatBandwidth(100e6)).toBe('100 Mbit/s');
    expect(formatBandwidth(1.5e9)).toBe('1.5 Gbit/s');
  });
});
