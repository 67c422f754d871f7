// Every relative link in the repository's Markdown resolves: to a file or folder in the repository (never out of
// it through `../`), and a `#anchor` into a Markdown file to one of its headings, named by GitHub's slug rules
// (`github-slugger`, the implementation of them that GitHub's own renderers follow: lower case, punctuation
// dropped, spaces to hyphens, -1, -2 for repeats). Links are read with `marked`'s lexer, so examples inside
// code spans and fenced blocks are not links, as on GitHub; `href`/`src` in inline HTML are links.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Markdown files in the repository: committed or new, not ignored (so node_modules, demo-output stay out). */
function markdownFiles(dir: string): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.md'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((file) => file !== '' && existsSync(join(dir, file)))
    .sort();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A heading's text as GitHub renders it: the text of its inline tokens, without the Markdown around them. */
function plainText(tokens: Token[] | undefined): string {
  let text = '';
  for (const token of tokens ?? []) {
    if (token.type === 'html') continue;
    if ('tokens' in token && token.tokens && token.type !== 'codespan') text += plainText(token.tokens);
    else if (token.type === 'image') text += '';
    else text += decodeEntities((token as Tokens.Text).text ?? '');
  }
  return text;
}

interface Parsed {
  links: string[];
  anchors: Set<string>;
}

const htmlAttribute = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const htmlAnchor = /<a\s[^>]*\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function parseMarkdown(content: string): Parsed {
  const links: string[] = [];
  const anchors = new Set<string>();
  const slugger = new GithubSlugger();
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'heading') anchors.add(slugger.slug(plainText((token as Tokens.Heading).tokens)));
      if (token.type === 'link' || token.type === 'image') links.push((token as Tokens.Link).href);
      if (token.type === 'html') {
        for (const m of token.raw.matchAll(htmlAttribute)) links.push(decodeEntities(m[1] ?? m[2] ?? ''));
        for (const m of token.raw.matchAll(htmlAnchor)) anchors.add(m[1] ?? m[2] ?? '');
      }
      if (token.type === 'code' || token.type === 'codespan') continue;
      if ('tokens' in token && token.tokens) walk(token.tokens);
      if (token.type === 'list') walk((token as Tokens.List).items);
      if (token.type === 'table') {
        const table = token as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens);
      }
    }
  };
  walk(new Lexer({ gfm: true }).lex(content));
  return { links, anchors };
}

/** Every broken relative link in `files` (paths from `dir`), as "file: link (why)". */
function brokenLinks(dir: string, files: string[]): string[] {
  const parsed = new Map<string, Parsed>();
  const parse = (file: string) => {
    let result = parsed.get(file);
    if (!result) {
      result = parseMarkdown(readFileSync(join(dir, file), 'utf8'));
      parsed.set(file, result);
    }
    return result;
  };
  const problems: string[] = [];
  for (const file of files) {
    for (const link of parse(file).links) {
      // Other sites (https:, mailto:, protocol-relative) are not this test's business.
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
      const [pathPart = '', anchor] = link.split('#', 2) as [string, string | undefined];
      let target: string;
      try {
        target = decodeURIComponent(pathPart.split('?')[0] ?? '');
      } catch {
        problems.push(`${file}: ${link} (not a valid URL path)`);
        continue;
      }
      // On GitHub a path that starts with / is from the repository's root.
      const absolute =
        target === ''
          ? join(dir, file)
          : resolve(target.startsWith('/') ? dir : dirname(join(dir, file)), target.replace(/^\/+/, ''));
      const inRepo = relative(dir, absolute);
      if (inRepo.startsWith('..') || isAbsolute(inRepo)) {
        problems.push(`${file}: ${link} (points outside the repository)`);
        continue;
      }
      if (!existsSync(absolute)) {
        problems.push(`${file}: ${link} (no such file or folder: ${inRepo})`);
        continue;
      }
      if (anchor === undefined || anchor === '') continue;
      if (statSync(absolute).isDirectory() || !/\.md$/i.test(absolute)) {
        problems.push(`${file}: ${link} (an anchor into something that is not a Markdown file)`);
        continue;
      }
      if (!parse(inRepo).anchors.has(decodeURIComponent(anchor).toLowerCase()))
        problems.push(`${file}: ${link} (no heading in ${inRepo} has the anchor #${anchor})`);
    }
  }
  return problems;
}

const files = markdownFiles(root);

describe('links in the Markdown files', () => {
  it('reads the Markdown files of the repository', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'CHANGELOG.md',
        'CONTRIBUTING.md',
        'README.md',
        'SECURITY.md',
        'docs/cli.md',
        'docs/design.md',
        'docs/performance.md',
        'docs/report.md',
        'docs/rules.md',
        'examples/python-api/README.md',
      ]),
    );
  });

  it('resolve to files, folders and headings in the repository', () => {
    expect(brokenLinks(root, files)).toEqual([]);
  });

  it('report every kind of broken link, and accept what GitHub resolves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'image-guard-links-'));
    try {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(
        join(dir, 'docs/guide.md'),
        '# The guide\n\n## What `size` means (in bytes)\n\n## Setup\n\n## Setup\n',
      );
      writeFileSync(join(dir, 'action.yml'), 'name: x\n');
      writeFileSync(
        join(dir, 'README.md'),
        [
          '# Read me',
          '',
          '[guide](docs/guide.md) [folder](docs/) [root](/action.yml) [self](#read-me) [site](https://example.com/x)',
          '[code heading](docs/guide.md#what-size-means-in-bytes) [second setup](docs/guide.md#setup-1)',
          '<img src="docs/guide.md"> `[in code](nowhere.md)`',
          '',
          '```',
          '[in a block](nowhere.md)',
          '```',
          '',
          '| a | b |',
          '|---|---|',
          '| [cell](missing-in-table.md) | x |',
          '',
          '- [item](../outside.md)',
          '- [gone](docs/gone.md) [bad anchor](docs/guide.md#nope) [own anchor](#nope)',
          '- [anchor in a file that is not Markdown](action.yml#x) <a href="missing.html">html</a>',
        ].join('\n'),
      );
      expect(brokenLinks(dir, ['README.md', 'docs/guide.md'])).toEqual([
        'README.md: missing-in-table.md (no such file or folder: missing-in-table.md)',
        'README.md: ../outside.md (points outside the repository)',
        'README.md: docs/gone.md (no such file or folder: docs/gone.md)',
        'README.md: docs/guide.md#nope (no heading in docs/guide.md has the anchor #nope)',
        'README.md: #nope (no heading in README.md has the anchor #nope)',
        'README.md: action.yml#x (an anchor into something that is not a Markdown file)',
        'README.md: missing.html (no such file or folder: missing.html)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
