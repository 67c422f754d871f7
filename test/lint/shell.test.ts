import { describe, expect, it } from 'vitest';
import { execFormCommands, splitCommands, tokenize } from '../../src/lint/shell.js';

const argvs = (script: string) => splitCommands(script).map((c) => c.argv.join(' '));

describe('splitCommands', () => {
  const table: [string, string[]][] = [
    ['apt-get update && apt-get install -y curl', ['apt-get update', 'apt-get install -y curl']],
    ['a || b; c | d & e', ['a', 'b', 'c', 'd', 'e']],
    ['a\nb', ['a', 'b']],
    ['a \\\n  b', ['a b']],
    ['echo "a && b"; c', ['echo a && b', 'c']],
    ["echo 'x; y' && z", ['echo x; y', 'z']],
    ['pip install "flask>=2" \'uvicorn[standard]\'', ['pip install flask>=2 uvicorn[standard]']],
    ['echo $(apt-get update && true) done', ['echo $(apt-get update && true) done']],
    ['echo `a; b` c', ['echo `a; b` c']],
    ['echo "$(a "b; c")" d', ['echo $(a "b; c") d']],
    ['if [ -f r.txt ]; then pip install -r r.txt; fi', ['[ -f r.txt ]', 'pip install -r r.txt']],
    ['for p in a b; do pip install $p; done', ['pip install $p']],
    ['while read l; do echo $l; done < file', ['read l', 'echo $l']],
    ['(cd web && npm ci)', ['cd web', 'npm ci']],
    ['{ apt-get update; apt-get install -y x; }', ['apt-get update', 'apt-get install -y x']],
    ['! grep -q x file', ['grep -q x file']],
    ['DEBIAN_FRONTEND=noninteractive apt-get install -y x', ['apt-get install -y x']],
    ['sudo -u app -E pip install x', ['pip install x']],
    ['env -u FOO A=1 npm ci', ['npm ci']],
    ['echo x | xargs -n 1 -I {} apt-get install -y {}', ['echo x', 'apt-get install -y {}']],
    ['timeout 30 pip install x', ['pip install x']],
    ['nice -n 10 make', ['make']],
    ['exec gunicorn app', ['gunicorn app']],
    ['sh -c "apt-get update && apt-get install -y curl"', ['apt-get update', 'apt-get install -y curl']],
    ["bash -euxo pipefail -c 'pip install a; pip install b'", ['pip install a', 'pip install b']],
    ['/bin/sh -ec "npm ci"', ['npm ci']],
    ['echo hi > /tmp/x 2>&1 && cat < /tmp/x', ['echo hi', 'cat']],
    ['pip install x >/dev/null 2>/dev/null', ['pip install x']],
    ['curl -fsSL https://x | sh -', ['curl -fsSL https://x', 'sh -']],
    ['echo a # comment && not-a-command\nb', ['echo a', 'b']],
    ['echo a#b', ['echo a#b']],
    ['cat <<EOF > /etc/x\napt-get install -y gcc\nEOF\necho done', ['cat', 'echo done']],
    ['cat <<-EOF\n\tbody\n\tEOF\nnext', ['cat', 'next']],
    ['echo "unterminated', ['echo unterminated']],
    ["echo 'unterminated", ['echo unterminated']],
    ['echo \\"a\\" b', ['echo "a" b']],
    ["echo $'a\\'b' c", ["echo a'b c"]],
    ['case "$x" in a) pip install a ;; esac', ['pip install a', 'esac']],
    ['a;;b', ['a', 'b']],
    ['', []],
    ['   \n  \n', []],
    ['a &&\r\nb', ['a', 'b']],
  ];
  for (const [script, expected] of table) {
    it(JSON.stringify(script), () => {
      expect(argvs(script)).toEqual(expected);
    });
  }

  it('keeps inline assignments as the command environment', () => {
    const [cmd] = splitCommands('NODE_ENV=production PIP_NO_CACHE_DIR=1 npm ci');
    expect(cmd!.env).toEqual({ NODE_ENV: 'production', PIP_NO_CACHE_DIR: '1' });
  });

  it('passes the environment of sh -c into its commands', () => {
    const cmds = splitCommands('UV_NO_CACHE=1 sh -c "uv sync"');
    expect(cmds).toEqual([{ argv: ['uv', 'sync'], env: { UV_NO_CACHE: '1' } }]);
  });
});

describe('execFormCommands', () => {
  it('reads argv as one command', () => {
    expect(execFormCommands(['pip', 'install', 'a b'])).toEqual([
      { argv: ['pip', 'install', 'a b'], env: {} },
    ]);
  });
  it('reads a shell -c script', () => {
    expect(
      execFormCommands(['/bin/bash', '-c', 'apt-get update && apt-get install -y x']).map((c) => c.argv[0]),
    ).toEqual(['apt-get', 'apt-get']);
  });
  it('is empty for []', () => {
    expect(execFormCommands([])).toEqual([]);
  });
});

describe('tokenize', () => {
  it('emits operators', () => {
    expect(
      tokenize('a&&b||c;d|e')
        .filter((t) => t.kind === 'op')
        .map((t) => t.value),
    ).toEqual(['&&', '||', ';', '|']);
  });
  it('never throws on odd input', () => {
    for (const s of ['$(', '${', '`', '"$(', "'", '\\', '<<', '>', '2>&', '((', '))'])
      expect(() => tokenize(s)).not.toThrow();
  });
});
