// The consumers' schemas the formats other systems read are checked against (test/fixtures/formats, README
// there: sources and licences), for the unit tests and the engine tier alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { validateXML } from 'xmllint-wasm';

const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/formats', name), 'utf8');

/** What libxml2 says is wrong with `xml` against the schema `xsd` of test/fixtures/formats; [] when valid. */
export async function xmlErrors(xml: string, xsd: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'report.xml', contents: xml },
    schema: { fileName: 'schema.xsd', contents: fixture(xsd) },
  });
  return result.errors.map((e) => e.rawMessage);
}

/**
 * GitLab's "Code Quality report format" table (docs.gitlab.com, ci/testing/code_quality): a JSON array of
 * objects with a description, a check_name, a unique fingerprint, a severity among Code Climate's five, and a
 * location with a path and lines.begin (or positions.begin.line). GitLab publishes no JSON schema: this is that
 * table written out, with the types Code Climate's spec gives the same fields.
 */
const GITLAB_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      type: { const: 'issue' },
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      categories: {
        type: 'array',
        minItems: 1,
        items: {
          enum: [
            'Bug Risk',
            'Clarity',
            'Compatibility',
            'Complexity',
            'Duplication',
            'Performance',
            'Security',
            'Style',
          ],
        },
      },
      content: { type: 'object', required: ['body'], properties: { body: { type: 'string' } } },
      location: {
        type: 'object',
        required: ['path'],
        properties: {
          path: { type: 'string', minLength: 1 },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
          positions: { type: 'object' },
        },
        oneOf: [{ required: ['lines'] }, { required: ['positions'] }],
      },
    },
  },
};
export const validateGitlab = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(
  GITLAB_SCHEMA,
);
