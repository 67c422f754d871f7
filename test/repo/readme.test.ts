// The README is the front door: short enough to read on one screen's scroll, and in the order a workflow author
// needs it (what it does, the picture of the PR comment, the quick start). The reference material lives in
// docs/, and every page there is linked from the README.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');

describe('README.md', () => {
  it('is at most 10,500 bytes', () => {
    expect(statSync(resolve(root, 'README.md')).size).toBeLessThanOrEqual(10_500);
  });

  it('says what it does in three lines, then shows the PR comment, then the quick start', () => {
    const lines = readme.split('\n');
    expect(lines[0]).toBe('# image-guard');
    expect(lines[1]).toBe('');
    const intro = lines.slice(2, lines.indexOf('', 2));
    expect(intro).toHaveLength(3);
    const picture = readme.indexOf('docs/images/pr-comment.png');
    const firstHeading = readme.indexOf('\n## ');
    expect(picture).toBeGreaterThan(0);
    expect(picture).toBeLessThan(firstHeading);
    expect(readme.slice(firstHeading + 1)).toMatch(/^## Quick start\n/);
    expect(readme.slice(firstHeading)).toMatch(/^[\s\S]*?```yaml\n[\s\S]*?uses: OWNER\/image-guard@v1\n/);
  });

  it('shows, on its first screen, the two commands that set up a fresh machine: the demo and the tests', () => {
    const firstScreen = readme.slice(0, readme.indexOf('docs/images/pr-comment.png'));
    expect(firstScreen.split('\n').length).toBeLessThanOrEqual(15);
    const block = /```sh\n([\s\S]*?)```/.exec(firstScreen)?.[1] ?? '';
    const commands = block.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim());
    expect(commands).toContain('npm ci && npm run demo');
    expect(commands).toContain('npm test');
    const scripts = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.demo).toMatch(/engine\.sh/); // the demo brings up its engine itself
    expect(scripts.test).toMatch(/test-env\.sh/); // and so do the tests
  });

  it('has the sections a workflow author looks for', () => {
    const headings = readme.match(/^## .+$/gm) ?? [];
    for (const section of [
      'Quick start',
      'Inputs',
      'Outputs',
      'Permissions',
      'Pull requests from forks',
      'Recipes',
      'Troubleshooting',
      'Install the CLI',
    ])
      expect(headings).toContain(`## ${section}`);
  });

  it('links the reference pages of docs/, and every other page is linked from the README or from docs/', () => {
    const pages = readdirSync(resolve(root, 'docs')).filter((f) => f.endsWith('.md'));
    for (const page of ['cli.md', 'design.md', 'performance.md', 'report.md', 'rules.md'])
      expect(readme).toContain(`](docs/${page})`);
    const docs = pages.map((p) => readFileSync(resolve(root, 'docs', p), 'utf8')).join('\n');
    for (const page of pages)
      expect(readme.includes(`](docs/${page}`) || docs.includes(`](${page}`), page).toBe(true);
  });

  it('says nothing about material outside the repository', () => {
    for (const file of [
      'README.md',
      ...readdirSync(resolve(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ]) {
      const text = readFileSync(resolve(root, file), 'utf8');
      expect(text, file).not.toMatch(/shared\/seed|\bissue \d+/i);
    }
  });
});
