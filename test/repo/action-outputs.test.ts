// action.yml's outputs are written by hand; the Action sets its outputs in src/action/outputs.ts. Each must name
// exactly the other's outputs (and the README's outputs table is generated from action.yml, checked in
// test/config/settings-doc.test.ts), so a renamed or new output cannot be documented wrong.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it, vi } from 'vitest';
import { parse } from 'yaml';

const set = new Map<string, unknown>();
vi.mock('@actions/core', () => ({
  setOutput: (name: string, value: unknown) => set.set(name, value),
}));

const { setOutputs } = await import('../../src/action/outputs.js');

it('the Action sets exactly the outputs action.yml declares, with a report and without one', () => {
  const yml = parse(readFileSync(resolve(import.meta.dirname, '../../action.yml'), 'utf8')) as {
    outputs: Record<string, { description: string }>;
  };
  const declared = Object.keys(yml.outputs).sort();
  for (const description of Object.values(yml.outputs))
    expect(description.description.length).toBeGreaterThan(5);
  const files = { passed: false, reportFile: '', commentFile: '/tmp/comment.md', commentUrl: '' };
  setOutputs(null, files);
  expect([...set.keys()].sort()).toEqual(declared);
  set.clear();
  setOutputs(
    {
      schemaVersion: 1,
      tool: { name: 'image-guard', version: '0' },
      head: { ref: 'h', id: 'sha256:1', size: 10, layers: [], files: null },
      base: null,
      baseUnavailable: null,
      delta: null,
      layers: [],
      findings: [],
      budgets: [],
      passed: true,
    },
    { ...files, passed: true },
  );
  expect([...set.keys()].sort()).toEqual(declared);
  expect(set.get('size')).toBe(10);
  expect(set.get('passed')).toBe('true');
});
