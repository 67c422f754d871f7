// The two locators the fixes stand on: the joined header mapped back to the source (source.ts) and the shell
// scanner's word offsets (shell-words.ts).
import { describe, expect, it } from 'vitest';
import { commandWords, scanScript } from '../../../src/lint/fix/shell-words.js';
import { argumentsOf, headerText, heredocBody, readSource } from '../../../src/lint/fix/source.js';

/** Each word as `value@text-as-written`, commands separated by their operator. */
function words(script: string): string[] {
  return scanScript(script).commands.map(
    (c) =>
      `${c.words.map((w) => `${w.value}${w.plain ? '' : '*'}@${script.slice(w.start, w.end)}`).join(' ')} ${JSON.stringify(c.endOp)}`,
  );
}

describe('scanScript', () => {
  const table: [string, string[]][] = [
    ['pip install flask', ['pip@pip install@install flask@flask ""']],
    ['a && b; c | d', ['a@a "&&"', 'b@b ";"', 'c@c "|"', 'd@d ""']],
    [`echo 'a b' "c $X" \\d`, [`echo@echo a b*@'a b' c $X*@"c $X" d*@\\d ""`]],
    ['x=$(date +%s) && y=`id -u`', ['x=$(date +%s)*@x=$(date +%s) "&&"', 'y=`id -u`*@y=`id -u` ""']],
    [
      'apt-get install -y curl >/dev/null 2>&1 # quiet',
      ['apt-get@apt-get install@install -y@-y curl@curl ""'],
    ],
    [
      'cat <<EOF > f && pip install x\nbody && not a command\nEOF\nls',
      ['cat@cat "&&"', 'pip@pip install@install x@x "\\n"', 'ls@ls ""'],
    ],
    ['a \\\n  b', ['a@a b@b ""']],
    [
      'if true; then pip install x; fi',
      ['if@if true@true ";"', 'then@then pip@pip install@install x@x ";"', 'fi@fi ""'],
    ],
    ['(cd web && npm ci)', ['cd@cd web@web "&&"', 'npm@npm ci@ci ")"']],
  ];
  for (const [script, want] of table) it(JSON.stringify(script), () => expect(words(script)).toEqual(want));

  it('says where the script ends, without its comment and trailing operator', () => {
    const s = 'apt-get install x >/dev/null;  # done';
    const scan = scanScript(s);
    expect(s.slice(0, scan.end)).toBe('apt-get install x >/dev/null;');
    expect(s.slice(0, scan.contentEnd)).toBe('apt-get install x >/dev/null');
    expect(scan.trailingOp).toBe(';');
    expect(scanScript("echo 'open").unsure).toBe(true);
  });

  it('passes over assignments, control words and a bare sudo to the command', () => {
    const [cmd] = scanScript('then PIP_X=1 sudo pip install x').commands;
    const found = commandWords(cmd!)!;
    expect(found.words.map((w) => w.value)).toEqual(['pip', 'install', 'x']);
    expect(found.env).toEqual({ PIP_X: '1' });
    expect(commandWords(scanScript('$PIP install x').commands[0]!)).toBeNull();
  });
});

describe('headerText: the joined header, each character at its place in the source', () => {
  const check = (source: string, joined: string) => {
    const file = readSource(source);
    const header = headerText(file, file.segments.at(-1)!);
    expect(header.text).toBe(joined);
    // every character comes from where the map says
    for (let k = 0; k < header.text.length; k++)
      expect(source.slice(header.from[k], header.to[k])).toBe(header.text[k]);
    return header;
  };
  it('drops continuations and the comment lines inside them', () => {
    check('FROM a\nRUN pip \\\n  # note\n\n  install x\n', 'RUN pip   install x');
  });
  it('keeps CRLF out of the text', () => {
    check('FROM a\r\nRUN pip \\\r\n  install x\r\n', 'RUN pip   install x');
  });
  it('follows the escape directive', () => {
    check('# escape=`\nFROM a\nRUN dir `\n  c:\\\n', 'RUN dir   c:\\');
  });
  it('after a byte-order mark', () => {
    check('\ufeffFROM a\nRUN x\n', 'RUN x');
  });
  it('splits off the keyword and flags', () => {
    const file = readSource('FROM a\nRUN --mount=type=cache,target="/a b" \\\n  pip install x\n');
    const { args, flags } = argumentsOf(headerText(file, file.segments[1]!), true);
    expect(args.text).toBe('pip install x');
    expect(flags.map((f) => f.text)).toEqual(['--mount=type=cache,target="/a b"']);
  });
  it('maps a heredoc body line by line, a CRLF ending standing for its newline', () => {
    const source = 'FROM a\r\nRUN <<EOF\r\nset -e\r\npip install x\r\nEOF\r\n';
    const file = readSource(source);
    const h = file.segments[1]!.heredocs[0]!;
    const body = heredocBody(file, h.bodyStart, h.bodyEnd);
    expect(body.text).toBe('set -e\npip install x');
    const nl = body.text.indexOf('\n');
    expect(source.slice(body.from[nl], body.to[nl])).toBe('\r\n');
  });
});
