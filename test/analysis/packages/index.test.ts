import { describe, expect, it } from 'vitest';
import { analyzeImage } from '../../../src/analysis/analyze.js';
import type { LayerSummary } from '../../../src/image/model.js';
import { imageData, layer } from '../helpers.js';

/** A layer summary whose package files have the given bodies (sizes as the tar would give them). */
function withBodies(bodies: Record<string, string>, ...specs: string[]): LayerSummary {
  const summary = layer(
    ...Object.entries(bodies).map(([path, body]) => `${path}:${Buffer.byteLength(body)}`),
    ...specs,
  );
  summary.packageFiles = new Map(Object.entries(bodies).map(([path, body]) => [path, Buffer.from(body)]));
  return summary;
}

describe('readPackages through analyzeImage', () => {
  it('says a Berkeley DB RPM database is not read, and counts malformed records, without failing', () => {
    const { image } = analyzeImage(
      imageData([
        {
          createdBy: 'RUN microdnf install x',
          summary: withBodies(
            {
              'node_modules/bad/package.json': '{ not json',
              'node_modules/good/package.json': '{"name":"good","version":"1.0.0"}',
            },
            'var/lib/rpm/Packages:4096',
          ),
        },
      ]),
    );
    expect(image.packages!.map((p) => `${p.ecosystem}:${p.name}@${p.version}`)).toEqual(['npm:good@1.0.0']);
    expect(image.packagesNote).toBe(
      'the RPM database /var/lib/rpm/Packages (Berkeley DB or NDB) is not read: rpm packages are not listed; 1 package record could not be read and was skipped',
    );
  });

  it('reads a database only as it is on top: replaced by a directory or deleted, it is gone', () => {
    const stanza = 'Package: a\nVersion: 1\nStatus: install ok installed\n';
    const { image } = analyzeImage(
      imageData([
        {
          createdBy: 'RUN a',
          summary: withBodies({
            'var/lib/dpkg/status': stanza,
            'node_modules/x/package.json': '{"name":"x","version":"1"}',
          }),
        },
        { createdBy: 'RUN b', summary: layer('-var/lib/dpkg/status', 'node_modules/x/package.json/') },
      ]),
    );
    expect(image.packages).toEqual([]);
    expect(image.packagesNote).toBeUndefined();
  });

  it('has no package list for layer summaries made without package files', () => {
    const { image, fileIndex } = analyzeImage(imageData([{ createdBy: 'RUN a', summary: layer('a:1') }]));
    expect(image.packages).toBeUndefined();
    expect(fileIndex!.owners).toBeUndefined();
  });
});
