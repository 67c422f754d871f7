import { describe, expect, it } from 'vitest';
import { escapeTerminal } from '../../src/core/terminal-escape.js';

describe('escapeTerminal', () => {
  it('shows ESC, CR, LF, TAB and other controls as escapes', () => {
    expect(escapeTerminal('/app/\u001b[2J\u001b]0;owned\u0007x')).toBe('/app/\\x1b[2J\\x1b]0;owned\\x07x');
    expect(escapeTerminal('ok\rFAIL')).toBe('ok\\rFAIL');
    expect(escapeTerminal('a\nimage-guard: passed')).toBe('a\\nimage-guard: passed');
    expect(escapeTerminal('a\tb\u0000c\u007fd')).toBe('a\\tb\\x00c\\x7fd');
  });

  it('escapes C1 controls (8-bit CSI), line separators and bidi overrides', () => {
    expect(escapeTerminal('\u009b31m')).toBe('\\x9b31m');
    expect(escapeTerminal('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
    expect(escapeTerminal('evil\u202egnp.exe\u2066')).toBe('evil\\u202egnp.exe\\u2066');
  });

  it('leaves printable text, non-ASCII letters and emoji as they are', () => {
    for (const text of [
      '/usr/lib/python3.12/site-packages',
      'RUN pip install -r "requirements.txt"',
      'café/日本語/🐳',
      '',
    ]) {
      expect(escapeTerminal(text)).toBe(text);
    }
  });
});
