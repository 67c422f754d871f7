// Text that comes from images, archives, Dockerfiles or the command line (file names, `created_by` lines,
// messages quoting them, image refs) is printed to terminals and CI logs. A name holding ESC can recolour,
// retitle or clear the terminal, a CR can overwrite a line already shown, a newline can forge a line of its
// own (a fake "passed", a fake `::error::` workflow command) and bidi overrides can reorder what is read.
// escapeTerminal shows every such character as a visible escape: `\x1b`, `\r`, `\n`, `\t`, `\u202e`.

// C0 and C1 controls and DEL (\p{Cc}), line and paragraph separators, and the bidi formatting characters.
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.codePointAt(0)!;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control, separator and bidi character shown as an escape; unchanged when it has none. */
export function escapeTerminal(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeOne) : text;
}
