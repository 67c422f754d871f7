// The recipes for other CI systems and tools (examples/ci/, .pre-commit-hooks.yaml, docs/recipes.md), checked
// like the GitHub workflows are: against the consumer's schema where one is published (pre-commit's hook
// manifest; GitLab CI, an excerpt of GitLab's own schema), and every image-guard command in them against the
// CLI's own flags. The schemas are in test/fixtures/schemas (README there: sources and licences).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseFlags } from '../../src/cli/flags.js';
import type { Command } from '../../src/config/settings.js';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const schema = (name: string) => {
  const s = JSON.parse(read(`test/fixtures/schemas/${name}`));
  delete s.$schema;
  return new Ajv({ allErrors: true, strict: false }).compile(s);
};

describe('.pre-commit-hooks.yaml', () => {
  const validate = schema('pre-commit-hooks.json');
  it("is valid against pre-commit's hook manifest schema, which catches what it must", () => {
    const hooks = parseYaml(read('.pre-commit-hooks.yaml'));
    expect(validate(hooks), JSON.stringify(validate.errors)).toBe(true);
    expect(validate([{ ...hooks[0], language: 'nodejs' }])).toBe(false);
    expect(validate([{ ...hooks[0], file: 'Dockerfile' }])).toBe(false);
  });

  it('matches Dockerfiles and Containerfiles by name, and nothing else', () => {
    const [hook] = parseYaml(read('.pre-commit-hooks.yaml'));
    const files = new RegExp(hook.files);
    for (const name of [
      'Dockerfile',
      'svc/Dockerfile',
      'Dockerfile.prod',
      'app.Dockerfile',
      'Containerfile',
      'a/b/Containerfile.dev',
      'x.containerfile',
    ])
      expect(files.test(name), name).toBe(true);
    for (const name of [
      'Dockerfile/README.md',
      'README.md',
      'MyDockerfile',
      'docs/dockerfile-notes.md',
      '.dockerignore',
    ])
      expect(files.test(name), name).toBe(false);
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  const validate = schema('gitlab-ci-excerpt.json');
  it("is valid against GitLab's CI schema (the parts it uses), which catches what it must", () => {
    const ci = parseYaml(read('examples/ci/gitlab-ci.yml'));
    expect(validate(ci), JSON.stringify(validate.errors)).toBe(true);
    const job = ci['image-guard'];
    expect(job.artifacts.reports).toEqual({ codequality: 'gl-code-quality.json', junit: 'image-guard.xml' });
    expect(validate({ j: { ...job, artifacts: { reports: { code_quality: 'x.json' } } } })).toBe(false);
  });
});

/** Every string of a YAML document, and the text of the other files with line continuations joined. */
function texts(path: string): string[] {
  const text = read(path);
  if (!/\.ya?ml$/.test(path)) return [text.replace(/\\\n\s*/g, ' ')];
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v.replace(/\\\n\s*/g, ' '));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(parseYaml(text));
  return out;
}

describe('the image-guard commands in the recipes', () => {
  const files = [...readdirSync(join(root, 'examples/ci')).map((f) => `examples/ci/${f}`), 'docs/recipes.md'];
  it.each(files)('%s: each takes its flags', (path) => {
    const commands: string[] = [];
    for (const text of texts(path))
      for (const m of text.matchAll(/image-guard (lint|analyze|compare)\b([^|;\n'`]*)/g)) commands.push(m[0]);
    expect(commands.length, `no image-guard command in ${path}`).toBeGreaterThan(0);
    for (const command of commands) {
      const [, name, ...args] = command
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/^"|"$/g, ''));
      expect(() => parseFlags(name as Command, args), command).not.toThrow();
    }
  });
});
