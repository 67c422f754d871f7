// SARIF 2.1.0 as GitHub code scanning reads it: one run, rule metadata (descriptions, help, default level),
// results with a physical location (a repository-relative URI and a start line), and for a finding `lint --fix`
// can fix, that change as a SARIF fix (whole lines replaced), which SARIF viewers offer to apply.
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JudgedImage } from '../core/judged.js';
import type { Finding, Severity } from '../core/report.js';
import { VERSION } from '../core/version.js';
import type { Rule } from './rule.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};
const SECURITY_SEVERITY: Record<string, string> = { IG010: '5.0' };

/**
 * A path as a SARIF URI: relative to `root` (the repository or working directory) with forward slashes and
 * percent-encoding, as code scanning expects; a file outside `root` becomes a file:// URI.
 */
export function toUri(path: string, root: string | null = null): string {
  if (isAbsolute(path)) {
    const rel = root === null ? null : relative(root, path);
    if (rel === null || rel.startsWith('..') || isAbsolute(rel)) return pathToFileURL(path).href;
    path = rel;
  }
  const slashed = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return slashed
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/** The change `lint --fix` makes for one or more findings: lines `startLine`..`endLine` become `replacement`. */
export interface SarifLineFix {
  startLine: number;
  endLine: number;
  /** The lines replaced, as they are (without their line ends). */
  original: readonly string[];
  replacement: readonly string[];
  /** The file's line end, which joins the replacement's lines. */
  eol: '\n' | '\r\n';
  /** The findings the change fixes (matched to the results by rule and line). */
  findings: readonly Pick<Finding, 'rule' | 'line'>[];
}

function sarifFix(fix: SarifLineFix, uri: string) {
  const rules = [...new Set(fix.findings.map((f) => f.rule))].join(', ');
  return {
    description: { text: `What image-guard lint --fix changes for ${rules}` },
    artifactChanges: [
      {
        artifactLocation: { uri },
        replacements: [
          {
            deletedRegion: {
              startLine: fix.startLine,
              startColumn: 1,
              endLine: fix.endLine,
              endColumn: (fix.original.at(-1)?.length ?? 0) + 1,
            },
            insertedContent: { text: fix.replacement.join(fix.eol) },
          },
        ],
      },
    ],
  };
}

export function formatSarif(
  findings: readonly Finding[],
  rules: readonly Rule[],
  dockerfile: string,
  root: string | null = null,
  judged: JudgedImage | null = null,
  fixes: readonly SarifLineFix[] = [],
): string {
  const keyOf = (f: Pick<Finding, 'rule' | 'line'>) => `${f.rule}@${f.line ?? 0}`;
  const fixOf = new Map<string, SarifLineFix>();
  for (const fix of fixes) for (const f of fix.findings) fixOf.set(keyOf(f), fix);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'image-guard',
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.summary },
              fullDescription: { text: `${r.summary} ${r.rationale}` },
              help: {
                text: `${r.rationale}\n\nFix: ${r.fix}`,
                markdown: `**${r.id} ${r.name}**: ${r.summary}\n\n${r.rationale}\n\n**Fix:** ${r.fix}`,
              },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: {
                tags: ['dockerfile', r.id === 'IG010' ? 'security' : 'maintainability'],
                precision: 'high',
                ...(SECURITY_SEVERITY[r.id] ? { 'security-severity': SECURITY_SEVERITY[r.id] } : {}),
              },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(f.file ?? dockerfile, root) },
                region: { startLine: Math.max(1, f.line ?? 1) },
              },
            },
          ],
          ...(fixOf.has(keyOf(f))
            ? { fixes: [sarifFix(fixOf.get(keyOf(f))!, toUri(f.file ?? dockerfile, root))] }
            : {}),
          ...(f.bytes !== null ? { properties: { bytes: f.bytes } } : {}),
        })),
        columnKind: 'utf16CodeUnits',
        // which stage was judged as the image that ships, and why (`last stage` or `target`)
        ...(judged ? { properties: { judgedImage: judged } } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
