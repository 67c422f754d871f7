// docs/report.md describes the JSON report by hand. Every field of the report's types in src/core/report.ts (and
// of the aggregate report's, src/core/aggregate.ts) must be named there, so that a field added to the report
// cannot go undocumented.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const sources = ['src/core/report.ts', 'src/core/aggregate.ts'].map((f) =>
  readFileSync(resolve(root, f), 'utf8'),
);
const doc = readFileSync(resolve(root, 'docs/report.md'), 'utf8');

/** The field names of `export interface NAME { … }`, top level only (nested object types are skipped). */
function fieldsOf(name: string): string[] {
  const source = sources.find((s) => s.includes(`export interface ${name} {`)) ?? '';
  const start = source.indexOf(`export interface ${name} {`);
  expect(start, `interface ${name} in src/core/report.ts or aggregate.ts`).toBeGreaterThanOrEqual(0);
  const fields: string[] = [];
  let depth = 0;
  for (const line of source.slice(source.indexOf('{', start) + 1).split('\n')) {
    if (depth === 0 && /^\s*}/.test(line)) break;
    const field = depth === 0 ? /^\s*(\w+)\??:/.exec(line) : null;
    if (field) fields.push(field[1]!);
    depth += (line.match(/[{(]/g) ?? []).length - (line.match(/[})]/g) ?? []).length;
  }
  return fields;
}

it.each([
  'Report',
  'Image',
  'ImageLayer',
  'FileStats',
  'Finding',
  'LayerRow',
  'Delta',
  'Budget',
  'CacheProbe',
  'Costs',
  'ImageCosts',
  'BuildFigures',
  'StartupFigures',
  'CompressedSize',
  'PolicyReport',
  'PolicyChange',
  'AddedIgnore',
  'ReportAction',
  'AggregateReport',
  'AggregateImage',
  'SeverityCounts',
])('docs/report.md names every field of %s', (name) => {
  const fields = fieldsOf(name);
  expect(fields.length).toBeGreaterThan(0);
  for (const field of fields) expect(doc, `${name}.${field}`).toMatch(new RegExp(`\\b${field}\\??:`));
});
