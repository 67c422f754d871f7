// JUnit XML as Jenkins, Azure Pipelines and GitLab test reports read it (the shape of Jenkins' junit-10.xsd): one
// test case per rule the run checked and per budget, failed when the rule's findings reach fail-on or the budget
// is broken. Findings below fail-on are listed in the test case's system-out: seen, but not failing.
import type { Report } from '../../core/report.js';
import { VERSION } from '../../core/version.js';
import { type FormatContext, type Item, itemsOf, withFix } from './items.js';
import { buildXml, type XmlNode } from './xml.js';

const where = (item: Item, ctx: FormatContext): string =>
  `${item.file ?? ctx.dockerfile}${item.line !== null ? `:${item.line}` : ''}`;

const describe = (item: Item, ctx: FormatContext): string =>
  `${where(item, ctx)}: ${item.severity}: ${withFix(item)}`;

function testCase(name: string, classname: string, items: readonly Item[], ctx: FormatContext): XmlNode {
  const node: XmlNode = { '@name': name, '@classname': classname, '@time': '0' };
  const failing = items.filter((i) => i.fails);
  const passing = items.filter((i) => !i.fails);
  if (failing.length > 0) {
    const first = failing[0]!;
    node.failure = {
      '@type': first.kind === 'budget' ? 'budget' : first.severity,
      '@message': failing.length === 1 ? first.message : `${first.message} (and ${failing.length - 1} more)`,
      '#text': failing.map((i) => describe(i, ctx)).join('\n\n'),
    };
  }
  if (passing.length > 0) node['system-out'] = passing.map((i) => describe(i, ctx)).join('\n\n');
  return node;
}

function suite(name: string, cases: XmlNode[]): XmlNode {
  return {
    '@name': name,
    '@tests': cases.length,
    '@failures': cases.filter((c) => c.failure !== undefined).length,
    '@errors': 0,
    '@skipped': 0,
    '@time': '0',
    testcase: cases,
  };
}

export function renderJunit(report: Report, ctx: FormatContext): string {
  const items = itemsOf(report, ctx.failOn);
  const findings = items.filter((i) => i.kind === 'finding');
  // Every rule checked, and any rule a finding names that the list lacks (IG000, a rule of another registry).
  const rules = [...ctx.rules.map((r) => ({ id: r.id, name: r.name }))];
  for (const f of findings) if (!rules.some((r) => r.id === f.id)) rules.push({ id: f.id, name: f.name });
  const ruleCases = rules.map((r) =>
    testCase(
      `${r.id} ${r.name}`,
      'image-guard.rules',
      findings.filter((f) => f.id === r.id),
      ctx,
    ),
  );
  const suites = [suite('image-guard rules', ruleCases)];
  if (report.budgets.length > 0) {
    const budgetCases = report.budgets.map((b) =>
      testCase(
        `budget ${b.name}`,
        'image-guard.budgets',
        items.filter((i) => i.kind === 'budget' && i.id === b.name),
        ctx,
      ),
    );
    suites.push(suite('image-guard budgets', budgetCases));
  }
  const count = (key: '@tests' | '@failures') => suites.reduce((n, s) => n + Number(s[key]), 0);
  return buildXml({
    testsuites: {
      '@name': `image-guard ${VERSION}`,
      '@tests': count('@tests'),
      '@failures': count('@failures'),
      '@errors': 0,
      '@time': '0',
      testsuite: suites,
    },
  });
}
