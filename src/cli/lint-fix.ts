// `image-guard lint --fix [--diff]`: the I/O around the pure fixer (src/lint/fix/): reads the Dockerfile, its
// build context and ignore file, writes what the fixer changed (or prints it as a unified diff with --diff),
// and lists each change and each finding left for a person. The exit status is lint's, judged on the findings
// left after the fix.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import { buildReport } from '../analysis/report.js';
import { fixContext } from '../app/fix-context.js';
import type { ImageGuardConfig } from '../config/config.js';
import type { Settings } from '../config/settings.js';
import { UserError } from '../core/errors.js';
import { type FixResult, fixDockerfile } from '../lint/fix/index.js';
import { lintDockerfileResult, readDockerfile } from '../lint/index.js';
import type { CliIO } from './io.js';

export interface LintFixRequest {
  dockerfile: string;
  /** The build context directory. */
  context: string;
  settings: Settings;
  config: ImageGuardConfig;
  format: string;
}

/** A path as a patch names it: relative to the current directory, with `/`. */
const patchPath = (path: string) => relative(process.cwd(), path).split('\\').join('/') || basename(path);

function unifiedDiff(path: string, before: string | null, after: string): string {
  const name = patchPath(path);
  const patch = structuredPatch(
    before === null ? '/dev/null' : `a/${name}`,
    `b/${name}`,
    before ?? '',
    after,
    undefined,
    undefined,
    { context: 3 },
  );
  return formatPatch(patch, FILE_HEADERS_ONLY);
}

export async function runLintFix(req: LintFixRequest, io: CliIO): Promise<number> {
  const { dockerfile, settings, config } = req;
  const diffOnly = settings.diff;
  if (req.format !== 'text' && req.format !== 'json')
    throw new UserError(`--fix prints text or json, not ${req.format}`);
  const read = await readDockerfile(dockerfile);
  if (read.tooLarge || read.problems.length > 0)
    throw new UserError(`${dockerfile} cannot be fixed: ${read.tooLarge ?? read.problems[0]!.message}`);
  const bytes = await readFile(dockerfile);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
  const text = bom + read.text;
  const options = {
    file: dockerfile,
    dockerfileName: basename(dockerfile),
    target: settings.target ?? undefined,
    platform: settings.platform ?? undefined,
    config,
  };
  const linted = await lintDockerfileResult(dockerfile, { ...options, context: req.context });
  const { findings, judged } = linted;
  const context = await fixContext(req.context, dockerfile, linted.context);
  const result: FixResult = fixDockerfile({ text, findings, context, options });

  const changes: { path: string; before: string | null; after: string }[] = [];
  if (result.text !== text) changes.push({ path: dockerfile, before: text, after: result.text });
  if (result.ignoreText !== null && context)
    changes.push({ path: context.ignorePath, before: context.ignoreText, after: result.ignoreText });
  const diff = diffOnly ? changes.map((c) => unifiedDiff(c.path, c.before, c.after)).join('') : '';
  if (!diffOnly) {
    for (const c of changes) {
      try {
        await writeFile(c.path, c.after);
      } catch (error) {
        throw new UserError(
          `${c.path} cannot be written: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        );
      }
    }
  }

  const { report } = buildReport({
    head: null,
    base: null,
    findings: result.findings,
    failOn: settings['fail-on'],
  });
  if (req.format === 'json') {
    const fix = {
      fixed: result.fixed.map((f) => ({ rule: f.finding.rule, line: f.line, change: f.summary })),
      left: result.left.map((l) => ({ rule: l.finding.rule, line: l.line ?? null, reason: l.reason })),
      written: diffOnly ? [] : changes.map((c) => c.path),
      ...(diffOnly ? { diff } : {}),
    };
    io.stdout.write(`${JSON.stringify({ ...report, judged, fix }, null, 2)}\n`);
  } else if (diffOnly) {
    io.stdout.write(diff);
  } else
    io.stdout.write(
      fixText(
        dockerfile,
        result,
        changes.map((c) => c.path),
      ),
    );
  return report.passed ? 0 : 1;
}

/** One line per change and per finding left, then what was written. */
export function fixText(dockerfile: string, result: FixResult, written: readonly string[]): string {
  const lines: string[] = [];
  for (const f of result.fixed)
    lines.push(`${dockerfile}:${f.line ?? 1}: fixed ${f.finding.rule} ${f.finding.name}: ${f.summary}`);
  for (const l of result.left) {
    const at = l.line === null || l.line === undefined ? dockerfile : `${dockerfile}:${l.line}`;
    lines.push(`${at}: left ${l.finding.rule} ${l.finding.name} (${l.finding.severity}): ${l.reason}`);
  }
  const n = (k: number, what: string) => `${k} ${what}`;
  lines.push(
    `${n(result.fixed.length, 'fixed')}, ${n(result.left.length, 'left')}${written.length > 0 ? `; wrote ${written.map((p) => p).join(' and ')}` : '; nothing written'}`,
  );
  return `${lines.join('\n')}\n`;
}
